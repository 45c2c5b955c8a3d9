import Foundation
import Testing
@testable import MotCua

/// End-to-end tests of the `motcua` executable, run as a separate process as a user would.
@Suite("The motcua command")
struct CommandLineTests {
    /// The built executable, next to the test bundle in the build folder.
    static let executable: String? = {
        // MOTCUA_BIN runs the tests against another build (e.g. one from before a fix).
        if let chosen = ProcessInfo.processInfo.environment["MOTCUA_BIN"] { return chosen }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("motcua").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        let fallback = Repository.path(".build/debug/motcua")
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }()

    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs motcua (or `program`) with `arguments` from the repository root.
    func motcua(_ arguments: [String], environment: [String: String] = [:], program: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try program ?? #require(CommandLineTests.executable, "build the motcua product first"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                       errors: String(decoding: errors, as: UTF8.self))
    }

    @Test("help for the tool and each command; unknown commands and options are errors with status 2")
    func help() throws {
        #expect(try motcua(["--help"]).status == 0)
        for command in ["run", "validate", "compare", "sweep", "staff", "merge", "bench"] {
            let outcome = try motcua([command, "--help"])
            #expect(outcome.status == 0 && outcome.output.contains("USAGE"), "\(command) --help")
        }
        let unknown = try motcua(["run", "scenarios/validation/mm1.json", "--frobnicate"])
        #expect(unknown.status == 2 && unknown.errors.contains("unknown option --frobnicate"))
        #expect(try motcua(["fly"]).status == 2)
    }

    @Test("a broken scenario: status 2 and a message naming the file and the JSON path, no stack trace")
    func brokenScenario() throws {
        let path = NSTemporaryDirectory() + "motcua-broken-\(getpid()).json"
        try minimalScenario.replacingOccurrences(of: "\"staff\": 2", with: "\"staff\": -3").write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try motcua(["validate", path])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains(path) && outcome.errors.contains("offices[desk].staff"))
        #expect(!outcome.errors.contains("Backtrac"))
        #expect(try motcua(["run", "/nonexistent/scenario.json"]).status == 2)
    }

    @Test("four shards in separate processes merge into exactly the single-machine report")
    func shardsMerge() throws {
        let dir = NSTemporaryDirectory() + "motcua-shards-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let scenario = "scenarios/validation/mm1.json"
        for i in 0..<4 {
            // Shard 2 takes its index from the Slurm environment, as an array job would.
            let arguments = i == 2 ? ["run", scenario, "--replications", "7", "--shard", "env", "--json", "\(dir)/slice-\(i).json"]
                                   : ["run", scenario, "--replications", "7", "--shard", "\(i)/4", "--json", "\(dir)/slice-\(i).json"]
            let env = i == 2 ? ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0",
                                "SLURM_ARRAY_TASK_MAX": "3", "SLURM_ARRAY_TASK_STEP": "1"] : [:]
            #expect(try motcua(arguments, environment: env).status == 0)
        }
        let merged = try motcua(["merge"] + (0..<4).map { "\(dir)/slice-\($0).json" } + ["--json", "\(dir)/merged.json"])
        let single = try motcua(["run", scenario, "--replications", "7", "--json", "\(dir)/single.json"])
        #expect(merged.status == 0 && single.status == 0)
        #expect(merged.output == single.output)
        #expect(try String(contentsOfFile: "\(dir)/merged.json", encoding: .utf8) == String(contentsOfFile: "\(dir)/single.json", encoding: .utf8))
        let incomplete = try motcua(["merge", "\(dir)/slice-0.json"])
        #expect(incomplete.status == 2 && incomplete.errors.contains("missing"))
    }

    @Test("--results keeps finished replications: a second run reuses them and prints the same report")
    func resumable() throws {
        let dir = NSTemporaryDirectory() + "motcua-results-\(getpid())"
        let first = try motcua(["run", "scenarios/validation/mm1.json", "--replications", "3", "--results", dir])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }
        #expect(files.count == 3)
        // Remove one: the re-run computes only that one and the report is the same.
        try FileManager.default.removeItem(atPath: dir + "/" + files.sorted()[0])
        let second = try motcua(["run", "scenarios/validation/mm1.json", "--replications", "3", "--results", dir])
        #expect(first.output == second.output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.count == 3)
    }
}

@Suite("The per-dossier log")
struct DossierLogTests {
    @Test("one row per dossier, statuses matching the balance, dates as the one-stop system writes them")
    func logMatchesBalance() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [("horizon.days", "20")])
        let model = SimulationModel(scenario: scenario)
        let path = NSTemporaryDirectory() + "motcua-log-\(getpid()).csv"
        let log = try DossierLog(path: path, start: scenario.horizon.start)
        let result = try await SimulationRun(model: model, seed: 2, log: log).run()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == Substring(DossierLog.columns.joined(separator: ",")))
        let statuses = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[8] }
        let c = result.conservation
        #expect(statuses.count == c.backlog + c.received)
        #expect(statuses.filter { $0 == "refused" }.count == c.refused)
        #expect(statuses.filter { $0 == "withdrawn" }.count == c.withdrawn)
        #expect(statuses.filter { $0 == "in progress" }.count == c.inProgress)
        #expect(statuses.filter { $0 == "on time" || $0 == "late" }.count == c.finished)
        let received = lines[1].split(separator: ",", omittingEmptySubsequences: false)[5]
        #expect(received.range(of: #"^\d\d/\d\d/\d{4} \d\d:\d\d$"#, options: .regularExpression) != nil)
    }
}

@Suite("Interruption")
struct InterruptionTests {
    @Test("Ctrl-C leaves no partial output, exits 130, and keeps the finished replications for the same command to reuse")
    func interrupt() throws {
        let exe = try #require(CommandLineTests.executable)
        let dir = NSTemporaryDirectory() + "motcua-interrupt-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let arguments = ["run", "scenarios/go-vap-2024.json", "--set", "horizon.days=30", "--replications", "40", "--jobs", "1",
                         "--results", "\(dir)/results", "--json", "\(dir)/report.json", "--csv", "\(dir)/csv"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Interrupt once a replication has finished (tests run in parallel, so time alone says little).
        let deadline = Date().addingTimeInterval(120)
        // Finished replications only: the hidden ".….partial" file of one being written vanishes
        // when the interrupt lands during the write (seen under load: "kept 0").
        func finished() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(dir)/results")) ?? []).filter { !$0.hasPrefix(".") }.count
        }
        while Date() < deadline, finished() == 0 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!left.contains("report.json") && !left.contains { $0.hasSuffix(".partial") })
        let kept = finished()
        #expect(kept > 0 && kept < 40, "kept \(kept) replications")
    }
}

@Suite("On a terminal")
struct TerminalTests {
    static let script: String? = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("with standard error on a terminal, the progress line is shown and the run ends normally",
          .enabled(if: script != nil, "util-linux script is not installed"))
    func progressOnTerminal() throws {
        let exe = try #require(CommandLineTests.executable)
        let transcript = NSTemporaryDirectory() + "motcua-tty-\(getpid()).log"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TerminalTests.script!)
        process.arguments = ["-qec", "\(exe) run scenarios/go-vap-2024.json --set horizon.days=60 --replications 6 --jobs 1 > /dev/null", transcript]
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = (try? String(contentsOfFile: transcript, encoding: .utf8)) ?? ""
        #expect(text.contains("replications done"))
        #expect(!text.contains("Backtrac") && !text.contains("Signal"))
    }
}
