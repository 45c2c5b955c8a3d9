/// Counts of one procedure's dossiers in one run (dossiers that arrived after the warm-up).
public struct ProcedureTally: Sendable, Equatable {
    public var received = 0
    public var refused = 0
    public var finishedOnTime = 0
    public var finishedLate = 0
    /// Still in progress at the end, appointment not yet passed (or not yet accepted).
    public var inProgressNotDue = 0
    /// Still in progress at the end, appointment passed.
    public var inProgressOverdue = 0

    public init() {}

    /// Dossiers that count in the on-time rate: finished or still in progress (refused ones do not).
    public var processed: Int { finishedOnTime + finishedLate + inProgressNotDue + inProgressOverdue }
    /// Counted as on time by the national portal's rule.
    public var onTime: Int { finishedOnTime + inProgressNotDue }

    mutating func add(_ other: ProcedureTally) {
        received += other.received
        refused += other.refused
        finishedOnTime += other.finishedOnTime
        finishedLate += other.finishedLate
        inProgressNotDue += other.inProgressNotDue
        inProgressOverdue += other.inProgressOverdue
    }
}

/// Queue and staff figures of one office in one run.
public struct OfficeTally: Sendable, Equatable {
    /// Dossiers whose wait was recorded (service started, arrived after the warm-up).
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

    public init() {}

    /// Mean wait in minutes (0 when nothing was served).
    public var meanWait: Double { served > 0 ? waitSum / Double(served) : 0 }
    /// Busy share of the staff's open time.
    public var utilization: Double { availableMinutes > 0 ? busyMinutes / availableMinutes : 0 }
}

/// The dossier balance of a run: every dossier received is finished, refused, withdrawn or
/// still in progress. Counted independently (counters on one side, a scan of the dossiers
/// in progress on the other), so a lost or double-counted dossier shows.
public struct Conservation: Sendable, Equatable {
    public var received = 0
    public var finished = 0
    public var refused = 0
    public var withdrawn = 0
    public var inProgress = 0

    public init() {}

    /// Whether received = finished + refused + withdrawn + in progress.
    public var isBalanced: Bool { received == finished + refused + withdrawn + inProgress }
}

/// Everything one replication measured.
public struct RunResult: Sendable {
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
    /// The most dossiers in progress at once.
    public var peakInProgress: Int
}
