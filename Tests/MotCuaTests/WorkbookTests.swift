import Foundation
import Testing
@testable import MotCua

/// The ZIP container and the XLSX workbook, read back by readers that share no code with the
/// writer: Python's `zipfile` and `xml.etree`, and LibreOffice when installed (`.ci/run`
/// installs it like the browser).
@Suite("Workbook (XLSX) and its ZIP container")
struct WorkbookTests {
    // MARK: Fixture

    static let reportDate = CivilDate(year: 2024, month: 12, day: 31)!

    /// Three tables covering every cell kind, hostile text and awkward sheet titles.
    static let workbook = Workbook(tables: [
        Table(title: "Chỉ tiêu", headers: ["mã", "chỉ tiêu", "tỷ lệ", "số hồ sơ", "ngày", "giá trị", "ghi chú"], rows: [
            [.text("dung-han"), .text("Tỷ lệ giải quyết hồ sơ đúng hạn"), .percent(0.9982), .count(5_418_279), .date(reportDate),
             .number(1.5), .text("=SUM(A1:A2)")],
            [.text("tre-han"), .text("Hồ sơ trễ hạn & <quá hạn> \"x\""), .percent(.nan), .count(-42), .date(CivilDate(year: 2024, month: 1, day: 1)!),
             .number(.infinity), .text("+84 28 3829 1234")],
            [.text("@risk"), .text("chuông\u{07}\u{1B}[0m _x0041_ end "), .percent(0), .count(0), .empty, .number(-0.25), .text("-5")],
        ]),
        Table(title: "offices/desks: [a]*? with a very long title indeed", headers: ["office", "staff"],
              rows: [[.text("Văn phòng Đăng ký đất đai"), .count(12)], [.text("UBND phường 1"), .number(3)]]),
        Table(title: "chỉ TIÊU", headers: ["x", "minutes"], rows: [[.number(1e-7), .decimal(1.764435, places: 1)],
                                                                    [.number(123_456_789.125), .decimal(-12_345.6789, places: 2)],
                                                                    [.empty, .decimal(.nan, places: 9)]]),
    ])

    static let directory: String = {
        let path = NSTemporaryDirectory() + "motcua-xlsx-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes the fixture workbook and returns its path; tests run in parallel, so each
    /// names its own file.
    static func writtenWorkbook(_ name: String = "fixture.xlsx") throws -> String {
        let path = directory + "/" + name
        try workbook.xlsxData().write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: Independent readers

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    } ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" }.first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let soffice: String? = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/soffice" }.first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs `executable` with `arguments`; its standard output, and its exit status.
    static func run(_ executable: String, _ arguments: [String]) throws -> (output: String, status: Int32) {
        try runProgram(executable, arguments)
    }

