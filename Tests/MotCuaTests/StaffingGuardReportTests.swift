import Foundation
import Testing
@testable import MotCua

/// The staffing report where the desk guard holds a verdict (docs/model.md §7.6, §7.8): an
/// undecided verdict names the guard's straddling interval, not the target's own; the data
/// outputs keep the gap a number and name the guard in a column of its own.
@Suite("Staffing report: the desk guard in undecided verdicts and the gap column")
struct StaffingGuardReportTests {
    /// Late land below 2% on two replications, 0.78% and 0.82% — an interval clear of 2% —
    /// held AT RISK by land's own desk-guard share, 2.0% and 4.6% of 600 in person: its
    /// interval (0.0% … 19.8%) straddles 10%, its mean 3.3% within it.
    static func heldLand() -> TargetResult {
        let estimate = Estimate([0.0078, 0.0082])
        var land = TargetResult(id: "late-land", label: "Late dossiers in land below 2%", labelVi: nil, measure: .lateRate, fieldName: "Land",
                                fieldNameVi: "Đất đai", comparator: .below, threshold: 0.02, estimate: estimate, denominator: estimate,
                                verdict: .atRisk, inputDriven: nil, gaveUpAtDesk: 0.01)
        let share = Estimate([0.02, 0.046]).clamped(to: 0...1)
        land.ownDesk = DeskGuard.Own(share: share.mean, gaveUp: 19.8, received: 600, judgement: DeskGuard.Judgement(share: share, verdict: .atRisk))
        land.scenarioDesk = DeskGuard.Judgement(share: Estimate([0.009, 0.011]), verdict: .pass)
        return land
    }

