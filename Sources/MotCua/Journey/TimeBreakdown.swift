// Where a dossier's time went (docs/model.md §12): its elapsed working time, from arrival to
// result, split into parts (the desk's queue, the desk's work, time away fetching missing
// papers, forwarding, each office's lag, tray, signing session and work, the citizen's
// supplements, the tax step, and for the opening backlog the time used before the horizon).
//
// Each dossier carries a clock (``DossierClock``, beside its record in the store): the legal
// working second of its last change of state and the part the time since then belongs to.
// Every change of state charges the working seconds since the last one to that part and names
// the next one, so the parts add up to the elapsed working time exactly, by construction: the
// charges are differences of one running count of whole working seconds.

/// The parts a dossier's elapsed working time is split into (docs/model.md §12).
public enum TimePart: Int, CaseIterable, Sendable {
    /// Opening backlog: the working time used before the horizon (drawn, not simulated).
    case beforeHorizon
    /// In the desk's queue (in line in person, or in its electronic queue).
    case deskQueue
    /// The desk's counter work (check, scanning, cash).
    case deskWork
    /// Sent away from the desk for missing papers (Form 02), until the citizen returns.
    case away
    /// Paper dossiers waiting for the next forwarding after the cut-off.
    case forwarding
    /// A step's fixed lag (site inspection, archive retrieval, posting).
    case lag
    /// In a processing office's tray, waiting for staff.
    case tray
    /// A processing office's work.
    case work
    /// Waiting for a leaders' signing session.
    case signing
    /// With the citizen for a supplement (the deadline clock stopped).
    case supplement
    /// At a step that stops the deadline clock (tax, financial obligations).
    case tax

    /// The number of parts: ``allCases`` builds an array at every use, too slow where the kernel counts.
    static let count = 11

    /// The part's identifier in the log, the JSON report and the CSV.
    public var id: String {
        switch self {
        case .beforeHorizon: "beforeHorizon"
        case .deskQueue: "deskQueue"
        case .deskWork: "deskWork"
        case .away: "awayForPapers"
        case .forwarding: "forwarding"
        case .lag: "lag"
        case .tray: "tray"
        case .work: "work"
        case .signing: "signingSession"
        case .supplement: "supplement"
        case .tax: "tax"
        }
    }

    /// The part's column in the per-dossier log (working seconds).
    public var logColumn: String {
        var column = ""
        for character in id {
            if character.isUppercase { column += "_" + character.lowercased() } else { column.append(character) }
        }
        return column + "_s"
    }

    /// Whether the part counts against the deadline (after the receipt, clock running).
    public var countsAgainstDeadline: Bool {
        switch self {
        case .forwarding, .lag, .tray, .work, .signing: true
        default: false
        }
    }

    /// The parts a step of the route can consume the deadline in, in the order
    /// ``BreakdownTally/topSteps`` lays them out per stage.
    public static let stepParts: [TimePart] = [.forwarding, .lag, .tray, .signing, .work]
}

/// A dossier's clock (see the file's head): the parts so far and the current stage's share of
/// them. Plain values, kept in the store beside the dossier's record (not in it, which the
/// journey copies at every event), in exactly one cache line: 64 bytes, the buffer aligned.
/// Its position (the part now running, ``DossierRecord/clockPart``), the stage's signing flag
/// and the top step live in the record, whose line each change of state reads anyway.
struct DossierClock: BitwiseCopyable {
    /// The low 32 bits of the legal working second of the last change of state: a charge is
    /// kept in 32 bits, so the low bits of the difference are all it needs.
    var mark: UInt32 = 0
    /// Seconds charged to each part, by ``TimePart`` raw value.
    var parts = InlineArray<11, Int32>(repeating: 0)  // TimePart.count
    /// The current stage's lag, wait (queue, tray or signing session), work and forwarding to it.
    var stageLag: Int32 = 0
    var stageWait: Int32 = 0
    var stageWork: Int32 = 0
    var stageForwarding: Int32 = 0

