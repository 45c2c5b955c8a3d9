/// A published figure the baseline is compared with (docs/model.md §13.3): what a city reported
/// for a period, kept in the scenario with its source so that the report can say whether the
/// model reproduces it.
public struct BackTestFigure: Sendable {
    /// What is compared.
    public enum Measure: String, Sendable, CaseIterable {
        /// On-time dossiers ÷ dossiers resolved or in progress (the portal's rate, §7.2).
        case onTimeRate
        /// Dossiers submitted online ÷ dossiers received.
        case onlineRate
        /// Dossiers received per calendar day of the period (`count` ÷ `days`).
        case receivedPerDay
    }
    public var id: String
    public var label: String
    public var labelVi: String?
    public var measure: Measure
    /// The published value: a share for the rates, dossiers per calendar day for volumes.
    public var value: Double
    /// The period the figure covers, as published ("27/6–14/12/2025").
    public var period: String
    /// Where the figure comes from.
    public var source: String
}

extension ScenarioDecoder {
    /// `backTest`: `[{ "id", "label", "labelVi", "measure", "value" | "count" and "days", "period", "source" }]`.
    func decodeBackTest(_ root: ObjectReader) -> [BackTestFigure] {
        var figures: [BackTestFigure] = []
        for (path, value) in root.array("backTest", required: false) ?? [] {
            guard let r = ObjectReader(value, path: path, diagnostics: diagnostics,
                                       keys: ["id", "label", "labelVi", "measure", "value", "count", "days", "period"])
            else { continue }
            let id = r.string("id"), label = r.string("label"), labelVi = r.string("labelVi", required: false)
            let period = r.string("period"), source = r.string("source")
            var measure: BackTestFigure.Measure?
            if let name = r.string("measure") {
                measure = BackTestFigure.Measure(rawValue: name)
                if measure == nil {
                    diagnostics.report(r.child("measure"), "expected one of: "
                                       + BackTestFigure.Measure.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
            var published: Double?
            if measure == .receivedPerDay {
                let count = r.number("count", atLeast: 0), days = r.integer("days", atLeast: 1)
                if let count, let days { published = count / Double(days) }
            } else if measure != nil {
                published = r.share("value")
            }
            if let id, let label, let measure, let published, let period, let source {
                figures.append(BackTestFigure(id: id, label: label, labelVi: labelVi, measure: measure,
                                              value: published, period: period, source: source))
            }
        }
        return figures
    }
}
