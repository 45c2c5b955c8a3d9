import Foundation
import Testing
@testable import MotCua

/// Shares and their denominators (issue #16 item 7): every share a report prints names what it
/// is of, with the count, and that count is the one printed for the same thing elsewhere.
@Suite("Every share names its denominator")
struct DenominatorTests {
    static func summary(replications: Int) async throws -> ExperimentSummary {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "30")])
        let model = SimulationModel(scenario: scenario)
        let results = try await Experiment.run(model: model, seed: 5, replications: replications, jobs: 2)
        return ExperimentSummary(model: model, seed: 5, results: results)
    }

    /// The count a report row prints after its 38-character label.
    static func count(in line: String) -> Int? {
        let field = line.dropFirst(2 + 38).prefix(10).trimmingCharacters(in: .whitespaces)
        return Int(field.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: ".", with: ""))
    }

    @Test("journey: each share is 'x% of N <what>', N is the count printed for <what>, x is the row's count over N", arguments: [1, 3])
    func journeyShares(replications: Int) async throws {
        let summary = try await DenominatorTests.summary(replications: replications)
        for language in Language.allCases {
            let w = language.words
            // Empty lines kept: the journey's block ends at the first one.
            let lines = TextReport.render(summary, language: language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let start = try #require(lines.firstIndex { $0.hasPrefix(w.journey) })
            let journey = lines[(start + 1)...].prefix { !$0.isEmpty }
            let late = try #require(journey.first { $0.hasPrefix("  " + w.lateDossiers) }.flatMap(DenominatorTests.count))
            let receivedRow = try #require(lines.first { $0.hasPrefix("  " + language.pick("All dossiers", "Tất cả hồ sơ")) })
            let received = try #require(Int(receivedRow.dropFirst(2 + 24).prefix(10).trimmingCharacters(in: .whitespaces)
                                                .replacingOccurrences(of: language.thousandsSeparator, with: "")))
            // Vietnamese writes 1,5% of 5.418 (issue #18), English 1.5% of 5,418.
            let pattern = try Regex("([0-9]+[.,][0-9])% \(w.of) ([0-9.,]+) ([^;]+)")
            var shares = 0
            for line in journey {
                guard let match = line.firstMatch(of: pattern) else { continue }
                shares += 1
                let percent = try #require(Double(String(match.output[1].substring!).replacingOccurrences(of: ",", with: ".")))
                let whole = try #require(Int(String(match.output[2].substring!).replacingOccurrences(of: language.thousandsSeparator, with: "")))
                let noun = String(match.output[3].substring!)
                let part = try #require(DenominatorTests.count(in: line))
                // The printed counts are rounded means: allow for it.
                let slack = 0.05 + 100 * (0.5 / Double(whole)) * (1 + Double(part) / Double(whole))
                #expect(abs(percent - 100 * Double(part) / Double(whole)) <= slack, "\(line)")
                if noun == w.lateNoun { #expect(whole == late, "\(line): late dossiers printed above are \(late)") }
                if noun == w.receivedNoun { #expect(whole == received, "\(line): the field table's received is \(received)") }
            }
            #expect(shares >= 11, "every share of the journey has its named denominator")
            // Apologies are owed for the dossiers past their appointment (docs/model.md §5): the
            // apology shares are of the count printed on that row.
            let pastDue = try #require(journey.first { $0.hasPrefix("  " + w.pastDue) }.flatMap(DenominatorTests.count))
            let apologised = try #require(journey.first { $0.hasPrefix("  " + w.apologisedInTime) })
            #expect(apologised.contains("\(w.of) \(language.numbers.count(pastDue)) \(w.pastDueNoun)"))
        }
    }

    @Test("targets: the verdict's ratio and the printed denominator are the same definition; the apology target is of the dossiers past their appointment")
    func targetDenominators() async throws {
        let summary = try await DenominatorTests.summary(replications: 1)
        var tally = ProcedureTally()
        tally.finishedLate = 7; tally.inProgressOverdue = 3; tally.lateApologisedOnTime = 5; tally.lateNotApologised = 2
        #expect(TargetMeasure.apologyRate.ratio(tally) == 5.0 / 7, "5 apologised in time of the 7 past their appointment")
        let apology = try #require(summary.targets.first { $0.measure == .apologyRate })
        #expect(apology.denominator.mean == Double(summary.overall.tally.pastDue))
        let text = TextReport.render(summary)
        #expect(text.contains("\(Format.percent(apology.estimate.mean))   \(Language.en.words.oneReplication)"))
        #expect(text.contains("of \(Format.count(summary.overall.tally.pastDue)) dossiers past their appointment date"))
        let targets = try #require(CSVReport.tables(summary).first { $0.name == "targets.csv" }).text
        #expect(targets.split(separator: "\n")[0].hasSuffix(",denominator,denominator_mean,gave_up_at_desk,verdict_reason,input_driven,input_driven_kind"))
        #expect(JSONWriter.text(JSONReport.document(summary)).contains("\"counter\": \"pastDue\""))
    }
}
