import Foundation
import Testing
@testable import MotCua

/// The UNSTABLE OFFICES section lists an office saturated all along, whose queue no longer grows
/// (red-team 2 item 25: Dĩ An ward's office, 100% busy with 611 waiting at the end of the city year).
@Suite("Unstable offices: saturated all along")
struct UnstableOfficeTests {
    /// One officer working 24 hours a day at exactly 60 minutes a dossier (24 a day), `perDay`
    /// dossiers a day arriving, and `backlog` dossiers already waiting for the officer on day 1.
    static func scenario(perDay: Double, backlog: Int) -> String {
        """
        {
          "name": "Saturated officer",
          "horizon": {"start": "2024-01-01", "days": 20},
          "calendar": {"mode": "always-open"},
          "fields": [{"id": "civil-status", "name": "Civil status"}],
          "offices": [
            {"id": "desk", "kind": "desk", "level": "ward", "name": "Desk", "staff": 4},
            {"id": "officer", "kind": "department", "level": "ward", "name": "Officer", "staff": 1}
          ],
          "procedures": [{
            "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": \(perDay * 365),
            "deadline": {"workingDays": 3},
            "intake": {"office": "desk", "service": {"type": "deterministic", "value": 1}},
            "steps": [{"office": "officer", "service": {"type": "deterministic", "value": 60}}]
          }],
          "backlog": [{"procedure": "birth", "count": \(backlog), "step": 1}],
          "targets": [{"id": "t", "label": "On time", "measure": "onTimeRate", "field": "*", "comparator": ">=", "threshold": 0.98}]
        }
        """
    }

    static func summary(perDay: Double, backlog: Int) async throws -> ExperimentSummary {
        let model = SimulationModel(scenario: try decodeScenario(scenario(perDay: perDay, backlog: backlog)))
        let results = try await Experiment.run(model: model, seed: 25, replications: 2, jobs: 2)
        return ExperimentSummary(model: model, seed: 25, results: results)
    }

    @Test("busy all along with 300 waiting from day 1 and a queue that shrinks slowly: listed as saturated, and the section says why")
    func saturatedWithoutGrowthIsListed() async throws {
        // 21.6 a day against a capacity of 24: the work on hand exceeds what the officer can do
        // in the horizon from day 1, yet the queue shrinks by about 2.4 a day.
        let summary = try await Self.summary(perDay: 21.6, backlog: 300)
        let officer = try #require(summary.offices.first { $0.office.id == "officer" })
        #expect(officer.queueGrowthPerDay <= 0.5, "the growth rule alone would miss it: \(officer.queueGrowthPerDay)")
        #expect(officer.utilization.mean >= OfficeResult.saturatedUtilization && officer.queueAtEnd.mean > 100,
                "\(officer.utilization.mean) busy, \(officer.queueAtEnd.mean) waiting")
        #expect(officer.isSaturated && officer.isUnstable)
        #expect(summary.offices.first { $0.office.id == "desk" }?.isUnstable == false)
        for language in Language.allCases {
            let text = TextReport.render(summary, language: language)
            let section = text.components(separatedBy: language.words.unstable).dropFirst().first ?? ""
            #expect(section.contains(language.unstableSaturatedNote(language.numbers.percent(OfficeResult.saturatedUtilization, 0))), "\(language)")
            #expect(section.contains("  Officer"), "\(language): \(section.prefix(600))")
        }
        guard case .array(let offices)? = JSONReport.document(summary)["measures"]?["offices"] else { Issue.record("no offices"); return }
        #expect(offices.contains { $0["id"] == .string("officer") && $0["unstable"] == .bool(true) })
        // The page and the tables say it too (review 3 #19): a section of its own, a column.
        let section = RunSections.sections(summary, language: .en).first { $0.id == "unstable-offices" }
        let table = section?.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }.first
        #expect(table?.rows.count == 1)
        let csv = try #require(CSVReport.tables(summary).first { $0.name == "offices.csv" }).text
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",unstable") == true)
        #expect(lines.dropFirst().contains { $0.hasPrefix("officer,") && $0.hasSuffix(",1") })
        #expect(lines.dropFirst().contains { $0.hasPrefix("desk,") && $0.hasSuffix(",0") })
    }

    @Test("an office whose arrivals exceed its capacity from day 1 is listed; one with spare capacity is not")
    func overloadedListedIdleNot() async throws {
        let overloaded = try await Self.summary(perDay: 30, backlog: 0)
        #expect(overloaded.offices.first { $0.office.id == "officer" }?.isUnstable == true)
        let spare = try await Self.summary(perDay: 12, backlog: 0)
        let officer = try #require(spare.offices.first { $0.office.id == "officer" })
        #expect(!officer.isUnstable && !officer.isSaturated, "\(officer.utilization.mean) busy")
        #expect(!TextReport.render(spare, language: .en).contains(Language.en.words.unstable))
    }
}
