/// The terminal report: the targets table first, then the on-time rates, the offices and the
/// dossier balance.
public enum TextReport {
    /// Renders `summary` as plain text.
    public static func render(_ summary: ExperimentSummary) -> String {
        var lines: [String] = []
        let h = summary.horizon
        let last = h.start.adding(days: h.days - 1)
        let reps = summary.replications == 1 ? "1 replication" : "\(summary.replications) replications"
        lines.append("MotCua — \(summary.scenarioName)")
        lines.append("seed \(summary.seed) · \(reps) · \(h.start) to \(last) (\(h.days) days\(h.warmUpDays > 0 ? ", warm-up \(h.warmUpDays)" : ""))")
        lines.append("")

        if !summary.targets.isEmpty {
            lines.append("TARGETS")
            lines.append("  " + Format.pad("verdict", 9) + Format.pad("target", 62) + Format.right("value", 9) + "   95% CI")
            for t in summary.targets {
                var label = "\(t.label)"
                if let field = t.fieldName { label += " — \(field)" }
                let ci = summary.replications > 1 ? "\(Format.percent(t.estimate.low)) … \(Format.percent(t.estimate.high))" : "(1 replication)"
                lines.append("  " + Format.pad(verdictWord(t.verdict), 9) + Format.pad(label, 62)
                             + Format.right(Format.percent(t.estimate.mean), 9) + "   " + ci)
            }
            let passes = summary.targets.filter { $0.verdict == .pass }.count
            lines.append("  \(passes) of \(summary.targets.count) pass")
            lines.append("")
        }

        lines.append("ON-TIME RATE BY FIELD  (on time = finished by the appointment date, or in progress and not yet due)")
        lines.append("  " + Format.pad("field", 22) + Format.right("received", 10) + Format.right("refused", 9)
                     + Format.right("on time", 10) + Format.right("late", 8) + Format.right("open", 8)
                     + Format.right("overdue", 9) + Format.right("on-time", 10) + "   95% CI")
        for row in summary.fields + [summary.overall] {
            let t = row.tally
            let ci = summary.replications > 1 ? "\(Format.percent(row.onTimeRate.low)) … \(Format.percent(row.onTimeRate.high))" : ""
            lines.append("  " + Format.pad(row.name, 22) + Format.right(Format.count(t.received), 10)
                         + Format.right(Format.count(t.refused), 9) + Format.right(Format.count(t.finishedOnTime), 10)
                         + Format.right(Format.count(t.finishedLate), 8) + Format.right(Format.count(t.inProgressNotDue), 8)
                         + Format.right(Format.count(t.inProgressOverdue), 9)
                         + Format.right(Format.percent(row.onTimeRate.mean), 10) + "   " + ci)
        }
        if summary.replications > 1 { lines.append("  (counts are totals over all replications)") }
        lines.append("")

        let t = summary.overall.tally
        lines.append("THE DOSSIER'S JOURNEY" + (summary.replications > 1 ? " (totals over all replications)" : ""))
        func share(_ part: Int, _ whole: Int) -> String { whole > 0 ? Format.percent(Double(part) / Double(whole), 1) : "—" }
        lines.append("  incomplete at the desk (Form 02)   \(Format.right(Format.count(t.incomplete), 10))")
        lines.append("  refused (Form 03)                  \(Format.right(Format.count(t.refused), 10))   \(share(t.refused, t.received)) of received")
        lines.append("  withdrawn by the citizen           \(Format.right(Format.count(t.withdrawn), 10))   \(share(t.withdrawn, t.received)) of received")
        lines.append("  supplement requests                \(Format.right(Format.count(t.supplementRequests), 10))   late because asked more than once: \(Format.count(t.lateByRepeatedSupplements))")
        lines.append("  late dossiers                      \(Format.right(Format.count(t.late), 10))")
        lines.append("    apologised in time (Form 04)     \(Format.right(Format.count(t.lateApologisedOnTime), 10))   \(share(t.lateApologisedOnTime, t.late)) of late; new date met: \(Format.count(t.newDateMet))")
        lines.append("    apologised late                  \(Format.right(Format.count(t.lateApologisedLate), 10))   \(share(t.lateApologisedLate, t.late))")
        lines.append("    never apologised                 \(Format.right(Format.count(t.lateNotApologised), 10))   \(share(t.lateNotApologised, t.late))")
        lines.append("  submitted online                   \(Format.right(Format.count(t.online), 10))   \(share(t.online, t.received)) of received")
        lines.append("  digitized at the desk              \(Format.right(Format.count(t.digitized), 10))   \(share(t.digitized, t.accepted)) of accepted")
        lines.append("  fees paid electronically           \(Format.right(Format.count(t.ePaid), 10))   \(share(t.ePaid, t.feePaying)) of fee-paying")
        let results = t.resultsElectronic + t.resultsPostal + t.resultsAtDesk
        lines.append("  results sent electronically        \(Format.right(Format.count(t.resultsElectronic), 10))   \(share(t.resultsElectronic, results)) of results; by post \(Format.count(t.resultsPostal)), collected at the desk \(Format.count(t.resultsAtDesk))")
        if t.backlog > 0 { lines.append("  opening backlog                    \(Format.right(Format.count(t.backlog), 10))") }
        lines.append("")

        lines.append("OFFICES")
        lines.append("  " + Format.pad("office", 34) + Format.right("staff", 6) + Format.right("served", 11)
                     + Format.right("mean wait", 11) + Format.right("max wait", 10) + Format.right("busy", 8)
                     + Format.right("queue at end", 14) + Format.right("gave up", 9))
        for o in summary.offices {
            lines.append("  " + Format.pad(o.office.name, 34) + Format.right(String(o.office.staff), 6)
                         + Format.right(Format.count(o.served), 11) + Format.right(Format.duration(minutes: o.meanWait.mean), 11)
                         + Format.right(Format.duration(minutes: o.waitMax), 10) + Format.right(Format.percent(o.utilization.mean, 1), 8)
                         + Format.right(Format.fixed(o.queueAtEnd.mean, 0), 14) + Format.right(Format.count(o.abandoned), 9))
        }
        lines.append("  (wait: from reaching the office to the start of work, in wall-clock time; busy: share of open staff time)")
        lines.append("")

        let c = summary.conservation
        lines.append("DOSSIER BALANCE" + (summary.replications > 1 ? " (all replications)" : ""))
        let opening = c.backlog > 0 ? "backlog \(Format.count(c.backlog)) + " : ""
        lines.append("  \(opening)received \(Format.count(c.received)) = finished \(Format.count(c.finished)) + refused \(Format.count(c.refused))"
                     + " + withdrawn \(Format.count(c.withdrawn)) + in progress \(Format.count(c.inProgress))  "
                     + (c.isBalanced ? "balanced" : "BROKEN"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func verdictWord(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: return "PASS"
        case .fail: return "FAIL"
        case .atRisk: return "AT RISK"
        }
    }
}
