import Foundation
import Testing
@testable import MotCua

/// Small hand-checked scenarios, one rule each. A single dossier starts at time 0 (Monday
/// 2024-03-04, 00:00) as backlog, with deterministic times, and almost no arrivals.
@Suite("The dossier's journey, rule by rule")
struct LifecycleTests {
    /// A holiday table without holidays, written to a temporary folder.
    static let directory: String = {
        let dir = NSTemporaryDirectory() + "motcua-lifecycle-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let table = #"{"name": "none", "covers": {"from": "2024-01-01", "to": "2025-12-31"}, "daysOff": [], "makeUpWorkingDays": []}"#
        FileManager.default.createFile(atPath: dir + "/none.json", contents: Data(table.utf8))
        return dir
    }()

    /// A scenario with offices `offices` (JSON objects), one procedure with `steps` and
    /// `deadline`, and one backlog dossier at step 1.
    func scenario(offices: String, steps: String, deadline: Int, extra: String = "", procedureExtra: String = "",
                  elapsed: Int = 0) throws -> SimulationModel {
        let json = """
        {
          "name": "Hand-checked",
          "horizon": {"start": "2024-03-04", "days": 28},
          "calendar": {"holidays": "none.json"},
          "fields": [{"id": "f", "name": "Field"}],
          "offices": [{"id": "desk", "kind": "desk", "level": "district", "name": "Desk", "staff": 1}, \(offices)],
          "procedures": [{
            "id": "p", "name": "P", "field": "f", "yearlyVolume": 1e-9, "deadline": {"workingDays": \(deadline)},
            "intake": {"office": "desk", "service": {"type": "deterministic", "value": 10}},
            "steps": [\(steps)] \(procedureExtra)
          }],
          "backlog": [{"procedure": "p", "count": 1, "elapsedWorkingDays": {"type": "deterministic", "value": \(elapsed)}}] \(extra)
        }
        """
        let scenario = try ScenarioLoader.decode(Array(json.utf8), file: "hand.json", directory: LifecycleTests.directory)
        return SimulationModel(scenario: scenario)
    }

    func run(_ model: SimulationModel) async throws -> RunResult {
        let result = try await SimulationRun(model: model, seed: 1).run()
        #expect(result.conservation.isBalanced)
        #expect(result.conservation.received == 0, "the test expects no arrivals")
        return result
    }

    func office(_ model: SimulationModel, _ id: String) -> Int { model.offices.firstIndex { $0.id == id }! }

    @Test("leaders sign in sessions: a dossier ready at 08:00 waits for the 10:00 session")
    func signatureSessions() async throws {
        let model = try scenario(
            offices: #"{"id": "dept", "kind": "department", "level": "district", "name": "Dept", "staff": 1},"#
                + #"{"id": "lead", "kind": "leadership", "level": "district", "name": "Leaders", "staff": 1, "sessions": ["10:00", "16:00"]}"#,
            steps: #"{"office": "dept", "service": {"type": "deterministic", "value": 30}}, {"office": "lead", "service": {"type": "deterministic", "value": 5}}"#,
            deadline: 1)
        let result = try await run(model)
        #expect(result.offices[office(model, "dept")].meanWait == 450)   // 00:00 → 07:30
        #expect(result.offices[office(model, "lead")].meanWait == 120)   // ready 08:00, signed from 10:00
        #expect(result.procedures[0].finishedOnTime == 1)
    }

