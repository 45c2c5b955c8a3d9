// Along the route (docs/model.md §3): each stage is a lag (waiting without staff) and then
// the queue of the stage's office; paper dossiers leave the desk by the day's cut-off.

extension SimulationRun {
    /// The dossier reaches stage `stage` of its route: first its lag (waiting without staff),
    /// then the queue of the stage's office.
    func enter(stage: Int, of dossier: Int32) {
        let record = context.dossiers[dossier]
        let p = Int(record.procedure)
        guard stage < procedures[p].stageCount else {
            finish(dossier)
            return
        }
        let step = stageIndex(stage, of: p)
        let office = stage == 0 ? desk(of: record) : office(ofStage: step, instance: record.instance)
        if stages[step].pausesDeadline && record.pausedAt.isNaN && record.accepted {
            context.dossiers[dossier].pausedAt = context.now
        }
        if !record.lagDone, stages[step].lag != nil, let lag = stages[step].lag {
            let minutes = sample(lag, for: .lag, of: record, occurrence: stage)
            let now = context.now
            let done = Swift.max(now, officeSchedules[Int(office)].use {
                $0.finishTime(startingAt: now, workMinutes: minutes)
            })
            context.schedule(at: done, .lagDone, target: office, dossier: dossier)
            clockEntering(dossier, stage: stage, office: office, lagging: true)
            return
        }
        guard stages[step].service != nil, let service = stages[step].service else {
            stageDone(dossier)
            return
        }
        let work = service.sample(&serviceRandom[Int(office)])
        clockEntering(dossier, stage: stage, office: office, lagging: false)
        if stage == 0 {
            pending = OfficeRequest(office: office, dossier: dossier, work: work + deskExtras(dossier, p),
                                    priority: record.priority, inPerson: !record.online && !record.postal)
        } else {
            pending = OfficeRequest(office: office, dossier: dossier, work: work, priority: false, inPerson: false)
        }
    }

    /// The dossier, forwarded after the cut-off, reaches the office of its current stage.
    @inline(__always)
    func reachOffice(_ dossier: Int32) {
        enter(stage: Int(context.dossiers[dossier].stage), of: dossier)
    }

    /// The stage's lag is over: the dossier joins the office's queue.
    @inline(__always)
    func lagDone(_ dossier: Int32) {
        context.dossiers[dossier].lagDone = true
        enter(stage: Int(context.dossiers[dossier].stage), of: dossier)
    }

    /// The current stage's work is done: the desk check is decided, a processing office may
    /// ask for a supplement, or the dossier moves on.
    @inline(__always)
    func stageDone(_ dossier: Int32) {
        let record = context.dossiers[dossier]
        if record.stage == 0 {
            deskCheckDone(dossier)
            return
        }
        let p = Int(record.procedure)
        let step = stageIndex(Int(record.stage), of: p)
        if asksForSupplement(dossier, record, procedure: p, step: step) { return }
        if stages[step].pausesDeadline { restartDeadlineClock(dossier) }
        moveOn(dossier, from: Int(record.stage))
    }

    /// On to the next stage. Paper dossiers leave the desk the same day, or the next morning
    /// after the cut-off; electronic ones move at once.
    @inline(__always)
    func moveOn(_ dossier: Int32, from stage: Int) {
        let now = context.now
        // The stage's last work is charged before the stage is closed; forwarding, if any,
        // belongs to the next stage.
        context.clock(dossier, next: .forwarding)
        closeStage(dossier, context.dossiers[dossier])
        context.dossiers[dossier].stage = Int16(stage + 1)
        context.dossiers[dossier].lagDone = false
        context.dossiers[dossier].askedAtStage = false
        let record = context.dossiers[dossier]
        let forward = stage == 0 && !record.online
            ? calendar.forwardingTime(ofPaperReceivedAt: now, day: context.dayOfNow) : now
        if forward > now {
            if forward < horizonEnd {
                context.schedule(at: forward, .reachOffice, target: -1, dossier: dossier)
            }
            return
        }
        enter(stage: stage + 1, of: dossier)
    }
}
