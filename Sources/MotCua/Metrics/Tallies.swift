/// Counts of one procedure's dossiers in one run (dossiers that arrived after the warm-up).
public struct ProcedureTally: Sendable, Equatable, Codable, BitwiseCopyable {
    public var received = 0
    /// Dossiers in progress at the start of the horizon (backlog).
    public var backlog = 0
    public var refused = 0
    public var withdrawn = 0
    public var accepted = 0
    public var finishedOnTime = 0
    public var finishedLate = 0
    /// Still in progress at the end, appointment not yet passed (or not yet accepted).
    public var inProgressNotDue = 0
    /// Still in progress at the end, appointment passed.
    public var inProgressOverdue = 0
    /// Of the opening backlog (included in the counts above), the dossiers on time: finished by
    /// their appointment, or not yet due at the end. Reported apart from the dossiers received
    /// in the horizon, whose appointment the simulation set itself.
    public var backlogOnTime = 0
    /// Of the opening backlog, the dossiers late: finished after their appointment, or overdue
    /// at the end.
    public var backlogLate = 0
    /// Desk checks that found the dossier incomplete (Form 02).
    public var incomplete = 0
    /// Supplement requests during processing.
    public var supplementRequests = 0
    /// Dossiers counted late only because they were asked to supplement more than once: they
    /// finished, or are still in progress at the end, before their appointment.
    public var lateByRepeatedSupplements = 0
    /// Apologies (Form 04) sent, in time or late; only dossiers past their appointment get one.
    public var apologiesSent = 0
    /// Dossiers past their appointment whose apology was sent in time (docs/model.md §5).
    public var lateApologisedOnTime = 0
    /// Dossiers past their appointment apologised only after it had passed.
    public var lateApologisedLate = 0
    /// Dossiers past their appointment never apologised.
    public var lateNotApologised = 0
    /// Apologised-in-time dossiers finished by their new date.
    public var newDateMet = 0
    /// Apologised-in-time dossiers that finished after their new date, or are still in
    /// progress past it at the end: a second breach.
    public var newDateMissed = 0
    /// Apologised-in-time dossiers still in progress at the end, their new date not yet passed.
    public var newDatePending = 0
    public var online = 0
    public var postal = 0
    public var digitized = 0
    public var feePaying = 0
    public var ePaid = 0
    public var resultsElectronic = 0
    public var resultsPostal = 0
    public var resultsAtDesk = 0
    /// Accepted dossiers of procedures with a re-use rule (docs/model.md §6.5).
    public var reuseEligible = 0
    /// Of those, dossiers whose citizen was not asked again for documents already held.
    public var reused = 0
    /// Dossiers of the opening backlog finished within the horizon (docs/model.md §7.5).
    public var backlogFinished = 0
    /// Citizens who gave up in a desk queue before their dossier was taken, or whose patience
    /// ran out overnight while the desk was closed ("sent home at closing"): withdrawn, and so
    /// outside the on-time rate; the desk guard (``DeskGuard``) watches their share.
    public var gaveUpAtDesk = 0
    /// Online and postal dossiers still waiting for their first desk check at the end: no
    /// receipt, no appointment (docs/model.md §7.1). In `inProgressNotDue` or, when past the
    /// deadline counted from their submission, in `inProgressOverdue`.
    public var awaitingDeskCheck = 0
    /// Of ``awaitingDeskCheck``, those past the deadline counted from their submission: overdue.
    public var awaitingDeskCheckOverdue = 0
    /// The summed age of the ``awaitingDeskCheck`` dossiers at the end, in wall-clock minutes
    /// since their submission (their mean age is this ÷ their count).
    public var awaitingDeskCheckMinutes = 0

    public init() {}

    /// Dossiers that count in the on-time rate: finished or still in progress (refused and
    /// withdrawn ones do not).
    public var processed: Int { finishedOnTime + finishedLate + inProgressNotDue + inProgressOverdue }
    /// Dossiers received, and those in progress when the horizon started (the denominator of
    /// the withdrawn share).
    public var receivedOrBacklog: Int { received + backlog }
    /// Dossiers received from citizens who came to a desk in person (not online or by post):
    /// the citizens who could give up in a desk's line, the desk guard's denominator (§7.6).
    public var receivedInPerson: Int { received - online - postal }
    /// Counted as on time by the national portal's rule.
    public var onTime: Int { finishedOnTime + inProgressNotDue }
    /// Late dossiers (finished late or overdue in progress).
    public var late: Int { finishedLate + inProgressOverdue }
    /// Results returned, by any channel.
    public var results: Int { resultsElectronic + resultsPostal + resultsAtDesk }
    /// Late dossiers whose appointment actually passed (the ones an apology is owed for; the
    /// others are late only because they were asked to supplement more than once).
    public var pastDue: Int { lateApologisedOnTime + lateApologisedLate + lateNotApologised }

