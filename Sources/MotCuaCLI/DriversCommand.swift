import Foundation
import MotCua

/// `motcua drivers`: which inputs move each target, ranked, with their sources.
enum DriversCommand {
    static let stepExpected = "P% with 0 < P < 100 (every volume, share, lag and backlog), KIND=P% with KIND volume, share, lag "
        + "or backlog, staff=N (1 to 1000) or staff=P%; e.g. 20%, lag=50%, staff=2"

    static let spec = CommandSpec(
        "drivers", summary: "rank the inputs that drive each target's verdict, with their sources",
        positionals: [PositionalSpec(name: "scenario.json", repeatable: false, optional: false)],
        options: [OptionSpec("--target", "ID", .form(expected: "a target id or its prefix", wrongExample: "", accepts: { !$0.isEmpty }),
                             repeatable: true,
                             help: "only these targets (repeatable; an id or its prefix, e.g. late-land);",
                             "default: every target"),
                  OptionSpec("--inputs", "WHICH", .choice([DriverInputs.Selection.assumptions.rawValue, DriverInputs.Selection.all.rawValue]),
                             help: "assumptions (default): every value whose source starts with",
                             "\"assumption\"; all: every staff count, volume, share, lag and backlog"),
                  OptionSpec("--step", "STEP", .form(expected: stepExpected, wrongExample: "share=150%",
                                                     accepts: { DriverStep.standard.applying($0) != nil }),
                             repeatable: true,
                             help: "how far each input moves both ways (repeatable; default ±20% for",
                             "volumes, shares, lags and backlogs, ±1 staff): 30%, lag=50%, staff=10%"),
                  OptionSpec("--screening", "N", .integer(1...100),
                             help: "replications per change in the screening (default 1)"),
                  OptionSpec("--refine", "N", .integer(0...1000),
                             help: "drivers per target split out of their screening groups and",
                             "refined to --replications (default 4; 0: groups only)"),
                  OptionSpec("--top", "N", .integer(1...1000), help: "drivers shown per target (default 8)")]
            + OptionGroup.scenario + OptionGroup.replicationOptions(default: 6, range: 2...10_000)
            + OptionGroup.reports + [OptionGroup.language],
        details: """
            For each target, the effect on its value of changing each input by a stated step in both
            directions (and, for an opening backlog, removing it), with common random numbers: every
            change is paired replication by replication with the base. One direction of every input
            is screened on --screening replications together with its group (every staff count; a
            field's work and waits; one share of every procedure; the apology policy); a group that
            could change a verdict is split in halves until the target's --refine largest drivers
            stand alone, and those are refined on --replications. This assumes a group's members
            move a target the same way. Prints the drivers ranked per target with their sources, the
            groups not split, the number of evaluations and the time taken; the page draws a tornado
            chart per failing or at-risk target. See docs/experiments.md, "Group screening".
            """,
        run: main)

    static func main(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let replications = parsed.integer("--replications", default: 6)
        let jobs = ExperimentCommands.effort(parsed).jobs
        var plan = DriversAnalysis.Plan()
        plan.selection = parsed.value("--inputs").flatMap(DriverInputs.Selection.init(rawValue:)) ?? .assumptions
        for item in parsed.values("--step") {
            guard let step = plan.step.applying(item) else { throw .usage("--step expects \(stepExpected), found \"\(item)\"", command: spec) }
            plan.step = step
        }
        plan.replications = replications
        plan.screening = parsed.integer("--screening", default: plan.screening)
        plan.refine = parsed.integer("--refine", default: plan.refine)
        plan.load = parsed.load
        let top = parsed.integer("--top", default: 8)

        let model = try loadModel(parsed, load: parsed.load)
        printWarnings(model.scenario)
        let scenario = model.scenario
        guard !scenario.targets.isEmpty else { throw .usage("the scenario has no targets: nothing drives a verdict", command: spec) }
        // The ids of the target rows (a target over every field is one row per field: id/field).
        let ids = scenario.targets.flatMap { t in t.field == "*" ? scenario.fields.map { "\(t.id)/\($0.id)" } : [t.id] }
        switch TargetSelection.select(parsed.values("--target"), among: ids) {
        case .failure(let unmatched): throw .usage(unmatched.message, command: spec)
        case .success(let matches): for note in matches.compactMap(\.note) { writeStandardError("note: \(note)\n") }
        }
        plan.targets = parsed.values("--target")
        if let problem = RunLimits.replicationProblem(scenario, replications: replications) { throw .usage(problem, command: spec) }
        let document: ScenarioDocument
        do {
            document = try ScenarioDocument.load(path: parsed.positional[0], overlays: parsed.values("--overlay"), settings: parsed.settings)
        } catch {
            throw .badInput(error.description)
        }
        let outputs = try OutputPlan(parsed, inputs: scenarioInputs(parsed), scenarios: [scenario])
        let seed = parsed.seed ?? scenario.seed
        let result: DriversResult
        Progress.start()
        do {
            result = try await DriversAnalysis.run(document: document, plan: plan, seed: seed, jobs: jobs,
                                                   results: parsed.value("--results")) { line in
                Progress.show(line)
            }
        } catch {
            throw .simulation(error)
        }
        Progress.finish()
        let provenance = ReportOutputs.provenance(parsed, model: model, file: parsed.positional[0], seed: seed, replications: replications)
        try ReportOutputs.emit(DriversDocument.document(result, top: top, provenance: provenance, language: parsed.language), parsed, plan: outputs)
    }
}
