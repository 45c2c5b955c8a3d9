/// Replications of one scenario, run in parallel and returned in replication order, so the
/// result is the same whatever the number of cores.
public enum Experiment {
    /// Runs `replications` replications of `model`.
    /// - Parameters:
    ///   - seed: the run seed; replication `i` uses ``replicationSeed(runSeed:replication:)``.
    ///   - jobs: replications run at the same time (at least 1).
    ///   - progress: called after each replication finishes, with the number finished so far.
    public static func run(model: SimulationModel, seed: UInt64, replications: Int, jobs: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws(SimulationError) -> [RunResult] {
        let jobs = Swift.max(1, Swift.min(jobs, replications))
        var results = [RunResult?](repeating: nil, count: replications)
        do {
            try await withThrowingTaskGroup(of: (Int, RunResult).self) { group in
                var next = 0
                func launch() {
                    let index = next
                    next += 1
                    group.addTask {
                        let run = SimulationRun(model: model, seed: replicationSeed(runSeed: seed, replication: index))
                        return (index, try await run.run())
                    }
                }
                while next < jobs { launch() }
                var finished = 0
                while let (index, result) = try await group.next() {
                    results[index] = result
                    finished += 1
                    progress?(finished)
                    if next < replications { launch() }
                }
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            throw SimulationError(message: "replication failed: \(error)")
        }
        return results.map { $0! }
    }
}
