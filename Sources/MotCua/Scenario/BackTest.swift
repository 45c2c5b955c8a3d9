/// A published figure the baseline is compared with (docs/model.md §13.3): what a city reported
/// for a period, kept in the scenario with its source so that the report can say whether the
/// model reproduces it.
public struct BackTestFigure: Sendable {
    /// What is compared.
    public enum Measure: String, Sendable, CaseIterable {
        /// On-time dossiers ÷ dossiers resolved or in progress (the portal's rate, §7.2).
        case onTimeRate
        /// Dossiers finished on time ÷ dossiers finished (resolved), the rate the city's
        /// reports give as "x of y resolved on time"; dossiers in progress are left out.
        case resolvedOnTimeRate
        /// Dossiers submitted online ÷ dossiers received.
        case onlineRate
        /// Dossiers received per calendar day of the period (`count` ÷ its days).
        case receivedPerDay

        /// Whether the runs keep the measure per day, so that it can be computed over any
        /// period inside the run (only the received dossiers are counted per day).
        public var keptPerDay: Bool { self == .receivedPerDay }
    }
    public var id: String
    public var label: String
    public var labelVi: String?
    public var measure: Measure
    /// The published value: a share for the rates, dossiers per calendar day for volumes.
    public var value: Double
    /// The period the figure covers, as published ("27/6–14/12/2025").
    public var period: String
    /// The same period as dates, first and last day included: the model's figure is compared
    /// with the published one only over the same days (``BackTestResult/Comparison``).
    public var from: CivilDate
    public var to: CivilDate
    /// Where the figure comes from, and its Vietnamese version for `--lang vi`.
    public var source: String
    public var sourceVi: String?

    /// The published period's days, both ends included.
    public var days: Int { to.dayNumber - from.dayNumber + 1 }
}

extension ScenarioDecoder {
    /// `backTest`: `[{ "id", "label", "labelVi", "measure", "value" | "count" (and "days"), "period",
    /// "from", "to", "source", "sourceVi" }]`.
    func decodeBackTest(_ root: ObjectReader) -> [BackTestFigure] {
        var figures: [BackTestFigure] = []
        for (path, value) in root.array("backTest", required: false) ?? [] {
            guard let r = ObjectReader(value, path: path, diagnostics: diagnostics,
                                       keys: ["id", "label", "labelVi", "measure", "value", "count", "days", "period",
                                              "from", "to", "sourceVi"])
            else { continue }
            let id = r.string("id"), label = r.string("label"), labelVi = r.string("labelVi", required: false)
            let period = r.string("period"), source = r.string("source"), sourceVi = r.string("sourceVi", required: false)
            let from = ScenarioLoader.date(r, "from"), to = ScenarioLoader.date(r, "to")
            if let from, let to, to < from {
                diagnostics.report(r.child("to"), "expected a date on or after \"from\" (\(from)), found \"\(to)\"")
            }
            var measure: BackTestFigure.Measure?
            if let name = r.string("measure") {
                measure = BackTestFigure.Measure(rawValue: name)
                if measure == nil {
                    diagnostics.report(r.child("measure"), "expected one of: "
                                       + BackTestFigure.Measure.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
            var published: Double?
            if measure == .receivedPerDay, let from, let to, from <= to {
                // The count is over the published period; `days`, when given, must be its length.
                let periodDays = to.dayNumber - from.dayNumber + 1
                let count = r.number("count", atLeast: 0), days = r.integer("days", required: false, atLeast: 1)
                if let days, days != periodDays {
                    diagnostics.report(r.child("days"), "expected \(periodDays), the days from \(from) to \(to) included, found \(days)")
                }
                if let count { published = count / Double(periodDays) }
            } else if measure != nil && measure != .receivedPerDay {
                published = r.share("value")
            }
            if let id, let label, let measure, let published, let period, let from, let to, let source {
                figures.append(BackTestFigure(id: id, label: label, labelVi: labelVi, measure: measure, value: published,
                                              period: period, from: from, to: to, source: source, sourceVi: sourceVi))
            }
        }
        return figures
    }
}
