import Foundation

/// The HTML brief of a ``ReportDocument``: one self-contained page (inline CSS and SVG, no
/// scripts, no network) that prints on A4 — the headline in words, the provenance, then each
/// section's tables and charts.
public enum DocumentHTML {
    /// The style of every MotCua page (the run report's too).
    static let style = """
        @page { size: A4; margin: 14mm; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d2733; max-width: 190mm; margin: 0 auto; }
        h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #c8d1da; }
        p.meta { color: #52606d; margin: 0 0 4mm; }
        p.headline { font-size: 10.5pt; margin: 1.5mm 0; } p.headline:first-of-type { font-size: 12pt; font-weight: 600; }
        table.wide { font-size: 8.5pt; } table.wide th, table.wide td { padding: 1mm 1.2mm; } table.wide.labelled td:first-child { min-width: 44mm; }
        table.wide .verdict { padding: 0.3mm 1mm; } th { font-size: 9pt; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; } th, td { padding: 1.2mm 2mm; border-bottom: 1px solid #e3e8ee; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.num, td.short { white-space: nowrap; }
        td:first-child { min-width: 38mm; } table.labelled td:first-child { min-width: 50mm; }
        table.wider { font-size: 7.5pt; } table.wider th, table.wider td { padding: 0.8mm 0.8mm; } table.wider th { font-size: 7.5pt; }
        table.wider.labelled td:first-child { min-width: 30mm; } td.num.estimate { white-space: normal; } .ci { white-space: nowrap; }
        table.provenance { font-size: 9pt; color: #3e4c59; } table.provenance th { width: 45mm; font-weight: normal; color: #52606d; }
        .verdict { font-weight: bold; padding: 0.5mm 2mm; border-radius: 2mm; white-space: nowrap; }
        .pass { background: #d7f0dc; color: #14532d; } .fail { background: #fbd5d5; color: #7f1d1d; } .at-risk { background: #fdf0c7; color: #713f12; }
        svg.chart { width: 100%; height: auto; margin: 1mm 0 3mm; }
        .grid { stroke: #e3e8ee; stroke-width: 1; } .tick, .value, .label, .axis, .reflabel { font-size: 10px; fill: #3e4c59; }
        .axis { font-weight: bold; }
        .whisker { stroke: #1d2733; stroke-width: 1.5; } .reference { stroke: #b91c1c; stroke-width: 1.5; stroke-dasharray: 4 3; } .reflabel { fill: #b91c1c; }
        .line { fill: none; stroke: #2f6f9f; stroke-width: 1.5; } .band { fill: #2f6f9f; fill-opacity: 0.18; stroke: none; }
        .today { stroke: #52606d; stroke-width: 1; stroke-dasharray: 2 2; } .breaks { stroke: #c2410c; stroke-width: 1.5; }
        .small-multiples { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 5mm; }
        figure { margin: 0; break-inside: avoid; } figcaption { font-size: 9pt; font-weight: bold; }
        .legend { font-size: 9pt; color: #3e4c59; } .legend span { margin-right: 4mm; white-space: nowrap; }
        section { break-inside: auto; } h2 { break-after: avoid; } tr { break-inside: avoid; }
        footer { color: #52606d; font-size: 9pt; margin-top: 6mm; }
        """

    /// The page of `document`.
    public static func render(_ document: ReportDocument) -> String {
        let e = SVGChart.escape
        var html = head(title: document.title, language: document.language)
        html += "<h1>\(e(document.title))</h1>"
        html += (document.headline + [document.provenance.whatChanged(document.language)].compactMap { $0 })
            .map { "<p class=\"headline\">\(e($0))</p>" }.joined()
        html += provenance(document.provenance, document.language)
        for section in document.sections { html += self.section(section, document.language) }
        html += footer(document.language)
        return html + "</body></html>\n"
    }

    /// The page up to `<body>`.
    static func head(title: String, language: Language) -> String {
        "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">\n<title>MotCua — \(SVGChart.escape(title))</title>\n"
            + "<style>\n\(style)\(language == .vi ? "\n" + vietnameseStyle : "")\n</style></head><body>\n"
    }

