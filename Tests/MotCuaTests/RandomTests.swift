import Foundation
import Testing
@testable import MotCua

@Suite("Random streams and distributions")
struct RandomTests {
    @Test("the same seed and name give the same stream; different names give different streams")
    func streamsAreReproducibleAndIndependent() {
        var a = RandomStream(seed: 42, stream: "arrivals/x")
        var b = RandomStream(seed: 42, stream: "arrivals/x")
        var c = RandomStream(seed: 42, stream: "arrivals/y")
        let sa = (0..<100).map { _ in a.next() }
        #expect(sa == (0..<100).map { _ in b.next() })
        #expect(sa != (0..<100).map { _ in c.next() })
    }

    @Test("uniform numbers stay strictly inside (0, 1) and have mean 1/2")
    func unitInterval() {
        var rng = RandomStream(seed: 7)
        var sum = 0.0
        for _ in 0..<200_000 {
            let u = rng.nextUnit()
            #expect(u > 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 200_000 - 0.5) < 0.003)
    }

    static let cases: [(String, Distribution)] = [
        ("deterministic", .deterministic(value: 3)),
        ("exponential", .exponential(mean: 5)),
        ("uniform", .uniform(min: 2, max: 10)),
        ("triangular", .triangular(min: 1, mode: 2, max: 7)),
        ("normal", .normal(mean: 10, sd: 3)),
        ("normal, truncated at 0", .normal(mean: 1, sd: 2)),
        ("lognormal", .lognormal(mean: 8, sd: 4)),
        ("gamma", .gamma(shape: 2.5, scale: 3)),
        ("gamma, shape < 1", .gamma(shape: 0.5, scale: 4)),
        ("erlang", .erlang(k: 3, mean: 6)),
        ("erlang, large k", .erlang(k: 20, mean: 6)),
        ("weibull", .weibull(shape: 1.5, scale: 4)),
        ("empirical", .empirical(EmpiricalTable(values: [1, 2, 5], weights: [0.5, 0.3, 0.2]))),
    ]

    @Test("sampled mean and variance agree with the theory", arguments: cases.indices)
    func moments(_ index: Int) {
        let (name, distribution) = RandomTests.cases[index]
        var rng = RandomStream(seed: 1000 + UInt64(index))
        let n = 400_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let x = distribution.sample(&rng)
            #expect(x >= 0, "\(name) produced a negative value")
            sum += x
            sumSquares += x * x
        }
        let mean = sum / Double(n)
        let variance = sumSquares / Double(n) - mean * mean
        let sd = distribution.variance.squareRoot()
        // Five standard errors of the mean; 5% on the variance (plenty for these sample sizes).
        #expect(abs(mean - distribution.mean) <= 5 * sd / Double(n).squareRoot() + 1e-12, "\(name): mean \(mean) vs \(distribution.mean)")
        #expect(abs(variance - distribution.variance) <= 0.05 * distribution.variance + 1e-9, "\(name): variance \(variance) vs \(distribution.variance)")
    }

    @Test("changing the unit scales mean and standard deviation")
    func scaling() {
        let d = Distribution.lognormal(mean: 2, sd: 1).scaled(by: 60)
        #expect(abs(d.mean - 120) < 1e-9)
        #expect(abs(d.variance - 3600) < 1e-6)
    }
}
