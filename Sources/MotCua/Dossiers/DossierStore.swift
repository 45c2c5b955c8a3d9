/// The state of one dossier (hồ sơ) in a run.
struct DossierRecord: Sendable, BitwiseCopyable {
    /// Index of its procedure.
    var procedure: Int32
    /// Current stage of the route (0 = desk check).
    var stage: Int16
    /// Supplement requests received during processing.
    var supplements: UInt8 = 0
    /// Desk checks done so far (a citizen sent away for missing papers is checked again).
    var deskChecks: UInt8 = 0
    /// The yes-or-no facts (``lagDone`` … ``stageSigns``), one bit each: as thirteen `Bool`s they
    /// took the bytes that now hold the clock's position and top step, which the kernel reads
    /// at every change of state (in the record's cache line, not the clock's).
    private var flags: UInt16 = Flag.alive
    /// Day of the horizon on which the desk received it (``DossierRecord/notReceived`` for the
    /// opening backlog): the dated rules in force that day apply to it (docs/model.md §11). A
    /// horizon has at most 36,600 days.
    var receivedDay: UInt16 = DossierRecord.notReceived
    static let notReceived = UInt16.max
    /// The dossier's number among its procedure's dossiers (backlog ones in their own range),
    /// which keys its decisions (``DecisionRandom``): it depends on that procedure's arrival
    /// stream alone, so a change in another procedure's volume or channels leaves every draw of
    /// this one as it was (docs/model.md §2.5).
    var decisionKey: UInt32 = 0
    /// Ward instance of the citizen, or -1.
    var instance: Int32
    /// The desk where the dossier was filed (an office index), or -1 for its own unit's desk
    /// (filing anywhere, docs/model.md §13.2).
    var desk: Int32 = -1
    /// The dossier's number in the run, which keys its decisions (``DecisionRandom``) and tells
    /// it from later dossiers reusing its slot: received dossiers are numbered from 1 in order
    /// of arrival, which depends on the arrival streams alone, so the number stays when staffing
    /// changes; opening-backlog dossiers are numbered from ``DossierStore/firstBacklogSerial``.
    var serial: UInt32 = 0
    /// The time breakdown's step (stage and part) that consumed most of the deadline so far:
    /// its seconds, its stage (< 0 when none) and the part's position in ``TimePart/stepParts``
    /// (docs/model.md §12; the rest of the clock is ``DossierClock``).
    var topSeconds: Int32 = 0
    /// Arrival time.
    var arrivedAt: SimTime
    /// Appointment (due) time, or infinity before acceptance.
    var dueAt: SimTime = .infinity
    /// When the deadline clock was stopped (supplement, tax office), or nan.
    var pausedAt: SimTime = .nan
    var topStage: Int16 = -1
    var topPart: UInt8 = 0
    /// The ``TimePart`` (raw value) the time since the clock's mark belongs to.
    var clockPart = UInt8(TimePart.deskQueue.rawValue)
    /// The low 32 bits of the legal working second at which an office started its work on the
    /// dossier, while ``workStartPending``: the start is charged to the clock at the dossier's
    /// next change of state (``RunContext/clockWorkStarts(_:)``). In the record's last four
    /// bytes, which were padding: the record stays one cache line.
    var workStartSecond: UInt32 = 0

    /// Bits of ``flags``.
    private enum Flag {
        static let lagDone: UInt16 = 1 << 0
        static let askedAtStage: UInt16 = 1 << 1
        static let online: UInt16 = 1 << 2
        static let postal: UInt16 = 1 << 3
        static let priority: UInt16 = 1 << 4
        static let counted: UInt16 = 1 << 5
        static let accepted: UInt16 = 1 << 6
        static let alive: UInt16 = 1 << 7
        static let withdrawn: UInt16 = 1 << 8
        static let digitized: UInt16 = 1 << 9
        static let backlog: UInt16 = 1 << 10
        static let ePaid: UInt16 = 1 << 11
        static let reused: UInt16 = 1 << 12
        static let stageSigns: UInt16 = 1 << 13
        static let workStartPending: UInt16 = 1 << 14
    }

    @inline(__always)
    private func has(_ bit: UInt16) -> Bool { flags & bit != 0 }

