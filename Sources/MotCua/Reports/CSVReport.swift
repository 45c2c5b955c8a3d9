import Foundation

/// Tidy CSV tables (`--csv DIR`) that open in a spreadsheet: one row per observation, one
/// column per variable, a header row, comma-separated, UTF-8; the files start with a byte-order
/// mark so Excel reads the Vietnamese names as UTF-8.
public enum CSVReport {
    /// U+FEFF, written first in every `--csv` file: without it Excel opens a CSV in the system's
    /// legacy code page and shows "Tá»· lá»‡" for "Tỷ lệ". Readers of the files skip it.
    public static let byteOrderMark = "\u{FEFF}"

    /// The `--csv` files of `summary`, by file name: each table's text after ``byteOrderMark``.
    public static func files(_ summary: ExperimentSummary) -> [(name: String, text: String)] {
        tables(summary).map { ($0.name, byteOrderMark + $0.text) }
    }

    /// The tables of `summary`, by file name, as CSV text.
    public static func tables(_ summary: ExperimentSummary) -> [(name: String, text: String)] {
        typedTables(summary).map { ($0.title + ".csv", $0.csvText) }
    }

    /// The tables of `summary` with typed cells (shares as ``TableCell/percent(_:)``), titled by
    /// the CSV file's stem: the one source of the CSV files and the workbook's sheets. The
    /// headers are English, the column names of docs/output-format.md.
    public static func typedTables(_ summary: ExperimentSummary) -> [Table] {
        let n = TableCell.number, share = TableCell.percent
        func text(_ s: String?) -> TableCell { (s ?? "").isEmpty ? .empty : .text(s ?? "") }
        // A target's mean and interval are shares for every measure (rates and shares of dossiers).
        return [
            Table(title: "targets", headers: ["id", "label", "label_vi", "measure", "field", "comparator", "threshold", "mean", "ci95_low", "ci95_high", "verdict",
                                              "denominator", "denominator_mean", "gave_up_at_desk", "verdict_reason",
                                              "input_driven", "input_driven_kind"],
                  rows: summary.targets.map { t in
                      [text(t.id), text(t.label), text(t.labelVi), text(t.measure.rawValue), text(t.fieldName), text(t.comparator.rawValue),
                       share(t.threshold), share(t.estimate.mean), share(t.estimate.low), share(t.estimate.high), text(t.verdict.rawValue),
                       text(Phrases.counterName(t.measure.terms.whole)), n(t.denominator.mean),
                       t.gaveUpAtDesk.map(share) ?? .empty,
                       text(t.deskGuardReason(.en)),
                       text(t.inputDriven), text(t.inputDriven == nil ? nil : t.inputDrivenKind.rawValue)]
                  }),
            Table(title: "fields", headers: ["field", "name", "name_vi"] + meanHeader(fieldCounts.map(\.0))
                                            + ["on_time_rate", "ci95_low", "ci95_high"],
                  rows: (summary.fields + [summary.overall]).map { r in
                      [text(r.id), text(r.name), text(r.nameVi)] + meanCells(r, fieldCounts.map(\.1))
                          + [share(r.onTimeRate.mean), share(r.onTimeRate.low), share(r.onTimeRate.high)]
                  }),
            Table(title: "procedures", headers: ["procedure", "name", "name_vi"] + meanHeader(procedureCounts.map(\.0))
                                                + ["online_share_of_received", "on_time_rate", "ci95_low", "ci95_high"]
                                                + meanHeader(procedureOutcomeCounts.map(\.0)),
                  rows: summary.procedures.map { r in
                      let t = r.tally
                      return [text(r.id), text(r.name), text(r.nameVi)] + meanCells(r, procedureCounts.map(\.1))
                          + [t.received > 0 ? share(Double(t.online) / Double(t.received)) : .empty,
                             share(r.onTimeRate.mean), share(r.onTimeRate.low), share(r.onTimeRate.high)]
                          + meanCells(r, procedureOutcomeCounts.map(\.1))
                  }),
            Table(title: "offices", headers: ["office", "name", "name_vi", "kind", "level", "staff", "served_mean", "mean_wait_minutes", "p90_wait_minutes",
                                              "max_wait_minutes", "utilization", "queue_at_end", "abandoned_mean"]
                                             + waitHeader("line") + waitHeader("tray") + ["unstable"],
                  rows: summary.offices.map { o in
                      [text(o.office.id), text(o.office.name), text(o.office.nameVi), text(o.office.kind.rawValue), text(o.office.level.rawValue),
                       .count(o.office.staff), n(o.servedPerReplication.mean), n(o.meanWait.mean), n(o.waitP90.mean), n(o.waitMax),
                       share(o.utilization.mean), n(o.queueAtEnd.mean), n(o.abandonedPerReplication.mean)]
                      + waitCells(o.lineWait) + waitCells(o.trayWait)
                      // 1: listed under the report's unstable offices (docs/model.md §7.4).
                      + [.count(o.isUnstable ? 1 : 0)]
                  }),
            Table(title: "desk-hours", headers: ["office", "hour", "arrivals_mean", "mean_wait_in_line_minutes"],
                  rows: summary.offices.filter { $0.office.kind == .desk }.flatMap { o in
                      (0..<24).filter { o.arrivalsByHour[$0] > 0 }.map { h in
                          [text(o.office.id), .count(h), n(Double(o.arrivalsByHour[h]) / Double(Swift.max(summary.replications, 1))),
                           n(o.meanWaitByHour[h])]
                      }
                  }),
            // With a warm-up, a column marks its days (1), whose arrivals the other tables leave out.
            // Refused and withdrawn come last, so that every row chains to the one before:
            // in progress(t) = in progress(t−1) + received − finished − refused − withdrawn (docs/model.md §7.7).
            Table(title: "daily", headers: ["date", "received", "finished", "in_progress_end_of_day", "overdue_end_of_day", "at_desks_end_of_day"]
                    + (summary.balanceIncludesWarmUp ? ["warm_up"] : []) + ["refused", "withdrawn"],
                  rows: summary.daily.enumerated().map { d, day in
                      [.date(day.date), n(day.received), n(day.finished), n(day.inProgress), n(day.overdue), n(day.atDesk)]
                          + (summary.balanceIncludesWarmUp ? [.count(summary.isWarmUpDay(d) ? 1 : 0)] : [])
                          + [n(day.refused), n(day.withdrawn)]
                  }),
        ] + breakdownTables(summary) + journeyTables(summary) + (summary.backTest.isEmpty ? [] : [BackTestReport.table(summary.backTest)])
            + UnitReport.tables(summary.unitFigures, targets: summary.targets)
    }

