import Testing
@testable import MotCua

/// The start of work is only noted in the dossier's record and charged to its clock at the next
/// change of state (``RunContext/clockWorkStarts(_:)``): the split it makes must be the one made
/// at the start itself.
@Suite("The time breakdown's charge at the start of work")
struct WorkStartClockTests {
    @Test("M/M/1: the desk's queue and work parts per dossier are the waits and service times the desk measured")
    func queueAndWorkSplitAtTheStart() async throws {
        let model = SimulationModel(scenario: try ScenarioLoader.load(path: Repository.path("scenarios/validation/mm1.json")))
        let result = try await SimulationRun(model: model, seed: 1).run()
        let breakdown = try #require(result.breakdowns.first)
        let finished = breakdown.onTime + breakdown.late
        #expect(finished > 10_000)
        func perDossier(_ part: TimePart) -> Double {
            Double(breakdown.onTimeSeconds[part.rawValue] + breakdown.lateSeconds[part.rawValue]) / Double(finished)
        }
        // Always open: a working second is a second. The desk measured the waits in minutes.
        let desk = try #require(result.offices.first)
        let measuredWait = desk.waitSum / Double(desk.served) * 60
        #expect(abs(perDossier(.deskQueue) - measuredWait) < 0.01 * measuredWait,
                "queue \(perDossier(.deskQueue)) s a dossier, measured wait \(measuredWait) s")
        // The service is exponential with a mean of one minute (about 14,000 draws).
        #expect(abs(perDossier(.deskWork) - 60) < 3, "work \(perDossier(.deskWork)) s a dossier")
    }
}
