/// The state of one dossier (hồ sơ) in a run.
public struct DossierRecord: Sendable {
    /// Index of its procedure.
    public var procedure: Int32
    /// Current stage of the route (0 = desk check).
    public var stage: Int16
    /// Supplement requests received during processing.
    public var supplements: UInt8 = 0
    /// Whether the current stage's lag is over.
    public var lagDone = false
    /// Whether the current stage has already asked for a supplement.
    public var askedAtStage = false
    /// Submitted online.
    public var online: Bool
    /// Sent by post.
    public var postal = false
    /// In the priority lane at the desk.
    public var priority = false
    /// Counted in the statistics (arrived after the warm-up).
    public var counted: Bool
    /// Accepted at the desk (a receipt with an appointment date was issued).
    public var accepted = false
    /// Slot in use.
    public var alive = true
    /// Withdrawn by the citizen; the slot is released when the dossier's pending event or queue
    /// place is reached.
    public var withdrawn = false
    /// Components digitized at the desk.
    public var digitized = false
    /// Ward instance of the citizen, or -1.
    public var instance: Int32
    /// Number that tells this dossier from later ones reusing its slot.
    public var serial: UInt32 = 0
    /// Arrival time.
    public var arrivedAt: SimTime
    /// Appointment (due) time, or infinity before acceptance.
    public var dueAt: SimTime = .infinity
    /// When the deadline clock was stopped (supplement, tax office), or nan.
    public var pausedAt: SimTime = .nan

    public init(procedure: Int32, online: Bool, counted: Bool, instance: Int32, arrivedAt: SimTime) {
        self.procedure = procedure
        stage = 0
        self.online = online
        self.counted = counted
        self.instance = instance
        self.arrivedAt = arrivedAt
    }
}

/// All dossiers in progress, in a flat array whose slots are reused: memory grows with the
/// dossiers in progress, not with the dossiers simulated.
public struct DossierStore: Sendable {
    private(set) var records: [DossierRecord] = []
    private var freeSlots: [Int32] = []
    private var nextSerial: UInt32 = 0
    /// Dossiers currently in progress (withdrawn ones excluded).
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
        var record = record
        nextSerial &+= 1
        record.serial = nextSerial
        if let slot = freeSlots.popLast() {
            records[Int(slot)] = record
            return slot
        }
        records.append(record)
        return Int32(records.count - 1)
    }

    /// Releases a dossier that has left the system (finished or refused).
    @inline(__always)
    public mutating func remove(_ handle: Int32) {
        live -= 1
        release(handle)
    }

    /// Marks a dossier withdrawn: no longer in progress, but its slot stays taken until
    /// ``release(_:)``, because an event or a queue place still refers to it.
    public mutating func markWithdrawn(_ handle: Int32) {
        records[Int(handle)].withdrawn = true
        live -= 1
    }

    /// Frees the slot of a dossier no longer referred to by anything.
    @inline(__always)
    public mutating func release(_ handle: Int32) {
        records[Int(handle)].alive = false
        freeSlots.append(handle)
    }

    /// Access to a dossier by handle.
    @inline(__always)
    public subscript(handle: Int32) -> DossierRecord {
        get { records[Int(handle)] }
        _modify { yield &records[Int(handle)] }
    }

    /// Calls `body` for every dossier still in progress.
    public func forEachLive(_ body: (DossierRecord) -> Void) {
        for record in records where record.alive && !record.withdrawn { body(record) }
    }
}
