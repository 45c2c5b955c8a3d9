/// Virtual time: minutes since 00:00 of the first day of the horizon.
public typealias SimTime = Double

/// What happens at an event.
public enum EventKind: UInt8, Sendable {
    /// The next dossier of an arrival stream arrives (`target` = stream index).
    case arrival
    /// A staff member finishes working on a dossier (`target` = office index).
    case serviceDone
    /// A dossier reaches the office of its current step (`target` = office index).
    case reachOffice
    /// A dossier's waiting time without staff (a lag) is over.
    case lagDone
    /// The end of the horizon: the run stops here.
    case horizonEnd
}

/// One entry of the future-event list: a small value type, so the list is a flat array.
public struct Event: Sendable {
    /// When it happens.
    public var time: SimTime
    /// Insertion number: events at the same time happen in the order they were scheduled.
    public var sequence: UInt64
    /// What happens.
    public var kind: EventKind
    /// The office or arrival stream concerned.
    public var target: Int32
    /// The dossier concerned, or -1.
    public var dossier: Int32

    @inline(__always)
    func precedes(_ other: Event) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}
