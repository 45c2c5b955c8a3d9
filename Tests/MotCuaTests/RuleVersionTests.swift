import Foundation
import Testing
@testable import MotCua

/// Rules that change on a date (docs/model.md §11): each dossier follows the version in force on
/// its receipt date.
@Suite("Dated rule versions")
struct RuleVersionTests {
    /// `minimalScenario` with `versions` on its procedure (and `policies`, when given).
    func scenario(versions: String, policies: String? = nil) throws -> Scenario {
        var text = minimalScenario.replacingOccurrences(of: "\"deadline\": {\"workingDays\": 3},",
                                                        with: "\"deadline\": {\"workingDays\": 3}, \"versions\": \(versions),")
        if let policies { text = text.replacingOccurrences(of: "\"targets\":", with: "\"policies\": \(policies), \"targets\":") }
        return try decodeScenario(text)
    }

    func issues(versions: String, policies: String? = nil) -> [ScenarioIssue] {
        do { _ = try scenario(versions: versions, policies: policies); return [] } catch let error as ScenarioError { return error.issues } catch { return [] }
    }

    @Test("versions are checked with path-named problems")
    func checked() {
        let unordered = issues(versions: "[{\"from\": \"2024-01-05\", \"deadline\": {\"workingDays\": 2}}, {\"from\": \"2024-01-04\", \"deadline\": {\"workingDays\": 1}}]")
        #expect(unordered.contains { $0.path == "procedures[birth].versions[1].from" && $0.message.contains("increasing order") })
        let negative = issues(versions: "[{\"from\": \"2024-01-05\", \"deadline\": {\"workingDays\": -1}}]")
        #expect(negative.contains { $0.path == "procedures[birth].versions[0].deadline.workingDays" })
        let badDate = issues(versions: "[{\"from\": \"1 August\", \"deadline\": {\"workingDays\": 2}}]")
        #expect(badDate.contains { $0.path == "procedures[birth].versions[0].from" && $0.message.contains("YYYY-MM-DD") })
        let unknownKey = issues(versions: "[{\"from\": \"2024-01-05\", \"deadlines\": {\"workingDays\": 2}}]")
        #expect(unknownKey.contains { $0.path.hasPrefix("procedures[birth].versions[0]") })
        let noApology = issues(versions: "[]", policies: "{\"versions\": [{\"from\": \"2024-01-05\"}]}")
        #expect(noApology.contains { $0.path == "policies.versions[0].apology" })
        // The fastest processing takes 5–30 minutes: a same-day version is feasible, so no problem.
        #expect(issues(versions: "[{\"from\": \"2024-01-05\", \"deadline\": {\"workingDays\": 0}}]").isEmpty)
    }

    @Test("a version outside the horizon is a warning, one inside is not")
    func warnings() throws {
        let before = try scenario(versions: "[{\"from\": \"2023-08-01\", \"deadline\": {\"workingDays\": 2}}]").warnings
        #expect(before.contains { $0.path == "procedures[birth].versions[0].from" && $0.message.contains("before") })
        let after = try scenario(versions: "[{\"from\": \"2025-08-01\", \"deadline\": {\"workingDays\": 2}}]").warnings
        #expect(after.contains { $0.path == "procedures[birth].versions[0].from" && $0.message.contains("never applies") })
        let policy = try scenario(versions: "[]", policies: "{\"versions\": [{\"from\": \"2026-07-01\", \"apology\": {\"onTimeShare\": 0}}]}").warnings
        #expect(policy.contains { $0.path == "policies.versions[0].from" })
        #expect(try scenario(versions: "[{\"from\": \"2024-01-05\", \"deadline\": {\"workingDays\": 2}}]").warnings.isEmpty)
    }

