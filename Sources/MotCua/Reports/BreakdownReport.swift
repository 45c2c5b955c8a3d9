import Foundation

/// Where the time went (docs/model.md §12) in the run report: a table per field in the text
/// report, a stacked bar per field in the HTML, every figure in the JSON.
enum BreakdownReport {
    /// The parts shown: those with time in some field of the report (the others are zero everywhere).
    static func shownParts(_ rows: [BreakdownResult]) -> [TimePart] {
        TimePart.allCases.filter { part in
            rows.contains { $0.onTime.totalSeconds[part.rawValue] > 0 || $0.late.totalSeconds[part.rawValue] > 0 }
        }
    }

    /// "Land: 61% of late dossiers spent the largest part of their time in the Land Registration branch
    /// tray; 22% in the fixed lag before …" (the three most frequent steps).
    static func topStepSentence(_ row: BreakdownResult, language: Language) -> String {
        let b = language.breakdownWords
        let f = language.numbers
        let name = language.pick(row.name, row.nameVi)
        guard row.late.totalDossiers > 0 else { return "\(name): \(b.noLate)" }
        // Dossiers late only by the one-request rule met their date: no step consumed it (§12).
        let byRule = row.lateByRule.mean, late = row.late.dossiers.mean
        if row.topSteps.isEmpty {
            return byRule > 0 ? "\(name): " + language.allLateByRule(f.meanCount(late)) : "\(name): \(b.noLate)"
        }
        let lead = byRule > 0
            ? language.lateByRuleLead(byRule: f.meanCount(byRule), late: f.meanCount(late), pastDue: f.meanCount(late - byRule)) : ""
        let phrases = row.topSteps.prefix(3).enumerated().map { i, step in
            // Below 1% a whole percentage would read "0%" for dossiers that exist.
            let share = f.percent(step.share.mean, step.share.mean < 0.01 ? 1 : 0)
            let where_ = b.step(step.part, language.pick(step.officeName, step.officeNameVi))
            if i == 0 && byRule > 0 { return language.pastDueFirst(share, where_) }
            return i == 0 ? b.first(share, where_) : b.then(share, where_)
        }
        return "\(name): " + lead + phrases.joined(separator: "; ")
    }

    // MARK: Text

    /// The text report's section.
    static func text(_ summary: ExperimentSummary, language: Language) -> [String] {
        let b = language.breakdownWords
        let f = language.numbers
        let parts = shownParts(summary.breakdownFields)
        guard summary.breakdownFields.contains(where: { $0.onTime.totalDossiers + $0.late.totalDossiers > 0 }) else { return [] }
        var lines = [b.title + " " + b.note]
        // Part names wrapped on header lines with at least two spaces between columns, so that
        // neighbouring names do not read as one (review 3 #12): the column fits the longest word.
        let longestWord = parts.flatMap { b.parts[$0.rawValue].split(separator: " ").map(\.count) }.max() ?? 0
        let width = Swift.max(12, longestWord + 2)
        let names = parts.map { Format.wrap(b.parts[$0.rawValue], width - 2) }
        let headerLines = Swift.max(2, names.map(\.count).max() ?? 0)
        for line in 0..<headerLines {
            // Names are aligned on their last line, above the figures.
            let cells = names.map { name in
                let index = line - (headerLines - name.count)
                return Format.right(index >= 0 ? name[index] : "", width)
            }.joined()
            let row = "  " + Format.pad("", 26) + Format.right(line == headerLines - 1 ? b.dossiers : "", 7) + cells
                + Format.right(line == headerLines - 1 ? b.total : "", width)
            lines.append(String(row.reversed().drop { $0 == " " }.reversed()))
        }
        for row in summary.breakdownFields where row.onTime.totalDossiers + row.late.totalDossiers > 0 {
            lines.append("  " + language.pick(row.name, row.nameVi))
            for (label, side) in [(b.onTime, row.onTime), (b.late, row.late)] where side.totalDossiers > 0 {
                lines.append("    " + Format.pad(label, 24) + Format.right(f.meanCount(side.dossiers.mean), 7)
                             + parts.map { Format.right(f.fixed(side.hours[$0.rawValue].mean, 1), width) }.joined()
                             + Format.right(f.fixed(side.elapsedHours.mean, 1), width))
            }
            if row.late.totalDossiers > 0 {
                let sentence = Format.wrapped("↳ " + topStepSentence(row, language: language), 110, indent: "      ")
                lines.append("    " + sentence.first.trimmingCharacters(in: .whitespaces))
                lines += sentence.more.map { "    " + $0 }
            }
        }
        if summary.replications > 1 { lines.append("  " + b.totalsNote) }
        lines.append("")
        return lines
    }

