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
                             "(mã thủ tục, e.g. 1.001612) or name (tên thủ tục), and procedure (the id)")],
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
        let calibration: Calibration
        do {
            let records = try RecordsFile(path: file)
            calibration = try Calibration(records: records, file: (file as NSString).lastPathComponent, basePath: base, outPath: out,
                                          map: parsed.value("--map"))
            print("\(file): \(Format.count(records.rowsRead)) rows read, \(Format.count(calibration.rowsUsed)) used over \(calibration.periodDays) days, \(Format.count(calibration.problems.count)) problems")
        } catch {
            throw .badInput(error.description)
        }
        for problem in calibration.problems.prefix(20) { print("  problem: \(problem)") }
        if calibration.problems.count > 20 { print("  … and \(calibration.problems.count - 20) more problems") }
        for warning in calibration.warnings { print("  warning: \(warning)") }
        printUnmapped(calibration.unmapped)
        print("")
        print("  " + Format.pad("procedure", 26) + Format.right("records", 9) + Format.right("per year", 10) + Format.right("online", 8)
              + Format.right("postal", 8) + Format.right("refused", 9) + Format.right("withdrawn", 11) + Format.right("supplemented", 14)
              + "   processing time (days): family, mean, sd, KS")
        for fit in calibration.fits {
            let processing = fit.processing.map { "\($0.family), \(Format.fixed($0.mean, 2)), \(Format.fixed($0.sd, 2)), \(Format.fixed($0.ks, 3))" } ?? "too few results"
            print("  " + Format.pad(fit.procedure, 26) + Format.right(Format.count(fit.records), 9) + Format.right(Format.count(Int(fit.yearlyVolume)), 10)
                  + Format.right(Format.percent(fit.onlineShare, 1), 8) + Format.right(Format.percent(fit.postalShare, 1), 8)
                  + Format.right(Format.percent(fit.refusalShare, 1), 9) + Format.right(Format.percent(fit.withdrawalShare, 1), 11)
                  + Format.right(Format.percent(fit.supplementShare, 1), 14) + "   " + processing)
        }
        if !calibration.openingBacklog.isEmpty {
            let total = calibration.openingBacklog.reduce(0) { $0 + $1.dossiers }
            print("\nOPENING BACKLOG: \(Format.count(total)) rows marked backlog (filed before the records' period) are left out of "
                  + "the volumes, shares and profiles above, and counted in the observed on-time rate")
            for (procedure, dossiers) in calibration.openingBacklog {
                print("  " + Format.pad(procedure, 26) + Format.right(Format.count(dossiers), 9))
            }
        }
        try plan.stage(JSONWriter.text(calibration.document), for: "--out")
        try plan.commit()
        print("\nwritten: \(out)")
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
        print("\nOBSERVED ON-TIME RATE (portal rule at the end of the records)")
        for (field, rate, dossiers) in calibration.observedOnTime {
            print("  " + Format.pad(field, 26) + Format.right(Format.percent(rate), 10) + Format.right(Format.count(dossiers), 10) + " dossiers")
        }
        let checks = CalibrationCheck.fields(observed: calibration.observedOnTime, simulated: summary.fields)
        let basis = replications == 1 ? "1 replication: no interval" : "\(replications) replications"
        print("\nBACK-TEST: on-time rate per field over the records' \(calibration.periodDays) days from \(calibration.firstDay), observed and simulated (\(basis))")
        print("  " + Format.pad("field", 26) + Format.right("observed", 10) + Format.right("simulated", 11) + "   " + Format.pad("95% CI", 22) + "fit")
        for check in checks {
            let interval = check.hasInterval ? "\(Format.percent(check.simulated.low)) … \(Format.percent(check.simulated.high))" : "no interval"
            print("  " + Format.pad(check.name, 26) + Format.right(Format.percent(check.observed), 10)
                  + Format.right(Format.percent(check.simulated.mean), 11) + "   " + Format.pad(interval, 22) + (check.isMisfit ? "MISFIT" : "fits"))
        }
        let tolerance = Format.fixed(CalibrationCheck.tolerance * 100, 0)
        let band = replications == 1 ? "the simulated rate ± \(tolerance) point" : "the simulated 95% interval widened by \(tolerance) point"
        let misfits = checks.filter(\.isMisfit)
        print("")
        for check in misfits {
            let gap = (check.observed - check.simulated.mean) * 100
            print("MISFIT \(check.name): observed \(Format.percent(check.observed)), simulated \(Format.percent(check.simulated.mean)), "
                  + "\(Format.fixed(abs(gap), 1)) points \(gap < 0 ? "lower" : "higher") in the records: outside \(band)")
        }
        if misfits.isEmpty {
            print("Every field's observed on-time rate lies within \(band).")
        } else {
            print("The calibrated scenario does not reproduce the records' on-time rate in \(misfits.count) of \(checks.count) fields. "
                  + "calibrate fits volumes, shares and profiles, not processing times or staff: compare the fitted processing "
                  + "times above with the routes' (docs/calibration.md) before planning with \(out).")
        }
    }

    /// The export's procedures that nothing maps, with their rows and the likely scenario ids:
    /// the lines a planner adds to the --map file.
    static func printUnmapped(_ unmapped: [ProcedureResolver.Unmapped]) {
        guard !unmapped.isEmpty else { return }
        let rows = unmapped.reduce(0) { $0 + $1.rows.count }
        print("\nUNMAPPED PROCEDURES: \(Format.count(unmapped.count)) procedures, \(Format.count(rows)) rows skipped; "
              + "add them to a --map file (code or name, procedure)")
        for entry in unmapped.prefix(30) {
            let guesses = entry.suggestions.map { "\($0.id) (\($0.name), \(Format.fixed($0.likeness, 2)))" }
            print("  " + Format.right(Format.count(entry.rows.count), 8) + " rows  " + entry.label)
            print("           " + (guesses.isEmpty ? "no procedure of the scenario has a similar name"
                                               : "likely: " + guesses.joined(separator: "; ")))
        }
        if unmapped.count > 30 { print("  … and \(unmapped.count - 30) more") }
    }
}
