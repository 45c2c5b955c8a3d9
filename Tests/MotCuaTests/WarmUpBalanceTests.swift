import Foundation
import Testing
@testable import MotCua

/// With a warm-up the run's balance counts every simulated dossier, the tables only those after
/// the warm-up (red-team 2 item 19): the reports show both, labelled, and mark the warm-up days.
@Suite("The dossier balance with a warm-up")
struct WarmUpBalanceTests {
    static let warmUpDays = 5

    static func summary(warmUpDays: Int) async throws -> ExperimentSummary {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/quan-6-2024.json"), overlays: [],
                                               settings: [("horizon.days", "20"), ("horizon.warmUpDays", "\(warmUpDays)")])
        let model = SimulationModel(scenario: scenario)
        let results = try await Experiment.run(model: model, seed: 19, replications: 2, jobs: 2)
        return ExperimentSummary(model: model, seed: 19, results: results)
    }

    @Test("the counted balance is the tables' dossiers, the whole one includes the warm-up, and the text says which is which")
    func countedBalanceMatchesTheTables() async throws {
        let summary = try await Self.summary(warmUpDays: Self.warmUpDays)
        let counted = summary.countedConservation
        let overall = summary.overall.tally
        #expect(counted.isBalanced)
        #expect(counted.received == overall.received)
        #expect(counted.inProgress == overall.inProgressNotDue + overall.inProgressOverdue)
        #expect(summary.conservation.received > counted.received, "the warm-up's arrivals are in the whole balance only")
        #expect(summary.conservation.backlog == counted.backlog)
        for language in Language.allCases {
            let text = TextReport.render(summary, language: language)
            #expect(text.contains(language.balanceAllSimulated), "\(language)")
            #expect(text.contains(language.balanceCounted(Self.warmUpDays)), "\(language)")
            let received = language.numbers.meanCount(summary.countedBalanceMean(\.received).mean, decimals: 1)
            #expect(text.contains("\(language.words.received) \(received) ="), "\(language): counted received \(received)")
            let html = HTMLReport.render(summary, language: language)
            #expect(html.contains(SVGChart.escape(language.balanceAllSimulated)), "\(language)")
        }
    }

    @Test("JSON and CSV carry the counted balance and mark the warm-up days")
    func jsonAndCSVMarkTheWarmUp() async throws {
        let summary = try await Self.summary(warmUpDays: Self.warmUpDays)
        let json = JSONReport.document(summary)
        let conservation = try #require(json["conservation"])
        #expect(conservation["warmUpIncluded"] == .bool(true))
        let countedReceived = try #require(conservation["counted"]?["received"]?.numberValue)
        #expect(countedReceived == json["measures"]?["overall"]?["counts"]?["received"]?.numberValue)
        #expect(conservation["counted"]?["balanced"] == .bool(true))
        guard case .array(let days)? = json["measures"]?["daily"] else { Issue.record("no daily"); return }
        #expect(days.prefix(Self.warmUpDays).allSatisfy { $0["warmUp"] == .bool(true) })
        #expect(days.dropFirst(Self.warmUpDays).allSatisfy { $0["warmUp"] == .bool(false) })
        let daily = try #require(CSVReport.tables(summary).first { $0.name.hasPrefix("daily") }?.text)
        let rows = daily.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        // warm_up, then the refused and withdrawn added after it at the end (review 3 #22).
        #expect(rows.first?.suffix(3) == ["warm_up", "refused", "withdrawn"])
        let warmUp = try #require(rows.first?.firstIndex(of: "warm_up"))
        #expect(rows.dropFirst().prefix(Self.warmUpDays).allSatisfy { $0[warmUp] == "1" })
        #expect(rows.dropFirst(1 + Self.warmUpDays).allSatisfy { $0[warmUp] == "0" })
    }

    @Test("without a warm-up one balance, unlabelled, and no warm-up marks")
    func noWarmUpNoChange() async throws {
        let summary = try await Self.summary(warmUpDays: 0)
        #expect(summary.countedConservation == summary.conservation)
        let text = TextReport.render(summary, language: .en)
        #expect(!text.contains(Language.en.balanceAllSimulated))
        let json = JSONReport.document(summary)
        #expect(json["conservation"]?["counted"] == nil)
        guard case .array(let days)? = json["measures"]?["daily"] else { Issue.record("no daily"); return }
        #expect(days.allSatisfy { $0["warmUp"] == nil })
    }

    @Test("the audit recounts both balances from the log and agrees")
    func auditRecountsBothBalances() async throws {
        let (lines, recount) = try await AuditTests.recount("scenarios/quan-6-2024.json", seed: 23, warmUpDays: Self.warmUpDays, days: 20)
        let balance = lines.filter { $0.place.hasPrefix("conservation") }
        #expect(balance.count == 2 * JSONReport.conservationCounters.count)
        #expect(balance.contains { $0.place == "conservation/counted" })
        #expect(recount.simulated.received > recount.countedBalance.received)
        for line in balance where !line.agrees {
            Issue.record("\(line.place) \(line.count): report \(line.reported.map(String.init) ?? "absent"), recount \(line.recounted)")
        }
    }
}