    /// Where ``parts`` lies in the clock, in bytes: after ``mark`` (`ClockLayoutTests` checks it
    /// against the layout). A constant, not the layout's answer: a stored one was initialised
    /// lazily, a call at every finished dossier.
    static var partsOffset: Int { 4 }

    /// The total of the parts.
    var elapsed: Int {
        var total = 0
        for i in parts.indices { total += Int(parts[i]) }
        return total
    }
}

extension RunContext {
    /// The legal working second of `time` (whole seconds of the legal calendar's open time,
    /// to the nearest; open time is never negative, so adding a half and truncating rounds
    /// without a call into the maths library).
    @inline(__always)
    func workingSecond(_ time: SimTime) -> Int64 {
        Int64(legal.use { $0.openTime(at: time) } * 60 + 0.5)
    }

    /// ``workingSecond(_:)`` of the present, remembered: a dossier's state changes several
    /// times in one event, and several dossiers' at one instant.
    @inline(__always)
    var workingSecondOfNow: Int64 {
        if now != clockTime {
            clockTime = now
            clockSecond = workingSecond(now)
        }
        return clockSecond
    }

    /// Charges the time since the dossier's last change of state to its part, and starts `next`.
    @inline(__always)
    func clock(_ dossier: Int32, next: TimePart) {
        clock(dossier, next: UInt8(next.rawValue))
    }

    @inline(__always)
    func clock(_ dossier: Int32, next: UInt8) {
        if dossiers[dossier].workStartPending { settleWorkStart(dossier) }
        charge(dossier, until: UInt32(truncatingIfNeeded: workingSecondOfNow), next: next)
    }

    /// Charges the time from the dossier's last change of state to `second` (low 32 bits of a
    /// legal working second) to its part, and starts `next` there.
    @inline(__always)
    private func charge(_ dossier: Int32, until second: UInt32, next: UInt8) {
        let clock = dossiers.clock(dossier)
        let spent = Int32(bitPattern: second &- clock.pointee.mark)
        let part = Int(dossiers[dossier].clockPart)
        clock.pointee.parts[part] &+= spent
        switch part {
        case TimePart.lag.rawValue: clock.pointee.stageLag &+= spent
        case TimePart.deskQueue.rawValue, TimePart.tray.rawValue, TimePart.signing.rawValue: clock.pointee.stageWait &+= spent
        case TimePart.deskWork.rawValue, TimePart.work.rawValue: clock.pointee.stageWork &+= spent
        case TimePart.forwarding.rawValue: clock.pointee.stageForwarding &+= spent
        default: break
        }
        clock.pointee.mark = second
        dossiers[dossier].clockPart = next
    }

    /// The office starts its work on the dossier: its queue time ends and its work begins.
    ///
    /// Only noted in the record, whose cache line the office has just read; the clock, a line
    /// of its own, is charged at the dossier's next change of state (``settleWorkStart(_:)``),
    /// which touches it anyway. That saves a cache miss at every start of work (the clock was
    /// about a twelfth of the city year's time), and the charges are the same integer sums, in
    /// the same order, as if made now.
    @inline(__always)
    func clockWorkStarts(_ dossier: Int32) {
        if dossiers[dossier].workStartPending { settleWorkStart(dossier) }
        dossiers[dossier].workStartSecond = UInt32(truncatingIfNeeded: workingSecondOfNow)
        dossiers[dossier].workStartPending = true
    }

    /// Charges the start of work noted by ``clockWorkStarts(_:)``, as it would have been charged
    /// then: the queue's time up to it, and the desk's or the office's work from it. Done before
    /// anything reads or charges the clock.
    @inline(__always)
    func settleWorkStart(_ dossier: Int32) {
        dossiers[dossier].workStartPending = false
        let queue = dossiers[dossier].clockPart
        charge(dossier, until: dossiers[dossier].workStartSecond,
               next: UInt8((queue == UInt8(TimePart.deskQueue.rawValue) ? TimePart.deskWork : TimePart.work).rawValue))
    }

