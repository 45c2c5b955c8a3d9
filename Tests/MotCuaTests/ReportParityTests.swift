import Foundation
import Testing
@testable import MotCua

/// What the text report shows, the CSV folder, the workbook and the HTML show too, with the
/// same words (an outside review found the journey and Decision 766 only in the text, and an
/// HTML field table whose "late" meant something else than the text's).
@Suite("Report parity: text, HTML, CSV")
struct ReportParityTests {
    static func summary() async throws -> ExperimentSummary {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [
            ("horizon.days", "40"), ("horizon.warmUpDays", "0"),
        ])
        let model = SimulationModel(scenario: scenario)
        return ExperimentSummary(model: model, seed: 5, results: [try await SimulationRun(model: model, seed: 5).run()])
    }

    static func number(_ table: Table, row: Int, column: String) throws -> Double {
        let index = try #require(table.headers.firstIndex(of: column), "\(table.title) has no column \(column)")
        guard case .number(let x) = table.rows[row][index] else { Issue.record("\(column) is not a number"); return .nan }
        return x
    }

    @Test("journey.csv holds the journey's counts, consistent with fields.csv; decision_766.csv every part of the 100 points")
    func journeyAndDecision766() async throws {
        let summary = try await Self.summary()
        let tables = CSVReport.typedTables(summary)
        let journey = try #require(tables.first { $0.title == "journey" })
        let fields = try #require(tables.first { $0.title == "fields" })
        #expect(journey.rows.count == fields.rows.count)
        for row in journey.rows.indices {
            // late = finished late + overdue; past due = in time + late + never apologised.
            let late = try Self.number(journey, row: row, column: "late_mean")
            #expect(late == (try Self.number(fields, row: row, column: "finished_late_mean")) + (try Self.number(fields, row: row, column: "in_progress_overdue_mean")))
            let pastDue = try Self.number(journey, row: row, column: "past_due_mean")
            #expect(pastDue == (try Self.number(journey, row: row, column: "late_apologised_on_time_mean"))
                    + (try Self.number(journey, row: row, column: "late_apologised_late_mean"))
                    + (try Self.number(journey, row: row, column: "late_not_apologised_mean")))
            #expect(pastDue <= late)
        }
        let overall = journey.rows.count - 1
        #expect(try Self.number(journey, row: overall, column: "e_paid_mean") == Double(summary.overall.tally.ePaid))
        let d766 = try #require(tables.first { $0.title == "decision_766" })
        let maximum = try #require(d766.headers.firstIndex(of: "maximum"))
        let total = d766.rows.reduce(0.0) { sum, row in if case .number(let x) = row[maximum] { sum + x } else { sum } }
        #expect(total == 100)
        #expect(d766.rows.count == summary.decision766.count + ScoreComponent.notComputed.count)
    }

    @Test("procedures.csv balances each procedure as the text's table does: received + backlog = refused + withdrawn + finished + open (review 3 #22)")
    func procedureTableBalances() async throws {
        let summary = try await Self.summary()
        let procedures = try #require(CSVReport.typedTables(summary).first { $0.title == "procedures" })
        for row in procedures.rows.indices {
            func n(_ column: String) throws -> Double { try Self.number(procedures, row: row, column: column + "_mean") }
            let entered = try n("received") + n("backlog")
            let left = try n("refused") + n("withdrawn") + n("finished_on_time") + n("finished_late")
                + n("in_progress_not_due") + n("in_progress_overdue")
            #expect(abs(entered - left) < 1e-9, "row \(row): \(entered) entered, \(left) accounted for")
        }
        #expect(procedures.headers.prefix(4) == ["procedure", "name", "name_vi", "received_mean"], "the first columns stay in place")
    }

    @Test("the HTML field table has the text's columns (backlog, refused, withdrawn, fin. late) and the 766 parts not computed")
    func htmlFieldTable() async throws {
        let summary = try await Self.summary()
        for language in [Language.en, .vi] {
            let html = HTMLReport.render(summary, language: language)
            #expect(html.contains(">\(language.finishedLateColumn)</th>"))
            #expect(html.contains(">\(language.backlogColumn)</th>") && html.contains(">\(language.withdrawnColumn)</th>"))
            for part in ScoreComponent.notComputed { #expect(html.contains(language.pick(part.name, part.nameVi))) }
        }
    }

    @Test("the on-time chart marks each field's own threshold when they differ (complaints 95% beside 98%), not one 98% line")
    func chartThresholds() async throws {
        let summary = try await Self.summary()
        let html = HTMLReport.render(summary, language: .vi)
        let start = try #require(html.range(of: "<svg id=\"chart-on-time\""))
        let chart = html[start.lowerBound...]
        let svg = String(chart[..<(try #require(chart.range(of: "</svg>"))).upperBound])
        let marks = svg.components(separatedBy: "class=\"reference\"").count - 1
        let onTime = summary.targets.filter { $0.measure == .onTimeRate }
        let marked = summary.fields.filter { row in onTime.contains { $0.fieldName == row.name || $0.fieldName == nil } }
        #expect(marked.count >= 7 && marks == marked.count)
        #expect(!svg.contains("chỉ tiêu 98%"))
    }
}
