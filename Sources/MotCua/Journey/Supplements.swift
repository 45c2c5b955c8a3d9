// Supplements (docs/model.md §4): after its work a processing office may ask the citizen for
// more papers; the deadline clock stops until they are handed in, and some steps stop it too.

extension SimulationRun {
    /// Whether the office of stage `step` asks for a supplement now (a repeated request at the
    /// same stage has its own share); if it does, the clock stops until the citizen hands the
    /// papers in, and then the office does its work again.
    @inline(__always)
    func asksForSupplement(_ dossier: Int32, _ record: DossierRecord, procedure p: Int, step: Int) -> Bool {
        // One draw per stage and pass: a pass at a stage follows each request made there.
        let pass = Int(record.stage) << 8 | Int(record.supplements)
        guard stages[step].supplement != nil, let supplement = stages[step].supplement,
              decides(.supplement, record.askedAtStage ? supplement.repeatShare : supplement.share, record,
                      occurrence: pass)
        else { return false }
        let now = context.now
        context.clock(dossier, next: .supplement)
        if record.counted { context.tallies[p].supplementRequests += 1 }
        context.dossiers[dossier].supplements &+= 1
        if context.dossiers[dossier].pausedAt.isNaN { context.dossiers[dossier].pausedAt = now }
        context.dossiers[dossier].lagDone = true
        context.dossiers[dossier].askedAtStage = true
        let delay = sample(supplement.delay, for: .supplementDelay, of: record, occurrence: pass)
        let back = Swift.max(now, legal.use { $0.finishTime(startingAt: now, workMinutes: delay) })
        if back < horizonEnd { context.schedule(at: back, .supplementDone, target: -1, dossier: dossier) }
        return true
    }

    /// The citizen hands in the supplement: the clock restarts and the office works again.
    @inline(__always)
    func supplementHandedIn(_ dossier: Int32) {
        restartDeadlineClock(dossier)
        enter(stage: Int(context.dossiers[dossier].stage), of: dossier)
    }

    /// The deadline clock restarts: the appointment moves by the working time it was stopped.
    func restartDeadlineClock(_ dossier: Int32) {
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
}
