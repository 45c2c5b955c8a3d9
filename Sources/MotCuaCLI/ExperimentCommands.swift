import Foundation
import MotCua

/// `motcua sweep` and `motcua staff`: the load and staffing questions of the planners.
enum ExperimentCommands {
    static let sweepSpec = CommandSpec(
        "sweep", summary: "find the load at which each target stops passing",
        positionals: [PositionalSpec(name: "scenario.json", repeatable: false, optional: false)],
        options: [OptionSpec("--load", "FROM:TO:STEP", .form(expected: "FROM:TO:STEP with 0 < FROM ≤ TO and at most 200 steps, e.g. 0.8:2.0:0.1",
                                                          wrongExample: "2:1:0.1", accepts: { loadRange($0) != nil }),
                             required: true, help: "the load factors to run, e.g. 0.8:2.0:0.1"),
                  OptionGroup.seed, OptionGroup.overlay, OptionGroup.set]
            + adaptiveReplicationOptions(default: 5, range: 2...10_000)
            + [OptionSpec("--tolerance", "X", .decimal(above: 0, atMost: 10),
                          help: "find each target's break load by bisection to within X (default 0.01)")]
            + OptionGroup.reports + [OptionGroup.language],
        details: """
            Runs the scenario at each load factor (1.0 = the scenario's volumes) and prints, per
            target, the highest load at which it still passes and the first at which it does not,
            the office whose staff first reach 95% busy, and the on-time rate at each load.
            """,
        run: sweep)

    static let staffSpec = CommandSpec(
        "staff", summary: "find the smallest staff per office that makes every target pass",
        positionals: [PositionalSpec(name: "scenario.json", repeatable: false, optional: false)],
        options: [OptionSpec("--office", "ID[=LOW:HIGH]", .form(expected: "ID or ID=LOW:HIGH with 0 ≤ LOW ≤ HIGH ≤ 100000",
                                                                wrongExample: "land-branch=5:2", accepts: { officeBound($0) != nil }),
                             repeatable: true,
                             help: "an office to staff, with bounds (default: its current staff",
                             "minus 50% to plus 100%); repeatable. Default: every office",
                             "that serves a step."),
                  OptionSpec("--target", "ID", .form(expected: "a target id or its prefix", wrongExample: "",
                                                     accepts: { !$0.isEmpty }),
                             repeatable: true,
                             help: "only these targets must pass (repeatable; an id or its prefix,",
                             "e.g. late-land); default: every target")]
            + OptionGroup.scenario + adaptiveReplicationOptions(default: 5, range: 2...10_000)
            + [OptionSpec("--screening", "N", .integer(1...10_000),
                          help: "replications on which candidates are screened before the finalists",
                          "are confirmed on the full number (default 1 when the full number",
                          "is at most 4, else 3)")]
            + UnitStaffCommand.options
            + OptionGroup.reports + [OptionGroup.language],
        details: """
            Finds the smallest staff per office that makes every target of the scenario (or the
            targets given with --target) PASS (the whole 95% confidence interval meeting it).
            Targets no staffing reaches (tested at a very large staff) are reported with the reason
            and left out; each office starts from its offered work, is bisected on a few screening
            replications, the answers together are confirmed on the full replications, and staff
            are removed until one fewer at any office fails. Offices with instances (the wards) are
            one decision: the same staff in every ward. Progress goes to stderr. See
            docs/experiments.md.
            \(UnitStaffCommand.details)
            """,
        run: staff)

    /// `FROM:TO:STEP` of a sweep, or nil when it is not one.
    static func loadRange(_ text: String) -> (from: Double, to: Double, step: Double)? { LoadSweep.range(text) }

    /// `ID` or `ID=LOW:HIGH` of `staff --office`: the id and the bounds given, or nil when malformed.
    static func officeBound(_ text: String) -> (office: String, range: ClosedRange<Int>?)? {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard !parts[0].isEmpty else { return nil }
        guard parts.count == 2 else { return (parts[0], nil) }
        let range = parts[1].split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard range.count == 2, range[0] >= 0, range[1] >= range[0], range[1] <= 100_000 else { return nil }
        return (parts[0], range[0]...range[1])
    }

    /// The replications per evaluation and the parallel jobs of a sweep or a search.
    static func effort(_ parsed: ParsedArguments) -> (replications: Int, jobs: Int) {
        let replicationsPlan = replicationPlan(parsed, default: 5)
        return (replicationsPlan.maximum, parsed.integer("--jobs", default: ProcessInfo.processInfo.activeProcessorCount))
    }

    /// `--replications N` or `auto[:MAX[:PRECISION]]` (the parser has checked the form).
    static func replicationPlan(_ parsed: ParsedArguments, default value: Int) -> ReplicationPlan {
        parsed.value("--replications").flatMap { ReplicationPlan.parse($0, range: 2...100_000) } ?? .fixed(value)
    }

    /// The replication options of compare, sweep and staff: a count or `auto`.
    static func adaptiveReplicationOptions(default value: Int, range: ClosedRange<Int>) -> [OptionSpec] {
        [OptionSpec("--replications", "N|auto[:MAX]", .form(expected: "a count from \(range.lowerBound) to \(range.upperBound), or auto, "
                                                           + "auto:MAX or auto:MAX:PRECISION (e.g. auto:40 or auto:40:0.005)",
                                                         wrongExample: "auto:1", accepts: { ReplicationPlan.parse($0, range: range) != nil }),
                    help: "independent replications (default \(value)), or auto[:MAX]: batches of \(ReplicationPlan.autoBatch) until every",
                    "verdict is decided or MAX (default 40) is reached (intervals at 1 − 5%/looks;",
                    "docs/experiments.md); auto:MAX:P also stops when every interval is ±P"),
         OptionGroup.jobs, OptionGroup.results]
    }

