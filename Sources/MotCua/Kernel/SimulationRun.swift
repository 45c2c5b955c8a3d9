/// A run's invariant was broken: a bug in the simulator, never a property of the scenario.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    /// What was found.
    public let message: String
    public var description: String { message }
}

/// One replication of a scenario: the discrete-event scheduler and the dossier's journey.
///
/// The scheduler is an actor on the run's ``RunExecutor``; it pops events from the agenda in
/// (time, sequence) order and hands each to the office it concerns. The journey — desk check,
/// acceptance or refusal, forwarding, the route's steps, the result — reads as the story of
/// DOMAIN.md §3 in ``arrive(stream:)``, ``stageFinished(_:)`` and ``enter(stage:of:)``.
public actor SimulationRun {
    /// The run's shared executor.
    public nonisolated let unownedExecutor: UnownedSerialExecutor
    /// Kept alive here: `unownedExecutor` does not retain it.
    private let executor: RunExecutor
    private let context: RunContext
    private let model: SimulationModel
    private let offices: [Office]
    private let seed: UInt64
    private var arrivalRandom: [RandomStream]
    private var routingRandom: [RandomStream]
    private var homeRandom: RandomStream
    private var tallies: [ProcedureTally]
    private var conservation = Conservation()
    private let instanceCumulative: [Double]

    /// Prepares a replication of `model` with `seed` (see ``replicationSeed(runSeed:replication:)``).
    public init(model: SimulationModel, seed: UInt64, executor: RunExecutor = RunExecutor()) {
        unownedExecutor = executor.asUnownedSerialExecutor()
        self.executor = executor
        let context = RunContext(model: model)
        self.context = context
        self.model = model
        self.seed = seed
        offices = model.offices.map { Office(model: $0, context: context, executor: executor, seed: seed) }
        arrivalRandom = model.streams.map { RandomStream(seed: seed, stream: $0.name) }
        routingRandom = model.procedures.map { RandomStream(seed: seed, stream: "routing/\($0.id)") }
        homeRandom = RandomStream(seed: seed, stream: "home-ward")
        tallies = Array(repeating: ProcedureTally(), count: model.procedures.count)
        var running = 0.0
        let total = model.instanceWeights.reduce(0, +)
        instanceCumulative = model.instanceWeights.map { running += $0; return running / total }
    }

    /// Runs the replication to the end of the horizon.
    /// - Throws: ``SimulationError`` when the dossier balance does not hold.
    public func run() async throws(SimulationError) -> RunResult {
        for (s, stream) in model.streams.enumerated() {
            scheduleArrival(of: s, stream: stream, after: 0)
        }
        var events = 0
        let end = model.horizonEnd
        while let event = context.agenda.next() {
            if event.time >= end { break }
            context.now = event.time
            events += 1
            switch event.kind {
            case .arrival:
                await arrive(stream: Int(event.target))
            case .serviceDone:
                await offices[Int(event.target)].serviceDone()
                await stageFinished(event.dossier)
            case .reachOffice:
                await enter(stage: Int(context.dossiers[event.dossier].stage), of: event.dossier)
            case .lagDone:
                context.dossiers[event.dossier].lagDone = true
                await enter(stage: Int(context.dossiers[event.dossier].stage), of: event.dossier)
            case .horizonEnd:
                break
            }
        }
        context.now = end
        return try await close(events: events)
    }

    // MARK: The dossier's journey

    private func scheduleArrival(of index: Int, stream: ArrivalStream, after time: SimTime) {
        let gap = -stream.meanGap * log(arrivalRandom[index].nextUnit())
        let next: SimTime
        if stream.online {
            next = time + gap
        } else {
            // Paper dossiers arrive while the desk is open: a Poisson process in open time.
            let schedule = model.schedules[model.offices[Int(stream.office)].schedule]
            next = schedule.wallTime(atOpenTime: schedule.openTime(at: time) + gap, resuming: true)
        }
        if next < model.horizonEnd {
            context.schedule(at: next, .arrival, target: Int32(index))
        }
    }

    /// A citizen (or the online portal) brings a dossier to the desk.
    private func arrive(stream index: Int) async {
        let stream = model.streams[index]
        let now = context.now
        scheduleArrival(of: index, stream: stream, after: now)
        let instance = stream.instance >= 0 ? stream.instance : drawHomeWard()
        let counted = now >= model.warmUpEnd
        let dossier = context.dossiers.add(DossierRecord(
            procedure: Int32(stream.procedure), stage: 0, lagDone: false, online: stream.online, counted: counted,
            accepted: false, alive: true, instance: instance, arrivedAt: now, dueAt: .infinity))
        conservation.received += 1
        if counted { tallies[stream.procedure].received += 1 }
        await enter(stage: 0, of: dossier)
    }

    /// The ward of a citizen whose dossier is not received at a ward desk.
    private func drawHomeWard() -> Int32 {
        guard !instanceCumulative.isEmpty else { return -1 }
        let u = homeRandom.nextUnit()
        return Int32(instanceCumulative.firstIndex { u <= $0 } ?? instanceCumulative.count - 1)
    }

    /// The dossier reaches stage `stage` of its route: first its lag (waiting without staff),
    /// then the queue of the stage's office.
    private func enter(stage: Int, of dossier: Int32) async {
        let record = context.dossiers[dossier]
        let procedure = model.procedures[Int(record.procedure)]
        guard stage < procedure.stages.count else {
            finish(dossier)
            return
        }
        let step = procedure.stages[stage]
        let office = model.office(of: step, instance: record.instance)
        if let lag = step.lag, !record.lagDone {
            let schedule = model.schedules[model.offices[Int(office)].schedule]
            let minutes = lag.sample(&routingRandom[procedure.index])
            let done = Swift.max(context.now, schedule.finishTime(startingAt: context.now, workMinutes: minutes))
            context.schedule(at: done, .lagDone, target: office, dossier: dossier)
            return
        }
        if let service = step.service {
            await offices[Int(office)].receive(dossier: dossier, work: service)
        } else {
            await stageFinished(dossier)
        }
    }

    /// The current stage is done: decide what happens next.
    private func stageFinished(_ dossier: Int32) async {
        let now = context.now
        var record = context.dossiers[dossier]
        let procedure = model.procedures[Int(record.procedure)]
        if record.stage == 0 {
            // Desk check: refusal (Form 03) or receipt with appointment date (Form 01).
            if procedure.refusalShare > 0, routingRandom[procedure.index].nextUnit() < procedure.refusalShare {
                conservation.refused += 1
                if record.counted { tallies[procedure.index].refused += 1 }
                context.dossiers.remove(dossier)
                return
            }
            record.accepted = true
            record.dueAt = model.calendar.appointment(receivedAt: now, workingDays: procedure.deadlineWorkingDays)
        }
        record.stage += 1
        record.lagDone = false
        context.dossiers[dossier] = record
        // Paper dossiers leave the desk the same day, or the next morning after the cut-off;
        // electronic ones move at once.
        let forward = record.stage == 1 && !record.online ? model.calendar.forwardingTime(ofPaperReceivedAt: now) : now
        if forward > now {
            if forward < model.horizonEnd {
                context.schedule(at: forward, .reachOffice, target: -1, dossier: dossier)
            }
            return
        }
        await enter(stage: Int(record.stage), of: dossier)
    }

    /// The result is ready: the dossier is finished, on time or late.
    private func finish(_ dossier: Int32) {
        let record = context.dossiers[dossier]
        conservation.finished += 1
        if record.counted {
            if context.now <= record.dueAt {
                tallies[Int(record.procedure)].finishedOnTime += 1
            } else {
                tallies[Int(record.procedure)].finishedLate += 1
            }
        }
        context.dossiers.remove(dossier)
    }

    // MARK: End of run

    private func close(events: Int) async throws(SimulationError) -> RunResult {
        let end = model.horizonEnd
        var officeTallies: [OfficeTally] = []
        officeTallies.reserveCapacity(offices.count)
        for office in offices { officeTallies.append(await office.close(at: end)) }
        context.dossiers.forEachLive { record in
            conservation.inProgress += 1
            guard record.counted else { return }
            if record.dueAt < end {
                tallies[Int(record.procedure)].inProgressOverdue += 1
            } else {
                tallies[Int(record.procedure)].inProgressNotDue += 1
            }
        }
        let c = conservation
        guard c.isBalanced, c.inProgress == context.dossiers.live else {
            throw SimulationError(message: """
                dossier balance broken (seed \(seed)): received \(c.received) ≠ finished \(c.finished) + refused \(c.refused) \
                + withdrawn \(c.withdrawn) + in progress \(c.inProgress) (store holds \(context.dossiers.live))
                """)
        }
        return RunResult(seed: seed, procedures: tallies, offices: officeTallies, conservation: c,
                         events: events, peakInProgress: context.dossiers.peakLive)
    }
}

import Foundation
