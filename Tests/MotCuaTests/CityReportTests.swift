import Foundation
import Testing
@testable import MotCua

/// The city's per-unit tables and the back-test in every output of `run` (review #13), the
/// back-test compared only over the same days, and the Vietnamese versions of scenario texts
/// (review #16).
@Suite("City report: units, back-test, Vietnamese scenario texts")
struct CityReportTests {
    /// `minimalScenario` over Q3 2025 (92 days) with published figures: one over the run's days,
    /// one volume inside the run, one rate inside the run, one of another year.
    static func backTestScenario(warmUpDays: Int = 0) throws -> Scenario {
        let figures = """
          "backTest": [
            {"id": "q3", "label": "On time, Q3", "measure": "onTimeRate", "value": 0.97, "period": "Q3/2025",
             "from": "2025-07-01", "to": "2025-09-30", "source": "test"},
            {"id": "q3-resolved", "label": "On time of resolved, Q3", "measure": "resolvedOnTimeRate", "value": 0.97,
             "period": "Q3/2025", "from": "2025-07-01", "to": "2025-09-30", "source": "test"},
            {"id": "august", "label": "Received per day, August", "measure": "receivedPerDay", "count": 310, "period": "8/2025",
             "from": "2025-08-01", "to": "2025-08-31", "source": "test"},
            {"id": "july-online", "label": "Online, July", "measure": "onlineRate", "value": 0.4, "period": "7/2025",
             "from": "2025-07-01", "to": "2025-07-31", "source": "test"},
            {"id": "year-2024", "label": "On time, 2024", "measure": "onTimeRate", "value": 0.95, "period": "2024",
             "from": "2024-01-01", "to": "2024-12-31", "source": "test", "sourceVi": "thử"}
          ],
        """
        let text = minimalScenario
            .replacingOccurrences(of: #""horizon": {"start": "2024-01-01", "days": 10},"#,
                                  with: #""horizon": {"start": "2025-07-01", "days": 92, "warmUpDays": \#(warmUpDays)},"# + figures)
        return try decodeScenario(text)
    }

    static func summary(_ scenario: Scenario, replications: Int = 2) async throws -> (ExperimentSummary, [RunResult]) {
        let model = SimulationModel(scenario: scenario)
        var results: [RunResult] = []
        for seed in 1...UInt64(replications) { results.append(try await SimulationRun(model: model, seed: seed).run()) }
        return (ExperimentSummary(model: model, seed: 1, results: results), results)
    }

    @Test("a published figure is compared only over the same days: same period, a volume inside the run from the daily counts, otherwise both shown")
    func backTestPeriods() async throws {
        let (summary, results) = try await Self.summary(try Self.backTestScenario())
        let byID = Dictionary(uniqueKeysWithValues: summary.backTest.map { ($0.figure.id, $0) })
        let q3 = try #require(byID["q3"]), august = try #require(byID["august"])
        let july = try #require(byID["july-online"]), year = try #require(byID["year-2024"])
        #expect(q3.comparison == .samePeriod && q3.reproduced != nil)
        #expect(q3.modelFrom.description == "2025-07-01" && q3.modelTo.description == "2025-09-30")
        // August: days 31…61 of the run, from each replication's daily counts.
        #expect(august.comparison == .publishedWithinRun && august.reproduced != nil)
        #expect(august.modelFrom.description == "2025-08-01" && august.modelTo.description == "2025-08-31")
        let perReplication = results.map { Double($0.receivedPerDay[31...61].reduce(0) { $0 + Int($1) }) / 31 }
        #expect(abs(august.baseline.mean - perReplication.reduce(0, +) / 2) < 1e-9)
        #expect(july.comparison == .notKeptPerDay && july.reproduced == nil && july.modelFrom.description == "2025-07-01"
                && july.modelTo.description == "2025-09-30")
        #expect(year.comparison == .periodsDiffer && year.reproduced == nil)
        #expect(summary.backTest.allSatisfy { $0.figure.measure == .receivedPerDay || $0.baseline.high <= 1 })
        let text = TextReport.render(summary)
        #expect(text.contains("not compared: periods differ") && text.contains("not compared: kept for the whole run only"))
        #expect(text.contains("model: 2025-08-01 – 2025-08-31 (the published period, from the daily counts)"))
        #expect(TextReport.render(summary, language: .vi).contains("không so sánh: khác kỳ"))
    }

