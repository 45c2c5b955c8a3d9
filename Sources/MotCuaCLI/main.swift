import Foundation
import MotCua

/// Exit statuses, documented in the README.
enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case badInput = 2
    case internalError = 3
}

let usage = """
    motcua — simulate the one-stop (một cửa) dossier flow of a district and test its targets

    USAGE
      motcua run <scenario.json> [--seed N] [--replications N] [--jobs N] [--load X]
                 [--overlay what-if.json]… [--set path=value]… [--json FILE] [--lang en|vi]
      motcua validate <scenario.json> [--overlay what-if.json]… [--set path=value]…
      motcua compare <base.json> [<variant.json>…] [--variant overlay.json]… [options]
      motcua merge <slice.json>… [--json FILE] [--lang en|vi]
      motcua sweep <scenario.json> --load FROM:TO:STEP [options]
      motcua staff <scenario.json> [--office ID[=LOW:HIGH]]… [options]
      motcua calibrate <records.csv> --base <scenario.json> --out <scenario.json> [--check]
      motcua bench [--workload NAME]… [--repeat N] [--scaling]
      motcua help [command]

    COMMANDS
      run        simulate the scenario and print the targets table, on-time rates and offices
      validate   check a scenario file without running it
      compare    run what-if variants against a base with common random numbers
      merge      combine the slices of a sharded (cluster) run into one report
      sweep      find the load at which each target stops passing
      staff      find the smallest staff per office that makes every target pass
      calibrate  build a scenario from a district's own dossier records
      bench      measure speed and memory on the reference workloads

    Run `motcua <command> --help` for the options of a command.
    """

let runUsage = """
    USAGE: motcua run <scenario.json> [options]

    Simulates the scenario over its horizon and prints, for each target of its plan, the
    measured value and PASS / FAIL / AT RISK, then on-time rates by field, office queues and
    the dossier balance.

    OPTIONS
      --seed N           random seed (default: the scenario's "seed")
      --replications N   independent replications (default 1); with 2 or more, values carry
                         95% confidence intervals and verdicts use them
      --jobs N           replications run in parallel (default: number of cores)
      --load X           multiply every arrival volume by X (e.g. 1.3 for +30%)
      --overlay FILE     lay a partial scenario over this one (repeatable), e.g.
                         scenarios/what-if/land-branch-minus-2.json
      --set PATH=VALUE   change one value (repeatable); PATH names keys and, in lists,
                         ids: --set offices.land-branch.staff=6
      --json FILE        also write the results as JSON (docs/output-format.md)
      --html FILE        also write a one-page report with charts (self-contained, prints on A4)
      --events FILE      stream the per-dossier log of the first replication to a CSV file
                         (code, procedure, field, office, channel, received, appointment,
                         finished, status, supplements; dates dd/MM/yyyy HH:mm)
      --csv DIR          also write tidy CSV tables (targets, fields, offices, daily) into DIR
      --results DIR      keep each finished replication in DIR; the same command run again
                         (e.g. after Ctrl-C) reuses them and runs only the missing ones
      --shard I/N        run only replications I, I+N, I+2N… (0 ≤ I < N) and write them to
                         the --json file as a slice for `motcua merge`; `--shard env` takes
                         I and N from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, and
                         `--shard env/N` takes I from JOB_COMPLETION_INDEX (Kubernetes)
      --lang en|vi       language of the report (default en; vi uses the plans' terms)
      -h, --help         show this help
    """

let compareUsage = """
    USAGE: motcua compare <base.json> [<variant.json>…] [--variant overlay.json]… [options]

    Runs the base scenario and each variant with the same seeds (common random numbers: the
    same citizens arrive in every variant) and prints each measure's value per variant and its
    difference from the base with a 95% confidence interval, then the target verdicts that change.
    A variant is either a whole scenario file or, with --variant, an overlay laid on the base
    (e.g. scenarios/what-if/land-branch-minus-2.json).

    OPTIONS
      --variant FILE     an overlay on the base, as a variant (repeatable)
      --seed N, --replications N (default 10), --jobs N, --load X, --lang en|vi, as for run
      --results DIR      keep finished replications of every variant; the same command resumes
    """

