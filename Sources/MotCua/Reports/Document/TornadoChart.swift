import Foundation

/// A tornado chart of the page: per input, a bar from the base value of a target to its value
/// with the input lowered (upper half of the row), raised (lower half) and, for an opening
/// backlog, removed (a thin third bar); the paired 95% interval as a whisker; the base as a solid
/// line and the threshold as a dashed one. A planner sees at a glance which input moves the
/// target most, and whether any change carries it across its threshold.
public struct TornadoChart: Sendable {
    /// One change of one input: the difference it makes (changed − base, a share) with its interval.
    public struct Bar: Sendable {
        public var direction: DriverChange.Direction
        public var difference: Double
        /// The paired 95% interval; not finite when measured on one pair.
        public var low: Double, high: Double
        /// The tooltip: the change and its effect in words.
        public var tip: String

        public init(direction: DriverChange.Direction, difference: Double, low: Double, high: Double, tip: String) {
            self.direction = direction
            self.difference = difference
            self.low = low
            self.high = high
            self.tip = tip
        }
    }

    /// One input.
    public struct Row: Sendable {
        public var label: String
        public var bars: [Bar]

        public init(label: String, bars: [Bar]) {
            self.label = label
            self.bars = bars
        }
    }

    public var id: String
    public var title: String
    /// The target's base value and its threshold (shares).
    public var base: Double, threshold: Double
    public var baseLabel: String, thresholdLabel: String
    public var rows: [Row]
    /// The legend's words for each direction drawn.
    public var legend: [DriverChange.Direction: String]

    public init(id: String, title: String, base: Double, threshold: Double, baseLabel: String, thresholdLabel: String, rows: [Row],
                legend: [DriverChange.Direction: String]) {
        self.id = id
        self.title = title
        self.base = base
        self.threshold = threshold
        self.baseLabel = baseLabel
        self.thresholdLabel = thresholdLabel
        self.rows = rows
        self.legend = legend
    }

    static let colors: [DriverChange.Direction: String] = [.lower: SVGChart.palette[0], .higher: SVGChart.palette[1], .removed: SVGChart.palette[7], .legal: SVGChart.palette[3]]

    /// The chart as inline SVG.
    func svg(_ language: Language) -> String {
        let n = SVGChart.n, e = SVGChart.escape
        let width = 700.0, left = 300.0, right = 24.0, top = 34.0, row = 32.0
        let plot = width - left - right
        var ends = [base, threshold]
        for bar in rows.flatMap(\.bars) { ends += [base + bar.difference, base + bar.low, base + bar.high].filter(\.isFinite) }
        var scale = DocumentCharts.ticks(ends.min() ?? 0, ends.max() ?? 1)
        if scale.domain.upperBound > 1 || scale.domain.lowerBound < 0 {
            scale = (max(0, scale.domain.lowerBound)...min(1, scale.domain.upperBound), scale.values.filter { (0...1).contains($0) }, scale.step)
        }
        let low = scale.domain.lowerBound, high = max(scale.domain.upperBound, low + 1e-9)
        func x(_ v: Double) -> Double { left + (min(max(v, low), high) - low) / (high - low) * plot }
        let plotBottom = top + Double(max(rows.count, 1)) * row
        let height = plotBottom + 44

        var svg = "<svg id=\"\(e(id))\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(e(title))\"><title>\(e(title))</title>"
        for tick in scale.values {
            svg += "<line class=\"grid\" x1=\"\(n(x(tick)))\" x2=\"\(n(x(tick)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(x(tick)))\" y=\"\(n(plotBottom + 14))\" text-anchor=\"middle\">"
                + "\(e(DocumentCharts.tickText(tick, .share, step: scale.step, language)))</text>"
        }
        for (i, item) in rows.enumerated() {
            let y = top + Double(i) * row
            let label = Self.fitted(item.label, width: 46)
            for (k, line) in label.enumerated() {
                let baselineY = y + (label.count == 1 ? 19 : 13 + Double(k) * 12)
                svg += "<text class=\"label\" x=\"\(n(left - 8))\" y=\"\(n(baselineY))\" text-anchor=\"end\">\(e(line))<title>\(e(item.label))</title></text>"
            }
            for bar in item.bars where bar.difference.isFinite {
                let slot: Double = bar.direction == .lower ? 3 : bar.direction == .higher ? 13 : 23
                let thickness: Double = bar.direction.runsAlone ? 5 : 9
                let value = base + bar.difference
                let from = min(x(base), x(value)), length = max(1, abs(x(value) - x(base)))
                svg += "<rect x=\"\(n(from))\" y=\"\(n(y + slot))\" width=\"\(n(length))\" height=\"\(n(thickness))\" "
                    + "fill=\"\(Self.colors[bar.direction] ?? SVGChart.palette[7])\"><title>\(e(bar.tip))</title></rect>"
                if bar.low.isFinite, bar.high.isFinite, bar.high > bar.low {
                    let mid = y + slot + thickness / 2
                    svg += "<line class=\"whisker\" x1=\"\(n(x(base + bar.low)))\" x2=\"\(n(x(base + bar.high)))\" y1=\"\(n(mid))\" y2=\"\(n(mid))\"/>"
                }
            }
        }
        svg += "<line stroke=\"#1d2733\" stroke-width=\"1.5\" x1=\"\(n(x(base)))\" x2=\"\(n(x(base)))\" y1=\"\(n(top - 4))\" y2=\"\(n(plotBottom))\"/>"
        svg += "<text class=\"label\" x=\"\(n(x(base)))\" y=\"\(n(top - 8))\" text-anchor=\"\(Self.anchor(x(base), left, width - right))\">\(e(baseLabel))</text>"
        svg += "<line class=\"reference\" x1=\"\(n(x(threshold)))\" x2=\"\(n(x(threshold)))\" y1=\"6\" y2=\"\(n(plotBottom))\"/>"
        svg += "<text class=\"reflabel\" x=\"\(n(x(threshold)))\" y=\"12\" text-anchor=\"\(Self.anchor(x(threshold), left, width - right))\">\(e(thresholdLabel))</text>"
        let drawn = DriverChange.Direction.allCases.filter { direction in
            legend[direction] != nil && (!direction.runsAlone || rows.contains { $0.bars.contains { $0.direction == direction } })
        }
        for (k, direction) in drawn.enumerated() {
            let lx = left + Double(k) * 130, ly = plotBottom + 32
            svg += "<rect x=\"\(n(lx))\" y=\"\(n(ly - 8))\" width=\"10\" height=\"8\" fill=\"\(Self.colors[direction] ?? SVGChart.palette[7])\"/>"
            svg += "<text class=\"label\" x=\"\(n(lx + 14))\" y=\"\(n(ly))\">\(e(legend[direction] ?? ""))</text>"
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
