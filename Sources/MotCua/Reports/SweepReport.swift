/// The HTML page of a load sweep: on-time rate against load, per field, with the target line.
public enum SweepReport {
    /// The page for `sweep` of the scenario named `name`.
    public static func html(_ sweep: LoadSweep, name: String, language: Language = .en) -> String {
        let vi = language == .vi
        let e = SVGChart.escape
        guard let first = sweep.points.first else { return "<!DOCTYPE html><html><body></body></html>\n" }
        let loads = sweep.points.map(\.load)
        var series: [(label: String, values: [Double], color: String)] = [
            (vi ? "tất cả hồ sơ" : "all dossiers", sweep.points.map(\.summary.overall.onTimeRate.mean), SVGChart.palette[0]),
        ]
        for (i, field) in first.summary.fields.enumerated() {
            series.append((language.pick(field.name, field.nameVi), sweep.points.map { $0.summary.fields[i].onTimeRate.mean },
                           SVGChart.palette[(i + 1) % SVGChart.palette.count]))
        }
        let lowest = series.flatMap(\.values).filter(\.isFinite).min() ?? 0.9
        let floor = Swift.max(0, Swift.min(0.9, (lowest * 20).rounded(.down) / 20))
        let reference = first.summary.targets.filter { $0.measure == .onTimeRate }.map(\.threshold).max()
        var html = "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>MotCua — \(e(name))</title>"
        html += "<style>@page { size: A4; margin: 14mm; } body { font-family: \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif; font-size: 10.5pt; max-width: 190mm; margin: 0 auto; color: #1d2733; } svg.chart { width: 100%; height: auto; } .grid { stroke: #e3e8ee; } .tick, .label, .reflabel { font-size: 10px; fill: #3e4c59; } .reference { stroke: #b91c1c; stroke-dasharray: 4 3; } .reflabel { fill: #b91c1c; } table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #e3e8ee; padding: 1mm 2mm; text-align: left; }</style></head><body>"
        html += "<h1>\(e(name))</h1><h2>\(e(vi ? "Tỷ lệ đúng hạn theo mức tải" : "On-time rate against load"))</h2>"
        html += SVGChart.lines(id: "chart-sweep", title: vi ? "Tỷ lệ đúng hạn theo mức tải" : "On-time rate against load", x: loads, series: series,
                               yDomain: floor...1, reference: reference.map { ($0, (vi ? "chỉ tiêu " : "target ") + Format.percent($0, 0)) },
                               xFormat: { Format.fixed($0, 2) + "×" }, yFormat: { Format.percent($0, 0) })
        html += "<h2>\(e(vi ? "Mức tải cao nhất còn đạt chỉ tiêu" : "Highest load at which each target passes"))</h2><table>"
        for h in sweep.headroom {
            html += "<tr><td>\(e(h.label))</td><td>\(h.highestPassing.map { Format.fixed($0, 2) + "×" } ?? "—")</td></tr>"
        }
        html += "</table>"
        if let saturated = sweep.firstSaturated {
            html += "<p>\(e(vi ? "Đơn vị quá tải đầu tiên (bận ≥ 95%)" : "First office to saturate (≥ 95% busy)")): \(e(saturated.office)) — \(Format.fixed(saturated.load, 2))×</p>"
        }
        return html + "</body></html>\n"
    }
}
