import Foundation
import Testing
@testable import MotCua

/// What the staffing searches say about targets they cannot settle (an outside review, third
/// round: #2 an office outside the search flooded at the very large staff, #9 and #14 verdicts
/// undecided for want of replications, #18 an assumption), raised floors and the one count.
@Suite("Staffing search: targets left out, undecided verdicts, raised floors")
struct StaffingLeftOutTests {
    static let provenance = StaffingDatedAndCountTests.provenance

    /// Late land below 2% on two replications: 0.50% and 1.38% (mean 0.94%, clear of 2%), whose
    /// t-interval (t₁ = 12.7) straddles 2% — review #9's reading.
    static func lateLand(_ values: [Double] = [0.005, 0.0138]) -> TargetResult {
        let estimate = Estimate(values)
        return TargetResult(id: "late-land", label: "Late dossiers in land below 2%", labelVi: nil, measure: .lateRate, fieldName: "Land",
                            fieldNameVi: nil, comparator: .below, threshold: 0.02, estimate: estimate, denominator: estimate,
                            verdict: estimate.high < 0.02 ? .pass : estimate.low >= 0.02 ? .fail : .atRisk, inputDriven: nil, gaveUpAtDesk: nil)
    }

    @Test("a mean clear of the threshold with a straddling interval is undecided, with the replications that would decide it")
    func undecided() throws {
        let land = Self.lateLand()
        #expect(land.verdict == .atRisk)
        let open = try #require(StaffingUndecided.of(land))
        #expect(open.replications == 2 && open.suggested > 2 && open.suggested < StaffingUndecided.suggestionLimit)
        // At the suggested count an interval of the same spread reaches at most half way to 2%.
        let spread = open.halfWidth * 2.0.squareRoot() / Estimate.tQuantile975(degreesOfFreedom: 1)
        func half(_ m: Int) -> Double { Estimate.tQuantile975(degreesOfFreedom: m - 1) * spread / Double(m).squareRoot() }
        #expect(open.suggested >= 5 && half(open.suggested) < open.margin / 2)
        #expect(open.suggested == 5 || half(open.suggested - 1) >= open.margin / 2)
        #expect(open.words.en.hasPrefix("undecided with 2 replications — the interval is ±") && open.words.en.contains("--replications \(open.suggested)"))
        // A mean on the wrong side is no question of replications.
        #expect(StaffingUndecided.of(Self.lateLand([0.019, 0.03])) == nil)
        let left = StaffingSearch.Unreachable(land)
        #expect(left.kind == .undecided && !left.isSettled && left.reason.contains("undecided with 2 replications"), "\(left.reason)")
    }

    @Test("every target missing at the upper bounds only for want of replications: the headline says undecided, never 'no staffing'")
    func undecidedAtTheUpperBounds() throws {
        let undecided = try #require(StaffDocument.onlyUndecided([Self.lateLand()]))
        #expect(undecided.count == 1)
        #expect(StaffDocument.onlyUndecided([Self.lateLand([0.019, 0.03])]) == nil)
        #expect(StaffDocument.onlyUndecided([Self.lateLand(), Self.lateLand([0.019, 0.03])]) == nil)
        // Every asked target left out undecided: the headline does not say no staffing makes it pass.
        let search = Self.search(unreachable: [StaffingSearch.Unreachable(Self.lateLand())])
        let text = DocumentText.render(StaffDocument.document(search, scenario: try StaffingSearchTests.scenario(), asked: ["late-land"],
                                                              provenance: Self.provenance, language: .en))
        #expect(text.contains("The search could not show whether") && text.contains("undecided with 2 replications"), "\(text)")
        #expect(!text.contains("No staffing of the offices searched"))
    }

    @Test("a verdict resting on an assumption is left out naming it, as run does")
    func assumptionNamed() {
        var construction = Self.lateLand([0.97, 0.975])
        construction = construction.noting("10.7 of 15.7 late only because asked to supplement more than once (repeatShare 0.1, assumption)")
        let left = StaffingSearch.Unreachable(construction)
        #expect(left.kind == .assumption && left.isSettled)
        #expect(left.reason.hasPrefix("rests on an assumption, as `motcua run` says: 10.7 of 15.7") && left.reason.contains("repeatShare 0.1"))
    }

