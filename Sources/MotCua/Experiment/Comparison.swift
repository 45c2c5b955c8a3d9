/// What-if variants compared with a base scenario under common random numbers: replication
/// `i` of every variant uses the same seed, so arrivals are identical and the differences
/// are paired — far tighter than comparing two independent runs.
public struct Comparison: Sendable {
    /// One measure across the variants.
    public struct Row: Sendable {
        /// What is measured, e.g. "on-time rate — Land" or "mean wait — Land branch".
        public let label: String
        public let labelVi: String
        /// Whether the values are shares (shown as percentages) or minutes.
        public let isShare: Bool
        /// Value of the base and of each variant.
        public let values: [Estimate]
        /// Paired difference of each variant from the base (variant − base), per replication.
        public let differences: [Estimate]
    }

    /// A target whose verdict differs between the base and a variant.
    public struct VerdictChange: Sendable {
        public let target: String
        public let variant: Int
        public let from: Verdict
        public let to: Verdict
    }

    /// Names of the base (first) and the variants.
    public let names: [String]
    public let rows: [Row]
    public let verdictChanges: [VerdictChange]
    public let summaries: [ExperimentSummary]
    /// Per model (base first): the replications used and why they stopped. With a fixed number,
    /// every model's is that number and ``StopReason/fixed``; with `auto`, a variant stops as
    /// soon as every target's verdict, in it and in the base, is decided, and the base runs as
    /// long as its longest variant.
    public let outcomes: [SequentialOutcome]
    /// Per model (base first), the replication results compared, for paired figures a report adds.
    public let results: [[RunResult]]

    /// Compares replication results of `models` (the first is the base); every model's
    /// results must come from the same seeds. A variant may have fewer replications than the
    /// base: its differences pair its replications with the base's of the same numbers.
    /// - Parameters:
    ///   - outcomes: how each model's replications were chosen (default: fixed, all given).
    ///   - confidence: the level of the targets' intervals (a sequential comparison's, or 95%).
    public init(names: [String], models: [SimulationModel], results: [[RunResult]], seed: UInt64,
                outcomes: [SequentialOutcome]? = nil, confidence: Double = 0.95) {
        self.names = names
        self.results = results
        self.outcomes = outcomes ?? results.map { SequentialOutcome(used: $0.count, reason: .fixed, confidence: confidence) }
        let summaries = zip(models, results).map { ExperimentSummary(model: $0, seed: seed, results: $1, confidence: confidence) }
        self.summaries = summaries
        var rows: [Row] = []

        func onTime(_ result: RunResult, _ procedures: [Int]) -> Double {
            var tally = ProcedureTally()
            for p in procedures where p < result.procedures.count { tally.add(result.procedures[p]) }
            return tally.processed > 0 ? Double(tally.onTime) / Double(tally.processed) : .nan
        }
        func addRow(_ label: String, _ labelVi: String, share: Bool, _ value: (Int, RunResult) -> Double) {
            let perVariant = results.indices.map { v in results[v].map { value(v, $0) } }
            let differences = perVariant.dropFirst().map { variant in
                Estimate(zip(variant, perVariant[0]).map { $0 - $1 })
            }
            rows.append(Row(label: label, labelVi: labelVi, isShare: share, values: perVariant.map(Estimate.init),
                            differences: Array(differences)))
        }

        let base = models[0].scenario
        addRow("on-time rate — all dossiers", "tỷ lệ đúng hạn — tất cả hồ sơ", share: true) { v, r in
            onTime(r, Array(models[v].scenario.procedures.indices))
        }
        for field in base.fields {
            addRow("on-time rate — \(field.name)", "tỷ lệ đúng hạn — \(field.nameVi ?? field.name)", share: true) { v, r in
                onTime(r, models[v].scenario.procedures.indices.filter { models[v].scenario.procedures[$0].field == field.id })
            }
        }
        // Offices by scenario entry: the wards of a group together.
        for entry in base.offices {
            let members = { (v: Int) in models[v].offices.filter { models[v].scenario.offices[$0.entry].id == entry.id }.map { Int($0.index) } }
            guard models.indices.allSatisfy({ !members($0).isEmpty }) else { continue }
            let label = entry.instances.isEmpty ? entry.name : "\(entry.name) (\(entry.instances.count))"
            let labelVi = (entry.nameVi ?? entry.name) + (entry.instances.isEmpty ? "" : " (\(entry.instances.count))")
            // The two waits apart (a citizen's minutes in line, a dossier's nights in a tray),
            // each only where the base office has any.
            let kinds: [(String, String, KeyPath<OfficeTally, WaitTally>)] = [
                ("mean wait in line", "thời gian chờ xếp hàng TB", \.lineWait),
                ("mean wait in the tray", "thời gian hồ sơ chờ xử lý TB", \.trayWait),
            ]
            for (english, vietnamese, kind) in kinds
            where results[0].contains(where: { r in members(0).contains { r.offices[$0][keyPath: kind].count > 0 } }) {
                addRow("\(english) — \(label)", "\(vietnamese) — \(labelVi)", share: false) { v, r in
                    let waits = members(v).map { r.offices[$0][keyPath: kind] }
                    let count = waits.reduce(0) { $0 + $1.count }
                    return count > 0 ? waits.reduce(0) { $0 + $1.sum } / Double(count) : .nan
                }
            }
            addRow("staff busy — \(label)", "tỷ lệ bận — \(labelVi)", share: true) { v, r in
                let offices = members(v).map { r.offices[$0] }
                let available = offices.reduce(0) { $0 + $1.availableMinutes }
                return available > 0 ? offices.reduce(0) { $0 + $1.busyMinutes } / available : .nan
            }
        }
        self.rows = rows

        var changes: [VerdictChange] = []
        for (v, summary) in summaries.enumerated().dropFirst() {
            for target in summaries[0].targets {
                if let other = summary.targets.first(where: { $0.id == target.id }), other.verdict != target.verdict {
                    changes.append(VerdictChange(target: target.id, variant: v, from: target.verdict, to: other.verdict))
                }
            }
        }
        verdictChanges = changes
    }
}