    /// Rules of the Vietnamese pages only (English pages stay byte-identical). Vietnamese breaks
    /// a long phrase into many short syllables, so the browser's table layout squeezed a long
    /// text column beside a long first column to a word per line (drivers' first driver, sweep's
    /// reason); a long text cell keeps a readable width. Tables of very many columns are left to
    /// their smaller type.
    static let vietnameseStyle = "table:not(.wider) td.prose { min-width: 34mm; }"

    /// Characters from which a text cell (not the row's label) keeps a readable width on a
    /// Vietnamese page (``vietnameseStyle``).
    static let proseLength = 30

    /// The provenance table, under the headline.
    static func provenance(_ provenance: Provenance, _ language: Language) -> String {
        let e = SVGChart.escape
        return "<table id=\"provenance\" class=\"provenance\">"
            + provenance.items(language).map { "<tr><th>\(e($0.label))</th><td>\(e($0.value))</td></tr>" }.joined() + "</table>\n"
    }

    static func footer(_ language: Language) -> String {
        "<footer>MotCua · " + SVGChart.escape(language == .vi
            ? "báo cáo mô phỏng; mọi số liệu trong kịch bản đều ghi nguồn hoặc ghi rõ là giả định."
            : "simulation report; every number in the scenario carries its source or the word “assumption”.") + "</footer>"
    }

    /// One section: its title, paragraphs, tables and charts.
    static func section(_ section: ReportSection, _ language: Language) -> String {
        let e = SVGChart.escape
        var html = "<section id=\"\(e(section.id))\"><h2>\(e(section.title))</h2>"
        for block in section.blocks {
            switch block {
            case .paragraph(let text): html += "<p>\(e(text))</p>"
            case .table(let table) where !table.dataOnly: html += self.table(table, language)
            case .table: continue
            case .chart(let chart): html += DocumentCharts.svg(chart, language)
            }
        }
        return html + "</section>\n"
    }

    static func table(_ table: ReportTable, _ language: Language) -> String {
        let e = SVGChart.escape
        let table = table.shown
        let numeric = table.columns.indices.map { c in table.rows.contains { c < $0.count && $0[c].isNumeric } }
        // Many columns: a smaller type, so that the table keeps to the A4 column (review 3 #23).
        let width = table.columns.count > 9 ? " wide wider" : table.columns.count > 6 ? " wide" : ""
        var html = "<table id=\"table-\(e(table.id))\" class=\"\(numeric.first == true ? "" : "labelled")\(width)\"><tr>"
        for (c, column) in table.columns.enumerated() { html += "<th\(numeric[c] ? " class=\"num\"" : "")>\(e(column.title))</th>" }
        html += "</tr>"
        for row in table.rows {
            html += "<tr>"
            for (c, cell) in row.enumerated() {
                if case .verdict(let verdict) = cell {
                    html += "<td><span class=\"verdict \(verdict.rawValue)\">\(e(cell.display(language)))</span></td>"
                } else if case .estimate(let mean, let low, let high, let quantity) = cell, low.isFinite, high.isFinite {
                    // The interval may go under its mean, and its high end under its low end: a column
                    // of them no longer sets the table's width.
                    let ends = ReportCell.interval(low: low, high: high, quantity).display(language).components(separatedBy: " … ").map(e)
                    html += "<td class=\"num estimate\">\(e(ReportCell.show(mean, quantity, language))) <span class=\"ci\">("
                        + ends.joined(separator: " …</span> <span class=\"ci\">") + ")</span></td>"
                } else {
                    // Short cells (numbers, thresholds, intervals) never break; long text wraps.
                    let text = cell.display(language)
                    let isNumeric = c < numeric.count && numeric[c]
                    let classes = (isNumeric ? ["num"] : []) + (text.count <= 16 && c > 0 ? ["short"] : [])
                        + (language == .vi && c > 0 && !isNumeric && text.count > proseLength ? ["prose"] : [])
                    html += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(e(text))</td>"
                }
            }
            html += "</tr>"
        }
        html += "</table>"
        return html + table.notes.map { "<p class=\"meta\">\(e($0))</p>" }.joined()
    }
}
