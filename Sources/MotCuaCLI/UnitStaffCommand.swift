import Foundation
import MotCua

/// `motcua staff --per-unit`: the staffing question at city scale, unit by unit — which of the
/// units need one more officer of an office that exists in every unit (``UnitStaffingSearch``).
enum UnitStaffCommand {
    /// The options `staff` gains for it.
    static let options = [
        OptionSpec("--per-unit", "", .flag,
                   help: "search each unit's own staff of one office with an instance per unit",
                   "(--office, default the units' desk) for one on-time target (--target),",
                   "checked on each unit's own figures; see below"),
        OptionSpec("--reduce", "", .flag, help: "with --per-unit: also lower units with slack below today's staff"),
    ]

    static let details = """
        With --per-unit, each unit (ward, commune) gets its own staff of the office: the search
        starts from today's staff, moves every unit that does not meet the target on its own
        figures up by one, all units in one run of the city, round after round; confirms on the
        full replications (default \(defaultReplications)); and checks that one fewer fails at every unit
        it raised. --office ID=LOW:HIGH bounds every unit's staff; --reduce also lowers units
        with slack. The report groups the units by former district or kind.
        """

    /// Replications of the confirmation when none are given: on 2 cores, 4 cost the wall time of 3.
    static let defaultReplications = 4

    static func run(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let spec = ExperimentCommands.staffSpec
        let model = try loadModel(parsed, load: parsed.load)
        let scenario = model.scenario
        let perUnit = scenario.offices.filter { !$0.instances.isEmpty }
        guard !perUnit.isEmpty else {
            throw .usage("--per-unit: the scenario has no office with an instance per unit (\"instances\": \"units\")", command: spec)
        }
        let asked = parsed.values("--office")
        guard asked.count <= 1 else {
            throw .usage("--per-unit searches one office: give --office once (given: \(asked.joined(separator: ", ")))", command: spec)
        }
        var office = (perUnit.first { $0.kind == .desk } ?? perUnit[0]).id
        var range: ClosedRange<Int>?
        if let item = asked.first, let (id, bounds) = ExperimentCommands.officeBound(item) {
            office = id
            range = bounds
            if let bounds, bounds.lowerBound < 1 {
                throw .usage("--office \(item): a unit's office serves a step of a route, so it needs at least 1 staff member; start at 1",
                             command: spec)
            }
        }
        if let problem = UnitStaffingSearch.problem(office: office, in: scenario) { throw .usage(problem, command: spec) }
        let wanted = parsed.values("--target")
        guard wanted.count <= 1 else {
            throw .usage("--per-unit checks one target on every unit: give --target once (given: \(wanted.joined(separator: ", ")))",
                         command: spec)
        }
        let target: TargetSpec
        if let id = wanted.first {
            let matching = scenario.targets.filter { $0.id.hasPrefix(id) }
            guard let first = matching.first else {
                throw .usage("no target \(id); targets: \(scenario.targets.map(\.id).joined(separator: ", "))", command: spec)
            }
            target = matching.first { $0.id == id } ?? first
        } else {
            let fitting = scenario.targets.filter { UnitStaffingSearch.problem(office: office, target: $0, in: scenario) == nil }
            guard let first = fitting.first else {
                throw .usage("--per-unit: no target of the scenario is a unit's on-time rate; give one with --target "
                             + "(e.g. --set 'targets=[{\"id\": \"on-time\", \"label\": \"On time ≥ 98%\", \"measure\": \"onTimeRate\", "
                             + "\"comparator\": \">=\", \"threshold\": 0.98}]')", command: spec)
            }
            target = first
        }
        if let problem = UnitStaffingSearch.problem(office: office, target: target, in: scenario) { throw .usage(problem, command: spec) }
        let replicationsPlan = ExperimentCommands.replicationPlan(parsed, default: defaultReplications)
        if let problem = RunLimits.replicationProblem(scenario, replications: replicationsPlan.maximum) {
            throw .usage(problem, command: spec)
        }
        let jobs = parsed.integer("--jobs", default: ProcessInfo.processInfo.activeProcessorCount)
        let plan = try OutputPlan(parsed, inputs: scenarioInputs(parsed))
        let seed = parsed.seed ?? scenario.seed
        let search: UnitStaffingSearch
        do {
            search = try await UnitStaffingSearch.run(scenario: scenario, office: office, target: target, range: range,
                                                      reduces: parsed.flags.contains("--reduce"), seed: seed, plan: replicationsPlan,
                                                      screening: parsed.value("--screening").flatMap { Int($0) } ?? replicationsPlan.first,
                                                      jobs: jobs, results: parsed.value("--results")) { line in
                if Progress.enabled { printError("  staff: " + line) }
            }
        } catch {
            throw .simulation(error)
        }
        let provenance = ReportOutputs.provenance(parsed, model: model, file: parsed.positional[0], seed: seed,
                                                  replications: search.replications)
        try ReportOutputs.emit(UnitStaffDocument.document(search, provenance: provenance, language: parsed.language), parsed, plan: plan)
    }
}
