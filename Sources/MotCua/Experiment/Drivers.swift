import Foundation

/// What drives each verdict: the effect on every target of changing each input of a scenario
/// by a stated step in both directions (``DriverStep``), under common random numbers, ranked.
///
/// The method (docs/experiments.md, "What drives each verdict"):
/// 1. The base runs `replications` replications.
/// 2. **Reach**: an input reaches a target when its procedure, or a procedure on whose route its
///    office lies, meets the target's procedures in a common office, directly or through other
///    procedures (``Reach``), or when it is a policy of every procedure. Decisions are drawn per
///    procedure, arrivals and service times per procedure and office, so an input that cannot
///    reach a target leaves every replication of it unchanged: it is not evaluated for it and is
///    reported as "cannot reach".
/// 3. **Screening**: one direction of every input that reaches a chosen target (raised, or
///    lowered when it cannot be) and a backlog's removal run the first `screening` replications;
///    each replication is paired with the base's replication of the same seed.
/// 4. **Refinement**: per target, the inputs whose screened effect could reach the target's
///    margin (the distance from the base's interval to the threshold; 0 when the target is at
///    risk; half of it when screening on one replication) are candidates, and the `refine`
///    largest of them are refined: the changes that move the target towards its threshold (both
///    directions when it is at risk) run further replications, first up to half of
///    `replications` (at least 3), then — unless the changed value's interval already lies on one
///    side of the threshold of every target that asked for it — up to `replications`.
/// 5. **Ranking**: by the size of the effect (to the hundredth of a point shown), then by how
///    well it is measured (more pairs first).
public struct DriversResult: Sendable {
    /// One change of one input, measured on one target.
    public struct Effect: Sendable {
        public let change: DriverChange
        /// The target's value with the change.
        public let value: Estimate
        /// The paired difference (changed − base) over the replications run, with its 95% interval.
        public let difference: Estimate
    }

    /// One input's effects on one target it can reach.
    public struct Driver: Sendable {
        /// Index into ``DriversResult/inputs``.
        public let input: Int
        /// One per change run, in the order lower, higher, removed.
        public let effects: [Effect]
        /// Whether some change ran past the screening replications.
        public let refined: Bool
        /// The largest absolute mean difference of its changes: what the ranking sorts by first.
        public var size: Double { effects.map { abs($0.difference.mean) }.filter(\.isFinite).max() ?? 0 }
        /// The pairs behind its best-measured change: what the ranking sorts by second.
        public var pairs: Int { effects.map(\.difference.count).max() ?? 0 }
    }

    /// A target with its drivers, largest first.
    public struct TargetDrivers: Sendable {
        public let target: TargetResult
        /// How far the base's interval is from the threshold (0 when at risk): the size of
        /// effect that could change the verdict.
        public let margin: Double
        /// The inputs that can reach the target, ranked (``DriversAnalysis/rank(_:)``).
        public let drivers: [Driver]
        /// The inputs that cannot reach it (indices into ``DriversResult/inputs``): not
        /// evaluated for it, their effect is zero.
        public let unreachable: [Int]
    }

    /// A change that could not be run, and why (it makes an invalid scenario).
    public struct Skipped: Sendable {
        public let input: Int
        public let change: String
        public let reason: String
    }

    public let scenarioName: String
    public let scenarioNameVi: String?
    public let seed: UInt64
    public let selection: DriverInputs.Selection
    public let step: DriverStep
    public let replications: Int
    public let screeningReplications: Int
    /// How many inputs per target the refinement may take.
    public let refineLimit: Int
    public let inputs: [DriverInput]
    public let targets: [TargetDrivers]
    public let skipped: [Skipped]
    /// Inputs whose step changes nothing (a share of 0), by index.
    public let unchangeable: [Int]
    /// Inputs that reach none of the chosen targets: not run at all.
    public let reachingNone: Int
    /// Scenario evaluations: the base, every screened change and every change refined without
    /// having been screened.
    public let evaluations: Int
    /// Replications simulated in all.
    public let replicationsRun: Int
    /// Refined changes that stopped at the first round because their verdict was decided.
    public let stoppedEarly: Int
    /// Wall-clock seconds of the analysis.
    public let seconds: Double
}

