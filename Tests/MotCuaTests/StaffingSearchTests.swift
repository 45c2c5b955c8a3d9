import Foundation
import Testing
@testable import MotCua

/// The staffing search answers from offered work and bisection, leaves out what staffing cannot
/// reach, and its answer is minimal (issue #20).
@Suite("Staffing search: unreachable targets, bounds and minimality")
struct StaffingSearchTests {
    /// M/M/c at λ = 1.5 a minute, μ = 1: on time ≥ 98% (reachable) and online ≥ 50% (mm1 has no
    /// online channel: no staffing changes it).
    static func scenario() throws -> Scenario {
        let targets = #"[{"id": "on-time", "label": "On time", "measure": "onTimeRate", "comparator": ">=", "threshold": 0.98},"#
            + #"{"id": "online", "label": "Online", "measure": "onlineRate", "comparator": ">=", "threshold": 0.5}]"#
        return try ScenarioLoader.load(path: Repository.path("scenarios/validation/mm1.json"), overlays: [], settings: [
            ("offices.desk.staff", "3"),
            ("offices.desk.patience", #"{"type": "exponential", "mean": 5}"#),
            ("procedures.customer.yearlyVolume", "788940"),
            ("horizon.days", "4"),
            ("targets", targets),
        ])
    }

    @Test("a target no staffing reaches is reported with its reason; the search answers for the rest, minimally")
    func unreachableLeftOut() async throws {
        let bounds = [StaffingSearch.Bound(office: "desk", low: 1, high: 6)]
        let search = try await StaffingSearch.run(scenario: Self.scenario(), bounds: bounds, seed: 7, replications: 3, jobs: 2)
        #expect(search.unreachable.map(\.target) == ["online"])
        #expect(search.unreachable.first?.reason.isEmpty == false)
        let desk = try #require(search.solution?["desk"])
        // Offered work is 1.5 staff: the bound from work is 2, and the guard needs at least 2.
        #expect(search.workBounds["desk"] == 2)
        #expect(desk >= 2)
        #expect(search.minimality["desk"] == true)
        // Minimal indeed: one fewer does not pass the reachable targets, with the same replications.
        let again = try await StaffingSearch.run(scenario: Self.scenario(), bounds: [.init(office: "desk", low: desk - 1, high: desk - 1)],
                                                 seed: 7, replications: 3, jobs: 1)
        #expect(again.solution == nil)
        #expect(search.evaluations > 0 && search.simulatedReplications > 0)
    }

    @Test("the answer and its evaluations do not depend on the jobs")
    func coreIndependent() async throws {
        let bounds = [StaffingSearch.Bound(office: "desk", low: 1, high: 6)]
        let one = try await StaffingSearch.run(scenario: Self.scenario(), bounds: bounds, seed: 3, replications: 3, jobs: 1)
        let two = try await StaffingSearch.run(scenario: Self.scenario(), bounds: bounds, seed: 3, replications: 3, jobs: 2)
        #expect(one.solution == two.solution)
        #expect(one.steps.map(\.note) == two.steps.map(\.note))
        #expect(one.evaluations == two.evaluations)
    }
}
