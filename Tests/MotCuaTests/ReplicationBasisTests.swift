import Foundation
import Testing
@testable import MotCua

/// Counts over several replications (issue #16 item 6): every report gives the mean per
/// replication (one simulated period), with its 95% interval where there is room; a total
/// appears only where it says it is one, and the dossier balance uses the tables' basis.
@Suite("Counts over replications: means per replication, not totals")
struct ReplicationBasisTests {
    static func summary() async throws -> ExperimentSummary {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "10")])
        let model = SimulationModel(scenario: scenario)
        let results = try await Experiment.run(model: model, seed: 3, replications: 3, jobs: 2)
        return ExperimentSummary(model: model, seed: 3, results: results)
    }

    static func mean(_ values: [Int]) -> Double { Double(values.reduce(0, +)) / Double(values.count) }

    @Test("text: the field table, the journey and the balance show means per replication; the balance names the opening backlog")
    func textReport() async throws {
        let summary = try await ReplicationBasisTests.summary()
        let received = ReplicationBasisTests.mean(summary.overall.perReplication.map(\.received))
        #expect(summary.overall.tally.received > 2 * Int(received), "three replications: the total is three means")
        for language in Language.allCases {
            let w = language.words
            let text = TextReport.render(summary, language: language)
            let f = language.numbers
            let lines = text.split(separator: "\n").map(String.init)
            let overallRow = try #require(lines.first { $0.hasPrefix("  " + language.pick("All dossiers", "Tất cả hồ sơ")) })
            #expect(overallRow.contains(f.meanCount(received)))
            #expect(!text.contains(f.count(summary.overall.tally.received)), "no total anywhere")
            let balance = try #require(lines.firstIndex { $0.hasPrefix(w.balance) })
            #expect(lines[balance].contains(w.balanceNote))
            let c = summary.conservationPerReplication
            #expect(lines[balance + 1].hasPrefix("  \(w.backlog) \(f.meanCount(ReplicationBasisTests.mean(c.map(\.backlog)), decimals: 1)) + "
                                                 + "\(w.received) \(f.meanCount(ReplicationBasisTests.mean(c.map(\.received)), decimals: 1)) = "))
            let late = summary.overall.mean(\.late)
            #expect(lines.contains { $0.hasPrefix("  " + Format.pad(w.lateDossiers, 38) + Format.right(f.meanCount(late.mean), 10)
                                                  + "  \(f.meanCount(late.low)) … \(f.meanCount(late.high))") })
        }
    }

    @Test("JSON, CSV and HTML: means per replication with their intervals beside the labelled totals")
    func machineReports() async throws {
        let summary = try await ReplicationBasisTests.summary()
        let received = ReplicationBasisTests.mean(summary.overall.perReplication.map(\.received))
        let json = JSONReport.document(summary)
        guard case .object(let top) = json, case .object(let measures)? = top.first(where: { $0.key == "measures" })?.value,
              case .object(let overall)? = measures.first(where: { $0.key == "overall" })?.value,
              case .object(let perReplication)? = overall.first(where: { $0.key == "perReplication" })?.value,
              case .object(let receivedEstimate)? = perReplication.first(where: { $0.key == "received" })?.value,
              case .object(let conservation)? = top.first(where: { $0.key == "conservation" })?.value,
              case .object(let balance)? = conservation.first(where: { $0.key == "perReplication" })?.value
        else { Issue.record("perReplication missing from the JSON report"); return }
        #expect(receivedEstimate.first { $0.key == "mean" }?.value == .number(received))
        #expect(balance.map(\.key) == ["backlog", "received", "finished", "refused", "withdrawn", "inProgress"])

        let fields = try #require(CSVReport.tables(summary).first { $0.name == "fields.csv" }).text
        let header = fields.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let all = try #require(fields.split(separator: "\n").first { $0.hasPrefix("all,") }).split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "received_mean"))
        #expect(all[column] == CSVReport.number(received))
        #expect(header.contains("received_ci95_low") && !header.contains("received"))

        let hours = try #require(CSVReport.tables(summary).first { $0.name == "desk-hours.csv" }).text.split(separator: "\n")
        #expect(hours[0] == "office,hour,arrivals_mean,mean_wait_in_line_minutes")
        let desk = try #require(summary.offices.first { $0.office.kind == .desk && $0.arrivalsByHour[9] > 0 })
        #expect(hours.contains { $0.hasPrefix("\(desk.office.id),9,\(CSVReport.number(Double(desk.arrivalsByHour[9]) / 3)),") })

        let html = HTMLReport.render(summary)
        #expect(html.contains("<td class=\"num\">\(Format.meanCount(received))</td>"))
        #expect(html.contains(Language.en.words.backlog))
    }
}
