import Foundation

/// A run's invariant was broken: a bug in the simulator, never a property of the scenario.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    /// What was found.
    public let message: String
    public var description: String { message }
}

/// One replication of a scenario: the discrete-event scheduler and the dossier's journey.
///
/// The scheduler is an actor on the run's ``RunExecutor``; it pops events from the agenda in
/// (time, sequence) order and hands each to the office it concerns. The journey reads as the
/// story of DOMAIN.md §3: ``arrive(stream:)`` (a citizen or the portal brings a dossier),
/// ``deskCheckDone(_:)`` (refused, incomplete, or received with an appointment date),
/// ``enter(stage:of:)`` and ``stageDone(_:)`` along the route, ``finish(_:)`` with the result.
/// Like ``Office``, its mutable state skips the runtime's overlapping-access checks, which
/// actor isolation makes redundant.
public actor SimulationRun {
    /// The run's shared executor.
    public nonisolated let unownedExecutor: UnownedSerialExecutor
    /// Kept alive here: `unownedExecutor` does not retain it.
    private let executor: RunExecutor
    private let context: RunContext
    private let model: SimulationModel
    private let offices: [Office]
    private let seed: UInt64

    // What the journey reads at every event, laid out as plain values (copied from the model,
    // which the run keeps alive), so that reading them never counts references.
    private let officeRefs: PlainBuffer<Unretained<Office>>
    private let procedures: PlainBuffer<ProcedureModel>
    private let stages: PlainBuffer<StageModel>
    private let stageOffices: PlainBuffer<Int32>
    private let streams: PlainBuffer<ArrivalStream>
    /// The schedule of each office.
    private let officeSchedules: PlainBuffer<Unretained<OfficeSchedule>>
    /// The legal calendar's office hours (see ``SimulationModel/legalSchedule``).
    private let legal: Unretained<OfficeSchedule>
    private let rateProfiles: PlainBuffer<Unretained<RateProfile>>
    private let calendar: WorkingCalendar
    private let policies: PolicySpec
    private let horizonEnd: SimTime
    private let warmUpEnd: SimTime

    private let arrivalRandom: PlainBuffer<RandomStream>
    /// The exponential's ziggurat, for the gaps between arrivals.
    private let exponentialLayers = Ziggurat.exponentialTables.layers
    private let routingRandom: PlainBuffer<RandomStream>
    /// Service times of each office: one stream per office.
    private let serviceRandom: PlainBuffer<RandomStream>
    @exclusivity(unchecked) private var homeRandom: RandomStream
    private let instanceCumulative: PlainBuffer<Double>
    /// A dossier waiting to be handed to an office (see ``deliver()``).
    @exclusivity(unchecked) private var pending: OfficeRequest?

    private struct OfficeRequest {
        let office: Int32
        let dossier: Int32
        let work: Double
        let priority: Bool
        let inPerson: Bool
    }

    /// Prepares a replication of `model` with `seed` (see ``replicationSeed(runSeed:replication:)``).
    /// - Parameter log: where to stream the per-dossier log of this replication, if anywhere.
    public init(model: SimulationModel, seed: UInt64, executor: RunExecutor = RunExecutor(), log: DossierLog? = nil) {
        unownedExecutor = executor.asUnownedSerialExecutor()
        self.executor = executor
        let context = RunContext(model: model)
        context.log = log
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
        rateProfiles = PlainBuffer(model.rateProfiles.map(Unretained.init))
        calendar = model.calendar
        policies = model.scenario.policies
        horizonEnd = model.horizonEnd
        warmUpEnd = model.warmUpEnd
        arrivalRandom = PlainBuffer(model.streamNames.map { RandomStream(seed: seed, stream: $0) })
        serviceRandom = PlainBuffer(model.offices.map { RandomStream(seed: seed, stream: "service/\($0.id)") })
        routingRandom = PlainBuffer(model.scenario.procedures.map { RandomStream(seed: seed, stream: "routing/\($0.id)") })
        homeRandom = RandomStream(seed: seed, stream: "home-ward")
        var running = 0.0
        let total = model.instanceWeights.reduce(0, +)
        instanceCumulative = PlainBuffer(model.instanceWeights.map { running += $0; return running / total })
    }

    /// Calls `body` in the isolation of office `index` (see ``Actor/onSharedExecutor(_:_:)``).
    @inline(__always)
    private func withOffice<Argument, Result>(_ index: Int32, _ argument: Argument,
                                              _ body: @escaping (isolated Office, Argument) -> Result) -> Result {
        officeRefs[Int(index)].use { $0.onSharedExecutor(argument, body) }
    }

    // Procedures and stages are read field by field where they lie (`procedures[p].fee`):
    // copying a whole procedure out of its buffer moves its every rule and sampler. An
    // optional rule is tested where it lies before it is bound (`procedures[p].fee != nil,
    // let fee = …`): the test reads a byte, while binding an absent rule still copies it.

    /// Position in ``stages`` of stage `stage` of the route of procedure `p`.
    @inline(__always)
    private func stageIndex(_ stage: Int, of p: Int) -> Int {
        procedures[p].firstStage + stage
    }

    /// The office of stage `stage` (a position in ``stages``) for a dossier of ward `instance`.
    @inline(__always)
    private func office(ofStage stage: Int, instance: Int32) -> Int32 {
        stageOffices[stages[stage].officeSlot(instance: instance)]
    }

    /// Runs the replication to the end of the horizon.
    /// - Throws: ``SimulationError`` when the dossier balance does not hold.
    public func run() async throws(SimulationError) -> RunResult {
        for office in offices { office.onSharedExecutor(()) { office, _ in office.prepare() } }
        for s in 0..<streams.count {
            scheduleArrival(of: s, stream: streams[s], after: 0)
        }
        openBacklog()
        var events = 0
        var trace = TraceDigest()
        let end = horizonEnd
        var inProgressPerDay = [Int32](repeating: 0, count: model.scenario.horizon.days)
        var overduePerDay = [Int32](repeating: 0, count: model.scenario.horizon.days)
        var atDeskPerDay = [Int32](repeating: 0, count: model.scenario.horizon.days)
        // The state at the end of a day: dossiers in progress, of which overdue, and waiting at the desks.
        func recordDay(_ day: Int) {
            let midnight = Double(day + 1) * 1440
            var overdue: Int32 = 0, atDesk: Int32 = 0
            context.dossiers.forEachLive { record in
                if record.dueAt < midnight { overdue += 1 }
                if record.stage == 0 { atDesk += 1 }
            }
            inProgressPerDay[day] = Int32(context.dossiers.live)
            overduePerDay[day] = overdue
            atDeskPerDay[day] = atDesk
        }
        var recordedDays = 0
        var nextMidnight = 1440.0
        while let event = context.agenda.next() {
            if event.time >= end { break }
            if event.time >= nextMidnight {
                // The first event of a new day: the days before it ended with this backlog.
                let day = Swift.min(Int(event.time / 1440), inProgressPerDay.count)
                while recordedDays < day { recordDay(recordedDays); recordedDays += 1 }
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
                if dossier >= 0, !releaseIfWithdrawn(dossier) { stageDone(dossier) }
            case .reachOffice:
                if !releaseIfWithdrawn(dossier) { enter(stage: Int(context.dossiers[dossier].stage), of: dossier) }
            case .lagDone:
                if !releaseIfWithdrawn(dossier) {
                    context.dossiers[dossier].lagDone = true
                    enter(stage: Int(context.dossiers[dossier].stage), of: dossier)
                }
            case .returnWithPapers:
                if !releaseIfWithdrawn(dossier) { enter(stage: 0, of: dossier) }
            case .supplementDone:
                if !releaseIfWithdrawn(dossier) {
                    restartDeadlineClock(dossier)
                    enter(stage: Int(context.dossiers[dossier].stage), of: dossier)
                }
            case .session:
                withOffice(event.target, ()) { office, _ in office.session() }
            case .staffChange:
                withOffice(event.target, Int(dossier)) { office, step in office.changeStaff(step: step) }
            case .withdraw:
                let record = context.dossiers[dossier]
                if record.alive, !record.withdrawn, record.serial == UInt32(bitPattern: event.target) {
                    context.withdraw(dossier, released: false)
                }
            case .pickup:
                if let result = procedures[Int(dossier)].result {
                    let work = result.service.sample(&serviceRandom[Int(event.target)])
                    withOffice(event.target, work) { office, work in office.receive(dossier: -1, work: work, inPerson: true) }
                }
            }
            if pending != nil { deliver() }
        }
        context.now = end
        while recordedDays < inProgressPerDay.count { recordDay(recordedDays); recordedDays += 1 }
        return try close(events: events, trace: trace.value,
                               daily: (inProgressPerDay, overduePerDay, atDeskPerDay))
    }

    /// A withdrawn dossier's last reference has been reached: free its slot.
    private func releaseIfWithdrawn(_ dossier: Int32) -> Bool {
        guard context.dossiers[dossier].withdrawn else { return false }
        context.dossiers.release(dossier)
        return true
    }

    // MARK: Arrival and the desk check

    /// Draws the stream's next arrival after `time`. Paper dossiers arrive while the desk is
    /// open (a Poisson process in open time); a varying rate is obtained by thinning.
    private func scheduleArrival(of index: Int, stream: ArrivalStream, after time: SimTime) {
        var candidate = time
        let schedule = stream.online ? nil : officeSchedules[Int(stream.office)]
        while true {
            let gap = stream.meanGap * Ziggurat.exponential(&arrivalRandom[index], exponentialLayers)
            if let schedule {
                candidate = schedule.use { $0.resumeTime(after: candidate, openMinutes: gap) }
            } else {
                candidate += gap
            }
            guard candidate < horizonEnd else { return }
            guard stream.profile >= 0 else { break }
            let u = arrivalRandom[index].nextUnit()
            if rateProfiles[stream.profile].use({ u * $0.peak < $0.factor(at: candidate) }) { break }
        }
        context.schedule(at: candidate, .arrival, target: Int32(index))
    }

    /// A citizen (or the online portal) brings a dossier to the desk.
    @inline(__always)
    private func arrive(stream index: Int) {
        let stream = streams[index]
        let now = context.now
        scheduleArrival(of: index, stream: stream, after: now)
        let p = stream.procedure
        let instance = stream.instance >= 0 ? stream.instance : drawHomeWard()
        var record = DossierRecord(procedure: Int32(p), online: stream.online,
                                   counted: now >= warmUpEnd, instance: instance, arrivedAt: now)
        record.postal = stream.postal
        let priorityShare = procedures[p].priorityShare
        record.priority = !stream.online && !stream.postal && priorityShare > 0
            && routingRandom[p].nextUnit() < priorityShare
        let dossier = context.dossiers.add(record)
        context.conservation.received += 1
        context.receivedPerDay[context.today] += 1
        if record.counted {
            context.tallies[p].received += 1
            if stream.online { context.tallies[p].online += 1 }
            if stream.postal { context.tallies[p].postal += 1 }
        }
        enter(stage: 0, of: dossier)
    }

    /// The ward of a citizen whose dossier is not received at a ward desk.
    private func drawHomeWard() -> Int32 {
        guard instanceCumulative.count > 0 else { return -1 }
        let u = homeRandom.nextUnit()
        var ward = 0
        while ward < instanceCumulative.count - 1 && u > instanceCumulative[ward] { ward += 1 }
        return Int32(ward)
    }

    /// The desk check is over: refusal (Form 03), incomplete (Form 02, the citizen comes back
    /// later), or a receipt with the appointment date (Form 01).
    @inline(__always)
    private func deskCheckDone(_ dossier: Int32) {
        let now = context.now
        let record = context.dossiers[dossier]
        let p = Int(record.procedure)
        let refusalShare = procedures[p].refusalShare
        if refusalShare > 0, routingRandom[p].nextUnit() < refusalShare {
            context.conservation.refused += 1
            if record.counted { context.tallies[p].refused += 1 }
            context.logRow(record, finished: now, status: "refused")
            context.dossiers.remove(dossier)
            return
        }
        if procedures[p].incomplete != nil, let incomplete = procedures[p].incomplete, routingRandom[p].nextUnit() < incomplete.share {
            if record.counted { context.tallies[p].incomplete += 1 }
            if routingRandom[p].nextUnit() < incomplete.returnShare {
                let desk = officeSchedules[Int(office(ofStage: stageIndex(0, of: p), instance: record.instance))]
                let delay = incomplete.returnDelay.sample(&routingRandom[p])
                let back = Swift.max(now, desk.use { $0.finishTime(startingAt: now, workMinutes: delay) })
                if back < horizonEnd {
                    context.schedule(at: back, .returnWithPapers, target: -1, dossier: dossier)
                }
            } else {
                context.withdraw(dossier, released: true)
            }
            return
        }
        context.dossiers[dossier].accepted = true
        context.dossiers[dossier].dueAt = calendar.appointment(receivedAt: now, day: context.dayOfNow, workingDays: procedures[p].deadlineWorkingDays)
        if record.counted {
            context.tallies[p].accepted += 1
            if record.digitized { context.tallies[p].digitized += 1 }
        }
        if procedures[p].withdrawal != nil, let withdrawal = procedures[p].withdrawal, routingRandom[p].nextUnit() < withdrawal.share {
            let after = withdrawal.after.sample(&routingRandom[p])
            let at = Swift.max(now, legal.use { $0.finishTime(startingAt: now, workMinutes: after) })
            if at < horizonEnd {
                context.schedule(at: at, .withdraw, target: Int32(bitPattern: record.serial), dossier: dossier)
            }
        }
        moveOn(dossier, from: 0)
    }

    // MARK: Along the route

    /// The dossier reaches stage `stage` of its route: first its lag (waiting without staff),
    /// then the queue of the stage's office.
    private func enter(stage: Int, of dossier: Int32) {
        let record = context.dossiers[dossier]
        let p = Int(record.procedure)
        guard stage < procedures[p].stageCount else {
            finish(dossier)
            return
        }
        let step = stageIndex(stage, of: p)
        let office = office(ofStage: step, instance: record.instance)
        if stages[step].pausesDeadline && record.pausedAt.isNaN && record.accepted {
            context.dossiers[dossier].pausedAt = context.now
        }
        if !record.lagDone, stages[step].lag != nil, let lag = stages[step].lag {
            let minutes = lag.sample(&routingRandom[p])
            let now = context.now
            let done = Swift.max(now, officeSchedules[Int(office)].use { $0.finishTime(startingAt: now, workMinutes: minutes) })
            context.schedule(at: done, .lagDone, target: office, dossier: dossier)
            return
        }
        guard stages[step].service != nil, let service = stages[step].service else {
            stageDone(dossier)
            return
        }
        let work = service.sample(&serviceRandom[Int(office)])
        if stage == 0 {
            pending = OfficeRequest(office: office, dossier: dossier, work: work + deskExtras(dossier, p),
                                    priority: record.priority, inPerson: !record.online && !record.postal)
        } else {
            pending = OfficeRequest(office: office, dossier: dossier, work: work, priority: false, inPerson: false)
        }
    }

    /// Hands the pending dossier to its office's queue once the event's own steps are done, so
    /// that what the office schedules comes after them (the order the stored trace digests fix).
    /// The journey's steps leave at most one such hand-over per event.
    @inline(__always)
    private func deliver() {
        guard let request = pending else { return }
        pending = nil
        withOffice(request.office, request) { office, request in
            office.receive(dossier: request.dossier, work: request.work, priority: request.priority, inPerson: request.inPerson)
        }
    }

    /// Extra desk minutes of the check: scanning the components (digitization) and taking a
    /// cash fee; e-payment saves the latter.
    @inline(__always)
    private func deskExtras(_ dossier: Int32, _ p: Int) -> Double {
        var extra = 0.0
        let counted = context.dossiers[dossier].counted
        if procedures[p].digitization != nil, let digitization = procedures[p].digitization, routingRandom[p].nextUnit() < digitization.share {
            context.dossiers[dossier].digitized = true
            extra += digitization.service.sample(&routingRandom[p])
        }
        if procedures[p].fee != nil, let fee = procedures[p].fee {
            if counted { context.tallies[p].feePaying += 1 }
            if routingRandom[p].nextUnit() < fee.ePaymentShare {
                if counted { context.tallies[p].ePaid += 1 }
            } else {
                extra += fee.cashService.sample(&routingRandom[p])
            }
        }
        return extra
    }

    /// The current stage's work is done: the desk check is decided, a processing office may
    /// ask for a supplement, or the dossier moves on.
    @inline(__always)
    private func stageDone(_ dossier: Int32) {
        let record = context.dossiers[dossier]
        if record.stage == 0 {
            deskCheckDone(dossier)
            return
        }
        let p = Int(record.procedure)
        let step = stageIndex(Int(record.stage), of: p)
        if stages[step].supplement != nil, let supplement = stages[step].supplement,
           routingRandom[p].nextUnit() < (record.askedAtStage ? supplement.repeatShare : supplement.share) {
            // Request to supplement: the clock stops until the citizen hands the papers in,
            // then the office does its work again.
            let now = context.now
            if record.counted { context.tallies[p].supplementRequests += 1 }
            context.dossiers[dossier].supplements &+= 1
            if context.dossiers[dossier].pausedAt.isNaN { context.dossiers[dossier].pausedAt = now }
            context.dossiers[dossier].lagDone = true
            context.dossiers[dossier].askedAtStage = true
            let delay = supplement.delay.sample(&routingRandom[p])
            let back = Swift.max(now, legal.use { $0.finishTime(startingAt: now, workMinutes: delay) })
            if back < horizonEnd { context.schedule(at: back, .supplementDone, target: -1, dossier: dossier) }
            return
        }
        if stages[step].pausesDeadline { restartDeadlineClock(dossier) }
        moveOn(dossier, from: Int(record.stage))
    }

    /// The deadline clock restarts: the appointment moves by the working time it was stopped.
    private func restartDeadlineClock(_ dossier: Int32) {
        let record = context.dossiers[dossier]
        guard !record.pausedAt.isNaN else { return }
        let now = context.now
        let newDue = legal.use { legal -> SimTime? in
            let stopped = legal.openMinutes(from: record.pausedAt, to: now)
            guard stopped > 0 && record.dueAt.isFinite else { return nil }
            return legal.wallTime(atOpenTime: legal.openTime(at: record.dueAt) + stopped, resuming: false,
                                  fromDay: calendar.day(of: record.dueAt))
        }
        if let newDue { context.dossiers[dossier].dueAt = newDue }
        context.dossiers[dossier].pausedAt = .nan
    }

    /// On to the next stage. Paper dossiers leave the desk the same day, or the next morning
    /// after the cut-off; electronic ones move at once.
    @inline(__always)
    private func moveOn(_ dossier: Int32, from stage: Int) {
        let now = context.now
        context.dossiers[dossier].stage = Int16(stage + 1)
        context.dossiers[dossier].lagDone = false
        context.dossiers[dossier].askedAtStage = false
        let record = context.dossiers[dossier]
        let forward = stage == 0 && !record.online ? calendar.forwardingTime(ofPaperReceivedAt: now, day: context.dayOfNow) : now
        if forward > now {
            if forward < horizonEnd {
                context.schedule(at: forward, .reachOffice, target: -1, dossier: dossier)
            }
            return
        }
        enter(stage: stage + 1, of: dossier)
    }

    // MARK: The result

    /// The result is ready: the dossier is finished, on time or late; late dossiers are
    /// checked for their apology; the result goes back to the citizen.
    @inline(__always)
    private func finish(_ dossier: Int32) {
        let now = context.now
        let record = context.dossiers[dossier]
        let p = Int(record.procedure)
        context.conservation.finished += 1
        context.finishedPerDay[context.today] += 1
        context.logRow(record, finished: now, status: now <= record.dueAt && record.supplements <= 1 ? "on time" : "late")
        if record.counted {
            if now <= record.dueAt && record.supplements <= 1 {
                context.tallies[p].finishedOnTime += 1
            } else {
                context.tallies[p].finishedLate += 1
                if now <= record.dueAt { context.tallies[p].lateByRepeatedSupplements += 1 }
            }
            account(apologyFor: record, doneAt: now)
        }
        if procedures[p].result != nil, let result = procedures[p].result {
            let u = routingRandom[p].nextUnit()
            if u < result.electronicShare {
                if record.counted { context.tallies[p].resultsElectronic += 1 }
            } else if u < result.electronicShare + result.postalShare {
                if record.counted { context.tallies[p].resultsPostal += 1 }
            } else {
                if record.counted { context.tallies[p].resultsAtDesk += 1 }
                let desk = office(ofStage: stageIndex(0, of: p), instance: record.instance)
                let delay = result.pickupDelay.sample(&routingRandom[p])
                let visit = Swift.max(now, officeSchedules[Int(desk)].use { $0.finishTime(startingAt: now, workMinutes: delay) })
                if visit < horizonEnd { context.schedule(at: visit, .pickup, target: desk, dossier: Int32(p)) }
            }
        }
        context.dossiers.remove(dossier)
    }

    /// The apology rule (Decree 61/2018): an office that will miss the appointment sends an
    /// apology with one new date at least one working day before it. A dossier still open at
    /// that moment gets one in time with the policy's probability; a late dossier without it
    /// is apologised late, or never. Decided when the outcome is known, which is exact because
    /// the apology changes nothing else in the flow.
    /// - Parameter doneAt: when the dossier finished, or the end of the horizon if still open.
    private func account(apologyFor record: DossierRecord, doneAt: SimTime) {
        guard record.accepted, record.dueAt.isFinite else { return }
        let p = Int(record.procedure)
        let policy = policies
        let (dueOpen, openAtDone, minutesPerWorkingDay) = legal.use {
            ($0.openTime(at: record.dueAt), $0.openTime(at: doneAt), $0.minutesPerWorkingDay)
        }
        let late = doneAt > record.dueAt
        // Still open when the office had to decide (one working day before the appointment),
        // compared in open time: finishing after an instant means more open time has passed.
        let openAtDecision = openAtDone > dueOpen - minutesPerWorkingDay
        if !late && !openAtDecision { return }
        var apologisedInTime = false
        if openAtDecision, routingRandom[p].nextUnit() < policy.apologyOnTimeShare {
            apologisedInTime = true
            context.tallies[p].apologiesSent += 1
            let newDue = legal.use {
                $0.wallTime(atOpenTime: dueOpen + Double(policy.apologyExtensionWorkingDays) * minutesPerWorkingDay,
                            resuming: false, fromDay: calendar.day(of: record.dueAt))
            }
            if late && doneAt <= newDue && doneAt < horizonEnd { context.tallies[p].newDateMet += 1 }
        }
        guard late else { return }
        if apologisedInTime {
            context.tallies[p].lateApologisedOnTime += 1
        } else if routingRandom[p].nextUnit() < policy.apologyLateShare {
            context.tallies[p].lateApologisedLate += 1
        } else {
            context.tallies[p].lateNotApologised += 1
        }
    }

    // MARK: Start and end of the run

    /// Dossiers already in progress when the horizon starts.
    private func openBacklog() {
        for backlog in model.backlog {
            let p = backlog.procedure
            var random = RandomStream(seed: seed, stream: "backlog/\(model.scenario.procedures[backlog.procedure].id)")
            for _ in 0..<backlog.count {
                let elapsed = backlog.elapsedWorkingDays.sample(&random)
                var record = DossierRecord(procedure: Int32(p), online: false, counted: true,
                                           instance: drawHomeWard(), arrivedAt: 0)
                record.accepted = true
                let remaining = Swift.max(0, procedures[p].deadlineWorkingDays - Int(elapsed.rounded(.down)))
                record.dueAt = calendar.appointment(countingFrom: 0, workingDays: remaining)
                record.stage = Int16(backlog.stage)
                let dossier = context.dossiers.add(record)
                context.conservation.backlog += 1
                context.tallies[p].backlog += 1
                enter(stage: backlog.stage, of: dossier)
                deliver()
            }
        }
    }

    private func close(events: Int, trace: UInt64, daily: ([Int32], [Int32], [Int32])) throws(SimulationError) -> RunResult {
        let end = horizonEnd
        var officeTallies: [OfficeTally] = []
        officeTallies.reserveCapacity(offices.count)
        for office in offices { officeTallies.append(office.onSharedExecutor(end) { office, end in office.close(at: end) }) }
        var inProgress = 0
        var open: [DossierRecord] = []
        context.dossiers.forEachLive { open.append($0) }
        for record in open {
            inProgress += 1
            context.logRow(record, finished: nil, status: "in progress")
            guard record.counted else { continue }
            if record.dueAt < end || record.supplements > 1 {
                context.tallies[Int(record.procedure)].inProgressOverdue += 1
                account(apologyFor: record, doneAt: end)
            } else {
                context.tallies[Int(record.procedure)].inProgressNotDue += 1
            }
        }
        context.conservation.inProgress = inProgress
        if let log = context.log {
            do { try log.close() } catch { throw SimulationError(message: "the dossier log: \(error.description)") }
        }
        let c = context.conservation
        guard c.isBalanced, c.inProgress == context.dossiers.live else {
            throw SimulationError(message: """
                dossier balance broken (seed \(seed)): backlog \(c.backlog) + received \(c.received) ≠ finished \(c.finished) \
                + refused \(c.refused) + withdrawn \(c.withdrawn) + in progress \(c.inProgress) (store holds \(context.dossiers.live))
                """)
        }
        return RunResult(seed: seed, procedures: context.tallies.array, offices: officeTallies, conservation: c,
                         events: events, traceDigest: trace, peakInProgress: context.dossiers.peakLive,
                         receivedPerDay: context.receivedPerDay.array, finishedPerDay: context.finishedPerDay.array,
                         inProgressPerDay: daily.0, overduePerDay: daily.1, atDeskPerDay: daily.2)
    }
}
