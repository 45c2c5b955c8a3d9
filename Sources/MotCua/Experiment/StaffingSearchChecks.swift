/// The checks and the guard of the staffing search, apart from the search itself.
extension StaffingSearch {
    /// Why `bounds` cannot be searched in `scenario`, or nil when they can: every staffing the
    /// search may propose must be one `motcua validate` accepts, and an office that serves a
    /// step of a route needs at least one staff member (docs/model.md §3).
    public static func problem(bounds: [Bound], in scenario: Scenario) -> String? {
        let serving = Set(scenario.procedures.flatMap { $0.route.filter { $0.service != nil }.map(\.office) })
        for bound in bounds {
            if bound.low > bound.high {
                return "--office \(bound.office)=\(bound.low):\(bound.high): the lower bound is above the upper bound"
            }
            if bound.low < 1 && serving.contains(bound.office) {
                return "--office \(bound.office)=\(bound.low):\(bound.high): the office serves a step of a route, so it "
                    + "needs at least 1 staff member (a scenario with \(bound.low) does not validate); start at 1"
            }
            if bound.high > maximumStaff {
                return "--office \(bound.office)=\(bound.low):\(bound.high): at most \(maximumStaff) staff per office"
            }
        }
        return nil
    }

    /// The most staff an office may have (the scenario format's limit).
    public static let maximumStaff = 100_000

    /// The guard a search adds when its targets say nothing about citizens who leave without a
    /// result: fewer staff must not buy the on-time rate by letting citizens give up in the
    /// queue. The share of dossiers withdrawn may rise at most one percentage point
    /// (``DeskGuard/staffSearchMargin``) above what the current staffing gives
    /// (`baseline`: the upper end of its 95% interval, so that the current staffing passes the
    /// guard however few replications there are).
    public static func withdrawalGuard(baseline: Double) -> TargetSpec {
        let threshold = Swift.min(1, Swift.max(0, baseline + DeskGuard.staffSearchMargin))
        let shown = Format.percent(threshold)
        return TargetSpec(id: "guard-withdrawn",
                          label: "Guard: citizens who give up or withdraw ≤ \(shown) (now \(Format.percent(baseline)) + 1 point)",
                          labelVi: "Ràng buộc: hồ sơ bị rút hoặc công dân bỏ về ≤ \(shown) (hiện nay \(Format.percent(baseline)) + 1 điểm %)",
                          measure: .withdrawnRate, field: nil, office: nil, level: nil, comparator: .atMost, threshold: threshold)
    }
}