/// Runs the drivers analysis (see ``DriversResult``).
public enum DriversAnalysis {
    /// The analysis' settings.
    public struct Plan: Sendable {
        public var selection: DriverInputs.Selection = .assumptions
        public var step: DriverStep = .standard
        /// Target ids (or prefixes) to analyse; empty for every target.
        public var targets: [String] = []
        public var replications = 6
        public var screening = 1
        public var refine = 4
        public var load = 1.0
        public init() {}
    }

    /// Which target results `wanted` names (ids or prefixes), or the first item that names none.
    public static func selectTargets(_ targets: [TargetResult], wanted: [String]) -> Result<[TargetResult], UnknownTarget> {
        switch TargetSelection.select(wanted, among: targets.map(\.id)) {
        case .failure(let unmatched): return .failure(UnknownTarget(id: unmatched.wanted, known: unmatched.known))
        case .success(let matches): return .success(targets.filter { TargetSelection.selects(matches, $0.id) })
        }
    }

    /// A `--target` that names no target.
    public struct UnknownTarget: Error, Sendable {
        public let id: String
        public let known: [String]
    }

    /// Drivers largest effect first, compared to the hundredth of a percentage point the reports
    /// show; equal at that precision, the better measured first (more pairs), then the larger
    /// effect, then scenario order. A refined input whose effect is 0.00 never ranks above a
    /// screened one that moved the target.
    public static func rank(_ drivers: [DriversResult.Driver]) -> [DriversResult.Driver] {
        func shown(_ size: Double) -> Double { (size * 10_000).rounded() }
        return drivers.sorted { a, b in
            if shown(a.size) != shown(b.size) { return shown(a.size) > shown(b.size) }
            if a.pairs != b.pairs { return a.pairs > b.pairs }
            if a.size != b.size { return a.size > b.size }
            return a.input < b.input
        }
    }

    /// The distance from the base's interval to the threshold, in the target's units; negative
    /// or zero when the interval straddles it.
    static func margin(_ t: TargetResult) -> Double {
        switch t.verdict {
        case .atRisk: return 0
        case .pass: return favoursHigh(t) ? t.estimate.low - t.threshold : t.threshold - t.estimate.high
        case .fail: return favoursHigh(t) ? t.threshold - t.estimate.high : t.estimate.low - t.threshold
        }
    }

    static func favoursHigh(_ t: TargetResult) -> Bool { t.comparator == .atLeast || t.comparator == .above }

    /// Whether a difference of `difference` moves the target's value towards its threshold
    /// (towards failing when it passes, towards passing when it fails).
    static func towardsThreshold(_ difference: Double, _ t: TargetResult) -> Bool {
        let favourable = favoursHigh(t) ? difference > 0 : difference < 0
        return t.verdict == .fail ? favourable : !favourable
    }

    /// Whether a value's interval lies wholly on one side of the target's threshold.
    static func decided(_ value: Estimate, _ t: TargetResult) -> Bool {
        guard value.count > 1, value.low.isFinite, value.high.isFinite else { return false }
        return value.low > t.threshold || value.high < t.threshold
    }

    /// The analysis of `document`.
    /// - Parameters:
    ///   - seed: the run seed; replication `i` of every change uses the base's seed `i`.
    ///   - folder: keeps every evaluation's replications, as in `run --results`.
    ///   - log: progress lines.
    public static func run(document: ScenarioDocument, plan: Plan, seed: UInt64, jobs: Int, results folder: String? = nil,
                           log: (@Sendable (String) -> Void)? = nil) async throws(SimulationError) -> DriversResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let inputs = DriverInputs.find(in: document.json, selection: plan.selection)
        let screening = Swift.min(plan.screening, plan.replications)
        var evaluations = 0, replicationsRun = 0