    /// The dossier leaves stage `stage` (of procedure `p`, at office `office`): the stage's time
    /// is closed; at a step that stops the deadline clock it is moved to the tax part; otherwise
    /// its largest deadline-consuming part is compared with the dossier's largest so far. With a
    /// log, the stage's office, lag, wait and work are added to the dossier's trail.
    @inline(__always)
    func closeStage(_ dossier: Int32, stage: Int, office: @autoclosure () -> Int32, pausesDeadline: Bool) {
        let clock = dossiers.clock(dossier)
        var c = clock.pointee
        let signs = dossiers[dossier].stageSigns
        if keepsTrails {
            trail(dossier, office: office(), lag: c.stageLag, wait: c.stageWait, work: c.stageWork)
        }
        if pausesDeadline && stage > 0 {
            c.parts[TimePart.lag.rawValue] &-= c.stageLag
            c.parts[(signs ? TimePart.signing : TimePart.tray).rawValue] &-= c.stageWait
            c.parts[TimePart.work.rawValue] &-= c.stageWork
            c.parts[TimePart.tax.rawValue] &+= c.stageLag &+ c.stageWait &+ c.stageWork
        } else if stage > 0 {
            // Positions in ``TimePart/stepParts``; ties go to the earlier step and part.
            let wait: UInt8 = signs ? 3 : 2
            var best = dossiers[dossier].topSeconds, position = UInt8(255)
            if c.stageForwarding > best { best = c.stageForwarding; position = 0 }
            if c.stageLag > best { best = c.stageLag; position = 1 }
            if c.stageWait > best { best = c.stageWait; position = wait }
            if c.stageWork > best { best = c.stageWork; position = 4 }
            if position != 255 {
                dossiers[dossier].topSeconds = best
                dossiers[dossier].topStage = Int16(stage)
                dossiers[dossier].topPart = position
            }
        }
        c.stageLag = 0; c.stageWait = 0; c.stageWork = 0; c.stageForwarding = 0
        clock.pointee = c
    }

    /// Adds a stage to the dossier's trail for the log: `office:lag/wait/work` in working seconds.
    private func trail(_ dossier: Int32, office: Int32, lag: Int32, wait: Int32, work: Int32) {
        let entry = "\(model.offices[Int(office)].id):\(lag)/\(wait)/\(work)"
        if let previous = trails[dossier] { trails[dossier] = previous + ";" + entry } else { trails[dossier] = entry }
    }

    /// Counts a finished dossier's parts in its procedure's breakdown (counted dossiers only).
    /// Only a dossier past its appointment names the step that consumed its deadline; one late
    /// only by the one-request rule met its date and is counted apart (docs/model.md §12).
    func countBreakdown(_ dossier: Int32, procedure p: Int, late: Bool, pastDue: Bool) {
        let row = (p * 2 + (late ? 1 : 0))
        breakdownDossiers[row] += 1
        // The parts read where they lie, as the plain 32-bit numbers an inline array is laid
        // out as, rather than through a copy of the whole clock and checked reads of its array.
        let parts = UnsafeRawPointer(dossiers.clock(dossier)) + DossierClock.partsOffset
        let sums = breakdownSeconds.address(row * TimePart.count)
        for i in 0..<TimePart.count { sums[i] += Int(parts.load(fromByteOffset: i * 4, as: Int32.self)) }
        let topStage = dossiers[dossier].topStage
        if late, !pastDue { breakdownLateByRule[p] += 1 }
        if pastDue, topStage >= 0 {
            topSteps[firstTopStep[p] + Int(topStage) * TimePart.stepParts.count + Int(dossiers[dossier].topPart)] += 1
        }
    }

    /// The breakdown of each procedure, for the run's result.
    func breakdownTallies() -> [BreakdownTally] {
        let parts = TimePart.count
        return (0..<model.procedures.count).map { p in
            func seconds(_ row: Int) -> [Int] { (0..<parts).map { breakdownSeconds[row * parts + $0] } }
            let stepCount = model.procedures[p].stageCount * TimePart.stepParts.count
            return BreakdownTally(onTime: breakdownDossiers[p * 2], late: breakdownDossiers[p * 2 + 1],
                                  onTimeSeconds: seconds(p * 2), lateSeconds: seconds(p * 2 + 1),
                                  topSteps: (0..<stepCount).map { topSteps[firstTopStep[p] + $0] },
                                  lateByRule: breakdownLateByRule[p])
        }
    }
}

