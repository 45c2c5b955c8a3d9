import Foundation
import MotCua

/// `motcua bench`: the performance figures of issue 6, measured, not guessed. Each workload
/// runs in a child process of its own so that its peak memory is its own.
enum Bench {
    static let workloads: [(name: String, path: String, what: String)] = [
        ("mmc", "scenarios/validation/mmc-bench.json", "M/M/4, λ=3.6, μ=1, ~1,000,000 customers"),
        ("district-year", "scenarios/go-vap-2024.json", "Gò Vấp district-year"),
        ("city-year", "scenarios/bench/city-year.json", "168 ward centres + city centre, ~5 M dossiers"),
    ]

    static let usage = """
        USAGE: motcua bench [--workload NAME]… [--scaling]

        Runs each workload once (one replication, one core, release build expected) and prints
        wall time, events/s, dossiers/s and peak memory. Workloads (run from the repository root):
        \(workloads.map { "  \($0.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \($0.path) — \($0.what)" }.joined(separator: "\n"))
        With --scaling, also runs 4 replications of the district-year with 1 job and with all
        cores and prints the speed-up.
        """

    /// The parent: runs the chosen workloads in child processes and prints the table.
    static func main(_ arguments: [String]) async -> Never {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(arguments, options: ["--workload", "--one", "--replications", "--jobs"], flags: ["-h", "--help", "--scaling"])
        } catch {
            fail(error.message, usage: usage)
        }
        if !parsed.flags.isDisjoint(with: ["-h", "--help"]) { print(usage); exit(0) }
        if let path = parsed.values["--one"] {
            let replications = (try? parsed.integer("--replications", in: 1...1000, default: 1)) ?? 1
            let jobs = (try? parsed.integer("--jobs", in: 1...1024, default: 1)) ?? 1
            await child(path, replications: replications, jobs: jobs)
        }
        let chosen = parsed.all["--workload"] ?? workloads.map(\.name)
        for name in chosen where !workloads.contains(where: { $0.name == name }) {
            fail("unknown workload \(name)", usage: usage)
        }
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; one replication, one core per workload")
        print(Format.pad("workload", 15) + Format.right("dossiers", 12) + Format.right("events", 13) + Format.right("wall", 9)
              + Format.right("events/s", 12) + Format.right("dossiers/s", 12) + Format.right("peak memory", 13))
        for workload in workloads where chosen.contains(workload.name) {
            guard let line = runChild([workload.path]) else {
                print(Format.pad(workload.name, 15) + "  failed (is \(workload.path) there? run from the repository root)")
                continue
            }
            print(Format.pad(workload.name, 15) + Format.right(Format.count(line.dossiers), 12) + Format.right(Format.count(line.events), 13)
                  + Format.right(String(format: "%.2f s", line.seconds), 9)
                  + Format.right(String(format: "%.2f M", Double(line.events) / line.seconds / 1e6), 12)
                  + Format.right(String(format: "%.2f M", Double(line.dossiers) / line.seconds / 1e6), 12)
                  + Format.right(String(format: "%.0f MiB", Double(line.peakKiB) / 1024), 13))
        }
        if parsed.flags.contains("--scaling") {
            let path = workloads[1].path
            let cores = ProcessInfo.processInfo.activeProcessorCount
            if let one = runChild([path, "--replications", "4", "--jobs", "1"]),
               let all = runChild([path, "--replications", "4", "--jobs", String(cores)]) {
                print(String(format: "scaling: 4 replications of %@: %.2f s on 1 core, %.2f s on %d cores — speed-up %.2f×",
                             path, one.seconds, all.seconds, cores, one.seconds / all.seconds))
            }
        }
        exit(0)
    }

    struct Line {
        let seconds: Double
        let events: Int
        let dossiers: Int
        let peakKiB: Int
    }

    /// Runs `motcua bench --one …` and reads its one-line answer.
    static func runChild(_ arguments: [String]) -> Line? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        process.arguments = ["bench", "--one"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 4, let s = Double(fields[0]), let e = Int(fields[1]), let d = Int(fields[2]), let m = Int(fields[3]) else { return nil }
        return Line(seconds: s, events: e, dossiers: d, peakKiB: m)
    }

    /// The child: loads, runs, prints "seconds events dossiers peakKiB".
    static func child(_ path: String, replications: Int, jobs: Int) async -> Never {
        let model = loadModel(path, try! ParsedArguments([], options: [], flags: []))
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let results = try await Experiment.run(model: model, seed: model.scenario.seed, replications: replications, jobs: jobs)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let events = results.reduce(0) { $0 + $1.events }
            let dossiers = results.reduce(0) { $0 + $1.conservation.received + $1.conservation.backlog }
            print("\(seconds) \(events) \(dossiers) \(peakMemoryKiB())")
            exit(0)
        } catch {
            printError("internal error: \(error.description)")
            exit(ExitStatus.internalError.rawValue)
        }
    }

    /// Peak resident memory of this process (VmHWM), in KiB.
    static func peakMemoryKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
