import Foundation
import Testing
@testable import MotCua

/// Text tables whose headers must not run together (review 3 #12), and calibrate's report in
/// Vietnamese (`calibrate --lang vi`).
@Suite("Text headers apart; calibrate in Vietnamese")
struct ReportLanguageLayoutTests {
    /// The cells of a header line: the texts between runs of two or more spaces.
    static func cells(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("the time table's and the procedure table's headers keep two spaces between columns, English and Vietnamese")
    func headersApart() async throws {
        let summary = try await ProcedureSectionTests.summary()   // Gò Vấp, 20 days
        for language in Language.allCases {
            let b = language.breakdownWords
            let table = BreakdownReport.text(summary, language: language)
            let parts = BreakdownReport.shownParts(summary.breakdownFields)
            let width = Swift.max(12, (parts.flatMap { b.parts[$0.rawValue].split(separator: " ").map(\.count) }.max() ?? 0) + 2)
            let names = parts.map { Format.wrap(b.parts[$0.rawValue], width - 2) }
            let lines = names.map(\.count).max() ?? 0
            // Each header line, read by two-space gaps, gives back each part's piece of that line.
            for line in 0..<lines {
                let expected = names.compactMap { name -> String? in
                    let index = line - (lines - name.count)
                    return index >= 0 ? name[index] : nil
                } + (line == lines - 1 ? [b.dossiers, b.total] : [])
                let got = Self.cells(table[1 + line])
                #expect(got.sorted() == expected.sorted(), "\(language) line \(line): \(table[1 + line])")
            }
            let procedures = ProcedureReport.text(summary, language: language)
            let p = language.procedureWords, w = language.words
            #expect(Self.cells(procedures[1]) == [p.procedure, w.received, p.finished, p.late, p.overdue, w.onTimeRate], "\(procedures[1])")
        }
    }

    @Test("calibrate --lang vi: the report's words and numbers in Vietnamese, English unchanged")
    func calibrateInVietnamese() throws {
        let records = try RecordsFile(path: Repository.path("scenarios/samples/go-vap-synthetic-records.csv"))
        let dir = NSTemporaryDirectory() + "motcua-calibrate-vi-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let calibration = try Calibration(records: records, file: "records.csv", basePath: Repository.path("scenarios/go-vap-2024.json"),
                                          outPath: dir + "/out.json")
        let en = CalibrationReport.fitted(calibration, file: "r.csv", rowsRead: records.rowsRead, language: .en)
        let vi = CalibrationReport.fitted(calibration, file: "r.csv", rowsRead: records.rowsRead, language: .vi)
        #expect(en[0].hasPrefix("r.csv: 59,914 rows read"))
        #expect(vi[0].hasPrefix("r.csv: đọc 59.914 dòng"))
        // Every warning has its Vietnamese; the column headers (apart) and the shares in Vietnamese.
        #expect(calibration.warningsVi.count == calibration.warnings.count)
        let header = try #require(vi.first { $0.contains("thủ tục") && $0.contains("bản ghi") })
        #expect(Self.cells(header).prefix(8) == ["thủ tục", "bản ghi", "mỗi năm", "trực tuyến", "bưu chính", "từ chối", "rút hồ sơ", "bổ sung"])
        #expect(vi.contains { $0.contains("4,9%") })
        for english in ["rows read", "warning:", "procedure", "per year", "too few results"] {
            #expect(!vi.joined(separator: "\n").contains(english), "\(english)")
        }
        let land = CalibrationCheck(field: "land", name: "Land", nameVi: "Đất đai", observed: 0.9109, simulated: Estimate([0.97, 0.975, 0.98]))
        let check = CalibrationReport.check(calibration, checks: [land], replications: 3, out: "out.json", language: .vi).joined(separator: "\n")
        #expect(check.contains("KIỂM TRA NGƯỢC: tỷ lệ đúng hạn theo lĩnh vực trong 40 ngày của dữ liệu từ 01/01/2024"))
        #expect(check.contains("KHÔNG KHỚP Đất đai: quan sát 91,09%"))
        #expect(check.contains("Kịch bản đã hiệu chỉnh không tái hiện"))
        let checkEn = CalibrationReport.check(calibration, checks: [land], replications: 3, out: "out.json", language: .en).joined(separator: "\n")
        #expect(checkEn.contains("MISFIT Land: observed 91.09%"))
    }
}
