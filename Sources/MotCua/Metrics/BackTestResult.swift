/// A published figure next to the baseline's value (docs/model.md §13.3), each over the period
/// it covers: the two are compared only over the same days.
public struct BackTestResult: Sendable {
    /// How the model's figure relates to the published one.
    public enum Comparison: String, Sendable {
        /// The run counts exactly the published period: compared.
        case samePeriod = "same-period"
        /// The published period lies inside the run and the measure is kept per day: the model's
        /// figure is computed over the published period and compared.
        case publishedWithinRun = "published-within-run"
        /// The published period lies inside the run, but the runs keep the measure for the whole
        /// run only: the model's figure is over the run's period, not compared.
        case notKeptPerDay = "not-kept-per-day"
        /// The published period is not inside the run: both shown, not compared.
        case periodsDiffer = "periods-differ"

        /// Whether the model's figure covers the published period, so that they are compared.
        public var compared: Bool { self == .samePeriod || self == .publishedWithinRun }
    }

    public let figure: BackTestFigure
    /// The baseline's value per replication, estimated (same unit as ``BackTestFigure/value``),
    /// over ``modelFrom``…``modelTo``.
    public let baseline: Estimate
    /// The days the baseline's value covers, both included: the run's counted days (after the
    /// warm-up), or the published period when it was computed over it.
    public let modelFrom: CivilDate
    public let modelTo: CivilDate
    public let comparison: Comparison

    /// Whether the published value lies in the baseline's 95% interval; nil with one
    /// replication, and when the periods are not the same.
    public var reproduced: Bool? {
        comparison.compared && baseline.count > 1 ? (baseline.low...baseline.high).contains(figure.value) : nil
    }

    /// The scenario's published figures against `overall`, the counts of all procedures, and
    /// the runs' received dossiers per day.
    static func compare(_ figures: [BackTestFigure], overall: RateResult, results: [RunResult], horizon: Horizon) -> [BackTestResult] {
        let runFrom = horizon.start.adding(days: horizon.warmUpDays), runTo = horizon.start.adding(days: horizon.days - 1)
        let countedDays = Double(horizon.days - horizon.warmUpDays)
        return figures.map { figure in
            let inside = runFrom <= figure.from && figure.to <= runTo
            let same = runFrom == figure.from && figure.to == runTo
            if inside && !same && figure.measure.keptPerDay {
                let first = figure.from.dayNumber - horizon.start.dayNumber, last = figure.to.dayNumber - horizon.start.dayNumber
                let values = results.map { result in
                    Double(result.receivedPerDay[first...last].reduce(0) { $0 + Int($1) }) / Double(figure.days)
                }
                return BackTestResult(figure: figure, baseline: Estimate(values).clamped(to: 0...Double.infinity),
                                      modelFrom: figure.from, modelTo: figure.to,
                                      comparison: .publishedWithinRun)
            }
            let values: [Double]
            switch figure.measure {
            case .onTimeRate:
                values = overall.perReplication.map { TargetMeasure.onTimeRate.ratio($0) ?? .nan }
            case .resolvedOnTimeRate:
                values = overall.perReplication.map { t in
                    let resolved = t.finishedOnTime + t.finishedLate
                    return resolved > 0 ? Double(t.finishedOnTime) / Double(resolved) : .nan
                }
            case .onlineRate:
                values = overall.perReplication.map { $0.received > 0 ? Double($0.online) / Double($0.received) : .nan }
            case .receivedPerDay:
                values = overall.perReplication.map { Double($0.received) / countedDays }
            }
            let comparison: Comparison = same ? .samePeriod : inside ? .notKeptPerDay : .periodsDiffer
            // A share's interval stays within 0…100% (two replications give a wide one).
            let bounds = figure.measure == .receivedPerDay ? 0...Double.infinity : 0...1
            return BackTestResult(figure: figure, baseline: Estimate(values).clamped(to: bounds), modelFrom: runFrom, modelTo: runTo,
                                  comparison: comparison)
        }
    }
}
