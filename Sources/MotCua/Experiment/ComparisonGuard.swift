// Review 4 #3: a verdict change the desk guard decided (docs/model.md §7.6) is judged on the
// guard share's own paired difference, not on the target value's: the Tết surge pushes the guard
// 7.1% → 18.4% and fails 11 targets whose values do not move.

/// What decided a verdict change between the base and a variant.
public enum VerdictReason: String, Sendable, Equatable {
    /// The target's own value (its paired difference decides whether the change is significant).
    case value
    /// The desk guard over the whole scenario held the worse side.
    case deskGuard = "desk-guard"
    /// The desk guard over the target's own field held the worse side.
    case fieldDeskGuard = "field-desk-guard"
}

extension Comparison {
    /// The key of the scenario's guard share in ``deskGuardValues(_:)``; target ids never hold a space.
    static let scenarioGuardKey = "desk guard"

    /// A one-replication summary's desk-guard shares: the scenario's (``scenarioGuardKey``) and,
    /// by target id, each guarded target's own field share.
    static func deskGuardValues(_ summary: ExperimentSummary) -> [String: Double] {
        var values: [String: Double] = [:]
        if let share = summary.deskGuard?.share.mean { values[scenarioGuardKey] = share }
        for target in summary.targets {
            if let own = target.ownDesk { values[target.id] = own.share }
        }
        return values
    }
}

extension Comparison.VerdictChange {
    /// Whether the desk guard decided this change: the worse side's verdict is held by the guard
    /// (``TargetResult/heldByDeskGuard``). If so, the change is judged on the deciding guard
    /// share's paired difference (the scenario's, or the field's own), from `guardDifferences`
    /// (by ``Comparison/scenarioGuardKey`` and target id): significant when 2 or more pairs give
    /// an interval clear of 0.
    mutating func judgeByDeskGuard(base: TargetResult, variant: TargetResult, guardDifferences: [String: Estimate]) {
        let worse = Verdict.worst(base.verdict, variant.verdict) == variant.verdict ? variant : base
        guard let deciding = worse.decidingDeskGuard else { return }
        let field = deciding.own != nil
        reason = field ? .fieldDeskGuard : .deskGuard
        func share(_ side: TargetResult) -> Double? {
            field ? side.ownDesk?.share : (side.scenarioDesk?.share.mean ?? side.gaveUpAtDesk)
        }
        if let from = share(base), let to = share(variant) { guardShares = (from, to) }
        let difference = guardDifferences[field ? target : Comparison.scenarioGuardKey]
        guardDifference = difference
        isSignificant = difference.map { $0.count > 1 && ($0.low > 0 || $0.high < 0) } ?? false
    }
}
