/// What the actors of one run share: the clock, the agenda (future-event list), the dossiers
/// in progress and the run's counters.
///
/// Confinement, not locking, keeps it safe: a run's scheduler and offices are actors on one
/// ``RunExecutor``, and only they touch the context, so every access happens on that serial
/// executor. That is why it may be `@unchecked Sendable`, and why the dynamic exclusivity
/// checks of its properties (a quarter of the run time when measured) are turned off: two
/// accesses can never overlap on one serial executor. No other code receives it.
final class RunContext: @unchecked Sendable {
    /// The compiled scenario.
    let model: SimulationModel
    /// Virtual time of the event being processed.
    @exclusivity(unchecked) internal(set) var now: SimTime = 0
    /// Future events.
    @exclusivity(unchecked) var agenda = Agenda()
    /// Dossiers in progress.
    @exclusivity(unchecked) var dossiers = DossierStore()
    /// Per-procedure counts.
    let tallies: PlainBuffer<ProcedureTally>
    /// Per unit and field (unit-major), in city-scale scenarios; empty otherwise.
    let unitTallies: PlainBuffer<UnitFieldTally>
    /// The dossier balance.
    @exclusivity(unchecked) var conservation = Conservation()
    /// The per-dossier log, when one was asked for.
    var log: DossierLog? { didSet { keepsTrails = log != nil } }
    /// Whether a log is kept, read where the kernel counts (reading ``log`` itself costs a
    /// reference count and an exclusivity check).
    @exclusivity(unchecked) private(set) var keepsTrails = false
    /// The instant and legal working second last asked for (``workingSecondOfNow``).
    @exclusivity(unchecked) var clockTime = SimTime.nan
    @exclusivity(unchecked) var clockSecond: Int64 = 0
    /// Every counted wait, when a test asks for them (``WaitLog``).
    var waitLog: WaitLog?
    /// The legal calendar's office hours, which the time breakdown counts in (docs/model.md §12).
    let legal: Unretained<OfficeSchedule>
    /// Counted finished dossiers per procedure, on time (row 2p) and late (2p + 1), and the
    /// working seconds of each of their parts (row × parts + part): the breakdown's sums.
    let breakdownDossiers: PlainBuffer<Int>
    /// Per procedure, the finished dossiers late only by the one-request rule (docs/model.md §12).
    let breakdownLateByRule: PlainBuffer<Int>
    let breakdownSeconds: PlainBuffer<Int>
    /// Late dossiers by the step that consumed most of their deadline: procedure p's counts start
    /// at `firstTopStep[p]`, `stage × 5 + part` (``BreakdownTally/topSteps``).
    let topSteps: PlainBuffer<Int>
    let firstTopStep: PlainBuffer<Int>
    /// Each logged dossier's stages so far (`office:lag/wait/work;…`), by handle, with a log only.
    var trails: [Int32: String] = [:]
    /// Daily series.
    let receivedPerDay: PlainBuffer<Int32>
    let finishedPerDay: PlainBuffer<Int32>
    /// Days of the horizon.
    private let days: Int

    init(model: SimulationModel) {
        self.model = model
        days = model.scenario.horizon.days
        tallies = PlainBuffer(repeating: ProcedureTally(), count: model.procedures.count)
        legal = Unretained(model.legalSchedule)
        let parts = TimePart.count
        breakdownDossiers = PlainBuffer(repeating: 0, count: model.procedures.count * 2)
        breakdownLateByRule = PlainBuffer(repeating: 0, count: model.procedures.count)
        breakdownSeconds = PlainBuffer(repeating: 0, count: model.procedures.count * 2 * parts)
        var first: [Int] = []
        var steps = 0
        for procedure in model.procedures {
            first.append(steps)
            steps += procedure.stageCount * TimePart.stepParts.count
        }
        firstTopStep = PlainBuffer(first)
        topSteps = PlainBuffer(repeating: 0, count: Swift.max(steps, 1))
        unitTallies = PlainBuffer(repeating: UnitFieldTally(),
                                  count: model.collectsUnitFigures ? model.instanceCount * model.scenario.fields.count : 0)
        receivedPerDay = PlainBuffer(repeating: 0, count: days)
        finishedPerDay = PlainBuffer(repeating: 0, count: days)
    }

    /// Logs dossier `dossier` leaving the system (or still in progress at the end), when a log
    /// was asked for; without one, nothing is prepared.
    @inline(__always)
    func logRow(_ dossier: Int32, _ record: DossierRecord, finished: SimTime?, status: @autoclosure () -> String,
                outcome: @autoclosure () -> LogOutcome = LogOutcome()) {
        if let log { write(dossier, record, finished: finished, status: status(), outcome: outcome(), to: log) }
    }

