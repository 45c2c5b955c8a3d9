import Foundation

/// The text report of `motcua calibrate` (docs/calibration.md), in English or Vietnamese
/// (`--lang vi`): what was read and fitted, then, with `--check`, the back-test against the
/// records. English is what the command always printed; the words are in ``CalibrationWords``.
public enum CalibrationReport {
    /// What was read and fitted: the rows, problems, warnings, unmapped procedures, the fitted
    /// procedures and the opening backlog.
    public static func fitted(_ calibration: Calibration, file: String, rowsRead: Int, language: Language) -> [String] {
        let w = language.calibrationWords, f = language.numbers
        var lines = [w.read(file, f.count(rowsRead), f.count(calibration.rowsUsed), calibration.periodDays, f.count(calibration.problems.count))]
        lines += calibration.rowProblems.prefix(20).map { "  " + w.problem + $0.text(language) }
        if calibration.problems.count > 20 { lines.append("  " + w.moreProblems(f.count(calibration.problems.count - 20))) }
        let warnings = language == .vi && calibration.warningsVi.count == calibration.warnings.count ? calibration.warningsVi : calibration.warnings
        lines += warnings.map { "  " + w.warning + $0 }
        lines += unmapped(calibration.unmapped, language: language)
        lines.append("")
        // Each column at least two wider than its header, so that headers never run together.
        let widths = zip(w.columns.dropFirst(), [9, 10, 8, 8, 9, 11, 14]).map { Swift.max($1, $0.count + 2) }
        func cells(_ texts: [String]) -> String { zip(texts, widths).map { Format.right($0, $1) }.joined() }
        lines.append("  " + Format.pad(w.columns[0], 26) + cells(Array(w.columns.dropFirst())) + "   " + w.processing)
        for fit in calibration.fits {
            let processing = fit.processing.map { "\(family($0.family, language)), \(f.fixed($0.mean, 2)), \(f.fixed($0.sd, 2)), \(f.fixed($0.ks, 3))" } ?? w.tooFewResults
            lines.append("  " + Format.pad(fit.procedure, 26)
                         + cells([f.count(fit.records), f.count(Int(fit.yearlyVolume)), f.percent(fit.onlineShare, 1), f.percent(fit.postalShare, 1),
                                  f.percent(fit.refusalShare, 1), f.percent(fit.withdrawalShare, 1), f.percent(fit.supplementShare, 1)])
                         + "   " + processing)
        }
        if !calibration.openingBacklog.isEmpty {
            let total = calibration.openingBacklog.reduce(0) { $0 + $1.dossiers }
            lines.append("\n" + w.openingBacklog(f.count(total)))
            for (procedure, dossiers) in calibration.openingBacklog {
                lines.append("  " + Format.pad(procedure, 26) + Format.right(f.count(dossiers), 9))
            }
        }
        return lines
    }

    /// A fitted family of processing times: the scenario's keyword (`lognormal`), which a planner
    /// copies into a scenario; in Vietnamese its name first ("log-chuẩn (lognormal)").
    static func family(_ keyword: String, _ language: Language) -> String {
        guard language == .vi else { return keyword }
        let names = ["exponential": "mũ", "lognormal": "log-chuẩn"]
        return names[keyword].map { "\($0) (\(keyword))" } ?? keyword
    }

    /// The line that names the fitted scenario written.
    public static func written(_ out: String, language: Language) -> String {
        (language == .vi ? "đã ghi: " : "written: ") + out
    }

    /// The export's procedures that nothing maps, with their rows and the likely scenario ids:
    /// the lines a planner adds to the --map file.
    static func unmapped(_ unmapped: [ProcedureResolver.Unmapped], language: Language) -> [String] {
        guard !unmapped.isEmpty else { return [] }
        let w = language.calibrationWords, f = language.numbers
        let rows = unmapped.reduce(0) { $0 + $1.rows.count }
        var lines = ["\n" + w.unmapped(f.count(unmapped.count), f.count(rows))]
        for entry in unmapped.prefix(30) {
            let guesses = entry.suggestions.map { "\($0.id) (\($0.name), \(f.fixed($0.likeness, 2)))" }
            lines.append("  " + Format.right(f.count(entry.rows.count), 8) + w.rows + entry.label)
            lines.append("           " + (guesses.isEmpty ? w.noSimilarName : w.likely + guesses.joined(separator: "; ")))
        }
        if unmapped.count > 30 { lines.append("  " + w.moreUnmapped(f.count(unmapped.count - 30))) }
        return lines
    }

    /// The back-test of `--check`: the observed on-time rates, then per field observed against
    /// simulated, the misfits and the conclusion.
    public static func check(_ calibration: Calibration, checks: [CalibrationCheck], replications: Int, out: String,
                             language: Language) -> [String] {
        let w = language.calibrationWords, f = language.numbers
        var lines = ["\n" + w.observedTitle]
        for (field, rate, dossiers) in calibration.observedOnTime {
            lines.append("  " + Format.pad(field, 26) + Format.right(f.percent(rate), 10) + Format.right(f.count(dossiers), 10) + w.dossiers)
        }
        lines.append("\n" + w.backTestTitle(calibration.periodDays, f.date(calibration.firstDay), w.basis(replications)))
        let c = w.checkColumns
        lines.append("  " + Format.pad(c[0], 26) + Format.right(c[1], 10) + Format.right(c[2], 11) + "   " + Format.pad(c[3], 22) + c[4])
        for check in checks {
            let interval = check.hasInterval ? "\(f.percent(check.simulated.low)) … \(f.percent(check.simulated.high))" : w.noInterval
            lines.append("  " + Format.pad(language.pick(check.name, check.nameVi), 26) + Format.right(f.percent(check.observed), 10)
                         + Format.right(f.percent(check.simulated.mean), 11) + "   " + Format.pad(interval, 22) + (check.isMisfit ? w.misfit : w.fits))
        }
        let band = w.band(replications == 1, f.fixed(CalibrationCheck.tolerance * 100, 0))
        let misfits = checks.filter(\.isMisfit)
        lines.append("")
        for check in misfits {
            let gap = (check.observed - check.simulated.mean) * 100
            lines.append(w.misfitLine(language.pick(check.name, check.nameVi), f.percent(check.observed), f.percent(check.simulated.mean),
                                      f.fixed(abs(gap), 1), gap < 0, band))
        }
        lines.append(misfits.isEmpty ? w.allFit(band) : w.someMisfit(misfits.count, checks.count, out))
        return lines
    }
}
