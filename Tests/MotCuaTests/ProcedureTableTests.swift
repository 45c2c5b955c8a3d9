import Foundation
import Testing
@testable import MotCua

@Suite("Procedure catalogues and loads from a spreadsheet (CSV)")
struct ProcedureTableTests {
    /// Writes `csv` next to a copy of the minimal scenario that names it, and loads the scenario.
    func load(_ csv: String) throws(ScenarioError) -> Scenario {
        let dir = NSTemporaryDirectory() + "motcua-table-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/table.csv", contents: Data(csv.utf8))
        let json = minimalScenario.replacingOccurrences(of: #""name": "Minimal","#, with: #""name": "Minimal", "procedureTable": "table.csv","#)
        return try ScenarioLoader.decode(Array(json.utf8), file: "t.json", directory: dir)
    }

    @Test("a row updates volumes, shares (also as percentages) and the deadline of its procedure")
    func updates() throws {
        let s = try load("id,yearlyVolume,online,deadlineWorkingDays\nbirth,\"12,500\",35%,5\n")
        #expect(s.procedures[0].yearlyVolume == 12_500)
        #expect(s.procedures[0].onlineShare == 0.35)
        #expect(s.procedures[0].deadlineWorkingDays == 5)
        #expect(s.procedures[0].steps.count == 1, "the route from the JSON is kept")
    }

    @Test("a semicolon file with decimal commas and Vietnamese names, as exported by a Vietnamese-locale spreadsheet")
    func vietnameseLocale() throws {
        let csv = "\u{FEFF}id;nameVi;yearlyVolume;refusal\nbirth;Đăng ký khai sinh;1.250,5;0,5%\n"
        let s = try load(csv)
        #expect(s.procedures[0].nameVi == "Đăng ký khai sinh")
        #expect(s.procedures[0].yearlyVolume == 1250.5)
        #expect(abs(s.procedures[0].refusalShare - 0.005) < 1e-12)
    }

    @Test("a new id adds a procedure with an intake desk and a route")
    func newProcedure() throws {
        let csv = """
            id,name,field,yearlyVolume,deadlineWorkingDays,intakeOffice,intakeMinutes,steps
            death,Death registration,civil-status,800,3,desk,8,justice:15
            """
        let s = try load(csv)
        let death = try #require(s.procedures.first { $0.id == "death" })
        #expect(death.intake.office == "desk" && death.steps.map(\.office) == ["justice"])
        #expect(abs((death.intake.service?.mean ?? 0) - 8) < 1e-9)
    }

    @Test("errors name the file, the row and the column")
    func errors() {
        func issues(_ csv: String) -> [String] {
            do { _ = try load(csv); return [] } catch { return error.issues.map(\.message) }
        }
        #expect(issues("id,yearlyVolum\nbirth,5\n").contains { $0.contains("table.csv, column 2") && $0.contains("did you mean \"yearlyVolume\"") })
        #expect(issues("id,yearlyVolume\nbirth,lots\n").contains { $0.contains("table.csv, row 2, column yearlyVolume") })
        #expect(issues("name\nBirth\n").contains { $0.contains("no column id") })
        #expect(issues("id,steps\nbirth,justice-15\n").contains { $0.contains("row 2, column steps") })
        // A value the scenario check refuses is still reported against the procedure.
        #expect(issues("id,yearlyVolume\nbirth,-3\n").contains { $0.contains("≥ 0") })
        // The same procedure twice: the last row used to win silently.
        #expect(issues("id,yearlyVolume\nbirth,400000\nbirth,5\n").contains { $0.contains("table.csv, row 3: procedure birth already given in row 2") })
    }
}
