/// The HTML page of `motcua drivers`: a tornado chart per failing or at-risk target, then the
/// largest drivers of every target with their sources. Self-contained, printable on A4.
public enum DriversHTML {
    /// The page of `result`, each target's `top` largest drivers.
    public static func render(_ result: DriversResult, top: Int, language: Language = .en) -> String {
        let w = language.driverWords, f = language.numbers, e = SVGChart.escape
        let name = language.pick(result.scenarioName, result.scenarioNameVi)
        var html = "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>MotCua — \(e(name))</title>"
        html += "<style>@page { size: A4; margin: 14mm; } body { font-family: \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif; "
            + "font-size: 10.5pt; max-width: 190mm; margin: 0 auto; color: #1d2733; } svg.chart { width: 100%; height: auto; } "
            + ".grid { stroke: #e3e8ee; } .tick, .label, .reflabel, .baselabel { font-size: 10px; fill: #3e4c59; } "
            + ".reference { stroke: #b91c1c; stroke-dasharray: 4 3; } .reflabel { fill: #b91c1c; } .baseline { stroke: #1d2733; } "
            + ".whisker { stroke: #1d2733; stroke-width: 1; } table { border-collapse: collapse; width: 100%; font-size: 9pt; } "
            + "td, th { border-bottom: 1px solid #e3e8ee; padding: 1mm 2mm; text-align: left; vertical-align: top; } "
            + ".source { color: #5b6773; } .note { color: #5b6773; font-size: 9pt; } section { break-inside: avoid; }</style></head><body>"
        html += "<h1>\(e(w.pageTitle)) — \(e(name))</h1>"
        html += "<p>\(e(w.setup(result.selection.rawValue, result.inputs.count, result.step.description)))</p>"
        html += "<p class=\"note\">\(e(w.method(result.screeningReplications, result.refineLimit, result.replications))) "
            + "\(e(w.cost(result.evaluations, result.replicationsRun, f.fixed(result.seconds, 1))))</p>"
        let shown = result.targets.filter { $0.target.verdict != .pass }
        html += "<h2>\(e(w.chartsHeading))</h2>"
        if shown.isEmpty { html += "<p>\(e(w.passingNote))</p>" }
        for (k, target) in shown.enumerated() {
            html += "<section><h3>\(e(DriversReport.targetLine(target, language: language)))</h3>"
            html += tornado(id: "tornado-\(k + 1)", target, result, top: top, language: language)
            html += "<p class=\"note\">\(e(w.chartNote))</p></section>"
        }
        html += "<h2>\(e(w.tableHeading))</h2>"
        for target in result.targets {
            html += "<section><h3>\(e(DriversReport.targetLine(target, language: language)))</h3><table><tr><th>#</th><th>\(e(w.input))</th>"
                + "<th>\(e(w.effects))</th><th>\(e(w.source))</th></tr>"
            for (rank, driver) in target.ranked.prefix(top).filter({ $0.size > 0 }).enumerated() {
                let input = result.inputs[driver.input]
                let effects = driver.effects.map { DriversReport.effectText($0, input.kind, language) }.map(e).joined(separator: "<br>")
                let pairs = driver.effects.first?.difference.count ?? 0
                html += "<tr><td>\(rank + 1)</td><td>\(e(language.pick(input.name, input.nameVi))) = \(e(DriversReport.value(input.value, input.kind, language)))"
                    + "<br><span class=\"source\">\(e(driver.refined ? w.refined(pairs) : w.screened(pairs)))</span></td>"
                    + "<td>\(effects)</td><td class=\"source\">\(e(input.source ?? w.noSource))</td></tr>"
            }
            html += "</table></section>"
        }
        return html + "</body></html>\n"
    }

