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
        let done = try await run(model: model, seed: seed, indices: Array(0..<replications), jobs: jobs, store: nil, progress: progress)
        return done.map(\.1)
    }

    /// Runs the replications numbered `indices` (a shard of a larger experiment, or all), in
    /// parallel, reusing and filling `store` when given.
    /// - Returns: (replication number, result) in the order of `indices`.
    /// - Parameter log: a per-dossier log for the first replication run here (replication `indices[0]`).
    public static func run(model: SimulationModel, seed: UInt64, indices: [Int], jobs: Int, store: ResultStore?,
                           log: DossierLog? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws(SimulationError) -> [(Int, RunResult)] {
        var results = [Int: RunResult]()
        var pending: [Int] = []
        for index in indices {
            // The logged replication is always run: its log cannot come from a stored result.
            if log == nil || index != indices.first, let stored = store?.load(seed: seed, replication: index) {
                results[index] = stored
            } else {
                pending.append(index)
            }
        }
        let jobs = Swift.max(1, Swift.min(jobs, pending.count))
        // Replications running side by side each get their own copy of the model: reference
        // counting on shared objects from several cores makes their cache lines bounce.
        let copies = jobs > 1
        do {
            try await withThrowingTaskGroup(of: (Int, RunResult).self) { group in
                var next = 0
                func launch() {
                    let index = pending[next]
                    next += 1
                    let runLog = index == indices.first ? log : nil
                    let own = copies ? SimulationModel(scenario: model.scenario) : model
                    group.addTask {
                        let run = SimulationRun(model: own, seed: replicationSeed(runSeed: seed, replication: index), log: runLog)
                        return (index, try await run.run())
                    }
                }
                while next < Swift.min(jobs, pending.count) { launch() }
                var finished = results.count
                while let (index, result) = try await group.next() {
                    results[index] = result
                    try store?.save(result, seed: seed, replication: index)
                    finished += 1
                    progress?(finished)
                    if next < pending.count { launch() }
                }
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            throw SimulationError(message: "replication failed: \(error)")
        }
        return indices.map { ($0, results[$0]!) }
    }
}
