// The apology (docs/model.md §5): an office that will miss the appointment owes the citizen a
// letter with a new date, sent at least one working day before the appointment.

extension SimulationRun {
    /// The apology rule (Decree 61/2018): an office that will miss the appointment sends an
    /// apology with one new date at least one working day before it. A dossier still open at
    /// that moment gets one in time with the policy's probability; a late dossier without it
    /// is apologised late, or never. Decided when the outcome is known, which is exact because
    /// the apology changes nothing else in the flow.
    /// - Parameter doneAt: when the dossier finished, or the end of the horizon if still open.
    func account(apologyFor record: DossierRecord, doneAt: SimTime) {
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
}
