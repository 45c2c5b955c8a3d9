import Foundation
import Testing
@testable import MotCua

/// `--xlsx FILE` (issue #18): the CSV report's tables as one workbook, read back by Python's
/// zipfile and ElementTree (``WorkbookTests/inspect(_:)``).
@Suite("The --xlsx workbook")
struct XlsxReportTests {
    @Test("run --xlsx: every CSV table is a sheet with its header and rows; shares are numbers with a % format",
          .enabled(if: WorkbookTests.python != nil && CommandLineTests.executable != nil, "python3 or the motcua build is missing"))
    func runWritesWorkbook() throws {
        // Its own folder: WorkbookTests writes into motcua-xlsx-PID at the same time, and this test empties its folder first.
        let dir = NSTemporaryDirectory() + "motcua-xlsx-report-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
// English: its sheets are the CSV tables as they are; the Vietnamese workbook names them in
        // Vietnamese (VietnamesePlannerOutputTests).
        let (output, status) = try runProgram(try #require(CommandLineTests.executable),
                                              ["run", Repository.path("scenarios/go-vap-2024.json"), "--set", "horizon.days=10", "--lang", "en",
                                               "--csv", dir + "/csv", "--xlsx", dir + "/report.xlsx"])
        #expect(status == 0, "\(output)")
        let inspection = try WorkbookTests.inspect(dir + "/report.xlsx")
        #expect(inspection.bad == nil)
        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: dir + "/csv").filter { $0.hasSuffix(".csv") }
        #expect(!csvFiles.isEmpty)
        #expect(Set(inspection.sheets.map(\.name)) == Set(csvFiles.map { String($0.dropLast(4)) }))
        for sheet in inspection.sheets {
            // The file starts with the byte-order mark for Excel; the table follows it.
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(dir)/csv/\(sheet.name).csv")))
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF], "\(sheet.name).csv has no byte-order mark")
            let csv = String(decoding: bytes.dropFirst(bytes.prefix(3) == [0xEF, 0xBB, 0xBF] ? 3 : 0), as: UTF8.self)
            let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
            // The header row, column by column (headers hold no comma).
            for (i, name) in header.enumerated() where i < 26 {
                let column = String(UnicodeScalar(UInt8(65 + i)))
                #expect(sheet.cells[column + "1"]?.value == name, "\(sheet.name) \(column)1")
            }
            let rows = Set(sheet.cells.keys.map { Int($0.drop { $0.isLetter }) ?? 0 })
            #expect(rows.max() == lines.count, "\(sheet.name): \(lines.count) CSV lines")
        }
        let targets = try #require(inspection.sheets.first { $0.name == "targets" })
        #expect(targets.cells["H1"]?.value == "mean")
        let mean = try #require(targets.cells["H2"])
        #expect(mean.type == "n" && mean.format.hasSuffix("%"), "\(mean)")
        #expect(Double(mean.value ?? "").map { (0...1).contains($0) } == true)
        let fields = try #require(inspection.sheets.first { $0.name == "fields" })
        #expect(fields.cells["D2"]?.type == "n", "counts are numbers")
    }
}
