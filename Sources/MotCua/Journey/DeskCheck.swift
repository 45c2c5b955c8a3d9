// The desk check (docs/model.md §2): the one-stop desk reads the dossier, refuses it, sends
// the citizen away for missing papers, or receives it with an appointment date. Receiving it
// includes scanning a paper dossier's components and taking the fee, once per dossier (§6).

extension SimulationRun {
    /// What a desk check finds (Forms 03, 02, 01).
    enum DeskOutcome { case refused, incomplete, accepted }

    /// What this desk check of the dossier finds. Drawn from the dossier's own randomness for
    /// this visit, so the same whenever asked: when the counter work is set (the check that
    /// receives the dossier takes longer) and when the check is done.
    @inline(__always)
    func deskOutcome(of record: DossierRecord, procedure p: Int) -> DeskOutcome {
        let visit = Int(record.deskChecks)
        if decides(.refusal, procedures[p].refusalShare, record, occurrence: visit) { return .refused }
        if procedures[p].incomplete != nil, let incomplete = procedures[p].incomplete,
           decides(.incomplete, incomplete.share, record, occurrence: visit) { return .incomplete }
        return .accepted
    }

    /// Whether the received dossier is electronic: filed online, or a paper dossier whose
    /// components the desk scans (with the procedure's share, decided once per dossier).
    @inline(__always)
    func isDigitized(_ record: DossierRecord, procedure p: Int) -> Bool {
        if record.online { return true }
        guard procedures[p].digitization != nil, let digitization = procedures[p].digitization else { return false }
        return decides(.scanning, digitization.share, record)
    }

    /// Whether the citizen is not asked again for documents the administration already holds
    /// (the procedure's re-use share, decided once per dossier): those are looked up, so a
    /// scanned dossier takes only part of the scanning time (docs/model.md §6.5).
    @inline(__always)
    func reusesDocuments(_ record: DossierRecord, procedure p: Int) -> Bool {
        guard let share = procedures[p].reuseShare else { return false }
        return decides(.reuse, share, record)
    }

    /// Whether the dossier's fee is paid electronically: always when filed online (paid on the
    /// portal), otherwise with the procedure's share, decided once per dossier.
    @inline(__always)
    func paysElectronically(_ record: DossierRecord, _ fee: FeeModel) -> Bool {
        record.online || decides(.ePayment, fee.ePaymentShare, record)
    }

    /// Extra counter minutes of the check that receives the dossier: scanning a paper dossier's
    /// components and taking a cash fee. A check that refuses the dossier or finds it
    /// incomplete does neither (docs/model.md §6).
    @inline(__always)
    func deskExtras(_ dossier: Int32, _ p: Int) -> Double {
        guard procedures[p].digitization != nil || procedures[p].fee != nil else { return 0 }
        let record = context.dossiers[dossier]
        guard deskOutcome(of: record, procedure: p) == .accepted else { return 0 }
        var extra = 0.0
        if !record.online, procedures[p].digitization != nil, let digitization = procedures[p].digitization,
           isDigitized(record, procedure: p) {
            let scanning = sample(digitization.service, for: .scanningTime, of: record)
            extra += reusesDocuments(record, procedure: p) ? scanning * procedures[p].reuseScanningShare : scanning
        }
        if procedures[p].fee != nil, let fee = procedures[p].fee, !paysElectronically(record, fee) {
            extra += sample(fee.cashService, for: .cashTime, of: record)
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
        let visit = Int(record.deskChecks)
        context.dossiers[dossier].deskChecks &+= 1
        switch deskOutcome(of: record, procedure: p) {
        case .refused:
            context.conservation.refused += 1
            if record.counted { context.tallies[p].refused += 1 }
            context.logRow(dossier, record, finished: now, status: "refused")
            context.dossiers.remove(dossier)
        case .incomplete:
            guard let incomplete = procedures[p].incomplete else { return }
            if record.counted { context.tallies[p].incomplete += 1 }
            if decides(.returnWithPapers, incomplete.returnShare, record, occurrence: visit) {
                context.clock(dossier, next: .away)
                let desk = officeSchedules[Int(desk(of: record))]
                let delay = sample(incomplete.returnDelay, for: .returnDelay, of: record, occurrence: visit)
                let back = Swift.max(now, desk.use { $0.finishTime(startingAt: now, workMinutes: delay) })
                if back < horizonEnd {
                    context.schedule(at: back, .returnWithPapers, target: -1, dossier: dossier)
                }
            } else {
                context.withdraw(dossier, released: true)
            }
        case .accepted:
            receive(dossier, record, procedure: p)
        }
    }

    /// The desk receives the dossier (Form 01): the appointment date is written, the dossier
    /// counts as accepted, electronic or not, and fee-paying (once, here), and goes on its route.
    @inline(__always)
    func receive(_ dossier: Int32, _ record: DossierRecord, procedure p: Int) {
        let digitized = isDigitized(record, procedure: p)
        context.dossiers[dossier].accepted = true
        context.dossiers[dossier].digitized = digitized
        let day = context.dayOfNow
        context.dossiers[dossier].receivedDay = UInt16(truncatingIfNeeded: day)
        let workingDays = procedures[p].hasDeadlineVersions
            ? model.deadlineWorkingDays(of: p, receivedOnDay: day) : procedures[p].deadlineWorkingDays
        context.dossiers[dossier].dueAt = calendar.appointment(receivedAt: context.now, day: day, workingDays: workingDays)
        let reused = reusesDocuments(record, procedure: p)
        context.dossiers[dossier].reused = reused
        if record.counted {
            context.tallies[p].accepted += 1
            if digitized { context.tallies[p].digitized += 1 }
            if procedures[p].reuseShare != nil {
                context.tallies[p].reuseEligible += 1
                if reused { context.tallies[p].reused += 1 }
            }
            if procedures[p].fee != nil, let fee = procedures[p].fee {
                context.tallies[p].feePaying += 1
                if paysElectronically(record, fee) { context.tallies[p].ePaid += 1 }
            }
        }
        if context.log != nil, procedures[p].fee != nil, let fee = procedures[p].fee {
            context.dossiers[dossier].ePaid = paysElectronically(record, fee)
        }
        decideWithdrawal(of: dossier, record, procedure: p)
        moveOn(dossier, from: 0)
    }

    /// The citizen sent away for missing papers comes back with them: the desk checks again.
    @inline(__always)
    func returnWithPapers(_ dossier: Int32) {
        enter(stage: 0, of: dossier)
    }
}
