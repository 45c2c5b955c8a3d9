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
        self.init(values, confidence: 0.95)
    }

    /// The estimate of the mean of `values` with a two-sided interval at `confidence` (0.95 is
    /// the usual 95% interval; a sequential experiment that looks at its results several times
    /// uses a higher level at each look, docs/experiments.md).
    public init(_ values: [Double], confidence: Double) {
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
        // 95% keeps the table's quantile, so that fixed-replication results stay as they were.
        let quantile = confidence == 0.95 ? Estimate.tQuantile975(degreesOfFreedom: finite.count - 1)
            : Estimate.tQuantile(twoSided: confidence, degreesOfFreedom: finite.count - 1)
        let half = quantile * (variance / n).squareRoot()
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

    /// The two-sided quantile of Student's t: the `t` with P(|T| ≤ t) = `level`, for any level
    /// in (0, 1). Found by bisection on the exact distribution function of integer degrees of
    /// freedom (Abramowitz & Stegun 26.7.3–4), so that high levels at few degrees of freedom —
    /// where an expansion is poor — are right too.
    public static func tQuantile(twoSided level: Double, degreesOfFreedom df: Int) -> Double {
        guard level > 0, df >= 1 else { return 0 }
        guard level < 1 else { return .infinity }
        var low = 0.0, high = 1.0
        while centralT(high, df) < level && high < 1e12 { high *= 2 }
        for _ in 0..<200 where high - low > 1e-12 * Swift.max(1, high) {
            let mid = (low + high) / 2
            if centralT(mid, df) < level { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// P(|T| ≤ t) for Student's t with `df` degrees of freedom (A&S 26.7.3 and 26.7.4).
    static func centralT(_ t: Double, _ df: Int) -> Double {
        let theta = atan(t / Double(df).squareRoot())
        let c = cos(theta), s = sin(theta), c2 = c * c
        if df % 2 == 1 {
            guard df > 1 else { return 2 * theta / .pi }
            var term = c, sum = c
            var k = 1
            while 2 * k + 1 <= df - 2 {
                term *= c2 * Double(2 * k) / Double(2 * k + 1)
                sum += term
                k += 1
            }
            return 2 / .pi * (theta + s * sum)
        }
        var term = 1.0, sum = 1.0
        var k = 1
        while 2 * k <= df - 2 {
            term *= c2 * Double(2 * k - 1) / Double(2 * k)
            sum += term
            k += 1
        }
        return s * sum
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