    /// The line saying how many replications a sequential experiment used and why it stopped.
    static func stopLine(_ outcome: SequentialOutcome, plan: ReplicationPlan) -> String? {
        guard plan.isAdaptive else { return nil }
        return "Replications: \(outcome.used) of at most \(plan.maximum), stopped because \(outcome.reason.explanation); "
            + "intervals at \(Format.percent(outcome.confidence, 2)) (5% spent over \(plan.looks.count) looks)"
    }

    static func sweep(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let (replications, jobs) = effort(parsed)
        let replicationsPlan = replicationPlan(parsed, default: 5)
        guard let range = parsed.value("--load").flatMap(loadRange) else {
            throw .usage("--load FROM:TO:STEP is needed, e.g. 0.8:2.0:0.1", command: sweepSpec)
        }
        let model = try loadModel(parsed)
        let loads = LoadSweep.loads(from: range.from, to: range.to, step: range.step)
        if let problem = RunLimits.sweepProblem(model.scenario, loads: loads, replications: replications) {
            throw .usage("--load \(parsed.value("--load") ?? ""): \(problem)", command: sweepSpec)
        }
        let plan = try OutputPlan(parsed, inputs: scenarioInputs(parsed), scenarios: [model.scenario])
        let seed = parsed.seed ?? model.scenario.seed
        let sweep: LoadSweep
        do {
            sweep = try await LoadSweep.run(scenario: model.scenario, loads: loads, seed: seed, replications: replications, jobs: jobs,
                                            results: parsed.value("--results"), plan: replicationsPlan,
                                            tolerance: parsed.value("--tolerance").flatMap(Double.init),
                                            progress: Progress.reporter(total: loads.count, what: "loads"))
        } catch {
            throw .simulation(error)
        }
        Progress.finish()
        var provenance = ReportOutputs.provenance(parsed, model: model, file: parsed.positional[0], seed: seed, replications: replications, load: 1)
        provenance.loads = loads
        provenance = provenance.withLevel(of: replicationsPlan)
        try ReportOutputs.emit(SweepDocument.document(sweep, provenance: provenance, language: parsed.language), parsed, plan: plan)
    }

    static func staff(_ parsed: ParsedArguments) async throws(CommandFailure) {
        if parsed.flags.contains("--per-unit") { return try await UnitStaffCommand.run(parsed) }
        let (replications, jobs) = effort(parsed)
        let replicationsPlan = replicationPlan(parsed, default: 5)
        let model = try loadModel(parsed, load: parsed.load)
        var scenario = model.scenario
        let wanted = parsed.values("--target")
        if !wanted.isEmpty {
            switch TargetSelection.select(wanted, among: scenario.targets.map(\.id)) {
            case .failure(let unmatched): throw .usage(unmatched.message, command: staffSpec)
            case .success(let matches):
                for note in matches.compactMap(\.note) { writeStandardError("note: \(note)\n") }
                scenario.targets = scenario.targets.filter { TargetSelection.selects(matches, $0.id) }
            }
        }
        guard !scenario.targets.isEmpty else { throw .usage("the scenario has no targets: nothing to staff for", command: staffSpec) }
        var bounds: [StaffingSearch.Bound] = []
        let served = Set(scenario.procedures.flatMap { $0.route.filter { $0.service != nil }.map(\.office) })
        let requested = parsed.all["--office"] ?? scenario.offices.map(\.id).filter { served.contains($0) }
        for item in requested {
            guard let (id, range) = officeBound(item) else { continue }  // the parser has checked the form
            guard let office = scenario.offices.first(where: { $0.id == id }) else {
                throw .usage("unknown office \(id); offices: \(scenario.offices.map(\.id).joined(separator: ", "))", command: staffSpec)
            }
            guard !bounds.contains(where: { $0.office == id }) else {
                throw .usage("--office \(id) is given twice; give each office once", command: staffSpec)
            }
            let low = range?.lowerBound ?? max(1, office.staff / 2), high = range?.upperBound ?? max(office.staff * 2, office.staff + 2)
            bounds.append(StaffingSearch.Bound(office: office.id, low: low, high: high))
        }
        if let problem = StaffingSearch.problem(bounds: bounds, in: scenario) { throw .usage(problem, command: staffSpec) }
        // Each evaluation of the search runs the replications once; how many evaluations depends
        // on the path the search takes, so one evaluation is what can be checked up front.
        if let problem = RunLimits.replicationProblem(scenario, replications: replications) {
            throw .usage(problem, command: staffSpec)
        }
        let plan = try OutputPlan(parsed, inputs: scenarioInputs(parsed), scenarios: [model.scenario])
        let seed = parsed.seed ?? scenario.seed
        let search: StaffingSearch
        Progress.start()
        do {
            search = try await StaffingSearch.run(scenario: scenario, bounds: bounds, seed: seed, replications: replications, jobs: jobs,
                                                  results: parsed.value("--results"), plan: replicationsPlan,
                                                  screening: parsed.value("--screening").flatMap { Int($0) }) { line in
                // Every line on a terminal (they say what the search does); paced elsewhere.
                if Progress.isTerminal { printError("  staff: " + line) } else { Progress.show("staff: " + line) }
            }
        } catch {
            throw .simulation(error)
        }
        let provenance = ReportOutputs.provenance(parsed, model: model, file: parsed.positional[0], seed: seed, replications: replications)
            .withLevel(of: replicationsPlan)
        try ReportOutputs.emit(StaffDocument.document(search, scenario: scenario, asked: wanted, provenance: provenance, language: parsed.language),
                               parsed, plan: plan)
    }
}
