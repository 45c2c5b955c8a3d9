import Foundation
import Testing
@testable import MotCua

/// The page's tables keep to the A4 column (review 3 #23): compare's targets side by side, run's
/// waits and counts, drivers' targets. Measured by headless Chromium when the machine has it.
@Suite("HTML tables keep to the A4 column")
struct HTMLWidthTests {
    static let chromium: String? = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The tables of `html` whose right edge passes the body's, as "id:width>body", laid out by
    /// headless Chromium in a window as wide as A4 less its 14 mm margins (182 mm, 688 px) plus
    /// a scroll bar.
    static func overflowing(_ html: String, name: String) throws -> [String] {
        let dir = NSTemporaryDirectory() + "motcua-html-width-\(name)-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let probe = """
            <script>var r=[];var b=document.body.getBoundingClientRect();document.querySelectorAll("table").forEach(function(t,i){
            var x=t.getBoundingClientRect();if(x.right>b.right+1)r.push((t.id||("table "+i))+":"+Math.round(x.width)+">"+Math.round(b.width));});
            document.body.setAttribute("data-overflow",r.join(" "));</script></body>
            """
        let path = dir + "/page.html"
        try html.replacingOccurrences(of: "</body>", with: probe).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try runProgram(try #require(chromium), ["--no-sandbox", "--headless", "--window-size=703,2000", "--dump-dom", "file://" + path])
        let marker = "data-overflow=\""
        let start = try #require(run.output.range(of: marker), "Chromium printed no page").upperBound
        let value = run.output[start...].prefix { $0 != "\"" }
        return value.isEmpty ? [] : value.split(separator: " ").map(String.init)
    }

    /// Compare of Gò Vấp against two what-ifs, 2 replications of 5 days, as its page.
    static func comparePage(_ language: Language) async throws -> String {
        DocumentHTML.render(try await compareDocument(language))
    }

    /// Compare of Gò Vấp against two what-ifs, 2 replications of 5 days.
    static func compareDocument(_ language: Language) async throws -> ReportDocument {
        let base = Repository.path("scenarios/go-vap-2024.json")
        let variants = ["scenarios/what-if/land-branch-minus-2.json", "scenarios/what-if/tet-surge.json"]
        let settings = [("horizon.days", "5")]
        let models = try [SimulationModel(scenario: ScenarioLoader.load(path: base, overlays: [], settings: settings))]
            + variants.map { try SimulationModel(scenario: ScenarioLoader.load(path: base, overlays: [Repository.path($0)], settings: settings)) }
        let comparison = try await Comparison.run(names: ["base"] + variants, models: models, seed: 3, plan: .fixed(2), jobs: 2, results: nil)
        let paired = CompareDocument.pairedTargetDifferences(models: models, results: comparison.results, seed: 3,
                                                             confidence: comparison.outcomes[0].confidence)
        let provenance = Provenance(scenarioName: "Gò Vấp", scenarioNameVi: nil, file: "go-vap-2024.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 3, replications: 2, warmUpDays: 0, produced: try #require(CivilDate(year: 2026, month: 11, day: 30)))
        return CompareDocument.document(comparison, paired: paired, variants: variants, provenance: provenance, language: language)
    }

    @Test("a table of many columns gets the smaller type; an interval may go under its mean; compare's id is in the data only")
    func markup() async throws {
        let document = try await Self.compareDocument(.en)
        let html = DocumentHTML.render(document)
        #expect(html.contains("<table id=\"table-targets\" class=\"labelled wide wider\">"))
        #expect(html.contains("<td class=\"num estimate\">0.00 <span class=\"ci\">(0.00 …</span> <span class=\"ci\">0.00)</span></td>"))
        // targets.csv ends with the target's id, as run's targets.csv names it (review 3 #22); the page
        // and the text leave it out.
        let targets = try #require(DocumentTables.tables(document, inLanguage: false).first { $0.title == "targets" })
        #expect(targets.headers.last == "id")
        #expect(targets.rows.first?.last.map { "\($0)" }?.contains("on-time-certification") == true)
        #expect(!html.contains("<th>id</th>"))
        #expect(!DocumentText.render(document).contains("on-time-certification"))
    }

    @Test("compare's side-by-side table and run's waits and counts fit the A4 column, English and Vietnamese",
          .enabled(if: chromium != nil, "needs headless Chromium"))
    func fitsTheColumn() async throws {
        for language in Language.allCases {
            let compare = try Self.overflowing(try await Self.comparePage(language), name: "compare-\(language)")
            #expect(!compare.contains { $0.hasPrefix("table-targets:") }, "compare \(language): \(compare)")
        }
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [("horizon.days", "10")])
        let model = SimulationModel(scenario: scenario)
        let summary = ExperimentSummary(model: model, seed: 3, results: try await Experiment.run(model: model, seed: 3, replications: 1, jobs: 1))
        for language in Language.allCases {
            let page = HTMLReport.render(summary, language: language)
            #expect(try Self.overflowing(page, name: "run-\(language)") == [], "run \(language)")
        }
    }
}