    @Test("an own desk-guard share straddling 10% makes the verdict undecided naming the guard and its interval, not the target's")
    func undecidedByTheGuard() throws {
        let land = Self.heldLand()
        #expect(land.estimate.high < 0.02 && land.heldByDeskGuard)
        let open = try #require(StaffingUndecided.of(land))
        #expect(open.deskGuard?.field == "Land" && open.replications == 2)
        let interval = DeskGuard.Judgement(share: Estimate([0.02, 0.046]).clamped(to: 0...1), verdict: .atRisk).shown(Language.en.numbers)
        #expect(open.words.en == "undecided: land's own desk guard \(interval) straddles 10% at 2 replications; run --replications \(open.suggested) (or auto)",
                "\(open.words.en)")
        #expect(interval.hasPrefix("3.3% (0.0% … "))
        // The suggestion is the guard share's: at it an interval of the same spread reaches at most half way to 10%.
        let spread = open.halfWidth * 2.0.squareRoot() / Estimate.tQuantile975(degreesOfFreedom: 1)
        #expect(Estimate.tQuantile975(degreesOfFreedom: open.suggested - 1) * spread / Double(open.suggested).squareRoot() < open.margin / 2)
        #expect(abs(open.margin - (0.10 - 0.033)) < 1e-9)
        #expect(open.words.vi.contains("ràng buộc một cửa riêng của lĩnh vực Đất đai") && open.words.vi.contains("vắt qua ngưỡng 10%"))
        // Left out undecided (not "the desk guard fails it"), with the same words.
        let left = StaffingSearch.Unreachable(land)
        #expect(left.kind == .undecided && !left.isSettled && left.reason == open.words.en, "\(left.reason)")
        // A guard share whose mean is above 10% is no question of replications.
        var over = land
        let high = Estimate([0.09, 0.13])
        over.ownDesk = DeskGuard.Own(share: high.mean, gaveUp: 66, received: 600, judgement: DeskGuard.Judgement(share: high, verdict: .atRisk))
        #expect(StaffingUndecided.of(over) == nil)
    }

    @Test("the headline of a search ending undecided on the guard names the guard's interval")
    func headlineNamesTheGuard() throws {
        let undecided = try #require(StaffDocument.onlyUndecided([Self.heldLand()]))
        let words = undecided[0].1.words.en
        #expect(words.contains("land's own desk guard 3.3% (0.0% … ") && !words.contains("the interval is ±"))
        let search = StaffingLeftOutTests.search(unreachable: [StaffingSearch.Unreachable(Self.heldLand())])
        let text = DocumentText.render(StaffDocument.document(search, scenario: try StaffingSearchTests.scenario(), asked: ["late-land"],
                                                              provenance: StaffingLeftOutTests.provenance, language: .en))
        let headline = text.components(separatedBy: "\n\n")[0].replacingOccurrences(of: "\n  ", with: " ")
        #expect(headline.contains("land's own desk guard 3.3% (0.0% … ") && headline.contains("straddles 10% at 2 replications"), "\(headline)")
        #expect(!headline.contains("the interval is ±"))
    }

    @Test("the data outputs keep the gap a number, empty where the guard holds the row, and name the guard in held_by")
    func gapColumnSplit() throws {
        let held = DeskGuard.Judgement(share: Estimate([0.346, 0.354]), verdict: .fail)
        func step(_ staff: Int, _ guarded: DeskGuard.Judgement?) -> StaffingSearch.Step {
            StaffingSearch.Step(staff: ["desk": staff], passing: 1, worstGap: 0.0182, note: "lower bounds", replications: 2,
                                simulated: 2, judged: 2, deskGuard: guarded)
        }
        let bounds = [StaffingSearch.Bound(office: "desk", low: 1, high: 6)]
        let search = StaffingSearch(bounds: bounds, solution: ["desk": 3], initial: ["desk": 3], steps: [step(2, held), step(3, nil)],
                                    finalSummary: nil, guardTarget: nil, unreachable: [], askedBounds: bounds, raisedFor: [:],
                                    workBounds: [:], firstGuess: [:], largeStaff: [:], minimality: ["desk": true],
                                    simulatedReplications: 4, storedReplications: 0, outcome: nil)
        let document = StaffDocument.document(search, scenario: try StaffingSearchTests.scenario(), asked: [],
                                              provenance: StaffingLeftOutTests.provenance, language: .en)
        let guardText = "desk guard " + held.shown(Language.en.numbers) + " > 10%"
        for id in ["evaluations", "one_fewer"] {
            let data = try #require(document.tables.first { $0.id == id && !$0.displayOnly })
            let gap = try #require(data.columns.firstIndex { $0.key == "worst_gap" })
            let heldBy = try #require(data.columns.firstIndex { $0.key == "held_by" })
            for row in data.rows {
                // Every cell of the gap column a number or empty, never text.
                if case .text = row[gap] { Issue.record("\(id): text in the gap column: \(row[gap])") }
            }
            let heldRow = try #require(data.rows.first { if case .text(let t) = $0[heldBy] { t == guardText } else { false } }, "\(id)")
            if case .empty = heldRow[gap] {} else { Issue.record("\(id): the held row's gap is \(heldRow[gap])") }
        }
        // The free row keeps its number and no holder.
        let evaluations = try #require(document.tables.first { $0.id == "evaluations" && !$0.displayOnly })
        if case .value(let v, _) = evaluations.rows[1][evaluations.columns.firstIndex { $0.key == "worst_gap" }!] { #expect(v == 0.0182) }
        else { Issue.record("the free row's gap is no number") }
        #expect({ if case .empty = evaluations.rows[1].last! { true } else { false } }())
        // Text and page keep the merged cell, and no held_by column.
        let text = DocumentText.render(document)
        #expect(text.components(separatedBy: "\n").filter { $0.contains(guardText) }.count == 2, "\(text)")
        #expect(!text.contains("held by"))
        // The CSV: the header has both columns, the held row an empty gap.
        let csv = try #require(DocumentTables.tables(document, inLanguage: false).first { $0.title == "evaluations" })
        #expect(csv.headers.contains("worst_gap") && csv.headers.last == "held_by", "\(csv.headers)")
    }
}