let validateUsage = """
    USAGE: motcua validate <scenario.json> [--overlay FILE]… [--set PATH=VALUE]…

    Reads and checks the scenario (with any overlays and settings applied) (and the holiday table it names) and reports every problem
    with its JSON path. Exit status 0 when valid, 2 otherwise.
    """

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

func fail(_ message: String, usage text: String, status: ExitStatus = .badInput) -> Never {
    printError("error: \(message)\n\n\(text)")
    exit(status.rawValue)
}

func loadModel(_ path: String, _ parsed: ParsedArguments, load: Double = 1) -> SimulationModel {
    let settings: [(String, String)]
    do throws(UsageError) {
        settings = try parsed.settings()
    } catch {
        fail(error.message, usage: usage)
    }
    do {
        let scenario = try ScenarioLoader.load(path: path, overlays: parsed.all["--overlay"] ?? [], settings: settings)
        return SimulationModel(scenario: scenario.scalingLoad(by: load))
    } catch {
        printError("error: \(error.description)")
        exit(ExitStatus.badInput.rawValue)
    }
}

func runCommand(_ arguments: [String]) async -> Never {
    let parsed: ParsedArguments
    let seedOverride: Int?, replications: Int, jobs: Int
    var load = 1.0
    var shard: (index: Int, count: Int)?
    do throws(UsageError) {
        parsed = try ParsedArguments(arguments, options: ["--seed", "--replications", "--jobs", "--load", "--overlay", "--set", "--json",
                                                          "--lang", "--results", "--shard", "--csv", "--html", "--events"],
                                     flags: ["-h", "--help"])
        if !parsed.flags.isDisjoint(with: ["-h", "--help"]) { print(runUsage); exit(0) }
        seedOverride = parsed.values["--seed"] == nil ? nil : try parsed.integer("--seed", in: 0...Int.max, default: 0)
        replications = try parsed.integer("--replications", in: 1...100_000, default: 1)
        jobs = try parsed.integer("--jobs", in: 1...1024, default: ProcessInfo.processInfo.activeProcessorCount)
        _ = try parsed.language()
        load = try parsed.loadFactor()
        shard = try Sharding.shard(parsed.values["--shard"], environment: ProcessInfo.processInfo.environment)
        if shard != nil && parsed.values["--json"] == nil {
            throw UsageError(message: "--shard needs --json FILE: the slice's results go there, for motcua merge")
        }
    } catch {
        fail(error.message, usage: runUsage)
    }
    guard parsed.positional.count == 1 else {
        fail(parsed.positional.isEmpty ? "missing the scenario file" : "expected one scenario file, found \(parsed.positional.count) arguments", usage: runUsage)
    }
    let model = loadModel(parsed.positional[0], parsed, load: load)
    if shard == nil, let problem = RunLimits.replicationProblem(model.scenario, replications: replications) {
        fail(problem, usage: runUsage)
    }
    let seed = seedOverride.map(UInt64.init) ?? model.scenario.seed
    var store: ResultStore?
    if let directory = parsed.values["--results"] {
        do { store = try ResultStore(directory: directory, fingerprint: model.scenario.fingerprint) } catch {
            printError("error: \(error.description)")
            exit(ExitStatus.failure.rawValue)
        }
    }
    let indices = (0..<replications).filter { shard == nil || $0 % shard!.count == shard!.index }
    var log: DossierLog?
    if let path = parsed.values["--events"] {
        do { log = try DossierLog(path: path, start: model.scenario.horizon.start) } catch {
            printError("error: \(error.description)")
            exit(ExitStatus.failure.rawValue)
        }
    }
    do {
        let done = try await Experiment.run(model: model, seed: seed, indices: indices, jobs: jobs, store: store, log: log,
                                            progress: Progress.reporter(total: indices.count, what: "replications"))
        Progress.finish()
        if let shard {
            let slice = Sharding.slice(arguments: parsed, load: load, model: model, seed: seed, replications: replications,
                                       shard: shard, results: done)
            writeOrFail(JSONWriter.text(slice), to: parsed.values["--json"]!)
            print("shard \(shard.index)/\(shard.count): \(done.count) of \(replications) replications written to \(parsed.values["--json"]!)")
            exit(ExitStatus.success.rawValue)
        }
        emitReports(ExperimentSummary(model: model, seed: seed, results: done.map(\.1)), parsed)
    } catch {
        printError("internal error: \(error.description)\nThis is a bug in MotCua, not in the scenario; please report it with the scenario and seed.")
        exit(ExitStatus.internalError.rawValue)
    }
}

