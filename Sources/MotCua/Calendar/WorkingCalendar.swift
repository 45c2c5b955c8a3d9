/// The legal calendar of a run: which days are working days, and the deadline arithmetic of
/// Decree 61/2018 (appointment dates counted in working days).
///
/// Day 0 is the first day of the horizon; times are ``SimTime`` minutes since its midnight.
/// The calendar covers the horizon plus a margin, so that appointment dates after the end of
/// the horizon are still exact.
public struct WorkingCalendar: Sendable {
    /// First day of the horizon.
    public let start: CivilDate
    /// Number of days covered (horizon plus margin).
    public let coveredDays: Int
    /// Office hours of a working day; the deadline of a day is its closing time.
    public let hours: OpeningHours
    /// A same-day dossier received after this is due the next working day; a paper dossier
    /// received after it is forwarded the next morning.
    public let sameDayCutOff: ClockTime
    /// `true` for 24/7 validation runs: every day is a working day, open all day.
    public let alwaysOpen: Bool

    /// Closing and opening time of a working day and the cut-off, in minutes after midnight
    /// (read for every dossier, so kept ready rather than derived from the hours each time).
    private let closing: Double
    private let opening: Double
    private let cutOff: Double

    private let isWorking: [Bool]
    /// Day indexes of the working days, in order.
    private let workingDayIndexes: [Int32]
    /// For each day d, the number of working days in days 0...d.
    private let workingDaysThrough: [Int32]

    /// Creates the calendar of a run.
    /// - Parameters:
    ///   - start: the first day of the horizon.
    ///   - coveredDays: how many days to cover (the horizon plus a margin for late deadlines).
    ///   - holidays: the table of days off and make-up days.
    ///   - hours: office hours of a working day.
    ///   - sameDayCutOff: the 15:00 rule.
    ///   - alwaysOpen: a 24/7 calendar without holidays.
    public init(start: CivilDate, coveredDays: Int, holidays: HolidayTable,
                hours: OpeningHours = .standard, sameDayCutOff: ClockTime = ClockTime(minutes: 900),
                alwaysOpen: Bool = false) {
        self.start = start
        self.coveredDays = coveredDays
        self.hours = alwaysOpen ? .allDay : hours
        self.sameDayCutOff = sameDayCutOff
        self.alwaysOpen = alwaysOpen
        closing = Double(self.hours.closing)
        opening = Double(self.hours.opening)
        cutOff = Double(sameDayCutOff.minutes)
        var isWorking: [Bool] = []
        var indexes: [Int32] = []
        var through: [Int32] = []
        isWorking.reserveCapacity(coveredDays)
        through.reserveCapacity(coveredDays)
        for d in 0..<coveredDays {
            let working = alwaysOpen || holidays.isWorkingDay(start.adding(days: d))
            isWorking.append(working)
            if working { indexes.append(Int32(d)) }
            through.append(Int32(indexes.count))
        }
        self.isWorking = isWorking
        workingDayIndexes = indexes
        workingDaysThrough = through
    }

    /// The date of day index `day`.
    public func date(ofDay day: Int) -> CivilDate { start.adding(days: day) }

    /// The day index of a time.
    @inline(__always)
    public func day(of time: SimTime) -> Int { dayIndex(of: time) }

    /// Whether day index `day` is a working day (days outside the covered range are not).
    @inline(__always)
    public func isWorkingDay(_ day: Int) -> Bool {
        day >= 0 && day < coveredDays && isWorking[day]
    }

    /// The `n`-th working day strictly after day `day` (n ≥ 1), or `nil` beyond the covered range.
    @inline(__always)
    public func workingDay(_ n: Int, after day: Int) -> Int? {
        let before = day < 0 ? 0 : Int(workingDaysThrough[Swift.min(day, coveredDays - 1)])
        let position = before + n - 1
        guard position < workingDayIndexes.count else { return nil }
        return Int(workingDayIndexes[position])
    }

    /// The appointment (due) time of a dossier received at `time` with a statutory deadline
    /// of `workingDays` working days.
    ///
    /// Rules (docs/model.md §1; the counting convention is an assumption stated in the docs):
    /// - received on a working day before closing: the count starts the next working day, so a
    ///   3-day procedure received on Monday is due Thursday at closing time;
    /// - received after closing, on a weekend or a holiday: treated as received on the next
    ///   working day;
    /// - same-day procedures (`workingDays == 0`): due at closing the same day when received
    ///   before the cut-off (15:00) on a working day, otherwise at closing of the next working day.
    /// - Returns: the due time, or `.infinity` when it falls outside the covered range.
    public func appointment(receivedAt time: SimTime, workingDays: Int) -> SimTime {
        appointment(receivedAt: time, day: day(of: time), workingDays: workingDays)
    }

    /// ``appointment(receivedAt:workingDays:)`` for a caller that knows `day(of: time)` already.
    @inline(__always)
    func appointment(receivedAt time: SimTime, day: Int, workingDays: Int) -> SimTime {
        let minute = time - Double(day) * 1440
        let receivedInHours = isWorkingDay(day) && minute < closing
        let dueDay: Int?
        if workingDays == 0 {
            let beforeCutOff = isWorkingDay(day) && minute < cutOff
            dueDay = beforeCutOff ? day : workingDay(1, after: day)
        } else if receivedInHours {
            dueDay = workingDay(workingDays, after: day)
        } else {
            guard let effective = workingDay(1, after: day) else { return .infinity }
            dueDay = workingDay(workingDays, after: effective)
        }
        guard let due = dueDay else { return .infinity }
        return Double(due) * 1440 + closing
    }

    /// The closing time of the `workingDays`-th working day counted from day `day` itself
    /// (day included when it is a working day): the appointment of a dossier of the opening
    /// backlog that has `workingDays` left on its clock. `.infinity` beyond the covered range.
    public func appointment(countingFrom day: Int, workingDays: Int) -> SimTime {
        guard let due = workingDay(Swift.max(1, workingDays), after: day - 1) else { return .infinity }
        return Double(due) * 1440 + closing
    }

    /// When a paper dossier received at `time` is forwarded to the processing office: at once
    /// when received on a working day before the cut-off, otherwise at opening of the next working day.
    public func forwardingTime(ofPaperReceivedAt time: SimTime) -> SimTime {
        forwardingTime(ofPaperReceivedAt: time, day: day(of: time))
    }

    /// ``forwardingTime(ofPaperReceivedAt:)`` for a caller that knows `day(of: time)` already.
    @inline(__always)
    func forwardingTime(ofPaperReceivedAt time: SimTime, day: Int) -> SimTime {
        let minute = time - Double(day) * 1440
        if alwaysOpen || (isWorkingDay(day) && minute < cutOff) { return time }
        guard let next = workingDay(1, after: day) else { return .infinity }
        return Double(next) * 1440 + opening
    }

    /// Working days in days `0..<days`.
    public func workingDays(inFirst days: Int) -> Int {
        guard days > 0 else { return 0 }
        return Int(workingDaysThrough[Swift.min(days, coveredDays) - 1])
    }
}
