import Foundation
import MotCua

/// `motcua calibrate`: a scenario from a district's own dossier records.
enum CalibrateCommand {
    static let spec = CommandSpec(
        "calibrate", summary: "build a scenario from a district's own dossier records",
        positionals: [PositionalSpec(name: "records.csv", repeatable: false, optional: false)],
        options: [OptionSpec("--base", "FILE", .input, required: true,
                             help: "the scenario giving offices, staff, hours and routes (records do not tell them)"),
                  OptionSpec("--out", "FILE", .output, required: true, help: "the fitted scenario to write"),
                  OptionSpec("--check", "", .flag, help: "simulate the fitted scenario over the records' period and print",
                             "observed and simulated on-time rates per field side by side"),
                  OptionSpec("--replications", "N", .integer(1...1000), help: "replications of the --check (default 3)"),
                  OptionSpec("--map", "FILE", .input, help: "a CSV tying the export's procedures to the scenario's: columns code",
                             "(mã thủ tục, e.g. 1.001612) or name (tên thủ tục), and procedure (the id)"),
                  OptionGroup.language],
        details: """
            Reads a dossier-records export (columns and their Vietnamese names in docs/calibration.md;
            dates dd/MM/yyyy HH:mm) and fits, per procedure: the yearly volume, online and postal
            shares, refusal share and weekday / hour / month profiles. Offices, staff, hours and
            routes come from the base scenario. Processing times are fitted (exponential, lognormal,
            gamma or Weibull, chosen by the Kolmogorov–Smirnov distance) and reported. Rows that are
            malformed or inconsistent are counted and listed by row number.
            """,
        run: main)

    static func main(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let base = parsed.value("--base") ?? "", out = parsed.value("--out") ?? ""  // both required by the parser
        var plan = try OutputPlan(parsed, inputs: [OutputPlan.Input(what: "the records", path: parsed.positional[0]),
                                                   OutputPlan.Input(what: "the base scenario", path: base)]
                                  + (parsed.value("--map").map { [OutputPlan.Input(what: "the procedure map", path: $0)] } ?? []),
                                  scenarios: [try? ScenarioLoader.load(path: base)].compactMap { $0 })
        let file = parsed.positional[0]
        let language = parsed.language
        let calibration: Calibration
        let rowsRead: Int
        do {
            let records = try RecordsFile(path: file)
            calibration = try Calibration(records: records, file: (file as NSString).lastPathComponent, basePath: base, outPath: out,
                                          map: parsed.value("--map"))
            rowsRead = records.rowsRead
        } catch {
            throw .badInput(error.description)
        }
        print(CalibrationReport.fitted(calibration, file: file, rowsRead: rowsRead, language: language).joined(separator: "\n"))
        try plan.stage(JSONWriter.text(calibration.document), for: "--out")
        try plan.commit()
        print("\n" + CalibrationReport.written(out, language: language))
        guard parsed.flags.contains("--check") else { return }
        // Back-test: simulate the fitted scenario over the period of the records.
        let period = [("horizon.start", "\"\(calibration.firstDay)\""), ("horizon.days", "\(calibration.periodDays)"),
                      ("horizon.warmUpDays", "0")]
        let model = try loadModel(out, settings: period)
        let replications = parsed.integer("--replications", default: 3)
        let results: [RunResult]
        do {
            results = try await Experiment.run(model: model, seed: model.scenario.seed, replications: replications,
                                               jobs: ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            throw .simulation(error)
        }
        let summary = ExperimentSummary(model: model, seed: model.scenario.seed, results: results)
        let checks = CalibrationCheck.fields(observed: calibration.observedOnTime, simulated: summary.fields)
        print(CalibrationReport.check(calibration, checks: checks, replications: replications, out: out, language: language)
            .joined(separator: "\n"))
    }
}
