import Testing
@testable import MotCua

@Suite("Determinism and common random numbers")
struct DeterminismTests {
    @Test("same scenario and seed give identical reports, whatever the number of parallel jobs")
    func sameSeedSameReport() async throws {
        let (model, serial) = try await simulate("scenarios/validation/mmc.json", seed: 11, replications: 4, jobs: 1)
        let (_, parallel) = try await simulate("scenarios/validation/mmc.json", seed: 11, replications: 4, jobs: 4)
        let a = TextReport.render(ExperimentSummary(model: model, seed: 11, results: serial))
        let b = TextReport.render(ExperimentSummary(model: model, seed: 11, results: parallel))
        #expect(a == b)
        let (_, other) = try await simulate("scenarios/validation/mmc.json", seed: 12, replications: 4, jobs: 4)
        #expect(TextReport.render(ExperimentSummary(model: model, seed: 12, results: other)) != a)
    }

    @Test("changing the staff of an office does not change what arrives")
    func staffDoesNotChangeArrivals() async throws {
        var scenario = try ScenarioLoader.load(path: Repository.path("scenarios/validation/mmc.json"))
        let base = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 3).run()
        scenario.offices[0].staff = 6
        let more = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 3).run()
        #expect(base.conservation.received == more.conservation.received)
        #expect(base.procedures[0].received == more.procedures[0].received)
        #expect(base.offices[0].meanWait > more.offices[0].meanWait)
    }
}
