import Foundation

/// What drives each verdict: the effect on every target of changing each input of a scenario
/// by a stated step in both directions (``DriverStep``), under common random numbers, ranked.
///
/// The method (docs/experiments.md, "What drives each verdict"):
/// 1. The base runs `replications` replications.
/// 2. **Screening**: one direction of every input (raised, or lowered when it cannot be) and a
///    backlog's removal run the first `screening` replications; each replication is paired with
///    the base's replication of the same seed.
/// 3. **Refinement**: per target, the inputs that reach it and whose screened effect could
///    reach the target's margin (the distance from the base's interval to the threshold; 0 when
///    the target is at risk; half of it when screening on one replication) are candidates; the
///    `refine` largest of them run every change on all `replications`.
/// An input that only moves the timing or the decisions of dossiers that cannot reach a target
/// gives exactly zero difference in every pair.
public struct DriversResult: Sendable {
    /// One change of one input, measured on one target.
    public struct Effect: Sendable {
        public let change: DriverChange
        /// The target's value with the change.
        public let value: Estimate
        /// The paired difference (changed − base) over the replications run, with its 95% interval.
        public let difference: Estimate
    }

    /// One input's effects on one target.
    public struct Driver: Sendable {
        /// Index into ``DriversResult/inputs``.
        public let input: Int
        /// One per change, in the order lower, higher, removed.
        public let effects: [Effect]
        /// Whether the effects are over all replications (refined) or the screening ones.
        public let refined: Bool
        /// Whether the input can reach the target: it belongs to a procedure that shares an
        /// office with one of the target's procedures (directly or through others), or to an
        /// office on their routes, or to every procedure (the apology policy). An input that
        /// cannot reach it is not ranked: its measured difference is zero, or noise where the
        /// change moves the arrival order (see docs/experiments.md).
        public let reaches: Bool
        /// The largest absolute mean difference of its changes: what the ranking sorts by.
        public var size: Double { effects.map { abs($0.difference.mean) }.filter(\.isFinite).max() ?? 0 }
    }

    /// A target with its drivers, largest first.
    public struct TargetDrivers: Sendable {
        public let target: TargetResult
        /// How far the base's interval is from the threshold (0 when at risk): the size of
        /// effect that could change the verdict.
        public let margin: Double
        /// Every input with its effects, those that reach the target first, largest first.
        public let drivers: [Driver]

        /// The inputs that can reach the target, largest first.
        public var ranked: [Driver] { drivers.filter(\.reaches) }
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
    /// Scenario evaluations: the base, every screened change and every refined change.
    public let evaluations: Int
    /// Replications simulated in all.
    public let replicationsRun: Int
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
            evaluations += work.count
            replicationsRun += tasks.count
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
        let baseValues = baseResults.map { ExperimentSummary(model: baseModel, seed: seed, results: [$0]).targets.map(\.estimate.mean) }
        let chosen: [Int]
        switch selectTargets(baseSummary.targets, wanted: plan.targets) {
        case .success(let targets): chosen = targets.compactMap { t in baseSummary.targets.firstIndex { $0.id == t.id } }
        case .failure(let unknown): throw SimulationError(message: "no target \(unknown.id)")
        }
        log?("base: \(plan.replications) replications; \(inputs.count) inputs")
        let reach = Reach(baseScenario)
        let inputParts = inputs.map { reach.parts(of: $0.owner) }
        let targetParts = baseSummary.targets.map { reach.parts(of: $0, in: baseScenario) }
        func reaches(_ i: Int, _ t: Int) -> Bool { inputParts[i].map { !$0.isDisjoint(with: targetParts[t]) } ?? true }

