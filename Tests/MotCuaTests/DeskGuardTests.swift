import Foundation
import Testing
@testable import MotCua

/// The red-team review's items 2, 3, 6 and 19: a collapsing desk must not pass its on-time
/// targets, the dossiers still queued at the end must be counted alike everywhere, a Decision 766
/// part with nothing to divide by is not computed, and the dossier log agrees with the report.
@Suite("Desk guard and the counts at the end of the horizon")
struct DeskGuardTests {
    /// One replication of Gò Vấp 2024 over `days` at `load`, with its dossier log read back.
    static func goVap(load: Double, days: Int) async throws -> (ExperimentSummary, RunResult, [[String: String]]) {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "\(days)")]).scalingLoad(by: load)
        let model = SimulationModel(scenario: scenario)
        let path = NSTemporaryDirectory() + "motcua-deskguard-\(getpid())-\(UUID().uuidString).csv"
        defer { unlink(path) }
        let log = try DossierLog(path: path, start: scenario.horizon.start)
        let result = try await SimulationRun(model: model, seed: 2024, log: log).run()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        // The columns read here come before the first free-text one, so a plain split is exact.
        let rows = lines.dropFirst().map { cells in
            Dictionary(uniqueKeysWithValues: zip(header, cells).prefix(17).map { ($0, $1) })
        }
        return (ExperimentSummary(model: model, seed: 2024, results: [result]), result, rows)
    }

    @Test("the share is over the citizens who came in person: online and postal dossiers never queue at a desk")
    func inPersonDenominator() {
        // An outside review: the city at 1.5×, 68% online, showed 9.2% "of citizens" while 28.6%
        // of those in the desks' lines could not file.
        var tally = ProcedureTally()
        tally.received = 1_000
        tally.online = 600
        tally.postal = 100
        tally.gaveUpAtDesk = 75
        #expect(tally.receivedInPerson == 300)
        #expect(DeskGuard.share(tally) == 0.25)
        #expect(DeskGuard.trips(DeskGuard.share(tally)!))
        tally.online = 900
        tally.postal = 100
        #expect(DeskGuard.share(tally) == nil)
    }

    @Test("Gò Vấp at 3× its load for 10 days fails its on-time and late targets, with the reason; at 1× nothing is failed by the guard")
    func collapseFails() async throws {
        let (overloaded, _, _) = try await Self.goVap(load: 3, days: 10)
        let guarded = overloaded.targets.filter { DeskGuard.guards($0.measure) }
        #expect(!guarded.isEmpty)
        #expect(guarded.allSatisfy { $0.verdict == .fail && $0.failedByDeskGuard })
        // The rates themselves stay as the portal defines them: high.
        #expect(guarded.contains { $0.measure == .onTimeRate && $0.estimate.mean > 0.98 })
        let share = try #require(overloaded.gaveUpAtDeskShare)
        #expect(share > 0.3)
        let text = TextReport.render(overloaded)
        #expect(text.contains("of the citizens who came to a desk could not file there: the desk cannot serve this load"))
        #expect(text.contains("Desk guard:"))
        let json = JSONReport.document(overloaded)
        #expect(json["deskGuard"]?["allowance"]?.numberValue == DeskGuard.allowance)
        // The unstable list names the district land desk: fully busy, its citizens giving up.
        let land = try #require(overloaded.offices.first { $0.office.id == "desk-land" })
        #expect(land.isUnstable)

        let (today, _, _) = try await Self.goVap(load: 1, days: 10)
        #expect(today.targets.allSatisfy { !$0.failedByDeskGuard })
        #expect((today.gaveUpAtDeskShare ?? 1) < DeskGuard.allowance)
    }

    @Test("the dossiers in progress at the end are the same in the daily series, the balance and the log's own recount")
    func endCountsAgree() async throws {
        let (summary, result, rows) = try await Self.goVap(load: 3, days: 10)
        let inProgressRows = rows.filter { $0["status"] == "in progress" }.count
        #expect(inProgressRows == result.conservation.inProgress)
        #expect(Int(result.inProgressPerDay.last ?? -1) == result.conservation.inProgress)
        #expect(Int(summary.daily.last?.inProgress ?? -1) == inProgressRows)
        // No dossier is booked withdrawn at the very end of the horizon.
        #expect(!rows.contains { $0["status"] == "withdrawn" && $0["finished"] == "11/01/2024 00:00" })
        // Every row is one dossier of the balance.
        let c = result.conservation
        #expect(rows.count == c.backlog + c.received)
        #expect(rows.filter { $0["status"] == "withdrawn" }.count == c.withdrawn)
    }

    @Test("the log's fee_paying rows are the report's fee-paying dossiers: the opening backlog is not among them")
    func logFeePayingAgrees() async throws {
        let (summary, _, rows) = try await Self.goVap(load: 1, days: 10)
        #expect(summary.overall.tally.backlog > 0)
        #expect(!rows.contains { $0["backlog"] == "1" && $0["fee_paying"] == "1" })
        let counted = rows.filter { $0["counted"] == "1" && $0["fee_paying"] == "1" }.count
        #expect(counted == summary.overall.tally.feePaying)
    }

    @Test("a Decision 766 part with a denominator of 0 is not computed, with the reason, not 0 points")
    func decision766ZeroDenominator() throws {
        var tally = ProcedureTally()
        tally.received = 10
        tally.accepted = 8
        tally.finishedOnTime = 8
        let parts = ScoreComponent.compute(tally)
        let payment = try #require(parts.first { $0.id == "online-payment" })
        #expect(payment.notComputed?.en.contains("no fee-paying dossiers") == true)
        #expect(parts.first { $0.id == "data-reuse" }?.notComputed != nil)
        #expect(parts.first { $0.id == "progress" }?.notComputed == nil)
        tally.feePaying = 4
        #expect(ScoreComponent.compute(tally).first { $0.id == "online-payment" }?.notComputed == nil)
    }
}
