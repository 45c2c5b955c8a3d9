import Foundation
import Testing
@testable import MotCua

/// A seeded adversarial pass over the `motcua` executable (issue 15): damaged scenarios, abused
/// options and broken records files, each run as a user would run it, in a scratch copy.
///
/// Every case must end with status 0, 1 or 2, within ``timeLimit`` seconds, within
/// ``memoryLimit`` bytes of address space (enforced with `prlimit --as`, so a runaway
/// allocation fails the case instead of the machine), and without changing any input file.
/// CI runs ``defaultCases``; `MOTCUA_FUZZ_CASES=3000 MOTCUA_FUZZ_SEED=7 swift test --filter
/// CommandFuzzTests` runs a long pass (`MOTCUA_FUZZ_EXECUTABLE` points it at another build of
/// `motcua`, e.g. a copy that later builds do not replace). A failing case prints the command that reproduces it and
/// keeps its scratch folder.
@Suite("Fuzzing the motcua command", .serialized)
struct CommandFuzzTests {
    static let defaultCases = 30
    static let environment = ProcessInfo.processInfo.environment
    static let caseCount = environment["MOTCUA_FUZZ_CASES"].flatMap { Int($0) } ?? defaultCases
    static let seed = environment["MOTCUA_FUZZ_SEED"].flatMap { UInt64($0) } ?? 15
    static let timeLimit = 20.0
    static let memoryLimit = 3 << 30
    static let horizon = ["--set", "horizon.days=20"]
    static let scenarios = ["go-vap-2024", "binh-tan-2023", "quan-6-2024", "validation/mmc"]

    /// Failures already filed against parts of the program this harness does not own: the
    /// case's command line contains the pattern. Kept so that CI stays green while the
    /// owners fix them; remove an entry once its fix lands.
    static let knownIssues: [(pattern: String, issue: String)] = [
    ]

    /// One generated case: the files it needs (relative path → bytes) and its arguments.
    struct Case {
        let number: Int
        let kind: String
        var files: [String: [UInt8]] = [:]
        var arguments: [String] = []
    }

    // MARK: generation

    static let hostileNumbers: [JSONValue] = [
        .number(0), .number(-1), .number(1e19), .number(1e300), .number(-1e300), .number(0.5), .number(1e-300),
        .number(4_294_967_296), .number(9_007_199_254_740_992), .string("NaN"), .string("Infinity"), .string("-0"),
        .string("1e999"), .string(""), .null, .bool(true),
    ]
    static let hostileStrings = [
        "", " ", "nowhere", "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{07}", "ward-desk", "land-branch", "*",
        "Phường 1 — Gò Vấp", "\u{202E}evil", "a\u{0}b", String(repeating: "x", count: 5_000), "2024-02-30", "25:99",
    ]
    static let hostileOptionValues = [
        "0", "-1", "1e19", "1e300", "-1e300", "NaN", "inf", "", " ", "abc", "18446744073709551616",
        "9007199254740993", "3.5", "1:1e308:1e306", "0:0:0", "1:2:0", "2:1:0.5", "1000:1000:1", "=", "x=",
        "horizon.days=1e300", "offices.0.staff=-3", "load.weekday=[0,0,0,0,0,0,0]", "seed=1e300",
        "backlog.0.elapsedWorkingDays.max=1e19", "seed=9007199254740993", "load.weekday=[0.01,0.01,0.01,0.01,0.01,0.01,1000]",
        String(repeating: "9", count: 400), "\u{1B}[2J", "env", "env/0", "3/2", "-1/2", "0/0",
    ]

    static func pick<T>(_ items: [T], _ rng: inout RandomStream) -> T { items[Int(rng.next() % UInt64(items.count))] }

