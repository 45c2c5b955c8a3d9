/// The terminal report: the targets table first, then the on-time rates, the dossier's
/// journey, the offices and the dossier balance — in English or Vietnamese.
public enum TextReport {
    /// Renders `summary` as plain text in `language`.
    public static func render(_ summary: ExperimentSummary, language: Language = .en) -> String {
        let w = language.words
        var lines: [String] = []
        let h = summary.horizon
        let last = h.start.adding(days: h.days - 1)
        let many = summary.replications > 1
        lines.append("MotCua — \(language.pick(summary.scenarioName, summary.scenarioNameVi))")
        lines.append("\(w.seed) \(summary.seed) · \(w.replication(summary.replications)) · \(w.period(h.start, last, h.days))"
                     + (h.warmUpDays > 0 ? w.warmUp(h.warmUpDays) : "") + ")")
        lines.append("")

        if !summary.targets.isEmpty {
            lines.append(w.targets)
            lines.append("  " + Format.pad(w.verdict, 11) + Format.pad(w.target, 62) + Format.right(w.value, 9) + "   " + w.ci95)
            for t in summary.targets {
                var label = language.pick(t.label, t.labelVi)
                if let field = t.fieldName { label += " — \(language.pick(field, t.fieldNameVi))" }
                let ci = many ? "\(Format.percent(t.estimate.low)) … \(Format.percent(t.estimate.high))" : w.oneReplication
                lines.append("  " + Format.pad(verdictWord(t.verdict, w), 11) + Format.pad(label, 62)
                             + Format.right(Format.percent(t.estimate.mean), 9) + "   " + ci)
                if let input = t.inputDriven { lines.append("  " + Format.pad("", 11) + "↳ " + w.inputDriven + ": " + input) }
            }
            lines.append("  " + w.passCount(summary.targets.filter { $0.verdict == .pass }.count, summary.targets.count))
            lines.append("")
        }

        lines.append("\(w.byField)  \(w.byFieldNote)")
        lines.append("  " + Format.pad(w.field, 24) + Format.right(w.received, 10) + Format.right(w.refused, 9)
                     + Format.right(w.onTime, 10) + Format.right(w.late, 9) + Format.right(w.open, 11)
                     + Format.right(w.overdue, 9) + Format.right(w.onTimeRate, 15) + "   " + (many ? w.ci95 : ""))
        for row in summary.fields + (summary.levels.count > 1 ? summary.levels : []) + [summary.overall] {
            let t = row.tally
            let ci = many ? "\(Format.percent(row.onTimeRate.low)) … \(Format.percent(row.onTimeRate.high))" : ""
            lines.append("  " + Format.pad(language.pick(row.name, row.nameVi), 24) + Format.right(Format.count(t.received), 10)
                         + Format.right(Format.count(t.refused), 9) + Format.right(Format.count(t.finishedOnTime), 10)
                         + Format.right(Format.count(t.finishedLate), 9) + Format.right(Format.count(t.inProgressNotDue), 11)
                         + Format.right(Format.count(t.inProgressOverdue), 9)
                         + Format.right(Format.percent(row.onTimeRate.mean), 15) + "   " + ci)
        }
        if many { lines.append("  " + w.totalsNote) }
        lines.append("")

        let t = summary.overall.tally
        func share(_ part: Int, _ whole: Int, _ of: String) -> String {
            whole > 0 ? "\(Format.percent(Double(part) / Double(whole), 1)) \(of)" : ""
        }
        func row(_ label: String, _ n: Int, _ notes: String...) -> String {
            let note = notes.filter { !$0.isEmpty }.joined(separator: "; ")
            return "  " + Format.pad(label, 38) + Format.right(Format.count(n), 10) + (note.isEmpty ? "" : "   " + note)
        }
        lines.append(w.journey + (many ? " " + w.totalsNote : ""))
        lines.append(row(w.incomplete, t.incomplete))
        lines.append(row(w.refused, t.refused, share(t.refused, t.received, w.ofReceived)))
        lines.append(row(w.withdrawn, t.withdrawn, share(t.withdrawn, t.received, w.ofReceived)))
        lines.append(row(w.supplements, t.supplementRequests, "\(w.lateByRepeat): \(Format.count(t.lateByRepeatedSupplements))"))
        lines.append(row(w.lateDossiers, t.late, t.backlog > 0 ? "\(w.backlog) \(Format.count(t.backlogLate))" : ""))
        lines.append(row(w.pastDue, t.pastDue))
        lines.append(row(w.apologisedInTime, t.lateApologisedOnTime,
                         share(t.lateApologisedOnTime, t.pastDue, w.ofLate), "\(w.newDateMet): \(Format.count(t.newDateMet))"))
        lines.append(row(w.apologisedLate, t.lateApologisedLate, share(t.lateApologisedLate, t.pastDue, w.ofLate)))
        lines.append(row(w.neverApologised, t.lateNotApologised, share(t.lateNotApologised, t.pastDue, w.ofLate)))
        lines.append(row(w.online, t.online, share(t.online, t.received, w.ofReceived)))
        lines.append(row(w.postal, t.postal, share(t.postal, t.received, w.ofReceived)))
        lines.append(row(w.digitized, t.digitized, share(t.digitized, t.accepted, w.ofAccepted)))
        lines.append(row(w.ePaid, t.ePaid, share(t.ePaid, t.feePaying, w.ofFeePaying)))
        let results = t.resultsElectronic + t.resultsPostal + t.resultsAtDesk
        lines.append(row(w.resultsElectronic, t.resultsElectronic, share(t.resultsElectronic, results, w.ofResults),
                         "\(w.byPost) \(Format.count(t.resultsPostal)), \(w.atDesk) \(Format.count(t.resultsAtDesk))"))
        if t.backlog > 0 {
            // The backlog's appointments were set before the horizon: its lateness is shown apart.
            lines.append(row(w.backlog, t.backlog, "\(w.onTime) \(Format.count(t.backlogOnTime))",
                             "\(w.late) \(Format.count(t.backlogLate)) "
                             + "(\(Format.percent(Double(t.backlogLate) / Double(Swift.max(1, t.backlogOnTime + t.backlogLate)), 1)))"))
        }
        lines.append("")

        lines.append(w.offices)
        lines.append("  " + Format.pad(w.office, 44) + Format.right(w.staff, 7) + Format.right(w.served, 11)
                     + Format.right(w.meanWait, 11) + Format.right(w.p90Wait, 11) + Format.right(w.maxWait, 12) + Format.right(w.busy, 8)
                     + Format.right(w.queueAtEnd, 14) + Format.right(w.gaveUp, 9))
        for group in OfficeGroup.groups(summary) {
            let name = language.pick(group.name, group.nameVi) + (group.count > 1 ? " (\(group.count))" : "")
            let busy = group.count > 1 ? "\(Format.percent(group.busyMean, 0))" : Format.percent(group.busyMean, 1)
            lines.append("  " + Format.pad(name, 44) + Format.right(String(group.staff), 7)
                         + Format.right(Format.count(group.served), 11) + Format.right(Format.duration(minutes: group.meanWait, vietnamese: language == .vi), 11)
                         + Format.right(Format.duration(minutes: group.p90Wait, vietnamese: language == .vi), 11)
                         + Format.right(Format.duration(minutes: group.waitMax, vietnamese: language == .vi), 12) + Format.right(busy, 8)
                         + Format.right(Format.fixed(group.queueAtEnd, 0), 14) + Format.right(Format.count(group.abandoned), 9)
                         + (group.count > 1 ? "   \(w.busiest): \(language.pick(group.busiestName, group.busiestNameVi)) \(Format.percent(group.busyMax, 0))" : ""))
        }
        if summary.offices.count > OfficeGroup.groups(summary).count { lines.append("  " + w.groupsNote) }
        lines.append("  " + w.officesNote)
        let unstable = summary.offices.filter(\.isUnstable)
        if !unstable.isEmpty {
            lines.append("")
            lines.append(w.unstable)
            for o in unstable {
                lines.append("  " + Format.pad(language.pick(o.office.name, o.office.nameVi), 44) + "  +\(Format.fixed(o.queueGrowthPerDay, 1)) "
                             + w.perDay + ", " + w.queueAtEnd + " \(Format.fixed(o.queueAtEnd.mean, 0)), " + w.busy + " \(Format.percent(o.utilization.mean, 1))")
            }
        }
        lines.append("")

        lines.append(w.decision766)
        for c in summary.decision766 {
            lines.append("  " + Format.pad(language.pick(c.name, c.nameVi), 36) + Format.right(Format.fixed(c.points, 1), 6) + " / "
                         + Format.fixed(c.maximum, 0) + "   " + language.pick(c.leavesOut, c.leavesOutVi))
        }
        lines.append("")

        let c = summary.conservation
        lines.append(w.balance + (many ? " " + w.allReplications : ""))
        let opening = c.backlog > 0 ? "\(w.backlog) \(Format.count(c.backlog)) + " : ""
        lines.append("  \(opening)\(w.received) \(Format.count(c.received)) = \(w.finished) \(Format.count(c.finished))"
                     + " + \(w.refused) \(Format.count(c.refused)) + \(w.withdrawn) \(Format.count(c.withdrawn))"
                     + " + \(w.inProgress) \(Format.count(c.inProgress))  " + (c.isBalanced ? w.balanced : w.broken))
        return lines.joined(separator: "\n") + "\n"
    }

    static func verdictWord(_ verdict: Verdict, _ w: Phrases) -> String {
        switch verdict {
        case .pass: return w.pass
        case .fail: return w.fail
        case .atRisk: return w.atRisk
        }
    }
}
