import Foundation

// The end-of-run rule for online and postal dossiers the desk never checked (docs/model.md §7.1,
// "waiting for the desk check"): kept apart from the event loop, read once per open dossier at
// the horizon end.
extension SimulationRun {
    /// The deadline of an online or postal dossier still waiting for its first desk check at the
    /// horizon end, counted from its submission as if the desk had received it then (after hours
    /// or on a day off: from the next working day, the rule of docs/model.md §1.3); nil for any
    /// other dossier, whose appointment (or "not due") stands.
    func deadlineFromSubmission(of record: DossierRecord) -> SimTime? {
        guard !record.accepted, !record.backlog, record.deskChecks == 0, record.online || record.postal else { return nil }
        let p = Int(record.procedure)
        let day = calendar.day(of: record.arrivedAt)
        let workingDays = procedures[p].hasDeadlineVersions
            ? model.deadlineWorkingDays(of: p, receivedOnDay: day) : procedures[p].deadlineWorkingDays
        return calendar.appointment(receivedAt: record.arrivedAt, day: day, workingDays: workingDays)
    }

    /// Counts a counted dossier still waiting for its first desk check at the end: how many,
    /// their summed age (wall-clock minutes since submission) and how many are past the deadline
    /// counted from their submission.
    func countAwaitingDeskCheck(_ record: DossierRecord, overdue: Bool) {
        let p = Int(record.procedure)
        context.tallies[p].awaitingDeskCheck += 1
        context.tallies[p].awaitingDeskCheckMinutes += Int(Swift.max(0, (horizonEnd - record.arrivedAt).rounded()))
        if overdue { context.tallies[p].awaitingDeskCheckOverdue += 1 }
    }
}
