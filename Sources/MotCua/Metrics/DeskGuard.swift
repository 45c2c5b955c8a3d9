/// The guard against a desk that cannot serve its load (docs/model.md §7.6).
///
/// A citizen who gives up in a desk queue, or whose patience runs out overnight while the desk
/// is closed (sent home at closing), withdraws a dossier that was never accepted: legally it was
/// never received, so it leaves the on-time rate, which can then stay high while the desk
/// collapses. The guard watches the share of the citizens who came to a desk in person (online
/// and postal dossiers never queue there) who could not file, twice: over the whole scenario
/// (its interval wholly above ``allowance``: every on-time and late verdict fails; straddling
/// it: they are AT RISK at best) and over each target's own dossiers — its field — when they
/// are enough to judge on (``minimumReceived``), the same way for that target. Both give the
/// reason; the share is judged as a target is (``Judgement``). A desk turning one field's citizens away fails that field although the
/// scenario's share stays low.
///
/// The one place of the guard on citizens who leave without a result: the staffing search's
/// guard (``StaffingSearch/withdrawalGuard(baseline:)``) takes its margin from here too.
public enum DeskGuard {
    /// The share of citizens the desks may fail to serve before the on-time and late verdicts
    /// fail: 10%. An assumption (no plan or regulation found sets one): the shipped scenarios at
    /// today's loads lose 0.2–4.3% of their citizens at the desks (the patience assumption, §2.4),
    /// Gò Vấp at 3× its load 44% (docs/model.md §7.6).
    public static let allowance = 0.10

    /// How far the staffing search lets the withdrawn share rise above the current staffing's:
    /// one percentage point (the search compares with a baseline, so its margin is small).
    public static let staffSearchMargin = 0.01

    /// The basis of ``allowance``, as the reports state it.
    public static let basis = "an assumption (no plan or regulation sets one; docs/model.md §7.6)"
    public static let basisVi = "giả định (không kế hoạch hay văn bản nào quy định; docs/model.md §7.6)"

    /// Whether the guard applies to verdicts on `measure`: the on-time rate and its complement,
    /// whose denominators leave the withdrawn dossiers out.
    public static func guards(_ measure: TargetMeasure) -> Bool {
        measure == .onTimeRate || measure == .lateRate
    }

    /// The share of `tally`'s citizens who came to a desk in person and could not file there,
    /// nil when none came. Over all received dossiers, a district where most file online would
    /// hide a desk turning away a quarter of its line (an outside review: the city at 1.5×,
    /// 9.2% of all received, 28.6% of those in person).
    public static func share(_ tally: ProcedureTally) -> Double? {
        tally.receivedInPerson > 0 ? Double(tally.gaveUpAtDesk) / Double(tally.receivedInPerson) : nil
    }

    /// Whether a share (the mean over replications) exceeds the allowance.
    public static func trips(_ share: Double) -> Bool { share > allowance }

    /// The guard's reading of a share over replications, judged as a target is (docs/model.md
    /// §7.3, §7.6): the share of each replication, their mean with the targets' interval, and
    /// the verdict of "share ≤ allowance" — PASS when the whole interval is within the
    /// allowance, FAIL when the whole interval is above it, AT RISK when it straddles; with one
    /// replication the share decides (PASS or FAIL), and there is no interval.
    public struct Judgement: Sendable, Equatable {
        /// The share per replication: mean and interval (clipped to 0…1).
        public let share: Estimate
        /// What the guard does to the on-time and late verdicts it guards: nothing (PASS), AT
        /// RISK at best (AT RISK), FAIL (FAIL).
        public let verdict: Verdict
        /// Whether ``share`` has an interval (more than one replication with citizens in person).
        public var hasInterval: Bool { share.count > 1 }

        /// The share as the reports show it: "10.4% (9.9 … 11.0%)", or "10.4%" with no interval.
        func shown(_ f: ReportNumbers, digits: Int = 1) -> String {
            f.percent(share.mean, digits) + (hasInterval ? " (" + f.percent(share.low, digits) + " … " + f.percent(share.high, digits) + ")" : "")
        }
    }

    /// The guard's judgement of the citizens in person of `perReplication` (one tally per
    /// replication), with the interval at `confidence` (the targets' level); nil when no
    /// replication had a citizen in person.
    public static func judge(_ perReplication: [ProcedureTally], confidence: Double = 0.95) -> Judgement? {
        let estimate = Estimate(perReplication.map { share($0) ?? .nan }, confidence: confidence).clamped(to: 0...1)
        guard estimate.count > 0 else { return nil }
        return Judgement(share: estimate, verdict: ExperimentSummary.verdict(estimate, .atMost, allowance, replicated: estimate.count > 1))
    }

    /// The fewest citizens a target's own dossiers must have brought to a desk in person (mean per
    /// replication) for the guard to judge their share: 500. Fewer, and the share is noise (docs/model.md §7.6): at
    /// a true share of 4%, 500 received put 10% more than four binomial standard deviations away,
    /// while Gò Vấp's complaints (about 300 a year) or investment (130 a year; 3 of 17 gave up in
    /// 60 days, 17.6%, at today's load) would be judged on a handful of citizens.
    public static let minimumReceived = 500.0

    /// The mean over replications of each replication's share (``share(_:)``), nil when no
    /// replication received anything.
    public static func meanShare(_ perReplication: [ProcedureTally]) -> Double? {
        let shares = perReplication.compactMap(share)
        return shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count)
    }

    /// What the guard finds for one target's own dossiers (its field, or what it counts).
    public struct Own: Sendable, Equatable {
        /// The share of the target's citizens who came in person and could not file, mean over
        /// replications.
        public let share: Double
        /// Citizens who could not file, and citizens who came to a desk in person, mean per replication.
        public let gaveUp: Double
        public let received: Double
        /// The share judged as a target is (its interval and verdict).
        public let judgement: Judgement

        /// Whether enough citizens came in person (``DeskGuard/minimumReceived``) to judge the own share.
        public var judged: Bool { received >= DeskGuard.minimumReceived }
        /// What the own share does to the target: its ``Judgement`` when judged, PASS otherwise.
        public var verdict: Verdict { judged ? judgement.verdict : .pass }
        /// Whether the own share fails the target: enough citizens in person to judge, and the
        /// whole interval above the allowance.
        public var trips: Bool { verdict == .fail }
    }

    /// The guard's figures for the dossiers of `perReplication` (one tally per replication), the
    /// interval at `confidence`; nil when nothing was received.
    public static func own(_ perReplication: [ProcedureTally], confidence: Double = 0.95) -> Own? {
        guard let judgement = judge(perReplication, confidence: confidence), !perReplication.isEmpty else { return nil }
        let n = Double(perReplication.count)
        return Own(share: judgement.share.mean, gaveUp: Double(perReplication.reduce(0) { $0 + $1.gaveUpAtDesk }) / n,
                   received: Double(perReplication.reduce(0) { $0 + $1.receivedInPerson }) / n, judgement: judgement)
    }
}