    /// λ = 1.5 a minute at a desk (1 minute each, citizens leave after 2 minutes on average) that
    /// passes every dossier to a back office of one (0.8 minutes each, 1.25 a minute at most):
    /// today's single desk officer lets too few through to load the back office; a very large
    /// desk lets all 1.5 through, and the back office's queue grows past the one-day deadline.
    static func flooding() throws -> Scenario {
        try decodeScenario("""
        {
          "name": "A desk in front of a back office",
          "horizon": {"start": "2026-01-05", "days": 10},
          "calendar": {"mode": "always-open"},
          "fields": [{"id": "f", "name": "Field"}],
          "offices": [
            {"id": "desk", "kind": "desk", "level": "district", "name": "Desk", "staff": 1, "patience": {"type": "exponential", "mean": 2}},
            {"id": "back", "kind": "department", "level": "district", "name": "Back office", "staff": 1}
          ],
          "procedures": [{
            "id": "p", "name": "Procedure", "field": "f", "yearlyVolume": 788940, "deadline": {"workingDays": 1},
            "intake": {"office": "desk", "service": {"type": "exponential", "mean": 1}},
            "steps": [{"office": "back", "service": {"type": "exponential", "mean": 0.8}}]
          }],
          "targets": [{"id": "on-time", "label": "On time", "measure": "onTimeRate", "comparator": ">=", "threshold": 0.98}]
        }
        """)
    }

    @Test("a target missing at the very large staff because an office outside the search floods is not 'decided by inputs': it names the office")
    func floodedOfficeNamed() async throws {
        let scenario = try Self.flooding()
        let search = try await StaffingSearch.run(scenario: scenario, bounds: [.init(office: "desk", low: 1, high: 3)], seed: 5,
                                                  replications: 2, jobs: 2)
        let left = try #require(search.unreachable.first { $0.target == "on-time" })
        #expect(left.kind == .flooded && left.flooded == ["back"], "\(left.reason)")
        #expect(left.reason.contains("Back office") && left.reason.contains("add --office back"))
        let text = DocumentText.render(StaffDocument.document(search, scenario: scenario, asked: ["on-time"], provenance: Self.provenance, language: .en))
        #expect(!text.contains("No staffing of the offices searched") && text.contains("could not show"), "\(text)")
        #expect(search.steps.reduce(0) { $0 + $1.simulated } == search.simulatedReplications)
    }

    /// A search answer built by hand: only the report reads it.
    static func search(unreachable: [StaffingSearch.Unreachable] = [], bounds: [StaffingSearch.Bound] = [.init(office: "desk", low: 1, high: 6)],
                       asked: [StaffingSearch.Bound]? = nil, raisedFor: [String: [String]] = [:], solution: [String: Int]? = nil) -> StaffingSearch {
        StaffingSearch(bounds: bounds, solution: solution, initial: Dictionary(uniqueKeysWithValues: bounds.map { ($0.office, $0.low) }), steps: [],
                       finalSummary: nil, guardTarget: nil, unreachable: unreachable, askedBounds: asked ?? bounds, raisedFor: raisedFor,
                       workBounds: [:], firstGuess: [:], largeStaff: [:], minimality: [:], simulatedReplications: 0, storedReplications: 0, outcome: nil)
    }

