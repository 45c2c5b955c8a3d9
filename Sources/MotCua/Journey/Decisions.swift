// The dossier's decisions (docs/model.md §2.5): every random choice the journey makes about a
// dossier — refused or not, incomplete, scanned, paid online, withdrawn, asked to supplement,
// apologised, how its result goes back — is drawn from randomness keyed to the dossier and the
// decision, never from a stream shared with other dossiers. The draw is therefore the same
// whenever it is made, so a staffing change, which moves events in time, leaves every such
// decision of every dossier as it was (common random numbers). Service times stay on their
// office's stream.

/// The kinds of decision drawn for a dossier; each kind has its own randomness.
enum Decision: UInt64 {
    case priority = 1
    case refusal
    case incomplete
    case returnWithPapers
    case returnDelay
    case scanning
    case scanningTime
    case ePayment
    case cashTime
    case withdrawal
    case withdrawalDelay
    case lag
    case supplement
    case supplementDelay
    case apologyInTime
    case apologyLate
    case resultChannel
    case pickupDelay
    /// Documents already held are re-used (docs/model.md §6.5); added last so that the other
    /// kinds keep their keys.
    case reuse
    /// The home ward of a citizen not received at a ward desk (until motcua-model/6 drawn from
    /// one run-wide stream in arrival order).
    case homeWard
}

/// Randomness keyed to (run seed, decision, procedure, dossier serial, occurrence): a
/// counter-based generator, the SplitMix64 finaliser over a packed key. Distinct keys are
/// distinct positions of one SplitMix64 sequence, so draws never collide and need no state.
struct DecisionRandom: Sendable, BitwiseCopyable {
    private let base: UInt64

    init(seed: UInt64) {
        base = SplitMix64.mix(seed ^ 0x6A09_E667_F3BC_C908)
    }

    /// The packed key: serial in bits 0–31 (unique per dossier in a run), occurrence in 32–47
    /// (which desk visit, which stage and pass), decision in 48–52, procedure in 53–63 (the
    /// serial already tells dossiers apart; the procedure only separates scenarios' keys more).
    @inline(__always)
    private func key(_ decision: Decision, procedure: Int, serial: UInt32, occurrence: Int) -> UInt64 {
        let packed = UInt64(serial) | (UInt64(truncatingIfNeeded: occurrence) & 0xFFFF) << 32
            | decision.rawValue << 48 | (UInt64(truncatingIfNeeded: procedure) & 0x7FF) << 53
        return SplitMix64.mix(base &+ packed &* 0x9E37_79B9_7F4A_7C15)
    }

    /// A uniform number in (0, 1) for this decision of this dossier.
    @inline(__always)
    func unit(_ decision: Decision, procedure: Int, serial: UInt32, occurrence: Int = 0) -> Double {
        (Double(key(decision, procedure: procedure, serial: serial, occurrence: occurrence) >> 11) + 0.5) * 0x1.0p-53
    }

    /// A stream for sampling a distribution (a delay, a lag) for this decision of this dossier.
    /// - Complexity: O(1); seeding costs four SplitMix64 steps.
    @inline(__always)
    func stream(_ decision: Decision, procedure: Int, serial: UInt32, occurrence: Int = 0) -> RandomStream {
        RandomStream(seed: key(decision, procedure: procedure, serial: serial, occurrence: occurrence))
    }
}

extension SimulationRun {
    /// Whether the decision, taken with probability `share`, comes out yes for this dossier.
    @inline(__always)
    func decides(_ decision: Decision, _ share: Double, _ record: DossierRecord, occurrence: Int = 0) -> Bool {
        share > 0 && decisions.unit(decision, procedure: Int(record.procedure), serial: record.decisionKey,
                                    occurrence: occurrence) < share
    }

    /// A sample of `distribution` drawn for this decision of this dossier.
    @inline(__always)
    func sample(_ distribution: Sampler, for decision: Decision, of record: DossierRecord, occurrence: Int = 0) -> Double {
        var random = decisions.stream(decision, procedure: Int(record.procedure), serial: record.decisionKey,
                                      occurrence: occurrence)
        return distribution.sample(&random)
    }
}
