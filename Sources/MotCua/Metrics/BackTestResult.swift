/// A published figure next to the baseline's value (docs/model.md §13.3).
public struct BackTestResult: Sendable {
    public let figure: BackTestFigure
    /// The baseline's value per replication, estimated (same unit as ``BackTestFigure/value``).
    public let baseline: Estimate

    /// Whether the published value lies in the baseline's 95% interval; nil with one replication.
    public var reproduced: Bool? {
        baseline.count > 1 ? (baseline.low...baseline.high).contains(figure.value) : nil
    }

    /// The scenario's published figures against `overall`, the counts of all procedures.
    static func compare(_ figures: [BackTestFigure], overall: RateResult, horizon: Horizon) -> [BackTestResult] {
        let countedDays = Double(horizon.days - horizon.warmUpDays)
        return figures.map { figure in
            let values: [Double]
            switch figure.measure {
            case .onTimeRate:
                values = overall.perReplication.map { TargetMeasure.onTimeRate.ratio($0) ?? .nan }
            case .onlineRate:
                values = overall.perReplication.map { $0.received > 0 ? Double($0.online) / Double($0.received) : .nan }
            case .receivedPerDay:
                values = overall.perReplication.map { Double($0.received) / countedDays }
            }
            return BackTestResult(figure: figure, baseline: Estimate(values))
        }
    }
}
