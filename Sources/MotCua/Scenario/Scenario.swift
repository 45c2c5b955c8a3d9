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
    /// District-wide rules, such as how late dossiers are apologised for.
    public var policies: PolicySpec
    /// Dossiers already in progress when the horizon starts.
    public var backlog: [BacklogSpec] = []
    /// When dossiers arrive, for procedures without a profile of their own.
    public var load: LoadProfile = .flat
    /// Published figures the baseline is compared with (docs/model.md §11.3).
    public var backTest: [BackTestFigure] = []
    /// Identifies what was simulated: the scenario document (after overlays and settings), its
    /// holiday table, the load factor and the simulator's model version. Stored results are
    /// reused only under the same fingerprint.
    public var fingerprint: UInt64 = 0
    /// What the scenario holds that is allowed but probably not meant (a surge dated outside
    /// the horizon, a procedure with no arrivals), with its JSON path; the scenario runs anyway.
    public var warnings: [ScenarioIssue] = []
    /// The file as named in messages, with its overlays (`a.json + b.json + --set`).
    public var file: String = ""
    /// The other files the scenario (or an overlay) names and that were read: the holiday
    /// table, the procedure table, the unit table. Outputs must never overwrite them.
    public var inputFiles: [InputFile] = []

    /// A file read because the scenario names it.
    public struct InputFile: Sendable, Equatable {
        /// What it is, for messages: `the holiday table (calendar.holidays)`.
        public let what: String
        /// Its path as resolved (relative to the file that names it, or absolute).
        public let path: String
    }

    /// The scenario with every arrival volume multiplied by `factor` (the `--load` what-if).
    public func scalingLoad(by factor: Double) -> Scenario {
        var copy = self
        for i in copy.procedures.indices { copy.procedures[i].yearlyVolume *= factor }
        if factor != 1 { copy.fingerprint = StableHash.fnv1a("\(fingerprint) load \(factor)") }
        return copy
    }
}

/// Dossiers of a procedure already in progress at the start of the horizon.
public struct BacklogSpec: Sendable {
    public var procedure: String
    public var count: Int
    /// Working days already used of their deadline.
    public var elapsedWorkingDays: Distribution
    /// The route step they are all at (1 = the first step after the desk), or nil: each at the
    /// step its route typically reaches in the working days it has used (docs/model.md §9).
    public var step: Int?
    /// The scenario's `source` note for it ("assumption: …"), kept so a verdict resting on the
    /// backlog can say so (docs/model.md §7.3).
    public var source: String? = nil
}

/// District-wide rules.
public struct PolicySpec: Sendable {
    /// Share of dossiers that will be late for which the office sends the apology (Form 04) in
    /// time: at least one working day before the appointment.
    public var apologyOnTimeShare: Double
    /// Of the late dossiers not apologised in time, the share apologised afterwards (late).
    public var apologyLateShare: Double
    /// Working days added by the new appointment date of an apology (set only once).
    public var apologyExtensionWorkingDays: Int
    /// Where the apology shares come from (the scenario's `policies.apology.source`), if given.
    public var apologySource: String? = nil

    /// The rules that replace these from a date on (a new decree, such as Decree 118/2025/NĐ-CP
    /// replacing Decree 61/2018/NĐ-CP on 1 July 2025), in date order: a dossier follows the
    /// rules in force on its receipt date (docs/model.md §11). Each version's own `versions`
    /// is empty.
    public var versions: [DatedPolicy] = []

    /// The order a one-stop desk takes its queue in (`policies.deskOrder`, docs/model.md §2.2);
    /// one for the whole horizon (a dated version does not change it).
    public var deskOrder: DeskOrder = .arrival
    /// With ``DeskOrder/citizensFirstBounded``: the open working hours of the desk an online or
    /// postal dossier may wait before it is taken ahead of the next citizen
    /// (`policies.electronicWaitLimitHours`, docs/model.md §2.2); `nil` with the other orders.
    public var electronicWaitLimitHours: Double? = nil

    /// Every late dossier apologised in time, with 5 more working days (assumption).
    public static let standard = PolicySpec(apologyOnTimeShare: 1, apologyLateShare: 0, apologyExtensionWorkingDays: 5)

    /// The rules in force for a dossier received on `date`.
    public func inForce(receivedOn date: CivilDate) -> PolicySpec {
        versions.last { $0.from <= date }?.rules ?? self
    }
}

