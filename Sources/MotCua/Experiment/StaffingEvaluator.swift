/// The evaluations of a staffing search: each staffing's replications, run once and kept, so
/// that a staffing screened on a few replications and confirmed on more runs only the missing
/// ones, and a staffing proposed twice is not run twice. Several staffings' replications run in
/// one pool of tasks, so small evaluations share the cores. Replication `i` of every staffing has
/// the seed of replication `i` (common random numbers), whatever the cores.
final class StaffingEvaluator {
    private(set) var scenario: Scenario
    let seed: UInt64
    let jobs: Int
    let folder: String?
    /// Targets left out of the verdicts (no staffing reaches them), by result id.
    var ignored: Set<String> = []

    private var results: [String: [RunResult]] = [:]
    private var models: [String: SimulationModel] = [:]
    private var summaries: [String: ExperimentSummary] = [:]
    /// Distinct (staffing, replications) summaries made.
    private(set) var evaluations = 0
    /// Replications simulated, and replications taken from a ``ResultStore``.
    private(set) var simulated = 0
    private(set) var stored = 0
    /// Replications simulated per staffing key and not yet counted by a step of the search
    /// (``takeSimulated(_:)``), so that the steps' counts add up to ``simulated``.
    private var unattributed: [String: Int] = [:]

    init(scenario: Scenario, seed: UInt64, jobs: Int, folder: String?) {
        self.scenario = scenario
        self.seed = seed
        self.jobs = Swift.max(1, jobs)
        self.folder = folder
    }

    static func key(_ staff: [String: Int]) -> String {
        staff.keys.sorted().map { "\($0)=\(staff[$0]!)" }.joined(separator: ",")
    }

    /// The scenario with `staff`: an office's dated head-count changes shift with its staff, the
    /// same change in every period (``StaffingSearch/dated(_:staff:)``; absences for training and
    /// leave remain).
    func model(_ staff: [String: Int]) -> SimulationModel {
        let key = Self.key(staff)
        if let model = models[key] { return model }
        var s = StaffingSearch.applying(staff, to: scenario)
        // Stored replications of a dated office made under the old rule (one staff all year) must not be read back.
        let dated = scenario.offices.contains { staff[$0.id] != nil && !$0.staffChanges.isEmpty }
        s.fingerprint = StableHash.fnv1a("\(scenario.fingerprint) staff \(key)" + (dated ? " dated+delta" : ""))
        let model = SimulationModel(scenario: s)
        models[key] = model
        return model
    }

    /// The key of the scenario as it stands (its own staffing, dated changes included), which
    /// no staffing's key can be.
    private static let asGivenKey = "\u{0}as given"

    /// The replications of the scenario as it stands run so far (``fill(_:asGiven:)``), in order.
    var asGivenRuns: [RunResult] { results[Self.asGivenKey] ?? [] }

