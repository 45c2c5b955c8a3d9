import Foundation
import Testing
@testable import MotCua

/// Screening several offices in one staffing (issue #20): offices that move no target in common
/// share a staffing and are read on their own targets; a miss no one office explains unpacks them.
@Suite("Staffing search: offices screened together")
struct StaffingPackingTests {
    static func packing() throws -> StaffingPacking {
        var scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [])
        scenario.targets.append(StaffingSearch.withdrawalGuard(baseline: 0.05))
        return StaffingPacking(offices: ["land-branch", "labour-social", "desk-land"],
                               targets: ["late-land", "on-time-labour-social", "guard-withdrawn"], in: scenario)
    }

    /// A missed target result with id `id`.
    static func missed(_ id: String) -> TargetResult {
        let estimate = Estimate([0.5])
        return TargetResult(id: id, label: id, labelVi: nil, measure: .onTimeRate, fieldName: nil, fieldNameVi: nil, comparator: .atLeast,
                            threshold: 0.98, estimate: estimate, denominator: estimate, verdict: .fail, inputDriven: nil, gaveUpAtDesk: nil)
    }

    @Test("offices moving different targets share a staffing; an office moving the same target as one there does not")
    func packs() throws {
        let packing = try Self.packing()
        // The guard on withdrawals moves with every office: it separates nothing.
        #expect(packing.shared == ["guard-withdrawn"])
        #expect(packing.moved["land-branch"] == ["late-land"])
        #expect(packing.pack([("land-branch", 20), ("labour-social", 3), ("desk-land", 5), ("land-branch", 21)]) == [[0, 1], [2], [3]])
    }

    @Test("a packed screen is read per office on its own targets; a shared target's miss says nothing and unpacks them")
    func reads() throws {
        var packing = try Self.packing()
        let offices = ["land-branch", "labour-social"]
        #expect(packing.read([Self.missed("late-land")], offices: offices) == ["land-branch": false, "labour-social": true])
        #expect(packing.read([], offices: offices) == ["land-branch": true, "labour-social": true])
        #expect(packing.read([Self.missed("guard-withdrawn")], offices: offices).isEmpty)
        #expect(packing.alone == Set(offices))
        #expect(packing.pack([("land-branch", 20), ("labour-social", 3)]) == [[0], [1]])
        // Alone, an office's screen is read on every target.
        #expect(packing.read([Self.missed("guard-withdrawn")], offices: ["land-branch"]) == ["land-branch": false])
    }

    @Test("a target left out whose verdict only rests on an assumption is not 'set by an input': staff still move it")
    func restsOnAssumptionIsNotSetByInput() {
        // An outside review's #11 note on construction (late partly by the one-request rule, an
        // assumption) once made the all-office search treat construction as input-driven and
        // halve Urban Management, which serves it.
        let estimate = Estimate([0.97])
        var noted = TargetResult(id: "on-time-construction", label: "On time", labelVi: nil, measure: .onTimeRate, fieldName: "Construction",
                                 fieldNameVi: nil, comparator: .atLeast, threshold: 0.98, estimate: estimate, denominator: estimate,
                                 verdict: .fail, inputDriven: "54 of 82 late only because asked to supplement more than once", gaveUpAtDesk: nil)
        noted.inputDrivenKind = .restsOnAssumption
        #expect(noted.repeatedInput == nil)
        #expect(StaffingSearch.Unreachable(noted).reason == UnreachableWords.restsOnAssumption(noted.inputDriven!, noteVi: noted.inputDriven!, value: 0.97).0)
        noted.inputDrivenKind = .repeatsInput
        #expect(noted.repeatedInput != nil)
        #expect(StaffingSearch.Unreachable(noted).reason == UnreachableWords.inputDriven(noted.inputDriven!).0)
    }
}
