/// The parts of a staffing search's answer: its bounds, its evaluations, the targets it leaves out.
extension StaffingSearch {
    /// A decision variable: an office entry of the scenario (for ward groups, every ward's staff).
    public struct Bound: Sendable {
        public let office: String
        public let low: Int
        public let high: Int
        public init(office: String, low: Int, high: Int) {
            self.office = office
            self.low = low
            self.high = high
        }
    }

    /// One evaluation: a staffing summarised on some replications.
    public struct Step: Sendable {
        public let staff: [String: Int]
        public let passing: Int
        public let worstGap: Double
        public let note: String
        /// The replications the evaluation summarises, and how many of them were simulated for it
        /// (the rest were run for an earlier step, or read back): the column adds up to
        /// ``StaffingSearch/simulatedReplications``.
        public let replications: Int
        public let simulated: Int
        /// The targets judged (``passing`` is of these): those the search counts at that step.
        public let judged: Int
        /// The desk guard's judgement when it holds one of the targets judged (the worst share),
        /// which the report's gap column shows instead of the rates' gap (docs/model.md §7.6).
        public var deskGuard: DeskGuard.Judgement? = nil
    }

    /// A target left out of the search, and why: one no staffing of the searched offices makes
    /// pass, or one the search cannot decide (``Kind/undecided``, ``Kind/flooded``).
    public struct Unreachable: Sendable {
        /// Why a target is left out.
        public enum Kind: String, Sendable {
            /// Its value repeats an input.
            case input
            /// Its verdict rests on an input the scenario marks as an assumption (as `run` says).
            case assumption
            /// The desk guard fails it: citizens could not file at desks not searched.
            case deskGuard
            /// At the very large staff an office outside the search saturates under the citizens
            /// the extra staff let in: that staffing is no upper bound, the office may decide it.
            case flooded
            /// Its mean sits clear of the threshold, its interval straddles it: too few replications.
            case undecided
            /// Something else staff cannot change holds it (an opening backlog, a fixed lag).
            case other
        }
        /// The target result's id (`id/field` for a target over every field).
        public let target: String
        public let label: String
        /// ``label`` in Vietnamese.
        public let labelVi: String
        public let reason: String
        /// ``reason`` in Vietnamese.
        public let reasonVi: String
        public var kind: Kind = .other
        /// Offices outside the search (ids) that saturate at the very large staff and serve the target.
        public var flooded: [String] = []
        /// Whether no staffing of the searched offices makes it pass, as far as the search can
        /// tell; false for a target undecided or bounded by an office outside the search.
        public var isSettled: Bool { kind != .undecided && kind != .flooded }
    }

    /// A search started again with raised floors keeps what the first one measured: the guard,
    /// every replication run and the steps that ran them.
    struct Resumed {
        let evaluator: StaffingEvaluator
        let guardTarget: TargetSpec?
        let steps: [Step]
        /// The bounds asked, before floors were raised, and per raised office the targets left
        /// out that it serves (the reason its floor rose).
        let asked: [Bound]
        let raisedFor: [String: [String]]
    }

    /// The step of today's staffing, run for the guard's baseline (``todaysGuard``): an
    /// evaluation of the search's when its model of today's staffing is the scenario's own,
    /// else the scenario as it stands.
    static func guardStep(evaluator: StaffingEvaluator, today: [String: Int], plan: ReplicationPlan) -> Step {
        let asGiven = !evaluator.has(today, count: plan.first)
        let summary = asGiven ? evaluator.asGivenSummary(count: plan.first, confidence: plan.confidence)
            : evaluator.summary(today, count: plan.first, confidence: plan.confidence)
        let (passing, gap) = evaluator.score(summary)
        return Step(staff: today, passing: passing, worstGap: gap,
                    note: asGiven ? "today's staffing as the scenario stands (the guard's baseline)" : "today's staffing (the guard's baseline)",
                    replications: summary.replications, simulated: asGiven ? evaluator.takeSimulatedAsGiven() : evaluator.takeSimulated(today),
                    judged: evaluator.counted(summary).count, deskGuard: evaluator.deskGuard(summary))
    }
}