    @Test("a rate 'of resolved dossiers' is finished on time ÷ finished: dossiers in progress are left out (review 3 #8)")
    func backTestResolvedRate() async throws {
        // 40× the volume overloads the justice office, so that dossiers are late and in progress.
        let (summary, results) = try await Self.summary(try Self.backTestScenario().scalingLoad(by: 40))
        let resolved = try #require(summary.backTest.first { $0.figure.id == "q3-resolved" })
        let portal = try #require(summary.backTest.first { $0.figure.id == "q3" })
        let recounted = results.map { r in
            let onTime = r.procedures.reduce(0) { $0 + $1.finishedOnTime }, late = r.procedures.reduce(0) { $0 + $1.finishedLate }
            return Double(onTime) / Double(onTime + late)
        }
        #expect(abs(resolved.baseline.mean - recounted.reduce(0, +) / 2) < 1e-12)
        #expect(abs(resolved.baseline.mean - portal.baseline.mean) > 0.001, "the portal's rate counts dossiers in progress too")
    }

    @Test("the run's counted days start after the warm-up: a figure of the whole horizon is then not of the same days")
    func backTestWarmUp() async throws {
        let (summary, _) = try await Self.summary(try Self.backTestScenario(warmUpDays: 10), replications: 1)
        let q3 = try #require(summary.backTest.first { $0.figure.id == "q3" })
        #expect(q3.comparison == .periodsDiffer && q3.modelFrom.description == "2025-07-11")
    }

