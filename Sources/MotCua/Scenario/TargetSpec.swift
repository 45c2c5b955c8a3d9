/// What a target measures.
public enum TargetMeasure: String, Sendable, CaseIterable {
    /// Share of dossiers solved on time, counted as the national portal does.
    case onTimeRate
    /// Share of dossiers late (the complement of ``onTimeRate``).
    case lateRate
    /// Share of dossiers past their appointment (the ones owed an apology, docs/model.md §5)
    /// whose apology (Form 04) was sent in time.
    case apologyRate
    /// Share of accepted dossiers digitized at reception.
    case digitizationRate
    /// Share of fee-paying dossiers paid electronically.
    case ePaymentRate
    /// Share of received dossiers submitted online.
    case onlineRate
    /// Share of dossiers (received, and in the opening backlog) that left without a result:
    /// the citizen gave up in the queue, did not come back with the missing papers, or withdrew
    /// (docs/model.md §4). Staffing that looks good on the on-time rate while citizens give up
    /// shows here.
    case withdrawnRate
    /// Share of accepted dossiers of procedures with a re-use rule whose citizen was not asked
    /// again for documents the administration already holds (docs/model.md §6.5).
    case reuseRate
    /// Share of the opening backlog finished by the end of the horizon (docs/model.md §7.5).
    case backlogClearedRate

    /// The measure's numerator and denominator: the one definition the verdicts and every
    /// report's "x% of N …" use, so a share and the count printed beside it cannot drift apart.
    public var terms: (part: KeyPath<ProcedureTally, Int>, whole: KeyPath<ProcedureTally, Int>) {
        switch self {
        case .onTimeRate: (\.onTime, \.processed)
        case .lateRate: (\.late, \.processed)
        case .apologyRate: (\.lateApologisedOnTime, \.pastDue)
        case .digitizationRate: (\.digitized, \.accepted)
        case .ePaymentRate: (\.ePaid, \.feePaying)
        case .onlineRate: (\.online, \.received)
        case .withdrawnRate: (\.withdrawn, \.receivedOrBacklog)
        case .reuseRate: (\.reused, \.reuseEligible)
        case .backlogClearedRate: (\.backlogFinished, \.backlog)
        }
    }

    /// The measure's numerator over its denominator in a tally (nil when it cannot be computed).
    public func ratio(_ t: ProcedureTally) -> Double? {
        let (part, whole) = (t[keyPath: terms.part], t[keyPath: terms.whole])
        return whole > 0 ? Double(part) / Double(whole) : nil
    }
}

/// How a measured value is compared with the threshold.
public enum Comparator: String, Sendable {
    case atLeast = ">="
    case above = ">"
    case atMost = "<="
    case below = "<"

    /// Whether `value` meets `threshold`.
    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .atLeast: return value >= threshold
        case .above: return value > threshold
        case .atMost: return value <= threshold
        case .below: return value < threshold
        }
    }
}

/// A target of the plan, e.g. "≥98% of dossiers on time in every field".
public struct TargetSpec: Sendable {
    public var id: String
    public var label: String
    public var labelVi: String?
    public var measure: TargetMeasure
    /// A field id, `"*"` for every field, or `nil` for all dossiers together.
    public var field: String?
    /// An office id: only dossiers routed through it.
    public var office: String?
    /// Only procedures received at this level (district desk or ward desks).
    public var level: AdministrativeLevel?
    public var comparator: Comparator
    public var threshold: Double
    /// Why the simulation cannot compute this target of the plan (a survey figure, a decision
    /// rather than a flow); nil for a computed target. Such a target is reported with its
    /// reason instead of a verdict (docs/model.md §7.5).
    public var notComputable: String? = nil
    /// The reason in Vietnamese (`reasonVi`), shown with `--lang vi`; nil: the English one.
    public var notComputableVi: String? = nil
    /// The scenario's `source` note for the target ("… — assumption"), kept so a verdict that
    /// rests on an assumed date can say so (docs/model.md §7.3).
    public var source: String? = nil
}