        func scenario(_ edits: [DriverInput.Leaf]) -> Result<Scenario, ScenarioError> {
            do throws(ScenarioError) {
                let scenario = try document.scenario(setting: edits.map { ($0.path, JSONValue.number($0.value)) }).scalingLoad(by: plan.load)
                if let problem = RunLimits.problem(scenario) { throw ScenarioError(file: document.file, issues: [problem]) }
                return .success(scenario)
            } catch {
                return .failure(error)
            }
        }
        /// Target values [replication][target] of replications `work[k].1` of each scenario
        /// `work[k].0`: one replication per task, `jobs` at a time, so that both cores stay busy
        /// however few replications a change runs; each result depends only on its scenario and
        /// seed, never on the order tasks finish.
        func evaluate(_ work: [(Scenario, Range<Int>)], phase: String) async throws(SimulationError) -> [[[Double]]] {
            let tasks = work.enumerated().flatMap { k, item in item.1.map { (k, $0) } }
            var values = work.map { Array(repeating: [Double](), count: $0.1.count) }
            replicationsRun += tasks.count
            guard !tasks.isEmpty else { return values }
            do {
                try await withThrowingTaskGroup(of: (Int, Int, [Double]).self) { group in
                    var next = 0, finished = 0
                    func launch() {
                        let (k, replication) = tasks[next]
                        next += 1
                        let changed = work[k].0
                        group.addTask {
                            let model = SimulationModel(scenario: changed)
                            let store = try ResultStore.open(folder, fingerprint: changed.fingerprint)
                            let result = try await Experiment.run(model: model, seed: seed, indices: [replication], jobs: 1, store: store)
                            return (k, replication, ExperimentSummary(model: model, seed: seed, results: result.map(\.1)).targets.map(\.estimate.mean))
                        }
                    }
                    while next < Swift.min(Swift.max(1, jobs), tasks.count) { launch() }
                    while let (k, replication, targetValues) = try await group.next() {
                        values[k][replication - work[k].1.lowerBound] = targetValues
                        finished += 1
                        log?("\(phase): \(finished)/\(tasks.count) replications")
                        if next < tasks.count { launch() }
                    }
                }
            } catch let error as SimulationError {
                throw error
            } catch {
                throw SimulationError(message: "replication failed: \(error)")
            }
            return values
        }

        let baseScenario: Scenario
        switch scenario([]) {
        case .success(let s): baseScenario = s
        case .failure(let error): throw SimulationError(message: error.description)
        }
        let baseModel = SimulationModel(scenario: baseScenario)
        let baseResults = try await Experiment.run(model: baseModel, seed: seed, indices: Array(0..<plan.replications), jobs: jobs,
                                                   store: try ResultStore.open(folder, fingerprint: baseScenario.fingerprint)).map(\.1)
        evaluations += 1
        replicationsRun += plan.replications
        let baseSummary = ExperimentSummary(model: baseModel, seed: seed, results: baseResults)
        let baseTargets = baseSummary.targets
        let baseValues = baseResults.map { ExperimentSummary(model: baseModel, seed: seed, results: [$0]).targets.map(\.estimate.mean) }
        let chosen: [Int]
        switch selectTargets(baseTargets, wanted: plan.targets) {
        case .success(let targets): chosen = targets.compactMap { t in baseTargets.firstIndex { $0.id == t.id } }
        case .failure(let unknown): throw SimulationError(message: "no target \(unknown.id)")
        }
        log?("base: \(plan.replications) replications; \(inputs.count) inputs")
        let reach = Reach(baseScenario)
        let inputParts = inputs.map { reach.parts(of: $0.owner) }
        let targetParts = baseTargets.map { reach.parts(of: $0, in: baseScenario) }
        func reaches(_ i: Int, _ t: Int) -> Bool { inputParts[i].map { !$0.isDisjoint(with: targetParts[t]) } ?? true }

        // Screening: one direction of every input that reaches a chosen target (raised, or lowered
        // when it cannot be raised) and a backlog's removal, on the first `screening` replications.
        struct Run { let change: DriverChange; var values: [[Double]] }
        var runs: [[Run]] = Array(repeating: [], count: inputs.count)
        var skipped: [DriversResult.Skipped] = []
        var unchangeable: [Int] = []
        var screenWork: [(input: Int, change: DriverChange, scenario: Scenario)] = []
        func skip(_ i: Int, _ change: DriverChange, _ error: ScenarioError) {
            skipped.append(.init(input: i, change: change.label, reason: error.issues.first.map { "\($0.path): \($0.message)" } ?? error.description))
        }
        let reachingSome = inputs.indices.filter { i in chosen.contains { reaches(i, $0) } }
        for i in reachingSome {
            let changes = inputs[i].changes(plan.step)
            if changes.isEmpty { unchangeable.append(i) }
            var screenedDirection = false
            for change in changes.sorted(by: { ($0.direction == .higher ? 0 : 1) < ($1.direction == .higher ? 0 : 1) }) {
                if change.direction != .removed && screenedDirection { continue }
                switch scenario(change.edits) {
                case .failure(let error): skip(i, change, error)
                case .success(let changed):
                    screenWork.append((i, change, changed))
                    if change.direction != .removed { screenedDirection = true }
                }
            }
        }
        evaluations += screenWork.count
        let screened = try await evaluate(screenWork.map { ($0.scenario, 0..<screening) }, phase: "screening")
        for (k, work) in screenWork.enumerated() { runs[work.input].append(Run(change: work.change, values: screened[k])) }

