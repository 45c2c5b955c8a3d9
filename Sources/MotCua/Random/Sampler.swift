import Foundation

/// A ``Distribution`` compiled for drawing: plain values only, so that copying one, storing it in
/// a table or passing it costs no reference counting (a `Distribution` may hold an empirical
/// table's arrays, and every copy of one had to check for them).
///
/// The formulas of every kind live here; ``Distribution/sample(_:)`` draws through a sampler,
/// so both draw the same numbers from the same random numbers.
public struct Sampler: BitwiseCopyable, @unchecked Sendable {
    // @unchecked: `values` and `cumulative` point into an empirical table kept, unchanged, by
    // the ``SamplerStorage`` that compiled the sampler.

    @usableFromInline enum Kind: UInt8, BitwiseCopyable {
        case deterministic, exponential, uniform, triangular, normal, lognormal, gamma, erlang, weibull, empirical
    }

    @usableFromInline let kind: Kind
    /// Parameters, by kind: value; mean; min, max; min, mode, max; mean, sd; μ, σ of the
    /// logarithm; shape, scale; mean / k; 1 / shape, scale.
    @usableFromInline let a: Double, b: Double, c: Double
    /// Erlang's k, or the number of values of an empirical table.
    @usableFromInline let k: Int
    @usableFromInline let values: UnsafePointer<Double>?
    @usableFromInline let cumulative: UnsafePointer<Double>?
    /// The ziggurat's tables of the exponential or the normal, for the kinds that draw them.
    @usableFromInline let layers: Ziggurat.Layers?

    private init(_ kind: Kind, _ a: Double, _ b: Double = 0, _ c: Double = 0, k: Int = 0,
                 values: UnsafePointer<Double>? = nil, cumulative: UnsafePointer<Double>? = nil) {
        self.kind = kind
        switch kind {
        case .exponential: layers = Ziggurat.exponentialTables.layers
        case .normal, .lognormal, .gamma, .erlang: layers = Ziggurat.normalTables.layers
        default: layers = nil
        }
        self.a = a; self.b = b; self.c = c
        self.k = k
        self.values = values
        self.cumulative = cumulative
    }

    /// The sampler of a parametric distribution (every kind but ``Distribution/empirical(_:)``,
    /// whose table needs a ``SamplerStorage``).
    init(parametric distribution: Distribution) {
        switch distribution {
        case .deterministic(let value): self.init(.deterministic, value)
        case .exponential(let mean): self.init(.exponential, mean)
        case .uniform(let low, let high): self.init(.uniform, low, high)
        case .triangular(let low, let mode, let high): self.init(.triangular, low, mode, high)
        case .normal(let mean, let sd): self.init(.normal, mean, sd)
        case .lognormal(let mean, let sd):
            let sigma2 = log(1 + (sd * sd) / (mean * mean))
            self.init(.lognormal, log(mean) - sigma2 / 2, sigma2.squareRoot())
        case .gamma(let shape, let scale): self.init(.gamma, shape, scale)
        case .erlang(let k, let mean): self.init(.erlang, mean / Double(k), k: k)
        case .weibull(let shape, let scale): self.init(.weibull, 1 / shape, scale)
        case .empirical:
            preconditionFailure("an empirical distribution is compiled by a SamplerStorage")
        }
    }

    /// The sampler of an empirical table whose values and cumulative probabilities (`count` of
    /// each) are kept by the caller for as long as the sampler is used.
    init(values: UnsafePointer<Double>, cumulative: UnsafePointer<Double>, count: Int) {
        self.init(.empirical, 0, k: count, values: values, cumulative: cumulative)
    }

    /// Draws one value.
    /// - Complexity: O(1) expected (O(log n) for an empirical table of n values).
    @inlinable @inline(__always)
    public func sample(_ rng: inout RandomStream) -> Double {
        switch kind {
        case .exponential: return a * Ziggurat.exponential(&rng, layers.unsafelyUnwrapped)
        case .deterministic: return a
        case .uniform: return a + (b - a) * rng.nextUnit()
        case .triangular:
            let u = rng.nextUnit()
            let split = (b - a) / (c - a)
            if u < split { return a + ((c - a) * (b - a) * u).squareRoot() }
            return c - ((c - a) * (c - b) * (1 - u)).squareRoot()
        case .normal:
            // Truncation at 0 by resampling; the scenario check refuses means ≤ 0, so the
            // acceptance probability is above one half.
            while true {
                let x = a + b * Ziggurat.normal(&rng, layers.unsafelyUnwrapped)
                if x >= 0 { return x }
            }
        case .lognormal:
            return exp(a + b * Ziggurat.normal(&rng, layers.unsafelyUnwrapped))
        case .gamma:
            return b * Sampler.standardGamma(shape: a, layers.unsafelyUnwrapped, &rng)
        case .erlang:
            if k <= 12 {
                var product = 1.0
                for _ in 0..<k { product *= rng.nextUnit() }
                return -a * log(product)
            }
            return a * Sampler.standardGamma(shape: Double(k), layers.unsafelyUnwrapped, &rng)
        case .weibull:
            return b * pow(-log(rng.nextUnit()), a)
        case .empirical:
            let u = rng.nextUnit()
            return values.unsafelyUnwrapped[Sampler.index(of: u, cumulative: cumulative.unsafelyUnwrapped, count: k)]
        }
    }

    /// The first index whose cumulative probability reaches `u` (inverting the weights).
    @inlinable
    static func index(of u: Double, cumulative: UnsafePointer<Double>, count: Int) -> Int {
        var low = 0, high = count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A Gamma(shape, 1) variate (Marsaglia and Tsang, 2000; boosted for shape < 1).
    @usableFromInline
    static func standardGamma(shape: Double, _ normal: Ziggurat.Layers, _ rng: inout RandomStream) -> Double {
        if shape < 1 {
            let boosted = standardGamma(shape: shape + 1, normal, &rng)
            return boosted * pow(rng.nextUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = Ziggurat.normal(&rng, normal)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = rng.nextUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }
}

/// Keeps the empirical tables of the samplers it compiles, unchanged, for as long as it lives:
/// a compiled model holds one, so the samplers of its runs can point into it.
final class SamplerStorage: @unchecked Sendable {
    // @unchecked: tables are written once, by `sampler(_:)` while the model is being built,
    // and only read afterwards.
    private var tables: [UnsafeMutablePointer<Double>] = []

    init() {}

    /// The sampler of `distribution`.
    func sampler(_ distribution: Distribution) -> Sampler {
        guard case .empirical(let table) = distribution else { return Sampler(parametric: distribution) }
        let count = table.values.count
        let values = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let cumulative = UnsafeMutablePointer<Double>.allocate(capacity: count)
        values.initialize(from: table.values, count: count)
        cumulative.initialize(from: table.cumulative, count: count)
        tables.append(values)
        tables.append(cumulative)
        return Sampler(values: values, cumulative: cumulative, count: count)
    }

    deinit { for table in tables { table.deallocate() } }
}
