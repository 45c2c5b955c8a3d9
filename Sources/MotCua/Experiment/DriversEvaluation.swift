import Foundation

/// The simulations of `motcua drivers`: the changed scenarios, decoded on every core, and their
/// replications, one per task.
extension DriversAnalysis {
    /// The scenario of `document` with the numbers at `edits` set, at `load`, within the run limits.
    static func changedScenario(_ document: ScenarioDocument, _ edits: [DriverInput.Leaf], load: Double) -> Result<Scenario, ScenarioError> {
        do throws(ScenarioError) {
            let scenario = try document.scenario(setting: edits.map { ($0.path, JSONValue.number($0.value)) }).scalingLoad(by: load)
            if let problem = RunLimits.problem(scenario) { throw ScenarioError(file: document.file, issues: [problem]) }
            return .success(scenario)
        } catch {
            return .failure(error)
        }
    }

    /// The changed scenarios of several edit lists, `jobs` at a time: a district's document
    /// decodes in milliseconds, but the hundreds of changes of an analysis add up to seconds
    /// that would otherwise leave the other cores idle.
    static func changedScenarios(_ document: ScenarioDocument, _ edits: [[DriverInput.Leaf]], load: Double,
                                 jobs: Int) async -> [Result<Scenario, ScenarioError>] {
        guard edits.count > 1, jobs > 1 else { return edits.map { changedScenario(document, $0, load: load) } }
        var decoded = [Result<Scenario, ScenarioError>?](repeating: nil, count: edits.count)
        await withTaskGroup(of: (Int, Result<Scenario, ScenarioError>).self) { group in
            var next = 0
            func launch() {
                let k = next, leaves = edits[k]
                next += 1
                group.addTask { (k, changedScenario(document, leaves, load: load)) }
            }
            while next < Swift.min(jobs, edits.count) { launch() }
            while let (k, scenario) = await group.next() {
                decoded[k] = scenario
                if next < edits.count { launch() }
            }
        }
        return decoded.map { $0 ?? .failure(ScenarioError(file: document.file, issues: [])) }
    }

    /// Target values [replication][target] of replications `work[k].1` of each scenario
    /// `work[k].0`: one replication per task, `jobs` at a time, so that both cores stay busy
    /// however few replications a change runs; each result depends only on its scenario and
    /// seed, never on the order tasks finish.
    static func evaluate(_ work: [(Scenario, Range<Int>)], seed: UInt64, jobs: Int, folder: String?, phase: String,
                         log: (@Sendable (String) -> Void)?) async throws(SimulationError) -> [[[Double]]] {
        let tasks = work.enumerated().flatMap { k, item in item.1.map { (k, $0) } }
        var values = work.map { Array(repeating: [Double](), count: $0.1.count) }
        guard !tasks.isEmpty else { return values }
        do {
            try await withThrowingTaskGroup(of: (Int, Int, [Double]).self) { group in
                var next = 0, finished = 0
                func launch() {
                    let (k, replication) = tasks[next]
                    next += 1
                    let changed = work[k].0
                    group.addTask {
                        let model = SimulationModel(scenario: changed)
                        let store = try ResultStore.open(folder, fingerprint: changed.fingerprint)
                        let result = try await Experiment.run(model: model, seed: seed, indices: [replication], jobs: 1, store: store)
                        return (k, replication, ExperimentSummary(model: model, seed: seed, results: result.map(\.1)).targets.map(\.estimate.mean))
                    }
                }
                while next < Swift.min(Swift.max(1, jobs), tasks.count) { launch() }
                while let (k, replication, targetValues) = try await group.next() {
                    values[k][replication - work[k].1.lowerBound] = targetValues
                    finished += 1
                    log?("\(phase): \(finished)/\(tasks.count) replications")
                    if next < tasks.count { launch() }
                }
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            throw SimulationError(message: "replication failed: \(error)")
        }
        return values
    }
}