    /// Adds `o`'s counts to these, counter by counter.
    ///
    /// Every stored property is an `Int` counter (``TallyTests`` checks it), so the tally is
    /// added as the array of `Int`s it is laid out as: a new counter is one declaration, and
    /// cannot be forgotten here.
    mutating func add(_ o: ProcedureTally) {
        withUnsafeMutableBytes(of: &self) { mine in
            withUnsafeBytes(of: o) { theirs in
                for offset in stride(from: 0, to: mine.count, by: MemoryLayout<Int>.stride) {
                    let sum = mine.load(fromByteOffset: offset, as: Int.self)
                        + theirs.load(fromByteOffset: offset, as: Int.self)
                    mine.storeBytes(of: sum, toByteOffset: offset, as: Int.self)
                }
            }
        }
    }
}

/// The waits of one kind at one office in one run (minutes, wall clock): how many, their sum,
/// sum of squares, largest and 90th percentile.
public struct WaitTally: Sendable, Equatable, Codable {
    /// Waits recorded (service started, arrived after the warm-up).
    public var count = 0
    public var sum = 0.0
    public var sumOfSquares = 0.0
    /// The longest wait (0 when none).
    public var max = 0.0
    /// The 90th percentile (within 0.4%, see ``LogHistogram``), nil when none was recorded.
    public var p90: Double?

    public init() {}

    /// Mean wait in minutes (0 when none).
    public var mean: Double { count > 0 ? sum / Double(count) : 0 }

    /// Counts one wait (the percentile is read from a histogram kept beside it).
    @inline(__always)
    mutating func add(_ wait: Double) {
        count += 1
        sum += wait
        sumOfSquares += wait * wait
        if wait > max { max = wait }
    }
}

/// Queue and staff figures of one office in one run.
///
/// Two waits are told apart, because they differ by orders of magnitude and answer different
/// questions: ``lineWait``, the citizen's wait in line (in person at a desk, from joining the
/// queue to being served, usually minutes), and ``trayWait``, the dossier's wait in the office's
/// tray (online, postal, forwarded or awaiting a signing session, from reaching the office to
/// the start of its work, nights and weekends included). The `served`, `waitSum`, `waitMax` and
/// `waitP90` figures are both together.
public struct OfficeTally: Sendable, Equatable, Codable {
    /// Dossiers whose wait was recorded (service started, arrived after the warm-up), both kinds.
    public var served = 0
    public var waitSum = 0.0
    public var waitSumOfSquares = 0.0
    public var waitMax = 0.0
    /// Staff-minutes worked while open.
    public var busyMinutes = 0.0
    /// Staff-minutes available while open.
    public var availableMinutes = 0.0
    /// Dossiers waiting in the queue at the end.
    public var queueAtEnd = 0
    /// Citizens who left the queue before being served.
    public var abandoned = 0
    /// Dossiers waiting in the queue at the end of each day.
    public var waitingByDay: [Int32] = []
    /// Citizens counted who queued in person, by day of arrival (desks with a patience only;
    /// empty elsewhere).
    public var inPersonByDay: [Int32] = []
    /// Of them, those who gave up (left the queue or were sent home at closing), by day of arrival.
    public var gaveUpByDay: [Int32] = []
    /// The 90th percentile of the wait in minutes (within 0.4%, see ``LogHistogram``), nil when
    /// nothing was served.
    public var waitP90: Double?
    /// Waits of citizens queueing in person, by the hour of the day of arrival: count and sum
    /// (minutes), 24 entries each.
    public var waitCountByHour = [Int](repeating: 0, count: 24)
    public var waitSumByHour = [Double](repeating: 0, count: 24)
    /// The citizen's wait in line: entries queueing in person at a desk (handing in a dossier
    /// or collecting a result).
    public var lineWait = WaitTally()
    /// The dossier's wait in the office's tray: every other entry (online and postal dossiers,
    /// forwarded dossiers, dossiers awaiting a signing session).
    public var trayWait = WaitTally()

