/// An office of the one-stop flow — a one-stop desk (Bộ phận Tiếp nhận và Trả kết quả), a
/// specialist department (phòng chuyên môn), the Land Registration Office branch (Chi nhánh
/// Văn phòng Đăng ký đất đai), a ward office (UBND phường) or the leadership (Lãnh đạo UBND)
/// — as an actor: a queue of dossiers served by its staff during its opening hours, with a
/// priority lane, staff that change with the calendar, and optionally work in sessions
/// (the leaders sign at set times) and citizens who give up waiting.
///
/// All offices of a run share the run's serial executor, so the scheduler's calls into an
/// office never suspend. An office never starts tasks of its own: everything it does is a
/// reply to an event of the scheduler, and its follow-ups are events on the agenda.
///
/// Its mutable state is marked `@exclusivity(unchecked)`: actor isolation already rules out
/// concurrent access, and the runtime's checks for overlapping access cost about a sixth of
/// the kernel's time (measured with `perf` on `scenarios/validation/mmc-bench.json`).
actor Office {
    /// The run's shared executor.
    nonisolated let unownedExecutor: UnownedSerialExecutor
    /// Position among the run's offices.
    nonisolated let index: Int32
    /// Kept alive here: `unownedExecutor` does not retain it.
    private let executor: RunExecutor
    private let context: RunContext
    private let schedule: OfficeSchedule
    private let plan: [StaffStep]
    private let sessions: [Int]
    /// `!sessions.isEmpty`, kept in the office itself: reading the array's count at every
    /// dossier received loaded the array's storage, a cache line of its own.
    private let worksInSessions: Bool
    private let patience: Sampler?
    /// Citizens at the counter are served before electronic dossiers (`policies.deskOrder`,
    /// docs/model.md §2.2): in-person entries then wait in ``counterQueue``, not ``queue``.
    private let citizensFirst: Bool
    /// Open minutes an electronic dossier may wait here before it is taken ahead of the next
    /// citizen (`"citizens-first-bounded"`, docs/model.md §2.2); `nil` with the other orders,
    /// which then never look at it.
    private let electronicWaitLimit: Double?
    @exclusivity(unchecked) private var staff: Int
    @exclusivity(unchecked) private var busy = 0
    @exclusivity(unchecked) private var priorityQueue = RingBuffer<Waiting>(placeholder: .none)
    @exclusivity(unchecked) private var queue = RingBuffer<Waiting>(placeholder: .none)
    /// Citizens in person outside the priority lane, in ticket order, when citizens go first;
    /// ``queue`` then holds the electronic (online, postal) dossiers, worked while it is empty.
    @exclusivity(unchecked) private var counterQueue = RingBuffer<Waiting>(placeholder: .none)
    /// Dossiers waiting for the next session (offices working in sessions).
    @exclusivity(unchecked) private var tray = RingBuffer<Waiting>(placeholder: .none)
    @exclusivity(unchecked) private var patienceRandom: RandomStream
    @exclusivity(unchecked) private var tally = OfficeTally()
    @exclusivity(unchecked) private var lastOpenTime = 0.0
    @exclusivity(unchecked) private var busyOpenMinutes = 0.0
    @exclusivity(unchecked) private var staffOpenMinutes = 0.0
    /// Dossiers waiting at the end of each day, filled in when the office is next touched
    /// (its queue only changes when it is touched, so this is exact).
    private let waitingByDay: PlainBuffer<Int32>
    @exclusivity(unchecked) private var daysRecorded = 0
    /// When the day after the last recorded one starts: before it there is nothing to record.
    @exclusivity(unchecked) private var nextDayStarts = firstInstant(ofDay: 1)
    /// Counted citizens who queued in person, and those of them who gave up, by day of arrival
    /// (desks with a patience only; empty otherwise): the worst day's share (docs/model.md §7.4).
    private let inPersonByDay: PlainBuffer<Int32>
    private let gaveUpByDay: PlainBuffer<Int32>
    /// Waits of citizens queueing in person by the hour of the day they arrived: count and
    /// sum (the tally's arrays, kept here as plain buffers until ``close(at:)``).
    private let waitCountByHour = PlainBuffer<Int>(repeating: 0, count: 24)
    private let waitSumByHour = PlainBuffer<Double>(repeating: 0, count: 24)
    /// The counted waits in line and in the tray, for their 90th percentiles.
    @exclusivity(unchecked) private var lineHistogram = LogHistogram()
    @exclusivity(unchecked) private var trayHistogram = LogHistogram()
    /// End of the warm-up: waits before it are not counted.
    private let warmUpEnd: SimTime

    /// A dossier (or, with `dossier == -1`, a citizen collecting a result) waiting for staff.
    private struct Waiting {
        // The 8-byte fields first: 32 bytes a place instead of 40 (a queue of millions of
        // dossiers is most of a run's memory when an office never catches up).
        var arrivedAt: SimTime
        var work: Double
        /// When the citizen leaves unless called (infinity: never gives up): the end of the
        /// patience, or the desk's closing when the patience ends overnight (``leavingTime``).
        var givesUpAt: SimTime
        var dossier: Int32
        var counted: Bool
        /// A citizen waits in person (the hour-of-day figures are about them).
        var inPerson: Bool
        /// The hour of the day the citizen arrived (0–23; citizens in person only).
        var arrivalHour: Int8

        /// What fills a queue's unused places.
        static let none = Waiting(arrivedAt: 0, work: 0, givesUpAt: 0, dossier: -1, counted: false, inPerson: false,
                                  arrivalHour: 0)
    }

    init(model: OfficeModel, context: RunContext, executor: RunExecutor, seed: UInt64) {
        unownedExecutor = executor.asUnownedSerialExecutor()
        self.executor = executor
        index = model.index
        self.context = context
        schedule = context.model.schedules[model.schedule]
        plan = model.staffPlan
        sessions = model.sessions
        worksInSessions = !model.sessions.isEmpty
        patience = model.patience
        let policies = context.model.scenario.policies
        citizensFirst = policies.deskOrder == .citizensFirst || policies.deskOrder == .citizensFirstBounded
        electronicWaitLimit = policies.deskOrder == .citizensFirstBounded
            ? policies.electronicWaitLimitHours.map { $0 * 60 } : nil
        let patienceDays = model.patience == nil ? 0 : context.model.scenario.horizon.days
        inPersonByDay = PlainBuffer(repeating: 0, count: patienceDays)
        gaveUpByDay = PlainBuffer(repeating: 0, count: patienceDays)
        staff = model.staff
        waitingByDay = PlainBuffer(repeating: 0, count: context.model.scenario.horizon.days)
        warmUpEnd = context.model.warmUpEnd
        patienceRandom = RandomStream(seed: seed, stream: "patience/\(model.id)")
    }

    /// Schedules the office's own recurring events: staff changes and sessions.
    func prepare() {
        if plan.count > 1 { context.schedule(at: plan[1].time, .staffChange, target: index, dossier: 1) }
        if !sessions.isEmpty {
            let first = context.model.nextSession(atOrAfter: 0, sessions: sessions)
            if first < context.model.horizonEnd { context.schedule(at: first, .session, target: index) }
        }
    }

    /// A dossier joins this office's queue and waits for `work` minutes of staff effort (drawn
    /// by the scheduler from this office's own service-time stream).
    /// - Parameters:
    ///   - dossier: the dossier, or -1 for a citizen collecting a result.
    ///   - inPerson: a citizen queues in person (and may give up); otherwise an electronic or internal queue.
    func receive(dossier: Int32, work: Double, priority: Bool = false, inPerson: Bool = false) {
        let now = context.now
        recordDays(before: now)
        let counted = dossier >= 0 ? context.dossiers[dossier].counted : now >= warmUpEnd
        var givesUpAt = SimTime.infinity
        if inPerson, let patience {
            givesUpAt = leavingTime(arrived: now, patienceEnds: now + patience.sample(&patienceRandom))
            if counted { countInPerson(arrivedAt: now, in: inPersonByDay) }
        }
        let hour = inPerson ? Int8(Swift.min(23, Swift.max(0, Int(context.minuteOfNow / 60)))) : 0
        let entry = Waiting(arrivedAt: now, work: work, givesUpAt: givesUpAt, dossier: dossier,
                            counted: counted, inPerson: inPerson, arrivalHour: hour)
        if !worksInSessions && busy < staff && priorityQueue.isEmpty && counterQueue.isEmpty && queue.isEmpty {
            // Staff are free and nobody waits: what queueing the dossier and starting the
            // waiting ones would do, without the queue.
            startUnlessGone(entry, now: now)
            return
        }
        if worksInSessions {
            tray.append(entry)
        } else if priority {
            priorityQueue.append(entry)
        } else if inPerson && citizensFirst {
            counterQueue.append(entry)
        } else {
            queue.append(entry)
        }
        startWaiting(now: now)
    }

    /// A staff member has finished a dossier: the next waiting one (priority lane first) is started.
    func serviceDone() {
        let now = context.now
        recordDays(before: now)
        changeBusy(by: -1, now: now)
        startWaiting(now: now)
    }

    /// A session begins: the dossiers in the tray are worked through.
    func session() {
        let now = context.now
        recordDays(before: now)
        while let entry = tray.popFirst() { queue.append(entry) }
        startWaiting(now: now)
        let next = context.model.nextSession(atOrAfter: now + 1, sessions: sessions)
        if next < context.model.horizonEnd { context.schedule(at: next, .session, target: index) }
    }

    /// The staff changes to step `step` of the plan (training days, leave, a new head count).
    func changeStaff(step: Int) {
        let now = context.now
        recordDays(before: now)
        changeBusy(by: 0, now: now)
        staff = plan[step].staff
        startWaiting(now: now)
        if step + 1 < plan.count {
            context.schedule(at: plan[step + 1].time, .staffChange, target: index, dossier: Int32(step + 1))
        }
    }

    /// Records the queue at the end of every day that ended before `now`.
    @inline(__always)
    private func recordDays(before now: SimTime) {
        guard now >= nextDayStarts else { return }
        let today = Swift.min(Int(now / 1440), waitingByDay.count)
        guard today > daysRecorded else { return }
        let waiting = Int32(queue.count + priorityQueue.count + counterQueue.count + tray.count)
        while daysRecorded < today { waitingByDay[daysRecorded] = waiting; daysRecorded += 1 }
        nextDayStarts = firstInstant(ofDay: daysRecorded + 1)
    }

    /// Starts waiting dossiers while staff are free — the priority lane, then the citizens at the
    /// counter, then the rest — skipping withdrawn dossiers and citizens who gave up before their turn.
    @inline(__always)
    private func startWaiting(now: SimTime) {
        if let electronicWaitLimit {
            startWaitingBounded(now: now, limit: electronicWaitLimit)
            return
        }
        while busy < staff, let entry = priorityQueue.popFirst() ?? counterQueue.popFirst() ?? queue.popFirst() {
            startUnlessGone(entry, now: now)
        }
    }

    /// ``startWaiting(now:)`` under `"citizens-first-bounded"`: the oldest electronic dossier goes
    /// ahead of every citizen (the priority lane too) once it has waited `limit` open minutes or
    /// more; otherwise the order of `"citizens-first"`. Checking at each start is enough: a
    /// counter only ever passes an electronic dossier over for a citizen here, so an electronic
    /// dossier that reaches the limit while every counter is busy is taken by the next one free.
    private func startWaitingBounded(now: SimTime, limit: Double) {
        while busy < staff {
            let entry: Waiting
            if let oldest = queue.first, !(priorityQueue.isEmpty && counterQueue.isEmpty),
               schedule.openTime(at: now) - schedule.openTime(at: oldest.arrivedAt) >= limit {
                entry = oldest
                _ = queue.popFirst()
            } else if let next = priorityQueue.popFirst() ?? counterQueue.popFirst() ?? queue.popFirst() {
                entry = next
            } else {
                return
            }
            startUnlessGone(entry, now: now)
        }
    }

    /// Starts `entry`, unless its dossier was withdrawn or its citizen gave up waiting.
    @inline(__always)
    private func startUnlessGone(_ entry: Waiting, now: SimTime) {
        if entry.dossier >= 0 && context.releaseIfWithdrawn(entry.dossier) { return }
        // A citizen without a limit to their patience (most entries) never leaves: the opening
        // is not needed, and computing it for them cost a calendar search at every start.
        if entry.givesUpAt < .infinity && entry.givesUpAt < schedule.nextOpening(atOrAfter: now) {
            // The citizen left the queue before this turn came: citizens are served in
            // ticket order, so noticing it only now is exact.
            giveUp(entry)
            return
        }
        start(entry, now: now)
    }

    /// Of the dossiers waiting here, those whose citizen's patience ran out before `time`: they
    /// have left, though the model withdraws them only when their turn comes (or at the end),
    /// so the daily counts of dossiers in progress, overdue and at a desk leave them out.
    func dossiersGone(before time: SimTime) -> (inProgress: Int32, overdue: Int32, atDesk: Int32) {
        guard patience != nil else { return (0, 0, 0) }
        var gone: (inProgress: Int32, overdue: Int32, atDesk: Int32) = (0, 0, 0)
        func count(_ entry: Waiting) {
            guard entry.dossier >= 0, entry.givesUpAt < time else { return }
            let record = context.dossiers[entry.dossier]
            guard !record.withdrawn else { return }
            gone.inProgress += 1
            if record.dueAt < time { gone.overdue += 1 }
            if record.stage == 0 { gone.atDesk += 1 }
        }
        priorityQueue.forEach(count)
        counterQueue.forEach(count)
        queue.forEach(count)
        tray.forEach(count)
        return gone
    }

    /// The citizen of `entry` left the queue: counted at the office and, for a dossier, at its
    /// procedure (the desk guard's count), and the dossier is withdrawn — logged at the time the
    /// citizen left (``leavingTime``), not when the turn came (review 3 #7: a citizen booked 10.4
    /// working hours in line overnight).
    private func giveUp(_ entry: Waiting) {
        tally.abandoned += 1
        if entry.counted { countInPerson(arrivedAt: entry.arrivedAt, in: gaveUpByDay) }
        guard entry.dossier >= 0 else { return }
        let record = context.dossiers[entry.dossier]
        if record.counted { context.tallies[Int(record.procedure)].gaveUpAtDesk += 1 }
        let now = context.now
        context.now = Swift.min(now, entry.givesUpAt)
        context.withdraw(entry.dossier, released: true)
        context.now = now
    }

    /// When a citizen who arrived at `arrived` and whose patience ends at `patienceEnds` leaves:
    /// then, if the desk is open or only closed for a break that day; at the desk's closing, if
    /// the patience ends overnight (or over days off), since nobody queues through the night
    /// (docs/model.md §2.4). Either way before the next opening after it, so the turn finds the
    /// citizen gone exactly when it would with the end of the patience.
    private func leavingTime(arrived: SimTime, patienceEnds: SimTime) -> SimTime {
        if schedule.alwaysOpen { return patienceEnds }
        let open = schedule.openTime(at: patienceEnds)
        let day = dayIndex(of: patienceEnds)
        let opening = schedule.wallTime(atOpenTime: open, resuming: true, fromDay: day)
        // Open at that instant (the round trip through open time may move it by a hair).
        if opening <= patienceEnds + 1e-6 { return patienceEnds }
        let closing = schedule.wallTime(atOpenTime: open, resuming: false, fromDay: dayIndex(of: arrived))
        if closing.isFinite && dayIndex(of: opening) > dayIndex(of: closing) { return Swift.max(arrived, closing) }
        return patienceEnds
    }

    /// Adds one to the day of `arrivedAt` in `days` (a day past the horizon is not kept).
    @inline(__always)
    private func countInPerson(arrivedAt: SimTime, in days: borrowing PlainBuffer<Int32>) {
        let day = dayIndex(of: arrivedAt)
        if day >= 0 && day < days.count { days[day] += 1 }
    }

    @inline(__always)
    private func start(_ entry: Waiting, now: SimTime) {
        // The open time of `now`, counted once for the utilization, the wait and the finish
        // (each of which counted it again before): the same numbers, one calendar look-up.
        let open = changeBusy(by: 1, now: now)
        let day = schedule.alwaysOpen ? 0 : dayIndex(of: now)
        if entry.dossier >= 0 { context.clockWorkStarts(entry.dossier) }
        if entry.counted {
            // ``OfficeSchedule/nextOpening(atOrAfter:)`` from the open time already known.
            let opening = schedule.alwaysOpen ? now : schedule.wallTime(atOpenTime: open, resuming: true, fromDay: day)
            let wait = opening - entry.arrivedAt
            // Each wait goes to its own kind only; the figures of both together are added up
            // once, in close(at:).
            if entry.inPerson {
                tally.lineWait.add(wait)
                lineHistogram.add(wait)
                let hour = Int(entry.arrivalHour)
                waitCountByHour[hour] += 1
                waitSumByHour[hour] += wait
            } else {
                tally.trayWait.add(wait)
                trayHistogram.add(wait)
            }
            if let waitLog = context.waitLog {
                waitLog.record(office: index, inPerson: entry.inPerson, wait: wait,
                               arrivedOpen: schedule.openTime(at: entry.arrivedAt), startedOpen: open)
            }
        }
        // ``OfficeSchedule/finishTime(startingAt:workMinutes:)`` from the open time already known.
        let finish = schedule.alwaysOpen
            ? now + entry.work : schedule.wallTime(atOpenTime: open + entry.work, resuming: false, fromDay: day)
        let done = Swift.max(now, finish)
        context.schedule(at: done, .serviceDone, target: index, dossier: entry.dossier)
    }

    /// Integrates busy and available staff over open time, for the utilization; returns the
    /// open time of `now` (``OfficeSchedule/openTime(at:)``).
    @inline(__always) @discardableResult
    private func changeBusy(by delta: Int, now: SimTime) -> Double {
        let open = schedule.openTime(at: now)
        busyOpenMinutes += Double(busy) * (open - lastOpenTime)
        staffOpenMinutes += Double(staff) * (open - lastOpenTime)
        lastOpenTime = open
        busy += delta
        return open
    }

    /// Closes the books at `end`; returns what the office measured. A citizen whose patience
    /// ran out while waiting has left (the model notices it only when the turn comes, FIFO):
    /// the dossier is withdrawn at the time the patience ran out, as the daily counts already
    /// left it out (``dossiersGone(before:)``); whoever still waits is in the queue at the end,
    /// the dossier in progress.
    func close(at end: SimTime) -> OfficeTally {
        changeBusy(by: 0, now: end)
        recordDays(before: end)
        var waiting = 0
        func settle(_ entry: Waiting) {
            if entry.dossier >= 0 && context.releaseIfWithdrawn(entry.dossier) { return }
            if entry.givesUpAt < end {
                giveUp(entry)
            } else {
                waiting += 1
            }
        }
        priorityQueue.forEach(settle)
        counterQueue.forEach(settle)
        queue.forEach(settle)
        tray.forEach(settle)
        var result = tally
        result.waitCountByHour = waitCountByHour.array
        result.waitSumByHour = waitSumByHour.array
        result.lineWait.p90 = lineHistogram.quantile(0.9)
        result.trayWait.p90 = trayHistogram.quantile(0.9)
        result.served = result.lineWait.count + result.trayWait.count
        result.waitSum = result.lineWait.sum + result.trayWait.sum
        result.waitSumOfSquares = result.lineWait.sumOfSquares + result.trayWait.sumOfSquares
        result.waitMax = Swift.max(result.lineWait.max, result.trayWait.max)
        var all = LogHistogram()
        all.add(contentsOf: lineHistogram)
        all.add(contentsOf: trayHistogram)
        result.waitP90 = all.quantile(0.9)
        result.busyMinutes = busyOpenMinutes
        result.availableMinutes = staffOpenMinutes
        result.queueAtEnd = waiting
        result.waitingByDay = waitingByDay.array
        result.inPersonByDay = inPersonByDay.array
        result.gaveUpByDay = gaveUpByDay.array
        return result
    }
}