    // MARK: JSON

    /// The JSON report's `measures.breakdown`.
    static func json(_ summary: ExperimentSummary) -> JSONValue {
        func side(_ s: BreakdownResult.PartsResult) -> JSONValue {
            .object([
                ("dossiers", JSONReport.estimate(s.dossiers)),
                ("totalDossiers", .number(Double(s.totalDossiers))),
                ("elapsedHours", JSONReport.estimate(s.elapsedHours)),
                ("parts", .object(TimePart.allCases.map { part in
                    (part.id, .object([("meanHours", JSONReport.estimate(s.hours[part.rawValue])),
                                       ("totalSeconds", .number(Double(s.totalSeconds[part.rawValue])))]))
                })),
            ])
        }
        func row(_ r: BreakdownResult) -> JSONValue {
            .object([
                ("id", .string(r.id)), ("name", .string(r.name)), ("nameVi", r.nameVi.map(JSONValue.string) ?? .null),
                ("onTime", side(r.onTime)), ("late", side(r.late)),
                ("lateByOneRequestRule", .object(JSONReport.estimateMembers(r.lateByRule)
                    + [("totalDossiers", .number(Double(r.lateByRuleTotal)))])),
                ("topSteps", .array(r.topSteps.map { step in
                    .object([("office", .string(step.officeId)), ("officeName", .string(step.officeName)),
                             ("part", .string(step.part.id)), ("shareOfLate", JSONReport.estimate(step.shareOfLate)),
                             ("shareOfPastDue", JSONReport.estimate(step.share)),
                             ("totalDossiers", .number(Double(step.total)))])
                })),
            ])
        }
        return .object([
            ("unit", .string("working hours of the legal calendar (means); working seconds (totals over replications)")),
            ("fields", .array(summary.breakdownFields.map(row))),
            ("procedures", .array(summary.breakdownProcedures.map(row))),
        ])
    }

    // MARK: HTML

    /// Colours of the parts, by ``TimePart`` raw value: desk parts blue-grey, route parts warm,
    /// parts outside the deadline grey and violet.
    static let colors = ["#9ca3af", "#1d4e89", "#5b8cc0", "#a5b4fc", "#0e7490", "#d97706", "#b91c1c", "#3f8f5a",
                         "#f472b6", "#7c3aed", "#4b5563"]

    /// The HTML report's section: a stacked bar per field and side, and the top steps.
    static func html(_ summary: ExperimentSummary, language: Language) -> String {
        let b = language.breakdownWords
        let f = language.numbers
        let e = SVGChart.escape
        let rows = summary.breakdownFields.filter { $0.onTime.totalDossiers + $0.late.totalDossiers > 0 }
        guard !rows.isEmpty else { return "" }
        let parts = shownParts(rows)
        var bars: [(label: String, segments: [Double])] = []
        for row in rows {
            let name = language.pick(row.name, row.nameVi)
            for (label, side) in [(b.onTime, row.onTime), (b.late, row.late)] where side.totalDossiers > 0 {
                bars.append(("\(name) — \(label)", parts.map { side.hours[$0.rawValue].mean }))
            }
        }
        let title = language == .vi ? "Thời gian đã đi đâu, theo lĩnh vực" : "Where the time went, by field"
        var html = "<section><h2>\(e(title))</h2>"
        html += SVGChart.stackedBars(id: "chart-breakdown", title: title, items: bars,
                                     legend: parts.map { (b.parts[$0.rawValue], colors[$0.rawValue]) },
                                     unit: language == .vi ? "giờ làm việc" : "working hours", format: { f.fixed($0, 1) },
                                     tickFormat: { f.fixed($0, $0 == $0.rounded() ? 0 : 1) })
        html += "<p>\(e(b.note))</p><ul>"
        for row in rows where row.late.totalDossiers > 0 {
            html += "<li>\(e(topStepSentence(row, language: language)))</li>"
        }
        return html + "</ul></section>"
    }
}