        func effect(_ run: Run, target t: Int) -> DriversResult.Effect {
            let n = run.values.count
            return .init(change: run.change, value: Estimate(run.values.map { $0[t] }),
                         difference: Estimate((0..<n).map { run.values[$0][t] - baseValues[$0][t] }))
        }

        // Refinement: per target, its largest candidates; of each, the changes that move the
        // target towards its threshold (every change when it is at risk). A direction not
        // screened is taken to move opposite to the screened one.
        struct Request { let input: Int; let change: DriverChange; var targets: [Int] }
        var requests: [Request] = []
        func request(_ i: Int, _ change: DriverChange, for t: Int) {
            if let k = requests.firstIndex(where: { $0.input == i && $0.change == change }) {
                requests[k].targets.append(t)
            } else {
                requests.append(Request(input: i, change: change, targets: [t]))
            }
        }
        if plan.replications > screening && plan.refine > 0 {
            for t in chosen {
                let target = baseTargets[t]
                // One screening replication has no interval: the effect must reach half the margin.
                let need = Swift.max(0, margin(target)) * (screening == 1 ? 0.5 : 1)
                let candidates = inputs.indices.filter { reaches($0, t) }.compactMap { i -> (Int, Double)? in
                    let measured = runs[i].map { effect($0, target: t) }
                    let size = measured.map { abs($0.difference.mean) }.filter(\.isFinite).max() ?? 0
                    let extent = measured.map { Swift.max(abs($0.difference.low), abs($0.difference.high)) }.filter(\.isFinite).max() ?? 0
                    return size > 0 && extent >= need ? (i, size) : nil
                }
                for (i, _) in candidates.sorted(by: { ($0.1, -$0.0) > ($1.1, -$1.0) }).prefix(plan.refine) {
                    let screenedDirection = runs[i].first { $0.change.direction != .removed }
                    let screenedTowards = screenedDirection.map { towardsThreshold(effect($0, target: t).difference.mean, target) }
                    for change in inputs[i].changes(plan.step) {
                        let wanted: Bool
                        if target.verdict == .atRisk {
                            wanted = true
                        } else if change.direction == .removed {
                            wanted = runs[i].first { $0.change == change }.map { towardsThreshold(effect($0, target: t).difference.mean, target) } ?? false
                        } else if let screenedDirection, let screenedTowards {
                            wanted = (change == screenedDirection.change) == screenedTowards
                        } else {
                            wanted = true
                        }
                        if wanted { request(i, change, for: t) }
                    }
                }
            }
        }
        // Two rounds: up to half of the replications (at least 3), then the rest for the changes
        // whose verdict the first round left undecided.
        var stoppedEarly = 0
        var rounds = [Swift.min(plan.replications, Swift.max(3, (plan.replications + 1) / 2)), plan.replications]
        if rounds[0] <= screening || rounds[0] == rounds[1] { rounds.removeFirst() }
        var open = requests.indices.filter { k in
            let r = requests[k]
            if runs[r.input].contains(where: { $0.change == r.change }) { return true }
            if skipped.contains(where: { $0.input == r.input && $0.change == r.change.label }) { return false }
            switch scenario(r.change.edits) {
            case .success: return true
            case .failure(let error): skip(r.input, r.change, error); return false
            }
        }
        for (round, upTo) in rounds.enumerated() where !open.isEmpty {
            var work: [(request: Int, run: Int?, scenario: Scenario, from: Int)] = []
            for k in open {
                let r = requests[k]
                let run = runs[r.input].firstIndex { $0.change == r.change }
                let from = run.map { runs[r.input][$0].values.count } ?? 0
                guard from < upTo, case .success(let changed) = scenario(r.change.edits) else { continue }
                if run == nil { evaluations += 1 }
                work.append((k, run, changed, from))
            }
            let values = try await evaluate(work.map { ($0.scenario, $0.from..<upTo) }, phase: "refining \(round + 1)/\(rounds.count)")
            for (w, item) in work.enumerated() {
                let r = requests[item.request]
                if let run = item.run {
                    runs[r.input][run].values += values[w]
                } else {
                    runs[r.input].append(Run(change: r.change, values: values[w]))
                }
            }
            if round < rounds.count - 1 {
                let before = open.count
                open = open.filter { k in
                    let r = requests[k]
                    guard let run = runs[r.input].first(where: { $0.change == r.change }) else { return false }
                    return !r.targets.allSatisfy { decided(effect(run, target: $0).value, baseTargets[$0]) }
                }
                stoppedEarly += before - open.count
            }
        }
        let order = DriverChange.Direction.allCases
        for i in runs.indices {
            runs[i].sort { (order.firstIndex(of: $0.change.direction) ?? 0) < (order.firstIndex(of: $1.change.direction) ?? 0) }
        }