/// A progress line on standard error, only when it is a terminal and the work has taken more
/// than a second; nothing otherwise, so logs and pipes stay clean.
enum Progress {
    static let enabled = isatty(STDERR_FILENO) != 0

    /// Seconds since `since` (nanoseconds of uptime), never negative.
    static func elapsed(since: UInt64) -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now > since ? Double(now - since) / 1e9 : 0
    }

    nonisolated(unsafe) static var started: UInt64 = 0

    static func reporter(total: Int, what: String) -> (@Sendable (Int) -> Void)? {
        guard enabled else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        started = start
        return { done in
            guard elapsed(since: start) > 1 else { return }
            FileHandle.standardError.write(Data("\r  \(done)/\(total) \(what) done".utf8))
        }
    }

    static func finish() {
        if enabled && started > 0 && elapsed(since: started) > 1 {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}

/// Writes a file atomically, or stops with exit status 1.
func writeOrFail(_ text: String, to path: String) {
    do {
        try OutputFile.write(text, to: path)
    } catch {
        printError("error: \(error.description)")
        exit(ExitStatus.failure.rawValue)
    }
}

/// The outputs of a finished experiment: `--json`, then the text report. Shared by `run` and
/// `merge`, so a merged cluster run prints exactly what a single machine prints.
func emitReports(_ summary: ExperimentSummary, _ parsed: ParsedArguments) -> Never {
    if let path = parsed.values["--json"] {
        writeOrFail(JSONWriter.text(JSONReport.document(summary)), to: path)
    }
    if let directory = parsed.values["--csv"] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            printError("error: cannot create the folder \(directory): \(error.localizedDescription)")
            exit(ExitStatus.failure.rawValue)
        }
        for table in CSVReport.tables(summary) {
            writeOrFail(table.text, to: (directory as NSString).appendingPathComponent(table.name))
        }
    }
    let language = (try? parsed.language()) ?? .en
    if let path = parsed.values["--html"] {
        writeOrFail(HTMLReport.render(summary, language: language), to: path)
    }
    print(TextReport.render(summary, language: language), terminator: "")
    exit(ExitStatus.success.rawValue)
}

