import Foundation

/// A run's invariant was broken: a bug in the simulator, never a property of the scenario.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    /// What was found.
    public let message: String
    public var description: String { message }
}

extension SimulationError {
    /// The run's task was cancelled (the workbench's cancel button): not a broken invariant.
    public static let cancelled = SimulationError(message: "the run was cancelled")

    /// Whether this is ``cancelled``.
    public var isCancellation: Bool { message == SimulationError.cancelled.message }

    /// An error with `message`, for code outside the library that runs experiments (the workbench).
    public init(_ message: String) { self.init(message: message) }
}

/// One replication of a scenario: the discrete-event scheduler.
///
/// The scheduler is an actor on the run's ``RunExecutor``; it pops events from the agenda in
/// (time, sequence) order and hands each to the step of the dossier's journey (the files of
/// `Journey/`, the flow of docs/model.md §2–§6) or to the office it concerns. It holds what
/// the journey reads at every event; it decides nothing about a dossier itself.
/// Like ``Office``, its mutable state skips the runtime's overlapping-access checks, which
/// actor isolation makes redundant.
actor SimulationRun {
    /// The run's shared executor.
    nonisolated let unownedExecutor: UnownedSerialExecutor
    /// Kept alive here: `unownedExecutor` does not retain it.
    private let executor: RunExecutor
    let context: RunContext
    let model: SimulationModel
    let offices: [Office]
    let seed: UInt64

    // What the journey reads at every event, laid out as plain values (copied from the model,
    // which the run keeps alive), so that reading them never counts references. Internal, not
    // private, only because the journey's steps are extensions in their own files.
    let officeRefs: PlainBuffer<Unretained<Office>>
    let procedures: PlainBuffer<ProcedureModel>
    let stages: PlainBuffer<StageModel>
    let stageOffices: PlainBuffer<Int32>
    let streams: PlainBuffer<ArrivalStream>
    /// The schedule of each office.
    let officeSchedules: PlainBuffer<Unretained<OfficeSchedule>>
    /// The legal calendar's office hours (see ``SimulationModel/legalSchedule``).
    let legal: Unretained<OfficeSchedule>
    let cumulativeRates: PlainBuffer<Unretained<CumulativeRate>>
    /// Whether each office works in sessions (its queue is a wait for a signing session).
    let signsInSessions: PlainBuffer<Bool>
    let calendar: WorkingCalendar
    let policies: PolicySpec
    let horizonEnd: SimTime
    let warmUpEnd: SimTime

    let arrivalRandom: PlainBuffer<RandomStream>
    /// Where each stream's arrivals have got to on its cumulative rate.
    let arrivalCursors: PlainBuffer<ArrivalCursor>
    /// The exponential's ziggurat, for the gaps between arrivals.
    let exponentialLayers = Ziggurat.exponentialTables.layers
    /// The randomness of every decision about a dossier, keyed to the dossier (see
    /// ``DecisionRandom``): the same draws whatever the staffing.
    let decisions: DecisionRandom
    /// Service times of each office: one stream per office.
    let serviceRandom: PlainBuffer<RandomStream>
    let instanceCumulative: PlainBuffer<Double>
    /// A dossier waiting to be handed to an office (see ``deliver()``).
    @exclusivity(unchecked) var pending: OfficeRequest?

    struct OfficeRequest {
        let office: Int32
        let dossier: Int32
        let work: Double
        let priority: Bool
        let inPerson: Bool
    }

    /// Prepares a replication of `model` with `seed` (see ``replicationSeed(runSeed:replication:)``).
    /// - Parameter log: where to stream the per-dossier log of this replication, if anywhere.
    init(model: SimulationModel, seed: UInt64, executor: RunExecutor = RunExecutor(), log: DossierLog? = nil) {
        unownedExecutor = executor.asUnownedSerialExecutor()
        self.executor = executor
        let context = RunContext(model: model)
        context.log = log
        log?.codePrefix = DossierLog.codePrefix(of: model.scenario.name)
        self.context = context
        self.model = model
        self.seed = seed
        let offices = model.offices.map { Office(model: $0, context: context, executor: executor, seed: seed) }
        self.offices = offices
        officeRefs = PlainBuffer(offices.map(Unretained.init))
        procedures = PlainBuffer(model.procedures)
        stages = PlainBuffer(model.stages)
        stageOffices = PlainBuffer(model.stageOffices)
        streams = PlainBuffer(model.streams)
        officeSchedules = PlainBuffer(model.offices.map { Unretained(model.schedules[$0.schedule]) })
        legal = Unretained(model.legalSchedule)
        cumulativeRates = PlainBuffer(model.cumulativeRates.map(Unretained.init))
        signsInSessions = PlainBuffer(model.offices.map { !$0.sessions.isEmpty })
        calendar = model.calendar
        policies = model.scenario.policies
        horizonEnd = model.horizonEnd
        warmUpEnd = model.warmUpEnd
        arrivalRandom = PlainBuffer(model.streamNames.map { RandomStream(seed: seed, stream: $0) })
        arrivalCursors = PlainBuffer(repeating: ArrivalCursor(), count: model.streams.count)
        serviceRandom = PlainBuffer(model.offices.map { RandomStream(seed: seed, stream: "service/\($0.id)") })
        decisions = DecisionRandom(seed: seed)
        var running = 0.0
        let total = model.instanceWeights.reduce(0, +)
        instanceCumulative = PlainBuffer(model.instanceWeights.map { running += $0; return running / total })
    }

    /// Calls `body` in the isolation of office `index` (see ``Actor/onSharedExecutor(_:_:)``).
    @inline(__always)
    func withOffice<Argument, Result>(_ index: Int32, _ argument: Argument,
                                              _ body: @escaping (isolated Office, Argument) -> Result) -> Result {
        officeRefs[Int(index)].use { $0.onSharedExecutor(argument, body) }
    }

    /// Hands the pending dossier to its office's queue once the event's own steps are done, so
    /// that what the office schedules comes after them (the order the stored trace digests fix).
    /// The journey's steps leave at most one such hand-over per event.
    @inline(__always)
    func deliver() {
        guard let request = pending else { return }
        pending = nil
        withOffice(request.office, request) { office, request in
            office.receive(dossier: request.dossier, work: request.work, priority: request.priority,
                           inPerson: request.inPerson)
        }
    }

    // Procedures and stages are read field by field where they lie (`procedures[p].fee`):
    // copying a whole procedure out of its buffer moves its every rule and sampler. An
    // optional rule is tested where it lies before it is bound (`procedures[p].fee != nil,
    // let fee = …`): the test reads a byte, while binding an absent rule still copies it.

    /// Position in ``stages`` of stage `stage` of the route of procedure `p`.
    @inline(__always)
    func stageIndex(_ stage: Int, of p: Int) -> Int {
        procedures[p].firstStage + stage
    }

    /// The office of stage `stage` (a position in ``stages``) for a dossier of ward `instance`.
    @inline(__always)
    func office(ofStage stage: Int, instance: Int32) -> Int32 {
        stageOffices[stages[stage].officeSlot(instance: instance)]
    }

    /// The desk where the dossier was filed: where it is checked and its paper result collected
    /// (its own unit's desk unless it was filed elsewhere, docs/model.md §13.2).
    @inline(__always)
    func desk(of record: DossierRecord) -> Int32 {
        record.desk >= 0 ? record.desk : office(ofStage: stageIndex(0, of: Int(record.procedure)), instance: record.instance)
    }

    /// Runs the replication to the end of the horizon.
    /// - Throws: ``SimulationError`` when the dossier balance does not hold.
    func run() async throws(SimulationError) -> RunResult {
        for office in offices { office.onSharedExecutor(()) { office, _ in office.prepare() } }
        for s in 0..<streams.count {
            scheduleArrival(of: s, stream: streams[s], after: 0)
        }
        openBacklog()
        var events = 0
        var trace = TraceDigest()
        let end = horizonEnd
        var daily = DailySeries(days: model.scenario.horizon.days)
        var recordedDays = 0
        var nextMidnight = 1440.0
        while let event = context.agenda.next() {
            if event.time >= end { break }
            if event.time >= nextMidnight {
                // A cancelled task (the workbench's cancel) stops here, at the first event of a
                // simulated day: checked once a day, not per event, so the kernel's speed is kept,
                // and a day of even a city-year run takes well under a second.
                if Task.isCancelled { throw SimulationError.cancelled }
                // The first event of a new day: the days before it ended with this backlog.
                let day = Swift.min(Int(event.time / 1440), daily.inProgress.count)
                while recordedDays < day { recordDay(recordedDays, into: &daily); recordedDays += 1 }
                nextMidnight = Double(day + 1) * 1440
            }
            context.now = event.time
            events += 1
            trace.add(event)
            let dossier = event.dossier
            switch event.kind {
            case .arrival:
                arrive(stream: Int(event.target))
            case .serviceDone:
                withOffice(event.target, ()) { office, _ in office.serviceDone() }
                if dossier >= 0, !context.releaseIfWithdrawn(dossier) { stageDone(dossier) }
            case .reachOffice:
                if !context.releaseIfWithdrawn(dossier) { reachOffice(dossier) }
            case .lagDone:
                if !context.releaseIfWithdrawn(dossier) { lagDone(dossier) }
            case .returnWithPapers:
                if !context.releaseIfWithdrawn(dossier) { returnWithPapers(dossier) }
            case .supplementDone:
                if !context.releaseIfWithdrawn(dossier) { supplementHandedIn(dossier) }
            case .session:
                withOffice(event.target, ()) { office, _ in office.session() }
            case .staffChange:
                withOffice(event.target, Int(dossier)) { office, step in office.changeStaff(step: step) }
            case .withdraw:
                withdrawalDue(dossier, serial: event.target)
            case .pickup:
                collectResult(procedure: Int(dossier), at: event.target)
            }
            if pending != nil { deliver() }
        }
        context.now = end
        while recordedDays < daily.inProgress.count { recordDay(recordedDays, into: &daily); recordedDays += 1 }
        return try close(events: events, trace: trace.value, daily: daily)
    }

    // MARK: Start and end of the run

    func close(events: Int, trace: UInt64, daily: DailySeries) throws(SimulationError) -> RunResult {
        let end = horizonEnd
        var officeTallies: [OfficeTally] = []
        officeTallies.reserveCapacity(offices.count)
        for office in offices {
            officeTallies.append(office.onSharedExecutor(end) { office, end in office.close(at: end) })
        }
        var inProgress = 0
        // Read where they lie: a copy of every open record (10 million of them with a large
        // backlog) once doubled the run's peak memory at the very end.
        context.dossiers.forEachLiveWithHandle { dossier, stored in
            inProgress += 1
            // An online or postal dossier the desk never checked is judged by the deadline
            // counted from its submission (docs/model.md §7.1, "waiting for the desk check").
            let submissionDeadline = deadlineFromSubmission(of: stored)
            var record = stored
            if let submissionDeadline { record.dueAt = submissionDeadline }
            let overdue = record.dueAt < end || record.supplements > 1
            guard record.counted else {
                context.logRow(dossier, record, finished: nil, status: "in progress", outcome: LogOutcome(
                    late: !overdue ? .notLate : record.dueAt < end ? .pastDue : .repeatedSupplements,
                    apology: submissionDeadline != nil && overdue ? .never : apology(of: record, doneAt: end)))
                return
            }
            var outcome = LogOutcome()
            countForUnit(record, onTime: !overdue)
            if submissionDeadline != nil { countAwaitingDeskCheck(record, overdue: overdue) }
            if overdue {
                context.tallies[Int(record.procedure)].inProgressOverdue += 1
                outcome.late = .pastDue
                if record.dueAt >= end {
                    context.tallies[Int(record.procedure)].lateByRepeatedSupplements += 1
                    outcome.late = .repeatedSupplements
                }
                if record.backlog { context.tallies[Int(record.procedure)].backlogLate += 1 }
                // No receipt was issued, so no apology either: counted never apologised.
                if submissionDeadline != nil {
                    context.tallies[Int(record.procedure)].lateNotApologised += 1
                    outcome.apology = .never
                } else {
                    outcome.apology = account(apologyFor: record, doneAt: end)
                }
            } else {
                context.tallies[Int(record.procedure)].inProgressNotDue += 1
                if record.backlog { context.tallies[Int(record.procedure)].backlogOnTime += 1 }
            }
            context.logRow(dossier, record, finished: nil, status: "in progress", outcome: outcome)
        }
        context.conservation.inProgress = inProgress
        if let log = context.log {
            do { try log.close() } catch { throw SimulationError(message: "the dossier log: \(error.description)") }
        }
        let c = context.conservation
        guard c.isBalanced, c.inProgress == context.dossiers.live else {
            throw SimulationError(message: """
                dossier balance broken (seed \(seed)): backlog \(c.backlog) + received \(c.received) \
                ≠ finished \(c.finished) + refused \(c.refused) + withdrawn \(c.withdrawn) \
                + in progress \(c.inProgress) (store holds \(context.dossiers.live))
                """)
        }
        var result = RunResult(seed: seed, procedures: context.tallies.array, offices: officeTallies, conservation: c,
                               events: events, traceDigest: trace, peakInProgress: context.dossiers.peakLive,
                               receivedPerDay: context.receivedPerDay.array, finishedPerDay: context.finishedPerDay.array,
                               inProgressPerDay: daily.inProgress, overduePerDay: daily.overdue, atDeskPerDay: daily.atDesk,
                               refusedPerDay: daily.refused, withdrawnPerDay: daily.withdrawn,
                               breakdowns: context.breakdownTallies())
        if model.collectsUnitFigures { result.units = context.unitTallies.array }
        return result
    }
}
