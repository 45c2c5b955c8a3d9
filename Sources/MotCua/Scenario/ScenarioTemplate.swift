import Foundation

/// Starting scenarios for `motcua new`: small, valid, runnable, and annotated entry by entry
/// (JSON has no comments, so each entry carries a `notes` text saying what to replace, and a
/// `source` of "assumption: template" until the planner gives the real one).
public enum ScenarioTemplate: String, CaseIterable, Sendable {
    /// A ward (or commune) public administration service centre after 1 July 2025.
    case wardCentre = "ward-centre"
    /// A district of 2024: district one-stop desk, departments, land branch, and its wards.
    case district2024 = "district-2024"
    /// A unit of the two-level city (2025 on): its centre, with land dossiers decided by a city
    /// land registration branch.
    case cityUnit = "city-unit"

    /// The source every value of a template carries until the planner replaces it.
    public static let source = "assumption: template"

    /// How many units the template has when neither `--wards` nor `--units` says.
    public var defaultUnits: Int { self == .district2024 ? 10 : 1 }

    /// The year of the template's horizon when none is asked for.
    public var defaultYear: Int { self == .district2024 ? 2024 : 2026 }

    /// The years the template's horizon may take: those of the shipped holiday table (2023–2035)
    /// in which its kind of unit existed — districts until 1 July 2025, ward centres and the
    /// two-level city from 2025.
    public var years: ClosedRange<Int> { self == .district2024 ? 2023...2025 : 2025...2035 }