/// Where the time of one procedure's finished dossiers went in one run (docs/model.md §12):
/// dossiers finished on time and late, the working seconds of each part summed over them, and
/// for the late ones, how many lost most of their deadline in each step.
public struct BreakdownTally: Sendable, Codable, Equatable {
    /// Counted dossiers finished on time, and late.
    public var onTime: Int
    public var late: Int
    /// Working seconds summed over those dossiers, by ``TimePart`` raw value.
    public var onTimeSeconds: [Int]
    public var lateSeconds: [Int]
    /// Dossiers past their appointment whose largest deadline-consuming step was each (stage,
    /// part): index `stage × 5 + i`, `i` the position of the part in ``TimePart/stepParts``.
    public var topSteps: [Int]
    /// Of ``late``, the dossiers late only by the one-request rule: asked to supplement more
    /// than once, finished by their appointment; no step consumed their deadline.
    public var lateByRule: Int = 0
}

extension SimulationRun {
    /// The dossier reaches a stage: the part its time now goes to (lag, the office's queue —
    /// the desk's, a tray or a signing session).
    @inline(__always)
    func clockEntering(_ dossier: Int32, stage: Int, office: Int32, lagging: Bool) {
        let signs = signsInSessions[Int(office)]
        let next: TimePart = stage == 0 ? .deskQueue : lagging ? .lag : signs ? .signing : .tray
        context.clock(dossier, next: next)
        context.dossiers[dossier].stageSigns = signs
    }

    /// The dossier leaves its current stage (see ``RunContext/closeStage(_:stage:office:pausesDeadline:)``).
    @inline(__always)
    func closeStage(_ dossier: Int32, _ record: DossierRecord) {
        let p = Int(record.procedure)
        let stage = Int(record.stage)
        guard stage < procedures[p].stageCount else { return }
        let step = stageIndex(stage, of: p)
        context.closeStage(dossier, stage: stage, office: self.office(ofStage: step, instance: record.instance),
                           pausesDeadline: stages[step].pausesDeadline)
    }
}

extension RunContext {
    /// The log's time cells of a dossier leaving now (docs/output-format.md): its time is charged
    /// up to now and its current stage closed, then its parts, elapsed time, top step and stages.
    /// Called with a log only.
    func timeCells(_ dossier: Int32, _ record: DossierRecord) -> [String] {
        let p = Int(record.procedure)
        // A noted start of work first, so that the part read here is the one now running.
        if dossiers[dossier].workStartPending { settleWorkStart(dossier) }
        clock(dossier, next: dossiers[dossier].clockPart)
        let stage = Int(record.stage)
        if stage < model.procedures[p].stageCount {
            let office = model.office(ofStage: stage, of: p, instance: record.instance)
            closeStage(dossier, stage: stage, office: office,
                       pausesDeadline: model.stages[model.procedures[p].firstStage + stage].pausesDeadline)
        }
        let c = dossiers.clock(dossier).pointee
        // The top step as closing the stage left it (not the caller's copy of the record).
        let topStage = dossiers[dossier].topStage, topPart = dossiers[dossier].topPart
        var cells = (0..<TimePart.allCases.count).map { String(c.parts[$0]) }
        // Counted apart from the parts: from the arrival and the present instant, plus the
        // backlog's time before the horizon, which no instant of the run holds.
        cells.append(String(workingSecond(now) - workingSecond(record.arrivedAt) + Int64(c.parts[TimePart.beforeHorizon.rawValue])))
        var top = ""
        if topStage >= 0 {
            let office = model.office(ofStage: Int(topStage), of: p, instance: record.instance)
            top = TimePart.stepParts[Int(topPart)].id + ":" + model.scenario.offices[model.offices[Int(office)].entry].id
        }
        cells.append(DossierLog.cell(top))
        cells.append(DossierLog.cell(trails.removeValue(forKey: dossier) ?? ""))
        return cells
    }
}
