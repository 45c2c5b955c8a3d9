/// Small inline-SVG charts for the HTML report: no scripts, no network, printable.
enum SVGChart {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func n(_ x: Double) -> String { Format.fixed(x, 1) }

    /// A horizontal bar per item, with an optional interval whisker and a reference line.
    static func horizontalBars(id: String, title: String, items: [(label: String, value: Double, low: Double?, high: Double?, color: String)],
                               domain: ClosedRange<Double>, reference: (value: Double, label: String)?, format: (Double) -> String) -> String {
        let left = 230.0, width = 660.0, plot = width - left - 70, row = 22.0
        let height = Double(items.count) * row + 50
        func x(_ v: Double) -> Double { left + (Swift.min(Swift.max(v, domain.lowerBound), domain.upperBound) - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * plot }
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<title>\(escape(title))</title>"
        for tick in 0...4 {
            let v = domain.lowerBound + Double(tick) / 4 * (domain.upperBound - domain.lowerBound)
            svg += "<line x1=\"\(n(x(v)))\" x2=\"\(n(x(v)))\" y1=\"10\" y2=\"\(n(height - 30))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(x(v)))\" y=\"\(n(height - 14))\" class=\"tick\" text-anchor=\"middle\">\(escape(format(v)))</text>"
        }
        for (i, item) in items.enumerated() {
            let y = 14 + Double(i) * row
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 13))\" class=\"label\" text-anchor=\"end\">\(escape(item.label))</text>"
            if item.value.isFinite {
                svg += "<rect class=\"bar\" x=\"\(n(left))\" y=\"\(n(y + 3))\" width=\"\(n(Swift.max(0.5, x(item.value) - left)))\" height=\"\(n(row - 8))\" fill=\"\(item.color)\"/>"
                if let low = item.low, let high = item.high, low.isFinite, high.isFinite, high > low {
                    svg += "<line class=\"whisker\" x1=\"\(n(x(low)))\" x2=\"\(n(x(high)))\" y1=\"\(n(y + row / 2 - 1))\" y2=\"\(n(y + row / 2 - 1))\"/>"
                }
                svg += "<text x=\"\(n(x(item.value) + 4))\" y=\"\(n(y + 13))\" class=\"value\">\(escape(format(item.value)))</text>"
            }
        }
        if let reference {
            svg += "<line class=\"reference\" x1=\"\(n(x(reference.value)))\" x2=\"\(n(x(reference.value)))\" y1=\"6\" y2=\"\(n(height - 30))\"/>"
            svg += "<text x=\"\(n(x(reference.value)))\" y=\"8\" class=\"reflabel\" text-anchor=\"middle\">\(escape(reference.label))</text>"
        }
        return svg + "</svg>"
    }

    /// A line over the days of the horizon, with month ticks.
    static func dailyLine(id: String, title: String, days: [(date: CivilDate, value: Double)], yLabel: String) -> String {
        let width = 660.0, height = 220.0, left = 60.0, bottom = 30.0, top = 12.0
        let maxValue = Swift.max(1, days.map(\.value).max() ?? 1)
        let plotW = width - left - 10, plotH = height - top - bottom
        func x(_ i: Int) -> Double { left + Double(i) / Double(Swift.max(days.count - 1, 1)) * plotW }
        func y(_ v: Double) -> Double { top + plotH - v / maxValue * plotH }
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for tick in 0...4 {
            let v = maxValue * Double(tick) / 4
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(width - 10))\" y1=\"\(n(y(v)))\" y2=\"\(n(y(v)))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\">\(Format.count(Int(v.rounded())))</text>"
        }
        for (i, day) in days.enumerated() where day.date.components.day == 1 {
            svg += "<text class=\"tick\" x=\"\(n(x(i)))\" y=\"\(n(height - 10))\" text-anchor=\"middle\">\(day.date.components.month)/\(day.date.components.year % 100)</text>"
        }
        let points = days.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element.value)))" }.joined(separator: " ")
        svg += "<polyline class=\"line\" points=\"\(points)\"/>"
        svg += "<text class=\"axis\" x=\"12\" y=\"\(n(top + plotH / 2))\" transform=\"rotate(-90 12 \(n(top + plotH / 2)))\" text-anchor=\"middle\">\(escape(yLabel))</text>"
        return svg + "</svg>"
    }

    /// Vertical bars for the hours of the day.
    static func hourlyBars(id: String, title: String, values: [Double], hours: Range<Int>, yLabel: String, format: (Double) -> String) -> String {
        let width = 660.0, height = 220.0, left = 60.0, bottom = 30.0, top = 14.0
        let shown = hours.map { ($0, values[$0]) }
        let maxValue = Swift.max(1, shown.map { $0.1.isFinite ? $0.1 : 0 }.max() ?? 1)
        let plotW = width - left - 10, plotH = height - top - bottom
        let slot = plotW / Double(Swift.max(shown.count, 1))
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for tick in 0...4 {
            let v = maxValue * Double(tick) / 4
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
            svg += "<text class=\"tick\" x=\"\(n(x + slot / 2))\" y=\"\(n(height - 10))\" text-anchor=\"middle\">\(hour)h</text>"
        }
        svg += "<text class=\"axis\" x=\"12\" y=\"\(n(top + plotH / 2))\" transform=\"rotate(-90 12 \(n(top + plotH / 2)))\" text-anchor=\"middle\">\(escape(yLabel))</text>"
        return svg + "</svg>"
    }
}
