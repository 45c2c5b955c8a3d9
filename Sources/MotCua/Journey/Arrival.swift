// The dossier's journey through the one-stop flow (docs/model.md §2–§6), one step per file:
//
//   Arrival.swift      a citizen, the post or the portal brings a dossier (and the opening backlog)
//   DeskCheck.swift    the desk checks it: refused, incomplete (come back later), or received
//   Route.swift        along the route: lag, the office's queue, forwarding to the next office
//   Supplements.swift  a processing office asks for papers; the deadline clock stops meanwhile
//   Withdrawal.swift   the citizen gives up or withdraws; the one place that lets a dossier go
//   Result.swift       the result is ready, on time or late, and goes back to the citizen
//   Apology.swift      late (or nearly late) dossiers and their apology letter
//
// Each step is an extension of the scheduler (``SimulationRun``), which calls it when the
// dossier's event comes up; a step that puts the dossier in an office's queue leaves it in
// `pending`, and the scheduler hands it over once the step is done.

extension SimulationRun {
    /// Draws the stream's next arrival after `time`. Paper dossiers arrive while the desk is
    /// open (a Poisson process in open time); a varying rate is obtained by inverting its
    /// cumulative rate (``CumulativeRate``): one exponential draw per arrival, whatever the profile.
    @inline(__always)
    func scheduleArrival(of index: Int, stream: ArrivalStream, after time: SimTime) {
        let gap = stream.meanGap * Ziggurat.exponential(&arrivalRandom[index], exponentialLayers)
        let next: SimTime
        if stream.rate >= 0 {
            let cursor = arrivalCursors.address(index)
            cursor.pointee.position += gap
            guard let reached = cumulativeRates[stream.rate].use({
                $0.time(reaching: cursor.pointee.position, cursor: &cursor.pointee)
            }) else { return }
            next = reached
        } else if stream.online {
            next = time + gap
        } else {
            next = officeSchedules[Int(stream.office)].use { $0.resumeTime(after: time, openMinutes: gap) }
        }
        guard next < horizonEnd else { return }
        context.schedule(at: next, .arrival, target: Int32(index))
    }

    /// A citizen (or the online portal) brings a dossier to the desk.
    @inline(__always)
    func arrive(stream index: Int) {
        let stream = streams[index]
        let now = context.now
        scheduleArrival(of: index, stream: stream, after: now)
        let p = stream.procedure
        var record = DossierRecord(procedure: Int32(p), online: stream.online,
                                   counted: now >= warmUpEnd, instance: stream.instance, arrivedAt: now)
        record.postal = stream.postal
        record.desk = stream.office
        let dossier = context.dossiers.add(record)
        // Drawn once the store has numbered the dossier: the draw is keyed to that number.
        let instance = stream.instance >= 0 ? stream.instance : drawHomeWard(for: context.dossiers[dossier])
        context.dossiers[dossier].instance = instance
        context.dossiers.clock(dossier).pointee.mark = UInt32(truncatingIfNeeded: context.workingSecondOfNow)
        let priorityShare = procedures[p].priorityShare
        if !stream.online && !stream.postal && priorityShare > 0 {
            context.dossiers[dossier].priority = decides(.priority, priorityShare, context.dossiers[dossier])
        }
        context.conservation.received += 1
        context.receivedPerDay[context.today] += 1
        if record.counted {
            context.tallies[p].received += 1
            if stream.online { context.tallies[p].online += 1 }
            if stream.postal { context.tallies[p].postal += 1 }
            if model.collectsUnitFigures && instance >= 0 {
                let u = unitSlot(instance, procedure: p)
                context.unitTallies[u].received += 1
                if stream.online { context.unitTallies[u].online += 1 }
            }
        }
        enter(stage: 0, of: dossier)
    }

    /// The ward of a citizen whose dossier is not received at a ward desk: keyed to the dossier
    /// like its other decisions (docs/model.md §2.5), so that a change in one procedure's volume
    /// leaves every other procedure's home wards as they were.
    func drawHomeWard(for record: DossierRecord) -> Int32 {
        guard instanceCumulative.count > 0 else { return -1 }
        let u = decisions.unit(.homeWard, procedure: Int(record.procedure), serial: record.decisionKey)
        var ward = 0
        while ward < instanceCumulative.count - 1 && u > instanceCumulative[ward] { ward += 1 }
        return Int32(ward)
    }

    /// Dossiers already in progress when the horizon starts (docs/model.md §9, item 22): each has
    /// used part of its deadline and waits at the step its route typically reaches in that time,
    /// with the appointment the deadline left it.
    func openBacklog() {
        context.dossiers.reserve(model.backlog.reduce(0) { $0 + $1.count })
        for backlog in model.backlog {
            let p = backlog.procedure
            var random = RandomStream(seed: seed, stream: "backlog/\(model.scenario.procedures[backlog.procedure].id)")
            // Received before the horizon: the deadline version in force the day before it.
            let deadline = model.deadlineWorkingDays(of: p, receivedOnDay: -1)
            for _ in 0..<backlog.count {
                // Checked at load to lie within the deadline; draws of unbounded distributions
                // are cut there, so that the conversion below cannot trap.
                let drawn = backlog.elapsedWorkingDays.sample(&random)
                let elapsed = drawn.isFinite ? Swift.min(Swift.max(drawn, 0), Double(deadline)) : 0
                var record = DossierRecord(procedure: Int32(p), online: false, counted: true,
                                           instance: -1, arrivedAt: 0)
                record.accepted = true
                record.backlog = true
                record.dueAt = calendar.appointment(countingFrom: 0, workingDays: deadline - Int(elapsed.rounded(.down)))
                let stage = backlog.stage(reachedAfter: elapsed)
                record.stage = Int16(stage)
                let dossier = context.dossiers.add(record)
                context.dossiers[dossier].instance = drawHomeWard(for: context.dossiers[dossier])
                let clock = context.dossiers.clock(dossier)
                clock.pointee.mark = UInt32(truncatingIfNeeded: context.workingSecond(0))
                clock.pointee.parts[TimePart.beforeHorizon.rawValue] =
                    Int32((elapsed * model.legalSchedule.minutesPerWorkingDay * 60).rounded())
                context.conservation.backlog += 1
                context.tallies[p].backlog += 1
                enter(stage: stage, of: dossier)
                deliver()
            }
        }
    }
}
