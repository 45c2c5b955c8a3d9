import Foundation

/// The SVG of a ``ReportChart``: round tick values (1, 2 or 5 times a power of ten), axis
/// titles, interval bars or bands, and legends outside the plotting area.
enum DocumentCharts {
    static func svg(_ chart: ReportChart, _ language: Language) -> String {
        switch chart {
        case .intervals(let id, let title, let axisTitle, let items, let quantity, let reference):
            intervals(id: id, title: title, axisTitle: axisTitle, items: items, quantity: quantity, reference: reference, language)
        case .curves(let id, let xTitle, let yTitle, let x, let curves, let marker):
            smallMultiples(id: id, xTitle: xTitle, yTitle: yTitle, x: x, curves: curves, marker: marker, language)
        case .tornado(let chart):
            chart.svg(language)
        }
    }

    /// Round ticks covering `low…high`: about `count` steps of 1, 2 or 5 times a power of ten.
    static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> (domain: ClosedRange<Double>, values: [Double], step: Double) {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if hi - lo < 1e-9 { lo -= 0.005; hi += 0.005 }
        let raw = (hi - lo) / Double(max(count, 1))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalised = raw / magnitude
        let step = (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        return (first * step...last * step, values, step)
    }

    /// Decimals that show ticks `step` apart (of a value multiplied by `scale`) without repeats.
    static func decimals(step: Double, scale: Double) -> Int {
        let scaled = step * scale
        return scaled >= 1 ? 0 : min(3, Int((-log10(scaled)).rounded(.up)))
    }

    static func tickText(_ x: Double, _ quantity: Quantity, step: Double, _ language: Language) -> String {
        let f = language.numbers
        switch quantity {
        case .share: return f.percent(x, decimals(step: step, scale: 100))
        case .points:
            let text = f.fixed(abs(x * 100), decimals(step: step, scale: 100))
            return x > 1e-12 ? "+" + text : x < -1e-12 ? "−" + text : text
        case .factor: return f.fixed(x, max(1, decimals(step: step, scale: 1))) + "×"
        case .count, .minutes, .minuteDifference: return f.fixed(x, decimals(step: step, scale: 1))
        }
    }

    static let n = SVGChart.n
    static let e = SVGChart.escape

    /// A dot and an interval bar per item, a vertical reference line, ticks and the axis title below.
    static func intervals(id: String, title: String, axisTitle: String, items: [IntervalItem], quantity: Quantity, reference: Double?,
                          _ language: Language) -> String {
        let left = 300.0, width = 700.0, right = 20.0, row = 22.0, top = 8.0
        let plot = width - left - right
        // One interval far wider than the others (a difference that is noise only, review 2 #10)
        // would set the scale and shrink every other to a dot: it is clipped at the plot's edge
        // with an arrow, its ends in its tooltip, and the scale is set by the rest.
        let clipped = clippedIntervals(items)
        let finite = items.indices.flatMap { i in clipped.contains(i) ? [items[i].mean] : [items[i].low, items[i].high, items[i].mean] }
            .filter(\.isFinite) + (reference.map { [$0] } ?? [])
        let scale = ticks(finite.min() ?? 0, finite.max() ?? 1)
        let height = top + Double(items.count) * row + 44 + (clipped.isEmpty ? 0 : 16)
        let bottom = top + Double(items.count) * row
        func x(_ v: Double) -> Double {
            left + (min(max(v, scale.domain.lowerBound), scale.domain.upperBound) - scale.domain.lowerBound)
                / (scale.domain.upperBound - scale.domain.lowerBound) * plot
        }
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(e(title))\"><title>\(e(title))</title>"
        for tick in scale.values {
            svg += "<line class=\"grid\" x1=\"\(n(x(tick)))\" x2=\"\(n(x(tick)))\" y1=\"\(n(top))\" y2=\"\(n(bottom))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(x(tick)))\" y=\"\(n(bottom + 14))\" text-anchor=\"middle\">\(e(tickText(tick, quantity, step: scale.step, language)))</text>"
        }
        svg += "<text class=\"axis\" x=\"\(n(left + plot / 2))\" y=\"\(n(bottom + 32))\" text-anchor=\"middle\">\(e(axisTitle))</text>"
        if let reference {
            svg += "<line class=\"reference\" x1=\"\(n(x(reference)))\" x2=\"\(n(x(reference)))\" y1=\"\(n(top))\" y2=\"\(n(bottom))\"/>"
        }
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * row + row / 2
            let label = item.label.count > 52 ? String(item.label.prefix(51)) + "…" : item.label
            svg += "<text class=\"label\" x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\"><title>\(e(item.label))</title>\(e(label))</text>"
            if item.low.isFinite && item.high.isFinite {
                let ends = tickText(item.low, quantity, step: scale.step / 10, language) + " … " + tickText(item.high, quantity, step: scale.step / 10, language)
                svg += "<line class=\"whisker\" x1=\"\(n(x(item.low)))\" x2=\"\(n(x(item.high)))\" y1=\"\(n(y))\" y2=\"\(n(y))\"><title>\(e(ends))</title></line>"
                for end in [item.low, item.high] {
                    if end < scale.domain.lowerBound || end > scale.domain.upperBound {
                        // An arrow at the edge: the interval runs on beyond the plot.
                        let edge = x(end), back = end < scale.domain.lowerBound ? edge + 7 : edge - 7
                        svg += "<polygon class=\"clipped\" points=\"\(n(edge)),\(n(y)) \(n(back)),\(n(y - 5)) \(n(back)),\(n(y + 5))\" fill=\"#1d2733\"><title>\(e(ends))</title></polygon>"
                    } else {
                        svg += "<line class=\"whisker\" x1=\"\(n(x(end)))\" x2=\"\(n(x(end)))\" y1=\"\(n(y - 5))\" y2=\"\(n(y + 5))\"/>"
                    }
                }
            }
            if item.mean.isFinite {
                let color = reference.map { item.low > $0 ? "#3f8f5a" : item.high < $0 ? "#c2410c" : "#1d2733" } ?? "#1d2733"
                svg += "<circle cx=\"\(n(x(item.mean)))\" cy=\"\(n(y))\" r=\"4\" fill=\"\(color)\"/>"
            }
        }
        if !clipped.isEmpty {
            let note = language == .vi ? "▸ khoảng tin cậy kéo dài ra ngoài biểu đồ (rộng hơn nhiều so với các khoảng khác: xem bảng)"
                : "▸ interval runs on beyond the chart (far wider than the others: see the table)"
            svg += "<text class=\"tick\" x=\"\(n(left))\" y=\"\(n(bottom + 48))\">\(e(note))</text>"
        }
        return svg + "</svg>"
    }

