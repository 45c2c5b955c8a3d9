/// When one office is open, and the conversion between wall-clock time and the office's
/// *open time* (minutes during which it is open).
///
/// Staff work only while the office is open: a task of 90 working minutes started at 16:30
/// is finished at 08:30 the next working day. Durations of work are therefore counted in
/// open time and converted back with ``finishTime(startingAt:workMinutes:)``; breaks, nights,
/// weekends and holidays pause the work without any extra events.
public final class OfficeSchedule: @unchecked Sendable {
    // @unchecked: the plain buffers below are written in `init` only and read afterwards, so
    // sharing a schedule between the runs of an experiment is safe.

    /// Hours on working days.
    public let weekdayHours: OpeningHours
    /// Hours on Saturdays that are not working days (e.g. a desk open on Saturday morning).
    public let saturdayHours: OpeningHours
    /// Round the clock, every day (validation runs).
    public let alwaysOpen: Bool
    /// Open minutes of one working day: the length of a "working day" in durations.
    public let minutesPerWorkingDay: Double

    /// Number of covered days.
    private let days: Int
    /// Hours of each covered day: 0 closed, 1 weekday hours, 2 Saturday hours.
    private let dayKind: PlainBuffer<UInt8>
    /// Open minutes before each day's midnight; one more entry than days.
    private let openBefore: PlainBuffer<Double>
    /// The open intervals of the three kinds of day, laid out flat (minutes after midnight):
    /// kind `k` has the intervals `intervalsOfKind[k] ..< intervalsOfKind[k + 1]`.
    private let intervalStart: PlainBuffer<Double>
    private let intervalEnd: PlainBuffer<Double>
    private let intervalsOfKind: PlainBuffer<Int>

    /// Creates the schedule of an office over the days of `calendar`.
    public init(calendar: WorkingCalendar, weekdayHours: OpeningHours, saturdayHours: OpeningHours = .closed) {
        alwaysOpen = calendar.alwaysOpen
        self.weekdayHours = alwaysOpen ? .allDay : weekdayHours
        self.saturdayHours = saturdayHours
        minutesPerWorkingDay = Double(self.weekdayHours.totalMinutes)
        var kinds: [UInt8] = []
        var before: [Double] = [0]
        kinds.reserveCapacity(calendar.coveredDays)
        before.reserveCapacity(calendar.coveredDays + 1)
        var running = 0.0
        for d in 0..<calendar.coveredDays {
            let kind: UInt8
            if calendar.isWorkingDay(d) {
                kind = 1
            } else if calendar.date(ofDay: d).weekday == 6, !saturdayHours.intervals.isEmpty {
                kind = 2
            } else {
                kind = 0
            }
            kinds.append(kind)
            running += Double(kind == 1 ? self.weekdayHours.totalMinutes : kind == 2 ? saturdayHours.totalMinutes : 0)
            before.append(running)
        }
        days = kinds.count
        dayKind = PlainBuffer(kinds)
        openBefore = PlainBuffer(before)
        let intervals = [OpeningHours.closed, self.weekdayHours, saturdayHours].map(\.intervals)
        intervalStart = PlainBuffer(intervals.flatMap { $0.map { Double($0.lowerBound) } })
        intervalEnd = PlainBuffer(intervals.flatMap { $0.map { Double($0.upperBound) } })
        intervalsOfKind = PlainBuffer([0, intervals[0].count, intervals[0].count + intervals[1].count,
                                       intervals.reduce(0) { $0 + $1.count }])
    }

    /// Open minutes between midnight and `minute` (a minute of the day, fractional) on a day of `kind`.
    @inline(__always)
    private func openMinutes(before minute: Double, kind: Int) -> Double {
        var total = 0.0
        var i = intervalsOfKind[kind]
        let end = intervalsOfKind[kind + 1]
        while i < end {
            let lower = intervalStart[i]
            if minute <= lower { break }
            total += Swift.min(minute, intervalEnd[i]) - lower
            i += 1
        }
        return total
    }

