import Foundation
import Testing
@testable import MotCua

/// The daily series agree with the report (review 3 #11, #22): the last day's overdue is the
/// report's overdue count, and every day's row chains to the one before (docs/model.md §7.7).
@Suite("Daily series: the report's overdue rule, rows that chain")
struct DailySeriesTests {
    static func run(_ settings: [(String, String)], load: Double = 1, seed: UInt64 = 5) async throws -> (SimulationModel, RunResult) {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: settings)
            .scalingLoad(by: load)
        let model = SimulationModel(scenario: scenario)
        return (model, try await SimulationRun(model: model, seed: seed).run())
    }

    /// Every row: in progress(t) = in progress(t−1) + received − finished − refused − withdrawn,
    /// from the opening backlog; nil when all rows chain, else the first row that does not.
    static func firstBrokenRow(_ result: RunResult) -> Int? {
        var before = result.conservation.backlog
        for day in result.inProgressPerDay.indices {
            let expected = before + Int(result.receivedPerDay[day]) - Int(result.finishedPerDay[day])
                - Int(result.refusedPerDay[day]) - Int(result.withdrawnPerDay[day])
            if Int(result.inProgressPerDay[day]) != expected || result.withdrawnPerDay[day] < 0 || result.refusedPerDay[day] < 0 { return day }
            before = Int(result.inProgressPerDay[day])
        }
        return nil
    }

    @Test("online dossiers never checked count as overdue every day: the last day equals the report's overdue (review 3 #11)")
    func overdueMatchesTheReport() async throws {
        // The review's case: certification all online at twice the load, so the desk leaves
        // online dossiers unchecked past the deadline counted from their submission.
        let (model, result) = try await Self.run([("horizon.days", "30"), ("procedures.certify-copy.online", "1")], load: 2)
        #expect(model.scenario.horizon.warmUpDays == 0)
        let reportOverdue = result.procedures.reduce(0) { $0 + $1.inProgressOverdue }
        let unchecked = result.procedures.reduce(0) { $0 + $1.awaitingDeskCheckOverdue }
        #expect(unchecked > 100)
        #expect(Int(try #require(result.overduePerDay.last)) == reportOverdue)
        // The summary (the CSV's and the HTML chart's series) carries the same figure.
        let summary = ExperimentSummary(model: model, seed: 5, results: [result])
        #expect(try #require(summary.daily.last).overdue == Double(reportOverdue))
        #expect(Self.firstBrokenRow(result) == nil)
    }

    @Test("daily.csv's rows chain with refused and withdrawn, every day of a Gò Vấp year (review 3 #22)")
    func rowsChainOverAYear() async throws {
        // The full year under MOTCUA_LONG_TESTS=1; by default its first 120 days (Tết included).
        let days = LongTests.enabled ? "366" : "120"
        let (model, result) = try await Self.run([("horizon.days", days)])
        #expect(result.refusedPerDay.reduce(0) { $0 + Int($1) } == result.conservation.refused)
        #expect(result.withdrawnPerDay.reduce(0) { $0 + Int($1) } == result.conservation.withdrawn)
        #expect(result.conservation.refused > 0 && result.conservation.withdrawn > 0)
        #expect(Self.firstBrokenRow(result) == nil)
        // The CSV's last two columns are those counts.
        let summary = ExperimentSummary(model: model, seed: 5, results: [result])
        let daily = try #require(CSVReport.tables(summary).first { $0.name == "daily.csv" }).text.split(separator: "\n")
        #expect(daily[0].hasSuffix(",refused,withdrawn"))
        let second = daily[2].split(separator: ",")
        #expect(second.suffix(2).map(String.init) == [String(result.refusedPerDay[1]), String(result.withdrawnPerDay[1])])
    }
}
