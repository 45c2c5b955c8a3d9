// The desk check (docs/model.md §2): the one-stop desk reads the dossier, refuses it, sends
// the citizen away for missing papers, or receives it with an appointment date.

extension SimulationRun {
    /// Extra desk minutes of the check: scanning the components (digitization) and taking a
    /// cash fee; e-payment saves the latter (docs/model.md §6).
    @inline(__always)
    func deskExtras(_ dossier: Int32, _ p: Int) -> Double {
        var extra = 0.0
        let counted = context.dossiers[dossier].counted
        if procedures[p].digitization != nil, let digitization = procedures[p].digitization,
           routingRandom[p].nextUnit() < digitization.share {
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

    /// The desk check is over: refusal (Form 03), incomplete (Form 02, the citizen comes back
    /// later), or a receipt with the appointment date (Form 01).
    @inline(__always)
    func deskCheckDone(_ dossier: Int32) {
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
        if procedures[p].incomplete != nil, let incomplete = procedures[p].incomplete,
           routingRandom[p].nextUnit() < incomplete.share {
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
        context.dossiers[dossier].dueAt = calendar.appointment(receivedAt: now, day: context.dayOfNow,
                                                               workingDays: procedures[p].deadlineWorkingDays)
        if record.counted {
            context.tallies[p].accepted += 1
            if record.digitized { context.tallies[p].digitized += 1 }
        }
        decideWithdrawal(of: dossier, serial: record.serial, procedure: p)
        moveOn(dossier, from: 0)
    }

    /// The citizen sent away for missing papers comes back with them: the desk checks again.
    @inline(__always)
    func returnWithPapers(_ dossier: Int32) {
        enter(stage: 0, of: dossier)
    }
}