    @inline(__always)
    private mutating func set(_ bit: UInt16, _ value: Bool) { flags = value ? flags | bit : flags & ~bit }

    /// Whether the current stage's lag is over.
    var lagDone: Bool { get { has(Flag.lagDone) } set { set(Flag.lagDone, newValue) } }
    /// Whether the current stage has already asked for a supplement.
    var askedAtStage: Bool { get { has(Flag.askedAtStage) } set { set(Flag.askedAtStage, newValue) } }
    /// Submitted online.
    var online: Bool { get { has(Flag.online) } set { set(Flag.online, newValue) } }
    /// Sent by post.
    var postal: Bool { get { has(Flag.postal) } set { set(Flag.postal, newValue) } }
    /// In the priority lane at the desk.
    var priority: Bool { get { has(Flag.priority) } set { set(Flag.priority, newValue) } }
    /// Counted in the statistics (arrived after the warm-up).
    var counted: Bool { get { has(Flag.counted) } set { set(Flag.counted, newValue) } }
    /// Accepted at the desk (a receipt with an appointment date was issued).
    var accepted: Bool { get { has(Flag.accepted) } set { set(Flag.accepted, newValue) } }
    /// Slot in use.
    var alive: Bool { get { has(Flag.alive) } set { set(Flag.alive, newValue) } }
    /// Withdrawn by the citizen; the slot is released when the dossier's pending event or queue
    /// place is reached.
    var withdrawn: Bool { get { has(Flag.withdrawn) } set { set(Flag.withdrawn, newValue) } }
    /// Electronic once received: filed online, or its components scanned at the desk.
    var digitized: Bool { get { has(Flag.digitized) } set { set(Flag.digitized, newValue) } }
    /// In the opening backlog (in progress when the horizon started).
    var backlog: Bool { get { has(Flag.backlog) } set { set(Flag.backlog, newValue) } }
    /// Pays its fee electronically (decided when accepted; for the dossier log).
    var ePaid: Bool { get { has(Flag.ePaid) } set { set(Flag.ePaid, newValue) } }
    /// Re-uses documents already held (decided when accepted; for the dossier log).
    var reused: Bool { get { has(Flag.reused) } set { set(Flag.reused, newValue) } }
    /// Whether the current stage's office works in sessions (its wait is for a signing session).
    var stageSigns: Bool { get { has(Flag.stageSigns) } set { set(Flag.stageSigns, newValue) } }
    /// Whether an office started work at ``workStartSecond`` and the clock is not yet charged for it.
    var workStartPending: Bool { get { has(Flag.workStartPending) } set { set(Flag.workStartPending, newValue) } }

    init(procedure: Int32, online: Bool, counted: Bool, instance: Int32, arrivedAt: SimTime) {
        self.procedure = procedure
        stage = 0
        self.instance = instance
        self.arrivedAt = arrivedAt
        self.online = online
        self.counted = counted
    }
}

/// All dossiers in progress, in a flat buffer whose slots are reused: memory grows with the
/// dossiers in progress, not with the dossiers simulated.
struct DossierStore: ~Copyable {
    private var records = PlainBuffer<DossierRecord>(
        repeating: DossierRecord(procedure: 0, online: false, counted: false, instance: -1, arrivedAt: 0), count: 256)
    /// Slots in use or released, from the start of `records`.
    private var used = 0
    /// Released slots, reused last-in first-out; the first `freeCount` entries are valid.
    private var freeSlots = PlainBuffer<Int32>(repeating: 0, count: 256)
    /// Each slot's clock (docs/model.md §12), beside the records rather than in them: the
    /// journey copies a record at every event, and the clock is read only where time is charged.
    private var clocks = PlainBuffer<DossierClock>(repeating: DossierClock(), count: 256)
    private var freeCount = 0
    private var lastArrivalSerial: UInt32 = 0
    /// Dossiers numbered so far per procedure (received at even, backlog at odd positions).
    private var perProcedureCount: [UInt32] = []
    private var lastBacklogSerial = DossierStore.firstBacklogSerial - 1
    /// Serials from here on belong to the opening backlog (received dossiers stay below it,
    /// up to 2³¹ − 1 per run).
    static let firstBacklogSerial: UInt32 = 1 << 31
    /// Dossiers currently in progress (withdrawn ones excluded).
    private(set) var live = 0
    /// The most dossiers in progress at once.
    private(set) var peakLive = 0

