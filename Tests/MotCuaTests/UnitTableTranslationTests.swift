import Foundation
import Testing
@testable import MotCua

/// The unit table's Vietnamese columns (issue 19): `sourceVi` and `notesVi` beside `source` and
/// `notes`, read like the other text columns and kept out of the scenario's fingerprint.
@Suite("Unit table: sourceVi and notesVi columns")
struct UnitTableTranslationTests {
    static let scenarioJSON = """
    {
      "name": "Unit table in two languages",
      "horizon": {"start": "2026-03-02", "days": 5},
      "calendar": {"mode": "working-days", "holidays": "calendars/vietnam.json"},
      "fields": [{"id": "civil-status", "name": "Civil status"}],
      "unitTable": "units.csv",
      "offices": [{"id": "desk", "kind": "desk", "level": "ward", "name": "Desk", "staff": 2, "instances": "units"}],
      "procedures": [{
        "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": 1000,
        "deadline": {"workingDays": 3},
        "intake": {"office": "desk", "service": {"type": "exponential", "mean": 10}}
      }]
    }
    """

    /// A folder named after the test holding the scenario, the holiday table and `csv` as units.csv.
    func folder(_ name: String, csv: String) throws -> String {
        let dir = NSTemporaryDirectory() + "motcua-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/calendars", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/calendars/vietnam.json"),
                                         toPath: dir + "/calendars/vietnam.json")
        FileManager.default.createFile(atPath: dir + "/units.json", contents: Data(Self.scenarioJSON.utf8))
        FileManager.default.createFile(atPath: dir + "/units.csv", contents: Data(csv.utf8))
        return dir
    }

    @Test("sourceVi and notesVi are read into the units, and translating them leaves the fingerprint unchanged")
    func columnsRead() throws {
        let english = "id,name,population,source,notes\nw1,Ward 1,1000,assumption: census,merged from Ward 2\n"
        let both = "id,name,population,source,sourceVi,notes,notesVi\n"
            + "w1,Ward 1,1000,assumption: census,giả định: điều tra dân số,merged from Ward 2,sáp nhập từ Phường 2\n"
        let dir = try folder("unit-table-vi-columns", csv: both)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let diagnostics = Diagnostics()
        let document = try JSONParser.parse(Array(Self.scenarioJSON.utf8))
        let rows = try #require(UnitTable.rows(path: dir + "/units.csv", reportAs: "units.csv", document: document,
                                               diagnostics: diagnostics, at: "unitTable"))
        #expect(diagnostics.isEmpty, "\(diagnostics.issues)")
        #expect(rows.first?["sourceVi"] == .string("giả định: điều tra dân số"))
        #expect(rows.first?["notesVi"] == .string("sáp nhập từ Phường 2"))

        let translated = try ScenarioLoader.load(path: dir + "/units.json")
        FileManager.default.createFile(atPath: dir + "/units.csv", contents: Data(english.utf8))
        let untranslated = try ScenarioLoader.load(path: dir + "/units.json")
        #expect(translated.fingerprint == untranslated.fingerprint)
        // notesVi is allowed on any object (here a procedure) and, like sourceVi, only translates.
        let withNotes = Self.scenarioJSON.replacingOccurrences(of: "\"yearlyVolume\": 1000,",
                                                               with: "\"yearlyVolume\": 1000, \"notesVi\": \"ghi chú\",")
        FileManager.default.createFile(atPath: dir + "/units.json", contents: Data(withNotes.utf8))
        #expect(try ScenarioLoader.load(path: dir + "/units.json").fingerprint == untranslated.fingerprint)
    }

    @Test("an unknown column next to the Vietnamese ones still exits 2, naming the file, the column and the closest name")
    func unknownColumn() throws {
        let csv = "id,name,population,sourceVi,notesVn\nw1,Ward 1,1000,giả định,ghi chú\n"
        let dir = try folder("unit-table-vi-unknown", csv: csv)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = try CommandLineTests().motcua(["validate", dir + "/units.json"])
        #expect(outcome.status == 2, "\(outcome.output)\(outcome.errors)")
        #expect(outcome.errors.contains("units.csv, column 5 \"notesVn\": unknown column"), "\(outcome.errors)")
        #expect(outcome.errors.contains("did you mean \"notesVi\"?"), "\(outcome.errors)")
    }

    /// The paths of the objects in `value` with a `source` and no `sourceVi`.
    func untranslated(_ value: JSONValue, at path: String = "$") -> [String] {
        switch value {
        case .object(let members):
            let own = members.contains { $0.key == "source" } && !members.contains { $0.key == "sourceVi" } ? [path] : []
            return own + members.flatMap { untranslated($0.value, at: "\(path).\($0.key)") }
        case .array(let elements):
            return elements.enumerated().flatMap { untranslated($0.element, at: "\(path)[\($0.offset)]") }
        default:
            return []
        }
    }

    @Test("the city scenarios give every source a Vietnamese version, and every row of the city's unit table both")
    func cityTranslated() throws {
        for file in ["scenarios/hcmc-2026.json", "scenarios/hcmc-two-level-2026.json", "scenarios/what-if/city/hcmc-2025-transition.json"] {
            let bytes = try #require(FileManager.default.contents(atPath: Repository.path(file)))
            let missing = untranslated(try JSONParser.parse(Array(bytes)))
            #expect(missing.isEmpty, "\(file): \(missing)")
        }
        let bytes = try #require(FileManager.default.contents(atPath: Repository.path("scenarios/hcmc-2026.json")))
        let diagnostics = Diagnostics()
        let rows = try #require(UnitTable.rows(path: Repository.path("scenarios/tables/hcmc-2026-units.csv"),
                                               reportAs: "hcmc-2026-units.csv", document: try JSONParser.parse(Array(bytes)),
                                               diagnostics: diagnostics, at: "unitTable"))
        #expect(diagnostics.isEmpty && rows.count == 168, "\(diagnostics.issues)")
        for row in rows {
            for key in ["sourceVi", "notesVi"] {
                guard case .string(let text)? = row[key], !text.isEmpty else { Issue.record("\(row["id"] ?? .null): no \(key)"); continue }
                #expect(!text.contains("assumption") && !text.contains("former "), "\(row["id"] ?? .null): \(key) has English: \(text)")
            }
        }
    }

    @Test("drivers --lang vi shows every source of the city scenario in Vietnamese")
    func cityDriverSources() throws {
        let city = try ScenarioDocument.load(path: Repository.path("scenarios/hcmc-2026.json"), overlays: [], settings: [])
        let inputs = DriverInputs.find(in: city.json, selection: .all)
        #expect(inputs.contains { $0.source != nil })
        for input in inputs where input.source != nil {
            #expect(input.sourceVi != nil, "\(input.id): \(input.source ?? "")")
            #expect(!DriversDocument.sourceLine(input, .vi).contains("assumption"), "\(input.id)")
        }
    }
    @Test("a what-if on one table unit (--set units.ID… or an overlay) keeps the table's order and changes only that unit")
    func whatIfKeepsTableOrder() throws {
        let csv = "id,name,population\nw1,Ward 1,1000\nw2,Ward 2,2000\nw3,Ward 3,3000\n"
        let dir = try folder("unit-table-what-if-order", csv: csv)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func desks(_ scenario: Scenario) -> [String] {
            scenario.offices.first { $0.id == "desk" }?.instances.map { "\($0.id):\($0.staff ?? -1)" } ?? []
        }
        let base = try ScenarioLoader.load(path: dir + "/units.json")
        let set = try ScenarioLoader.load(path: dir + "/units.json", overlays: [], settings: [("units.w2.offices.desk.staff", "5")])
        FileManager.default.createFile(atPath: dir + "/w2.json", contents: Data(#"{"units": [{"id": "w2", "offices": {"desk": {"staff": 5}}}]}"#.utf8))
        let overlaid = try ScenarioLoader.load(path: dir + "/units.json", overlays: [dir + "/w2.json"], settings: [])
        #expect(desks(base).map { $0.split(separator: ":")[0] } == ["w1", "w2", "w3"])
        #expect(desks(set) == [desks(base)[0], "w2:5", desks(base)[2]])
        #expect(desks(overlaid) == desks(set))
    }
}
