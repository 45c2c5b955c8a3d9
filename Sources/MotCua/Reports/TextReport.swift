/// The terminal report: the targets table first, then the on-time rates, the dossier's
/// journey, the offices and the dossier balance — in English or Vietnamese.
public enum TextReport {
    /// Renders `summary` as plain text in `language`.
    /// - Parameter provenance: what the run was made from, one line under the header.
    public static func render(_ summary: ExperimentSummary, language: Language = .en, provenance: Provenance? = nil) -> String {
        let w = language.words
        let f = language.numbers
        var lines: [String] = []
        let h = summary.horizon
        let last = h.start.adding(days: h.days - 1)
        let many = summary.replications > 1
        lines.append("MotCua — \(language.pick(summary.scenarioName, summary.scenarioNameVi))")
        lines.append("\(w.seed) \(summary.seed) · \(w.replication(summary.replications)) · \(w.period(f.date(h.start), f.date(last), h.days))"
                     + (h.warmUpDays > 0 ? w.warmUp(h.warmUpDays) : "") + ")")
        if let provenance {
            if let change = provenance.whatChanged(language) { lines += Format.wrap(change, 98) }
            lines += provenance.lines(language)
        }
        lines.append("")

        if !summary.targets.isEmpty || !summary.targetsNotComputable.isEmpty {
            lines.append(w.targets)
            lines.append("  " + Format.pad(w.verdict, 11) + Format.pad(w.target, 62) + Format.right(w.value, 9) + "   " + w.ci95)
            for t in summary.targets {
                // The field name first: several targets share one wording and differ only by it.
                var label = language.pick(t.label, t.labelVi)
                if let field = t.fieldName { label = "\(language.pick(field, t.fieldNameVi)) — " + label }
                let ci = many ? "\(f.percent(t.estimate.low)) … \(f.percent(t.estimate.high))" : w.oneReplication
                let wrappedLabel = Format.wrapped(label, 62, indent: "  " + Format.pad("", 11) + "  ")
                lines.append("  " + Format.pad(verdictWord(t.verdict, w), 11) + wrappedLabel.first
                             + Format.right(f.percent(t.estimate.mean), 9) + "   " + Format.pad(ci, 21)
                             + "   " + w.denominator(f.meanCount(t.denominator.mean), t.measure.terms.whole))
                lines += wrappedLabel.more
                if let input = t.inputDriven {
                    lines.append("  " + Format.pad("", 11) + "↳ " + language.inputDrivenLabel(t.inputDrivenKind) + ": " + language.pick(input, t.inputDrivenVi))
                }
                if let reason = t.deskGuardReason(language) {
                    // The scenario-wide reason fits a line; a field's, with its counts, is wrapped.
                    let parts = Format.wrap(reason, 100)
                    lines.append("  " + Format.pad("", 11) + "↳ " + (parts.first ?? reason))
                    lines += parts.dropFirst().map { "  " + Format.pad("", 13) + $0 }
                }
            }
            for t in summary.targetsNotComputable {
                let label = language.pick(t.label, t.labelVi) + " (\(language.comparatorSign(t.comparator)) \(f.percent(t.threshold, 0)))"
                let wrappedLabel = Format.wrapped(label, 62, indent: "  " + Format.pad("", 11) + "  ")
                lines.append("  " + Format.pad(language.notComputable, 11) + wrappedLabel.first + Format.right("—", 9))
                lines += wrappedLabel.more
                let reason = Format.wrapped("↳ " + language.notComputableWhy + ": " + language.pick(t.reason, t.reasonVi), 100, indent: "  " + Format.pad("", 13))
                lines.append("  " + Format.pad("", 11) + String(reason.first.reversed().drop { $0 == " " }.reversed()))
                lines += reason.more
            }
            lines.append("  " + w.passCount(summary.targets.filter { $0.verdict == .pass }.count, summary.targets.count))
            // A horizon shorter than the deadlines it judges (review 4 #12), beside the count.
            for note in summary.shortHorizonLines(language) + summary.backTestLines(language) { lines += Format.wrap(note, 98).map { "  " + $0 } }
            if let line = deskGuardLine(summary, language) { lines += Format.wrap(line, 98).map { "  " + $0 } }
            lines.append("")
        }

        lines.append("\(w.byField)  \(w.byFieldNote)")
        lines.append("  " + Format.pad(w.field, 24) + Format.right(w.received, 10) + Format.right(language.backlogColumn, 9)
                     + Format.right(w.refused, 9) + Format.right(language.withdrawnColumn, 11)
                     + Format.right(w.onTime, 10) + Format.right(language.finishedLateColumn, 10) + Format.right(w.open, 11)
                     + Format.right(w.overdue, 9) + Format.right(w.onTimeRate, 15) + "   " + (many ? w.ci95 : ""))
        for row in summary.fields + (summary.levels.count > 1 ? summary.levels : []) + [summary.overall] {
            func count(_ counter: KeyPath<ProcedureTally, Int>) -> String { f.meanCount(row.mean(counter).mean) }
            let ci = many ? "\(f.percent(row.onTimeRate.low)) … \(f.percent(row.onTimeRate.high))" : ""
            let name = Format.wrapped(language.pick(row.name, row.nameVi), 24, indent: "    ")
            lines.append("  " + name.first + Format.right(count(\.received), 10) + column(count(\.backlog), 9)
                         + column(count(\.refused), 9) + column(count(\.withdrawn), 11) + column(count(\.finishedOnTime), 10)
                         + column(count(\.finishedLate), 10) + Format.right(count(\.inProgressNotDue), 11)
                         + Format.right(count(\.inProgressOverdue), 9)
                         + Format.right(f.percent(row.onTimeRate.mean), 15) + "   " + ci)
            lines += name.more
        }
        lines += Format.wrap(language.fieldTableLateNote, 98).map { "  " + $0 }
        if many { lines.append("  " + w.countsNote) }
        lines.append("")
        lines += ProcedureReport.text(summary, language: language)

        // The journey, on the tables' basis: means per replication (each with its interval
        // when replicated); a share is the ratio of the two means printed with it.
        let overall = summary.overall
        func mean(_ counter: KeyPath<ProcedureTally, Int>) -> Double { overall.mean(counter).mean }
        func share(_ part: KeyPath<ProcedureTally, Int>, _ whole: KeyPath<ProcedureTally, Int>) -> String {
            // With nothing to divide by, the denominator still shows: "0 … of 0 fee-paying dossiers".
            mean(whole) > 0 ? "\(f.percent(mean(part) / mean(whole), 1)) \(w.denominator(f.meanCount(mean(whole)), whole))"
                : w.denominator(f.meanCount(0), whole)
        }
        func share(_ measure: TargetMeasure) -> String { share(measure.terms.part, measure.terms.whole) }
        func row(_ label: String, _ counter: KeyPath<ProcedureTally, Int>, _ notes: String...) -> String {
            let note = notes.filter { !$0.isEmpty }.joined(separator: "; ")
            let estimate = overall.mean(counter)
            let ci = many ? "  \(f.meanCount(estimate.low)) … \(f.meanCount(estimate.high))" : ""
            let line = "  " + Format.pad(label, 38) + Format.right(f.meanCount(estimate.mean), 10)
            return note.isEmpty ? line + ci : line + (many ? Format.pad(ci, 24) : "") + "   " + note
        }
        lines.append(w.journey + (many ? " " + w.journeyNote : ""))
        lines.append(row(w.incomplete, \.incomplete))
        lines.append(row(w.refused, \.refused, share(\.refused, \.received)))
        lines.append(row(w.withdrawn, \.withdrawn, share(\.withdrawn, \.received)))
        if mean(\.awaitingDeskCheck) > 0 {
            // Online and postal dossiers the desk never checked: no receipt, judged by the deadline
            // counted from their submission (docs/model.md §7.1).
            let age = mean(\.awaitingDeskCheckMinutes) / mean(\.awaitingDeskCheck) / 1440
            lines.append(row(language.awaitingDeskCheckLabel, \.awaitingDeskCheck, language.awaitingDeskCheckNote(
                overdue: f.meanCount(mean(\.awaitingDeskCheckOverdue)), meanAgeDays: f.meanCount(age, decimals: 1))))
        }
        lines.append(row(w.supplements, \.supplementRequests, "\(w.lateByRepeat): \(f.meanCount(mean(\.lateByRepeatedSupplements)))"))
        let hasBacklog = summary.overall.tally.backlog > 0
        lines.append(row(w.lateDossiers, \.late,
                         hasBacklog ? "\(w.backlog) \(f.meanCount(mean(\.backlogLate)))" : ""))
        lines.append(row(w.pastDue, \.pastDue, share(\.pastDue, \.late)))
        // Every apology share is of the dossiers past their appointment, each owed an apology
        // (docs/model.md §5; a dossier late only by a repeated supplement request met its date).
        let apology = TargetMeasure.apologyRate.terms
        lines.append(row(w.apologisedInTime, apology.part,
                         share(apology.part, apology.whole), "\(w.newDateMet): \(f.meanCount(mean(\.newDateMet)))"))
        lines.append(row(w.apologisedLate, \.lateApologisedLate, share(\.lateApologisedLate, apology.whole)))
        lines.append(row(w.neverApologised, \.lateNotApologised, share(\.lateNotApologised, apology.whole)))
        lines.append(row(w.online, \.online, share(TargetMeasure.onlineRate)))
        lines.append(row(w.postal, \.postal, share(\.postal, \.received)))
        lines.append(row(w.digitized, \.digitized, share(TargetMeasure.digitizationRate)))
        lines.append(row(w.ePaid, \.ePaid, share(TargetMeasure.ePaymentRate)))
        lines.append(row(w.resultsElectronic, \.resultsElectronic, share(\.resultsElectronic, \.results),
                         "\(w.byPost) \(f.meanCount(mean(\.resultsPostal))), \(w.atDesk) \(f.meanCount(mean(\.resultsAtDesk)))"))
        if hasBacklog {
            // The backlog's appointments were set before the horizon: its lateness is shown apart.
            lines.append(row(w.backlog, \.backlog, "\(w.onTime) \(f.meanCount(mean(\.backlogOnTime)))",
                             "\(w.late) \(f.meanCount(mean(\.backlogLate)))"))
        }
        lines.append("")

        lines += BreakdownReport.text(summary, language: language)

        func minutes(_ m: Double) -> String { f.duration(minutes: m) }
        let groups = OfficeGroup.groups(summary)
        lines.append(w.offices + (many ? " " + w.perReplicationNote : ""))
        lines.append("  " + Format.pad(w.office, 44) + Format.right(w.staff, 7) + Format.right(w.served, 11)
                     + Format.right(w.busy, 8) + Format.right(w.queueAtEnd, 14) + Format.right(w.gaveUp, 9))
        for group in groups {
            let name = language.pick(group.name, group.nameVi) + (group.count > 1 ? " (\(group.count))" : "")
            let busy = group.count > 1 ? "\(f.percent(group.busyMean, 0))" : f.percent(group.busyMean, 1)
            let wrappedName = Format.wrapped(name, 44, indent: "    ")
            lines.append("  " + wrappedName.first + Format.right(String(group.staff), 7)
                         + Format.right(f.meanCount(group.servedPerReplication), 11) + Format.right(busy, 8)
                         + column(f.meanCount(group.queueAtEnd), 14) + column(f.meanCount(group.abandonedPerReplication), 9)
                         + (group.count > 1 ? "   \(w.busiest): \(language.pick(group.busiestName, group.busiestNameVi)) \(f.percent(group.busyMax, 0))" : ""))
            lines += wrappedName.more
        }
        if summary.offices.count > groups.count { lines.append("  " + w.groupsNote) }
        lines.append("  " + w.officesNote)
        lines.append("")

        lines.append(w.waits)
        func waitColumns(_ wait: OfficeGroup.Wait) -> String {
            guard wait.count > 0 else { return Format.pad(Format.right("—", 10), 43) }
            return Format.right(f.meanCount(wait.count), 10) + Format.right(minutes(wait.mean), 11)
                + Format.right(minutes(wait.p90), 11) + Format.right(minutes(wait.max), 11)
        }
        let kindHeader = Format.right(w.waitCount, 10) + Format.right(w.meanWait, 11) + Format.right(w.p90Wait, 11) + Format.right(w.maxWait, 11)
        lines.append("  " + Format.pad("", 44) + "   " + Format.pad(w.inLine, 43) + "   " + w.inTray)
        lines.append("  " + Format.pad(w.office, 44) + "   " + kindHeader + "   " + kindHeader)
        for group in groups {
            let name = language.pick(group.name, group.nameVi) + (group.count > 1 ? " (\(group.count))" : "")
            let wrappedName = Format.wrapped(name, 44, indent: "    ")
            let line = "  " + wrappedName.first + "   " + waitColumns(group.lineWait) + "   " + waitColumns(group.trayWait)
            lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
            lines += wrappedName.more
        }
        lines.append("  " + w.inLineNote)
        lines.append("  " + w.inTrayNote)
        lines.append("  " + (summary.offices.count > groups.count ? w.waitsGroupNote : w.waitsNote))
        let unstable = summary.offices.filter(\.isUnstable)
        if !unstable.isEmpty {
            lines.append("")
            lines.append(w.unstable)
            lines.append("  " + language.unstableGaveUpNote(f.percent(DeskGuard.allowance, 0)))
            lines.append("  " + language.unstableSaturatedNote(f.percent(OfficeResult.saturatedUtilization, 0)))
            lines.append("  " + language.unstableWalkInNote(f.percent(OfficeResult.worstDayGaveUpShare, 0),
                                                            f.meanCount(OfficeResult.worstDayMinimumInPerson)))
            for o in unstable {
                let name = Format.wrapped(language.pick(o.office.name, o.office.nameVi), 44, indent: "    ")
                let gaveUp = o.gaveUpShare.map { ", " + w.gaveUp + " \(f.meanCount(o.abandonedPerReplication.mean)) (\(f.percent($0, 1)))" } ?? ""
                let growth = o.queueGrowthPerDay > 0.5 ? "+\(f.fixed(o.queueGrowthPerDay, 1)) " + w.perDay + ", " : ""
                lines.append("  " + name.first + "  " + growth + w.queueAtEnd + " \(f.meanCount(o.queueAtEnd.mean)), " + w.busy + " \(f.percent(o.utilization.mean, 1))" + gaveUp)
                lines += name.more
                if let worst = o.worstWalkInDayText(language, start: h.start) { lines.append("    " + worst) }
            }
        }
        lines.append("")

        lines.append(w.decision766)
        for c in summary.decision766 {
            let name = Format.wrapped(language.pick(c.name, c.nameVi), 36, indent: "    ")
            lines.append("  " + name.first + Format.right(c.notComputed == nil ? f.fixed(c.points, 1) : "—", 6) + " / "
                         + f.fixed(c.maximum, 0) + "   " + (c.notComputed.map { language.pick($0.en, $0.vi) } ?? language.pick(c.leavesOut, c.leavesOutVi)))
            lines += name.more
        }
        lines.append("  " + language.decision766NotComputed)
        for part in ScoreComponent.notComputed {
            let name = Format.wrapped(language.pick(part.name, part.nameVi), 36, indent: "    ")
            lines.append("  " + name.first + Format.right("—", 6) + " / " + f.fixed(part.maximum, 0) + "   " + language.pick(part.why, part.whyVi))
            lines += name.more
        }
        lines.append("")

        // The balance on the tables' basis (means per replication), opening backlog named even
        // when there is none; whether it balances is checked on the exact totals.
        // With a warm-up, the balance of every simulated dossier and that of the counted ones.
        lines.append(w.balance + (many ? " " + w.balanceNote : ""))
        for balance in BalanceLines.balances(summary, language: language) {
            let indent = balance.label == nil ? "  " : "    "
            if let label = balance.label { lines.append("  " + label) }
            lines.append(indent + balance.equation + "  " + (balance.isBalanced ? w.balanced : w.broken))
        }
        lines += BackTestReport.lines(summary.backTest, language: language)
        lines += UnitReport.lines(summary.unitFigures, targets: summary.targets, language: language)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` right-aligned in `width` characters, and kept apart from the column before it
    /// by a space when it is wider (a city-scale count).
    static func column(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : Format.right(text, width)
    }

    /// The desk guard's line (docs/model.md §7.6), when a target is an on-time or late one.
    static func deskGuardLine(_ summary: ExperimentSummary, _ language: Language) -> String? {
        guard summary.targets.contains(where: { DeskGuard.guards($0.measure) }), let judgement = summary.deskGuard else { return nil }
        let f = language.numbers
        let share = judgement.share
        let level = summary.confidence == 0.95 ? "95%" : f.percent(summary.confidence, 2)
        let interval = judgement.hasInterval
            ? language.pick("\(level) CI ", "KTC \(level) ") + f.percent(share.low, 2) + " … " + f.percent(share.high, 2) : nil
        return language.deskGuardLine(f.percent(share.mean, 2), interval: interval, f.meanCount(summary.overall.mean(\.gaveUpAtDesk).mean),
                                      f.meanCount(summary.overall.mean(\.receivedInPerson).mean), f.percent(DeskGuard.allowance, 0),
                                      verdict: judgement.verdict)
            // Vietnamese ends the verdict's clause before the next sentence ("… trong giới hạn cho phép. Tính trên …").
            + (summary.targets.contains { $0.heldByDeskGuard && $0.scenarioDesk?.verdict != $0.verdict }
               ? language.pick(" ", ". ") + language.deskGuardOwnTripped : "")
    }

    static func verdictWord(_ verdict: Verdict, _ w: Phrases) -> String {
        switch verdict {
        case .pass: return w.pass
        case .fail: return w.fail
        case .atRisk: return w.atRisk
        }
    }
}
