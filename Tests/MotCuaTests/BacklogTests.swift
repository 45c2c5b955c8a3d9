import Testing
@testable import MotCua

/// The opening backlog (issue #16): placed along the route by the time it has used, counted
/// apart, and its user-given numbers checked at load (issue #15 item 1).
@Suite("Opening backlog")
struct BacklogTests {
    static let goVap = "scenarios/go-vap-2024.json"

    func load(_ settings: [(String, String)]) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.load(path: Repository.path(BacklogTests.goVap), overlays: [], settings: settings)
    }

    @Test("working days used beyond the deadline are refused at load with the path and the range, never trapped on",
          arguments: [("backlog.0.elapsedWorkingDays.max", "1e19", "backlog[0].elapsedWorkingDays.max"),
                      // land-change's backlog was received under the old regime's 10 working days (docs/model.md §11)
                      ("backlog.0.elapsedWorkingDays", #"{"type": "deterministic", "value": 11}"#,
                       "backlog[0].elapsedWorkingDays.value"),
                      ("backlog.1.elapsedWorkingDays", #"{"type": "exponential", "mean": 1e300}"#,
                       "backlog[1].elapsedWorkingDays.mean")])
    func elapsedBeyondDeadline(key: String, value: String, path: String) throws {
        do {
            _ = try load([("horizon.days", "20"), (key, value)])
            Issue.record("\(key)=\(value) was accepted")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(error.issues.count == 1)
            #expect(issue.path == path)
            #expect(issue.message.contains("between 0 and the deadline"), "\(issue.message)")
        }
    }

    @Test("an unbounded distribution of working days used is cut at the deadline")
    func unboundedElapsedCut() async throws {
        // Mean 7 of 8 days: many draws exceed the deadline; they are due on the first day.
        let scenario = try load([("horizon.days", "5"), ("backlog.0.elapsedWorkingDays", #"{"type": "exponential", "mean": 7}"#)])
        let result = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 1).run()
        #expect(result.conservation.backlog == scenario.backlog.reduce(0) { $0 + $1.count })
    }

    @Test("a backlog dossier waits at the step its route typically reaches in the working days it has used")
    func placedByTimeUsed() throws {
        let scenario = try load([])
        let model = SimulationModel(scenario: scenario)
        let land = try #require(model.backlog.first { scenario.procedures[$0.procedure].id == "land-change" })
        // Land change: land branch (lag 1.5 working days + 40 min), tax office (clock stopped), land
        // branch (30 min): 760 and 790 minutes of 480 a working day.
        let ends: [Double] = [760.0 / 480, 760.0 / 480, 790.0 / 480]
        #expect(land.typicalEndOfStep == ends)
        #expect(land.stage(reachedAfter: 0) == 1 && land.stage(reachedAfter: 1.5) == 1)
        #expect(land.stage(reachedAfter: 1.6) == 3 && land.stage(reachedAfter: 6) == 3, "never at the tax office")
        for backlog in model.backlog {
            let steps = scenario.procedures[backlog.procedure].steps
            let stages = stride(from: 0.0, through: 20, by: 0.25).map { backlog.stage(reachedAfter: $0) }
            #expect(stages == stages.sorted(), "later steps for more time used")
            for stage in stages { #expect(stage >= 1 && stage <= steps.count && !steps[stage - 1].pausesDeadline) }
        }
        // An explicit step puts every dossier there.
        let fixed = try SimulationModel(scenario: load([("backlog.0.step", "1")])).backlog[0]
        #expect(fixed.stage(reachedAfter: 5) == 1)
    }

    @Test("backlog dossiers are counted on time or late apart from those received, and land-change's is mostly on time")
    func countedApart() async throws {
        let scenario = try load([("horizon.days", "60")])
        let result = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 2024).run()
        for (p, tally) in result.procedures.enumerated() {
            #expect(tally.backlogOnTime + tally.backlogLate == tally.backlog)
            #expect(tally.backlogLate <= tally.late && tally.backlogOnTime <= tally.onTime)
            if scenario.procedures[p].id == "land-change" {
                // At route step 1 with up to 6 of 8 days used, 46.5% of them ended late.
                #expect(Double(tally.backlogLate) < 0.2 * Double(tally.backlog), "\(tally.backlogLate) of \(tally.backlog) late")
            }
        }
        let text = TextReport.render(ExperimentSummary(model: SimulationModel(scenario: scenario), seed: 2024, results: [result]))
        #expect(text.contains("opening backlog"))
    }
}
