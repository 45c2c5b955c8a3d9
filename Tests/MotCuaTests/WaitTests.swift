import Foundation
import Testing
@testable import MotCua

/// The two waits of an office (issue #16 item 5): the citizen's wait in line and the dossier's
/// wait in the tray are tallied apart, and each figure agrees with the waits it summarises.
@Suite("Waits in line and in the tray")
struct WaitTests {
    /// A short Gò Vấp run with every counted wait collected beside the tallies.
    static func run() async throws -> (SimulationModel, RunResult, [WaitLog.Entry]) {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "15")])
        let model = SimulationModel(scenario: scenario)
        let run = SimulationRun(model: model, seed: 7)
        let log = WaitLog()
        let context = await run.context
        context.waitLog = log
        let result = try await run.run()
        return (model, result, log.entries)
    }

    /// The exact `p`-quantile by nearest rank, as ``LogHistogram`` defines it.
    static func exactQuantile(_ p: Double, of values: [Double]) -> Double {
        let sorted = values.sorted()
        let rank = Swift.min(sorted.count, Swift.max(1, Int((p * Double(sorted.count)).rounded(.up))))
        return sorted[rank - 1]
    }

    @Test("each office's line and tray figures match the waits they summarise: count, mean between min and max, p90 within the histogram's error and ≤ max")
    func eachFigureAgreesWithItsOwnWaits() async throws {
        let (model, result, entries) = try await WaitTests.run()
        var checkedLine = 0, checkedTray = 0
        for office in model.offices {
            let tally = result.offices[Int(office.index)]
            for inPerson in [true, false] {
                let waits = entries.filter { $0.office == office.index && $0.inPerson == inPerson }.map(\.minutes)
                let kind = inPerson ? tally.lineWait : tally.trayWait
                let label = "\(office.id) \(inPerson ? "line" : "tray")"
                #expect(kind.count == waits.count, "\(label): count")
                guard let smallest = waits.min(), let largest = waits.max() else {
                    #expect(kind.p90 == nil, "\(label): no wait, no percentile")
                    continue
                }
                if inPerson { checkedLine += 1 } else { checkedTray += 1 }
                #expect(kind.max == largest, "\(label): max")
                #expect(smallest <= kind.mean && kind.mean <= largest, "\(label): mean \(kind.mean) outside \(smallest)…\(largest)")
                let p90 = try #require(kind.p90)
                let exact = WaitTests.exactQuantile(0.9, of: waits)
                #expect(p90 <= kind.max, "\(label): p90 \(p90) above max \(kind.max)")
                // The histogram reads the middle of a bucket 1/128 of a doubling wide: within 0.4%.
                // Waits below 2⁻¹⁰ minute count as 0.
                let tolerance = Swift.max(exact * 0.004, 1.0 / 1024)
                #expect(abs(p90 - exact) <= tolerance, "\(label): p90 \(p90) vs exact \(exact)")
            }
            // Both kinds together are what the older, mixed figures still report.
            #expect(tally.served == tally.lineWait.count + tally.trayWait.count)
            #expect(tally.waitMax == Swift.max(tally.lineWait.max, tally.trayWait.max))
        }
        #expect(checkedLine > 10 && checkedTray > 10, "the run exercised both kinds at many offices")
    }

    @Test("the line wait is the in-person wait the hourly chart shows: same count, same mean")
    func lineWaitIsTheHourlyChartsWait() async throws {
        let (model, result, _) = try await WaitTests.run()
        for office in model.offices {
            let tally = result.offices[Int(office.index)]
            #expect(tally.waitCountByHour.reduce(0, +) == tally.lineWait.count)
            let hourlySum = tally.waitSumByHour.reduce(0, +)
            #expect(abs(hourlySum - tally.lineWait.sum) <= 1e-6 * Swift.max(1, hourlySum))
        }
    }

    @Test("online dossiers at the land counters wait in the tray, across nights; citizens there wait in line, minutes")
    func landCountersShowTwoDifferentWaits() async throws {
        let (model, result, _) = try await WaitTests.run()
        let land = try #require(model.offices.first { $0.id == "desk-land" })
        let tally = result.offices[Int(land.index)]
        #expect(tally.lineWait.count > 0 && tally.trayWait.count > 0)
        #expect(tally.trayWait.mean > tally.lineWait.mean)
    }

    @Test("every report names the two waits; none prints one figure for both")
    func reportsNameBothWaits() async throws {
        let (model, result, _) = try await WaitTests.run()
        let summary = ExperimentSummary(model: model, seed: 7, results: [result])
        for language in Language.allCases {
            let w = language.words
            let text = TextReport.render(summary, language: language)
            #expect(text.contains(w.inLine) && text.contains(w.inTray) && text.contains(w.inLineNote) && text.contains(w.inTrayNote))
            let html = HTMLReport.render(summary, language: language)
            #expect(html.contains(SVGChart.escape(w.inLine)) && html.contains(SVGChart.escape(w.inTray)))
        }
        let offices = try #require(CSVReport.tables(summary).first { $0.name == "offices.csv" })
        #expect(offices.text.hasPrefix("office,") && offices.text.contains("line_mean_wait_minutes") && offices.text.contains("tray_p90_wait_minutes"))
        let json = JSONWriter.text(JSONReport.document(summary))
        #expect(json.contains("\"lineWait\"") && json.contains("\"trayWait\""))
    }
}
