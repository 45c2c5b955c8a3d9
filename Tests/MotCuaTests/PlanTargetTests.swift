import Foundation
import Testing
@testable import MotCua

/// The plans' targets that were not modelled before (issue #17): re-use of documents already
/// held, the opening backlog cleared, and targets carried as "not computable" with a reason.
@Suite("Plan targets: re-use, backlog cleared, not computable")
struct PlanTargetTests {
    static let notComputableTarget = """
    {"id": "satisfaction", "label": "Satisfaction at least 95%", "status": "not computable",
     "reason": "a survey figure", "comparator": ">=", "threshold": 0.95}
    """

    func scenario(_ replacements: [(String, String)]) throws -> Scenario {
        var text = minimalScenario
        for (old, new) in replacements {
            precondition(text.contains(old), "test setup: \(old) not found")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try decodeScenario(text)
    }

    func issues(_ replacements: [(String, String)]) -> [ScenarioIssue] {
        do { _ = try scenario(replacements); return [] } catch let error as ScenarioError { return error.issues } catch { return [] }
    }

    @Test("re-used dossiers are counted within their procedure's share, and leave digitization alone")
    func reuse() async throws {
        let volume = ("\"yearlyVolume\": 1000", "\"yearlyVolume\": 30000")
        let withReuse = try scenario([volume, ("\"deadline\": {\"workingDays\": 3},", "\"deadline\": {\"workingDays\": 3}, \"reuse\": {\"share\": 0.3},")])
        let model = SimulationModel(scenario: withReuse)
        let result = try await SimulationRun(model: model, seed: 5).run()
        let t = result.procedures[0]
        #expect(t.reuseEligible == t.accepted && t.accepted > 100)
        #expect(t.reused > 0 && t.reused < t.reuseEligible)
        #expect(abs(Double(t.reused) / Double(t.reuseEligible) - 0.3) < 0.06)
        // Re-use saves scanning time; whether a dossier is digitized is decided as before.
        #expect(t.digitized == 0)
        #expect(TargetMeasure.reuseRate.ratio(t) == Double(t.reused) / Double(t.reuseEligible))
        let without = try await SimulationRun(model: SimulationModel(scenario: try scenario([volume])), seed: 5).run()
        #expect(without.procedures[0].reuseEligible == 0 && without.procedures[0].digitized == 0)
    }

    @Test("a target not computable needs a reason, has no measure, and is reported with its reason")
    func notComputable() async throws {
        let add = ("\"targets\": [", "\"targets\": [\(Self.notComputableTarget), ")
        #expect(issues([add]).isEmpty)
        let noReason = issues([("\"targets\": [", "\"targets\": [{\"id\": \"s\", \"label\": \"S\", \"status\": \"not computable\", \"comparator\": \">=\", \"threshold\": 0.9}, ")])
        #expect(noReason.contains { $0.path == "targets[s].reason" })
        let withMeasure = issues([("\"targets\": [", "\"targets\": [{\"id\": \"s\", \"label\": \"S\", \"status\": \"not computable\", \"reason\": \"r\", \"measure\": \"onTimeRate\", \"comparator\": \">=\", \"threshold\": 0.9}, ")])
        #expect(withMeasure.contains { $0.path == "targets[s].measure" })
        let reasonAlone = issues([("\"comparator\": \">=\", \"threshold\": 0.98}", "\"comparator\": \">=\", \"threshold\": 0.98, \"reason\": \"r\"}")])
        #expect(reasonAlone.contains { $0.path == "targets[t].reason" })

        let model = SimulationModel(scenario: try scenario([add]))
        let summary = ExperimentSummary(model: model, seed: 1, results: [try await SimulationRun(model: model, seed: 1).run()])
        #expect(summary.targets.map(\.id) == ["t/civil-status"], "a target without a verdict is not among the verdicts")
        #expect(summary.targetsNotComputable.map(\.id) == ["satisfaction"])
        let text = TextReport.render(summary)
        #expect(text.contains("NO VERDICT") && text.contains("not computable by simulation: a survey figure"))
        #expect(TextReport.render(summary, language: .vi).contains("KHÔNG XÉT"))
        #expect(HTMLReport.render(summary).contains("a survey figure"))
        let json = JSONReport.document(summary)
        guard case .array(let listed)? = json["targetsNotComputable"] else { Issue.record("no targetsNotComputable"); return }
        #expect(listed.first?["reason"] == .string("a survey figure"))
        #expect(listed.first?["verdict"] == .string("not-computable"))
        // The Decision 766 parts not computed are listed with why, and with the computed ones make 100 points.
        let computed = summary.decision766.reduce(0) { $0 + $1.maximum }
        #expect(computed + ScoreComponent.notComputed.reduce(0) { $0 + $1.maximum } == 100)
        #expect(text.contains("Transparency"))
    }

    @Test("every seed target of the district scenarios appears in its report, as a verdict or not computable")
    func seedTargetsReported() async throws {
        let expected: [String: [String]] = [
            "go-vap-2024": ["late-investment", "reuse", "e-payment-wards", "e-certification-wards", "satisfaction",
                            "satisfaction-land-construction-investment", "apology", "late-land"],
            "binh-tan-2023": ["apology", "e-payment-wards", "full-online-services", "satisfaction", "late-investment"],
            "quan-6-2024": ["backlog-cleared", "same-day-list", "group-c-investment-faster", "satisfaction", "apology"],
        ]
        for (name, ids) in expected {
            let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/\(name).json"), overlays: [],
                                                   settings: [("horizon.days", "20")])
            let model = SimulationModel(scenario: scenario)
            let summary = ExperimentSummary(model: model, seed: 1, results: [try await SimulationRun(model: model, seed: 1).run()])
            let reported = Set(summary.targets.map { $0.id.split(separator: "/").first.map(String.init) ?? $0.id }
                               + summary.targetsNotComputable.map(\.id))
            for id in ids { #expect(reported.contains(id), "\(name): \(id)") }
            if name == "quan-6-2024" {
                let cleared = try #require(summary.targets.first { $0.id == "backlog-cleared" })
                #expect(cleared.estimate.mean > 0 && cleared.estimate.mean < 1, "20 days do not clear a 30-day backlog")
            }
        }
    }
}
