import Foundation
import Testing
@testable import MotCua

@Suite("Records named by national procedure code or name, tied to the scenario with --map")
struct ProcedureMapTests {
    let base = Repository.path("scenarios/go-vap-2024.json")

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "motcua-map-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// An export as a one-stop system writes it: national codes and names, no scenario ids.
    /// (The codes are placeholders of the right form for the test, not real procedures' codes.)
    let export = """
        Mã hồ sơ,Mã thủ tục,Tên thủ tục,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái
        A1,9.000001,Đăng ký biến động quyền sử dụng đất,Trực tuyến,02/01/2024 08:00,12/01/2024 17:00,10/01/2024 09:00,Đúng hạn
        A2,9.000001,Đăng ký biến động quyền sử dụng đất,Trực tiếp,02/01/2024 09:00,12/01/2024 17:00,,Đang giải quyết
        A3,,Cap giay phep xay dung nha o rieng le,Trực tiếp,03/01/2024 09:00,20/01/2024 17:00,,Đang giải quyết
        A4,9.000002,Đăng ký thành lập hộ kinh doanh,Trực tiếp,04/01/2024 09:00,09/01/2024 17:00,08/01/2024 10:00,Đúng hạn
        A5,9.000002,Đăng ký thành lập hộ kinh doanh,Trực tiếp,05/01/2024 09:00,10/01/2024 17:00,09/01/2024 10:00,Đúng hạn
        """

    @Test("a records file with national codes calibrates through a map; a name matches without diacritics")
    func mapped() throws {
        let dir = try folder()
        try export.write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        try "code,name,procedure\n9.000001,,land-change\n9.000002,,business-household\n"
            .write(toFile: "\(dir)/map.csv", atomically: true, encoding: .utf8)
        let records = try RecordsFile(path: "\(dir)/r.csv")
        let calibration = try Calibration(records: records, file: "r.csv", basePath: base, outPath: "\(dir)/o.json",
                                          map: "\(dir)/map.csv")
        #expect(calibration.unmapped.isEmpty, "\(calibration.unmapped.map(\.label))")
        #expect(calibration.fits.first { $0.procedure == "land-change" }?.records == 2)
        #expect(calibration.fits.first { $0.procedure == "business-household" }?.records == 2)
        #expect(calibration.fits.first { $0.procedure == "construction-permit" }?.records == 1,
                "the scenario's own name, typed without diacritics, needs no map")
    }

    @Test("procedures nothing maps are listed with their row counts and the scenario's procedures of like name")
    func unmapped() throws {
        let dir = try folder()
        try export.write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        let records = try RecordsFile(path: "\(dir)/r.csv")
        let calibration = try Calibration(records: records, file: "r.csv", basePath: base, outPath: "\(dir)/o.json")
        let land = try #require(calibration.unmapped.first { $0.label.hasPrefix("9.000001") })
        #expect(land.rows == [2, 3])
        #expect(land.suggestions.first?.id == "land-change")
        let business = try #require(calibration.unmapped.first { $0.label.hasPrefix("9.000002") })
        #expect(business.suggestions.first?.id == "business-household")
        #expect(calibration.unmapped.first?.rows.count == 2)
    }

    @Test("a bad map file: the file, the line and what was expected", arguments: [
        ("code,name,procedure\n9.000001,,no-such-id\n", "line 2", "not in the base scenario"),
        ("code,name,procedure\n1-001612,,land-change\n", "line 2", "national procedure code such as 1.001612"),
        ("code,name,procedure\n,,land-change\n", "line 2", "no code and no name"),
        ("code,what,procedure\n", "line 1", "column 2 \"what\": unknown"),
        ("code,name\n9.000001,x\n", "line 1", "expected the columns procedure"),
        ("code,name,procedure\n9.000001,,land-change\n9.000001,,business-household\n", "line 3", "already mapped"),
    ])
    func badMap(map: String, line: String, expected: String) throws {
        let dir = try folder()
        try export.write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        try map.write(toFile: "\(dir)/map.csv", atomically: true, encoding: .utf8)
        let records = try RecordsFile(path: "\(dir)/r.csv")
        do {
            _ = try Calibration(records: records, file: "r.csv", basePath: base, outPath: "\(dir)/o.json", map: "\(dir)/map.csv")
            Issue.record("the map was accepted")
        } catch {
            #expect(error.file == "\(dir)/map.csv")
            #expect(error.issues.contains { $0.path == line && $0.message.contains(expected) }, "\(error.issues)")
        }
    }

    @Test("calibrate --map with a bad map exits with status 2 naming the file and the line")
    func commandLine() throws {
        let dir = try folder()
        try export.write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        try "code,name,procedure\n9.000001,,landchange\n".write(toFile: "\(dir)/map.csv", atomically: true, encoding: .utf8)
        let outcome = try CommandLineTests().motcua(["calibrate", "\(dir)/r.csv", "--base", base, "--map", "\(dir)/map.csv",
                                                     "--out", "\(dir)/o.json"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("\(dir)/map.csv") && outcome.errors.contains("line 2")
                && outcome.errors.contains("did you mean \"land-change\""), "\(outcome.errors)")
    }
}