    /// A tornado chart: per driver, a bar from the base value to the value with the input
    /// lowered (upper half of the row), raised (lower half) and, for a backlog, removed
    /// (a thin third bar); the paired 95% interval as a whisker; the threshold as a dashed line.
    static func tornado(id: String, _ target: DriversResult.TargetDrivers, _ result: DriversResult, top: Int, language: Language) -> String {
        let n = SVGChart.n, e = SVGChart.escape, w = language.driverWords, f = language.numbers
        let drivers = Array(target.ranked.prefix(top).filter { $0.size > 0 })
        let base = target.target.estimate.mean, threshold = target.target.threshold
        let width = 700.0, left = 300.0, right = 24.0, top = 34.0, row = 32.0, bottom = 44.0
        let plot = width - left - right
        let height = top + Double(Swift.max(drivers.count, 1)) * row + bottom
        var ends = [base, threshold]
        for driver in drivers {
            for effect in driver.effects {
                ends += [base + effect.difference.mean, base + effect.difference.low, base + effect.difference.high].filter(\.isFinite)
            }
        }
        var low = ends.min() ?? 0, high = ends.max() ?? 1
        if high - low < 1e-6 { low -= 0.005; high += 0.005 }
        let pad = (high - low) * 0.06
        low = Swift.max(0, low - pad)
        high = Swift.min(1, high + pad)
        func x(_ v: Double) -> Double { left + (Swift.min(Swift.max(v, low), high) - low) / (high - low) * plot }
        let decimals = high - low < 0.02 ? 2 : 1

        let title = DriversReport.targetLine(target, language: language)
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(e(title))\"><title>\(e(title))</title>"
        let plotBottom = top + Double(Swift.max(drivers.count, 1)) * row
        for tick in 0...4 {
            let v = low + Double(tick) / 4 * (high - low)
            svg += "<line class=\"grid\" x1=\"\(n(x(v)))\" x2=\"\(n(x(v)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(x(v)))\" y=\"\(n(plotBottom + 14))\" text-anchor=\"middle\">\(e(f.percent(v, decimals)))</text>"
        }
        let colors: [DriverChange.Direction: String] = [.lower: SVGChart.palette[0], .higher: SVGChart.palette[1], .removed: SVGChart.palette[7]]
        for (i, driver) in drivers.enumerated() {
            let input = result.inputs[driver.input]
            let y = top + Double(i) * row
            let label = fitted(language.pick(input.name, input.nameVi), width: 46)
            for (k, line) in label.enumerated() {
                let baselineY = y + (label.count == 1 ? 19 : 13 + Double(k) * 12)
                svg += "<text class=\"label\" x=\"\(n(left - 8))\" y=\"\(n(baselineY))\" text-anchor=\"end\">\(e(line))"
                    + "<title>\(e(language.pick(input.name, input.nameVi)))</title></text>"
            }
            for effect in driver.effects {
                let slot: Double = effect.change.direction == .lower ? 3 : effect.change.direction == .higher ? 13 : 23
                let thickness: Double = effect.change.direction == .removed ? 5 : 9
                let value = base + effect.difference.mean
                guard value.isFinite else { continue }
                let from = Swift.min(x(base), x(value)), length = Swift.max(1, abs(x(value) - x(base)))
                let tip = DriversReport.effectText(effect, input.kind, language)
                svg += "<rect x=\"\(n(from))\" y=\"\(n(y + slot))\" width=\"\(n(length))\" height=\"\(n(thickness))\" "
                    + "fill=\"\(colors[effect.change.direction] ?? SVGChart.palette[7])\"><title>\(e(tip))</title></rect>"
                let d = effect.difference
                if d.count > 1, d.low.isFinite, d.high.isFinite, d.high > d.low {
                    let mid = y + slot + thickness / 2
                    svg += "<line class=\"whisker\" x1=\"\(n(x(base + d.low)))\" x2=\"\(n(x(base + d.high)))\" y1=\"\(n(mid))\" y2=\"\(n(mid))\"/>"
                }
            }
        }
        svg += "<line class=\"baseline\" x1=\"\(n(x(base)))\" x2=\"\(n(x(base)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\"/>"
        svg += "<text class=\"baselabel\" x=\"\(n(x(base)))\" y=\"\(n(top - 8))\" text-anchor=\"\(anchor(x(base), left, width - right))\">"
            + "\(e(w.base + " " + f.percent(base)))</text>"
        svg += "<line class=\"reference\" x1=\"\(n(x(threshold)))\" x2=\"\(n(x(threshold)))\" y1=\"6\" y2=\"\(n(plotBottom))\"/>"
        svg += "<text class=\"reflabel\" x=\"\(n(x(threshold)))\" y=\"12\" text-anchor=\"\(anchor(x(threshold), left, width - right))\">"
            + "\(e(w.threshold + " " + target.target.comparator.rawValue + " " + f.percent(threshold)))</text>"
        let legendY = plotBottom + 32
        let anyRemoved = drivers.contains { $0.effects.contains { $0.change.direction == .removed } }
        let legend = [(DriverChange.Direction.lower, w.lowerLegend), (.higher, w.higherLegend)] + (anyRemoved ? [(.removed, w.removed)] : [])
        for (k, (direction, text)) in legend.enumerated() {
            let lx = left + Double(k) * 130
            svg += "<rect x=\"\(n(lx))\" y=\"\(n(legendY - 8))\" width=\"10\" height=\"8\" fill=\"\(colors[direction]!)\"/>"
            svg += "<text class=\"label\" x=\"\(n(lx + 14))\" y=\"\(n(legendY))\">\(e(text))</text>"
        }
        return svg + "</svg>"
    }

    /// A label in at most two lines of `width` characters: the procedure or office on the
    /// first, what is changed on the second (without the step's office in parentheses when it
    /// does not fit), each cut with "…" when still longer.
    static func fitted(_ text: String, width: Int) -> [String] {
        func cut(_ line: String) -> String { line.count > width ? String(line.prefix(width - 1)) + "…" : line }
        guard text.count > width else { return [text] }
        guard let colon = text.range(of: ": ") else {
            let lines = Format.wrap(text, width)
            return lines.count > 2 ? [lines[0], cut(lines[1...].joined(separator: " "))] : lines
        }
        var what = String(text[colon.upperBound...])
        if what.count > width, let open = what.firstIndex(of: "("), let close = what[open...].firstIndex(of: ")") {
            what.removeSubrange(open...close)
            what = what.split(separator: " ").joined(separator: " ")
        }
        return [cut(String(text[..<colon.lowerBound]) + ":"), cut(what)]
    }

    /// Where a label at `x` is anchored so that it stays inside `left…right`.
    static func anchor(_ x: Double, _ left: Double, _ right: Double) -> String {
        x - left < 60 ? "start" : right - x < 60 ? "end" : "middle"
    }
}