    private func write(_ dossier: Int32, _ record: DossierRecord, finished: SimTime?, status: String, outcome: LogOutcome,
                       to log: DossierLog) {
        let p = Int(record.procedure)
        let channel = record.online ? "online" : record.postal ? "postal" : "in person"
        // As the report counts them (``ProcedureTally/feePaying``): accepted at the desk in the
        // horizon, so not the opening backlog, whose fees were settled before it.
        let feePaying = record.accepted && !record.backlog && model.procedures[p].fee != nil
        let incompleteChecks = Int(record.deskChecks) - (record.accepted && !record.backlog ? 1 : 0)
        func flag(_ value: Bool) -> String { value ? "1" : "0" }
        // The intake desk of the dossier's own unit, also when it was filed elsewhere: levels are
        // counted by the procedure's intake desk, in the report as in the recount.
        let intake = model.offices[Int(model.office(ofStage: 0, of: p, instance: record.instance))]
        let reusable = record.accepted && !record.backlog && model.procedures[p].reuseShare != nil
        let cells = [
            DossierLog.cell(model.scenario.procedures[p].id),
            DossierLog.cell(model.scenario.fields[model.procedures[p].field].id),
            DossierLog.cell(intake.id),
            channel, log.stamp(record.arrivedAt), log.stamp(record.dueAt), finished.map(log.stamp) ?? "", status,
            String(record.supplements), flag(record.backlog), flag(record.counted), flag(record.accepted),
            String(Swift.max(incompleteChecks, 0)), flag(feePaying), flag(feePaying && record.ePaid), flag(record.digitized),
            outcome.late.rawValue, outcome.apology.logText, outcome.apology.newDateText, outcome.result?.rawValue ?? "",
            intake.level.rawValue, DossierLog.cell(DossierLog.routeCell(model.scenario.procedures[p].route.map(\.office))),
            reusable ? flag(record.reused) : "",
        ] + timeCells(dossier, record)
        log.write(code: record.serial, cells: cells)
    }

    /// The day index of the current time, `dayIndex(of: now)`, known without dividing.
    @inline(__always)
    var dayOfNow: Int {
        if now >= tomorrowStarts {
            day = dayIndex(of: now)
            tomorrowStarts = firstInstant(ofDay: day + 1)
        }
        return day
    }
    /// ``dayOfNow`` as last computed, and when it next changes (time only moves forward).
    @exclusivity(unchecked) private var day = 0
    @exclusivity(unchecked) private var tomorrowStarts = firstInstant(ofDay: 1)

    /// The day of the current time in the daily series (the last day for times beyond the horizon).
    @inline(__always)
    var today: Int { Swift.min(dayOfNow, days - 1) }

    /// The minute of the day of the current time: `minuteOfDay(now)`, without dividing.
    @inline(__always)
    var minuteOfNow: Double { minuteOfDay(now, day: dayOfNow) }

    /// Schedules an event; times before `now` are a programming error.
    @inline(__always)
    func schedule(at time: SimTime, _ kind: EventKind, target: Int32, dossier: Int32 = -1) {
        assert(time >= now, "event scheduled in the past")
        agenda.schedule(at: time, kind, target: target, dossier: dossier)
    }
}

/// What the log says of a dossier beyond its record: why it is late, its apology and where its
/// result went, known only where the dossier leaves.
struct LogOutcome {
    /// Why a late dossier is late.
    enum Late: String { case notLate = "", pastDue = "past due", repeatedSupplements = "repeated supplements" }
    /// The channel its result went back by.
    enum ResultChannel: String { case electronic, postal, desk }
    var late = Late.notLate
    var apology = ApologyOutcome.notOwed
    var result: ResultChannel?
}

/// The apology of a dossier past its appointment (docs/model.md §5).
enum ApologyOutcome {
    /// The appointment did not pass (or the dossier was never accepted).
    case notOwed
    /// Sent in time, with a new date: met (finished by it), missed, or pending at the end.
    case inTime(newDate: NewDate)
    case late
    case never

    enum NewDate: String { case met, missed, pending }

    var logText: String {
        switch self {
        case .notOwed: "not owed"
        case .inTime: "in time"
        case .late: "late"
        case .never: "never"
        }
    }

    var newDateText: String {
        if case .inTime(let newDate) = self { return newDate.rawValue }
        return ""
    }
}