        // Screening: one direction of every input (raised, or lowered when it cannot be raised)
        // and a backlog's removal, on the first `screening` replications.
        struct Run { let change: DriverChange; var values: [[Double]] }
        var runs: [[Run]] = Array(repeating: [], count: inputs.count)
        var skipped: [DriversResult.Skipped] = []
        var unchangeable: [Int] = []
        var screenWork: [(input: Int, change: DriverChange, scenario: Scenario)] = []
        func skip(_ i: Int, _ change: DriverChange, _ error: ScenarioError) {
            skipped.append(.init(input: i, change: change.label, reason: error.issues.first.map { "\($0.path): \($0.message)" } ?? error.description))
        }
        for (i, input) in inputs.enumerated() where chosen.contains(where: { reaches(i, $0) }) {
            let changes = input.changes(plan.step)
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
        let screened = try await evaluate(screenWork.map { ($0.scenario, 0..<screening) }, phase: "screening")
        for (k, work) in screenWork.enumerated() { runs[work.input].append(Run(change: work.change, values: screened[k])) }

        func effects(_ i: Int, target t: Int) -> [DriversResult.Effect] {
            runs[i].map { run in
                let n = run.values.count
                return .init(change: run.change, value: Estimate(run.values.map { $0[t] }),
                             difference: Estimate((0..<n).map { run.values[$0][t] - baseValues[$0][t] }))
            }
        }
        func margin(_ t: TargetResult) -> Double {
            let favourableHigh = t.comparator == .atLeast || t.comparator == .above
            switch t.verdict {
            case .atRisk: return 0
            case .pass: return favourableHigh ? t.estimate.low - t.threshold : t.threshold - t.estimate.high
            case .fail: return favourableHigh ? t.threshold - t.estimate.high : t.estimate.low - t.threshold
            }
        }

        // Refinement: per target, the largest candidates.
        var refined = Set<Int>()
        if plan.replications > screening {
            for t in chosen {
                // One screening replication has no interval: the effect must reach half the margin.
                let need = margin(baseSummary.targets[t]) * (screening == 1 ? 0.5 : 1)
                let candidates = inputs.indices.filter { reaches($0, t) }.compactMap { i -> (Int, Double)? in
                    let measured = effects(i, target: t)
                    let size = measured.map { abs($0.difference.mean) }.filter(\.isFinite).max() ?? 0
                    let reach = measured.map { Swift.max(abs($0.difference.low), abs($0.difference.high)) }.filter(\.isFinite).max() ?? 0
                    return size > 0 && reach >= need ? (i, size) : nil
                }
                for (i, _) in candidates.sorted(by: { ($0.1, -$0.0) > ($1.1, -$1.0) }).prefix(plan.refine) { refined.insert(i) }
            }
            // Every change of a refined input to all replications: the screened ones continue
            // where they stopped, the others start.
            var refineWork: [(input: Int, run: Int?, change: DriverChange, scenario: Scenario, from: Int)] = []
            for i in refined.sorted() {
                for change in inputs[i].changes(plan.step) {
                    let k = runs[i].firstIndex { $0.change == change }
                    guard k != nil || !skipped.contains(where: { $0.input == i && $0.change == change.label }) else { continue }
                    switch scenario(change.edits) {
                    case .failure(let error): skip(i, change, error)
                    case .success(let changed): refineWork.append((i, k, change, changed, k == nil ? 0 : screening))
                    }
                }
            }
            let refinedValues = try await evaluate(refineWork.map { ($0.scenario, $0.from..<plan.replications) }, phase: "refining")
            for (k, work) in refineWork.enumerated() {
                if let run = work.run {
                    runs[work.input][run].values += refinedValues[k]
                } else {
                    runs[work.input].append(Run(change: work.change, values: refinedValues[k]))
                }
            }
            let order = DriverChange.Direction.allCases
            for i in refined {
                runs[i].sort { (order.firstIndex(of: $0.change.direction) ?? 0) < (order.firstIndex(of: $1.change.direction) ?? 0) }
            }
        }

        let targets = chosen.map { t in
            let drivers = inputs.indices.filter { !runs[$0].isEmpty }
                .map { DriversResult.Driver(input: $0, effects: effects($0, target: t), refined: refined.contains($0), reaches: reaches($0, t)) }
                .sorted { ($0.reaches ? 1 : 0, $0.size, -$0.input) > ($1.reaches ? 1 : 0, $1.size, -$1.input) }
            return DriversResult.TargetDrivers(target: baseSummary.targets[t], margin: Swift.max(0, margin(baseSummary.targets[t])), drivers: drivers)
        }
        let now = DispatchTime.now().uptimeNanoseconds
        return DriversResult(scenarioName: baseModel.scenario.name, scenarioNameVi: baseModel.scenario.nameVi, seed: seed,
                             selection: plan.selection, step: plan.step, replications: plan.replications,
                             screeningReplications: screening, refineLimit: plan.refine, inputs: inputs, targets: targets,
                             skipped: skipped, unchangeable: unchangeable, evaluations: evaluations, replicationsRun: replicationsRun,
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

/// A scenario document after its overlays and settings, before it is checked: what the
/// what-if mechanisms and `drivers` edit.
public struct ScenarioDocument: Sendable {
    public let json: JSONValue
    /// How the document was made, for messages: `file + overlay + --set`.
    public let file: String
    let directory: String
    /// The folders of the overlays that name files (``ScenarioLoader/fileKeys``).
    var folders: [String: String] = [:]

    /// Reads the scenario at `path`, lays the overlays over it in order and applies the
    /// `path=value` settings (values are JSON, or a plain string when they do not parse).
    public static func load(path: String, overlays: [String], settings: [(String, String)]) throws(ScenarioError) -> ScenarioDocument {
        let (edited, folders) = try ScenarioLoader.editedDocumentAndFolders(path: path, overlays: overlays, settings: settings)
        var document = edited
        let what = ([path] + overlays).joined(separator: " + ") + (settings.isEmpty ? "" : " + --set")
        let directory = (path as NSString).deletingLastPathComponent
        // The rows of a procedure table become part of the document, so that their values
        // can be named and changed by path like any other.
        if case .string(let relative)? = document["procedureTable"] {
            let diagnostics = Diagnostics()
            let tablePath = ScenarioLoader.resolve(relative, in: folders["procedureTable"] ?? directory)
            if let rows = ProcedureTable.overlay(path: tablePath, reportAs: relative, diagnostics: diagnostics, at: "procedureTable") {
                document = document.overlaid(with: rows)
                if case .object(let members) = document { document = .object(members.filter { $0.key != "procedureTable" }) }
            }
            if !diagnostics.isEmpty { throw ScenarioError(file: what, issues: diagnostics.issues) }
        }
        return ScenarioDocument(json: document, file: what, directory: directory, folders: folders)
    }

    /// The checked scenario, with the numbers at `edits`' paths replaced first.
    public func scenario(setting edits: [(String, JSONValue)] = []) throws(ScenarioError) -> Scenario {
        var document = json
        for (path, value) in edits {
            do {
                document = try document.setting(path, to: value)
            } catch {
                throw ScenarioError(file: file, issues: [ScenarioIssue(path: path, message: error.message)])
            }
        }
        return try ScenarioLoader.decode(document, file: file, directory: directory, folders: folders)
    }
}
