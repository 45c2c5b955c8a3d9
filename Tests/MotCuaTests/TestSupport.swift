import Foundation
@testable import MotCua

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }
}

/// The long versions of the costliest tests: `MOTCUA_LONG_TESTS=1 swift test` (README). By default
/// they check the same things on less work, so that CI stays near 15 minutes.
enum LongTests {
    static let enabled = ProcessInfo.processInfo.environment["MOTCUA_LONG_TESTS"] == "1"
}

/// Runs `replications` replications of the scenario file at `relative` and summarises them.
func simulate(_ relative: String, seed: UInt64 = 1, replications: Int = 1, jobs: Int = 2) async throws -> (SimulationModel, [RunResult]) {
    let model = SimulationModel(scenario: try ScenarioLoader.load(path: Repository.path(relative)))
    let results = try await Experiment.run(model: model, seed: seed, replications: replications, jobs: jobs)
    return (model, results)
}

/// Decodes a scenario given as JSON text (relative paths resolve against `scenarios/`).
func decodeScenario(_ json: String, file: String = "test.json") throws(ScenarioError) -> Scenario {
    try ScenarioLoader.decode(Array(json.utf8), file: file, directory: Repository.path("scenarios"))
}

/// Runs the program at `executable` with `arguments`, and `environment` added to this
/// process's: its standard output (standard error is discarded) and its exit status.
func runProgram(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, chosen in chosen }
    }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}

/// Runs a scenario (seed 7) and returns how many entries each office served, by office id,
/// with the run's result.
func servedByOffice(_ json: String) async throws -> (served: [String: Int], result: RunResult) {
    let model = SimulationModel(scenario: try decodeScenario(json))
    let result = try await SimulationRun(model: model, seed: 7).run()
    var served: [String: Int] = [:]
    for (office, tally) in zip(model.offices, result.offices) { served[office.id] = tally.served }
    return (served, result)
}
