/// The guard against a desk that cannot serve its load (docs/model.md §7.6).
///
/// A citizen who gives up in a desk queue, or whose patience runs out overnight while the desk
/// is closed (sent home at closing), withdraws a dossier that was never accepted: legally it was
/// never received, so it leaves the on-time rate, which can then stay high while the desk
/// collapses. The guard watches the share of all received dossiers whose citizen could not file
/// at a desk (over the whole scenario: a small group's share is too noisy to judge on); above
/// ``allowance`` every on-time and late verdict fails, with the reason.
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

    /// The share of `tally`'s received dossiers whose citizen could not file at the desk, nil
    /// when nothing was received.
    public static func share(_ tally: ProcedureTally) -> Double? {
        tally.received > 0 ? Double(tally.gaveUpAtDesk) / Double(tally.received) : nil
    }

    /// Whether a share (the mean over replications) exceeds the allowance.
    public static func trips(_ share: Double) -> Bool { share > allowance }
}