func compareCommand(_ arguments: [String]) async -> Never {
    let parsed: ParsedArguments
    let replications: Int, jobs: Int
    var load = 1.0
    do throws(UsageError) {
        parsed = try ParsedArguments(arguments, options: ["--variant", "--seed", "--replications", "--jobs", "--load", "--lang", "--results"],
                                     flags: ["-h", "--help"])
        if !parsed.flags.isDisjoint(with: ["-h", "--help"]) { print(compareUsage); exit(0) }
        replications = try parsed.integer("--replications", in: 2...100_000, default: 10)
        jobs = try parsed.integer("--jobs", in: 1...1024, default: ProcessInfo.processInfo.activeProcessorCount)
        load = try parsed.loadFactor()
        _ = try parsed.language()
        guard !parsed.positional.isEmpty else { throw UsageError(message: "missing the base scenario") }
        guard parsed.positional.count + (parsed.all["--variant"]?.count ?? 0) >= 2 else {
            throw UsageError(message: "nothing to compare: give a variant scenario or --variant overlay.json")
        }
    } catch {
        fail(error.message, usage: compareUsage)
    }
    let base = parsed.positional[0]
    var names = parsed.positional
    var models = parsed.positional.map { path in
        loadModel(path, (try? ParsedArguments([], options: [], flags: []))!, load: load)
    }
    for overlay in parsed.all["--variant"] ?? [] {
        names.append("\(base) + \(overlay)")
        models.append(loadModel(base, (try? ParsedArguments(["--overlay", overlay], options: ["--overlay"], flags: []))!, load: load))
    }
    let seed = parsed.values["--seed"].flatMap(UInt64.init) ?? models[0].scenario.seed
    do {
        var results: [[RunResult]] = []
        for model in models {
            let store = try ResultStore.open(parsed.values["--results"], fingerprint: model.scenario.fingerprint)
            results.append(try await Experiment.run(model: model, seed: seed, indices: Array(0..<replications), jobs: jobs, store: store).map(\.1))
        }
        let comparison = Comparison(names: names, models: models, results: results, seed: seed)
        let language = (try? parsed.language()) ?? .en
        print(ComparisonReport.render(comparison, replications: replications, language: language), terminator: "")
        exit(0)
    } catch {
        printError("internal error: \(error.description)")
        exit(ExitStatus.internalError.rawValue)
    }
}

func validateCommand(_ arguments: [String]) -> Never {
    do throws(UsageError) {
        let parsed = try ParsedArguments(arguments, options: ["--overlay", "--set"], flags: ["-h", "--help"])
        if !parsed.flags.isDisjoint(with: ["-h", "--help"]) { print(validateUsage); exit(0) }
        guard parsed.positional.count == 1 else {
            throw UsageError(message: parsed.positional.isEmpty ? "missing the scenario file" : "expected one scenario file")
        }
        let model = loadModel(parsed.positional[0], parsed)
        let s = model.scenario
        print("\(parsed.positional[0]): valid — \(s.name): \(model.offices.count) offices, \(s.procedures.count) procedures, \(s.targets.count) targets, \(s.horizon.days) days")
        exit(0)
    } catch {
        fail(error.message, usage: validateUsage)
    }
}

/// Ctrl-C or SIGTERM: remove the outputs being written, keep the finished replications of
/// `--results` (each was renamed into place when it finished), and stop with status 130.
let interruptions: [any DispatchSourceSignal] = [SIGINT, SIGTERM].map { number in
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler {
        PartialFiles.removeAll()
        FileHandle.standardError.write(Data("\ninterrupted: no partial output left; finished replications kept with --results are reused by the same command\n".utf8))
        exit(130)
    }
    source.resume()
    return source
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case nil, "-h", "--help":
    print(usage)
    exit(arguments.isEmpty ? ExitStatus.badInput.rawValue : 0)
case "help":
    switch arguments.dropFirst().first {
    case "run": print(runUsage)
    case "validate": print(validateUsage)
    case "bench": print(Bench.usage)
    case "compare": print(compareUsage)
    case "merge":
    Sharding.merge(Array(arguments.dropFirst()))
case "calibrate":
    await CalibrateCommand.main(Array(arguments.dropFirst()))
case "sweep": print(ExperimentCommands.sweepUsage)
    case "staff": print(ExperimentCommands.staffUsage)
    case nil: print(usage)
    case let other?: fail("unknown command \(other)", usage: usage)
    }
    exit(0)
case "run":
    await runCommand(Array(arguments.dropFirst()))
case "validate":
    validateCommand(Array(arguments.dropFirst()))
case "bench":
    await Bench.main(Array(arguments.dropFirst()))
case "compare":
    await compareCommand(Array(arguments.dropFirst()))
case "merge":
    Sharding.merge(Array(arguments.dropFirst()))
case "calibrate":
    await CalibrateCommand.main(Array(arguments.dropFirst()))
case "sweep":
    await ExperimentCommands.sweep(Array(arguments.dropFirst()))
case "staff":
    await ExperimentCommands.staff(Array(arguments.dropFirst()))
case let other?:
    fail("unknown command \(other)", usage: usage)
}
