import Foundation
import Testing
@testable import MotCua

/// A one-office staffing search starts from the queueing bound measured at today's staffing and
/// does not run the very large staff when the bound passes (issue #20, docs/model.md §7.8).
@Suite("Staffing search: the start from the queueing bound")
struct StaffingBoundStartTests {
    /// M/M/c at λ = 1.5 a minute, μ = 1, today 3 staff, no one giving up, a one-working-day
    /// deadline: offered work is 1.5 staff, so the bound is 2, where on time passes.
    static func scenario() throws -> Scenario {
        let targets = #"[{"id": "on-time", "label": "On time", "measure": "onTimeRate", "comparator": ">=", "threshold": 0.98}]"#
        return try ScenarioLoader.load(path: Repository.path("scenarios/validation/mm1.json"), overlays: [], settings: [
            ("offices.desk.staff", "3"),
            ("procedures.customer.yearlyVolume", "788940"),
            ("procedures.customer.deadline", #"{"workingDays": 1}"#),
            ("horizon.days", "4"),
            ("targets", targets),
        ])
    }

    @Test("the bound's staffing passes: no very large staff run, the bisection starts there")
    func startsFromTheBound() async throws {
        // From 2: a deadline of one working day in an always-open model does not make 1 fail in 4 days.
        let bounds = [StaffingSearch.Bound(office: "desk", low: 2, high: 6)]
        let search = try await StaffingSearch.run(scenario: Self.scenario(), bounds: bounds, seed: 7, replications: 3, jobs: 2)
        #expect(search.steps.contains { $0.note == "queueing bound desk 2: passes" }, "\(search.steps.map(\.note))")
        #expect(!search.steps.contains { $0.note.hasPrefix("very large staff") }, "\(search.steps.map(\.note))")
        #expect(search.workBounds["desk"] == 2 && search.solution == ["desk": 2], "\(search.workBounds) \(String(describing: search.solution))")
        #expect(search.unreachable.isEmpty)
        #expect(search.steps.reduce(0) { $0 + $1.simulated } == search.simulatedReplications)
        // The path does not depend on the cores.
        let one = try await StaffingSearch.run(scenario: Self.scenario(), bounds: bounds, seed: 7, replications: 3, jobs: 1)
        #expect(one.steps.map(\.note) == search.steps.map(\.note) && one.solution == search.solution)
    }

    @Test("the bound settles the very large staff's questions only when it passes and is at most half that staff")
    func settlesOnlyWhenHalf() {
        #expect(StaffingSearch.boundSettles(["desk": 6], passes: true, large: ["desk": 12]))
        #expect(!StaffingSearch.boundSettles(["desk": 7], passes: true, large: ["desk": 12]))
        #expect(!StaffingSearch.boundSettles(["desk": 2], passes: false, large: ["desk": 12]))
        #expect(StaffingSearch.startsFromBound([.init(office: "desk", low: 1, high: 6)], plan: .fixed(3)))
        #expect(!StaffingSearch.startsFromBound([.init(office: "desk", low: 1, high: 6), .init(office: "back", low: 1, high: 6)], plan: .fixed(3)))
    }
}