    @Test("back-test dates are checked: `to` before `from`, and `days` that is not the period's length, are problems")
    func backTestDates() throws {
        let scenario = try Self.backTestScenario()
        #expect(scenario.backTest.first { $0.id == "august" }?.value == 10)
        func issues(_ old: String, _ new: String) -> [ScenarioIssue] {
            let text = minimalScenario.replacingOccurrences(of: #""horizon""#, with: """
                "backTest": [{"id": "v", "label": "V", "measure": "receivedPerDay", "count": 310, "period": "8/2025",
                              "from": "2025-08-01", "to": "2025-08-31", "source": "test"}], "horizon"
                """).replacingOccurrences(of: old, with: new)
            do { _ = try decodeScenario(text); return [] } catch { return error.issues }
        }
        #expect(issues("\"to\": \"2025-08-31\"", "\"to\": \"2025-07-31\"").contains { $0.path == "backTest[v].to" && $0.message.contains("on or after") })
        #expect(issues("\"count\": 310", "\"count\": 310, \"days\": 30").contains { $0.path == "backTest[v].days" && $0.message.contains("expected 31") })
        #expect(issues("\"from\": \"2025-08-01\", ", "").contains { $0.path == "backTest[v]" || $0.path == "backTest[v].from" })
        #expect(issues("", "").isEmpty)
    }

    @Test("the city's units and back-test are in the JSON, the CSV tables and the page, in Vietnamese with --lang vi")
    func cityOutputs() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path(CityScenarioTests.path), overlays: [], settings: [("horizon.days", "8")])
        let (summary, _) = try await Self.summary(scenario, replications: 1)
        let json = JSONWriter.text(JSONReport.document(summary))
        let document = try JSONParser.parse(Array(json.utf8))
        guard case .array(let backTest)? = document["backTest"], case .array(let units)? = document["units"]?["units"] else {
            Issue.record("no backTest or units in the JSON report"); return
        }
        #expect(backTest.count == 6 && units.count == 168)
        let schema = try JSONParser.parse(try ScenarioLoader.readFile(Repository.path("docs/report.schema.json"), reportAs: "schema"))
        let problems = SchemaChecker(root: schema).check(document, against: schema)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(backTest.allSatisfy { $0["comparison"] == .string("periods-differ") && $0["reproduced"] == .null })
        let tables = Dictionary(uniqueKeysWithValues: CSVReport.typedTables(summary).map { ($0.title, $0) })
        #expect(tables["back-test"]?.rows.count == 6 && tables["units"]?.rows.count == 168)
        #expect((tables["unit-groups"]?.rows.count ?? 0) > 30 && (tables["unit-worst"]?.rows.count ?? 0) > 0)
        for name in ["back-test", "unit-groups", "unit-worst", "units"] {
            #expect(DocumentTables.knownCSVNames.contains(name + ".csv"))
        }
        let html = HTMLReport.render(summary)
        #expect(html.contains("<section id=\"back-test\"") && html.contains("<section id=\"units\"") && html.contains("Worst units by target"))
        let vi = HTMLReport.render(summary, language: .vi)
        #expect(vi.contains("Đối chiếu với số liệu đã công bố") && vi.contains("Đơn vị thấp nhất theo từng chỉ tiêu"))
        // Sources in Vietnamese where the scenario gives them.
        let viText = TextReport.render(summary, language: .vi)
        for text in [vi, viText] {
            #expect(text.contains("báo cáo 350/BC-UBND qua baomoi.net.vn") && !text.contains("report 350/BC-UBND via"))
        }
        #expect(TextReport.render(summary).contains("source: report 350/BC-UBND via baomoi.net.vn"))
    }

    @Test("a district scenario's JSON has no backTest or units: its reports are unchanged")
    func noCityKeysBelowCityScale() async throws {
        let (summary, _) = try await Self.summary(try decodeScenario(minimalScenario), replications: 1)
        let json = JSONWriter.text(JSONReport.document(summary))
        #expect(!json.contains("\"backTest\"") && !json.contains("\"units\""))
        #expect(!CSVReport.typedTables(summary).contains { ["back-test", "units", "unit-groups", "unit-worst"].contains($0.title) })
    }

    /// `minimalScenario` with an apology target whose input is an assumption, and a target that is not computable.
    static let textsScenario = minimalScenario
        .replacingOccurrences(of: #""targets": ["#, with: #"""
            "policies": {"apology": {"onTimeShare": 0.9, "source": "assumption: most late dossiers"}},
            "targets": [{"id": "apology", "label": "Apologised", "measure": "apologyRate", "comparator": ">=", "threshold": 1.0},
              {"id": "survey", "label": "Satisfied", "status": "not computable", "reason": "a survey figure",
               "reasonVi": "số liệu khảo sát", "comparator": ">=", "threshold": 0.95},
            """#)

    @Test("with --lang vi a reason shows its Vietnamese version and the product's words are Vietnamese; English is as written")
    func vietnameseScenarioTexts() async throws {
        let (summary, _) = try await Self.summary(try decodeScenario(Self.textsScenario), replications: 1)
        let en = TextReport.render(summary), vi = TextReport.render(summary, language: .vi)
        #expect(en.contains("policies.apology.onTimeShare = 0.9 (assumption)") && en.contains("a survey figure"))
        #expect(vi.contains("policies.apology.onTimeShare = 0,9 (giả định)") && vi.contains("số liệu khảo sát"))
        #expect(!vi.contains("(assumption)") && !vi.contains("a survey figure"))
        let html = HTMLReport.render(summary, language: .vi)
        #expect(html.contains("(giả định)") && html.contains("số liệu khảo sát") && !html.contains("a survey figure"))
        // Without a Vietnamese version, the English text.
        let (plain, _) = try await Self.summary(try decodeScenario(Self.textsScenario.replacingOccurrences(of: #""reasonVi": "số liệu khảo sát", "#, with: "")),
                                                replications: 1)
        #expect(TextReport.render(plain, language: .vi).contains("a survey figure"))
    }

    @Test("a Vietnamese version changes no fingerprint; reasonVi is refused on a computed target")
    func translationsAndFingerprint() throws {
        let with = try decodeScenario(Self.textsScenario)
        let without = try decodeScenario(Self.textsScenario.replacingOccurrences(of: #""reasonVi": "số liệu khảo sát", "#, with: ""))
        #expect(with.fingerprint == without.fingerprint)
        #expect(with.targets.first { $0.id == "survey" }?.notComputableVi == "số liệu khảo sát")
        let changed = try decodeScenario(Self.textsScenario.replacingOccurrences(of: #""reason": "a survey figure""#, with: #""reason": "a survey""#))
        #expect(changed.fingerprint != with.fingerprint)
        do {
            _ = try decodeScenario(Self.textsScenario.replacingOccurrences(of: #""measure": "apologyRate","#,
                                                                           with: #""measure": "apologyRate", "reasonVi": "x","#))
            Issue.record("reasonVi on a computed target was accepted")
        } catch {
            #expect(error.issues.contains { $0.path == "targets[apology].reasonVi" })
        }
    }

    @Test("every shipped not-computable target has a Vietnamese reason, every published figure a Vietnamese source")
    func shippedTranslations() throws {
        for file in ["go-vap-2024", "binh-tan-2023", "quan-6-2024", "hcmc-2026", "hcmc-two-level-2026"] {
            let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/\(file).json"))
            for target in scenario.targets where target.notComputable != nil {
                #expect(target.notComputableVi?.isEmpty == false, "\(file): \(target.id) has no reasonVi")
            }
            for figure in scenario.backTest { #expect(figure.sourceVi?.isEmpty == false, "\(file): \(figure.id) has no sourceVi") }
        }
    }
}