    /// The first day of Tết (Lunar New Year) in the years of the holiday table, for the pre-Tết surge.
    static let tet: [Int: (month: Int, day: Int)] = [
        2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
        2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19), 2035: (2, 8),
    ]

    /// The template's scenario document.
    /// - Parameters:
    ///   - units: the units (JSON objects as a unit table gives them), or nil for `wards` numbered ones.
    ///   - wards: how many numbered units when `units` is nil.
    ///   - holidays: the holiday table's path as the scenario should name it.
    ///   - year: the year of the horizon (one whole year from 1 January), one of ``years``;
    ///     nil for ``defaultYear``.
    public func document(units given: [JSONValue]?, wards: Int, holidays: String, year: Int? = nil) -> JSONValue {
        let units = given ?? (1...max(wards, 1)).map(numberedUnit)
        let scale = Double(units.count)
        let district = self == .district2024
        let year = year ?? defaultYear
        let days = CivilDate(year: year + 1, month: 1, day: 1).flatMap { end in
            CivilDate(year: year, month: 1, day: 1).map { end.dayNumber - $0.dayNumber }
        } ?? 365
        // The weeks before Tết, placed as the default year's are (district: 19 to 3 days before
        // the first day of Tết; the others: 15 to 4).
        let (before, until) = district ? (19, 3) : (15, 4)
        let tetDay = Self.tet[year].flatMap { CivilDate(year: year, month: $0.month, day: $0.day) }
        let surge = tetDay.map { ($0.adding(days: -before), $0.adding(days: -until)) }
        var members: [(key: String, value: JSONValue)] = [
            ("format", "motcua-scenario/1"),
            ("name", .string(title.en)), ("nameVi", .string(title.vi)),
            ("description", .string("Made by `motcua new --template \(rawValue)`. Every value is marked \"\(Self.source)\": "
                                    + "replace it with your own figure and its source (docs/how-to-your-ward.md).")),
            ("seed", 1),
            ("horizon", note(["start": .string("\(year)-01-01"), "days": .number(Double(days)), "warmUpDays": 0],
                             "One year. Change start and days to the period you plan for; dated entries (surges, absences) "
                             + "must move with it.")),
            ("calendar", note(["mode": "working-days", "holidays": .string(holidays),
                               "hours": [["07:30", "11:30"], ["13:00", "17:00"]], "sameDayCutOff": "15:00"],
                              "Usual office hours of a one-stop desk: give your centre's (offices may override them). "
                              + "The holiday table covers 2023–2035.")),
            ("fields", .array(fields.map {
                .object([("id", .string($0.0)), ("name", .string($0.1)), ("nameVi", .string($0.2))])
            })),
            ("units", .array(units.map(annotatedUnit))),
            ("offices", .array(offices)),
            ("procedures", .array(procedures(scale: scale))),
            ("targets", .array(targets)),
        ]
        if let (from, to) = surge {
            let surges: JSONValue = ["surges": [["from": .string(from.description), "to": .string(to.description),
                                                 "factor": 1.3, "label": "pre-Tết"]]]
            members.append(("load", note(surges, "Dossiers come faster in the weeks before Tết; give your month, weekday and hour "
                                                 + "factors from your records (motcua calibrate).")))
        }
        return .object(members)
    }

    var title: (en: String, vi: String) {
        switch self {
        case .wardCentre: ("Ward public administration service centre (template)", "Trung tâm phục vụ hành chính công phường (mẫu)")
        case .district2024: ("District one-stop system, 2024 (template)", "Bộ phận một cửa cấp huyện, 2024 (mẫu)")
        case .cityUnit: ("Ward centre in the two-level city (template)",
                         "Trung tâm phục vụ hành chính công phường, chính quyền hai cấp (mẫu)")
        }
    }

    var fields: [(String, String, String)] {
        var list = [("civil-status", "Civil status", "Hộ tịch"), ("certification", "Certification", "Chứng thực"),
                    ("business", "Household business", "Hộ kinh doanh")]
        if self != .wardCentre { list.append(("land", "Land", "Đất đai")) }
        return list
    }

    func numberedUnit(_ n: Int) -> JSONValue {
        let number = n < 10 ? "0\(n)" : "\(n)"
        return ["id": .string("ward-\(number)"), "name": .string("Ward \(n)"), "nameVi": .string("Phường \(n)"),
                "kind": "ward", "population": 30000]
    }

    func annotatedUnit(_ unit: JSONValue) -> JSONValue {
        guard case .object(var members) = unit else { return unit }
        if !members.contains(where: { $0.key == "source" }) { members.append(("source", .string(Self.source))) }
        // The table's own notes are the planner's: kept, and the template's reminder not added.
        if !members.contains(where: { $0.key == "notes" }) { members.append(("notes", .string("Give the unit's official name and kind, and its population (or a weight) with its "
                                         + "source; the population shares the ward-level load between the units."))) }
        return .object(members)
    }

    var offices: [JSONValue] {
        let level: JSONValue = "ward"
        var list: [JSONValue] = [
            office("ward-desk", "desk", level, "Ward one-stop desk", "Bộ phận một cửa phường", staff: 4, perUnit: true,
                   notes: "Counter staff of each unit; a unit with more or fewer gives it in units[].offices.ward-desk.staff.",
                   extra: [("patience", ["type": "lognormal", "mean": 90, "sd": 40])]),
            office("ward-justice", "department", level, "Ward justice and civil status officers", "Công chức tư pháp – hộ tịch",
                   staff: 2, perUnit: true, notes: "Officers who check and prepare civil-status and certification dossiers."),
            office("ward-economy", "department", level, "Ward economic section", "Phòng Kinh tế phường", staff: 2, perUnit: true,
                   notes: "Officers who handle household-business registration."),
            office("ward-leaders", "leadership", level, "Ward leaders (signing)", "Lãnh đạo UBND phường", staff: 1, perUnit: true,
                   notes: "Leaders sign in sessions; give the times your leaders sign.",
                   extra: [("sessions", ["10:00", "16:00"])]),
        ]
        switch self {
        case .wardCentre: break
        case .cityUnit:
            list.append(office("land-branch", "land-branch", "city", "City land registration office branch",
                               "Chi nhánh Văn phòng đăng ký đất đai", staff: 10, perUnit: false,
                               notes: "The branch that decides land dossiers received at the unit; its staff serve "
                                   + "several units, so give the share of their time your units take."))
            list.append(office("tax-office", "external", "city", "Tax office", "Cơ quan thuế", staff: 0, perUnit: false,
                               notes: "Outside the one-stop system: its time is a lag that pauses the deadline."))
        case .district2024:
            list.append(office("district-desk", "desk", "district", "District one-stop desk", "Bộ phận một cửa quận", staff: 6,
                               perUnit: false, notes: "Counter staff of the district's one-stop department for land dossiers."))
            list.append(office("land-branch", "land-branch", "district", "Land registration branch",
                               "Chi nhánh Văn phòng đăng ký đất đai", staff: 15, perUnit: false,
                               notes: "The district's land registration branch."))
            list.append(office("tax-office", "external", "district", "Tax sub-department", "Chi cục Thuế", staff: 0, perUnit: false,
                               notes: "Outside the one-stop system: its time is a lag that pauses the deadline."))
        }
        return list
    }

    func office(_ id: String, _ kind: String, _ level: JSONValue, _ name: String, _ nameVi: String, staff: Int, perUnit: Bool,
                notes: String, extra: [(key: String, value: JSONValue)] = []) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("kind", .string(kind)), ("level", level),
                                                          ("name", .string(name)), ("nameVi", .string(nameVi)),
                                                          ("staff", .number(Double(staff)))]
        if perUnit { members.append(("instances", .string(UnitList.marker))) }
        return .object(members + extra + [("source", .string(Self.source)), ("notes", .string(notes))])
    }

    func procedures(scale: Double) -> [JSONValue] {
        func service(_ mean: Double) -> JSONValue { ["type": "lognormal", "mean": .number(mean), "sd": .number(mean / 2)] }
        func step(_ office: String, _ mean: Double) -> JSONValue { ["office": .string(office), "service": service(mean)] }
        func procedure(_ id: String, _ name: String, _ nameVi: String, field: String, perUnit: Double, days: Int, online: Double,
                       intake: (String, Double), steps: [JSONValue], notes: String) -> JSONValue {
            .object([("id", .string(id)), ("name", .string(name)), ("nameVi", .string(nameVi)), ("field", .string(field)),
                     ("yearlyVolume", .number((perUnit * scale).rounded())), ("deadline", ["workingDays": .number(Double(days))]),
                     ("online", .number(online)), ("intake", ["office": .string(intake.0), "service": service(intake.1)]),
                     ("steps", .array(steps)), ("source", .string(Self.source)), ("notes", .string(notes))])
        }
        let volumeNote = "yearlyVolume is for all units together (shared by population); "
            + "take it from your one-stop statistics. "
        var list = [
            procedure("birth-registration", "Birth registration", "Đăng ký khai sinh", field: "civil-status", perUnit: 900, days: 1,
                      online: 0.3, intake: ("ward-desk", 12), steps: [step("ward-justice", 15), step("ward-leaders", 3)],
                      notes: volumeNote + "Give the deadline of the procedure's published record."),
            procedure("copy-certification", "Certification of copies", "Chứng thực bản sao từ bản chính", field: "certification",
                      perUnit: 6000, days: 1, online: 0.05, intake: ("ward-desk", 5), steps: [step("ward-justice", 4)],
                      notes: volumeNote + "Usually the largest volume of a ward; same-day procedures have deadline 0."),
            procedure("household-business", "Household business registration", "Đăng ký hộ kinh doanh", field: "business",
                      perUnit: 150, days: 3, online: 0.4, intake: ("ward-desk", 15),
                      steps: [step("ward-economy", 30), step("ward-leaders", 3)],
                      notes: volumeNote + "Give the route your centre uses."),
        ]
        if self != .wardCentre {
            let desk = self == .district2024 ? "district-desk" : "ward-desk"
            let tax: JSONValue = ["office": "tax-office",
                                  "lag": ["type": "triangular", "min": 2, "mode": 3, "max": 5, "unit": "workingDays"],
                                  "pausesDeadline": true]
            list.append(procedure("land-transfer", "Land use right transfer registration", "Đăng ký biến động (chuyển nhượng)",
                                  field: "land", perUnit: 300, days: 10, online: 0.1, intake: (desk, 20),
                                  steps: [step("land-branch", 60), tax, step("land-branch", 30)],
                                  notes: volumeNote + "The tax office's time does not count against the deadline."))
        }
        return list
    }

    var targets: [JSONValue] {
        [.object([("id", "on-time"), ("label", "Dossiers settled on time"), ("labelVi", "Hồ sơ giải quyết đúng hạn"),
                  ("measure", "onTimeRate"), ("field", "*"), ("comparator", ">="), ("threshold", "98%"),
                  ("source", .string(Self.source)),
                  ("notes", "Give the target of your administrative-reform plan, with its document.")]),
         .object([("id", "online"), ("label", "Dossiers received online"), ("labelVi", "Hồ sơ nộp trực tuyến"),
                  ("measure", "onlineRate"), ("comparator", ">="), ("threshold", "30%"),
                  ("source", .string(Self.source)), ("notes", "Give the target of your plan.")])]
    }

    func note(_ object: JSONValue, _ notes: String) -> JSONValue {
        guard case .object(let members) = object else { return object }
        return .object(members + [("source", .string(Self.source)), ("notes", .string(notes))])
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
                     ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Keeps the order written, as every JSON object of the simulator does.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }
}
