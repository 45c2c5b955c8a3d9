import Foundation

/// The indicator groups of a run that its HTML page showed only in the terminal: on-time by
/// level and procedure, the dossier's journey with the channels and digitization, the offices
/// (staff, busy, citizens who gave up) and the Decision 766 parts, as report sections.
enum RunSections {
    static func sections(_ summary: ExperimentSummary, language: Language) -> [ReportSection] {
        let w = language.words
        let t = DocumentWords(language: language)
        var sections: [ReportSection] = []

        // On-time by level and by procedure.
        // Open and overdue beside the finished counts, so the rate can be recomputed:
        // (on time + open) ÷ (on time + fin. late + open + overdue) (docs/model.md §7.7).
        let rateColumns = [ReportColumn("name", t("name", "tên")), ReportColumn("received", w.received), ReportColumn("on_time", w.onTime),
                           ReportColumn("late", language.finishedLateColumn), ReportColumn("open", w.open), ReportColumn("overdue", w.overdue),
                           ReportColumn("on_time_rate", w.onTimeRate), ReportColumn("ci95", w.ci95)]
        func rateRow(_ row: RateResult) -> [ReportCell] {
            [.text(language.pick(row.name, row.nameVi)), .value(row.mean(\.received).mean, .count), .value(row.mean(\.finishedOnTime).mean, .count),
             .value(row.mean(\.finishedLate).mean, .count), .value(row.mean(\.inProgressNotDue).mean, .count),
             .value(row.mean(\.inProgressOverdue).mean, .count), .value(row.onTimeRate.mean, .share),
             summary.replications > 1 ? .interval(low: row.onTimeRate.low, high: row.onTimeRate.high, .share) : .empty]
        }
        var blocks: [ReportBlock] = []
        if summary.levels.count > 1 {
            blocks.append(.table(ReportTable(id: "levels", columns: rateColumns, rows: summary.levels.map(rateRow))))
        }
        blocks.append(.table(ReportTable(id: "procedures", columns: rateColumns, rows: summary.procedures.map(rateRow), notes: [w.byFieldNote, language.fieldTableLateNote])))
        sections.append(ReportSection(id: "on-time-detail", title: t("On-time rate by level and procedure", "Tỷ lệ đúng hạn theo cấp và theo thủ tục"), blocks: blocks))

        // The journey, the channels and digitization: means per replication, shares of the named whole.
        let overall = summary.overall
        func mean(_ counter: KeyPath<ProcedureTally, Int>) -> Double { overall.mean(counter).mean }
        func row(_ label: String, _ part: KeyPath<ProcedureTally, Int>, of whole: KeyPath<ProcedureTally, Int>?) -> [ReportCell] {
            let estimate = overall.mean(part)
            guard let whole, mean(whole) > 0 else { return [.text(label), .value(estimate.mean, .count), .empty, .empty] }
            return [.text(label), .value(estimate.mean, .count), .value(mean(part) / mean(whole), .share),
                    .text(w.denominator(language.numbers.meanCount(mean(whole)), whole))]
        }
        let apology = TargetMeasure.apologyRate.terms
        let journeyColumns = [ReportColumn("item", t("item", "nội dung")), ReportColumn("mean", t("count", "số lượng")),
                              ReportColumn("share", t("share", "tỷ lệ")), ReportColumn("of", t("of", "trên"))]
        sections.append(ReportSection(id: "journey", title: t("The dossier's journey", "Hành trình hồ sơ"), blocks: [
            .table(ReportTable(id: "journey", columns: journeyColumns, rows: [
                row(w.incomplete, \.incomplete, of: nil), row(w.refused, \.refused, of: \.received), row(w.withdrawn, \.withdrawn, of: \.received),
                row(language.awaitingDeskCheckLabel, \.awaitingDeskCheck, of: nil),
                row(w.supplements, \.supplementRequests, of: nil), row(w.lateByRepeat, \.lateByRepeatedSupplements, of: nil),
                row(w.lateDossiers, \.late, of: nil), row(w.pastDue, \.pastDue, of: \.late),
                row(w.apologisedInTime.trimmingCharacters(in: .whitespaces), apology.part, of: apology.whole),
                row(w.apologisedLate.trimmingCharacters(in: .whitespaces), \.lateApologisedLate, of: apology.whole),
                row(w.neverApologised.trimmingCharacters(in: .whitespaces), \.lateNotApologised, of: apology.whole),
            ], notes: summary.replications > 1 ? [w.perReplicationNote] : [])),
        ]))
        sections.append(ReportSection(id: "channels", title: t("Channels and digitization", "Kênh tiếp nhận, thanh toán và số hóa"), blocks: [
            .table(ReportTable(id: "channels", columns: journeyColumns, rows: [
                row(w.online, TargetMeasure.onlineRate.terms.part, of: TargetMeasure.onlineRate.terms.whole), row(w.postal, \.postal, of: \.received),
                row(w.ePaid, TargetMeasure.ePaymentRate.terms.part, of: TargetMeasure.ePaymentRate.terms.whole),
                row(w.resultsElectronic, \.resultsElectronic, of: \.results), row(w.byPost, \.resultsPostal, of: \.results),
                row(w.atDesk, \.resultsAtDesk, of: \.results),
                row(w.digitized, TargetMeasure.digitizationRate.terms.part, of: TargetMeasure.digitizationRate.terms.whole),
            ])),
        ]))

        // Offices: staff, served, busy, queue at the end, citizens who gave up.
        let groups = OfficeGroup.groups(summary)
        sections.append(ReportSection(id: "offices", title: t("Offices", "Các đơn vị"), blocks: [
            .table(ReportTable(id: "offices", columns: [
                ReportColumn("office", w.office), ReportColumn("staff", w.staff), ReportColumn("served", w.served), ReportColumn("busy", w.busy),
                ReportColumn("queue_at_end", w.queueAtEnd), ReportColumn("gave_up", w.gaveUp),
            ], rows: groups.map { group in
                [.text(language.pick(group.name, group.nameVi) + (group.count > 1 ? " (\(group.count))" : "")), .value(Double(group.staff), .count),
                 .value(group.servedPerReplication, .count), .value(group.busyMean, .share), .value(group.queueAtEnd.rounded(), .count),
                 .value(group.abandonedPerReplication, .count)]
            }, notes: [w.officesNote] + (summary.offices.count > groups.count ? [w.groupsNote] : []))),
        ]))

        // The offices whose demand exceeds capacity, as the text lists them (docs/model.md §7.4):
        // the one section that says a queue cannot keep up, in the page and the tables too.
        let unstable = summary.offices.filter(\.isUnstable)
        if !unstable.isEmpty {
            sections.append(ReportSection(id: "unstable-offices", title: t("Unstable offices: demand exceeds capacity", "Đơn vị quá tải: nhu cầu vượt năng lực"), blocks: [
                .table(ReportTable(id: "unstable_offices", columns: [
                    ReportColumn("office", w.office), ReportColumn("queue_growth_per_day", t("queue growth a day", "hồ sơ tồn tăng mỗi ngày")),
                    ReportColumn("queue_at_end", w.queueAtEnd), ReportColumn("busy", w.busy), ReportColumn("gave_up", w.gaveUp),
                    ReportColumn("gave_up_share", t("gave up, share", "bỏ về, tỷ lệ")),
                    ReportColumn("worst_day_in_person", language.worstWalkInDayColumn),
                ], rows: unstable.map { o in
                    // Growth as the text shows it: only when the queue grows (> 0.5 a day).
                    [.text(language.pick(o.office.name, o.office.nameVi)),
                     o.queueGrowthPerDay > 0.5 ? .value((o.queueGrowthPerDay * 10).rounded() / 10, .count) : .text("—"),
                     .value(o.queueAtEnd.mean.rounded(), .count), .value(o.utilization.mean, .share),
                     .value(o.abandonedPerReplication.mean, .count), o.gaveUpShare.map { .value($0, .share) } ?? .text("—"),
                     .text(o.worstWalkInDayText(language, start: summary.horizon.start) ?? "—")]
                }, notes: [t("Listed: the queue grows day after day (growth over the second half of the horizon)",
                             "Được liệt kê: hồ sơ tồn tăng dần theo ngày (mức tăng trong nửa sau của kỳ)"),
                           language.unstableGaveUpNote(language.numbers.percent(DeskGuard.allowance, 0)),
                           language.unstableSaturatedNote(language.numbers.percent(OfficeResult.saturatedUtilization, 0)),
                           language.unstableWalkInNote(language.numbers.percent(OfficeResult.worstDayGaveUpShare, 0),
                                                       language.numbers.meanCount(OfficeResult.worstDayMinimumInPerson))])),
            ]))
        }

        // Decision 766.
        sections.append(ReportSection(id: "decision-766", title: t("Decision 766/QĐ-TTg scoring: the parts a simulation can compute",
                                                                   "Chấm điểm theo Quyết định 766/QĐ-TTg: các phần mô phỏng tính được"), blocks: [
            .table(ReportTable(id: "decision_766", columns: [
                ReportColumn("part", t("part", "nội dung")), ReportColumn("points", t("points", "điểm")), ReportColumn("maximum", t("maximum", "tối đa")),
                ReportColumn("leaves_out", t("leaves out", "chưa tính")),
            ], rows: summary.decision766.map { c in
                [.text(language.pick(c.name, c.nameVi)), .text(c.notComputed == nil ? language.numbers.fixed(c.points, 1) : "—"),
                 .text(language.numbers.fixed(c.maximum, 0)),
                 .text(c.notComputed.map { language.pick($0.en, $0.vi) } ?? language.pick(c.leavesOut, c.leavesOutVi))]
            } + ScoreComponent.notComputed.map { part in
                // The parts no simulation computes, as the text lists them, so the maxima add to 100.
                [.text(language.pick(part.name, part.nameVi)), .text("—"), .text(language.numbers.fixed(part.maximum, 0)),
                 .text(language.decision766NotComputedRow + ": " + language.pick(part.why, part.whyVi))]
            })),
        ]))
        return sections
    }
}