    public init() {}

    /// Mean wait in minutes (0 when nothing was served).
    public var meanWait: Double { served > 0 ? waitSum / Double(served) : 0 }
    /// Busy share of the staff's open time.
    public var utilization: Double { availableMinutes > 0 ? busyMinutes / availableMinutes : 0 }
}

/// The dossier balance of a run: every dossier received (or in the opening backlog) is
/// finished, refused, withdrawn or still in progress. Counted independently (counters on one
/// side, a scan of the dossiers in progress on the other), so a lost or double-counted
/// dossier shows.
public struct Conservation: Sendable, Equatable, Codable {
    /// Dossiers already in progress at the start.
    public var backlog = 0
    public var received = 0
    public var finished = 0
    public var refused = 0
    public var withdrawn = 0
    public var inProgress = 0

    public init() {}

    /// Whether backlog + received = finished + refused + withdrawn + in progress.
    public var isBalanced: Bool { backlog + received == finished + refused + withdrawn + inProgress }
}

/// Everything one replication measured.
public struct RunResult: Sendable, Codable, Equatable {
    /// Seed of this replication.
    public var seed: UInt64
    /// Per procedure, in scenario order.
    public var procedures: [ProcedureTally]
    /// Per office, in ``SimulationModel/offices`` order.
    public var offices: [OfficeTally]
    /// The dossier balance (all dossiers, warm-up included).
    public var conservation: Conservation
    /// Events processed.
    public var events: Int
    /// A digest of every processed event (time, kind, office or stream, dossier) in order: any
    /// change in the order of events changes it (see ``TraceDigest``).
    public var traceDigest: UInt64
    /// The most dossiers in progress at once.
    public var peakInProgress: Int
    /// Dossiers received on each day of the horizon (all dossiers, warm-up included).
    public var receivedPerDay: [Int32]
    /// Dossiers finished on each day.
    public var finishedPerDay: [Int32]
    /// Dossiers in progress at the end of each day (the backlog over time).
    public var inProgressPerDay: [Int32]
    /// Of those, the ones overdue by the rule of the report's overdue count (docs/model.md §7.1).
    public var overduePerDay: [Int32]
    /// Of those, the ones still at a desk (waiting for the check or being checked).
    public var atDeskPerDay: [Int32]
    /// Dossiers refused at the desk check on each day.
    public var refusedPerDay: [Int32]
    /// Dossiers withdrawn on each day (a citizen gone from a queue counted on the day they left),
    /// so that in progress(t) = in progress(t−1) + received − finished − refused − withdrawn.
    public var withdrawnPerDay: [Int32]
    /// Per procedure, where the time of the finished dossiers went (docs/model.md §12).
    public var breakdowns: [BreakdownTally]
    /// Per unit and field, unit after unit (``UnitFieldTally``), in city-scale scenarios only
    /// (``SimulationModel/collectsUnitFigures``); nil otherwise, so that the results of smaller
    /// scenarios are what they were.
    public var units: [UnitFieldTally]? = nil

    /// Unit `unit`'s on-time rate over `fields` in this replication (on time ÷ on time and late,
    /// as the portal counts them), with `fieldCount` fields a unit; nan when it counted none, or
    /// when the run kept no unit figures of that size. One place for the staffing search per unit
    /// and compare's unit changes.
    func unitOnTimeRate(unit: Int, fields: [Int], fieldCount: Int) -> Double {
        guard let units, (unit + 1) * fieldCount <= units.count else { return .nan }
        var onTime = 0, late = 0
        for f in fields {
            onTime += units[unit * fieldCount + f].onTime
            late += units[unit * fieldCount + f].late
        }
        return onTime + late > 0 ? Double(onTime) / Double(onTime + late) : .nan
    }
}

/// The counted dossiers of one unit's residents in one field, as the portal counts them:
/// on time = finished on time or in progress not yet due; late = the rest.
public struct UnitFieldTally: Sendable, Equatable, Codable, BitwiseCopyable {
    public var received = 0
    public var online = 0
    public var onTime = 0
    public var late = 0

    public init() {}
}