    /// Where the time went (docs/model.md §12), as the JSON's `measures.breakdown` holds it:
    /// `breakdown` has one row per field or procedure and side (on time, late) with the mean
    /// working hours of each part; `breakdown-steps` the steps that consumed the late dossiers'
    /// deadline. Groups with no finished dossier are left out.
    static func breakdownTables(_ summary: ExperimentSummary) -> [Table] {
        func text(_ s: String?) -> TableCell { (s ?? "").isEmpty ? .empty : .text(s ?? "") }
        let groups = summary.breakdownFields.map { ("field", $0) } + summary.breakdownProcedures.map { ("procedure", $0) }
        let shown = groups.filter { $0.1.onTime.totalDossiers + $0.1.late.totalDossiers > 0 }
        let parts = TimePart.allCases
        let partHeaders = parts.map { snakeCase($0.id) + "_hours" }
        let rows = shown.flatMap { scope, group in
            [("on_time", group.onTime), ("late", group.late)].map { side, s -> [TableCell] in
                [text(scope), text(group.id), text(group.name), text(group.nameVi), text(side), .number(s.dossiers.mean),
                 .count(s.totalDossiers), .number(s.elapsedHours.mean)] + parts.map { .number(s.hours[$0.rawValue].mean) }
            }
        }
        let steps = shown.flatMap { scope, group in
            group.topSteps.enumerated().map { rank, step -> [TableCell] in
                [text(scope), text(group.id), .count(rank + 1), text(step.officeId), text(step.officeName), text(step.part.id),
                 .percent(step.shareOfLate.mean), .percent(step.shareOfLate.low), .percent(step.shareOfLate.high), .count(step.total)]
            }
        }
        return [
            Table(title: "breakdown", headers: ["scope", "id", "name", "name_vi", "side", "dossiers_mean", "dossiers_total", "elapsed_hours_mean"]
                                               + partHeaders, rows: rows),
            Table(title: "breakdown-steps", headers: ["scope", "id", "rank", "office", "office_name", "part", "share_of_late_mean", "ci95_low",
                                                      "ci95_high", "late_dossiers_total"], rows: steps),
        ]
    }