extension Comparison {
    /// Runs the base (`models[0]`) and the variants by the looks of `plan`, in lockstep: at each
    /// look every variant still running gets its replications, and a variant stops at the first
    /// look where every target's verdict is decided both in it and in the base — its verdict
    /// changes are then known — or where each verdict still undecided sits on its threshold so
    /// that even the maximum could not decide it (``StopReason/futile``). The base runs to the
    /// last variant's count.
    /// - Parameter folder: keeps finished replications (see ``ResultStore``).
    public static func run(names: [String], models: [SimulationModel], seed: UInt64, plan: ReplicationPlan, jobs: Int,
                           results folder: String?) async throws(SimulationError) -> Comparison {
        var results = Array(repeating: [RunResult](), count: models.count)
        var outcomes: [SequentialOutcome?] = Array(repeating: nil, count: models.count)
        var stores: [ResultStore?] = []
        for model in models { stores.append(try ResultStore.open(folder, fingerprint: model.scenario.fingerprint)) }
        for look in plan.looks {
            let running = models.indices.filter { outcomes[$0] == nil }
            for m in running {
                let more = try await Experiment.run(model: models[m], seed: seed, indices: Array(results[m].count..<look), jobs: jobs,
                                                    store: stores[m])
                results[m] += more.map(\.1)
            }
            let summaries = running.map { m in
                (m, ExperimentSummary(model: models[m], seed: seed, results: results[m], confidence: plan.confidence))
            }
            guard let base = summaries.first(where: { $0.0 == 0 })?.1 else { break }
            for (m, summary) in summaries where m > 0 {
                let reason: StopReason?
                if !plan.isAdaptive {
                    reason = .fixed
                } else if base.targets.allSatisfy(\.isDecided) && summary.targets.allSatisfy(\.isDecided) {
                    reason = .decided
                } else if look < plan.maximum
                            && (base.targets + summary.targets).allSatisfy({ $0.isDecided || plan.cannotBeDecided($0) }) {
                    reason = .futile
                } else {
                    reason = look >= plan.maximum ? .maximum : nil
                }
                if let reason { outcomes[m] = SequentialOutcome(used: results[m].count, reason: reason, confidence: plan.confidence) }
            }
            if (1..<models.count).allSatisfy({ outcomes[$0] != nil }) {
                let variants = outcomes.dropFirst().compactMap { $0 }
                let baseReason: StopReason = !plan.isAdaptive ? .fixed
                    : variants.contains { $0.reason == .maximum } ? .maximum
                    : variants.contains { $0.reason == .futile } ? .futile : .decided
                outcomes[0] = SequentialOutcome(used: results[0].count, reason: baseReason, confidence: plan.confidence)
                break
            }
        }
        return Comparison(names: names, models: models, results: results, seed: seed, outcomes: outcomes.enumerated().map { $1 ?? SequentialOutcome(used: results[$0].count, reason: .maximum, confidence: plan.confidence) },
                          confidence: plan.confidence)
    }
}
