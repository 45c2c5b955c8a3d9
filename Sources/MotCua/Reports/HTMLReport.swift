/// One self-contained HTML page (`--html FILE`): the targets table and the charts a planner
/// reads — on-time rate by field against the target, the backlog over the year, the desk
/// wait by hour of day, staff utilization by office — with inline SVG, no scripts and no
/// network, laid out to print on A4.
public enum HTMLReport {
    /// The page for `summary` in `language`.
    /// - Parameter provenance: what the run was made from, shown under the headline.
    public static func render(_ summary: ExperimentSummary, language: Language = .en, provenance: Provenance? = nil) -> String {
        let vi = language == .vi
        let w = language.words
        let f = language.numbers
        func t(_ en: String, _ viText: String) -> String { vi ? viText : en }
        let e = SVGChart.escape
        let h = summary.horizon
        let last = h.start.adding(days: h.days - 1)
        let name = language.pick(summary.scenarioName, summary.scenarioNameVi)
        var html = DocumentHTML.head(title: name, language: language)
        html += "<h1>\(e(name))</h1>\n"
        html += "<p class=\"meta\">\(e(w.seed)) \(summary.seed) · \(e(w.replication(summary.replications))) · \(e(w.period(f.date(h.start), f.date(last), h.days))))</p>\n"
        if !summary.targets.isEmpty {
            html += "<p class=\"headline\" id=\"headline\">\(e(DocumentWords(language: language).passing(summary.targets)))</p>"
            for note in summary.shortHorizonLines(language) + summary.backTestLines(language) { html += "<p class=\"headline\">\(e(note))</p>" }
        }
        if let provenance {
            if let change = provenance.whatChanged(language) { html += "<p class=\"headline\">\(e(change))</p>" }
            html += DocumentHTML.provenance(provenance, language)
        }

        // Targets
        if !summary.targets.isEmpty || !summary.targetsNotComputable.isEmpty {
            html += "<section><h2>\(e(t("Targets", "Chỉ tiêu")))</h2><table><tr><th>\(e(w.target))</th><th class=\"num\">\(e(w.value))</th><th class=\"num\">\(e(w.ci95))</th><th>\(e(w.verdict))</th></tr>"
            for target in summary.targets {
                var label = language.pick(target.label, target.labelVi)
                if let field = target.fieldName { label += " — " + language.pick(field, target.fieldNameVi) }
                let ci = summary.replications > 1 ? "\(f.percent(target.estimate.low)) – \(f.percent(target.estimate.high))" : "—"
                var input = target.inputDriven.map { "<br><small>↳ \(e(language.inputDrivenLabel(target.inputDrivenKind))): \(e(language.pick($0, target.inputDrivenVi)))</small>" } ?? ""
                if let reason = target.deskGuardReason(language) { input += "<br><small>↳ \(e(reason))</small>" }
                let of = w.denominator(f.meanCount(target.denominator.mean), target.measure.terms.whole)
                html += "<tr><td>\(e(label)) (\(e(DocumentWords(language: language).threshold(target))); \(e(of)))\(input)</td><td class=\"num\">\(f.percent(target.estimate.mean))</td><td class=\"num\">\(ci)</td><td><span class=\"verdict \(target.verdict.rawValue)\">\(e(TextReport.verdictWord(target.verdict, w)))</span></td></tr>"
            }
            for target in summary.targetsNotComputable {
                let label = language.pick(target.label, target.labelVi)
                html += "<tr><td>\(e(label)) (\(language.comparatorSign(target.comparator)) \(f.percent(target.threshold, 0)))<br><small>↳ \(e(language.notComputableWhy)): \(e(language.pick(target.reason, target.reasonVi)))</small></td><td class=\"num\">—</td><td class=\"num\">—</td><td><span class=\"verdict not-computable\">\(e(language.notComputable))</span></td></tr>"
            }
            html += "</table>"
            if let line = TextReport.deskGuardLine(summary, language) { html += "<p id=\"desk-guard\">\(e(line))</p>" }
            html += "<p>\(e(t("PASS: the whole 95% confidence interval meets the target; FAIL: it misses it entirely; AT RISK: the interval straddles the threshold.", "ĐẠT: cả khoảng tin cậy 95% đạt chỉ tiêu; KHÔNG ĐẠT: cả khoảng không đạt; CÓ RỦI RO: khoảng tin cậy nằm hai bên ngưỡng.")))</p></section>"
        }

        // Chart 1: on-time rate by field
        let onTimeTargets = summary.targets.filter { $0.measure == .onTimeRate }
        let reference = onTimeTargets.map(\.threshold).max()
        let lowest = summary.fields.map(\.onTimeRate.low).filter(\.isFinite).min() ?? 0.9
        let floor = Swift.max(0, Swift.min(0.9, (lowest * 20).rounded(.down) / 20))
        // Each field's own threshold (its on-time target, else the district-wide one): one line
        // for all when they agree, a mark per field when they differ (complaints at 95% beside 98%).
        let fieldThresholds = summary.fields.map { row in
            onTimeTargets.first { $0.fieldName == row.name }?.threshold ?? onTimeTargets.first { $0.fieldName == nil }?.threshold
        }
        let oneThreshold = Set(fieldThresholds.compactMap { $0 }).count <= 1
        let bars = summary.fields.enumerated().map { i, row -> (label: String, value: Double, low: Double?, high: Double?, color: String) in
            let threshold = fieldThresholds[i] ?? reference ?? 0
            let color = row.onTimeRate.mean >= threshold ? "#3f8f5a" : "#c2410c"
            return (language.pick(row.name, row.nameVi), row.onTimeRate.mean, row.onTimeRate.low, row.onTimeRate.high, color)
        }
        html += "<section><h2>\(e(t("On-time rate by field", "Tỷ lệ giải quyết hồ sơ đúng hạn theo lĩnh vực")))</h2>"
        let sharedReference = oneThreshold ? reference.map { ($0, t("target", "chỉ tiêu") + " " + f.percent($0, 0)) } : nil
        html += SVGChart.horizontalBars(id: "chart-on-time", title: t("On-time rate by field", "Tỷ lệ đúng hạn theo lĩnh vực"), items: bars,
                                        domain: floor...1, reference: sharedReference, thresholds: oneThreshold ? [] : fieldThresholds,
                                        axisTitle: oneThreshold ? t("on-time rate (bar: mean; line: 95% interval)", "tỷ lệ đúng hạn (cột: trung bình; vạch: khoảng tin cậy 95%)")
                                            : t("on-time rate (bar: mean; black line: 95% interval; red mark: target)",
                                                "tỷ lệ đúng hạn (cột: trung bình; vạch đen: KTC 95%; vạch đỏ: chỉ tiêu)"),
                                        format: { f.percent($0, 1) })
        html += "<p>\(e(w.byFieldNote))</p></section>"

        html += BreakdownReport.html(summary, language: language)

        // Chart 2: backlog
        html += "<section><h2>\(e(t("Dossiers in progress over the year", "Hồ sơ đang giải quyết trong năm")))</h2>"
        html += SVGChart.dailyLines(id: "chart-backlog", title: t("Dossiers in progress at the end of each day", "Hồ sơ đang giải quyết cuối mỗi ngày"),
                                    dates: summary.daily.map(\.date),
                                    series: [(t("in progress", "đang giải quyết"), summary.daily.map(\.inProgress), "#2f6f9f"),
                                             (t("of which overdue", "trong đó quá hạn"), summary.daily.map(\.overdue), "#b91c1c"),
                                             (t("of which at the desks", "trong đó đang ở bộ phận một cửa"), summary.daily.map(\.atDesk), "#6b7280")],
                                    yLabel: t("dossiers", "hồ sơ"), xLabel: t("month", "tháng"), language: language)
        html += "</section>"

        // Chart 3: desk wait by hour of day
        let desks = summary.offices.filter { $0.office.kind == .desk }
        let byHour = (0..<24).map { hour -> Double in
            let n = desks.reduce(0) { $0 + $1.arrivalsByHour[hour] }
            guard n > 0 else { return .nan }
            return desks.reduce(0.0) { $0 + ($1.meanWaitByHour[hour].isFinite ? $1.meanWaitByHour[hour] * Double($1.arrivalsByHour[hour]) : 0) } / Double(n)
        }
        let busyHours = (0..<24).filter { byHour[$0].isFinite }
        let span = (busyHours.first ?? 7)..<((busyHours.last ?? 16) + 1)
        html += "<section><h2>\(e(t("Wait in line at the one-stop desks by hour of arrival (citizens in person)", "Thời gian chờ xếp hàng tại bộ phận một cửa theo giờ đến (người dân đến trực tiếp)")))</h2>"
        html += SVGChart.hourlyBars(id: "chart-desk-hours", title: t("Mean wait at the desks by hour of arrival", "Thời gian chờ trung bình theo giờ đến"),
                                    values: byHour, hours: span, yLabel: t("minutes", "phút"), xLabel: t("hour of arrival", "giờ đến"),
                                    format: { f.fixed($0, $0 == $0.rounded() ? 0 : 1) })
        html += "</section>"

        // The two waits, by office entry: never one figure for both
        html += "<section><h2>\(e(w.waits))</h2><table class=\"wide\"><tr><th rowspan=\"2\">\(e(w.office))</th><th colspan=\"4\">\(e(w.inLine))</th><th colspan=\"4\">\(e(w.inTray))</th></tr><tr>"
        for _ in 0..<2 {
            html += "<th class=\"num\">\(e(w.waitCount))</th><th class=\"num\">\(e(w.meanWait))</th><th class=\"num\">\(e(w.p90Wait))</th><th class=\"num\">\(e(w.maxWait))</th>"
        }
        html += "</tr>"
        let officeGroups = OfficeGroup.groups(summary)
        for group in officeGroups {
            let label = language.pick(group.name, group.nameVi) + (group.count > 1 ? " (\(group.count))" : "")
            html += "<tr><td>\(e(label))</td>"
            for wait in [group.lineWait, group.trayWait] {
                if wait.count > 0 {
                    html += "<td class=\"num\">\(f.meanCount(wait.count))</td><td class=\"num\">\(e(f.duration(minutes: wait.mean)))</td><td class=\"num\">\(e(f.duration(minutes: wait.p90)))</td><td class=\"num\">\(e(f.duration(minutes: wait.max)))</td>"
                } else {
                    html += "<td class=\"num\">—</td><td></td><td></td><td></td>"
                }
            }
            html += "</tr>"
        }
        html += "</table><p>\(e(w.inLineNote))<br>\(e(w.inTrayNote))<br>\(e(summary.offices.count > officeGroups.count ? w.waitsGroupNote : w.waitsNote))</p></section>"

        // Chart 4: utilization by office entry (wards together)
        var groups: [Int: [OfficeResult]] = [:]
        for office in summary.offices { groups[office.office.entry, default: []].append(office) }
        let utilization = groups.keys.sorted().map { entry -> (label: String, value: Double, low: Double?, high: Double?, color: String) in
            let members = groups[entry]!
            let values = members.map(\.utilization.mean)
            let mean = values.reduce(0, +) / Double(values.count)
            let entryName = summary.officeEntries[entry]
            let label = language.pick(entryName.name, entryName.nameVi) + (members.count > 1 ? " (\(members.count))" : "")
            return (label, mean, members.count > 1 ? values.min() : nil, members.count > 1 ? values.max() : nil,
                    mean >= 0.9 ? "#c2410c" : "#2f6f9f")
        }
        html += "<section><h2>\(e(t("Staff utilization by office", "Mức độ bận của cán bộ theo đơn vị")))</h2>"
        html += SVGChart.horizontalBars(id: "chart-utilization", title: t("Share of open staff time spent working", "Tỷ lệ thời gian làm việc của cán bộ"),
                                        items: utilization, domain: 0...1, reference: (0.85, "85%"),
                                        axisTitle: t("share of open staff time spent working", "tỷ lệ thời gian làm việc trên thời gian mở cửa"),
                                        format: { f.percent($0, 0) })
        html += "<p>\(e(t("Groups of offices (the wards) show the mean, with the range from the least to the most busy.", "Nhóm đơn vị (các phường) hiển thị giá trị trung bình và khoảng từ thấp nhất đến cao nhất.")))</p></section>"

        // Table of fields and balance
        html += "<section><h2>\(e(t("On-time rate by field: counts", "Tỷ lệ đúng hạn theo lĩnh vực: số liệu")))</h2><table class=\"wide\"><tr><th>\(e(w.field))</th><th class=\"num\">\(e(w.received))</th><th class=\"num\">\(e(language.backlogColumn))</th><th class=\"num\">\(e(w.refused))</th><th class=\"num\">\(e(language.withdrawnColumn))</th><th class=\"num\">\(e(w.onTime))</th><th class=\"num\">\(e(language.finishedLateColumn))</th><th class=\"num\">\(e(w.open))</th><th class=\"num\">\(e(w.overdue))</th><th class=\"num\">\(e(w.onTimeRate))</th></tr>"
        for row in summary.fields + [summary.overall] {
            func count(_ counter: KeyPath<ProcedureTally, Int>) -> String { "<td class=\"num\">\(f.meanCount(row.mean(counter).mean))</td>" }
            html += "<tr><td>\(e(language.pick(row.name, row.nameVi)))</td>\(count(\.received))\(count(\.backlog))\(count(\.refused))\(count(\.withdrawn))\(count(\.finishedOnTime))\(count(\.finishedLate))\(count(\.inProgressNotDue))\(count(\.inProgressOverdue))<td class=\"num\">\(f.percent(row.onTimeRate.mean))</td></tr>"
        }
        html += "</table><p>\(e(language.fieldTableLateNote))</p>"
        let many = summary.replications > 1
        if many { html += "<p>\(e(w.countsNote))</p>" }
        // The balance on the table's basis (means per replication), the opening backlog named.
        // With a warm-up, the balance of every simulated dossier and that of the counted ones.
        for balance in BalanceLines.balances(summary, language: language) {
            let label = balance.label.map { " — " + e($0) } ?? ""
            html += "<p><strong>\(e(t("Dossier balance", "Cân đối hồ sơ")))\(many ? " " + e(w.balanceNote) : "")\(label.isEmpty ? ":" : label)</strong> \(e(balance.equation)) — \(e(balance.isBalanced ? w.balanced : w.broken))</p>"
        }
        html += "</section>"
        for section in RunSections.sections(summary, language: language) { html += DocumentHTML.section(section, language) }
        let citySections = [BackTestReport.section(summary.backTest, language: language),
                            UnitReport.section(summary.unitFigures, targets: summary.targets, language: language)]
        for section in citySections.compactMap({ $0 }) { html += DocumentHTML.section(section, language) }
        html += DocumentHTML.footer(language)
        html += "</body></html>\n"
        return html
    }
}
