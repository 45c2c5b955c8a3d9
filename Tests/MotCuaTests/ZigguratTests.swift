import Foundation
import Testing
@testable import MotCua

@Suite("Ziggurat draws")
struct ZigguratTests {
    @Test("the published edges close the 256 layers: the last one reaches the density's top")
    func tablesClose() {
        for tables in [Ziggurat.exponentialTables, Ziggurat.normalTables] {
            #expect(abs(tables.top - 1) < 1e-9, "top \(tables.top)")
            let right = tables.layers.right
            for i in 0..<Ziggurat.layerCount { #expect(right[i] > right[i + 1]) }
        }
    }

    /// The Kolmogorov–Smirnov distance between sorted draws and a distribution function.
    static func distance(_ sorted: [Double], _ cdf: (Double) -> Double) -> Double {
        let n = Double(sorted.count)
        var worst = 0.0
        for (k, x) in sorted.enumerated() {
            let f = cdf(x)
            worst = Swift.max(worst, abs(f - Double(k) / n), abs(Double(k + 1) / n - f))
        }
        return worst
    }

    // With 2,000,000 draws the 0.1% critical distance is 1.95 / √n = 0.0014, and the mean of the
    // exponential and the variance of the normal are known to ±0.0007 and ±0.001 (one standard
    // error). Accepting every point of the wedges (about 1% of the draws) moves the exponential's
    // distance to 0.0020 and mean to 1.0041, and the normal's variance to 1.008: all caught.
    static let draws = 2_000_000
    static let critical = 1.95 / Double(draws).squareRoot()

    @Test("exponential draws follow 1 − e^(−x), tail included")
    func exponential() {
        var rng = RandomStream(seed: 21)
        let layers = Ziggurat.exponentialTables.layers
        let sample = (0..<ZigguratTests.draws).map { _ in Ziggurat.exponential(&rng, layers) }.sorted()
        #expect(ZigguratTests.distance(sample, { 1 - exp(-$0) }) < ZigguratTests.critical)
        let mean = sample.reduce(0, +) / Double(sample.count)
        #expect(abs(mean - 1) < 0.0024, "mean \(mean)")
        // Beyond the edge (7.7) lie e^(−7.7) = 0.045% of the draws: about 906.
        let beyond = sample.filter { $0 > Ziggurat.exponentialEdge }.count
        #expect(beyond > 800 && beyond < 1_010, "\(beyond) beyond the edge")
        // The tail keeps its shape: e^(−9.2) = 0.010% beyond 9.2, about 202 (the base layer
        // alone would end at 8.7).
        let far = sample.filter { $0 > 9.2 }.count
        #expect(far > 150 && far < 250, "\(far) beyond 9.2")
        #expect(sample.first! >= 0)
    }

    @Test("normal draws follow Φ, both signs and the tails")
    func normal() {
        var rng = RandomStream(seed: 22)
        let layers = Ziggurat.normalTables.layers
        let sample = (0..<ZigguratTests.draws).map { _ in Ziggurat.normal(&rng, layers) }.sorted()
        #expect(ZigguratTests.distance(sample, { 0.5 * erfc(-$0 / 2.0.squareRoot()) }) < ZigguratTests.critical)
        // Beyond ±3.654 lie 2.6e-4 of the draws: about 516.
        let beyond = sample.filter { abs($0) > Ziggurat.normalEdge }.count
        #expect(beyond > 440 && beyond < 590, "\(beyond) beyond the edges")
        // The tails keep their shape: 6.3e-5 beyond ±4, about 127 (the base layer alone would end at 3.9).
        let far = sample.filter { abs($0) > 4 }.count
        #expect(far > 90 && far < 165, "\(far) beyond ±4")
        let mean = sample.reduce(0, +) / Double(sample.count)
        let variance = sample.reduce(0) { $0 + $1 * $1 } / Double(sample.count) - mean * mean
        #expect(abs(mean) < 0.0024, "mean \(mean)")
        #expect(abs(variance - 1) < 0.0034, "variance \(variance)")
    }
}
