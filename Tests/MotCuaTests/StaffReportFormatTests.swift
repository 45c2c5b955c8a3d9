import Foundation
import Testing
@testable import MotCua

/// The staff report writes shares in its language (13,58% in Vietnamese, as the rest of the page
/// writes 1,30×), and does not state a minimality check it did not make (red-team 2 item 22).
@Suite("Staff report: numbers in the report's language, and a vacuous minimality check said so")
struct StaffReportFormatTests {
    @Test("the guard's label and the unreachable reasons write shares with a decimal comma in Vietnamese")
    func sharesInTheLanguage() {
        let guardTarget = StaffingSearch.withdrawalGuard(baseline: 0.1258)
        #expect(guardTarget.labelVi?.contains("≤ 13,58% (hiện nay 12,58% + 1 điểm %)") == true, "\(guardTarget.labelVi ?? "")")
        #expect(guardTarget.label.contains("≤ 13.58% (now 12.58% + 1 point)"), "\(guardTarget.label)")
        for reasons in [UnreachableWords.failsWhenLarge(0.0103), UnreachableWords.straddlesWhenLarge(0.0103)] {
            #expect(reasons.0.contains("1.03%") && !reasons.0.contains("1,03%"), "\(reasons.0)")
            #expect(reasons.1.contains("1,03%") && !reasons.1.contains("1.03%"), "\(reasons.1)")
        }
    }

    @Test("a search whose every office stays at its lower bound says the minimality check was not applicable, in both languages")
    func vacuousMinimality() async throws {
        // The desk needs 2 (StaffingSearchTests); searched from today's 3, it stays at 3, its lower bound.
        let scenario = try StaffingSearchTests.scenario()
        let search = try await StaffingSearch.run(scenario: scenario, bounds: [.init(office: "desk", low: 3, high: 6)],
                                                  seed: 7, replications: 3, jobs: 2)
        #expect(search.solution?["desk"] == 3)
        let provenance = Provenance(scenarioName: "t", scenarioNameVi: nil, file: "t.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 7, replications: 3, warmUpDays: 0, produced: try #require(CivilDate(year: 2026, month: 11, day: 30)))
        let english = DocumentText.render(StaffDocument.document(search, scenario: scenario, asked: [], provenance: provenance, language: .en))
        #expect(english.contains("Minimality check: not applicable"), "\(english)")
        #expect(!english.contains("Minimality check: with one fewer"))
        let vietnamese = DocumentText.render(StaffDocument.document(search, scenario: scenario, asked: [], provenance: provenance, language: .vi))
        #expect(vietnamese.contains("Kiểm tra tối thiểu: không áp dụng"))
        #expect(!vietnamese.contains("thì có chỉ tiêu không đạt"))
    }
}
