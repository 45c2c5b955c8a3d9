/// A streaming histogram of durations in minutes, with buckets of equal relative width, from
/// which the quantiles of waits are read.
///
/// Each doubling of the duration is split into 128 buckets, so a quantile read from the
/// histogram (the middle of its bucket) is within 0.4% of the exact one. Durations shorter
/// than 2⁻¹⁰ minute (0.06 s), zero included, count as 0; the histogram reaches up to 2²⁰
/// minutes (two years) and counts anything longer in its top bucket, read as 2²⁰.
///
/// Adding a value costs a few integer operations on its bit pattern, with no logarithm and no
/// branch on the value. Unlike a P² estimate, its error is bounded and the answer does not
/// depend on the order in which the values came.
public struct LogHistogram: ~Copyable {
    /// Buckets per doubling, as bits of the significand: 2⁷ = 128.
    static let significandBits = 7
    static let lowestExponent = -10
    static let highestExponent = 20
    /// Bucket 0 holds durations below 2⁻¹⁰, the last one those of 2²⁰ and more.
    static let bucketCount = (highestExponent - lowestExponent) << significandBits + 2
    /// The bit pattern of 2⁻¹⁰ shifted as the bucket keys are: the key of bucket 1.
    private static let firstKey = (1023 + lowestExponent) << significandBits
    private static let shift: UInt64 = 52 - UInt64(significandBits)

    private let counts = PlainBuffer<UInt32>(repeating: 0, count: bucketCount)
    /// Values added.
    public private(set) var count = 0
    /// The largest value added (0 when empty): no quantile is read above it.
    public private(set) var largest = 0.0

    /// An empty histogram.
    public init() {}

    /// The bucket of `minutes`. A negative value (a bug upstream) lands in bucket 0, NaN in the top one.
    @inline(__always)
    static func bucket(of minutes: Double) -> Int {
        // The sign, exponent and leading significand bits, read as a signed number, grow with
        // the value: negative values give negative keys.
        let key = Int(Int64(bitPattern: minutes.bitPattern) >> shift) - firstKey + 1
        return Swift.min(Swift.max(key, 0), bucketCount - 1)
    }

    /// The smallest value counted in `bucket` (≥ 1).
    static func lowerBound(ofBucket bucket: Int) -> Double {
        Double(bitPattern: UInt64(bucket - 1 + firstKey) << shift)
    }

    /// Counts one value.
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func add(_ minutes: Double) {
        counts[LogHistogram.bucket(of: minutes)] += 1
        count += 1
        largest = Swift.max(largest, minutes)
    }

    /// Adds every value counted in `other` (the histogram of all waits from those of each kind).
    public mutating func add(contentsOf other: borrowing LogHistogram) {
        for bucket in 0..<LogHistogram.bucketCount { counts[bucket] += other.counts[bucket] }
        count += other.count
        largest = Swift.max(largest, other.largest)
    }

    /// The `p`-quantile by nearest rank — the value of rank ⌈p·n⌉ among the n values, read as the
    /// middle of its bucket and never above the largest value — or `nil` when empty.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = Swift.min(count, Swift.max(1, Int((p * Double(count)).rounded(.up))))
        var below = 0
        var bucket = 0
        while below + Int(counts[bucket]) < rank {
            below += Int(counts[bucket])
            bucket += 1
        }
        if bucket == 0 { return 0 }
        let lower = LogHistogram.lowerBound(ofBucket: bucket)
        if bucket == LogHistogram.bucketCount - 1 { return lower }
        let middle = (lower + LogHistogram.lowerBound(ofBucket: bucket + 1)) / 2
        return Swift.min(middle, largest)
    }
}
