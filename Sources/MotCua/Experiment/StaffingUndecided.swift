import Foundation

/// A verdict that too few replications leave open (an outside review, #9 and #14): the mean sits
/// on the passing side of the threshold, but the interval straddles it. No staffing is shown to
/// fail such a target, and adding staff is no answer to it: more replications are.
public struct StaffingUndecided: Sendable, Equatable {
    /// The replications the interval rests on.
    public let replications: Int
    /// The interval's half-width, as a share (0.012 is ±1.2 points).
    public let halfWidth: Double
    /// The mean's distance from the threshold, as a share.
    public let margin: Double
    /// The replications to suggest: the fewest at which an interval of the same spread would
    /// reach at most half way to the threshold (the t-interval at 95%, the spread estimated from
    /// these few replications, hence the half), and at least twice those run and 5.
    public let suggested: Int
    /// When the desk guard's share, not the target's own value, leaves the verdict open
    /// (docs/model.md §7.6): ``halfWidth``, ``margin`` and ``suggested`` are then the guard
    /// share's against its allowance (``suggested`` at least what the target's value needs).
    public var deskGuard: GuardShare? = nil

    /// The desk guard's share whose interval straddles the allowance, and whose it is.
    public struct GuardShare: Sendable, Equatable {
        public let judgement: DeskGuard.Judgement
        /// The field whose own citizens the share counts (English, Vietnamese); nil: every
        /// citizen in person of the scenario.
        public let field: String?
        public let fieldVi: String?
    }

    /// The most replications ever suggested: beyond it the mean is too close to the threshold
    /// for replications to settle the verdict in reasonable time.
    public static let suggestionLimit = 1_000

    /// `estimate` against `threshold` by `comparator` when its verdict is AT RISK with the mean on
    /// the passing side, else nil.
    public static func of(_ estimate: Estimate, comparator: Comparator, threshold: Double, verdict: Verdict) -> StaffingUndecided? {
        guard verdict == .atRisk, estimate.count > 1, estimate.mean.isFinite, comparator.holds(estimate.mean, threshold) else { return nil }
        let margin = abs(estimate.mean - threshold)
        // The clamped end (100%, 0%) understates the spread: the wider side is the honest one.
        let half = Swift.max(estimate.mean - estimate.low, estimate.high - estimate.mean)
        guard margin > 0, half.isFinite, half > 0 else { return nil }
        let n = estimate.count
        let spread = half * Double(n).squareRoot() / Estimate.tQuantile975(degreesOfFreedom: n - 1)
        var m = Swift.max(5, 2 * n)
        while m < suggestionLimit && Estimate.tQuantile975(degreesOfFreedom: m - 1) * spread / Double(m).squareRoot() >= margin / 2 { m += 1 }
        return StaffingUndecided(replications: n, halfWidth: half, margin: margin, suggested: m)
    }

    /// ``of(_:comparator:threshold:verdict:)`` for a target's result. When the desk guard
    /// holds the verdict AT RISK (its share's interval straddles the allowance, its mean
    /// within it), the guard's share is what more replications must decide, and it is named
    /// (the target's own interval may be clear of its threshold).
    public static func of(_ target: TargetResult) -> StaffingUndecided? {
        let value = { (verdict: Verdict) in
            of(target.estimate, comparator: target.comparator, threshold: target.threshold, verdict: verdict)
        }
        guard target.verdict == .atRisk, let deciding = target.decidingDeskGuard, deciding.judgement.verdict == .atRisk else {
            return value(target.verdict)
        }
        guard var undecided = of(deciding.judgement.share, comparator: .atMost, threshold: DeskGuard.allowance, verdict: .atRisk) else {
            return nil
        }
        let own = ExperimentSummary.verdict(target.estimate, target.comparator, target.threshold, replicated: target.estimate.count > 1)
        if let alsoValue = value(own) {
            undecided = StaffingUndecided(replications: undecided.replications, halfWidth: undecided.halfWidth, margin: undecided.margin,
                                          suggested: Swift.max(undecided.suggested, alsoValue.suggested))
        }
        let field = deciding.own == nil ? nil : target.fieldName
        undecided.deskGuard = GuardShare(judgement: deciding.judgement, field: field,
                                         fieldVi: deciding.own == nil ? nil : target.fieldNameVi ?? field)
        return undecided
    }

    /// "undecided with 2 replications — the interval is ±1.20 points; run --replications 9 (or auto)", in both languages.
    /// "undecided: land's own desk guard 3.3% (0.0% … 23.5%) straddles 10% at 2 replications; run
    /// --replications 5 (or auto)" when the desk guard leaves it open (``deskGuard``).
    public var words: (en: String, vi: String) {
        let en = Language.en.numbers, vi = Language.vi.numbers
        let more = suggested >= Self.suggestionLimit ? ("more", "nhiều hơn") : (String(suggested), String(suggested))
        if let held = deskGuard {
            let whose = held.field.map { ("\($0.lowercased())'s own desk guard", "ràng buộc một cửa riêng của lĩnh vực \(held.fieldVi ?? $0)") }
                ?? ("the desk guard (every citizen in person)", "ràng buộc một cửa (mọi công dân đến trực tiếp)")
            return ("undecided: \(whose.0) \(held.judgement.shown(en)) straddles \(en.percent(DeskGuard.allowance, 0)) at \(replications) "
                    + "replication\(replications == 1 ? "" : "s"); run --replications \(more.0) (or auto)",
                    "chưa kết luận được: \(whose.1) \(held.judgement.shown(vi)) vắt qua ngưỡng \(vi.percent(DeskGuard.allowance, 0)) với "
                    + "\(replications) lần chạy lặp; hãy chạy --replications \(more.1) (hoặc auto)")
        }
        return ("undecided with \(replications) replication\(replications == 1 ? "" : "s") — the interval is ±\(en.fixed(halfWidth * 100, 2)) points "
                + "around a value \(en.fixed(margin * 100, 2)) points clear of the threshold; run --replications \(more.0) (or auto)",
                "chưa kết luận được với \(replications) lần chạy lặp — khoảng tin cậy là ±\(vi.fixed(halfWidth * 100, 2)) điểm % quanh một giá trị "
                + "cách ngưỡng \(vi.fixed(margin * 100, 2)) điểm % về phía đạt; hãy chạy --replications \(more.1) (hoặc auto)")
    }
}
