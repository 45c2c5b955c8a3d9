/// A scenario as the planner wrote it: calendar, offices, procedures, loads and targets.
///
/// Read with ``ScenarioLoader``; turned into a runnable ``SimulationModel`` by
/// ``SimulationModel/init(scenario:)``. The format is documented in `docs/scenario-format.md`.
public struct Scenario: Sendable {
    public var name: String
    public var nameVi: String?
    public var description: String?
    public var seed: UInt64
    public var horizon: Horizon
    public var calendar: CalendarSpec
    public var fields: [FieldSpec]
    public var offices: [OfficeSpec]
    public var procedures: [ProcedureSpec]
    public var targets: [TargetSpec]
}

/// The simulated period.
public struct Horizon: Sendable, Equatable {
    /// First day.
    public var start: CivilDate
    /// Number of days simulated.
    public var days: Int
    /// Days at the start whose arrivals are left out of the statistics.
    public var warmUpDays: Int
}

/// The calendar rules of a scenario.
public struct CalendarSpec: Sendable {
    /// 24/7 without holidays (validation) instead of working days.
    public var alwaysOpen: Bool
    /// Days off and make-up working days.
    public var holidays: HolidayTable
    /// Office hours on working days.
    public var hours: OpeningHours
    /// Extra Saturday opening hours.
    public var saturdayHours: OpeningHours
    /// The 15:00 rule.
    public var sameDayCutOff: ClockTime
}

/// A field (lĩnh vực) of administrative procedures: land, civil status, construction…
public struct FieldSpec: Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameVi: String?
}

/// The role of an office in the flow.
public enum OfficeKind: String, Sendable, CaseIterable {
    /// One-stop desk (Bộ phận Tiếp nhận và Trả kết quả / Bộ phận Một cửa).
    case desk
    /// Specialist department (phòng chuyên môn).
    case department
    /// Land Registration Office branch (Chi nhánh Văn phòng đăng ký đất đai).
    case landBranch = "land-branch"
    /// Leadership that signs decisions (Lãnh đạo UBND).
    case leadership
    /// Ward verification (xác minh, niêm yết tại UBND phường).
    case verification
    /// An office outside the district (e.g. the tax office, Chi cục Thuế).
    case external
}

/// The administrative level of an office.
public enum AdministrativeLevel: String, Sendable, CaseIterable {
    case city, district, ward
}

/// An office (or a group of like offices, such as the wards) as written in the scenario.
public struct OfficeSpec: Sendable {
    public var id: String
    public var kind: OfficeKind
    public var level: AdministrativeLevel
    public var name: String
    public var nameVi: String?
    public var staff: Int
    public var hours: OpeningHours?
    public var saturdayHours: OpeningHours?
    /// When non-empty, the entry stands for one office per instance (e.g. one per ward).
    public var instances: [InstanceSpec]
}

/// One member of an office group (e.g. one ward).
public struct InstanceSpec: Sendable {
    public var id: String
    public var name: String
    public var nameVi: String?
    public var staff: Int?
    public var weight: Double
}

/// An administrative procedure (thủ tục hành chính) with its load, deadline and route.
public struct ProcedureSpec: Sendable {
    public var id: String
    public var name: String
    public var nameVi: String?
    public var field: String
    public var yearlyVolume: Double
    /// Statutory deadline in working days (0 = same day).
    public var deadlineWorkingDays: Int
    /// Share submitted online.
    public var onlineShare: Double
    /// Share refused at the desk check.
    public var refusalShare: Double
    /// The desk check.
    public var intake: StepSpec
    /// The route after intake.
    public var steps: [StepSpec]
}

/// One step of a route: an office, its staff effort and its waiting time without staff.
public struct StepSpec: Sendable {
    /// An office id (an entry with instances means the dossier's own instance).
    public var office: String
    /// Staff effort, in working minutes.
    public var service: Distribution?
    /// Elapsed working time without staff, in working minutes.
    public var lag: Distribution?
}

/// What a target measures.
public enum TargetMeasure: String, Sendable {
    /// Share of dossiers solved on time, counted as the national portal does.
    case onTimeRate
    /// Share of dossiers late (the complement of ``onTimeRate``).
    case lateRate
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
    public var comparator: Comparator
    public var threshold: Double
}
