/// A fast, seedable pseudo-random stream (xoshiro256**, seeded through SplitMix64).
///
/// Every random source of a run — each arrival stream, each office's service times, each
/// routing decision — owns its own stream, derived from the run seed and the source's name
/// (``init(seed:stream:)``). Changing the staff of one office therefore never changes what
/// arrives: what-if runs share their random numbers (common random numbers).
public struct RandomStream: Sendable, BitwiseCopyable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a stream from a 64-bit seed.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// Creates the stream named `stream` of the run seeded with `seed`.
    ///
    /// The name is hashed with FNV-1a (stable across platforms and Swift versions, unlike
    /// `Hasher`), so the same name always yields the same stream.
    public init(seed: UInt64, stream: String) {
        self.init(seed: SplitMix64.mix(seed ^ StableHash.fnv1a(stream)))
    }

    /// The next 64 random bits.
    /// - Complexity: O(1), no allocation.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// A uniform number in the open interval (0, 1): never exactly 0 or 1, so `log(u)` is finite.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(by k: UInt64) -> UInt64 { (self << k) | (self >> (64 &- k)) }
}

/// SplitMix64, used to expand one seed into well-mixed generator states.
@usableFromInline
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeds of the replications of an experiment: replication `i` of seed `s` always gets the
/// same seed, whatever the number of replications or cores.
public func replicationSeed(runSeed: UInt64, replication: Int) -> UInt64 {
    SplitMix64.mix(runSeed &+ 0xA076_1D64_78BD_642F &* UInt64(replication + 1))
}