    init() {}

    /// Stores a new dossier, numbers it (``DossierRecord/serial``; an opening-backlog dossier in
    /// its own range) and returns its handle.
    /// - Complexity: amortized O(1).
    @inline(__always)
    mutating func add(_ record: DossierRecord) -> Int32 {
        live += 1
        if live > peakLive { peakLive = live }
        var record = record
        let procedure = Int(record.procedure) * 2 + (record.backlog ? 1 : 0)
        if procedure >= perProcedureCount.count { perProcedureCount += Array(repeating: 0, count: procedure + 1 - perProcedureCount.count) }
        perProcedureCount[procedure] &+= 1
        record.decisionKey = (record.backlog ? DossierStore.firstBacklogSerial : 0) | perProcedureCount[procedure]
        if record.backlog {
            lastBacklogSerial &+= 1
            record.serial = lastBacklogSerial
        } else {
            lastArrivalSerial &+= 1
            record.serial = lastArrivalSerial
        }
        if freeCount > 0 {
            freeCount -= 1
            let slot = freeSlots[freeCount]
            records[Int(slot)] = record
            clocks[Int(slot)] = DossierClock()
            return slot
        }
        // By half, not double: the slack and the copy while growing are a large share of a
        // run's memory when millions of dossiers are in progress (RunLimits).
        if used == records.count {
            records.grow(to: used + Swift.max(used / 2, 256), filling: record)
            clocks.grow(to: records.count, filling: DossierClock())
        }
        records[used] = record
        clocks[used] = DossierClock()
        used += 1
        return Int32(used - 1)
    }

    /// Makes room for `extra` more dossiers at once (the opening backlog), and a quarter more
    /// for those that arrive meanwhile, so that the buffer does not grow by steps past them
    /// (each step copies it, with the old and the new buffer alive together).
    /// - Complexity: O(slots in use).
    mutating func reserve(_ extra: Int) {
        let needed = used + Swift.max(0, extra - freeCount)
        if needed > records.count {
            let needed = needed + needed / 4
            records.grow(to: needed, filling: DossierRecord(procedure: 0, online: false, counted: false, instance: -1, arrivedAt: 0))
            clocks.grow(to: needed, filling: DossierClock())
        }
    }

    /// Releases a dossier that has left the system (finished or refused).
    @inline(__always)
    mutating func remove(_ handle: Int32) {
        live -= 1
        release(handle)
    }

    /// Marks a dossier withdrawn: no longer in progress, but its slot stays taken until
    /// ``release(_:)``, because an event or a queue place still refers to it.
    mutating func markWithdrawn(_ handle: Int32) {
        records[Int(handle)].withdrawn = true
        live -= 1
    }

    /// Frees the slot of a dossier no longer referred to by anything.
    @inline(__always)
    mutating func release(_ handle: Int32) {
        records[Int(handle)].alive = false
        if freeCount == freeSlots.count { freeSlots.grow(to: 2 * freeCount, filling: 0) }
        freeSlots[freeCount] = handle
        freeCount += 1
    }

    /// Access to a dossier by handle.
    @inline(__always)
    subscript(handle: Int32) -> DossierRecord {
        unsafeAddress { UnsafePointer(records.address(Int(handle))) }
        nonmutating unsafeMutableAddress { records.address(Int(handle)) }
    }

    /// The clock of a dossier (docs/model.md §12), where it lies; valid until the next ``add(_:)``.
    @inline(__always)
    func clock(_ handle: Int32) -> UnsafeMutablePointer<DossierClock> {
        clocks.address(Int(handle))
    }

    /// Calls `body` for every dossier still in progress, in slot order.
    func forEachLive(_ body: (DossierRecord) -> Void) {
        forEachLiveWithHandle { _, record in body(record) }
    }

    /// Calls `body` with the handle and record of every dossier still in progress, in slot order.
    func forEachLiveWithHandle(_ body: (Int32, DossierRecord) -> Void) {
        for slot in 0..<used {
            let record = records[slot]
            if record.alive && !record.withdrawn { body(Int32(slot), record) }
        }
    }
}