    /// Makes sure each staffing has at least its count of replications, and the scenario as it
    /// stands `asGiven` of them, running all that are missing in one pool of `jobs` tasks.
    func fill(_ wanted: [([String: Int], Int)], asGiven: Int = 0) async throws(SimulationError) {
        var pending: [(key: String, model: SimulationModel, index: Int)] = []
        var stores: [String: ResultStore] = [:]
        var found: [String: [Int: RunResult]] = [:]
        // The largest count asked for each staffing, in the order first asked.
        var order: [String] = []
        var largest: [String: ([String: Int], Int)] = [:]
        for (staff, count) in wanted {
            let key = Self.key(staff)
            if let (_, before) = largest[key] {
                largest[key] = (staff, Swift.max(before, count))
            } else {
                order.append(key)
                largest[key] = (staff, count)
            }
        }
        // Replications `have..<count` of `model` under `key`: read back when stored, else run.
        func queue(_ key: String, _ model: SimulationModel, upTo count: Int) throws(SimulationError) {
            let have = results[key]?.count ?? 0
            guard count > have else { return }
            let store = try ResultStore.open(folder, fingerprint: model.scenario.fingerprint)
            if let store { stores[key] = store }
            for index in have..<count {
                if let result = store?.load(seed: self.seed, replication: index) {
                    found[key, default: [:]][index] = result
                    stored += 1
                } else {
                    pending.append((key, model, index))
                }
            }
        }
        if asGiven > (results[Self.asGivenKey]?.count ?? 0) {
            try queue(Self.asGivenKey, SimulationModel(scenario: scenario), upTo: asGiven)
        }
        for key in order {
            guard let (staff, count) = largest[key], count > results[key]?.count ?? 0 else { continue }
            try queue(key, model(staff), upTo: count)
        }
        let copies = jobs > 1
        let seed = seed
        do {
            try await withThrowingTaskGroup(of: (String, Int, RunResult).self) { group in
                var next = 0
                func launch() {
                    let (key, model, index) = pending[next]
                    next += 1
                    // Replications side by side each get their own copy of the model (see Experiment.run).
                    let own = copies ? SimulationModel(scenario: model.scenario) : model
                    group.addTask {
                        let run = SimulationRun(model: own, seed: replicationSeed(runSeed: seed, replication: index))
                        return (key, index, try await run.run())
                    }
                }
                while next < Swift.min(jobs, pending.count) { launch() }
                while let (key, index, result) = try await group.next() {
                    found[key, default: [:]][index] = result
                    try stores[key]?.save(result, seed: seed, replication: index)
                    if next < pending.count { launch() }
                }
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            throw SimulationError(message: "replication failed: \(error)")
        }
        simulated += pending.count
        for item in pending { unattributed[item.key, default: 0] += 1 }
        for (key, byIndex) in found {
            var list = results[key] ?? []
            while let result = byIndex[list.count] { list.append(result) }
            results[key] = list
        }
    }

    /// The summary of the first `count` replications of `staff` (already filled), with the
    /// targets' intervals at `confidence`.
    func summary(_ staff: [String: Int], count: Int, confidence: Double) -> ExperimentSummary {
        let key = "\(Self.key(staff)) n=\(count) c=\(confidence)"
        if let summary = summaries[key] { return summary }
        let model = model(staff)
        let summary = ExperimentSummary(model: model, seed: seed, results: Array((results[Self.key(staff)] ?? []).prefix(count)),
                                        confidence: confidence)
        summaries[key] = summary
        evaluations += 1
        return summary
    }

    /// The replications of `staff` simulated since a step last counted them; counts them.
    func takeSimulated(_ staff: [String: Int]) -> Int {
        unattributed.removeValue(forKey: Self.key(staff)) ?? 0
    }

    /// ``takeSimulated(_:)`` for the scenario as it stands.
    func takeSimulatedAsGiven() -> Int {
        unattributed.removeValue(forKey: Self.asGivenKey) ?? 0
    }

    /// Replications simulated that no step has counted yet.
    var uncounted: Int { unattributed.values.reduce(0, +) }

    /// The summary of the scenario as it stands on its first `count` replications (already filled).
    func asGivenSummary(count: Int, confidence: Double) -> ExperimentSummary {
        let key = "\(Self.asGivenKey) n=\(count) c=\(confidence)"
        if let summary = summaries[key] { return summary }
        let summary = ExperimentSummary(model: SimulationModel(scenario: scenario), seed: seed, results: Array(asGivenRuns.prefix(count)),
                                        confidence: confidence)
        summaries[key] = summary
        evaluations += 1
        return summary
    }

    /// The targets that count, of `summary`.
    func counted(_ summary: ExperimentSummary) -> [TargetResult] {
        summary.targets.filter { !ignored.contains($0.id) }
    }

    /// Whether every counted target passes.
    func passes(_ summary: ExperimentSummary) -> Bool {
        counted(summary).allSatisfy { $0.verdict == .pass }
    }

    /// The counted targets that pass, and the worst shortfall: the smallest distance between
    /// the threshold and the unfavourable end of the target's interval (negative: misses).
    func score(_ summary: ExperimentSummary) -> (passing: Int, gap: Double) {
        let targets = counted(summary)
        let gap = targets.map { t -> Double in
            switch t.comparator {
            case .atLeast, .above: return t.estimate.low - t.threshold
            case .atMost, .below: return t.threshold - t.estimate.high
            }
        }.min() ?? 0
        return (targets.filter { $0.verdict == .pass }.count, gap)
    }

    /// The desk guard's judgement holding a target the search counts in `summary` (the highest
    /// share of those deciding a verdict), nil when the guard holds none (docs/model.md §7.6).
    func deskGuard(_ summary: ExperimentSummary) -> DeskGuard.Judgement? {
        counted(summary).compactMap { $0.decidingDeskGuard?.judgement }.max { $0.share.mean < $1.share.mean }
    }

    /// Screens `staffings` on their first `count` replications (95% intervals), in parallel.
    func screen(_ staffings: [[String: Int]], count: Int) async throws(SimulationError) -> [ExperimentSummary] {
        try await fill(staffings.map { ($0, count) })
        return staffings.map { summary($0, count: count, confidence: 0.95) }
    }

    /// Adds `target` to the scenario every staffing is judged by (the guard on withdrawals,
    /// once today's share is known). The replications run so far are kept: a target changes
    /// what is judged, not what is simulated.
    func addTarget(_ target: TargetSpec) {
        scenario.targets.append(target)
        models = [:]
        summaries = [:]
    }

    /// The replications of `staff` run (or read back) so far, in order.
    func runs(_ staff: [String: Int]) -> [RunResult] {
        results[Self.key(staff)] ?? []
    }

    /// Whether `staff` has at least `count` replications run (or read back) already.
    func has(_ staff: [String: Int], count: Int) -> Bool {
        (results[Self.key(staff)]?.count ?? 0) >= count
    }

    /// Whether a single replication that misses a target proves that `plan` cannot make the
    /// target pass: with n replications at the 95% level and t(n−1) > n − 1 (n ≤ 4), the
    /// interval reaches beyond every replication's value — no value lies further than
    /// (n − 1)/√n standard deviations from the mean, the interval's half-width is t/√n of them
    /// — so one value on the wrong side of the threshold leaves the verdict short of PASS.
    static func oneMissRulesOut(_ plan: ReplicationPlan) -> Bool {
        !plan.isAdaptive && plan.maximum > 1 && plan.confidence == 0.95
            && Estimate.tQuantile975(degreesOfFreedom: plan.maximum - 1) > Double(plan.maximum - 1)
    }

    /// Whether the first replication of `staff` (already run) misses a counted target, which
    /// under ``oneMissRulesOut(_:)`` settles that the staffing does not pass.
    func firstReplicationMisses(_ staff: [String: Int]) -> Bool {
        counted(summary(staff, count: 1, confidence: 0.95)).contains { $0.estimate.count == 1 && $0.verdict == .fail }
    }

    /// Confirms `staffings` by the looks of `plan`, in parallel and in lockstep: each stops at
    /// the first look where every counted target is decided. With `ruleOut` and a plan where
    /// one missed replication settles the verdict (``oneMissRulesOut(_:)``), the first
    /// replications run first and a staffing whose first replication misses a target stops
    /// there: its summary is of that one replication.
    func confirm(_ staffings: [[String: Int]], plan: ReplicationPlan, ruleOut: Bool = false)
        async throws(SimulationError) -> [(ExperimentSummary, SequentialOutcome)] {
        var done: [(ExperimentSummary, SequentialOutcome)?] = Array(repeating: nil, count: staffings.count)
        if ruleOut && Self.oneMissRulesOut(plan) {
            try await fill(staffings.map { ($0, 1) })
            for i in staffings.indices where firstReplicationMisses(staffings[i]) {
                done[i] = (summary(staffings[i], count: 1, confidence: 0.95), SequentialOutcome(used: 1, reason: .fixed, confidence: 0.95))
            }
        }
        for look in plan.looks {
            let open = staffings.indices.filter { done[$0] == nil }
            guard !open.isEmpty else { break }
            try await fill(open.map { (staffings[$0], look) })
            for i in open {
                let summary = summary(staffings[i], count: look, confidence: plan.confidence)
                if let reason = plan.stop(counted(summary), atLook: look) {
                    done[i] = (summary, SequentialOutcome(used: look, reason: reason, confidence: plan.confidence))
                }
            }
        }
        return staffings.indices.map { i in
            done[i] ?? (summary(staffings[i], count: plan.maximum, confidence: plan.confidence),
                        SequentialOutcome(used: plan.maximum, reason: .maximum, confidence: plan.confidence))
        }
    }
}
