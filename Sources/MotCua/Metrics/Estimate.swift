import Foundation

/// A mean over replications with its 95% confidence interval (Student t).
public struct Estimate: Sendable, Equatable {
    /// Mean of the replication values.
    public let mean: Double
    /// 95% confidence interval; equal to the mean when there is a single value.
    public let low: Double, high: Double
    /// Number of replication values.
    public let count: Int

    /// The estimate of the mean of `values` (NaN values — replications where the measure is
    /// undefined, e.g. no dossier of that field — are left out).
    public init(_ values: [Double]) {
        let finite = values.filter { !$0.isNaN }
        count = finite.count
        guard !finite.isEmpty else {
            mean = .nan; low = .nan; high = .nan
            return
        }
        let n = Double(finite.count)
        let m = finite.reduce(0, +) / n
        mean = m
        guard finite.count > 1 else {
            low = m; high = m
            return
        }
        let variance = finite.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        let half = Estimate.tQuantile975(degreesOfFreedom: finite.count - 1) * (variance / n).squareRoot()
        low = m - half
        high = m + half
    }

    /// The 97.5% quantile of Student's t distribution (two-sided 95%), from a table for small
    /// degrees of freedom and a Cornish–Fisher expansion beyond it (error below 1e-4).
    public static func tQuantile975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
            2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
            2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
        ]
        if df >= 1 && df <= table.count { return table[df - 1] }
        let z = 1.959964, v = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    }

    /// The same estimate with the interval cut to `range` (a share cannot leave 0…1, although
    /// the normal-theory interval of a few replications can).
    public func clamped(to range: ClosedRange<Double>) -> Estimate {
        Estimate(mean: mean, low: low.isNaN ? low : Swift.max(low, range.lowerBound),
                 high: high.isNaN ? high : Swift.min(high, range.upperBound), count: count)
    }

    private init(mean: Double, low: Double, high: Double, count: Int) {
        self.mean = mean
        self.low = low
        self.high = high
        self.count = count
    }

    /// Whether `value` lies inside the interval.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }
}