/// The order a one-stop desk takes its waiting work in (docs/model.md §2.2).
public enum DeskOrder: String, Sendable, CaseIterable {
    /// Citizens at the counter (the priority lane, then ticket order) before the electronic
    /// (online and postal) dossiers, which are worked while no citizen waits.
    case citizensFirst = "citizens-first"
    /// One queue in order of arrival, citizens and electronic dossiers alike (the default).
    case arrival
    /// Citizens first, but an electronic dossier that has waited at the desk longer than
    /// ``PolicySpec/electronicWaitLimitHours`` open hours is taken before the next citizen.
    case citizensFirstBounded = "citizens-first-bounded"
}

/// District-wide rules from a date on, with their source.
public struct DatedPolicy: Sendable {
    /// The first receipt date they apply to.
    public var from: CivilDate
    public var rules: PolicySpec
    public var source: String?
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
    /// Land Registration Office branch (Chi nhánh Văn phòng Đăng ký đất đai).
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
    /// Staff from a date on (e.g. the land branch loses two staff from July).
    public var staffChanges: [StaffChangeSpec] = []
    /// Days on which some staff are away (training, leave).
    public var absences: [AbsenceSpec] = []
    /// Times of day of work sessions (e.g. the leaders sign at 10:00 and 16:00); empty: works continuously.
    public var sessions: [ClockTime] = []
    /// How long in-person citizens wait in the desk queue before giving up (nil: they never do).
    public var patience: Distribution?
}

/// The staff of an office from a date on.
public struct StaffChangeSpec: Sendable {
    public var from: CivilDate
    public var staff: Int
}

/// Staff away from an office on the days `from`…`to`.
public struct AbsenceSpec: Sendable {
    public var from: CivilDate
    public var to: CivilDate
    public var staff: Int
    public var reason: String?
}

/// One member of an office group (e.g. one ward).
public struct InstanceSpec: Sendable {
    public var id: String
    public var name: String
    public var nameVi: String?
    public var staff: Int?
    public var weight: Double
    /// The kind of unit: `ward`, `commune`, `special-zone` or `town` (default `ward`).
    public var kind: String = "ward"
    /// A grouping of the scenario's choice (e.g. the former district), for finding a unit in reports.
    public var group: String?
    /// Opening hours of this unit's office, when they differ from the office entry's.
    public var hours: OpeningHours?
    public var saturdayHours: OpeningHours?
    /// The office (one without instances) that does this unit's work of the entry, when one
    /// office serves several units (a land registration branch serving its area); nil when the
    /// unit has an office of its own. The instance's staff and hours then do not apply.
    public var branch: String?
    /// Whether the unit's population, which sets its share of the load, is an assumption (its
    /// `source` says "population: assumption", as an area share does): reports say so (review 4 #2).
    public var populationAssumed = false
}

/// An administrative procedure (thủ tục hành chính) with its load, deadline and route.
public struct ProcedureSpec: Sendable {
    public var id: String
    /// The national procedure code (mã thủ tục hành chính, e.g. 1.001612) of the national
    /// procedure database, by which one-stop exports name it (`calibrate` matches records by it).
    public var nationalCode: String?
    public var name: String
    public var nameVi: String?
    public var field: String
    public var yearlyVolume: Double
    /// Statutory deadline in working days (0 = same day).
    public var deadlineWorkingDays: Int
    /// Share submitted online.
    public var onlineShare: Double
    /// Share sent by public postal service.
    public var postalShare: Double = 0
    /// Share refused at the desk check.
    public var refusalShare: Double
    /// The desk check.
    public var intake: StepSpec
    /// The route after intake.
    public var steps: [StepSpec]
    /// Share of in-person citizens served in the priority lane (elderly, pregnant, disabled).
    public var priorityShare: Double = 0
    /// Incomplete dossiers at the desk check (Form 02).
    public var incomplete: IncompleteSpec?
    /// Scanning the dossier's components at the desk.
    public var digitization: DigitizationSpec?
    /// The fee and how it is paid.
    public var fee: FeeSpec?
    /// How the result is returned.
    public var result: ResultSpec?
    /// Accepted dossiers that the citizen withdraws.
    public var withdrawal: WithdrawalSpec?
    /// Re-use of documents the administration already holds (nil: the procedure has none).
    public var reuse: ReuseSpec?
    /// When this procedure's dossiers arrive (nil: the scenario's profile).
    public var load: LoadProfile?
    /// Where citizens file paper dossiers when they may file at any service point (Decree
    /// 118/2025, *phi địa giới hành chính*); nil: always at their own unit's desk.
    public var filingAnywhere: FilingAnywhereSpec?

    /// Deadlines that the law changes on a date (a new decree), in date order: a dossier
    /// follows the one in force on its receipt date, ``deadlineWorkingDays`` before the first
    /// (docs/model.md §11).
    public var deadlineVersions: [DatedDeadline] = []

