import Foundation
import Testing
@testable import MotCua

/// A scenario whose ward desk and ward justice section stand for the units; `UNITS` and
/// `OFFICE_EXTRA` are replaced by each test.
private let unitScenario = """
{
  "name": "Units",
  "horizon": {"start": "2024-01-01", "days": 10},
  "calendar": {"mode": "working-days", "holidays": "calendars/vietnam.json"},
  "fields": [{"id": "civil-status", "name": "Civil status"}],
  UNITS
  "offices": [
    {"id": "desk", "kind": "desk", "level": "ward", "name": "Desk", "staff": 2, "instances": INSTANCES OFFICE_EXTRA},
    {"id": "justice", "kind": "department", "level": "ward", "name": "Justice", "staff": 1, "instances": INSTANCES}
  ],
  "procedures": [{
    "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": 1000,
    "deadline": {"workingDays": 3},
    "intake": {"office": "desk", "service": {"type": "exponential", "mean": 10}},
    "steps": [{"office": "justice", "service": {"type": "triangular", "min": 5, "mode": 10, "max": 30}}]
  }]
}
"""

private let twoUnits = """
"units": [{"id": "w1", "name": "Ward 1", "nameVi": "Phường 1", "weight": 0.8},
          {"id": "w2", "name": "Commune 2", "nameVi": "Xã Hai", "kind": "commune", "group": "Củ Chi", "weight": 1.2}],
"""

@Suite("Units declared once (wards, communes) and the offices that exist in every unit")
struct UnitListTests {
    func scenario(units: String, instances: String = "\"units\"", officeExtra: String = "",
                  directory: String = Repository.path("scenarios")) throws(ScenarioError) -> Scenario {
        let json = unitScenario.replacingOccurrences(of: "UNITS", with: units)
            .replacingOccurrences(of: "INSTANCES", with: instances).replacingOccurrences(of: "OFFICE_EXTRA", with: officeExtra)
        return try ScenarioLoader.decode(Array(json.utf8), file: "units.json", directory: directory)
    }

    func problems(units: String, instances: String = "\"units\"", officeExtra: String = "") -> [ScenarioIssue] {
        do {
            _ = try scenario(units: units, instances: instances, officeExtra: officeExtra)
            return []
        } catch {
            return error.issues
        }
    }

    @Test("the unit list gives every office the same instances, and the same scenario, as the list repeated in each office")
    func sameAsRepeatedList() throws {
        let old = """
            [{"id": "w1", "name": "Ward 1", "nameVi": "Phường 1", "weight": 0.8},
             {"id": "w2", "name": "Commune 2", "nameVi": "Xã Hai", "kind": "commune", "group": "Củ Chi", "weight": 1.2}]
            """
        let repeated = try scenario(units: "", instances: old)
        let declared = try scenario(units: twoUnits)
        #expect(declared.fingerprint == repeated.fingerprint, "the fingerprint (and so stored results) does not depend on the form")
        for (a, b) in zip(declared.offices, repeated.offices) {
            #expect(a.instances.map(\.id) == b.instances.map(\.id))
            #expect(a.instances.map(\.weight) == b.instances.map(\.weight))
            #expect(a.instances.map(\.kind) == ["ward", "commune"])
            #expect(a.instances.map(\.group) == [nil, "Củ Chi"])
        }
    }

    @Test("staff and hours: the office's, then its defaults for the unit's kind, then the unit's own exception")
    func defaultsAndExceptions() throws {
        let units = """
            "units": [{"id": "w1", "name": "Ward 1", "weight": 1},
                      {"id": "c2", "name": "Commune 2", "kind": "commune", "weight": 1},
                      {"id": "c3", "name": "Commune 3", "kind": "commune", "weight": 1,
                       "offices": {"desk": {"staff": 5}, "justice": {"staff": 3}}}],
            """
        let extra = #", "byKind": {"commune": {"staff": 1, "saturdayHours": [["07:30", "11:30"]]}}"#
        let s = try scenario(units: units, officeExtra: extra)
        let desk = try #require(s.offices.first { $0.id == "desk" })
        let justice = try #require(s.offices.first { $0.id == "justice" })
        #expect(desk.instances.map { $0.staff ?? desk.staff } == [2, 1, 5])
        #expect(justice.instances.map { $0.staff ?? justice.staff } == [1, 1, 3])
        #expect(desk.instances.map { $0.saturdayHours?.totalMinutes ?? 0 } == [0, 240, 240])
        let model = SimulationModel(scenario: s)
        let deskSchedules = model.offices.filter { $0.id.hasPrefix("desk/") }.map(\.schedule)
        #expect(deskSchedules[0] != deskSchedules[1], "a commune desk open on Saturday has its own schedule")
        #expect(deskSchedules[1] == deskSchedules[2])
    }

