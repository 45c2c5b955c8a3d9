import Foundation
import Synchronization
import MotCua

/// The scenario as the command's arguments make it: the file, its overlays and settings, and
/// the load factor. A scenario the user got wrong is bad input (status 2).
func loadModel(_ path: String, overlays: [String] = [], settings: [(String, String)] = [], load: Double = 1)
    throws(CommandFailure) -> SimulationModel {
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(path: path, overlays: overlays, settings: settings).scalingLoad(by: load)
    } catch {
        throw .badInput(error.description)
    }
    // The loader checked the limits at the scenario's own volumes; --load may raise them.
    if let problem = RunLimits.problem(scenario) {
        let what = ([path] + overlays).joined(separator: " + ") + (settings.isEmpty ? "" : " + --set") + (load == 1 ? "" : " at --load \(load)")
        throw .badInput(ScenarioError(file: what, issues: [problem]).description)
    }
    return SimulationModel(scenario: scenario)
}

/// The scenario's warnings on standard error, one a line (`warning: FILE: PATH: message`):
/// allowed, so the command goes on, but the planner should know.
func printWarnings(_ scenario: Scenario) {
    for warning in scenario.warnings {
        writeStandardError("warning: \(scenario.file): \(warning.path): \(warning.message)\n")
    }
}

/// The scenario file (positional), its overlays and settings, as a command's arguments give them.
func loadModel(_ parsed: ParsedArguments, load: Double = 1) throws(CommandFailure) -> SimulationModel {
    try loadModel(parsed.positional[0], overlays: parsed.values("--overlay"), settings: parsed.settings, load: load)
}

/// The scenario inputs of a command (the scenario file and its overlays): no output may be one.
func scenarioInputs(_ parsed: ParsedArguments, what: String = "the scenario") -> [OutputPlan.Input] {
    [OutputPlan.Input(what: what, path: parsed.positional[0])]
        + parsed.values("--overlay").map { OutputPlan.Input(what: "an overlay", path: $0) }
}

/// Progress on standard error once the work has taken more than a second. On a terminal, one
/// line rewritten in place. Elsewhere (`nohup`, CI, a pipe) a plain line every
/// ``lineSeconds`` seconds, so a long command is seen to be working without flooding the log;
/// `MOTCUA_PROGRESS_SECONDS` sets that interval, and 0 turns the lines off.
enum Progress {
    static let isTerminal = isatty(STDERR_FILENO) != 0

    /// Seconds between plain progress lines when standard error is not a terminal (0: none).
    static let lineSeconds: Double = {
        let given = ProcessInfo.processInfo.environment["MOTCUA_PROGRESS_SECONDS"].flatMap(Double.init)
        return given.map { $0.isFinite && $0 > 0 ? $0 : 0 } ?? 10
    }()

    /// Whether progress is shown at all.
    static let enabled = isTerminal || lineSeconds > 0

    /// Seconds since `since` (nanoseconds of uptime), never negative.
    static func elapsed(since: UInt64) -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now > since ? Double(now - since) / 1e9 : 0
    }

    /// When the work started and when the last plain line was written (uptime nanoseconds).
    static let clock = Mutex<(started: UInt64, lastLine: UInt64)>((0, 0))

    /// Starts the clock of a new piece of work.
    static func start() {
        let now = DispatchTime.now().uptimeNanoseconds
        clock.withLock { $0 = (now, now) }
    }

    /// Shows `text` as the current progress: rewritten in place on a terminal after the first
    /// second; elsewhere written as a line when ``lineSeconds`` have passed since the last one.
    static func show(_ text: String) {
        if isTerminal {
            guard elapsed(since: clock.withLock { $0.started }) > 1 else { return }
            writeStandardError("\r  " + text + "   ")
            return
        }
        guard lineSeconds > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let due = clock.withLock { state in
            guard Double(now &- state.lastLine) / 1e9 >= lineSeconds else { return false }
            state.lastLine = now
            return true
        }
        if due { writeStandardError("  " + text + " (" + Format.fixed(Double(now &- clock.withLock { $0.started }) / 1e9, 0) + " s)\n") }
    }

    static func reporter(total: Int, what: String) -> (@Sendable (Int) -> Void)? {
        guard enabled else { return nil }
        start()
        return { done in show("\(done)/\(total) \(what) done") }
    }

    /// Clears the terminal's progress line, if one was shown.
    static func finish() {
        let started = clock.withLock { $0.started }
        if isTerminal && started > 0 && elapsed(since: started) > 1 {
            writeStandardError("\r\u{1B}[K")
        }
    }
}

