import Foundation
import Testing
@testable import MotCua

@Suite("What-ifs without editing files: --set and --overlay")
struct WhatIfTests {
    func document() throws -> JSONValue { try JSONParser.parse(Array(minimalScenario.utf8)) }

    @Test("--set reaches array elements by id and keeps everything else")
    func setByID() throws {
        let edited = try document().setting("offices.justice.staff", to: .number(4))
        let scenario = try ScenarioLoader.decode(edited, file: "t", directory: Repository.path("scenarios"))
        #expect(scenario.offices.first { $0.id == "justice" }?.staff == 4)
        #expect(scenario.offices.first { $0.id == "desk" }?.staff == 2)
    }

    @Test("--set by position, and adding a new key")
    func setByPosition() throws {
        let edited = try document().setting("procedures.0.online", to: .number(0.4))
        let scenario = try ScenarioLoader.decode(edited, file: "t", directory: Repository.path("scenarios"))
        #expect(scenario.procedures[0].onlineShare == 0.4)
    }

    @Test("--set with a wrong path says what exists")
    func setErrors() throws {
        #expect(throws: JSONValue.EditError.self) { try document().setting("offices.nowhere.staff", to: .number(1)) }
        do {
            _ = try document().setting("horizon.start.year", to: .number(1)) as JSONValue
            Issue.record("accepted a path through a string")
        } catch {
            #expect((error as? JSONValue.EditError)?.message.contains("horizon.start") == true)
        }
    }

    @Test("an overlay merges objects and id-keyed lists, and null removes a key")
    func overlay() throws {
        let overlay = try JSONParser.parse(Array(#"""
            {"offices": [{"id": "justice", "staff": 3}, {"id": "extra", "kind": "department", "level": "district", "name": "Extra", "staff": 1}],
             "targets": null, "horizon": {"days": 20}}
            """#.utf8))
        let merged = try document().overlaid(with: overlay)
        let scenario = try ScenarioLoader.decode(merged, file: "t", directory: Repository.path("scenarios"))
        #expect(scenario.offices.map(\.id) == ["desk", "justice", "extra"])
        #expect(scenario.offices[1].staff == 3)
        #expect(scenario.offices[1].name == "Justice")
        #expect(scenario.targets.isEmpty)
        #expect(scenario.horizon.days == 20)
        #expect(scenario.horizon.start == CivilDate(iso: "2024-01-01"))
    }

    @Test("a what-if changes staff but not the arrivals (common random numbers)")
    func whatIfKeepsArrivals() async throws {
        let path = Repository.path("scenarios/validation/mmc.json")
        let base = try ScenarioLoader.load(path: path)
        let more = try ScenarioLoader.load(path: path, overlays: [], settings: [("offices.desk.staff", "5")])
        let a = try await SimulationRun(model: SimulationModel(scenario: base), seed: 2).run()
        let b = try await SimulationRun(model: SimulationModel(scenario: more), seed: 2).run()
        #expect(a.receivedPerDay == b.receivedPerDay)
        #expect(b.offices[0].meanWait < a.offices[0].meanWait)
    }
}

@Suite("Compare: variants against a base with common random numbers")
struct ComparisonTests {
    @Test("more staff: the same arrivals, shorter waits, a negative paired difference with a tight interval")
    func moreStaff() async throws {
        let path = Repository.path("scenarios/validation/mmc.json")
        let base = SimulationModel(scenario: try ScenarioLoader.load(path: path))
        let more = SimulationModel(scenario: try ScenarioLoader.load(path: path, overlays: [], settings: [("offices.desk.staff", "5")]))
        var results: [[RunResult]] = []
        for model in [base, more] { results.append(try await Experiment.run(model: model, seed: 3, replications: 4, jobs: 2)) }
        // Same seeds: the same citizens arrive in both variants.
        #expect(results[0].map(\.conservation.received) == results[1].map(\.conservation.received))
        let comparison = Comparison(names: ["base", "5 staff"], models: [base, more], results: results, seed: 3)
        let wait = try #require(comparison.rows.first { $0.label.hasPrefix("mean wait in line") })
        // The two waits are never one row (issue #16 item 5).
        #expect(!comparison.rows.contains { $0.label.hasPrefix("mean wait —") })
        #expect(wait.differences[0].high < 0)
        // Paired by common random numbers, the difference is known better than the base itself.
        #expect(wait.differences[0].high - wait.differences[0].low < wait.values[0].high - wait.values[0].low)
    }
}
