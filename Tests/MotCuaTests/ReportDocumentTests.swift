import Foundation
import Testing
@testable import MotCua

/// The report layer (issue #18): one document written by the text, HTML, CSV, XLSX and JSON
/// writers, with the provenance in every output.
@Suite("Report documents and provenance")
struct ReportDocumentTests {
    static let provenance = Provenance(scenarioName: "Test district", scenarioNameVi: "Quận thử", file: "scenarios/test.json",
                                       fingerprint: 0xabc, overlays: ["what-if/a.json"], settings: ["horizon.days=30"], load: 1.3,
                                       seed: 7, replications: 4, warmUpDays: 5, produced: CivilDate(year: 2025, month: 11, day: 30)!)

    static func document(_ language: Language) -> ReportDocument {
        var document = ReportDocument(kind: "test", title: "Title", headline: ["1 of 2 targets pass; fail: land"],
                                      provenance: provenance, language: language)
        document.sections.append(ReportSection(id: "targets", title: "Targets", blocks: [
            .paragraph("A note."),
            .table(ReportTable(id: "targets", columns: [ReportColumn("target", "target"), ReportColumn("value", "value"),
                                                        ReportColumn("difference", "difference"), ReportColumn("verdict", "verdict")],
                               rows: [[.text("land, \"on time\""), .value(0.9812, .share), .estimate(mean: -0.0479, low: -0.1024, high: 0.0065, .points),
                                       .verdict(.fail)],
                                      [.text("civil"), .value(1, .share), .estimate(mean: 0, low: 0, high: 0, .points), .verdict(.pass)]])),
            .chart(.intervals(id: "chart-differences", title: "Differences", axisTitle: "points", items: [
                IntervalItem(label: "land", mean: -0.0479, low: -0.1024, high: 0.0065)], quantity: .points, reference: 0)),
            .table(ReportTable(id: "tidy", columns: [ReportColumn("x", "x")], rows: [[.value(1, .factor)]], dataOnly: true)),
        ]))
        return document
    }

    @Test("every writer carries the provenance: scenario, file, fingerprint, overlays, --set, load, seed, replications, warm-up, model, day")
    func provenanceEverywhere() throws {
        let document = Self.document(.vi)
        let text = DocumentText.render(document)
        let html = DocumentHTML.render(document)
        let json = JSONWriter.text(DocumentJSON.document(document))
        for output in [text, html] {
            for needle in ["scenarios/test.json", "abc", "what-if/a.json", "horizon.days=30", "1,30×", "7", "motcua-model/", "30/11/2025"] {
                #expect(output.contains(needle), "\(needle) missing")
            }
        }
        for needle in ["\"fingerprint\": \"abc\"", "\"overlays\": [", "\"horizon.days=30\"", "\"load\": 1.3", "\"seed\": 7", "\"replications\": 4",
                       "\"warmUpDays\": 5", "\"modelVersion\": \"\(simulatorModelVersion)\"", "\"produced\": \"2025-11-30\"", "\"format\": \"motcua-test/1\""] {
            #expect(json.contains(needle), "\(needle) missing from the JSON")
        }
        let files = DocumentTables.csvFiles(document)
        #expect(files.map(\.name) == ["provenance.csv", "targets.csv", "tidy.csv"])
        let provenanceCSV = try #require(files.first?.text)
        #expect(provenanceCSV.hasPrefix(CSVReport.byteOrderMark + "item,value\n"))
        #expect(provenanceCSV.contains("produced,2025-11-30") && provenanceCSV.contains("load,1.3") && provenanceCSV.contains("fingerprint,abc"))
    }

    @Test("a mean with its interval is three CSV columns; text is quoted; the data-only table stays out of the text and the page")
    func tables() throws {
        let document = Self.document(.en)
        let targets = try #require(DocumentTables.csvFiles(document).first { $0.name == "targets.csv" }?.text)
        let lines = targets.dropFirst().split(separator: "\n")
        #expect(lines[0] == "target,value,difference,difference_low,difference_high,verdict")
        // Shares as fractions, differences of shares in percentage points (as the column titles say).
        #expect(lines[1] == "\"land, \"\"on time\"\"\",0.9812,-4.79,-10.24,0.65,fail")
        let sheets = DocumentTables.tables(document, inLanguage: true)
        #expect(sheets.map(\.title) == ["provenance", "targets", "tidy"])
        #expect(sheets[1].rows[0][1] == .percent(0.9812))
        let text = DocumentText.render(document)
        #expect(text.contains("−4.79 (−10.24 … +0.65)"))
        #expect(!text.contains("1.00×"), "the data-only table is in the text")
        let html = DocumentHTML.render(document)
        #expect(html.contains("id=\"chart-differences\"") && !html.contains("table-tidy"))
        // A difference that rounds to zero carries no sign.
        #expect(text.contains(" 0.00 (0.00 … 0.00)"))
    }

    @Test("chart ticks are round: 1, 2 or 5 times a power of ten")
    func roundTicks() {
        for (low, high) in [(0.0, 3117.0), (-0.1024, 0.0065), (0.946, 1.0), (0.8, 1.4), (0, 17.3)] {
            let scale = DocumentCharts.ticks(low, high)
            #expect(scale.domain.lowerBound <= low && scale.domain.upperBound >= high)
            let mantissa = scale.step / pow(10, log10(scale.step).rounded(.down))
            #expect([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }, "step \(scale.step)")
            for tick in scale.values { #expect(abs((tick / scale.step).rounded() * scale.step - tick) < 1e-9) }
        }
        #expect(DocumentCharts.ticks(0, 3117, count: 4).values == [0, 1000, 2000, 3000, 4000])
    }

    @Test("the day produced is pinned by SOURCE_DATE_EPOCH, else today in Ho Chi Minh City")
    func producedDay() {
        #expect(Provenance.today(environment: ["SOURCE_DATE_EPOCH": "1764460800"]) == CivilDate(year: 2025, month: 11, day: 30))
        // 2025-11-29 20:00 UTC is already the 30th in Ho Chi Minh City (UTC+7).
        let evening = Date(timeIntervalSince1970: 1_764_446_400)
        #expect(Provenance.today(environment: [:], now: evening) == CivilDate(year: 2025, month: 11, day: 30))
        #expect(Provenance.today(environment: ["SOURCE_DATE_EPOCH": "soon"], now: evening) == CivilDate(year: 2025, month: 11, day: 30))
    }

    @Test("a what-if says what it changed; the scenario as it is says nothing")
    func whatChanged() {
        #expect(Self.provenance.whatChanged(.en) == "What-if, changed from the scenario: overlays what-if/a.json; --set horizon.days=30; load 1.30×")
        var plain = Self.provenance
        plain.overlays = []
        plain.settings = []
        plain.load = 1
        #expect(plain.whatChanged(.vi) == nil)
    }
}