/// The outputs of a finished experiment: `--json`, `--csv`, `--html`, `--xlsx`, put in place together,
/// then the text report, each with the provenance. Shared by `run` and `merge`, so a merged
/// cluster run prints exactly what a single machine prints.
func emitReports(_ summary: ExperimentSummary, _ parsed: ParsedArguments, plan: OutputPlan, provenance: Provenance) throws(CommandFailure) {
    var plan = plan
    let language = parsed.language
    if parsed.value("--json") != nil {
        try plan.stage(JSONWriter.text(JSONReport.document(summary, provenance: provenance)), for: "--json")
    }
    if parsed.value("--csv") != nil {
        for file in CSVReport.files(summary) { try plan.stage(file.text, named: file.name, inFolderOf: "--csv", parsed: parsed) }
        try plan.stage(CSVReport.provenanceText(provenance, language: language), named: CSVReport.provenanceFileName,
                       inFolderOf: "--csv", parsed: parsed)
    }
    if parsed.value("--html") != nil { try plan.stage(HTMLReport.render(summary, language: language, provenance: provenance), for: "--html") }
    if let path = parsed.value("--xlsx") {
        // The sheets are the CSV tables: in English with the CSV files' column names; in
        // Vietnamese with the sheets, headers and verdicts in Vietnamese.
        let data: Data
        do { data = try Workbook(tables: VietnameseWorkbook.runTables(summary, provenance: provenance, language: language)).xlsxData() } catch {
            throw .output("--xlsx \(path): cannot write the workbook: \(error)")
        }
        try plan.stage(data, for: "--xlsx")
    }
    try plan.commit()
    print(TextReport.render(summary, language: language, provenance: provenance), terminator: "")
}

/// `motcua run` and `motcua validate`.
enum RunCommand {
    static let spec = CommandSpec(
        "run", summary: "simulate the scenario and print the targets table, on-time rates and offices",
        positionals: [PositionalSpec(name: "scenario.json", repeatable: false, optional: false)],
        options: OptionGroup.scenario + OptionGroup.replicationOptions(default: 1, range: 1...100_000) + [OptionGroup.shard]
            + OptionGroup.reports + [OptionGroup.events, OptionGroup.language],
        details: """
            Simulates the scenario over its horizon and prints, for each target of its plan, the
            measured value and PASS / FAIL / AT RISK, then on-time rates by field, office queues and
            the dossier balance.
            """,
        run: main)

    static let validateSpec = CommandSpec(
        "validate", summary: "check a scenario file without running it",
        positionals: [PositionalSpec(name: "scenario.json", repeatable: false, optional: false)],
        options: [OptionGroup.overlay, OptionGroup.set] + OptionGroup.overlayCheck,
        details: """
            Reads and checks the scenario (with any overlays and settings applied, and the holiday
            table it names) and reports every problem with its JSON path. Warnings (dates outside
            the horizon, procedures without arrivals, offices no route reaches…) go to standard
            error and do not fail. Exit status 0 when valid, 2 otherwise. With --overlay-only the
            file is an overlay: alone, its keys and values are checked; with --base, the overlay
            laid over that scenario is checked as a whole.
            """,
        run: validate)

