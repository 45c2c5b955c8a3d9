// The apology (docs/model.md §5): an office that misses the appointment owes the citizen a
// letter (Form 04) with one new date, sent before the date passes; missing the new date is a
// second breach.

extension SimulationRun {
    /// The apology rule of docs/model.md §5. Owed for every dossier whose appointment passed
    /// before it finished (or that is still open past it at the end); a dossier late only
    /// because it was asked to supplement more than once met its date and is owed none. Sent
    /// in time (one working day before the date, or for deadlines too short for that, as soon
    /// as the office knows, before the date passes) with the policy's share, with a new date
    /// `apologyExtensionWorkingDays` later; otherwise sent late with its share, or never.
    /// Decided when the outcome is known, which is exact because the apology changes nothing
    /// else in the flow and its draw is the dossier's own.
    /// - Parameter doneAt: when the dossier finished, or the end of the horizon if still open.
    /// - Returns: the apology, for the dossier log.
    @discardableResult
    func account(apologyFor record: DossierRecord, doneAt: SimTime) -> ApologyOutcome {
        let outcome = apology(of: record, doneAt: doneAt)
        let p = Int(record.procedure)
        switch outcome {
        case .notOwed: break
        case .inTime(let newDate):
            context.tallies[p].apologiesSent += 1
            context.tallies[p].lateApologisedOnTime += 1
            switch newDate {
            case .missed: context.tallies[p].newDateMissed += 1
            case .met: context.tallies[p].newDateMet += 1
            case .pending: context.tallies[p].newDatePending += 1
            }
        case .late:
            context.tallies[p].apologiesSent += 1
            context.tallies[p].lateApologisedLate += 1
        case .never:
            context.tallies[p].lateNotApologised += 1
        }
        return outcome
    }

    /// The apology the rule gives `record` (see ``account(apologyFor:doneAt:)``); its draws are
    /// the dossier's own, so asking changes nothing else.
    func apology(of record: DossierRecord, doneAt: SimTime) -> ApologyOutcome {
        guard record.accepted, doneAt > record.dueAt else { return .notOwed }
        // The rules in force on the receipt date (docs/model.md §11).
        let policies = model.policyVersions.isEmpty ? self.policies : model.policies(receivedOnDay: record.receivedDay == DossierRecord.notReceived ? -1 : Int(record.receivedDay))
        if decides(.apologyInTime, policies.apologyOnTimeShare, record) {
            let newDue = legal.use {
                $0.wallTime(atOpenTime: $0.openTime(at: record.dueAt)
                                + Double(policies.apologyExtensionWorkingDays) * $0.minutesPerWorkingDay,
                            resuming: false, fromDay: calendar.day(of: record.dueAt))
            }
            if doneAt > newDue { return .inTime(newDate: .missed) }
            return .inTime(newDate: doneAt < horizonEnd ? .met : .pending)
        } else if decides(.apologyLate, policies.apologyLateShare, record) {
            return .late
        }
        return .never
    }
}
