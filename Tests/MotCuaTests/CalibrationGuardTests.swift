import Foundation
import Testing
@testable import MotCua

/// Calibrate never writes a scenario that does not validate, does not let two mistyped years
/// stretch the period, and says when the records cover too short or too long a period
/// (issue 15, case 16).
@Suite("Calibration guards")
struct CalibrationGuardTests {
    static let base = Repository.path("scenarios/go-vap-2024.json")

    static func calibrate(_ csv: String, name: String = #function) throws -> Calibration {
        let dir = NSTemporaryDirectory() + "motcua-calibration-guards-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = "\(dir)/\(name.filter(\.isLetter)).csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return try Calibration(records: try RecordsFile(path: path), file: "records.csv", basePath: base, outPath: "\(dir)/out.json")
    }

    /// `count` certify-copy rows, the i-th received at `date(i)` (dd/MM/yyyy).
    static func records(_ count: Int, date: (Int) -> String) -> String {
        "code,procedure,received,status\n" + (0..<count).map { "C\($0),certify-copy,\(date($0)) 09:00,on time" }.joined(separator: "\n")
    }

    @Test("two rows dated 1800 and 2200 among 1,000 are reported and skipped; the period stays the records' own")
    func outlyingYears() throws {
        let csv = CalibrationGuardTests.records(1000) { i in
            i == 100 ? "01/01/1800" : i == 200 ? "01/01/2200" : String(format: "%02d/03/2024", 1 + i % 28)
        }
        let calibration = try CalibrationGuardTests.calibrate(csv)
        #expect(calibration.periodDays == 28)
        #expect(calibration.rowsUsed == 998)
        #expect(calibration.problems.contains { $0.hasPrefix("row 102:") && $0.contains("1800") && $0.contains("far outside") })
        #expect(calibration.problems.contains { $0.hasPrefix("row 202:") && $0.contains("2200") })
        #expect(calibration.fits.first { $0.procedure == "certify-copy" }.map { $0.yearlyVolume > 10_000 } == true)
        #expect(calibration.warnings.isEmpty)
    }

    @Test("two mistyped years among fifty rows cannot widen the bulk (the fuzz harness hung on year 99999)")
    func outlyingYearsAmongFewRows() throws {
        let csv = CalibrationGuardTests.records(50) { i in
            i == 3 ? "02/01/99999" : i == 4 ? "02/01/0024" : String(format: "%02d/03/2024", 1 + i % 28)
        }
        let calibration = try CalibrationGuardTests.calibrate(csv)
        #expect(calibration.periodDays == 28 && calibration.rowsUsed == 48)
        #expect(calibration.problems.filter { $0.contains("far outside") }.count == 2)
    }

    @Test("three days of records, or three years, are fitted with a warning")
    func periodWarnings() throws {
        let short = try CalibrationGuardTests.calibrate(CalibrationGuardTests.records(300) { String(format: "%02d/03/2024", 4 + $0 % 3) })
        #expect(short.periodDays == 3)
        #expect(short.warnings.contains { $0.contains("only 3 days") })
        let long = try CalibrationGuardTests.calibrate(CalibrationGuardTests.records(360) { i in
            String(format: "%02d/%02d/%d", 1 + i % 28, 1 + (i / 3) % 12, 2021 + i % 3)
        })
        #expect(long.periodDays > 731)
        #expect(long.warnings.contains { $0.contains("over two years") })
    }

    @Test("a fitted document that would not validate is refused with the loader's reason")
    func refusesInvalidDocument() throws {
        var document = try ScenarioLoader.parseDocument(CalibrationGuardTests.base)
        try Calibration.checkValid(document, outPath: CalibrationGuardTests.base)
        // (A volume of 0 is valid since it only warns; a negative one is not.)
        document = try document.setting("procedures.certify-copy.yearlyVolume", to: .number(-1))
        #expect {
            try Calibration.checkValid(document, outPath: CalibrationGuardTests.base)
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.issues.contains { $0.path.contains("yearlyVolume") && $0.message.contains("not be valid") }
        }
    }
}
