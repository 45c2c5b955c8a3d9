import Foundation
import Testing
@testable import MotCua

/// The text report's per-procedure table (the HTML report and procedures.csv had one already).
@Suite("The text report's per-procedure table")
struct ProcedureSectionTests {
    static func summary() async throws -> ExperimentSummary {
        let model = SimulationModel(scenario: try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                                                      settings: [("horizon.days", "20")]))
        let results = try await Experiment.run(model: model, seed: 1, replications: 1, jobs: 2)
        return ExperimentSummary(model: model, seed: 1, results: results)
    }

    @Test("every procedure with its received, finished, late, overdue and on-time rate, in both languages")
    func everyProcedure() async throws {
        let summary = try await Self.summary()
        for language in Language.allCases {
            let text = TextReport.render(summary, language: language)
            let words = language.procedureWords
            let start = try #require(text.range(of: words.title + "  "), "\(language): no \(words.title)")
            let section = String(text[start.lowerBound...]).components(separatedBy: "\n\n").first ?? ""
            for row in summary.procedures {
                let name = language.pick(row.name, row.nameVi)
                #expect(section.contains(String(name.prefix(20))), "\(language): \(name) missing")
            }
            let land = try #require(summary.procedures.first { $0.id == "land-change" } ?? summary.procedures.first)
            let figures = language.numbers.meanCount(land.mean(\.received).mean) + " "
            #expect(section.contains(figures), "\(language): the received count \(figures)")
            #expect(section.contains(language.numbers.percent(land.onTimeRate.mean)), "\(language): the on-time rate")
        }
    }

    @Test("many procedures: only those with the lowest on-time rate, and a line saying where the rest are")
    func compactWhenMany() async throws {
        let summary = try await Self.summary()
        #expect(summary.procedures.count > ProcedureReport.shownOfMany)
        let lines = ProcedureReport.text(summary, language: .en, allUpTo: 5)
        let rates = summary.procedures.map(\.onTimeRate.mean).filter { !$0.isNaN }.sorted()
        // Rows: after the title and the header, neither a wrapped name's second line nor the closing note.
        let shown = lines.dropFirst(2).filter { !$0.isEmpty && !$0.hasPrefix("    ") && !$0.hasPrefix("  (") }
        #expect(shown.count == ProcedureReport.shownOfMany, "\(lines.joined(separator: "\n"))")
        let worst = try #require(summary.procedures.first { $0.onTimeRate.mean == rates.first })
        #expect(shown.first?.hasPrefix("  " + String(worst.name.prefix(20))) == true, "lowest on-time rate first")
        #expect(lines.contains { $0.contains("the \(ProcedureReport.shownOfMany) of \(summary.procedures.count) procedures") })
    }
}