    static func scenarioBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("scenarios/\(name).json"))))
    }

    /// One mutation of `document`: a number made hostile, a type changed, a key deleted, an id
    /// duplicated or made of escapes, an array blown up.
    static func mutate(_ document: JSONValue, _ rng: inout RandomStream) -> JSONValue {
        let all = FuzzTests.paths(document).filter { !$0.isEmpty }
        let path = pick(all, &rng)
        let choice = rng.next() % 8
        let number = pick(hostileNumbers, &rng), text = pick(hostileStrings, &rng)
        let copies = Int(rng.next() % 3) == 0 ? 200_000 : 2_000
        return FuzzTests.replace(document, at: path[...]) { value in
            switch (choice, value) {
            case (0, _): return nil
            case (1, .number), (1, .string), (1, .bool), (1, .null): return number
            case (2, .string): return .string(text)
            case (3, .array(let items)) where !items.isEmpty:                     // duplicated ids, huge arrays
                return .array(items + Array(repeating: items[0], count: items.count == 1 ? copies : 1))
            case (4, .object(var members)):
                if let i = members.firstIndex(where: { $0.key == "id" }) { members[i].value = .string(text) }
                return .object(members)
            case (5, _): return [.array([]), .object([]), .string("x"), .number(1)][Int(rng.next() % 4)]
            case (6, .number(let x)): return .number(x * pick([1e6, -1, 1e300, 0], &rng))
            default: return number
            }
        } ?? document
    }

    static func scenarioCase(_ number: Int, _ rng: inout RandomStream) throws -> Case {
        let name = pick(scenarios, &rng)
        var bytes = try scenarioBytes(name)
        switch rng.next() % 10 {
        case 0: bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count))))
        case 1: bytes[Int(rng.next() % UInt64(bytes.count))] = pick([0xFF, 0xC3, 0x00, UInt8(ascii: "\""), UInt8(ascii: "N")], &rng)
        default:
            var document = try JSONParser.parse(bytes)
            for _ in 0...(rng.next() % 3) { document = mutate(document, &rng) }
            bytes = Array(JSONWriter.text(document).utf8)
        }
        let command = pick(["run", "run", "run", "validate", "compare", "staff", "sweep"], &rng)
        var arguments = [command, "scenario.json"] + horizon
        switch command {
        case "run", "compare": arguments += ["--replications", "1"]
        case "staff": arguments += ["--replications", "1", "--office", "land-branch=1:3"]
        case "sweep": arguments += ["--replications", "1", "--load", "0.5:1.5:0.5"]
        default: break
        }
        return Case(number: number, kind: "scenario \(name)", files: ["scenario.json": bytes], arguments: arguments)
    }

    static func optionCase(_ number: Int, _ rng: inout RandomStream) throws -> Case {
        let name = pick(scenarios, &rng)
        let command = pick(["run", "run", "validate", "compare", "sweep", "staff", "merge", "calibrate"], &rng)
        var arguments = [command, "scenario.json"] + horizon + ["--replications", "1"]
        if command == "sweep" { arguments += ["--load", "0.5:1:0.5"] }
        let options = ["--seed", "--replications", "--jobs", "--load", "--set", "--overlay", "--json", "--html", "--csv",
                       "--events", "--results", "--shard", "--lang", "--office", "--target", "--variant", "--base", "--out"]
        for _ in 0...(rng.next() % 3) {
            let option = pick(options, &rng)
            let value: String
            switch rng.next() % 4 {
            case 0: value = "scenario.json"                      // an output equal to an input
            case 1 where ["--json", "--html", "--csv", "--events", "--results", "--out"].contains(option): value = "out-\(rng.next() % 2)"
            default: value = pick(hostileOptionValues, &rng)
            }
            arguments += rng.next() % 5 == 0 ? [option] : [option, value]   // sometimes the value is missing
        }
        return Case(number: number, kind: "options", files: ["scenario.json": try scenarioBytes(name)], arguments: arguments)
    }

    static func recordsCase(_ number: Int, _ rng: inout RandomStream) throws -> Case {
        let sample = try String(contentsOfFile: Repository.path("scenarios/samples/go-vap-synthetic-records.csv"), encoding: .utf8)
        var lines = Array(sample.split(separator: "\n", omittingEmptySubsequences: false).prefix(600).map(String.init))
        for _ in 0...(rng.next() % 4) {
            let i = lines.count > 1 ? 1 + Int(rng.next() % UInt64(lines.count - 1)) : 0
            switch rng.next() % 9 {
            case 0: lines[i].insert("\"", at: lines[i].index(lines[i].startIndex, offsetBy: Int(rng.next() % UInt64(max(lines[i].count, 1)))))
            case 1: lines[i] = String(lines[i].prefix(Int(rng.next() % UInt64(max(lines[i].count, 1)))))
            case 2: lines[i] = lines[i].replacingOccurrences(of: "/2024", with: pick(["/1800", "/2200", "/0000", "/99999", "/2024x"], &rng))
            case 3: lines[0] = "\u{FEFF}" + lines[0]
            case 4: lines = [lines[0]]
            case 5: lines[i] = lines[i].replacingOccurrences(of: ",", with: ";")
            case 6: lines[i] += ",\"unclosed"
            case 7: lines[i] = lines[i].replacingOccurrences(of: "on time", with: "\u{1B}[31mlate")
            default: lines.removeAll(); lines.append("")
            }
        }
        let records = Array(lines.joined(separator: "\n").utf8)
        let base = try scenarioBytes("go-vap-2024")
        return Case(number: number, kind: "records", files: ["records.csv": records, "scenario.json": base],
                    arguments: ["calibrate", "records.csv", "--base", "scenario.json", "--out", "fitted.json"])
    }

    // MARK: running

    struct Outcome { let status: Int32; let signalled: Bool; let timedOut: Bool; let seconds: Double; let errors: String }

    /// Runs `arguments` in `folder` under the address-space limit, killing it after the time limit.
    static func run(_ arguments: [String], in folder: URL, executable: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--as=\(memoryLimit)", "--", executable] + arguments
        process.currentDirectoryURL = folder
        let errorFile = folder.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeLimit {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: errorFile)
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       timedOut: timedOut, seconds: Date().timeIntervalSince(start), errors: errors)
    }

    static func shellQuoted(_ argument: String) -> String {
        argument.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:".contains($0) }) && !argument.isEmpty
            ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @Test("damaged scenarios, abused options and broken records: status 0–2, bounded time and memory, inputs untouched")
    func fuzzCommand() throws {
        let executable = try #require(CommandFuzzTests.environment["MOTCUA_FUZZ_EXECUTABLE"] ?? CommandLineTests.executable,
                                      "build the motcua product first")
        let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("motcua-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: scratch)
        var rng = RandomStream(seed: CommandFuzzTests.seed)
        var counts: [String: Int] = [:]
        var failures = 0, known = 0
        for number in 0..<CommandFuzzTests.caseCount {
            var fuzzCase: Case
            switch number % 3 {
            case 0: fuzzCase = try CommandFuzzTests.scenarioCase(number, &rng)
            case 1: fuzzCase = try CommandFuzzTests.optionCase(number, &rng)
            default: fuzzCase = try CommandFuzzTests.recordsCase(number, &rng)
            }
            let folder = scratch.appendingPathComponent("case-\(number)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("calendars"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true)
            fuzzCase.files["calendars/vietnam.json"] = Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("scenarios/calendars/vietnam.json"))))
            fuzzCase.files["tables/go-vap-2025-volumes.csv"] = Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("scenarios/tables/go-vap-2025-volumes.csv"))))
            for (path, bytes) in fuzzCase.files { try Data(bytes).write(to: folder.appendingPathComponent(path)) }

            let outcome = try CommandFuzzTests.run(fuzzCase.arguments, in: folder, executable: executable)
            var problems: [String] = []
            if outcome.timedOut { problems.append("still running after \(Int(CommandFuzzTests.timeLimit)) s") }
            else if outcome.signalled { problems.append("killed by signal \(outcome.status)") }
            else if !(0...2).contains(outcome.status) { problems.append("exit status \(outcome.status)") }
            for (path, bytes) in fuzzCase.files {
                let now = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(Array.init)
                if now != bytes { problems.append("input \(path) changed") }
            }
            counts["status \(outcome.timedOut ? "timeout" : outcome.signalled ? "signal" : String(outcome.status))", default: 0] += 1
            guard !problems.isEmpty else {
                try? FileManager.default.removeItem(at: folder)
                continue
            }
            let command = "cd \(folder.path) && \(executable) " + fuzzCase.arguments.map(CommandFuzzTests.shellQuoted).joined(separator: " ")
            let message = """
                fuzz case \(number) (\(fuzzCase.kind), MOTCUA_FUZZ_SEED=\(CommandFuzzTests.seed)): \(problems.joined(separator: "; "))
                  reproduce: \(command)
                  stderr: \(outcome.errors.prefix(400))
                """
            if let knownIssue = CommandFuzzTests.knownIssues.first(where: { command.contains($0.pattern) }) {
                known += 1
                withKnownIssue(Comment(rawValue: knownIssue.issue), isIntermittent: true) { Issue.record(Comment(rawValue: message)) }
            } else {
                failures += 1
                Issue.record(Comment(rawValue: message))
            }
        }
        print("fuzz: \(CommandFuzzTests.caseCount) cases, seed \(CommandFuzzTests.seed): "
              + counts.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
              + "; \(failures) failures, \(known) known")
        if failures == 0 { try? FileManager.default.removeItem(at: scratch) }
    }
}