    /// The few widest intervals, when they stand apart: above the first gap (from the widest
    /// down) where an interval is more than four times as wide as the next, and fewer than half
    /// of the items. They are drawn clipped, so that they do not set the scale.
    static func clippedIntervals(_ items: [IntervalItem]) -> Set<Int> {
        let widths = items.map { $0.high - $0.low }.filter { $0.isFinite && $0 > 0 }.sorted(by: >)
        guard let gap = widths.indices.dropFirst().first(where: { widths[$0 - 1] > 4 * widths[$0] }), gap * 2 < items.count else { return [] }
        return Set(items.indices.filter { items[$0].high - items[$0].low >= widths[gap - 1] })
    }

    /// Small multiples: one chart per curve with its band, threshold, today's load and where it
    /// stops passing, under one legend.
    static func smallMultiples(id: String, xTitle: String, yTitle: String, x: [Double], curves: [Curve], marker: Double?, _ language: Language) -> String {
        let vi = language == .vi
        var html = "<p class=\"legend\"><span>━ \(e(vi ? "giá trị trung bình" : "mean"))</span><span>▒ \(e(vi ? "khoảng tin cậy 95%" : "95% interval"))</span>"
            + "<span style=\"color:#b91c1c\">╌ \(e(vi ? "chỉ tiêu" : "target"))</span>"
            + (marker.map { "<span>┆ \(e((vi ? "mức tải hiện nay " : "today's load ") + tickText($0, .factor, step: 0.1, language)))</span>" } ?? "")
            + "<span style=\"color:#c2410c\">│ \(e(vi ? "mức tải không còn đạt" : "load where it stops passing"))</span>"
            + (curves.contains { $0.breakNote != nil }
               ? "<span style=\"color:#c2410c\">│ \(e(vi ? "ràng buộc một cửa: do công dân không nộp được hồ sơ, không do giá trị" : "desk guard: stopped by the citizens who could not file, not by the value"))</span>" : "")
            + "</p>"
        html += "<div class=\"small-multiples\" id=\"\(id)\">"
        let width = 340.0, height = 210.0, left = 52.0, right = 10.0, top = 10.0, bottom = 48.0
        let plotW = width - left - right, plotH = height - top - bottom
        let xScale = ticks(x.min() ?? 0, x.max() ?? 1, count: 6)
        for (i, curve) in curves.enumerated() {
            let values = (curve.low + curve.high + curve.mean + (curve.threshold.map { [$0] } ?? [])).filter(\.isFinite)
            var yScale = ticks(values.min() ?? 0, values.max() ?? 1, count: 4)
            if yScale.domain.upperBound > 1 || yScale.domain.lowerBound < 0 {
                let clipped = yScale.values.filter { (0...1).contains($0) }
                yScale = (max(0, yScale.domain.lowerBound)...min(1, yScale.domain.upperBound), clipped, yScale.step)
            }
            func px(_ v: Double) -> Double { left + (v - xScale.domain.lowerBound) / (xScale.domain.upperBound - xScale.domain.lowerBound) * plotW }
            func py(_ v: Double) -> Double {
                let c = min(max(v, yScale.domain.lowerBound), yScale.domain.upperBound)
                return top + plotH - (c - yScale.domain.lowerBound) / max(yScale.domain.upperBound - yScale.domain.lowerBound, 1e-12) * plotH
            }
            html += "<figure><figcaption>\(e(curve.label + (curve.breakNote.map { " — " + $0 } ?? "")))</figcaption>"
            html += "<svg id=\"\(id)-\(i)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(e(curve.label))\"><title>\(e(curve.label))</title>"
            for tick in yScale.values {
                html += ("<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(py(tick)))\" y2=\"\(n(py(tick)))\"/>")
                html += ("<text class=\"tick\" x=\"\(n(left - 5))\" y=\"\(n(py(tick) + 3))\" text-anchor=\"end\">\(e(tickText(tick, .share, step: yScale.step, language)))</text>")
            }
            for tick in xScale.values {
                html += ("<text class=\"tick\" x=\"\(n(px(tick)))\" y=\"\(n(top + plotH + 14))\" text-anchor=\"middle\">\(e(tickText(tick, .factor, step: xScale.step, language)))</text>")
            }
            html += ("<text class=\"axis\" x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\">\(e(xTitle))</text>")
            html += ("<text class=\"axis\" x=\"12\" y=\"\(n(top + plotH / 2))\" transform=\"rotate(-90 12 \(n(top + plotH / 2)))\" text-anchor=\"middle\">\(e(yTitle))</text>")
            let points = x.indices.filter { curve.low[$0].isFinite && curve.high[$0].isFinite }
            if !points.isEmpty {
                let upper = points.map { "\(n(px(x[$0]))),\(n(py(curve.high[$0])))" }
                let lower = points.reversed().map { "\(n(px(x[$0]))),\(n(py(curve.low[$0])))" }
                html += ("<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\"/>")
            }
            if let threshold = curve.threshold {
                html += ("<line class=\"reference\" x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(py(threshold)))\" y2=\"\(n(py(threshold)))\"/>")
            }
            if let marker {
                html += ("<line class=\"today\" x1=\"\(n(px(marker)))\" x2=\"\(n(px(marker)))\" y1=\"\(n(top))\" y2=\"\(n(top + plotH))\"/>")
            }
            if let breaks = curve.breaksAt {
                html += ("<line class=\"breaks\" x1=\"\(n(px(breaks)))\" x2=\"\(n(px(breaks)))\" y1=\"\(n(top))\" y2=\"\(n(top + plotH))\"/>")
                if let note = curve.breakNote {
                    // Beside the mark, on the side with room.
                    let before = px(breaks) > left + plotW / 2
                    html += ("<text class=\"tick\" style=\"fill:#c2410c\" x=\"\(n(px(breaks) + (before ? -3 : 3)))\" y=\"\(n(top + 9))\" text-anchor=\"\(before ? "end" : "start")\">\(e(note))</text>")
                }
            }
            let line = x.indices.filter { curve.mean[$0].isFinite }.map { "\(n(px(x[$0]))),\(n(py(curve.mean[$0])))" }
            html += ("<polyline class=\"line\" points=\"\(line.joined(separator: " "))\"/>")
            for j in x.indices where curve.mean[j].isFinite {
                html += ("<circle cx=\"\(n(px(x[j])))\" cy=\"\(n(py(curve.mean[j])))\" r=\"2\" fill=\"#2f6f9f\"/>")
            }
            html += "</svg></figure>"
        }
        return html + "</div>"
    }

}
