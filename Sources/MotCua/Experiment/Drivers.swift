import Foundation

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
        /// Infer the second half of a split group (sequential bifurcation, ``GroupScreening``).
        /// Off by default: on Gò Vấp the effects inside a group do not add up (more work and
        /// longer waits together overload a queue more than apart), and an inferred half
        /// misranked (an opening backlog's +20% inferred at −4.63 points on construction).
        public var inferHalves = false
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

    /// Whether a paired difference's interval stays short of a passing or failing target's
    /// margin towards its threshold: the change cannot carry the target past it.
    static func shortOfMargin(_ d: Estimate, _ t: TargetResult) -> Bool {
        guard t.verdict != .atRisk, d.count > 1, d.low.isFinite, d.high.isFinite else { return false }
        let farEnd = towardsThreshold(1, t) ? d.high : -d.low
        return farEnd < margin(t)
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

        func scenario(_ edits: [DriverInput.Leaf]) -> Result<Scenario, ScenarioError> { changedScenario(document, edits, load: plan.load) }
        func evaluate(_ work: [(Scenario, Range<Int>)], phase: String) async throws(SimulationError) -> [[[Double]]] {
            replicationsRun += work.reduce(0) { $0 + $1.1.count }
            return try await Self.evaluate(work, seed: seed, jobs: jobs, folder: folder, phase: phase, log: log)
        }
        /// The scenario of each change, decoded once (``changedScenarios(_:_:load:jobs:)``).
        var decoded: [String: Result<Scenario, ScenarioError>] = [:]
        func key(_ i: Int, _ change: DriverChange) -> String { "\(i) \(change.direction.rawValue)" }
        func decode(_ changes: [(Int, DriverChange)]) async {
            let missing = changes.filter { decoded[key($0.0, $0.1)] == nil }
            let scenarios = await changedScenarios(document, missing.map(\.1.edits), load: plan.load, jobs: jobs)
            for ((i, change), scenario) in zip(missing, scenarios) { decoded[key(i, change)] = scenario }
        }
        func scenarioOf(_ i: Int, _ change: DriverChange) -> Result<Scenario, ScenarioError> {
            if let known = decoded[key(i, change)] { return known }
            let scenario = scenario(change.edits)
            decoded[key(i, change)] = scenario
            return scenario
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
        // when it cannot be raised), and alone a backlog's removal and a legal value, on the first
        // `screening` replications.
        /// A change's target values [replication][target]; inferred ones come from the group
        /// screening's sequential bifurcation, not from a simulation of the change.
        struct Run { let change: DriverChange; var values: [[Double]]; var inferred = false }
        var runs: [[Run]] = Array(repeating: [], count: inputs.count)
        var skipped: [DriversResult.Skipped] = []
        var unchangeable: [Int] = []
        var members: [GroupScreening.Member] = []
        var alone: [(input: Int, change: DriverChange, scenario: Scenario)] = []
        func skip(_ i: Int, _ change: DriverChange, _ error: ScenarioError) {
            skipped.append(.init(input: i, change: change.label, reason: error.issues.first.map { "\($0.path): \($0.message)" } ?? error.description))
        }
        let reachingSome = inputs.indices.filter { i in chosen.contains { reaches(i, $0) } }
        /// Each input's changes, raised first: the first valid one of a direction is screened.
        let ordered = reachingSome.map { i in
            (i, inputs[i].changes(plan.step).sorted { ($0.direction == .higher ? 0 : 1) < ($1.direction == .higher ? 0 : 1) })
        }
        await decode(ordered.flatMap { i, changes in
            changes.filter { $0.direction != .lower || !changes.contains { $0.direction == .higher } }.map { (i, $0) }
        })
        for (i, changes) in ordered {
            if changes.isEmpty { unchangeable.append(i) }
            var screenedDirection = false
            for change in changes {
                if !change.direction.runsAlone && screenedDirection { continue }
                switch scenarioOf(i, change) {
                case .failure(let error): skip(i, change, error)
                case .success(let changed):
                    if change.direction.runsAlone {
                        alone.append((i, change, changed))
                    } else {
                        members.append(.init(input: i, change: change))
                        screenedDirection = true
                    }
                }
            }
        }

        func difference(_ values: [[Double]], target t: Int) -> Estimate {
            Estimate(values.indices.map { values[$0][t] - baseValues[$0][t] })
        }
        func effect(_ run: Run, target t: Int) -> DriversResult.Effect {
            .init(change: run.change, value: Estimate(run.values.map { $0[t] }), difference: difference(run.values, target: t), inferred: run.inferred)
        }
        /// The size of a single input's effect that could change a target's verdict; one
        /// screening replication has no interval, so there it is half the margin.
        func need(_ t: Int) -> Double { Swift.max(0, margin(baseTargets[t])) * (screening == 1 ? 0.5 : 1) }

        // Group screening: the groups first, with the changes that run alone; then the halves of
        // the groups that could change a verdict, largest first (``GroupScreening``).
        let groups = GroupScreening.groups(members, inputs: inputs)
        var pendingRemovals = alone
        let screen = try await GroupScreening.run(
            // A group is split only when its joint step, larger than any of its members' alone
            // (monotone effects), reaches the margin: otherwise no group moves the target past
            // its threshold.
            groups: groups, targets: chosen, need: Dictionary(uniqueKeysWithValues: chosen.map { ($0, Swift.max(0, margin(baseTargets[$0]))) }),
            isolate: plan.refine, reaches: reaches, effect: { difference($0, target: $1) },
            remainder: plan.inferHalves ? { whole, part in
                whole.indices.map { r in whole[r].indices.map { t in whole[r][t] - part[r][t] + baseValues[r][t] } }
            } : nil
        ) { probeMembers throws(SimulationError) in
            var work: [(Scenario, Range<Int>)] = []
            let joint = probeMembers.filter { $0.count > 1 }
            var jointScenarios = await changedScenarios(document, joint.map { $0.flatMap(\.change.edits) }, load: plan.load, jobs: jobs)[...]
            let slots = probeMembers.map { members -> Int? in
                let probe = members.count == 1 ? scenarioOf(members[0].input, members[0].change) : jointScenarios.removeFirst()
                guard case .success(let scenario) = probe else { return nil }
                work.append((scenario, 0..<screening))
                return work.count - 1
            }
            let extra = pendingRemovals
            pendingRemovals = []
            let values = try await evaluate(work + extra.map { ($0.scenario, 0..<screening) }, phase: "screening")
            for (k, removal) in extra.enumerated() { runs[removal.input].append(Run(change: removal.change, values: values[work.count + k])) }
            evaluations += work.count + extra.count
            return slots.map { $0.map { values[$0] } }
        }
        for probe in screen.probes where probe.members.count == 1 {
            guard let values = probe.values, let member = probe.members.first else { continue }
            runs[member.input].append(Run(change: member.change, values: values, inferred: probe.inferred))
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
                let need = need(t)
                let candidates = inputs.indices.filter { reaches($0, t) }.compactMap { i -> (Int, Double)? in
                    let measured = runs[i].map { effect($0, target: t) }
                    let size = measured.map { abs($0.difference.mean) }.filter(\.isFinite).max() ?? 0
                    let extent = measured.map { Swift.max(abs($0.difference.low), abs($0.difference.high)) }.filter(\.isFinite).max() ?? 0
                    return size > 0 && extent >= need ? (i, size) : nil
                }
                for (i, _) in candidates.sorted(by: { ($0.1, -$0.0) > ($1.1, -$1.0) }).prefix(plan.refine) {
                    let screenedDirection = runs[i].first { !$0.change.direction.runsAlone }
                    let screenedTowards = screenedDirection.map { towardsThreshold(effect($0, target: t).difference.mean, target) }
                    for change in inputs[i].changes(plan.step) {
                        let wanted: Bool
                        if target.verdict == .atRisk {
                            wanted = true
                        } else if change.direction.runsAlone {
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
        // whose verdict the first round left undecided and whose paired interval still reaches
        // the margin of some target that asked for them.
        var stoppedEarly = 0, simulatedAfterInference = 0
        var rounds = [Swift.min(plan.replications, Swift.max(3, (plan.replications + 1) / 2)), plan.replications]
        if rounds[0] <= screening || rounds[0] == rounds[1] { rounds.removeFirst() }
        await decode(requests.map { ($0.input, $0.change) })
        var open = requests.indices.filter { k in
            let r = requests[k]
            if runs[r.input].contains(where: { $0.change == r.change }) { return true }
            if skipped.contains(where: { $0.input == r.input && $0.change == r.change.label }) { return false }
            switch scenarioOf(r.input, r.change) {
            case .success: return true
            case .failure(let error): skip(r.input, r.change, error); return false
            }
        }
        for (round, upTo) in rounds.enumerated() where !open.isEmpty {
            var work: [(request: Int, run: Int?, scenario: Scenario, from: Int)] = []
            for k in open {
                let r = requests[k]
                let run = runs[r.input].firstIndex { $0.change == r.change }
                // An inferred change is simulated from its first replication.
                let inferred = run.map { runs[r.input][$0].inferred } ?? false
                let from = inferred ? 0 : run.map { runs[r.input][$0].values.count } ?? 0
                guard from < upTo, case .success(let changed) = scenarioOf(r.input, r.change) else { continue }
                if run == nil || inferred { evaluations += 1 }
                if inferred { simulatedAfterInference += 1 }
                work.append((k, run, changed, from))
            }
            let values = try await evaluate(work.map { ($0.scenario, $0.from..<upTo) }, phase: "refining \(round + 1)/\(rounds.count)")
            for (w, item) in work.enumerated() {
                let r = requests[item.request]
                if let run = item.run, runs[r.input][run].inferred {
                    runs[r.input][run].values = values[w]
                    runs[r.input][run].inferred = false
                } else if let run = item.run {
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
                    return !r.targets.allSatisfy { t in
                        let measured = effect(run, target: t)
                        return decided(measured.value, baseTargets[t]) || shortOfMargin(measured.difference, baseTargets[t])
                    }
                }
                stoppedEarly += before - open.count
            }
        }
        let order = DriverChange.Direction.allCases
        for i in runs.indices {
            runs[i].sort { (order.firstIndex(of: $0.change.direction) ?? 0) < (order.firstIndex(of: $1.change.direction) ?? 0) }
        }

        let targets = chosen.enumerated().map { k, t in
            let reachable = inputs.indices.filter { reaches($0, t) && !runs[$0].isEmpty }
            let drivers = reachable.map { i in
                DriversResult.Driver(input: i, effects: runs[i].map { effect($0, target: t) },
                                     refined: runs[i].contains { $0.values.count > screening })
            }
            // The members no change of which was measured alone: screened with their group.
            let grouped = screen.leaves[k].compactMap { leaf -> DriversResult.ScreenedGroup? in
                let alone = leaf.members.filter { runs[$0.input].isEmpty }
                guard !alone.isEmpty else { return nil }
                let probe = screen.probes[leaf.probe], group = groups[probe.group]
                let change = DriverChange(direction: leaf.members[0].change.direction, value: .nan,
                                          label: Array(Set(leaf.members.map(\.change.label))).sorted().joined(separator: ", "), edits: [])
                let measured = probe.values.map { DriversResult.Effect(change: change, value: Estimate($0.map { $0[t] }), difference: difference($0, target: t),
                                                                       inferred: probe.inferred) }
                return .init(name: group.name, nameVi: group.nameVi, inputs: alone.map(\.input), groupSize: group.members.count, effect: measured)
            }
            var result = DriversResult.TargetDrivers(target: baseTargets[t], margin: Swift.max(0, margin(baseTargets[t])), drivers: rank(drivers),
                                                     grouped: grouped.sorted { abs($0.effect?.difference.mean ?? 0) > abs($1.effect?.difference.mean ?? 0) },
                                                     unreachable: inputs.indices.filter { !reaches($0, t) })
            result.noGroupSplit = plan.refine > 0 && !screen.splitFor[k]
            return result
        }
        let now = DispatchTime.now().uptimeNanoseconds
        var result = DriversResult(scenarioName: baseModel.scenario.name, scenarioNameVi: baseModel.scenario.nameVi, seed: seed,
                             selection: plan.selection, step: plan.step, replications: plan.replications,
                             screeningReplications: screening, refineLimit: plan.refine, inputs: inputs, targets: targets,
                             skipped: skipped, unchangeable: unchangeable, reachingNone: inputs.count - reachingSome.count,
                             groups: groups.count, screeningEvaluations: screen.probes.filter { $0.values != nil && !$0.inferred }.count,
                             inferredHalves: screen.probes.filter { $0.values != nil && $0.inferred }.count,
                             simulatedAfterInference: simulatedAfterInference,
                             evaluations: evaluations, replicationsRun: replicationsRun, stoppedEarly: stoppedEarly,
                             seconds: now > started ? Double(now - started) / 1e9 : 0)
        result.shortHorizon = baseSummary.shortHorizon
        return result
    }
}
