import Foundation
import Testing
@testable import MotCua

/// What a Vietnamese planner reads is Vietnamese (the last session's note, "Noticed in the final
/// read", and review 3 #12): calibrate's row problems and fitted families, the staffing search's
/// steps, and the workbooks' sheets, headers and verdicts. English outputs stay as they were.
@Suite("Vietnamese outputs a planner reads")
struct VietnamesePlannerOutputTests {
    @Test("calibrate --lang vi lists the rows it cannot use in Vietnamese; English as before")
    func calibrateProblems() throws {
        let dir = NSTemporaryDirectory() + "motcua-vi-calibrate-problems-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = """
            Mã hồ sơ,Thủ tục,Lĩnh vực,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái
            A1,land-change,land,Trực tuyến,02/01/2024 08:00,12/01/2024 17:00,10/01/2024 09:00,Đúng hạn
            A1,land-change,land,Trực tiếp,02/01/2024 09:00,12/01/2024 17:00,,Đang giải quyết
            A3,land-change,land,Trực tiếp,2024-01-02,12/01/2024 17:00,,Đang giải quyết
            A4,land-change,land,Trực tiếp,05/01/2024 09:00,12/01/2024 17:00,03/01/2024 09:00,Trễ hạn
            A5,land-change,land,Trực tiếp,05/01/2024 09:00,,,Chờ
            A6,land-change,land,Trực "tiếp",05/01/2024 10:00,15/01/2024 17:00,,Đang giải quyết
            A7,land-change,land,Bưu chính,05/01/2024 10:00,15/01/2024 17:00,,Đang giải quyết
            """
        try csv.write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        let records = try RecordsFile(path: "\(dir)/r.csv")
        let calibration = try Calibration(records: records, file: "r.csv", basePath: Repository.path("scenarios/go-vap-2024.json"),
                                          outPath: "\(dir)/o.json")
        let vi = CalibrationReport.fitted(calibration, file: "r.csv", rowsRead: records.rowsRead, language: .vi).joined(separator: "\n")
        #expect(vi.contains("lỗi: dòng 3: trùng mã hồ sơ A1 (đã có ở dòng 2)"))
        #expect(vi.contains("lỗi: dòng 4: ngày tiếp nhận \"2024-01-02\" không đúng dạng dd/MM/yyyy HH:mm"))
        #expect(vi.contains("lỗi: dòng 5: ngày có kết quả trước ngày tiếp nhận"))
        #expect(vi.contains("lỗi: dòng 6: trạng thái \"Chờ\" không xác định"))
        #expect(vi.contains("lỗi: dòng 7: dấu ngoặc kép (\") lạc trong cột 4"))
        #expect(!vi.contains("row "), "\(vi)")
        let en = CalibrationReport.fitted(calibration, file: "r.csv", rowsRead: records.rowsRead, language: .en).joined(separator: "\n")
        #expect(en.contains("problem: row 3: duplicate code A1 (first at row 2)"))
        #expect(en.contains("problem: row 7: a stray quote (\") inside column 4; quote the whole field and double the quotes inside; the row is skipped"))
        #expect(records.problems.count == 5 && records.rowProblems.map(\.english) == records.problems)
    }

    @Test("calibrate --lang vi names a fitted family in Vietnamese beside the scenario's keyword")
    func calibrateFamilies() {
        #expect(CalibrationReport.family("lognormal", .vi) == "log-chuẩn (lognormal)")
        #expect(CalibrationReport.family("exponential", .vi) == "mũ (exponential)")
        #expect(CalibrationReport.family("weibull", .vi) == "weibull")
        #expect(CalibrationReport.family("lognormal", .en) == "lognormal")
    }

    @Test("every step the staffing search writes reads as Vietnamese under --lang vi")
    func staffSteps() {
        let notes = [
            "today's staffing (the guard's baseline)", "today's staffing as the scenario stands (the guard's baseline)",
            "bisection land-branch 22: its next replication, beside the round's one point",
            "−2 land-branch: not needed, one fewer does not pass", "very large staff, larger: some office was half busy or more",
            "very large staff, on the full replications: some target does not pass",
            "upper bound land-branch 40 on the full replications: passes", "upper bound land-branch 40 alone",
            "+1 land-branch: not the best", "bisection land-branch 20, desk-land 7: a target no one office moves misses; screened alone next",
        ]
        let english = ["today", "staffing", "baseline", "replication", "needed", "fewer", "larger", "busy", "bound", "alone", "best", "pass", "screened"]
        for note in notes {
            let vi = Language.vi.staffStepNote(note)
            #expect(!english.contains { vi.contains($0) }, "\(note) → \(vi)")
            #expect(Language.en.staffStepNote(note) == note)
        }
        #expect(Language.vi.staffStepNote("upper bound land-branch 40 alone") == "giới hạn trên land-branch 40 riêng")
    }

    @Test("run's Vietnamese workbook: sheets, headers, verdicts, fields and provenance in Vietnamese; the English one as the CSV")
    func runWorkbook() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [("horizon.days", "5")])
        let model = SimulationModel(scenario: scenario)
        let summary = ExperimentSummary(model: model, seed: 3, results: try await Experiment.run(model: model, seed: 3, replications: 2, jobs: 2))
        let provenance = Provenance(scenarioName: "Gò Vấp", scenarioNameVi: nil, file: "go-vap-2024.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 3, replications: 2, warmUpDays: 0, produced: try #require(CivilDate(year: 2026, month: 11, day: 30)))

        let english = VietnameseWorkbook.runTables(summary, provenance: provenance, language: .en)
        // As before: the CSV tables and the provenance (compared as text: a NaN cell is unequal to itself).
        #expect(english.map(\.title) + english.map(\.csvText) == (CSVReport.typedTables(summary) + [provenance.table(.en)]).map(\.title)
                + (CSVReport.typedTables(summary) + [provenance.table(.en)]).map(\.csvText))

        let vi = VietnameseWorkbook.runTables(summary, provenance: provenance, language: .vi)
        #expect(vi.map(\.title) == ["chỉ tiêu", "lĩnh vực", "thủ tục", "đơn vị", "một cửa theo giờ", "theo ngày", "thời gian đã đi đâu",
                                    "thời gian theo bước", "hành trình hồ sơ", "chấm điểm QĐ 766", "thông tin lần chạy"])
        // Every header of every sheet is named: no CSV column name is left.
        let keys = Set(english.flatMap(\.headers))
        for table in vi { #expect(!table.headers.contains { keys.contains($0) }, "\(table.title): \(table.headers.filter { keys.contains($0) })") }
        let targets = try #require(vi.first)
        let verdict = try #require(targets.headers.firstIndex(of: "đánh giá")), field = try #require(targets.headers.firstIndex(of: "lĩnh vực"))
        let verdicts = Set(targets.rows.map { $0[verdict] })
        #expect(verdicts.isSubset(of: [.text("ĐẠT"), .text("KHÔNG ĐẠT"), .text("CÓ RỦI RO")]) && !verdicts.isEmpty, "\(verdicts)")
        #expect(targets.rows.contains { $0[field] == .text("Chứng thực") })
        #expect(!targets.rows.contains { $0[field] == .text("Certification") })
        #expect(vi[1].headers.contains("tiếp nhận (KTC 95%, cận dưới)") && vi[3].headers.contains("xếp hàng: chờ TB (phút)"))
        let provenanceSheet = try #require(vi.last)
        #expect(provenanceSheet.headers == ["mục", "giá trị"] && provenanceSheet.rows.first?.first == .text("Kịch bản"))

        // The desk guard's line ends its verdict as a sentence ("— trong giới hạn" read as cut off,
        // and ran into the next sentence: "trong giới hạn Tính trên …").
        let guardLine = try #require(TextReport.deskGuardLine(summary, .vi))
        #expect(!guardLine.hasSuffix("trong giới hạn") && !guardLine.contains("giới hạn Tính"), "\(guardLine)")
        if guardLine.contains("Tính trên chính lĩnh vực") { #expect(guardLine.contains(". Tính trên chính lĩnh vực"), "\(guardLine)") }
    }

    /// The narrowest cell of `column` (1-based) of the table `id` on `html`, in CSS pixels, and
    /// the tables running past the body, laid out by headless Chromium at the A4 column's width
    /// (as ``HTMLWidthTests``).
    static func layout(_ html: String, table id: String, column: Int, name: String) throws -> (narrowest: Int, overflowing: String) {
        let dir = NSTemporaryDirectory() + "motcua-vi-prose-width-\(name)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let probe = """
            <script>var w=1e9,o=[];document.querySelectorAll("#\(id) tr td:nth-child(\(column))").forEach(function(c){w=Math.min(w,c.getBoundingClientRect().width);});
            var b=document.body.getBoundingClientRect();document.querySelectorAll("table").forEach(function(t){if(t.getBoundingClientRect().right>b.right+1)o.push(t.id);});
            document.body.setAttribute("data-narrowest",Math.round(w));document.body.setAttribute("data-overflow",o.join(" "));</script></body>
            """
        let path = dir + "/page.html"
        try html.replacingOccurrences(of: "</body>", with: probe).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try runProgram(try #require(HTMLWidthTests.chromium), ["--no-sandbox", "--headless", "--window-size=703,2000", "--dump-dom", "file://" + path])
        func attribute(_ name: String) throws -> String {
            let start = try #require(run.output.range(of: name + "=\""), "Chromium printed no page").upperBound
            return String(run.output[start...].prefix { $0 != "\"" })
        }
        return (Int(try attribute("data-narrowest")) ?? 0, try attribute("data-overflow"))
    }

    @Test("a long text column beside a long first column keeps a readable width on a Vietnamese page (drivers' first driver)",
          .enabled(if: HTMLWidthTests.chromium != nil, "needs headless Chromium"))
    func longTextColumnWidth() throws {
        // The shape of drivers' "targets and their largest driver" table, with its Vietnamese texts.
        let label = "Lao động - Thương binh và Xã hội — Tỷ lệ giải quyết hồ sơ TTHC đúng hạn từ 98% trở lên trong từng lĩnh vực"
        let driver = "Cấp giấy phép xây dựng nhà ở riêng lẻ: bước 1 (Phòng Quản lý đô thị) thời gian chờ cố định (ngày làm việc)"
        let columns = [ReportColumn("target", "chỉ tiêu"), ReportColumn("threshold", "ngưỡng"), ReportColumn("base", "gốc"),
                       ReportColumn("verdict", "kết quả"), ReportColumn("distance", "khoảng cách đến ngưỡng (điểm %)"),
                       ReportColumn("first_driver", "yếu tố lớn nhất"), ReportColumn("effect", "tác động lớn nhất (điểm %)")]
        let row: [ReportCell] = [.text(label), .text("≥ 98%"), .estimate(mean: 0.9982, low: 0.9978, high: 0.9986, .share), .verdict(.pass),
                                 .value(0.0178, .points), .text(driver), .value(0.0001, .points)]
        // A row with a short driver and a wide effect interval, which widens the last column.
        let business: [ReportCell] = [.text("Đăng ký hộ kinh doanh — Tỷ lệ giải quyết hồ sơ TTHC đúng hạn từ 98% trở lên trong từng lĩnh vực"),
                                      .text("≥ 98%"), .estimate(mean: 0.9910, low: 0.9705, high: 1, .share), .verdict(.atRisk), .value(0, .points),
                                      .text("Đăng ký hộ kinh doanh: số hồ sơ một năm"), .estimate(mean: -0.5262, low: -0.8705, high: -0.1818, .points)]
        let provenance = Provenance(scenarioName: "t", scenarioNameVi: nil, file: "t.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 1, replications: 2, warmUpDays: 0, produced: try #require(CivilDate(year: 2026, month: 11, day: 30)))
        func page(_ language: Language) -> String {
            var document = ReportDocument(kind: "drivers", title: "t", headline: [], provenance: provenance, language: language)
            document.sections.append(ReportSection(id: "targets", title: "t", blocks: [.table(ReportTable(id: "targets", columns: columns,
                                                                                                          rows: [business, row]))]))
            return DocumentHTML.render(document)
        }
        let vi = try Self.layout(page(.vi), table: "table-targets", column: 6, name: "vi")
        // 34 mm is 128 CSS pixels; without the rule the column took 96 (91 on the real drivers page: a word or two a line).
        #expect(vi.narrowest >= 120, "first-driver column \(vi.narrowest) px")
        #expect(vi.overflowing.isEmpty, "\(vi.overflowing)")
        #expect(!page(.en).contains("prose"), "English pages are unchanged")
    }
}
