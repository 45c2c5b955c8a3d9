// Withdrawal (docs/model.md §4): a citizen may give up waiting in a desk queue, never come
// back with the papers the desk asked for, or withdraw an accepted dossier during processing.
// This file is the one place that decides it and lets the dossier go; the offices and the
// desk check only call it.
//
// A withdrawn dossier leaves the count at once, but its slot stays taken while an event or a
// queue place still refers to it: whoever reaches that last reference frees it
// (``RunContext/releaseIfWithdrawn(_:)``), so a reused slot is never mistaken for it.

extension SimulationRun {
    /// At acceptance: with the procedure's share, the citizen will withdraw the dossier after
    /// a drawn working time, unless it is finished by then (``withdrawalDue(_:serial:)``).
    @inline(__always)
    func decideWithdrawal(of dossier: Int32, _ record: DossierRecord, procedure p: Int) {
        guard procedures[p].withdrawal != nil, let withdrawal = procedures[p].withdrawal,
              decides(.withdrawal, withdrawal.share, record) else { return }
        let now = context.now
        let after = sample(withdrawal.after, for: .withdrawalDelay, of: record)
        let at = Swift.max(now, legal.use { $0.finishTime(startingAt: now, workMinutes: after) })
        if at < horizonEnd {
            context.schedule(at: at, .withdraw, target: Int32(bitPattern: record.serial), dossier: dossier)
        }
    }

    /// The time to withdraw has come: the citizen withdraws the dossier if it is still in
    /// progress (its slot still holds the dossier with that `serial`, not yet withdrawn).
    @inline(__always)
    func withdrawalDue(_ dossier: Int32, serial: Int32) {
        let record = context.dossiers[dossier]
        if record.alive, !record.withdrawn, record.serial == UInt32(bitPattern: serial) {
            context.withdraw(dossier, released: false)
        }
    }
}

extension RunContext {
    /// The citizen withdraws the dossier (gives up in a queue, never returns with missing
    /// papers, or withdraws it during processing). `released` when nothing refers to it any more.
    func withdraw(_ dossier: Int32, released: Bool) {
        let record = dossiers[dossier]
        logRow(dossier, record, finished: now, status: "withdrawn")
        conservation.withdrawn += 1
        if record.counted { tallies[Int(record.procedure)].withdrawn += 1 }
        dossiers.markWithdrawn(dossier)
        if released { dossiers.release(dossier) }
    }

    /// Whether the dossier was withdrawn; if so, this was its last reference (an event or a
    /// queue place), and its slot is freed.
    @inline(__always)
    func releaseIfWithdrawn(_ dossier: Int32) -> Bool {
        guard dossiers[dossier].withdrawn else { return false }
        dossiers.release(dossier)
        return true
    }
}
