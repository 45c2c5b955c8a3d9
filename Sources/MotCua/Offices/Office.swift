/// An office of the one-stop flow — a one-stop desk (Bộ phận Tiếp nhận và Trả kết quả), a
/// specialist department (phòng chuyên môn), the Land Registration Office branch (Chi nhánh
/// Văn phòng đăng ký đất đai), a ward office (UBND phường) or the leadership — as an actor:
/// a queue of dossiers served by its staff during its opening hours.
///
/// All offices of a run share the run's serial executor, so the scheduler's calls into an
/// office never suspend. An office never starts tasks of its own: everything it does is a
/// reply to an event of the scheduler, and its follow-ups are events on the agenda.
public actor Office {
    /// The run's shared executor.
    public nonisolated let unownedExecutor: UnownedSerialExecutor
    /// Position among the run's offices.
    public nonisolated let index: Int32
    /// Kept alive here: `unownedExecutor` does not retain it.
    private let executor: RunExecutor
    private let context: RunContext
    private let schedule: OfficeSchedule
    private var staff: Int
    private var busy = 0
    private var priorityQueue = RingBuffer<Waiting>()
    private var queue = RingBuffer<Waiting>()
    private var serviceRandom: RandomStream
    private var tally = OfficeTally()
    private var lastOpenTime = 0.0
    private var busyOpenMinutes = 0.0

    /// A dossier waiting for a free staff member.
    private struct Waiting {
        var dossier: Int32
        var arrivedAt: SimTime
        var work: Double
        var counted: Bool
    }

    init(model: OfficeModel, context: RunContext, executor: RunExecutor, seed: UInt64) {
        unownedExecutor = executor.asUnownedSerialExecutor()
        self.executor = executor
        index = model.index
        self.context = context
        schedule = context.model.schedules[model.schedule]
        staff = model.staff
        serviceRandom = RandomStream(seed: seed, stream: "service/\(model.id)")
    }

    /// A dossier joins this office's queue and waits for `work` minutes of staff effort drawn
    /// from the office's own random stream.
    func receive(dossier: Int32, work: Distribution, priority: Bool = false) {
        let now = context.now
        let entry = Waiting(dossier: dossier, arrivedAt: now, work: work.sample(&serviceRandom),
                            counted: context.dossiers[dossier].counted)
        if busy < staff {
            start(entry, now: now)
        } else if priority {
            priorityQueue.append(entry)
        } else {
            queue.append(entry)
        }
    }

    /// A staff member has finished a dossier: the next waiting one (priority lane first) is started.
    func serviceDone() {
        let now = context.now
        changeBusy(by: -1, now: now)
        if busy < staff, let next = priorityQueue.popFirst() ?? queue.popFirst() {
            start(next, now: now)
        }
    }

    private func start(_ entry: Waiting, now: SimTime) {
        changeBusy(by: 1, now: now)
        if entry.counted {
            let wait = schedule.nextOpening(atOrAfter: now) - entry.arrivedAt
            tally.served += 1
            tally.waitSum += wait
            tally.waitSumOfSquares += wait * wait
            if wait > tally.waitMax { tally.waitMax = wait }
        }
        let done = Swift.max(now, schedule.finishTime(startingAt: now, workMinutes: entry.work))
        context.schedule(at: done, .serviceDone, target: index, dossier: entry.dossier)
    }

    /// Integrates busy staff over open time, for the utilization.
    @inline(__always)
    private func changeBusy(by delta: Int, now: SimTime) {
        let open = schedule.openTime(at: now)
        busyOpenMinutes += Double(busy) * (open - lastOpenTime)
        lastOpenTime = open
        busy += delta
    }

    /// Closes the books at `end` and returns what the office measured.
    func close(at end: SimTime) -> OfficeTally {
        changeBusy(by: 0, now: end)
        var result = tally
        result.busyMinutes = busyOpenMinutes
        result.availableMinutes = Double(staff) * schedule.openTime(at: end)
        result.queueAtEnd = queue.count + priorityQueue.count
        return result
    }
}