    @Test("a floor raised above the one asked says why, and the minimality check names the offices it did not check")
    func raisedFloorsAndUncheckedOffices() throws {
        let bounds = [StaffingSearch.Bound(office: "desk", low: 4, high: 10), .init(office: "back", low: 1, high: 8)]
        let search = Self.search(bounds: bounds, asked: [.init(office: "desk", low: 1, high: 10), .init(office: "back", low: 1, high: 8)],
                                 raisedFor: ["desk": ["On time — Certification"]], solution: ["desk": 4, "back": 3])
        let text = DocumentText.render(StaffDocument.document(search, scenario: try StaffingSearchTests.scenario(), asked: [],
                                                              provenance: Self.provenance, language: .en))
        #expect(text.contains("asked from 1, searched from 4, today's staff") && text.contains("On time — Certification"), "\(text)")
        #expect(text.contains("Not checked (at the lower bound of their search, one fewer was not tried): Single queue."), "\(text)")
        let vietnamese = DocumentText.render(StaffDocument.document(search, scenario: try StaffingSearchTests.scenario(), asked: [],
                                                                    provenance: Self.provenance, language: .vi))
        #expect(vietnamese.contains("yêu cầu từ 1, tìm từ 4") && vietnamese.contains("Không kiểm tra"))
    }

    @Test("per unit: a unit missing only by undecided figures is not raised; a raise names its figure; one count; no convergence said first")
    func perUnit() async throws {
        let target = try UnitStaffingSearchTests.scenario().targets[0]
        func reading(_ values: [Double]) -> UnitStaffingSearch.Reading {
            let estimate = Estimate(values)
            return .init(figure: "civil-status", estimate: estimate, verdict: estimate.low >= 0.98 ? .pass : estimate.high < 0.98 ? .fail : .atRisk,
                         gap: estimate.low - 0.98)
        }
        #expect(UnitStaffingSearch.onlyUndecided([reading([0.9933, 0.9934, 0.975])], setAside: [], target: target))
        #expect(!UnitStaffingSearch.onlyUndecided([reading([0.97, 0.99])], setAside: [], target: target))
        #expect(!UnitStaffingSearch.onlyUndecided([reading([0.99, 0.9901])], setAside: [], target: target))

        let search = try await UnitStaffingSearchTests.search(UnitStaffingSearchTests.scenario())
        #expect(search.evaluations == search.rounds.count)
        #expect(search.rounds.reduce(0) { $0 + $1.simulated } == search.simulatedReplications)
        let u07 = try #require(search.units.first { $0.id == "u07" })
        #expect(u07.neededFor?.figure == "civil-status" && u07.neededFor?.verdict != .pass)
        #expect(search.units.filter { $0.change == 0 }.allSatisfy { $0.neededFor == nil })
        let provenance = Self.provenance
        let text = DocumentText.render(UnitStaffDocument.document(search, provenance: provenance, language: .en))
        #expect(text.contains("Search: \(search.rounds.count) evaluations (the table of evaluations"), "\(text)")
        #expect(text.contains("raised for") && text.contains("Civil status "))
        // A unit left undecided is named with the replications that would decide it, and is not "unmet at its limit".
        var units = search.units
        let u = units[0]
        units[0] = .init(id: u.id, name: u.name, nameVi: u.nameVi, group: u.group, kind: u.kind, today: u.today, low: u.low, high: u.high,
                         staff: u.staff, passes: false, worst: u.worst, worstToday: u.worstToday, setAside: u.setAside,
                         oneFewerFails: u.oneFewerFails, oneFewer: u.oneFewer, neededFor: nil,
                         undecided: StaffingUndecided.of(Estimate([0.9933, 0.9934, 0.975]), comparator: .atLeast, threshold: 0.98, verdict: .atRisk))
        let unsettled = UnitStaffingSearch(office: search.office, officeName: search.officeName, officeNameVi: nil, target: search.target,
                                           figures: search.figures, units: units, rounds: search.rounds, reduces: false, settled: false,
                                           distinctStaffings: search.distinctStaffings, simulatedReplications: search.simulatedReplications,
                                           storedReplications: 0, replications: search.replications, screening: search.screening,
                                           confidence: search.confidence, seconds: 1)
        let headline = UnitStaffDocument.document(unsettled, provenance: provenance, language: .en).headline
        #expect(headline.first?.hasPrefix("The search did not converge") == true, "\(headline)")
        #expect(unsettled.unmet.isEmpty)
        #expect(headline.contains { $0.hasPrefix("1 units end undecided with \(search.replications) replications") && $0.contains("--replications") && $0.contains(u.name) },
                "\(headline)")
    }
}