        let targets = chosen.map { t in
            let reachable = inputs.indices.filter { reaches($0, t) && !runs[$0].isEmpty }
            let drivers = reachable.map { i in
                DriversResult.Driver(input: i, effects: runs[i].map { effect($0, target: t) },
                                     refined: runs[i].contains { $0.values.count > screening })
            }
            return DriversResult.TargetDrivers(target: baseTargets[t], margin: Swift.max(0, margin(baseTargets[t])), drivers: rank(drivers),
                                               unreachable: inputs.indices.filter { !reaches($0, t) })
        }
        let now = DispatchTime.now().uptimeNanoseconds
        return DriversResult(scenarioName: baseModel.scenario.name, scenarioNameVi: baseModel.scenario.nameVi, seed: seed,
                             selection: plan.selection, step: plan.step, replications: plan.replications,
                             screeningReplications: screening, refineLimit: plan.refine, inputs: inputs, targets: targets,
                             skipped: skipped, unchangeable: unchangeable, reachingNone: inputs.count - reachingSome.count,
                             evaluations: evaluations, replicationsRun: replicationsRun, stoppedEarly: stoppedEarly,
                             seconds: now > started ? Double(now - started) / 1e9 : 0)
    }
}

/// Which parts of a scenario can influence each other: procedures joined when they share an
/// office (a desk, a department, the leaders who sign), directly or through other procedures.
/// Two procedures in different parts meet no common queue, so a change to one cannot move the
/// other's timing.
struct Reach {
    /// The part of each procedure (a representative procedure index).
    private let part: [Int]
    private let procedureIndex: [String: Int]
    private let users: [String: [Int]]

    init(_ scenario: Scenario) {
        var parent = Array(scenario.procedures.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        var users: [String: [Int]] = [:]
        for (p, procedure) in scenario.procedures.enumerated() {
            for office in Set(procedure.route.map(\.office)) {
                if let first = users[office]?.first { parent[root(p)] = root(first) }
                users[office, default: []].append(p)
            }
        }
        part = scenario.procedures.indices.map(root)
        procedureIndex = Dictionary(scenario.procedures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.users = users
    }

    /// The parts an input belongs to; nil for a policy of every procedure.
    func parts(of owner: DriverInput.Owner?) -> Set<Int>? {
        switch owner {
        case .procedure(let id)?: return Set(procedureIndex[id].map { [part[$0]] } ?? [])
        case .office(let id)?: return Set((users[id] ?? []).map { part[$0] })
        case nil: return nil
        }
    }

    /// The parts of a target's procedures: those of its field, or every procedure (a superset
    /// of its members when it is also restricted by level or office, so nothing is missed).
    func parts(of target: TargetResult, in scenario: Scenario) -> Set<Int> {
        let spec = scenario.targets.first { $0.id == target.id || target.id.hasPrefix($0.id + "/") }
        let field = spec?.field == "*" ? target.id.split(separator: "/").last.map(String.init) : spec?.field
        return Set(scenario.procedures.indices.filter { field == nil || scenario.procedures[$0].field == field }.map { part[$0] })
    }
}
