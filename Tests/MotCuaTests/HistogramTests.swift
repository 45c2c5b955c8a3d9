import Foundation
import Testing
@testable import MotCua

@Suite("Wait histogram")
struct HistogramTests {
    /// The exact nearest-rank quantile: the value of rank ⌈p·n⌉.
    static func exact(_ p: Double, of sorted: [Double]) -> Double {
        sorted[Swift.max(1, Int((p * Double(sorted.count)).rounded(.up))) - 1]
    }

    @Test("quantiles are within 0.4% of the exact ones", arguments: [0.5, 0.9, 0.99])
    func accuracy(_ p: Double) {
        var rng = RandomStream(seed: 77)
        var histogram = LogHistogram()
        var samples: [Double] = []
        for _ in 0..<50_000 {
            let x = Distribution.lognormal(mean: 10, sd: 8).sample(&rng)
            histogram.add(x)
            samples.append(x)
        }
        samples.sort()
        let exact = HistogramTests.exact(p, of: samples)
        let read = histogram.quantile(p)!
        #expect(abs(read - exact) / exact < 0.004, "histogram \(read) vs exact \(exact)")
        #expect(histogram.count == 50_000)
    }

    @Test("waits in two groups arriving day by day — short by day, long over night — are read right")
    func dayAndNightWaits() {
        // The shape of a desk's waits: most served the same day, some waiting overnight, in the
        // order of the days. A P² estimate of this (the estimator used before) was off by a factor
        // of 4 at the land branch; a histogram does not depend on the order.
        var rng = RandomStream(seed: 11)
        var histogram = LogHistogram()
        var samples: [Double] = []
        for _ in 0..<200 {
            for _ in 0..<100 { samples.append(5 * rng.nextUnit()); histogram.add(samples.last!) }
            for _ in 0..<15 { samples.append(900 + 300 * rng.nextUnit()); histogram.add(samples.last!) }
        }
        samples.sort()
        for p in [0.5, 0.8, 0.9, 0.95] {
            let exact = HistogramTests.exact(p, of: samples), read = histogram.quantile(p)!
            #expect(abs(read - exact) / exact < 0.004, "p = \(p): histogram \(read) vs exact \(exact)")
        }
    }

    @Test("zero waits count as zero, and no quantile lies above the largest wait")
    func zerosAndTop() {
        var histogram = LogHistogram()
        #expect(histogram.quantile(0.9) == nil)
        for _ in 0..<95 { histogram.add(0) }
        for _ in 0..<5 { histogram.add(10) }
        #expect(histogram.quantile(0.9) == 0)
        #expect(histogram.quantile(0.95) == 0)
        let top = histogram.quantile(0.96)!
        #expect(top <= 10 && top > 10 * 0.996, "\(top)")
        histogram.add(1e9)
        #expect(histogram.quantile(1) == 0x1p20)
    }

    @Test("every value lies in its bucket; the ends are clamped")
    func buckets() {
        #expect(LogHistogram.bucket(of: 0x1p-10) == 1)
        #expect(LogHistogram.bucket(of: 0x1p-10.nextDown) == 0)
        #expect(LogHistogram.bucket(of: 0) == 0)
        #expect(LogHistogram.bucket(of: -3) == 0)
        #expect(LogHistogram.bucket(of: 0x1p20) == LogHistogram.bucketCount - 1)
        #expect(LogHistogram.bucket(of: 0x1p20.nextDown) == LogHistogram.bucketCount - 2)
        #expect(LogHistogram.bucket(of: .infinity) == LogHistogram.bucketCount - 1)
        var rng = RandomStream(seed: 3)
        for _ in 0..<10_000 {
            let x = exp2(rng.nextUnit() * 30 - 10)
            let bucket = LogHistogram.bucket(of: x)
            let lower = LogHistogram.lowerBound(ofBucket: bucket), upper = LogHistogram.lowerBound(ofBucket: bucket + 1)
            #expect(lower <= x && x < upper && upper / lower < 1.008, "\(x) in [\(lower), \(upper))")
        }
    }
}

