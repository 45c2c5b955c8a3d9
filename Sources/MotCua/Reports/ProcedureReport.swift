/// The text report's per-procedure table: received, finished, late, overdue and on-time rate of
/// each procedure (the HTML report and procedures.csv have every column).
enum ProcedureReport {
    /// Up to this many procedures the table has them all, in the scenario's order.
    static let allUpTo = 15
    /// Beyond ``allUpTo``, the table shows this many: those with the lowest on-time rate.
    static let shownOfMany = 10

    /// The section's lines, a blank line last; none when the scenario has one procedure (the
    /// field table already says it all).
    static func text(_ summary: ExperimentSummary, language: Language, allUpTo: Int = allUpTo) -> [String] {
        guard summary.procedures.count > 1 else { return [] }
        let w = language.words, p = language.procedureWords, f = language.numbers
        var rows = summary.procedures
        let compact = rows.count > allUpTo
        if compact {
            // Lowest on-time rate first; a procedure with nothing to rate (no dossiers) last.
            rows = Array(rows.enumerated().sorted { a, b in
                let (x, y) = (a.element.onTimeRate.mean, b.element.onTimeRate.mean)
                if x.isNaN != y.isNaN { return y.isNaN }
                return x != y && !x.isNaN ? x < y : a.offset < b.offset
            }.prefix(shownOfMany).map(\.element))
        }
        var lines = ["\(p.title)  \(p.note)"]
        // Each column at least two wider than its header, so headers never run together (review 3 #12).
        let headers = [w.received, p.finished, p.late, p.overdue, w.onTimeRate]
        let widths = zip(headers, [10, 14, 9, 9, 15]).map { Swift.max($1, $0.count + 2) }
        func cells(_ texts: [String]) -> String { zip(texts, widths).map { Format.right($0, $1) }.joined() }
        lines.append("  " + Format.pad(p.procedure, 40) + cells(headers))
        for row in rows {
            let name = Format.wrapped(language.pick(row.name, row.nameVi), 40, indent: "    ")
            let finished = row.mean(\.finishedOnTime).mean + row.mean(\.finishedLate).mean
            lines.append("  " + name.first + cells([f.meanCount(row.mean(\.received).mean), f.meanCount(finished),
                                                    f.meanCount(row.mean(\.finishedLate).mean),
                                                    f.meanCount(row.mean(\.inProgressOverdue).mean), f.percent(row.onTimeRate.mean)]))
            lines += name.more
        }
        if compact { lines.append("  " + p.some(rows.count, summary.procedures.count)) }
        lines.append("")
        return lines
    }
}
