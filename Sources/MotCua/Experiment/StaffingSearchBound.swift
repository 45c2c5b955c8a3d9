/// The staffing search's start from the queueing bound measured at today's staffing (issue #20).
extension StaffingSearch {
    /// Runs the search.
    /// - Parameters:
    ///   - replications: replications per confirmed evaluation (when `plan` is nil).
    ///   - plan: replications per confirmed evaluation, possibly sequential (`auto`).
    ///   - screening: replications on which the bisection screens candidates (default 3, at
    ///     most the plan's first look); they are the first replications of the confirmation.
    ///   - folder: keeps every evaluated staffing's replications, so an interrupted search
    ///     re-run with the same command replays the finished evaluations at once.
    public static func run(scenario: Scenario, bounds: [Bound], seed: UInt64, replications: Int, jobs: Int,
                           results folder: String? = nil, guardingWithdrawals: Bool = true,
                           plan: ReplicationPlan? = nil, screening: Int? = nil,
                           log: (@Sendable (String) -> Void)? = nil) async throws(SimulationError) -> StaffingSearch {
        try await search(scenario: scenario, bounds: bounds, seed: seed, replications: replications, jobs: jobs, results: folder,
                         guardingWithdrawals: guardingWithdrawals, plan: plan, screening: screening, log: log, resuming: nil)
    }

    /// The replications of today's staffing the queueing bound is measured on: the first two,
    /// run before the rest, so that the bound's screen can run beside the rest (a count fixed
    /// by the rule, not by the cores, so the path does not depend on them).
    static let boundMeasuredOn = 2

    /// Whether the search measures the queueing bound on today's staffing and screens it first
    /// (``queueingBound(_:today:bounds:entry:)``): one office searched, today's staffing run as
    /// an evaluation of the search, and a first look of at least ``boundMeasuredOn`` replications.
    /// With several offices the bisection screens each office with the others at the very large
    /// staff, which must then be shown below half busy, so that run is needed anyway.
    static func startsFromBound(_ bounds: [Bound], plan: ReplicationPlan) -> Bool {
        bounds.count == 1 && plan.first >= boundMeasuredOn
    }

    /// Per office of `bounds`: offered work ÷ open time per staff member, measured at today's
    /// staffing (`summary`, staff `today`), clamped to the office's bounds and rounded up. The
    /// busiest instance's utilization × its staff is the work it did; scaled by the dossiers
    /// it served and those still waiting at the end over those it served, since an office
    /// that cannot keep up leaves its excess in the queue. Still a lower bound there: a dossier
    /// held in an earlier step's queue does not show its later visits (Gò Vấp's land branch at
    /// 1.3×: 21.03 at today's 20 against 22.07 at 80 staff, where nothing waits).
    static func queueingBound(_ summary: ExperimentSummary, today: [String: Int], bounds: [Bound],
                              entry: [String: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: bounds.map { bound in
            let instances = summary.offices.filter { $0.office.entry == entry[bound.office] && !$0.utilization.mean.isNaN }
            let busiest = instances.max { $0.utilization.mean < $1.utilization.mean }
            let offered = busiest.map { office -> Double in
                let served = office.servedPerReplication.mean, waiting = office.queueAtEnd.mean
                let backlog = served > 0 && waiting.isFinite ? (served + waiting) / served : 1
                return office.utilization.mean * backlog * Double(today[bound.office] ?? 0)
            } ?? 0
            return (bound.office, Swift.min(bound.high, Swift.max(bound.low, Int((offered - 1e-9).rounded(.up)))))
        })
    }

    /// Whether the screen of the queueing bound's staffing `bound` (`summary`) settles what the
    /// very large staff's run would: every target passes there, so none is out of staffing's
    /// reach; and every office's bound is at most half its very large staff, so that staff,
    /// holding at most the bound's work, would be below half busy — the very large staff's
    /// own test.
    static func boundSettles(_ bound: [String: Int], passes: Bool, large: [String: Int]) -> Bool {
        passes && bound.allSatisfy { 2 * $0.value <= (large[$0.key] ?? 0) }
    }
}