    /// `signingSession` as `signing_session`: the CSV's column style.
    static func snakeCase(_ id: String) -> String {
        id.reduce(into: "") { result, c in result += c.isUppercase ? "_" + c.lowercased() : String(c) }
    }

    /// The counts of fields.csv and procedures.csv: each a mean per replication with its interval.
    static var fieldCounts: [(String, KeyPath<ProcedureTally, Int>)] {
        [
            ("received", \.received), ("refused", \.refused), ("withdrawn", \.withdrawn), ("finished_on_time", \.finishedOnTime),
            ("finished_late", \.finishedLate), ("in_progress_not_due", \.inProgressNotDue), ("in_progress_overdue", \.inProgressOverdue),
            ("backlog", \.backlog), ("gave_up_at_desk", \.gaveUpAtDesk),
        ]
    }
    static var procedureCounts: [(String, KeyPath<ProcedureTally, Int>)] {
        [
            ("received", \.received), ("online", \.online), ("postal", \.postal), ("refused", \.refused), ("withdrawn", \.withdrawn),
        ]
    }

    /// The rest of fields.csv's counts, appended to procedures.csv after its first columns (kept
    /// in place for readers of earlier files), so that the procedure table's counts and its rate
    /// can be recomputed in a spreadsheet (review 3 #22).
    static var procedureOutcomeCounts: [(String, KeyPath<ProcedureTally, Int>)] {
        fieldCounts.filter { name, _ in !procedureCounts.contains { $0.0 == name } }
    }

    /// `received_mean, received_ci95_low, received_ci95_high, …`.
    static func meanHeader(_ names: [String]) -> [String] {
        names.flatMap { ["\($0)_mean", "\($0)_ci95_low", "\($0)_ci95_high"] }
    }

    static func meanCells(_ rate: RateResult, _ counters: [KeyPath<ProcedureTally, Int>]) -> [TableCell] {
        counters.flatMap { counter -> [TableCell] in
            let estimate = rate.mean(counter)
            return [.number(estimate.mean), .number(estimate.low), .number(estimate.high)]
        }
    }

    /// Columns of one kind of wait (`line`: in person at a desk; `tray`: everything else).
    static func waitHeader(_ kind: String) -> [String] {
        ["\(kind)_waits_per_replication", "\(kind)_mean_wait_minutes", "\(kind)_mean_wait_ci95_low", "\(kind)_mean_wait_ci95_high",
         "\(kind)_p90_wait_minutes", "\(kind)_max_wait_minutes"]
    }

    static func waitCells(_ wait: WaitResult) -> [TableCell] {
        [.number(wait.count.mean), .number(wait.mean.mean), .number(wait.mean.low), .number(wait.mean.high), .number(wait.p90.mean),
         wait.count.mean > 0 ? .number(wait.max) : .empty]
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ x: Double) -> String { JSONWriter.number(x).replacingOccurrences(of: "null", with: "") }
}
