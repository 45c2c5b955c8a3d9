// The result (docs/model.md §6): the dossier is finished, on time or late, and the result goes
// back to the citizen electronically, by post, or at the desk, where the citizen queues again.

extension SimulationRun {
    /// The result is ready: the dossier is finished, on time or late; late dossiers are
    /// checked for their apology; the result goes back to the citizen.
    @inline(__always)
    func finish(_ dossier: Int32) {
        let now = context.now
        let record = context.dossiers[dossier]
        let p = Int(record.procedure)
        context.conservation.finished += 1
        context.finishedPerDay[context.today] += 1
        let onTime = now <= record.dueAt && record.supplements <= 1
        let late: LogOutcome.Late = onTime ? .notLate : now <= record.dueAt ? .repeatedSupplements : .pastDue
        var apology = ApologyOutcome.notOwed
        if record.counted {
            if record.backlog { context.tallies[p].backlogFinished += 1 }
            context.countBreakdown(dossier, procedure: p, late: !onTime, pastDue: now > record.dueAt)
            if onTime {
                context.tallies[p].finishedOnTime += 1
                if record.backlog { context.tallies[p].backlogOnTime += 1 }
            } else {
                context.tallies[p].finishedLate += 1
                if record.backlog { context.tallies[p].backlogLate += 1 }
                if now <= record.dueAt { context.tallies[p].lateByRepeatedSupplements += 1 }
            }
            apology = account(apologyFor: record, doneAt: now)
            countForUnit(record, onTime: onTime)
        } else if context.log != nil {
            apology = self.apology(of: record, doneAt: now)
        }
        var resultChannel: LogOutcome.ResultChannel?
        if procedures[p].result != nil, let result = procedures[p].result {
            let u = decisions.unit(.resultChannel, procedure: p, serial: record.decisionKey)
            if u < result.electronicShare {
                resultChannel = .electronic
                if record.counted { context.tallies[p].resultsElectronic += 1 }
            } else if u < result.electronicShare + result.postalShare {
                resultChannel = .postal
                if record.counted { context.tallies[p].resultsPostal += 1 }
            } else {
                resultChannel = .desk
                if record.counted { context.tallies[p].resultsAtDesk += 1 }
                let desk = desk(of: record)
                let delay = sample(result.pickupDelay, for: .pickupDelay, of: record)
                let visit = Swift.max(now, officeSchedules[Int(desk)].use {
                    $0.finishTime(startingAt: now, workMinutes: delay)
                })
                if visit < horizonEnd { context.schedule(at: visit, .pickup, target: desk, dossier: Int32(p)) }
            }
        }
        context.logRow(dossier, record, finished: now, status: onTime ? "on time" : "late",
                       outcome: LogOutcome(late: late, apology: apology, result: resultChannel))
        context.dossiers.remove(dossier)
    }

    /// A citizen comes to `desk` to collect a paper result of procedure `p`, and queues there
    /// for the hand-over (the dossier itself is already finished).
    @inline(__always)
    func collectResult(procedure p: Int, at desk: Int32) {
        if let result = procedures[p].result {
            let work = result.service.sample(&serviceRandom[Int(desk)])
            withOffice(desk, work) { office, work in office.receive(dossier: -1, work: work, inPerson: true) }
        }
    }
}

extension SimulationRun {
    /// Position of unit `instance`'s tally for the field of procedure `p`.
    @inline(__always)
    func unitSlot(_ instance: Int32, procedure p: Int) -> Int {
        Int(instance) * model.scenario.fields.count + procedures[p].field
    }

    /// Counts a counted dossier's outcome for its home unit (city-scale scenarios only).
    @inline(__always)
    func countForUnit(_ record: DossierRecord, onTime: Bool) {
        guard model.collectsUnitFigures && record.instance >= 0 else { return }
        let u = unitSlot(record.instance, procedure: Int(record.procedure))
        if onTime { context.unitTallies[u].onTime += 1 } else { context.unitTallies[u].late += 1 }
    }
}
