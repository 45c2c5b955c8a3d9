import Foundation

/// A probability distribution of a non-negative duration or quantity.
///
/// Parameters are the ones a planner can state (means and standard deviations where
/// possible); ``mean`` and ``variance`` give the theoretical moments, which the tests compare
/// with sampled ones.
public enum Distribution: Sendable, Equatable {
    /// Always `value`.
    case deterministic(value: Double)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Triangular on [min, max] with the given mode.
    case triangular(min: Double, mode: Double, max: Double)
    /// Normal with the given mean and standard deviation, truncated at 0 (resampled).
    case normal(mean: Double, sd: Double)
    /// Lognormal given by the mean and standard deviation of the variable itself.
    case lognormal(mean: Double, sd: Double)
    /// Gamma with shape `k` and scale `θ` (mean kθ).
    case gamma(shape: Double, scale: Double)
    /// Erlang: sum of `k` exponentials, with the given overall mean.
    case erlang(k: Int, mean: Double)
    /// Weibull with shape `k` and scale `λ`.
    case weibull(shape: Double, scale: Double)
    /// A finite table of values with weights (sampled as the listed values, not interpolated).
    case empirical(EmpiricalTable)

    /// The theoretical mean.
    public var mean: Double {
        switch self {
        case .deterministic(let value): return value
        case .exponential(let mean): return mean
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(let a, let c, let b): return (a + b + c) / 3
        case .normal(let mu, let sd):
            let (m, _) = Distribution.truncatedNormalMoments(mu: mu, sd: sd)
            return m
        case .lognormal(let mean, _): return mean
        case .gamma(let k, let theta): return k * theta
        case .erlang(_, let mean): return mean
        case .weibull(let k, let lambda): return lambda * tgamma(1 + 1 / k)
        case .empirical(let table): return table.mean
        }
    }

    /// The theoretical variance.
    public var variance: Double {
        switch self {
        case .deterministic: return 0
        case .exponential(let mean): return mean * mean
        case .uniform(let a, let b): return (b - a) * (b - a) / 12
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .normal(let mu, let sd):
            let (_, v) = Distribution.truncatedNormalMoments(mu: mu, sd: sd)
            return v
        case .lognormal(_, let sd): return sd * sd
        case .gamma(let k, let theta): return k * theta * theta
        case .erlang(let k, let mean): return mean * mean / Double(k)
        case .weibull(let k, let lambda):
            let g1 = tgamma(1 + 1 / k)
            return lambda * lambda * (tgamma(1 + 2 / k) - g1 * g1)
        case .empirical(let table): return table.variance
        }
    }

    /// The second moment E[X²], which the Pollaczek–Khinchine formula needs.
    public var secondMoment: Double { variance + mean * mean }

    /// The smallest value the distribution can take.
    public var minimum: Double {
        switch self {
        case .deterministic(let value): return value
        case .uniform(let a, _), .triangular(let a, _, _): return a
        case .empirical(let table): return table.values.min() ?? 0
        default: return 0
        }
    }

    /// The same distribution with every value multiplied by `factor` (a change of unit).
    public func scaled(by factor: Double) -> Distribution {
        switch self {
        case .deterministic(let value): return .deterministic(value: value * factor)
        case .exponential(let mean): return .exponential(mean: mean * factor)
        case .uniform(let a, let b): return .uniform(min: a * factor, max: b * factor)
        case .triangular(let a, let c, let b):
            return .triangular(min: a * factor, mode: c * factor, max: b * factor)
        case .normal(let mu, let sd): return .normal(mean: mu * factor, sd: sd * factor)
        case .lognormal(let mean, let sd): return .lognormal(mean: mean * factor, sd: sd * factor)
        case .gamma(let k, let theta): return .gamma(shape: k, scale: theta * factor)
        case .erlang(let k, let mean): return .erlang(k: k, mean: mean * factor)
        case .weibull(let k, let lambda): return .weibull(shape: k, scale: lambda * factor)
        case .empirical(let table):
            return .empirical(EmpiricalTable(values: table.values.map { $0 * factor }, weights: table.weights))
        }
    }

    /// Draws one value (through a ``Sampler``, where the formulas are).
    /// - Complexity: O(1) expected (O(log n) for an empirical table of n values).
    public func sample(_ rng: inout RandomStream) -> Double {
        if case .empirical(let table) = self { return table.sample(&rng) }
        return Sampler(parametric: self).sample(&rng)
    }

    /// Mean and variance of a normal(mu, sd) truncated to [0, ∞).
    static func truncatedNormalMoments(mu: Double, sd: Double) -> (Double, Double) {
        guard sd > 0 else { return (Swift.max(mu, 0), 0) }
        let alpha = -mu / sd
        let phi = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
        let tail = 0.5 * erfc(alpha / 2.0.squareRoot())  // 1 − Φ(α)
        let lambda = phi / tail
        let mean = mu + sd * lambda
        let variance = sd * sd * (1 + alpha * lambda - lambda * lambda)
        return (mean, variance)
    }
}

/// Values with weights, sampled by inverting the cumulative weights.
public struct EmpiricalTable: Sendable, Equatable {
    /// The values that can be drawn.
    public let values: [Double]
    /// Their weights (not necessarily summing to one).
    public let weights: [Double]
    let cumulative: [Double]

    /// Creates a table; `weights` must be non-negative with a positive sum, of the same length as `values`.
    public init(values: [Double], weights: [Double]) {
        precondition(values.count == weights.count && !values.isEmpty)
        self.values = values
        self.weights = weights
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weights.count)
        for w in weights { running += w; cumulative.append(running) }
        self.cumulative = cumulative.map { $0 / running }
    }

    var mean: Double {
        let total = weights.reduce(0, +)
        return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
    }

    var variance: Double {
        let total = weights.reduce(0, +)
        let m = mean
        return zip(values, weights).reduce(0) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 } / total
    }

    func sample(_ rng: inout RandomStream) -> Double {
        let u = rng.nextUnit()
        return values[cumulative.withUnsafeBufferPointer { Sampler.index(of: u, cumulative: $0.baseAddress!, count: $0.count) }]
    }
}