    @Test("a population gives each unit its share of the load when no unit gives a weight")
    func populationAsWeight() throws {
        let units = """
            "units": [{"id": "w1", "name": "Ward 1", "population": 30000}, {"id": "w2", "name": "Ward 2", "population": 90000}],
            """
        let s = try scenario(units: units)
        #expect(s.offices[0].instances.map(\.weight) == [30000, 90000])
    }

    @Test("problems of the unit list are reported by id path", arguments: [
        (#""units": [{"id": "w1", "name": "W1", "weight": 1}, {"id": "w2", "name": "W2", "population": 5}],"#,
         "", "units[w2].weight", "give every unit a weight"),
        (#""units": [{"id": "w1", "name": "W1", "offices": {"dsk": {"staff": 2}}}],"#, "", "units[w1].offices.dsk", "did you mean \"desk\""),
        (#""units": [{"id": "w1", "name": "W1", "kind": "district"}],"#, "", "units[w1].kind", "expected one of"),
        (#""units": [{"id": "w1", "name": "W1"}, {"id": "w1", "name": "W1 again"}],"#, "", "units[1].id", "duplicate unit id"),
        ("", "", "offices[desk].instances", "no \"units\""),
        (#""units": [{"id": "w1", "name": "W1"}],"#, #", "byKind": {"comune": {"staff": 1}}"#, "offices[desk].byKind.comune", "did you mean \"commune\""),
        (#""units": [{"id": "w1", "name": "W1"}],"#, #", "byKind": {"commune": {"staff": -1}}"#, "offices[desk].byKind.commune.staff", "≥ 0"),
    ])
    func reported(units: String, extra: String, path: String, message: String) {
        let issues = problems(units: units, officeExtra: extra)
        #expect(issues.contains { $0.path == path && $0.message.contains(message) }, "\(issues)")
    }

    @Test("a unit table (CSV) names units by their Vietnamese names, with or without diacritics, and sets staff and kinds")
    func unitTable() throws {
        let dir = NSTemporaryDirectory() + "motcua-units-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/calendars", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/calendars/vietnam.json"),
                                         toPath: dir + "/calendars/vietnam.json")
        let csv = "\u{FEFF}nameVi;kind;population;staff;justice.staff\nphuong 1;phường;40.000;4;\nXã Thạnh Lộc;xã;12.500;;2\n"
        FileManager.default.createFile(atPath: dir + "/units.csv", contents: Data(csv.utf8))
        let units = #""unitTable": "units.csv", "units": [{"id": "w1", "name": "Ward 1", "nameVi": "Phường 1", "population": 1}],"#
        let s = try scenario(units: units, directory: dir)
        let desk = s.offices[0], justice = s.offices[1]
        #expect(desk.instances.map(\.id) == ["w1", "xa-thanh-loc"])
        #expect(desk.instances.map(\.kind) == ["ward", "commune"])
        #expect(desk.instances.map(\.weight) == [40_000, 12_500])
        #expect(desk.instances.map { $0.staff ?? desk.staff } == [4, 2])
        #expect(justice.instances.map { $0.staff ?? justice.staff } == [1, 2])

        FileManager.default.createFile(atPath: dir + "/units.csv", contents: Data("name,kind,staff\nWard 9,district,x\n".utf8))
        do {
            _ = try scenario(units: units, directory: dir)
            Issue.record("a bad unit table was accepted")
        } catch {
            let messages = error.issues.map(\.message)
            #expect(messages.contains { $0.contains("units.csv, line 2, column kind") && $0.contains("kind of unit") })
            #expect(messages.contains { $0.contains("units.csv, line 2, column staff") && $0.contains("whole number") })
        }
    }

    @Test("Vietnamese names fold without diacritics, đ included, for matching and ids")
    func folding() {
        #expect(VietnameseText.folded("Phường Tân Chánh  Hiệp") == "phuong tan chanh hiep")
        #expect(VietnameseText.slug("Xã Đông Thạnh") == "xa-dong-thanh")
        #expect(VietnameseText.likeness("cap giay phep xay dung", "cap phep xay dung nha o") > 0.5)
    }
}
