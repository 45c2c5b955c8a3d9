extension UnitStaffingSearch {
    /// One of a unit's figures the target is checked on (a field, or all the office's fields).
    public struct Figure: Sendable {
        /// A field id, or `all`.
        public let id: String
        public let name: String
        public let nameVi: String?
        /// The scenario's fields it counts, by index.
        let fields: [Int]
    }

    /// A unit's figure at one staffing: its estimate over the replications and the verdict.
    public struct Reading: Sendable {
        public let figure: String
        public let estimate: Estimate
        public let verdict: Verdict
        /// Distance from the threshold of the interval's unfavourable end (negative: misses).
        public let gap: Double
    }

    /// The answer for one unit.
    public struct Unit: Sendable {
        public let id: String
        public let name: String
        public let nameVi: String?
        /// Its group in reports (former district, else kind) and its kind.
        public let group: String
        public let kind: String
        /// Today's staff of the office in this unit, and the range the search may use.
        public let today: Int
        public let low: Int
        public let high: Int
        /// The staff found (or the upper limit, when even that does not pass).
        public let staff: Int
        /// Whether the unit's counted figures all pass with `staff` (in the final evaluation).
        public let passes: Bool
        /// The counted figure closest to failing (or failing most), with `staff` and with today's.
        public let worst: Reading?
        public let worstToday: Reading?
        /// Figures that do not pass even with a very large staff of the office: the office does
        /// not decide them, so they are left out of this unit's verdict.
        public let setAside: [String]
        /// One fewer than `staff`: whether it fails (true: the unit's staff is minimal), or nil
        /// when it was not tried (at the lower end of the range).
        public let oneFewerFails: Bool?
        /// The unit's reading with one fewer, when tried.
        public let oneFewer: Reading?
        /// For a unit raised: the figure that did not pass when it was first raised (nil with
        /// `staff` above today's: the guard on citizens giving up raised it).
        public let neededFor: Reading?
        /// A unit that does not pass only for want of replications, and what would decide it.
        public let undecided: StaffingUndecided?

        /// Staff added (negative: removed).
        public var change: Int { staff - today }
    }

    /// One evaluation of the search: a staffing of every unit, run once.
    public struct Round: Sendable {
        /// What the evaluation was for.
        public enum Purpose: String, Sendable {
            case today, large, up, down, confirmation, minimality
        }
        public let purpose: Purpose
        /// The round of its kind (1, 2, …), and the units moved (or tried one fewer) in it.
        public let number: Int
        public let moved: Int
        public let replications: Int
        /// Units not passing, and the staff of the office over all units.
        public let failing: Int
        public let totalStaff: Int
        /// Replications simulated for it (the column adds up to the search's).
        public let simulated: Int
    }
}
