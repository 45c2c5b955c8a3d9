/// What happens at an event.
enum EventKind: UInt8, Sendable, BitwiseCopyable {
    /// The next dossier of an arrival stream arrives (`target` = stream index).
    case arrival
    /// A staff member finishes working on a dossier (`target` = office index).
    case serviceDone
    /// A dossier reaches the office of its current step (`target` = office index).
    case reachOffice
    /// A dossier's waiting time without staff (a lag) is over.
    case lagDone
    /// An office working in sessions starts one (`target` = office index).
    case session
    /// An office's staff changes (`target` = office index, `dossier` = step of its staff plan).
    case staffChange
    /// A citizen withdraws an accepted dossier (`target` = the dossier's serial number, so a
    /// reused slot is not mistaken for it).
    case withdraw
    /// A citizen comes to the desk to collect a paper result (`target` = desk office index,
    /// `dossier` = the procedure's index: the dossier itself is finished).
    case pickup
    /// A citizen comes back with the papers the desk asked for (Form 02).
    case returnWithPapers
    /// A citizen hands in the supplement a processing office asked for; the deadline clock restarts.
    case supplementDone
}

/// One entry of the future-event list: a small value type, so the list is a flat array.
struct Event: Sendable, BitwiseCopyable {
    /// When it happens and its insertion number, as one number that orders events: the time's
    /// bits above, the sequence below. A run's times are never negative, and the bits of
    /// non-negative doubles order as the doubles do, so comparing keys compares (time,
    /// sequence) — in two machine instructions instead of the branches of a comparison of
    /// pairs, which mispredict on random times.
    let key: UInt128
    /// What happens.
    var kind: EventKind
    /// The office or arrival stream concerned.
    var target: Int32
    /// The dossier concerned, or -1 (for ``EventKind/staffChange``, the step of the staff plan).
    var dossier: Int32

    /// An event at `time` (≥ 0) with insertion number `sequence`.
    init(time: SimTime, sequence: UInt64, kind: EventKind, target: Int32, dossier: Int32) {
        assert(time >= 0, "events happen at non-negative times")
        // Adding zero turns a negative zero, whose bits would order it last, into zero.
        key = UInt128((time + 0).bitPattern) << 64 | UInt128(sequence)
        self.kind = kind
        self.target = target
        self.dossier = dossier
    }

    /// A free slot of the agenda, after every event (its key is the largest there is).
    static var vacant: Event { Event(key: .max) }

    @inline(__always)
    private init(key: UInt128) {
        self.key = key
        kind = .arrival
        target = 0
        dossier = -1
    }

    /// When it happens.
    var time: SimTime { SimTime(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }
    /// Insertion number: events at the same time happen in the order they were scheduled.
    var sequence: UInt64 { UInt64(truncatingIfNeeded: key) }

    /// Whether this event happens before `other`: earlier, or at the same time and scheduled first.
    @inline(__always)
    func precedes(_ other: Event) -> Bool { key < other.key }
}
