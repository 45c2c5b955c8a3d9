import Foundation
import Testing
@testable import MotCua

/// The staffing search never proposes a scenario `validate` refuses, and cannot buy the on-time
/// rate by letting citizens give up (issue #15, case 14).
@Suite("Staffing search: valid proposals and citizens who give up")
struct StaffingGuardTests {
    /// M/M/c at λ = 1.5 a minute, μ = 1, 3 staff, citizens who leave after about 5 minutes in line,
    /// and one target that only looks at the dossiers that stay: on time ≥ 98%.
    static func impatientQueue() throws -> Scenario {
        let target = #"[{"id": "on-time", "label": "On time", "measure": "onTimeRate", "comparator": ">=", "threshold": 0.98}]"#
        return try ScenarioLoader.load(path: Repository.path("scenarios/validation/mm1.json"), overlays: [], settings: [
            ("offices.desk.staff", "3"),
            ("offices.desk.patience", #"{"type": "exponential", "mean": 5}"#),
            ("procedures.customer.yearlyVolume", "788940"),
            ("horizon.days", "4"),
            ("targets", target),
        ])
    }

    @Test("the share withdrawn is over the dossiers received and in the opening backlog")
    func withdrawnRate() {
        var tally = ProcedureTally()
        tally.received = 90
        tally.backlog = 10
        tally.withdrawn = 5
        #expect(TargetMeasure.withdrawnRate.ratio(tally) == 0.05)
    }

    @Test("a lower bound of 0 staff at an office that serves a step is refused before any run")
    func zeroStaffRefused() throws {
        let scenario = try Self.impatientQueue()
        let problem = StaffingSearch.problem(bounds: [.init(office: "desk", low: 0, high: 3)], in: scenario)
        #expect(problem?.contains("at least 1 staff member") == true)
        #expect(StaffingSearch.problem(bounds: [.init(office: "desk", low: 1, high: 3)], in: scenario) == nil)
        #expect(StaffingSearch.problem(bounds: [.init(office: "desk", low: 4, high: 3)], in: scenario) != nil)
    }

    @Test("one clerk whose citizens give up fails the on-time target by the desk guard even without the search's guard; with it, the search keeps enough staff")
    func guardKeepsCitizens() async throws {
        let scenario = try Self.impatientQueue()
        let bounds = [StaffingSearch.Bound(office: "desk", low: 1, high: 3)]
        let unguarded = try await StaffingSearch.run(scenario: scenario, bounds: bounds, seed: 7, replications: 3, jobs: 2,
                                                     guardingWithdrawals: false)
        // Before the desk guard (docs/model.md §7.6) one clerk passed here, the on-time rate
        // leaving out the citizens who gave up; now more than 10% giving up fails it.
        #expect((unguarded.solution?["desk"] ?? 0) >= 2)
        #expect(unguarded.guardTarget == nil)
        let guarded = try await StaffingSearch.run(scenario: scenario, bounds: bounds, seed: 7, replications: 3, jobs: 2)
        let target = try #require(guarded.guardTarget)
        #expect(target.measure == .withdrawnRate)
        let chosen = try #require(guarded.solution?["desk"])
        #expect(chosen >= 2)
        let withdrawn = try #require(guarded.finalSummary?.targets.first { $0.id == target.id })
        #expect(withdrawn.verdict == .pass)
    }
}
