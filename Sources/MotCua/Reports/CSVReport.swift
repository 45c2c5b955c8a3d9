import Foundation

/// Tidy CSV tables (`--csv DIR`) that open in a spreadsheet: one row per observation, one
/// column per variable, a header row, comma-separated, UTF-8.
public enum CSVReport {
    /// The tables of `summary`, by file name.
    public static func tables(_ summary: ExperimentSummary) -> [(name: String, text: String)] {
        [
            ("targets.csv", table(["id", "label", "label_vi", "measure", "field", "comparator", "threshold", "mean", "ci95_low", "ci95_high", "verdict",
                                   "denominator", "denominator_mean"],
                                  summary.targets.map { t in
                                      [t.id, t.label, t.labelVi ?? "", t.measure.rawValue, t.fieldName ?? "", t.comparator.rawValue,
                                       number(t.threshold), number(t.estimate.mean), number(t.estimate.low), number(t.estimate.high), t.verdict.rawValue,
                                       Phrases.counterName(t.measure.terms.whole), number(t.denominator.mean)]
                                  })),
            ("fields.csv", table(["field", "name", "name_vi"] + meanHeader(fieldCounts.map(\.0))
                                 + ["on_time_rate", "ci95_low", "ci95_high"],
                                 (summary.fields + [summary.overall]).map { r in
                                     [r.id, r.name, r.nameVi ?? ""] + meanCells(r, fieldCounts.map(\.1))
                                         + [number(r.onTimeRate.mean), number(r.onTimeRate.low), number(r.onTimeRate.high)]
                                 })),
            ("procedures.csv", table(["procedure", "name", "name_vi"] + meanHeader(procedureCounts.map(\.0))
                                     + ["online_share_of_received", "on_time_rate", "ci95_low", "ci95_high"],
                                     summary.procedures.map { r in
                                         let t = r.tally
                                         return [r.id, r.name, r.nameVi ?? ""] + meanCells(r, procedureCounts.map(\.1))
                                             + [t.received > 0 ? number(Double(t.online) / Double(t.received)) : "",
                                                number(r.onTimeRate.mean), number(r.onTimeRate.low), number(r.onTimeRate.high)]
                                     })),
            ("offices.csv", table(["office", "name", "name_vi", "kind", "level", "staff", "served_mean", "mean_wait_minutes", "p90_wait_minutes", "max_wait_minutes",
                                   "utilization", "queue_at_end", "abandoned_mean"]
                                  + waitHeader("line") + waitHeader("tray"),
                                  summary.offices.map { o in
                                      [o.office.id, o.office.name, o.office.nameVi ?? "", o.office.kind.rawValue, o.office.level.rawValue,
                                       String(o.office.staff), number(o.servedPerReplication.mean), number(o.meanWait.mean), number(o.waitP90.mean), number(o.waitMax),
                                       number(o.utilization.mean), number(o.queueAtEnd.mean), number(o.abandonedPerReplication.mean)]
                                      + waitCells(o.lineWait) + waitCells(o.trayWait)
                                  })),
            ("desk-hours.csv", table(["office", "hour", "arrivals_mean", "mean_wait_in_line_minutes"],
                                     summary.offices.filter { $0.office.kind == .desk }.flatMap { o in
                                         (0..<24).filter { o.arrivalsByHour[$0] > 0 }.map { h in
                                             [o.office.id, String(h), number(Double(o.arrivalsByHour[h]) / Double(Swift.max(summary.replications, 1))),
                                              number(o.meanWaitByHour[h])]
                                         }
                                     })),
            ("daily.csv", table(["date", "received", "finished", "in_progress_end_of_day", "overdue_end_of_day", "at_desks_end_of_day"],
                                summary.daily.map { [$0.date.description, number($0.received), number($0.finished), number($0.inProgress),
                                                     number($0.overdue), number($0.atDesk)] })),
        ]
    }

    /// The counts of fields.csv and procedures.csv: each a mean per replication with its interval.
    static var fieldCounts: [(String, KeyPath<ProcedureTally, Int>)] {
        [
            ("received", \.received), ("refused", \.refused), ("withdrawn", \.withdrawn), ("finished_on_time", \.finishedOnTime),
            ("finished_late", \.finishedLate), ("in_progress_not_due", \.inProgressNotDue), ("in_progress_overdue", \.inProgressOverdue),
        ]
    }
    static var procedureCounts: [(String, KeyPath<ProcedureTally, Int>)] {
        [
            ("received", \.received), ("online", \.online), ("postal", \.postal), ("refused", \.refused), ("withdrawn", \.withdrawn),
        ]
    }

    /// `received_mean, received_ci95_low, received_ci95_high, …`.
    static func meanHeader(_ names: [String]) -> [String] {
        names.flatMap { ["\($0)_mean", "\($0)_ci95_low", "\($0)_ci95_high"] }
    }

    static func meanCells(_ rate: RateResult, _ counters: [KeyPath<ProcedureTally, Int>]) -> [String] {
        counters.flatMap { counter -> [String] in
            let estimate = rate.mean(counter)
            return [number(estimate.mean), number(estimate.low), number(estimate.high)]
        }
    }

    /// Columns of one kind of wait (`line`: in person at a desk; `tray`: everything else).
    static func waitHeader(_ kind: String) -> [String] {
        ["\(kind)_waits_per_replication", "\(kind)_mean_wait_minutes", "\(kind)_mean_wait_ci95_low", "\(kind)_mean_wait_ci95_high",
         "\(kind)_p90_wait_minutes", "\(kind)_max_wait_minutes"]
    }

    static func waitCells(_ wait: WaitResult) -> [String] {
        [number(wait.count.mean), number(wait.mean.mean), number(wait.mean.low), number(wait.mean.high), number(wait.p90.mean),
         wait.count.mean > 0 ? number(wait.max) : ""]
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