    /// Python's reading of an `.xlsx`: `zipfile.testzip()` (every CRC), the entries, and each
    /// sheet's cells resolved through the shared strings and styles — every part parsed by
    /// `xml.etree`.
    static let inspector = #"""
    import sys, json, zipfile, xml.etree.ElementTree as ET
    M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
    RID = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
    z = zipfile.ZipFile(sys.argv[1])
    infos = z.infolist()
    out = {'bad': z.testzip(), 'names': z.namelist(), 'flags': [i.flag_bits for i in infos],
           'methods': [i.compress_type for i in infos], 'dates': [list(i.date_time) for i in infos]}
    parts = {n: ET.fromstring(z.read(n)) for n in z.namelist()}
    sst = [''.join(t.text or '' for t in si.iter(M + 't')) for si in parts['xl/sharedStrings.xml'].findall(M + 'si')]
    styles = parts['xl/styles.xml']
    codes = {'0': 'General', '3': '#,##0', '4': '#,##0.00', '10': '0.00%'}
    codes.update({f.get('numFmtId'): f.get('formatCode') for f in styles.iter(M + 'numFmt')})
    bold = [f.find(M + 'b') is not None for f in styles.find(M + 'fonts')]
    xfs = [(codes[x.get('numFmtId')], bold[int(x.get('fontId'))]) for x in styles.find(M + 'cellXfs')]
    rels = {r.get('Id'): r.get('Target') for r in parts['xl/_rels/workbook.xml.rels']}
    sheets = []
    for s in parts['xl/workbook.xml'].find(M + 'sheets'):
        x = parts['xl/' + rels[s.get(RID)]]
        cells = {}
        for c in x.iter(M + 'c'):
            t = c.get('t', 'n'); v = c.find(M + 'v')
            value = v.text if v is not None else None
            if t == 's': value = sst[int(value)]
            fmt, b = xfs[int(c.get('s', '0'))]
            cells[c.get('r')] = {'type': t, 'value': value, 'format': fmt, 'bold': b, 'formula': c.find(M + 'f') is not None}
        pane = x.find('.//' + M + 'pane')
        sheets.append({'name': s.get('name'), 'cells': cells, 'frozen': pane is not None and pane.get('state') == 'frozen',
                       'widths': [float(c.get('width')) for c in x.iter(M + 'col')]})
    out['sheets'] = sheets
    print(json.dumps(out))
    """#

    struct Inspection: Decodable {
        struct Sheet: Decodable {
            let name: String
            let cells: [String: Cell]
            let frozen: Bool
            let widths: [Double]
        }

        struct Cell: Decodable, Equatable {
            let type: String
            let value: String?
            let format: String
            let bold: Bool
            let formula: Bool
        }

        let bad: String?
        let names: [String]
        let flags: [Int]
        let methods: [Int]
        let dates: [[Int]]
        let sheets: [Sheet]
    }

    static func inspect(_ path: String) throws -> Inspection {
        let (output, status) = try run(try #require(python), ["-c", inspector, path])
        #expect(status == 0, "python could not read \(path)")
        return try JSONDecoder().decode(Inspection.self, from: Data(output.utf8))
    }

    // MARK: ZIP

    @Test("CRC-32 matches the standard check values")
    func crc() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Data()) == 0)
        #expect(CRC32.checksum(Data("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test("a ZIP archive reads back in Python with its CRCs, UTF-8 names and contents", .enabled(if: python != nil, "python3 is not installed"))
    func zipReadsBack() throws {
        var zip = ZipArchive()
        zip.add("a.txt", Data("xin chào".utf8))
        zip.add("thư mục/tệp rỗng.txt", Data())
        zip.add("big.bin", Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        let path = WorkbookTests.directory + "/archive.zip"
        try zip.data().write(to: URL(fileURLWithPath: path))
        let script = """
        import sys, zipfile, json, zlib
        z = zipfile.ZipFile(sys.argv[1])
        print(json.dumps([z.testzip(), z.namelist(), z.read('a.txt').decode(), len(z.read('big.bin')),
                          zlib.crc32(z.read('big.bin'))]))
        """
        let (output, status) = try WorkbookTests.run(try #require(WorkbookTests.python), ["-c", script, path])
        #expect(status == 0)
        let expected = "[null, [\"a.txt\", \"th\\u01b0 m\\u1ee5c/t\\u1ec7p r\\u1ed7ng.txt\", \"big.bin\"], \"xin ch\\u00e0o\", 100000, "
            + "\(CRC32.checksum(Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))) ]"
        #expect(output.replacingOccurrences(of: " ]", with: "]").trimmingCharacters(in: .whitespacesAndNewlines)
                == expected.replacingOccurrences(of: " ]", with: "]"))
    }

    @Test("the same workbook gives the same bytes every time")
    func deterministic() throws {
        let first = try WorkbookTests.workbook.xlsxData()
        let second = try WorkbookTests.workbook.xlsxData()
        #expect(first == second)
        #expect(first.count > 2000)
    }

    // MARK: Workbook structure

    @Test("the archive holds the SpreadsheetML parts, stored, UTF-8 flagged, dated 1980-01-01", .enabled(if: python != nil, "python3 is not installed"))
    func parts() throws {
        let inspection = try WorkbookTests.inspect(try WorkbookTests.writtenWorkbook("parts.xlsx"))
        #expect(inspection.bad == nil, "zipfile.testzip found a bad CRC in \(inspection.bad ?? "")")
        #expect(inspection.names == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                     "xl/styles.xml", "xl/sharedStrings.xml",
                                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"])
        #expect(inspection.methods.allSatisfy { $0 == 0 })
        #expect(inspection.flags.allSatisfy { $0 & 0x800 != 0 })
        #expect(inspection.dates.allSatisfy { $0 == [1980, 1, 1, 0, 0, 0] })
    }

    @Test("a workbook without tables still holds one readable sheet", .enabled(if: python != nil, "python3 is not installed"))
    func emptyWorkbook() throws {
        let path = WorkbookTests.directory + "/empty.xlsx"
        try Workbook(tables: []).xlsxData().write(to: URL(fileURLWithPath: path))
        let inspection = try WorkbookTests.inspect(path)
        #expect(inspection.bad == nil)
        #expect(inspection.sheets.map(\.name) == ["Sheet1"])
        #expect(inspection.sheets.first?.cells.isEmpty == true)
    }

    @Test("sheet names follow Excel's rules and stay unique", .enabled(if: python != nil, "python3 is not installed"))
    func sheetNames() throws {
        let inspection = try WorkbookTests.inspect(try WorkbookTests.writtenWorkbook("names.xlsx"))
        #expect(inspection.sheets.map(\.name) == ["Chỉ tiêu", "offices_desks_ _a___ with a ver", "chỉ TIÊU (2)"])
        #expect(Workbook.sheetNames(for: ["", "'quoted'", "History", "a\u{0}b", String(repeating: "đ", count: 40), String(repeating: "đ", count: 40)])
                == ["Sheet", "quoted", "History (2)", "ab", String(repeating: "đ", count: 31), String(repeating: "đ", count: 27) + " (2)"])
        #expect(Workbook(tables: []).sheetNames == ["Sheet1"])
    }

    @Test("cells keep their types, values and formats; headers bold and frozen", .enabled(if: python != nil, "python3 is not installed"))
    func cells() throws {
        let inspection = try WorkbookTests.inspect(try WorkbookTests.writtenWorkbook("cells.xlsx"))
        typealias Cell = Inspection.Cell
        let sheet = try #require(inspection.sheets.first)
        #expect(sheet.frozen)
        #expect(sheet.cells["A1"] == Cell(type: "s", value: "mã", format: "General", bold: true, formula: false))
        #expect(sheet.cells["C1"]?.value == "tỷ lệ")
        #expect(sheet.cells["B2"] == Cell(type: "s", value: "Tỷ lệ giải quyết hồ sơ đúng hạn", format: "General", bold: false, formula: false))
        #expect(sheet.cells["C2"] == Cell(type: "n", value: "0.9982", format: "0.00%", bold: false, formula: false))
        #expect(sheet.cells["D2"] == Cell(type: "n", value: "5418279", format: "#,##0", bold: false, formula: false))
        #expect(sheet.cells["E2"] == Cell(type: "n", value: "45657", format: "dd/mm/yyyy", bold: false, formula: false))
        #expect(sheet.cells["E3"]?.value == "45292")
        #expect(sheet.cells["F2"] == Cell(type: "n", value: "1.5", format: "General", bold: false, formula: false))
        #expect(sheet.cells["D3"]?.value == "-42")
        #expect(sheet.cells["F4"]?.value == "-0.25")
        // Formula-like text stays text.
        #expect(sheet.cells["G2"] == Cell(type: "s", value: "=SUM(A1:A2)", format: "General", bold: false, formula: false))
        #expect(sheet.cells["G3"]?.value == "+84 28 3829 1234")
        #expect(sheet.cells["A4"]?.value == "@risk")
        #expect(sheet.cells["G4"] == Cell(type: "s", value: "-5", format: "General", bold: false, formula: false))
        #expect(sheet.cells.values.allSatisfy { !$0.formula })
        // Escaped markup, control characters gone, spaces kept; `_x0041_` written with its
        // underscore escaped, so Excel and LibreOffice (which decode `_xHHHH_`; XML does not)
        // show it as typed — the LibreOffice test reads it back.
        #expect(sheet.cells["B3"]?.value == "Hồ sơ trễ hạn & <quá hạn> \"x\"")
        #expect(sheet.cells["B4"]?.value == "chuông[0m _x005F_x0041_ end ")
        // Not-a-number, infinity and empty: no cell at all.
        #expect(sheet.cells["C3"] == nil && sheet.cells["F3"] == nil && sheet.cells["E4"] == nil)
        #expect(sheet.cells.count == 7 + 7 + 5 + 6)
        #expect(sheet.widths.count == 7 && sheet.widths.allSatisfy { (8...60).contains($0) })
        #expect(sheet.widths[1] > sheet.widths[0])
        let numbers = try #require(inspection.sheets.last)
        #expect(numbers.cells["A2"]?.value == "1E-07")
        #expect(numbers.cells["A3"]?.value == "123456789.125")
        #expect(numbers.cells["B2"] == Cell(type: "n", value: "1.764435", format: "#,##0.0", bold: false, formula: false))
        #expect(numbers.cells["B3"] == Cell(type: "n", value: "-12345.6789", format: "#,##0.00", bold: false, formula: false))
        #expect(numbers.cells.count == 2 + 2 + 2)  // the last row: empty and not-a-number
    }

    @Test("a table beyond Excel's grid is refused with its name and size")
    func tooLarge() {
        let wide = Workbook(tables: [Table(title: "wide", headers: Array(repeating: "h", count: 16_385), rows: [])])
        #expect(throws: WorkbookError.self) { try wide.xlsxData() }
        do {
            _ = try wide.xlsxData()
        } catch {
            #expect(error.description.contains("'wide'") && error.description.contains("16385 columns"))
        }
    }

    // MARK: Tables as CSV

    @Test("a Table renders the CSV report's own format, so CSVReport can be built on it")
    func tableAsCSV() async throws {
        let (model, results) = try await simulate("scenarios/validation/mmc.json", replications: 2)
        let summary = ExperimentSummary(model: model, seed: 1, results: results)
        let offices = Table(title: "offices",
                            headers: ["office", "name", "name_vi", "kind", "level", "staff", "served_mean", "mean_wait_minutes", "p90_wait_minutes",
                                      "max_wait_minutes", "utilization", "queue_at_end", "abandoned_mean"]
                                + CSVReport.waitHeader("line") + CSVReport.waitHeader("tray") + ["unstable"],
                            rows: summary.offices.map { o in
                                [.text(o.office.id), .text(o.office.name), .text(o.office.nameVi ?? ""), .text(o.office.kind.rawValue),
                                 .text(o.office.level.rawValue), .count(o.office.staff), .number(o.servedPerReplication.mean), .decimal(o.meanWait.mean, places: 1),
                                 .decimal(o.waitP90.mean, places: 1), .decimal(o.waitMax, places: 1), .percent(o.utilization.mean),
                                 .decimal(o.queueAtEnd.mean, places: 1),
                                 .number(o.abandonedPerReplication.mean)]
                                + [o.lineWait, o.trayWait].flatMap { wait -> [TableCell] in
                                    [.number(wait.count.mean), .decimal(wait.mean.mean, places: 1), .number(wait.mean.low), .number(wait.mean.high),
                                     .decimal(wait.p90.mean, places: 1), wait.count.mean > 0 ? .decimal(wait.max, places: 1) : .empty]
                                } + [.count(o.isUnstable ? 1 : 0)]
                            })
        let csv = try #require(CSVReport.tables(summary).first { $0.name == "offices.csv" })
        #expect(offices.csvText == csv.text)
        try Workbook(tables: [offices]).xlsxData().write(to: URL(fileURLWithPath: WorkbookTests.directory + "/offices.xlsx"))
        #expect(Table(title: "t", headers: ["a,b", "c"], rows: [[.text("say \"hi\""), .date(WorkbookTests.reportDate)], [.percent(.nan)]]).csvText
                == "\"a,b\",c\n\"say \"\"hi\"\"\",2024-12-31\n\n")
    }

    // MARK: LibreOffice

    /// Converts `path` with headless LibreOffice in its own profile (so it neither waits for nor
    /// disturbs another instance); the output directory.
    static func convert(_ path: String, to filter: String, name: String) throws -> String {
        let out = directory + "/" + name
        try? FileManager.default.removeItem(atPath: out)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let profile = "file://" + directory + "/lo-profile"
        _ = try run(try #require(soffice), ["-env:UserInstallation=\(profile)", "--headless", "--convert-to", filter, "--outdir", out, path])
        return out
    }

    @Test("LibreOffice reads every sheet: numbers with their formats, Vietnamese text intact",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui"),
          .timeLimit(.minutes(5)))  // a guard against a hung soffice, not a timing test: the whole suite runs beside it
    func libreOffice() throws {
        let path = try WorkbookTests.writtenWorkbook()
        // CSV options: comma, double quote, UTF-8, … cells as shown (token 9), every sheet to its own file (token 12 = -1).
        let out = try WorkbookTests.convert(path, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", name: "csv")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.count == 3, "LibreOffice wrote \(files)")
        let first = try String(contentsOfFile: out + "/" + (files.first { $0.contains("Chỉ tiêu") && !$0.contains("(2)") } ?? "missing"), encoding: .utf8)
        let lines = first.split(separator: "\n").map(String.init)
        #expect(lines.first == "mã,chỉ tiêu,tỷ lệ,số hồ sơ,ngày,giá trị,ghi chú")
        // Shown through their formats: the percentage, grouped count and date prove numbers were stored as numbers.
        #expect(lines.count > 1 && lines[1] == "dung-han,Tỷ lệ giải quyết hồ sơ đúng hạn,99.82%,\"5,418,279\",31/12/2024,1.5,=SUM(A1:A2)")
        #expect(lines.count > 2 && lines[2] == "tre-han,\"Hồ sơ trễ hạn & <quá hạn> \"\"x\"\"\",,-42,01/01/2024,,+84 28 3829 1234")
        #expect(lines.count > 3 && lines[3] == "@risk,chuông[0m _x0041_ end ,0.00%,0,,-0.25,-5")
        let offices = try String(contentsOfFile: out + "/" + (files.first { $0.contains("offices") } ?? "missing"), encoding: .utf8)
        #expect(offices.contains("Văn phòng Đăng ký đất đai,12"))
        let numbers = try String(contentsOfFile: out + "/" + (files.first { $0.contains("(2)") } ?? "missing"), encoding: .utf8)
        #expect(numbers.contains("0.0000001,1.8\n") && numbers.contains("123456789.125,\"-12,345.68\"\n"))
        // A printable copy to look at (its path is in the test output): one landscape page per sheet.
        let pdf = try WorkbookTests.convert(path, to: "pdf", name: "pdf") + "/fixture.pdf"
        let size = ((try? FileManager.default.attributesOfItem(atPath: pdf))?[.size] as? Int) ?? 0
        #expect(size > 10_000, "\(pdf): \(size) bytes")
        print("workbook as PDF: \(pdf)")
    }
}