    /// The minute of a day of `kind` at which `open` open minutes have elapsed since midnight.
    /// With `resuming`, an instant that falls on the end of an interval is moved to the start of
    /// the next one (work resumes there); without, it stays at the end (work finished there).
    /// `nil` when the day has fewer open minutes.
    @inline(__always)
    private func minute(afterOpenMinutes open: Double, resuming: Bool, kind: Int) -> Double? {
        var remaining = open
        var i = intervalsOfKind[kind]
        let end = intervalsOfKind[kind + 1]
        while i < end {
            let length = intervalEnd[i] - intervalStart[i]
            if remaining < length || (!resuming && remaining == length) {
                return intervalStart[i] + remaining
            }
            remaining -= length
            i += 1
        }
        return nil
    }

    /// Open minutes from the start of the horizon until `time`.
    @inline(__always)
    public func openTime(at time: SimTime) -> Double {
        if alwaysOpen { return time }
        let day = dayIndex(of: time)
        if day < 0 { return 0 }
        if day >= days { return openBefore[days] }
        return openBefore[day] + openMinutes(before: time - Double(day) * 1440, kind: Int(dayKind[day]))
    }

    /// The wall-clock time at which `open` open minutes have elapsed.
    /// - Parameters:
    ///   - resuming: `true` for the instant work (re)starts, which is never at a closing
    ///     time; `false` for the instant work finishes.
    ///   - hint: a day at or before the answer, where the search starts (work rarely ends more
    ///     than a few days after it starts); any day gives the same answer, only slower.
    /// - Returns: the time, or `.infinity` beyond the covered days.
    public func wallTime(atOpenTime open: Double, resuming: Bool, fromDay hint: Int = 0) -> SimTime {
        if alwaysOpen { return open }
        guard days > 0 else { return .infinity }
        // The last day whose opening count is below `open` (or equal, when resuming), or day 0.
        @inline(__always) func startsBefore(_ day: Int) -> Bool {
            let before = openBefore[day]
            return before < open || (resuming && before == open)
        }
        // The answer lies in low...high; it is low when no day qualifies.
        var low = Swift.min(Swift.max(hint, 0), days - 1)
        var high = days - 1
        if low > 0 && !startsBefore(low) {
            // The hint is past the answer: search the days before it.
            high = low - 1
            low = 0
        } else {
            // Gallop forward from the hint (1, 2, 4, … days) to the first day that starts too late.
            var step = 1
            while low < days - 1 {
                let next = Swift.min(days - 1, low + step)
                guard startsBefore(next) else { high = next - 1; break }
                low = next
                step *= 2
            }
        }
        // Bisect: startsBefore(low) holds (or low is day 0), and no day after high qualifies.
        while low < high {
            let mid = (low + high + 1) / 2
            if startsBefore(mid) { low = mid } else { high = mid - 1 }
        }
        var day = low
        while day < days {
            if let minute = minute(afterOpenMinutes: open - openBefore[day], resuming: resuming, kind: Int(dayKind[day])) {
                return Double(day) * 1440 + minute
            }
            day += 1
        }
        return .infinity
    }

    /// When work of `workMinutes` open minutes, started (or queued) at `start`, is finished.
    @inline(__always)
    public func finishTime(startingAt start: SimTime, workMinutes: Double) -> SimTime {
        if alwaysOpen { return start + workMinutes }
        return wallTime(atOpenTime: openTime(at: start) + workMinutes, resuming: false, fromDay: dayIndex(of: start))
    }

    /// The first instant at or after `time` when the office is open (work can start).
    @inline(__always)
    public func nextOpening(atOrAfter time: SimTime) -> SimTime {
        if alwaysOpen { return time }
        return wallTime(atOpenTime: openTime(at: time), resuming: true, fromDay: dayIndex(of: time))
    }

    /// The wall-clock time at which the office has been open `workMinutes` more minutes after
    /// `time`, counting from the first opening at or after it (work resumes there).
    @inline(__always)
    public func resumeTime(after time: SimTime, openMinutes workMinutes: Double) -> SimTime {
        if alwaysOpen { return time + workMinutes }
        return wallTime(atOpenTime: openTime(at: time) + workMinutes, resuming: true, fromDay: dayIndex(of: time))
    }

    /// Open minutes in `[from, to)`.
    public func openMinutes(from: SimTime, to: SimTime) -> Double {
        openTime(at: to) - openTime(at: from)
    }
}