    @Test("a training day takes the staff away: work waits for the next day")
    func trainingDay() async throws {
        let model = try scenario(
            offices: #"{"id": "dept", "kind": "department", "level": "ward", "name": "Dept", "staff": 1, "absences": [{"from": "2024-03-04", "to": "2024-03-04", "staff": 1, "reason": "training"}]}"#,
            steps: #"{"office": "dept", "service": {"type": "deterministic", "value": 30}}"#, deadline: 3)
        let result = try await run(model)
        #expect(result.offices[office(model, "dept")].meanWait == 1440 + 450)  // Tuesday 07:30
        // Available staff time: 27 working days of 480 minutes (28 days, 4 weekends = 20 working days; minus one).
        let expected: Double = 19 * 480
        #expect(result.offices[office(model, "dept")].availableMinutes == expected)
    }

    @Test("time at the tax office is excluded from the deadline")
    func taxTimeExcluded() async throws {
        // One of two working days used: due Monday 17:00. Branch 07:30–08:30, tax office 2.5 working
        // days (to Wednesday 14:00), branch again to 15:00: late, unless the tax time moves the
        // appointment by 2.5 working days (to Thursday 11:30).
        let steps = #"{"office": "branch", "service": {"type": "deterministic", "value": 60}}, "#
            + #"{"office": "tax", "lag": {"type": "deterministic", "value": 2.5, "unit": "workingDays"}, "pausesDeadline": PAUSE}, "#
            + #"{"office": "branch", "service": {"type": "deterministic", "value": 60}}"#
        let offices = #"{"id": "branch", "kind": "land-branch", "level": "district", "name": "Land branch", "staff": 1},"#
            + #"{"id": "tax", "kind": "external", "level": "district", "name": "Tax office", "staff": 0}"#
        let excluded = try await run(try scenario(offices: offices, steps: steps.replacingOccurrences(of: "PAUSE", with: "true"), deadline: 2, elapsed: 1))
        #expect(excluded.procedures[0].finishedOnTime == 1)
        let counted = try await run(try scenario(offices: offices, steps: steps.replacingOccurrences(of: "PAUSE", with: "false"), deadline: 2, elapsed: 1))
        #expect(counted.procedures[0].finishedLate == 1)
    }

    @Test("a supplement request stops the clock; a second request makes the dossier late")
    func supplementPause() async throws {
        let offices = #"{"id": "dept", "kind": "department", "level": "district", "name": "Dept", "staff": 1}"#
        func steps(_ repeatShare: Double) -> String {
            #"{"office": "dept", "service": {"type": "deterministic", "value": 60}, "supplement": {"share": 1, "repeatShare": \#(repeatShare), "delay": {"type": "deterministic", "value": 3, "unit": "workingDays"}}}"#
        }
        // Asked once: Mon 08:30 request, papers back Thu 08:30, done 09:30; due Mon 17:00 + 3 days = Thu 17:00.
        let once = try await run(try scenario(offices: offices, steps: steps(0), deadline: 1))
        #expect(once.procedures[0].supplementRequests == 1)
        #expect(once.procedures[0].finishedOnTime == 1)
        // Asked again each time (95%): more than one request counts as late.
        let repeated = try await run(try scenario(offices: offices, steps: steps(0.95), deadline: 1))
        #expect(repeated.procedures[0].supplementRequests > 1)
        #expect(repeated.procedures[0].late == 1)
    }

    @Test("late dossiers: apology in time with one new date, or late, or never, as the policy says")
    func apologies() async throws {
        let offices = #"{"id": "dept", "kind": "department", "level": "district", "name": "Dept", "staff": 1}"#
        // One of the two working days already used: due Monday 17:00; the work ends Tuesday 08:10.
        let steps = #"{"office": "dept", "service": {"type": "deterministic", "value": 520}}"#
        let inTime = try await run(try scenario(offices: offices, steps: steps, deadline: 2,
            extra: #", "policies": {"apology": {"onTimeShare": 1, "extensionWorkingDays": 5}}"#, elapsed: 1))
        #expect(inTime.procedures[0].finishedLate == 1)
        #expect(inTime.procedures[0].lateApologisedOnTime == 1)
        #expect(inTime.procedures[0].newDateMet == 1)
        let never = try await run(try scenario(offices: offices, steps: steps, deadline: 2,
            extra: #", "policies": {"apology": {"onTimeShare": 0, "lateShare": 0}}"#, elapsed: 1))
        #expect(never.procedures[0].lateNotApologised == 1)
        let late = try await run(try scenario(offices: offices, steps: steps, deadline: 2,
            extra: #", "policies": {"apology": {"onTimeShare": 0, "lateShare": 1}}"#, elapsed: 1))
        #expect(late.procedures[0].lateApologisedLate == 1)
        // A dossier finished well before its date needs no apology.
        let early = try await run(try scenario(offices: offices, steps: #"{"office": "dept", "service": {"type": "deterministic", "value": 30}}"#, deadline: 3))
        #expect(early.procedures[0].apologiesSent == 0)
    }

    @Test("a staff change from a date changes the capacity from then on")
    func staffChange() async throws {
        let model = try scenario(
            offices: #"{"id": "dept", "kind": "department", "level": "district", "name": "Dept", "staff": 2, "staffChanges": [{"from": "2024-03-18", "staff": 5}]}"#,
            steps: #"{"office": "dept", "service": {"type": "deterministic", "value": 30}}"#, deadline: 3)
        let result = try await run(model)
        // Two weeks of 2 staff, two weeks of 5: (10 × 2 + 10 × 5) working days × 480 minutes.
        let expected: Double = 70 * 480
        #expect(result.offices[office(model, "dept")].availableMinutes == expected)
    }
}

@Suite("Withdrawals and the dossier balance")
struct WithdrawalTests {
    @Test("citizens who give up, never come back or withdraw are counted, and the balance holds")
    func withdrawals() async throws {
        let json = minimalScenario
            .replacingOccurrences(of: #""staff": 2}"#, with: #""staff": 1, "patience": {"type": "exponential", "mean": 30}}"#)
            .replacingOccurrences(of: #""yearlyVolume": 1000"#, with: #""yearlyVolume": 40000, "incomplete": {"share": 0.2, "returnShare": 0.5, "returnDelay": {"type": "exponential", "mean": 600}}, "withdrawal": {"share": 0.05, "after": {"type": "uniform", "min": 0, "max": 600}}"#)
        let model = SimulationModel(scenario: try decodeScenario(json))
        let result = try await SimulationRun(model: model, seed: 4).run()
        let c = result.conservation
        #expect(c.isBalanced)
        #expect(c.withdrawn > 0)
        #expect(result.offices[0].abandoned > 0)
        #expect(result.procedures[0].incomplete > 0)
        #expect(result.procedures[0].withdrawn == c.withdrawn)
    }
}
