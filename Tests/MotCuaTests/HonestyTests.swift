import Foundation
import Testing
@testable import MotCua

/// Review 2 #1, #7 and #11 (docs/model.md §7.1, §7.3, §12): online dossiers the desk never
/// checks, verdicts that rest on assumptions, and dossiers late only by the one-request rule.
@Suite("Honesty: unchecked online dossiers, assumption notes, late by the one-request rule")
struct HonestyTests {
    /// One replication of Gò Vấp with its log, the summary, the JSON report's recount lines and the recount.
    static func goVapOverloadedOnline(days: Int) async throws -> (ExperimentSummary, [LogRecount.Line], LogRecount) {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "\(days)"), ("procedures.certify-copy.online", "1")])
        let model = SimulationModel(scenario: scenario.scalingLoad(by: 2))
        let path = NSTemporaryDirectory() + "motcua-honesty-\(getpid())-\(days).csv"
        defer { unlink(path) }
        let log = try DossierLog(path: path, start: scenario.horizon.start)
        let result = try await SimulationRun(model: model, seed: 2024, log: log).run()
        let summary = ExperimentSummary(model: model, seed: 2024, results: [result])
        let recount = try LogRecount(path: path)
        return (summary, try recount.compare(with: JSONReport.document(summary)), recount)
    }

    @Test("an overloaded desk fed online does not pass at 100%: unchecked dossiers past their deadline are overdue, and the log agrees")
    func uncheckedOnlineDossiersAreOverdue() async throws {
        let (summary, lines, recount) = try await Self.goVapOverloadedOnline(days: 20)
        let certification = try #require(summary.fields.first { $0.id == "certification" })
        let tally = certification.tally
        #expect(tally.awaitingDeskCheck > 0)
        #expect(tally.awaitingDeskCheckOverdue > 0)
        #expect(tally.awaitingDeskCheckOverdue <= tally.inProgressOverdue)
        #expect(tally.awaitingDeskCheckMinutes > 0)
        #expect(certification.onTimeRate.mean < 0.999)
        // No receipt, so no apology: every such overdue dossier is never apologised.
        #expect(tally.lateNotApologised >= tally.awaitingDeskCheckOverdue)
        #expect(tally.pastDue == tally.late - tally.lateByRepeatedSupplements)
        func overall(_ name: String) -> Int { recount.overall[LogRecount.countNames.firstIndex(of: name)!] }
        #expect(overall("awaitingDeskCheckOverdue") == summary.overall.tally.awaitingDeskCheckOverdue)
        for line in lines where !line.agrees {
            Issue.record("\(line.place) \(line.count): report \(line.reported.map(String.init) ?? "absent"), recount \(line.recounted)")
        }
        // The breakdown names a step only for the dossiers past their appointment (§12).
        for row in summary.breakdownFields {
            let named = row.topSteps.reduce(0) { $0 + $1.total }
            #expect(named <= row.late.totalDossiers - row.lateByRuleTotal, "\(row.id)")
        }
    }

    @Test("Quận 6's backlog-cleared verdict says it rests on the assumed backlog and date")
    func backlogClearedRestsOnAssumption() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/quan-6-2024.json"), overlays: [],
                                               settings: [("horizon.days", "5")])
        let model = SimulationModel(scenario: scenario)
        let result = try await SimulationRun(model: model, seed: 1).run()
        let summary = ExperimentSummary(model: model, seed: 1, results: [result])
        let target = try #require(summary.targets.first { $0.id == "backlog-cleared" })
        #expect(target.inputDrivenKind == .restsOnAssumption)
        let note = try #require(target.inputDriven)
        #expect(note.contains("opening backlog of 588 dossiers"))
        #expect(note.contains("assumption"))
        let text = TextReport.render(summary, language: .en)
        #expect(text.contains("↳ rests on an assumption: opening backlog"))
        let json = JSONReport.document(summary)
        guard case .array(let targets)? = json["targets"] else { Issue.record("no targets"); return }
        let entry = targets.first { $0["id"] == .string("backlog-cleared") }
        #expect(entry?["inputDrivenKind"] == .string("restsOnAssumption"))
        // The on-time verdicts of that short run are not turned by repeated supplements: no note.
        #expect(summary.targets.filter { $0.measure == .onTimeRate && $0.inputDriven != nil }.allSatisfy {
            $0.inputDriven?.contains("supplement more than once") == true })
    }

    @Test("an on-time verdict turned by the one-request rule says so, with the counts; one it does not turn has no note")
    func repeatedSupplementsNote() throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"))
        let members = scenario.procedures.indices.filter { scenario.procedures[$0].field == "construction" }
        let spec = try #require(scenario.targets.first { $0.measure == .onTimeRate })
        func judged(late: Int, byRule: Int) -> String? {
            var tally = ProcedureTally()
            tally.finishedOnTime = 3_423 - late
            tally.finishedLate = late
            tally.lateByRepeatedSupplements = byRule
            let rate = Double(tally.onTime) / Double(tally.processed)
            let estimate = Estimate([rate])
            let result = TargetResult(id: spec.id, label: spec.label, labelVi: nil, measure: spec.measure, fieldName: nil,
                                      fieldNameVi: nil, comparator: spec.comparator, threshold: spec.threshold,
                                      estimate: estimate, denominator: Estimate([3_423]),
                                      verdict: ExperimentSummary.verdict(estimate, spec, replicated: false),
                                      inputDriven: nil, gaveUpAtDesk: 0)
            return ExperimentSummary.assumptionDeciding(spec, result: result, perReplication: [tally], members: members,
                                                        scenario: scenario, confidence: 0.95, replicated: false)
        }
        let note = try #require(judged(late: 82, byRule: 54))
        #expect(note.hasPrefix("54 of 82 late only because asked to supplement more than once (repeatShare 0.1, assumption)"))
        #expect(note.contains("99.18%"))
        #expect(judged(late: 82, byRule: 10) == nil)
        #expect(judged(late: 20, byRule: 10) == nil)
    }
}