    /// Gò Vấp from 22 July to 11 August 2024, with its log.
    static func goVapAroundAugust(log path: String) async throws -> (SimulationModel, RunResult) {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.start", "2024-07-22"), ("horizon.days", "21"),
                                                          // The appointment in the log is then the one written at receipt.
                                                          ("procedures.land-change.steps.1.pausesDeadline", "false")])
        #expect(!scenario.warnings.contains { $0.path.contains("versions") }, "\(scenario.warnings)")
        let model = SimulationModel(scenario: scenario)
        let log = try DossierLog(path: path, start: scenario.horizon.start)
        return (model, try await SimulationRun(model: model, seed: 7, log: log).run())
    }

    @Test("a land dossier received 31/07/2024 has the old deadline, one received 01/08/2024 Decree 101's")
    func landDeadlinesChangeOnFirstAugust() async throws {
        let path = NSTemporaryDirectory() + "motcua-versions-\(getpid()).csv"
        defer { unlink(path) }
        let (model, _) = try await Self.goVapAroundAugust(log: path)
        let calendar = model.calendar
        let ids = model.scenario.procedures.map(\.id)
        let change = try #require(ids.firstIndex(of: "land-change")), first = try #require(ids.firstIndex(of: "first-certificate"))
        let july31 = 9, august1 = 10
        #expect(calendar.date(ofDay: july31) == CivilDate(iso: "2024-07-31"))
        #expect(model.deadlineWorkingDays(of: change, receivedOnDay: july31) == 10)
        #expect(model.deadlineWorkingDays(of: change, receivedOnDay: august1) == 8)
        #expect(model.deadlineWorkingDays(of: first, receivedOnDay: july31) == 30)
        #expect(model.deadlineWorkingDays(of: first, receivedOnDay: august1) == 23)
        #expect(model.deadlineWorkingDays(of: change, receivedOnDay: -1) == 10, "the opening backlog was received under the old rule")
        // Received at 10:00: Wednesday 31/07 + 10 working days is Wednesday 14/08; Thursday 01/08
        // + 8 is Tuesday 13/08 — the later dossier is due first.
        let due31 = calendar.appointment(receivedAt: Double(july31) * 1440 + 600, workingDays: 10)
        let due01 = calendar.appointment(receivedAt: Double(august1) * 1440 + 600, workingDays: 8)
        #expect(calendar.date(ofDay: calendar.day(of: due31)) == CivilDate(iso: "2024-08-14"))
        #expect(calendar.date(ofDay: calendar.day(of: due01)) == CivilDate(iso: "2024-08-13"))

        // In the run: in-person land-change dossiers arriving before 31/07 got 10 working days
        // (11 when their check ran into the next day), those arriving from 01/08 on 8 (or 9);
        // only dossiers complete at the first check and never asked to supplement (a supplement
        // moves the date).
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        func day(_ stamp: Substring) -> Int? {
            let parts = stamp.split(separator: " ").first?.split(separator: "/").compactMap { Int($0) } ?? []
            guard parts.count == 3, let date = CivilDate(year: parts[2], month: parts[1], day: parts[0]) else { return nil }
            return date.dayNumber - model.scenario.horizon.start.dayNumber
        }
        var before = 0, after = 0
        for row in rows where row.count > 10 && row[1] == "land-change" && row[4] == "in person" && row[9] == "0" && row[10] == "0" && row[13] == "0" {
            guard let received = day(row[5]), let due = day(row[6]) else { continue }
            let gap = (received + 1...due).filter(calendar.isWorkingDay).count
            if received < july31 {
                before += 1
                #expect(gap == 10 || gap == 11, "received day \(received), due day \(due)")
            } else if received >= august1 {
                after += 1
                #expect(gap == 8 || gap == 9, "received day \(received), due day \(due)")
            }
        }
        #expect(before > 50 && after > 50)
    }

    @Test("the one-stop rules switch on 01/07/2025: the apology follows the rules of the receipt date")
    func policiesSwitchOnFirstJuly2025() async throws {
        let scenario = try ScenarioLoader.load(
            path: Repository.path("scenarios/hcmc-two-level-2026.json"), overlays: [],
            settings: [("horizon.start", "2025-06-02"), ("horizon.days", "60"),
                       ("policies.apology", "{\"onTimeShare\": 1, \"lateShare\": 0, \"extensionWorkingDays\": 5, \"source\": \"test\"}"),
                       ("policies.versions", "[{\"from\": \"2025-07-01\", \"apology\": {\"onTimeShare\": 0, \"lateShare\": 1}, \"source\": \"test: Decree 118/2025/NĐ-CP\"}]")])
        #expect(scenario.policies.inForce(receivedOn: CivilDate(iso: "2025-06-30")!).apologyOnTimeShare == 1)
        #expect(scenario.policies.inForce(receivedOn: CivilDate(iso: "2025-07-01")!).apologyOnTimeShare == 0)
        #expect(scenario.policies.versions[0].rules.apologyExtensionWorkingDays == 5, "a version keeps what it does not name")
        let model = SimulationModel(scenario: scenario)
        let run = SimulationRun(model: model, seed: 1)
        var record = DossierRecord(procedure: 0, online: false, counted: true, instance: 0, arrivedAt: 0)
        record.accepted = true
        let june30 = 28, july1 = 29
        #expect(model.calendar.date(ofDay: july1) == CivilDate(iso: "2025-07-01"))
        for day in [june30 - 1, june30, july1, july1 + 1] {
            record.receivedDay = UInt16(day)
            record.dueAt = Double(day + 5) * 1440 + 17 * 60
            let outcome = await run.apology(of: record, doneAt: record.dueAt + 60)
            if day < july1 {
                #expect(outcome.logText == "in time", "received on day \(day)")
            } else {
                #expect(outcome.logText == "late", "received on day \(day)")
            }
        }
    }
}
