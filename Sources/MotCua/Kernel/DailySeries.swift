import Foundation

/// The state of one replication at the end of each day (docs/model.md §7.7): dossiers in
/// progress, of which overdue and at the desks, and the dossiers that left without a result
/// that day (refused, withdrawn), so that each day chains to the one before:
/// in progress(t) = in progress(t−1) + received(t) − finished(t) − refused(t) − withdrawn(t).
struct DailySeries {
    var inProgress: [Int32]
    var overdue: [Int32]
    var atDesk: [Int32]
    var refused: [Int32]
    var withdrawn: [Int32]
    /// Refused so far at the last midnight recorded.
    private var refusedBefore = 0
    /// Withdrawn so far plus citizens gone from a queue, at the last midnight recorded.
    private var leftBefore = 0

    init(days: Int) {
        inProgress = [Int32](repeating: 0, count: days)
        overdue = inProgress
        atDesk = inProgress
        refused = inProgress
        withdrawn = inProgress
    }

    /// Books the day's refusals and withdrawals from the run's running totals. A citizen whose
    /// patience ran out in a queue (`gone`) leaves the in-progress count that midnight, before the
    /// office books the withdrawal, so the day counts it as withdrawn then, not when booked.
    mutating func recordLeft(day: Int, refusedSoFar: Int, withdrawnSoFar: Int, gone: Int) {
        refused[day] = Int32(clamping: refusedSoFar - refusedBefore)
        withdrawn[day] = Int32(clamping: withdrawnSoFar + gone - leftBefore)
        refusedBefore = refusedSoFar
        leftBefore = withdrawnSoFar + gone
    }
}

extension SimulationRun {
    /// Whether an open dossier counts as overdue at `time` by the rule the end of the run applies
    /// to the report's overdue count (docs/model.md §7.1): past its appointment, asked to supplement
    /// more than once, or, never checked at the desk, past the deadline counted from its submission.
    @inline(__always)
    func isOverdue(_ record: DossierRecord, at time: SimTime) -> Bool {
        if record.supplements > 1 { return true }
        return (deadlineFromSubmission(of: record) ?? record.dueAt) < time
    }

    /// Records the state at the end of `day` (at its midnight) into `series`.
    func recordDay(_ day: Int, into series: inout DailySeries) {
        let midnight = Double(day + 1) * 1440
        var overdue: Int32 = 0, atDesk: Int32 = 0
        context.dossiers.forEachLive { record in
            if isOverdue(record, at: midnight) { overdue += 1 }
            if record.stage == 0 { atDesk += 1 }
        }
        // Citizens whose patience ran out in a queue have left, though not yet withdrawn.
        var gone: Int32 = 0
        for office in offices {
            let left = office.onSharedExecutor(midnight) { office, time in office.dossiersGone(before: time) }
            gone += left.inProgress
            overdue -= left.overdue
            atDesk -= left.atDesk
        }
        series.inProgress[day] = Int32(context.dossiers.live) - gone
        series.overdue[day] = overdue
        series.atDesk[day] = atDesk
        series.recordLeft(day: day, refusedSoFar: context.conservation.refused,
                          withdrawnSoFar: context.conservation.withdrawn, gone: Int(gone))
    }
}