extension SVGChart {
    /// Horizontal bars, each stacked from segments, with the legend in rows above the plot (so
    /// it never overlaps a bar) and each bar's total at its end.
    static func stackedBars(id: String, title: String, items: [(label: String, segments: [Double])],
                            legend: [(label: String, color: String)], unit: String, format: (Double) -> String,
                            tickFormat: (Double) -> String) -> String {
        let left = 250.0, width = 700.0, plot = width - left - 60, row = 22.0
        let legendColumns = 4, legendRow = 16.0
        let legendHeight = Double((legend.count + legendColumns - 1) / legendColumns) * legendRow + 6
        let top = legendHeight + 6
        let height = top + Double(items.count) * row + 36
        let totals = items.map { $0.segments.filter(\.isFinite).reduce(0, +) }
        let maxTotal = Swift.max(totals.max() ?? 1, 1e-9)
        // A round upper bound, so that the ticks fall on readable values.
        let magnitude = pow(10, (log10(maxTotal)).rounded(.down))
        let upper = ([1.0, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= maxTotal }) ?? maxTotal
        func x(_ v: Double) -> Double { left + v / upper * plot }
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for (i, entry) in legend.enumerated() {
            let lx = 10 + Double(i % legendColumns) * ((width - 20) / Double(legendColumns))
            let ly = 4 + Double(i / legendColumns) * legendRow
            svg += "<rect x=\"\(n(lx))\" y=\"\(n(ly))\" width=\"10\" height=\"10\" fill=\"\(entry.color)\"/>"
            svg += "<text class=\"label\" x=\"\(n(lx + 14))\" y=\"\(n(ly + 9))\">\(escape(entry.label))</text>"
        }
        for tick in 0...4 {
            let v = upper * Double(tick) / 4
            svg += "<line class=\"grid\" x1=\"\(n(x(v)))\" x2=\"\(n(x(v)))\" y1=\"\(n(top))\" y2=\"\(n(height - 30))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(x(v)))\" y=\"\(n(height - 16))\" text-anchor=\"middle\">\(escape(tickFormat(v)))</text>"
        }
        svg += "<text class=\"axis\" x=\"\(n(left + plot / 2))\" y=\"\(n(height - 3))\" text-anchor=\"middle\">\(escape(unit))</text>"
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * row
            let label = item.label.count > 42 ? String(item.label.prefix(41)) + "…" : item.label
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 13))\" class=\"label\" text-anchor=\"end\">\(escape(label))</text>"
            var start = 0.0
            for (k, value) in item.segments.enumerated() where value.isFinite && value > 0 {
                svg += "<rect x=\"\(n(x(start)))\" y=\"\(n(y + 3))\" width=\"\(n(Swift.max(0.3, x(start + value) - x(start))))\" height=\"\(n(row - 8))\" fill=\"\(legend[k].color)\"><title>\(escape(legend[k].label)): \(escape(format(value)))</title></rect>"
                start += value
            }
            svg += "<text x=\"\(n(x(start) + 4))\" y=\"\(n(y + 13))\" class=\"value\">\(escape(format(totals[i])))</text>"
        }
        return svg + "</svg>"
    }
}