    static func main(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let replications = parsed.integer("--replications", default: 1)
        let jobs = parsed.integer("--jobs", default: ProcessInfo.processInfo.activeProcessorCount)
        var shard: (index: Int, count: Int)?
        do throws(UsageError) {
            shard = try Sharding.shard(parsed.value("--shard"), environment: ProcessInfo.processInfo.environment)
        } catch {
            throw .usage(error.message, command: spec)
        }
        if shard != nil && parsed.value("--json") == nil {
            throw .usage("--shard needs --json FILE: the slice's results go there, for motcua merge", command: spec)
        }
        if shard != nil && parsed.value("--xlsx") != nil {
            throw .usage("--xlsx cannot be written by a shard: it holds only its slice; give --xlsx FILE to motcua merge", command: spec)
        }
        let model = try loadModel(parsed, load: parsed.load)
        printWarnings(model.scenario)
        if shard == nil, let problem = RunLimits.replicationProblem(model.scenario, replications: replications) {
            throw .usage(problem, command: spec)
        }
        var plan = try OutputPlan(parsed, inputs: scenarioInputs(parsed), scenarios: [model.scenario])
        let seed = parsed.seed ?? model.scenario.seed
        var store: ResultStore?
        if let directory = parsed.value("--results") {
            do { store = try ResultStore(directory: directory, fingerprint: model.scenario.fingerprint) } catch {
                throw .output(error.description)
            }
        }
        let indices = (0..<replications).filter { index in shard.map { index % $0.count == $0.index } ?? true }
        var log: DossierLog?
        if let path = plan.streamingPath(for: "--events") {
            do { log = try DossierLog(path: path, start: model.scenario.horizon.start, isTemporary: true) } catch {
                // Checked up front, yet some folders (/proc) refuse a new file: the user's path, not the temporary one.
                throw .badInput("--events \(parsed.value("--events") ?? path): \(error.reason)")
            }
        }
        let done: [(Int, RunResult)]
        do {
            done = try await Experiment.run(model: model, seed: seed, indices: indices, jobs: jobs, store: store, log: log,
                                            progress: Progress.reporter(total: indices.count, what: "replications"))
        } catch {
            throw plan.failure(error)
        }
        Progress.finish()
        if let shard, let path = parsed.value("--json") {
            let slice = Sharding.slice(arguments: parsed, load: parsed.load, model: model, seed: seed, replications: replications,
                                       shard: shard, results: done)
            try plan.stage(JSONWriter.text(slice), for: "--json")
            try plan.commit()
            print("shard \(shard.index)/\(shard.count): \(done.count) of \(replications) replications written to \(path)")
            return
        }
        try emitReports(ExperimentSummary(model: model, seed: seed, results: done.map(\.1)), parsed, plan: plan,
                        provenance: ReportOutputs.provenance(parsed, model: model, file: parsed.positional[0], seed: seed, replications: done.count))
    }

    static func validate(_ parsed: ParsedArguments) throws(CommandFailure) {
        if parsed.flags.contains("--overlay-only") { return try validateOverlay(parsed) }
        if parsed.value("--base") != nil {
            throw .usage("--base goes with --overlay-only (the file is then an overlay of that base)", command: validateSpec)
        }
        let model = try loadModel(parsed)
        let s = model.scenario
        printWarnings(s)
        let unsourced = printSourceWarnings([parsed.positional[0]] + parsed.values("--overlay"))
        print("\(parsed.positional[0]): valid — \(s.name): \(model.offices.count) offices, \(s.procedures.count) procedures, "
              + "\(s.targets.count) targets, \(s.horizon.days) days" + warningCount(s, more: unsourced))
    }

    /// How many findings of ``SourceCoverage`` one file may print before the rest are counted:
    /// a scenario written without sources would otherwise bury the other warnings.
    static let sourceWarningsShown = 20

    /// Warns, per file, of numbers without a source and of sources that say nothing (the rule of
    /// docs/scenario-format.md; a missing `sourceVi` is left to the shipped scenarios' test);
    /// returns how many there were.
    static func printSourceWarnings(_ files: [String]) -> Int {
        var total = 0
        for file in files {
            // A file that cannot be read was already reported by the load.
            guard let findings = try? SourceCoverage.findings(file: file).filter({ $0.kind != .noVietnamese }) else { continue }
            for finding in findings.prefix(sourceWarningsShown) {
                writeStandardError("warning: \(finding.file): \(finding.path): \(finding.message)\n")
            }
            if findings.count > sourceWarningsShown {
                writeStandardError("warning: \(file): \(findings.count - sourceWarningsShown) more values without a usable source "
                                   + "(docs/scenario-format.md, \"Sources\")\n")
            }
            total += findings.count
        }
        return total
    }

    /// ` (2 warnings)`, or nothing; `more` warnings printed besides the scenario's own.
    static func warningCount(_ scenario: Scenario, more: Int = 0) -> String {
        warningCount(scenario.warnings.count + more)
    }

    /// ` (2 warnings)`, or nothing.
    static func warningCount(_ count: Int) -> String {
        switch count {
        case 0: ""
        case 1: " (1 warning)"
        case let n: " (\(n) warnings)"
        }
    }

    /// `validate --overlay-only FILE [--base scenario.json]`.
    static func validateOverlay(_ parsed: ParsedArguments) throws(CommandFailure) {
        guard parsed.values("--overlay").isEmpty && parsed.settings.isEmpty else {
            throw .usage("--overlay-only checks one overlay; --overlay and --set apply to a whole scenario",
                         command: validateSpec)
        }
        let file = parsed.positional[0], base = parsed.value("--base")
        let scenario: Scenario?
        do {
            scenario = try ScenarioLoader.checkOverlay(path: file, base: base)
        } catch {
            throw .badInput(error.description)
        }
        guard let scenario, let base else {
            let unsourced = printSourceWarnings([file])
            print("\(file): valid overlay (keys and values; give --base to check it over a scenario)"
                  + warningCount(unsourced))
            return
        }
        printWarnings(scenario)
        let unsourced = printSourceWarnings([file])
        print("\(file): valid overlay of \(base) — \(scenario.name): \(scenario.offices.count) office entries, "
              + "\(scenario.procedures.count) procedures, \(scenario.targets.count) targets" + warningCount(scenario, more: unsourced))
    }
}

