import Foundation
import Testing
@testable import MotCua

@Suite("A table row with more or fewer fields than its header is refused")
struct TableRowWidthTests {
    /// The problems of loading the minimal scenario with `csv` as its procedure table.
    func problems(_ csv: String, test: String) -> [String] {
        let dir = NSTemporaryDirectory() + "motcua-table-width-\(test)-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/table.csv", contents: Data(csv.utf8))
        let json = minimalScenario.replacingOccurrences(of: #""name": "Minimal","#, with: #""name": "Minimal", "procedureTable": "table.csv","#)
        do {
            _ = try ScenarioLoader.decode(Array(json.utf8), file: "t.json", directory: dir)
            return []
        } catch {
            return error.issues.map(\.message)
        }
    }

    @Test("an unquoted decimal comma makes a row one field too long: refused, with the hint")
    func decimalComma() {
        let found = problems("id,name,yearlyVolume,online\nbirth,X,400000,0,085\n", test: "comma")
        #expect(found.contains { $0.hasPrefix("table.csv row 2: 5 fields, the header has 4; a decimal comma") }, "\(found)")
    }

    @Test("a short row is refused; trailing empty fields and blank rows are not")
    func shortRow() {
        let found = problems("id,name,yearlyVolume\nbirth,X\n", test: "short")
        #expect(found.contains { $0.hasPrefix("table.csv row 2: 2 fields, the header has 3") }, "\(found)")
        #expect(problems("id,name,yearlyVolume\nbirth,X,400,,\n\n", test: "trailing").isEmpty)
    }

    @Test("validate exits 2 naming the file and the row")
    func validateExits2() throws {
        let dir = NSTemporaryDirectory() + "motcua-table-width-cli-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id,name,yearlyVolume,online\ncertify-copy,X,400000,0,085\n".write(toFile: "\(dir)/extra.csv", atomically: true, encoding: .utf8)
        try "{\"procedureTable\": \"\(dir)/extra.csv\"}".write(toFile: "\(dir)/ov.json", atomically: true, encoding: .utf8)
        let outcome = try CommandLineTests().motcua(["validate", "scenarios/go-vap-2024.json", "--overlay", "\(dir)/ov.json"])
        #expect(outcome.status == 2)
        #expect((outcome.output + outcome.errors).contains("row 2: 5 fields, the header has 4"), "\(outcome.output)\(outcome.errors)")
    }
}
