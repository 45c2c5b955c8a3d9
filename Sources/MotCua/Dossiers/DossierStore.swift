/// The state of one dossier (hồ sơ) in a run.
public struct DossierRecord: Sendable {
    /// Index of its procedure.
    public var procedure: Int32
    /// Current stage of the route (0 = desk check).
    public var stage: Int16
    /// Whether the current stage's lag is over.
    public var lagDone: Bool
    /// Submitted online.
    public var online: Bool
    /// Counted in the statistics (arrived after the warm-up).
    public var counted: Bool
    /// Accepted at the desk (a receipt with an appointment date was issued).
    public var accepted: Bool
    /// Slot in use.
    public var alive: Bool
    /// Ward instance of the citizen, or -1.
    public var instance: Int32
    /// Arrival time.
    public var arrivedAt: SimTime
    /// Appointment (due) time, or infinity before acceptance.
    public var dueAt: SimTime
}

/// All dossiers in progress, in a flat array whose slots are reused: memory grows with the
/// dossiers in progress, not with the dossiers simulated.
public struct DossierStore: Sendable {
    private(set) var records: [DossierRecord] = []
    private var freeSlots: [Int32] = []
    /// Dossiers currently in progress.
    public private(set) var live = 0
    /// The most dossiers in progress at once.
    public private(set) var peakLive = 0

    public init() {}

    /// Stores a new dossier and returns its handle.
    /// - Complexity: amortized O(1).
    @inline(__always)
    public mutating func add(_ record: DossierRecord) -> Int32 {
        live += 1
        if live > peakLive { peakLive = live }
        if let slot = freeSlots.popLast() {
            records[Int(slot)] = record
            return slot
        }
        records.append(record)
        return Int32(records.count - 1)
    }

    /// Releases a dossier that has left the system.
    @inline(__always)
    public mutating func remove(_ handle: Int32) {
        records[Int(handle)].alive = false
        freeSlots.append(handle)
        live -= 1
    }

    /// Access to a dossier by handle.
    @inline(__always)
    public subscript(handle: Int32) -> DossierRecord {
        get { records[Int(handle)] }
        _modify { yield &records[Int(handle)] }
    }

    /// Calls `body` for every dossier still in progress.
    public func forEachLive(_ body: (DossierRecord) -> Void) {
        for record in records where record.alive { body(record) }
    }
}