/// `motcua compare`: variants against a base with common random numbers.
enum CompareCommand {
    static let spec = CommandSpec(
        "compare", summary: "run what-if variants against a base with common random numbers",
        positionals: [PositionalSpec(name: "base.json", repeatable: false, optional: false),
                      PositionalSpec(name: "variant.json", repeatable: true, optional: true)],
        options: [OptionSpec("--variant", "FILE", .input, repeatable: true, help: "an overlay on the base, as a variant (repeatable)")]
            + OptionGroup.scenario + ExperimentCommands.adaptiveReplicationOptions(default: 10, range: 2...100_000) + [OptionGroup.language]
            + OptionGroup.reports,
        details: """
            Runs the base scenario and each variant with the same seeds (common random numbers: the
            same citizens arrive in every variant) and prints each measure's value per variant and its
            difference from the base with a 95% confidence interval (with --replications auto, the
            sequential level the report prints), then the target verdicts that change; a change whose
            paired difference straddles 0 is marked not significant. With auto, a variant stops when
            every verdict change is known, or as soon as one sits on its threshold (projected: the
            maximum would decide it with a chance below 10%).
            A variant is either a whole scenario file or, with --variant, an overlay laid on the base
            (e.g. scenarios/what-if/land-branch-minus-2.json). --overlay, --set and --load apply to
            the base and to every variant.
            """,
        run: main)

    @Sendable static func traceLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func main(_ parsed: ParsedArguments) async throws(CommandFailure) {
        guard parsed.positional.count + parsed.values("--variant").count >= 2 else {
            throw .usage("nothing to compare: give a variant scenario or --variant overlay.json", command: spec)
        }
        let replicationsPlan = ExperimentCommands.replicationPlan(parsed, default: 10)
        let replications = replicationsPlan.maximum
        let jobs = parsed.integer("--jobs", default: ProcessInfo.processInfo.activeProcessorCount)
        let base = parsed.positional[0], overlays = parsed.values("--overlay")
        var names = parsed.positional
        var models: [SimulationModel] = []
        for path in parsed.positional {
            models.append(try loadModel(path, overlays: overlays, settings: parsed.settings, load: parsed.load))
        }
        for variant in parsed.values("--variant") {
            names.append("\(base) + \(variant)")
            models.append(try loadModel(base, overlays: overlays + [variant], settings: parsed.settings, load: parsed.load))
        }
        if let problem = RunLimits.experimentProblem(models.map(\.scenario), replications: replications) {
            throw .usage(problem, command: spec)
        }
        let inputs = scenarioInputs(parsed, what: "the base scenario")
            + parsed.positional.dropFirst().map { OutputPlan.Input(what: "a variant", path: $0) }
            + parsed.values("--variant").map { OutputPlan.Input(what: "a variant", path: $0) }
        let plan = try OutputPlan(parsed, inputs: inputs, scenarios: models.map(\.scenario))
        let seed = parsed.seed ?? models[0].scenario.seed
        // MOTCUA_TRACE_LOOKS=1: each look's intervals and verdict-change decisions on standard error.
        let trace: (@Sendable (String) -> Void)? = ProcessInfo.processInfo.environment["MOTCUA_TRACE_LOOKS"] == "1" ? traceLine : nil
        let comparison: Comparison
        do {
            comparison = try await Comparison.run(names: names, models: models, seed: seed, plan: replicationsPlan, jobs: jobs,
                                                  results: parsed.value("--results"), trace: trace)
        } catch {
            throw .simulation(error)
        }
        let paired = CompareDocument.pairedTargetDifferences(models: models, results: comparison.results, seed: seed,
                                                             confidence: comparison.outcomes[0].confidence)
        let document = CompareDocument.document(comparison, paired: paired, variants: Array(parsed.positional.dropFirst()) + parsed.values("--variant"),
                                                provenance: ReportOutputs.provenance(parsed, model: models[0], file: base, seed: seed,
                                                                                     replications: comparison.outcomes[0].used)
                                                    .withLevel(of: replicationsPlan),
                                                language: parsed.language)
        try ReportOutputs.emit(document, parsed, plan: plan)
    }
}
