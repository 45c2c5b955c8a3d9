/// A searched office's staffing over the horizon (docs/model.md §8.4, "Dated staff changes").
///
/// The search's decision variable is an office's base staff (the scenario's `staff`); an office
/// with dated changes (`staffChanges`, e.g. Gò Vấp's land branch: 20, then 21 from 1 July)
/// keeps them, each shifted by the same change: the search's +2 is "+2 in every period" (22,
/// then 23). Replacing the dated changes by one staff all year (the rule before the second
/// outside review, #6) made a recommendation that, set as the report wrote it, kept the
/// scenario's July change and failed.
extension StaffingSearch {
    /// An office's staff from the horizon's start and from each date of change on.
    public struct DatedStaff: Sendable {
        public let base: Int
        public let changes: [StaffChangeSpec]

        /// The staff in every period, first the base's.
        public var periods: [Int] { [base] + changes.map(\.staff) }
    }

    /// `office`'s dated staffing as given in the scenario.
    public static func dated(_ office: OfficeSpec) -> DatedStaff {
        DatedStaff(base: office.staff, changes: office.staffChanges)
    }

    /// `office`'s dated staffing when the search sets its base staff to `staff`: the change
    /// from the scenario's base (`staff − office.staff`) added to every dated period. A period
    /// with no staff (closed) stays closed; another never falls below one staff member, nor
    /// rises above ``maximumStaff``.
    public static func dated(_ office: OfficeSpec, staff: Int) -> DatedStaff {
        let delta = staff - office.staff
        func shifted(_ period: Int) -> Int { period == 0 ? 0 : Swift.min(maximumStaff, Swift.max(1, period + delta)) }
        return DatedStaff(base: staff, changes: office.staffChanges.map { StaffChangeSpec(from: $0.from, staff: shifted($0.staff)) })
    }

    /// `scenario` with the searched offices at `staff` (``dated(_:staff:)``); for a group of
    /// offices (the wards), every member at that staff.
    static func applying(_ staff: [String: Int], to scenario: Scenario) -> Scenario {
        var s = scenario
        for i in s.offices.indices {
            guard let n = staff[s.offices[i].id] else { continue }
            let dated = dated(s.offices[i], staff: n)
            s.offices[i].staff = dated.base
            s.offices[i].staffChanges = dated.changes
            for k in s.offices[i].instances.indices { s.offices[i].instances[k].staff = nil }
        }
        return s
    }

    /// The `--set` values that turn `scenario` into ``applying(_:to:)`` for the offices whose
    /// staff `staff` changes, so `motcua run` reproduces the staffing's figures exactly.
    public static func settings(_ staff: [String: Int], in scenario: Scenario) -> [String] {
        var lines: [String] = []
        for office in scenario.offices {
            guard let n = staff[office.id] else { continue }
            let dated = dated(office, staff: n)
            if dated.base != office.staff { lines.append("offices.\(office.id).staff=\(dated.base)") }
            for (i, (before, after)) in zip(office.staffChanges, dated.changes).enumerated() where before.staff != after.staff {
                lines.append("offices.\(office.id).staffChanges.\(i).staff=\(after.staff)")
            }
            for instance in office.instances where instance.staff != nil && instance.staff != n {
                lines.append("offices.\(office.id).instances.\(instance.id).staff=\(n)")
            }
        }
        return lines
    }
}
