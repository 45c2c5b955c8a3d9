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
        /// The paired difference of the target's value (variant − base) at the comparison's level;
        /// nil when a side has no value for it.
        public var difference: Estimate? = nil
        /// Whether the change is more than noise: the paired difference is clear of 0, or the
        /// variant judges the target against another threshold (review 2 #10). A change whose
        /// difference straddles 0 only moved an interval across the threshold (the variant's
        /// interval narrowed or widened); the reports mark it "not significant" and keep it out
        /// of the headline's changes.
        public var isSignificant: Bool = true
        /// What decided the change: the target's value, or the desk guard (docs/model.md §7.6)
        /// holding the worse side — judged then on the guard share's own paired difference.
        public var reason: VerdictReason = .value
        /// For a change the desk guard decided: the guard share of the base and of the variant
        /// (means), and its paired difference (variant − base) with its interval.
        public var guardShares: (base: Double, variant: Double)? = nil
        public var guardDifference: Estimate? = nil

        /// Whether a verdict change with this paired difference is more than noise: judged by
        /// another rule (threshold or comparator), or a difference of 2 or more pairs whose
        /// interval is clear of 0; without a difference there is nothing to judge it by.
        public static func isSignificant(difference: Estimate?, sameRule: Bool) -> Bool {
            guard sameRule, let difference else { return true }
            return difference.count > 1 && (difference.low > 0 || difference.high < 0)
        }
    }

    /// Names of the base (first) and the variants.
    public let names: [String]
    public let rows: [Row]
    public let verdictChanges: [VerdictChange]
    /// Per variant (after the base): the paired difference (variant − base) of the share of the
    /// citizens in person who could not file at a desk (the desk guard's share, docs/model.md
    /// §7.6); nil when a side had no citizen in person.
    public let deskGuardDifferences: [Estimate?]
    /// Per variant (after the base), with units (a city): the units it changes and those whose
    /// figures move most, each with its paired on-time differences by field; empty otherwise.
    public let units: [[UnitChange]]
    public let summaries: [ExperimentSummary]
    /// Per model (base first): the replications used and why they stopped. With a fixed number,
    /// every model's is that number and ``StopReason/fixed``; with `auto`, a variant stops as
    /// soon as every target's verdict change is settled (``changes``), and the base runs as long
    /// as its longest variant.
    public let outcomes: [SequentialOutcome]
    /// Per model (base first), the replication results compared, for paired figures a report adds.
    public let results: [[RunResult]]
    /// Per variant (after the base), per base target it has: whether its verdict change was
    /// settled and how (a sequential compare's; empty when the comparison was not run by
    /// ``run(names:models:seed:plan:jobs:results:trace:)``).
    public let changes: [[TargetChange]]

    /// Compares replication results of `models` (the first is the base); every model's
    /// results must come from the same seeds. A variant may have fewer replications than the
    /// base: its differences pair its replications with the base's of the same numbers.
    /// - Parameters:
    ///   - outcomes: how each model's replications were chosen (default: fixed, all given).
    ///   - confidence: the level of the targets' intervals and of the differences (a sequential
    ///     comparison's, or 95%).
    ///   - changes: per variant, its targets' verdict-change decisions.
    public init(names: [String], models: [SimulationModel], results: [[RunResult]], seed: UInt64,
                outcomes: [SequentialOutcome]? = nil, confidence: Double = 0.95, changes: [[TargetChange]] = []) {
        self.names = names
        self.results = results
        self.changes = changes
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
                Estimate(zip(variant, perVariant[0]).map { $0 - $1 }, confidence: confidence)
            }
            rows.append(Row(label: label, labelVi: labelVi, isShare: share, values: perVariant.map { Estimate($0, confidence: confidence) },
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
        let single = results.indices.map { m in results[m].map { ExperimentSummary(model: models[m], seed: seed, results: [$0]) } }
        let perReplication = single.map { $0.map(Comparison.targetValues) }
        let guards = single.map { $0.map(Comparison.deskGuardValues) }
        var guardDifferences: [Estimate?] = []
        for (v, summary) in summaries.enumerated().dropFirst() {
            let differences = Comparison.pairedDifferences(base: perReplication[0], variant: perReplication[v], confidence: confidence)
            let guardPaired = Comparison.pairedDifferences(base: guards[0], variant: guards[v], confidence: confidence)
            guardDifferences.append(guardPaired[Comparison.scenarioGuardKey])
            for target in summaries[0].targets {
                if let other = summary.targets.first(where: { $0.id == target.id }), other.verdict != target.verdict {
                    let difference = differences[target.id]
                    let sameRule = other.comparator == target.comparator && other.threshold == target.threshold
                    var change = VerdictChange(target: target.id, variant: v, from: target.verdict, to: other.verdict, difference: difference,
                                               isSignificant: VerdictChange.isSignificant(difference: difference, sameRule: sameRule))
                    change.judgeByDeskGuard(base: target, variant: other, guardDifferences: guardPaired)
                    changes.append(change)
                }
            }
        }
        verdictChanges = changes
        deskGuardDifferences = guardDifferences
        units = UnitChange.compare(models: models, results: results, confidence: confidence)
    }
}