    /// The statutory deadline in working days of a dossier received on `date`.
    public func deadlineWorkingDays(receivedOn date: CivilDate) -> Int {
        deadlineVersions.last { $0.from <= date }?.workingDays ?? deadlineWorkingDays
    }

    /// The whole route in order: the desk check (stage 0), then the steps after it.
    public var route: [StepSpec] { [intake] + steps }
}

/// Filing regardless of residence (docs/model.md §13.2): of a unit's in-person paper dossiers, a
/// share is handed in at the neighbouring unit's desk and a share at a city desk; the dossier is
/// still decided by its own unit and its paper result is collected where it was filed.
public struct FilingAnywhereSpec: Sendable {
    /// Share of in-person dossiers filed at the neighbouring unit: the next unit of the same
    /// group (former district) among the intake office's instances, cyclically; kept at home by
    /// a unit alone in its group (``SimulationModel/neighbours(of:)``).
    public var neighbourShare: Double
    /// Share of in-person dossiers filed at `cityDesk`.
    public var cityShare: Double
    /// A desk without instances (a branch of the city's centre), or nil when `cityShare` is 0.
    public var cityDesk: String?
}

/// A procedure's deadline from a date on (a decree that changes it), with its source.
public struct DatedDeadline: Sendable {
    /// The first receipt date it applies to.
    public var from: CivilDate
    public var workingDays: Int
    public var source: String?
}

/// Incomplete dossiers: the desk gives guidance (Form 02) and the citizen comes back later.
public struct IncompleteSpec: Sendable {
    /// Share of desk checks that find the dossier incomplete.
    public var share: Double
    /// Time until the citizen comes back with the missing papers (working minutes).
    public var returnDelay: Distribution
    /// Share of citizens who come back (the others abandon: withdrawn).
    public var returnShare: Double
}

/// Re-use of documents already digitized or shared (the plans' "not asked again for documents
/// already held", Decision 766's re-use of digitized data; docs/model.md §6.5): the documents
/// the administration holds are looked up, so a re-used dossier that the desk scans takes only
/// part of the scanning time. Whether it is digitized is decided as for any dossier.
public struct ReuseSpec: Sendable {
    /// Share of accepted dossiers whose citizen is not asked again for documents already held.
    public var share: Double
    /// The part of the scanning time a re-used dossier still takes (its other components).
    public var scanningShare: Double = 0.5
}

/// Digitization of the dossier's components at reception (số hóa hồ sơ).
public struct DigitizationSpec: Sendable {
    /// Share of dossiers digitized.
    public var share: Double
    /// Extra desk time per digitized dossier.
    public var service: Distribution
}

/// The fee of a procedure.
public struct FeeSpec: Sendable {
    /// Share of fee-paying dossiers paid electronically (thanh toán điện tử).
    public var ePaymentShare: Double
    /// Extra desk time for a cash payment.
    public var cashService: Distribution
}

/// Returning the result to the citizen (trả kết quả).
public struct ResultSpec: Sendable {
    /// Share of results sent electronically.
    public var electronicShare: Double
    /// Share sent by post.
    public var postalShare: Double
    /// Counter time to hand over a paper result at the desk.
    public var service: Distribution
    /// Time between the result being ready and the citizen coming for it (working minutes).
    public var pickupDelay: Distribution
}

/// Citizens withdrawing accepted dossiers.
public struct WithdrawalSpec: Sendable {
    public var share: Double
    /// Working time after acceptance at which the citizen withdraws, if not finished by then.
    public var after: Distribution
}

/// One step of a route: an office, its staff effort and its waiting time without staff.
public struct StepSpec: Sendable {
    /// An office id (an entry with instances means the dossier's own instance).
    public var office: String
    /// Staff effort, in working minutes.
    public var service: Distribution?
    /// Elapsed working time without staff, in working minutes.
    public var lag: Distribution?
    /// Time spent in this step does not count against the deadline (e.g. the tax office).
    public var pausesDeadline = false
    /// The office may ask the citizen for more papers after its work.
    public var supplement: SupplementSpec?
}

/// A request to supplement the dossier (yêu cầu bổ sung): the clock stops while the citizen
/// gathers the papers, then the step is done again.
public struct SupplementSpec: Sendable {
    /// Share of dossiers asked at their first pass through the step.
    public var share: Double
    /// Share asked again after they supplemented (each further pass); below 1.
    public var repeatShare: Double
    /// Time the citizen takes (working minutes); the deadline clock is stopped meanwhile.
    public var delay: Distribution
    /// The scenario's `source` note for it, kept so a verdict it decides can say so (docs/model.md §7.3).
    public var source: String? = nil
}
