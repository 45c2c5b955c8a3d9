/// A running FNV-1a digest of the events a run processes, in order.
///
/// Like JaamSim's event verification, but stored as one number: a test keeps the digest of a
/// small scenario, and any accidental change in event order — a nondeterministic iteration, a
/// changed tie-break — changes it at once. An intended change of the model changes it too;
/// then the stored digest is updated in the same commit, deliberately.
struct TraceDigest {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    mutating func add(_ event: Event) {
        mix(event.time.bitPattern)
        mix(UInt64(event.kind.rawValue) << 32 | UInt64(UInt32(bitPattern: event.target)))
        mix(UInt64(UInt32(bitPattern: event.dossier)))
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01B3
    }
}