extension Comparison {
    /// Runs the base (`models[0]`) and the variants by the looks of `plan`, in lockstep: at each
    /// look the replications of the base and of every variant still running are run side by side
    /// in one pool of `jobs`, and a variant stops at the first look where, for every target,
    /// whether its verdict changes is settled (``ReplicationPlan/changeDecision(base:variant:difference:)``):
    /// known from both verdicts or because the variant leaves the target untouched; or at the
    /// first look where some change is out of reach of the maximum because a side sits on its
    /// threshold (``ReplicationPlan/projection(_:)``, ``StopReason/futile``): the answer is then
    /// undecided however long it runs. The base runs to the last variant's count.
    /// - Parameters:
    ///   - folder: keeps finished replications (see ``ResultStore``).
    ///   - trace: given, receives a line per target and variant at each look (its intervals and decision).
    public static func run(names: [String], models: [SimulationModel], seed: UInt64, plan: ReplicationPlan, jobs: Int,
                           results folder: String?, trace: (@Sendable (String) -> Void)? = nil) async throws(SimulationError) -> Comparison {
        var results = Array(repeating: [RunResult](), count: models.count)
        var values = Array(repeating: [[String: Double]](), count: models.count)
        var outcomes: [SequentialOutcome?] = Array(repeating: nil, count: models.count)
        var changes = Array(repeating: [TargetChange](), count: models.count)
        var stores: [ResultStore?] = []
        for model in models { stores.append(try ResultStore.open(folder, fingerprint: model.scenario.fingerprint)) }
        for look in plan.looks {
            let running = models.indices.filter { outcomes[$0] == nil }
            let work = running.flatMap { m in (results[m].count..<look).map { (model: m, replication: $0) } }
            let more = try await Experiment.run(models: models, seed: seed, work: work, jobs: jobs, stores: stores)
            for (item, result) in zip(work, more) {
                results[item.model].append(result)
                values[item.model].append(targetValues(model: models[item.model], seed: seed, result: result))
            }
            guard running.first == 0 else { break }
            let base = ExperimentSummary(model: models[0], seed: seed, results: results[0], confidence: plan.confidence)
            for m in running where m > 0 {
                let summary = ExperimentSummary(model: models[m], seed: seed, results: results[m], confidence: plan.confidence)
                let differences = pairedDifferences(base: values[0], variant: values[m], confidence: plan.confidence)
                let earlier = changes[m]
                changes[m] = base.targets.compactMap { target -> TargetChange? in
                    guard let other = summary.targets.first(where: { $0.id == target.id }) else { return nil }
                    let difference = differences[target.id] ?? Estimate([])
                    let decision = plan.changeDecision(base: target, variant: other, difference: difference)
                    let settledBefore = earlier.first { $0.target == target.id }?.settledAt
                    let sitting = decision == .sitsOnThreshold ? plan.sittingSide(base: target, variant: other) : nil
                    trace?(traceLine(look: look, variant: m, base: target, other: other, difference: difference, decision: decision)
                           + [plan.projection(target), plan.projection(other)].map { $0.map { String(format: " · chance to decide at %d: %.3f", $0.maximum, $0.chanceToDecide) } ?? "" }.joined())
                    return TargetChange(target: target.id, decision: decision, difference: difference,
                                        settledAt: decision.isSettled ? settledBefore ?? look : nil,
                                        projection: sitting?.projection, sittingSide: sitting?.side)
                }
                // A variant's own targets the base lacks must be decided on their own.
                let own = summary.targets.filter { target in !base.targets.contains { $0.id == target.id } }
                let reason = plan.compareStop(changes[m], own: own, atLook: look)
                if let reason { outcomes[m] = SequentialOutcome(used: results[m].count, reason: reason, confidence: plan.confidence) }
            }
            if (1..<models.count).allSatisfy({ outcomes[$0] != nil }) {
                let variants = outcomes.dropFirst().compactMap { $0?.reason }
                let baseReason: StopReason = !plan.isAdaptive ? .fixed
                    : variants.contains(.maximum) ? .maximum
                    : variants.contains(.futile) ? .futile
                    : variants.contains(.changesDecided) ? .changesDecided : .decided
                outcomes[0] = SequentialOutcome(used: results[0].count, reason: baseReason, confidence: plan.confidence)
                break
            }
        }
        let finalOutcomes = outcomes.enumerated().map { $1 ?? SequentialOutcome(used: results[$0].count, reason: .maximum, confidence: plan.confidence) }
        return Comparison(names: names, models: models, results: results, seed: seed, outcomes: finalOutcomes,
                          confidence: plan.confidence, changes: Array(changes.dropFirst()))
    }

    /// "look 5 [1] late-land: base 1.12% (0.52 … 1.72) PASS · variant … · difference +0.69 pts (… …) → open".
    static func traceLine(look: Int, variant: Int, base: TargetResult, other: TargetResult, difference: Estimate,
                          decision: ChangeDecision) -> String {
        func share(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
        func side(_ target: TargetResult) -> String {
            "\(share(target.estimate.mean)) (\(share(target.estimate.low)) … \(share(target.estimate.high))) \(target.verdict)"
        }
        let points = String(format: "%+.2f pts (%+.2f … %+.2f)", difference.mean * 100, difference.low * 100, difference.high * 100)
        return "look \(look) [\(variant)] \(base.id): base \(side(base)) · variant \(side(other)) · difference \(points) → \(decision.rawValue)"
    }
}
