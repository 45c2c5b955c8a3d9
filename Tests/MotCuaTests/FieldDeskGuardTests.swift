import Foundation
import Testing
@testable import MotCua

/// Issue #20: the desk guard judged on the whole district let a search cut one field's desk, its
/// citizens turned away unseen. The guard now also judges each target's own field (docs/model.md §7.6).
@Suite("Desk guard per field")
struct FieldDeskGuardTests {
    /// Gò Vấp 2024 over 20 days with one clerk at the district land desk (7 today): land's
    /// citizens give up in the queue while the district's share, carried by the wards'
    /// certification, stays under the allowance.
    static func landDeskCollapsed() async throws -> ExperimentSummary {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "20"), ("offices.desk-land.staff", "1")])
        let model = SimulationModel(scenario: scenario)
        let result = try await SimulationRun(model: model, seed: 2024).run()
        return ExperimentSummary(model: model, seed: 2024, results: [result])
    }

    @Test("a collapsed land desk fails land's on-time and late verdicts with the reason; the district's share and other fields stay within the guard")
    func oneFieldCollapses() async throws {
        let summary = try await Self.landDeskCollapsed()
        let district = try #require(summary.gaveUpAtDeskShare)
        #expect(!DeskGuard.trips(district))
        let onTimeLand = try #require(summary.targets.first { $0.id == "on-time-land" })
        let own = try #require(onTimeLand.ownDesk)
        #expect(own.received >= DeskGuard.minimumReceived)
        #expect(own.share > DeskGuard.allowance)
        for id in ["on-time-land", "late-land"] {
            let target = try #require(summary.targets.first { $0.id == id })
            #expect(target.verdict == .fail && target.failedByDeskGuard, "\(id)")
            #expect(target.deskGuardReason(.en)?.contains("of the Land citizens who came to the desk could not file there") == true, "\(id)")
        }
        // The wards' fields, whose desks serve their citizens, keep their own verdicts.
        let certification = try #require(summary.targets.first { $0.id == "on-time-certification" })
        #expect(!certification.failedByDeskGuard && certification.deskGuardReason(.en) == nil)
        let text = TextReport.render(summary)
        #expect(text.contains("of the Land citizens who came to the desk could not file there"))
        #expect(TextReport.deskGuardLine(summary, .en)?.contains("Judged on a target's own field") == true)
        let json = JSONReport.document(summary)
        guard case .array(let failed)? = json["deskGuard"]?["failedTargets"] else { Issue.record("no failedTargets"); return }
        #expect(failed.contains(.string("late-land")))
    }

    @Test("a field with fewer citizens than the minimum is not judged on its own share, however high")
    func smallFieldNotJudged() {
        var tally = ProcedureTally()
        tally.received = Int(DeskGuard.minimumReceived) - 2
        tally.gaveUpAtDesk = tally.received / 2
        let small = DeskGuard.own([tally, tally])
        #expect(small?.share == 0.5)
        #expect(small?.trips == false)
        tally.received = Int(DeskGuard.minimumReceived)
        #expect(DeskGuard.own([tally])?.trips == true)
        #expect(DeskGuard.own([]) == nil)
    }
}

/// The staffing search judges its staffings by the same guard (issue #20: the all-office search
/// cut the land desk 7 → 3, its citizens turned away unseen).
@Suite("Staffing search and the desk guard per field")
struct StaffingFieldGuardTests {
    @Test("without the search's own guard on withdrawals, the land desk is not cut below what land's citizens need")
    func landDeskKept() async throws {
        // April, a month of factor 1: in January (×1.25) at 1.3× every desk is past the guard.
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "20"), ("horizon.start", "2024-04-01")]).scalingLoad(by: 1.3)
        var landOnly = scenario
        landOnly.targets = scenario.targets.filter { $0.id == "on-time-land" }
        let search = try await StaffingSearch.run(scenario: landOnly, bounds: [.init(office: "desk-land", low: 1, high: 7)], seed: 2024,
                                                  replications: 3, jobs: 2, guardingWithdrawals: false)
        let desk = try #require(search.solution?["desk-land"])
        let target = try #require(search.finalSummary?.targets.first { $0.id == "on-time-land" })
        let own = try #require(target.ownDesk)
        #expect(!own.trips)
        #expect(own.received >= DeskGuard.minimumReceived)
        // One clerk fewer turns away more than the allowance of land's citizens.
        #expect(search.minimality["desk-land"] == true)
        // The evaluation of one fewer on the most replications (a one-replication screen may pass).
        let fewer = try #require(search.steps.filter { $0.staff["desk-land"] == desk - 1 }.max { $0.replications < $1.replications })
        #expect(fewer.passing == 0, "\(search.steps.map { "\($0.staff) \($0.passing) \($0.replications) \($0.note)" })")
    }
}
