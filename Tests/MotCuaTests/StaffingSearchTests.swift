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

/// The sweep's break loads by bisection (issue #20).
@Suite("Load sweep: break loads by bisection")
struct BreakLoadTests {
    @Test("each target's break load is bracketed to the tolerance, between a passing and a failing load")
    func bisected() async throws {
        let target = #"[{"id": "gave-up", "label": "Gave up", "measure": "withdrawnRate", "comparator": "<=", "threshold": 0.05}]"#
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/validation/mm1.json"), overlays: [], settings: [
            ("offices.desk.staff", "2"),
            ("offices.desk.patience", #"{"type": "exponential", "mean": 5}"#),
            ("horizon.days", "3"),
            ("targets", target),
        ])
        let sweep = try await LoadSweep.run(scenario: scenario, loads: [0.5, 1.5, 2.5], seed: 11, replications: 3, jobs: 2, tolerance: 0.05)
        let found = try #require(sweep.breakLoads.first)
        #expect(found.notPassing - found.passing <= 0.05)
        #expect(found.passing >= 0.5 && found.notPassing <= 2.5 && found.passing < found.notPassing)
        #expect(found.evaluations > 0)
        // The loads found agree with their own evaluations.
        let atPassing = sweep.bisectionPoints.first { $0.load == found.passing } ?? sweep.points.first { $0.load == found.passing }
        #expect(atPassing?.summary.targets[0].verdict == .pass)
    }
}
