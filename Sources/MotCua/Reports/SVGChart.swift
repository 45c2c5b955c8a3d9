/// Small inline-SVG charts for the HTML report: no scripts, no network, printable.
enum SVGChart {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func n(_ x: Double) -> String { Format.fixed(x, 1) }

    /// A horizontal bar per item, with an optional interval whisker and a reference line.
    static func horizontalBars(id: String, title: String, items: [(label: String, value: Double, low: Double?, high: Double?, color: String)],
                               domain: ClosedRange<Double>, reference: (value: Double, label: String)?, thresholds: [Double?] = [],
                               axisTitle: String = "", format: (Double) -> String) -> String {
        let left = 290.0, width = 700.0, plot = width - left - 70, row = 22.0
        let height = Double(items.count) * row + 64
        func x(_ v: Double) -> Double { left + (Swift.min(Swift.max(v, domain.lowerBound), domain.upperBound) - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * plot }
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<title>\(escape(title))</title>"
        // Round ticks (1, 2 or 5 times a power of ten) within the domain.
        for v in DocumentCharts.ticks(domain.lowerBound, domain.upperBound).values where domain.contains(v) {
            svg += "<line x1=\"\(n(x(v)))\" x2=\"\(n(x(v)))\" y1=\"10\" y2=\"\(n(height - 44))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(x(v)))\" y=\"\(n(height - 30))\" class=\"tick\" text-anchor=\"middle\">\(escape(format(v)))</text>"
        }
        svg += "<text class=\"axis\" x=\"\(n(left + plot / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\">\(escape(axisTitle))</text>"
        for (i, item) in items.enumerated() {
            let y = 14 + Double(i) * row
            let label = item.label.count > 48 ? String(item.label.prefix(47)) + "…" : item.label
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 13))\" class=\"label\" text-anchor=\"end\">\(escape(label))</text>"
            if item.value.isFinite {
                svg += "<rect class=\"bar\" x=\"\(n(left))\" y=\"\(n(y + 3))\" width=\"\(n(Swift.max(0.5, x(item.value) - left)))\" height=\"\(n(row - 8))\" fill=\"\(item.color)\"/>"
                if let low = item.low, let high = item.high, low.isFinite, high.isFinite, high > low {
                    svg += "<line class=\"whisker\" x1=\"\(n(x(low)))\" x2=\"\(n(x(high)))\" y1=\"\(n(y + row / 2 - 1))\" y2=\"\(n(y + row / 2 - 1))\"/>"
                }
                // The value right of the bar and of its whisker, so neither covers it, and right of
                // a threshold line that would strike through it.
                let end = Swift.max(item.value, item.high.map { $0.isFinite ? $0 : item.value } ?? item.value)
                var labelX = x(end) + 4
                if let mark = (i < thresholds.count ? thresholds[i] : nil) ?? reference?.value, x(mark) >= x(end) - 2, x(mark) < labelX + 44 {
                    labelX = x(mark) + 4
                }
                svg += "<text x=\"\(n(labelX))\" y=\"\(n(y + 13))\" class=\"value\">\(escape(format(item.value)))</text>"
            }
            // The item's own threshold, when items have different ones: a mark across its row.
            if i < thresholds.count, let mark = thresholds[i] {
                svg += "<line class=\"reference\" x1=\"\(n(x(mark)))\" x2=\"\(n(x(mark)))\" y1=\"\(n(y + 1))\" y2=\"\(n(y + row - 3))\"/>"
            }
        }
        if let reference {
            svg += "<line class=\"reference\" x1=\"\(n(x(reference.value)))\" x2=\"\(n(x(reference.value)))\" y1=\"6\" y2=\"\(n(height - 44))\"/>"
            svg += "<text x=\"\(n(x(reference.value)))\" y=\"8\" class=\"reflabel\" text-anchor=\"middle\">\(escape(reference.label))</text>"
        }
        return svg + "</svg>"
    }

    /// Lines over the days of the horizon, with month ticks and a legend; tick numbers and
    /// months written in `language` (Vietnamese months as "01/2024" at the first tick and each
    /// January, "thg 2" between).
    static func dailyLines(id: String, title: String, dates: [CivilDate], series: [(label: String, values: [Double], color: String)],
                           yLabel: String, xLabel: String = "", language: Language = .en) -> String {
        let numbers = language.numbers
        // The legend is a row above the plot, so it never covers a line.
        let width = 660.0, height = 250.0, left = 60.0, bottom = 44.0, top = 30.0
        let scale = DocumentCharts.ticks(0, Swift.max(1, series.flatMap(\.values).max() ?? 1), count: 4)
        let maxValue = scale.domain.upperBound
        let plotW = width - left - 10, plotH = height - top - bottom
        func x(_ i: Int) -> Double { left + Double(i) / Double(Swift.max(dates.count - 1, 1)) * plotW }
        func y(_ v: Double) -> Double { top + plotH - v / maxValue * plotH }
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for v in scale.values {
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(width - 10))\" y1=\"\(n(y(v)))\" y2=\"\(n(y(v)))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\">\(numbers.count(Int(v.rounded())))</text>"
        }
        svg += "<text class=\"axis\" x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 4))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
        var yearShown = false
        for (i, date) in dates.enumerated() where date.components.day == 1 {
            let month: String
            if language == .en {
                month = "\(date.components.month)/\(date.components.year % 100)"
            } else {
                month = Format.month(of: date, in: language, withYear: !yearShown || date.components.month == 1)
                yearShown = true
            }
            svg += "<text class=\"tick\" x=\"\(n(x(i)))\" y=\"\(n(top + plotH + 16))\" text-anchor=\"middle\">\(escape(month))</text>"
        }
        var legendX = left
        for s in series {
            let points = s.values.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline class=\"line\" style=\"stroke: \(s.color)\" points=\"\(points)\"/>"
            svg += "<line x1=\"\(n(legendX))\" x2=\"\(n(legendX + 16))\" y1=\"12\" y2=\"12\" stroke=\"\(s.color)\" stroke-width=\"2\"/>"
            svg += "<text class=\"label\" x=\"\(n(legendX + 20))\" y=\"16\">\(escape(s.label))</text>"
            legendX += 32 + Double(s.label.count) * 5.6
        }
        svg += "<text class=\"axis\" x=\"12\" y=\"\(n(top + plotH / 2))\" transform=\"rotate(-90 12 \(n(top + plotH / 2)))\" text-anchor=\"middle\">\(escape(yLabel))</text>"
        return svg + "</svg>"
    }

    /// Vertical bars for the hours of the day.
    static func hourlyBars(id: String, title: String, values: [Double], hours: Range<Int>, yLabel: String, xLabel: String = "",
                           format: (Double) -> String) -> String {
        let width = 660.0, height = 236.0, left = 60.0, bottom = 46.0, top = 14.0
        let shown = hours.map { ($0, values[$0]) }
        let scale = DocumentCharts.ticks(0, Swift.max(1, shown.map { $0.1.isFinite ? $0.1 : 0 }.max() ?? 1), count: 4)
        let maxValue = scale.domain.upperBound
        let plotW = width - left - 10, plotH = height - top - bottom
        let slot = plotW / Double(Swift.max(shown.count, 1))
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        svg += "<text class=\"axis\" x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 4))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
        for v in scale.values {
            let y = top + plotH - v / maxValue * plotH
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(width - 10))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(escape(format(v)))</text>"
        }
        for (i, (hour, value)) in shown.enumerated() {
            let x = left + Double(i) * slot
            if value.isFinite {
                let h = value / maxValue * plotH
                svg += "<rect class=\"bar\" x=\"\(n(x + slot * 0.15))\" y=\"\(n(top + plotH - h))\" width=\"\(n(slot * 0.7))\" height=\"\(n(h))\" fill=\"#2f6f9f\"/>"
            }
            svg += "<text class=\"tick\" x=\"\(n(x + slot / 2))\" y=\"\(n(top + plotH + 16))\" text-anchor=\"middle\">\(hour)h</text>"
        }
        svg += "<text class=\"axis\" x=\"12\" y=\"\(n(top + plotH / 2))\" transform=\"rotate(-90 12 \(n(top + plotH / 2)))\" text-anchor=\"middle\">\(escape(yLabel))</text>"
        return svg + "</svg>"
    }
}

extension SVGChart {
    static let palette = ["#1d4e89", "#c2410c", "#3f8f5a", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4b5563"]
}
