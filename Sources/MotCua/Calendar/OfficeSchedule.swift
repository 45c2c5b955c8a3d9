/// When one office is open, and the conversion between wall-clock time and the office's
/// *open time* (minutes during which it is open).
///
/// Staff work only while the office is open: a task of 90 working minutes started at 16:30
/// is finished at 08:30 the next working day. Durations of work are therefore counted in
/// open time and converted back with ``finishTime(startingAt:workMinutes:)``; breaks, nights,
/// weekends and holidays pause the work without any extra events.
public final class OfficeSchedule: Sendable {
    /// Hours on working days.
    public let weekdayHours: OpeningHours
    /// Hours on Saturdays that are not working days (e.g. a desk open on Saturday morning).
    public let saturdayHours: OpeningHours
    /// Round the clock, every day (validation runs).
    public let alwaysOpen: Bool
    /// Open minutes of one working day: the length of a "working day" in durations.
    public let minutesPerWorkingDay: Double

    /// Hours of each covered day: 0 closed, 1 weekday hours, 2 Saturday hours.
    private let dayKind: [UInt8]
    /// Open minutes before each day's midnight; one more entry than days.
    private let openBefore: [Double]

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
        dayKind = kinds
        openBefore = before
    }

    @inline(__always)
    private func hours(ofDay day: Int) -> OpeningHours {
        switch dayKind[day] {
        case 1: return weekdayHours
        case 2: return saturdayHours
        default: return .closed
        }
    }

    /// Open minutes from the start of the horizon until `time`.
    @inline(__always)
    public func openTime(at time: SimTime) -> Double {
        if alwaysOpen { return time }
        let day = Int((time / 1440).rounded(.down))
        if day < 0 { return 0 }
        if day >= dayKind.count { return openBefore[dayKind.count] }
        return openBefore[day] + hours(ofDay: day).openMinutes(before: time - Double(day) * 1440)
    }

    /// The wall-clock time at which `open` open minutes have elapsed.
    /// - Parameter resuming: `true` for the instant work (re)starts, which is never at a closing
    ///   time; `false` for the instant work finishes.
    /// - Returns: the time, or `.infinity` beyond the covered days.
    public func wallTime(atOpenTime open: Double, resuming: Bool) -> SimTime {
        if alwaysOpen { return open }
        // The last day whose opening count is below `open` (or equal, when resuming).
        var low = 0, high = dayKind.count - 1
        guard high >= 0 else { return .infinity }
        while low < high {
            let mid = (low + high + 1) / 2
            let before = openBefore[mid]
            if before < open || (resuming && before == open) { low = mid } else { high = mid - 1 }
        }
        var day = low
        while day < dayKind.count {
            if let minute = hours(ofDay: day).minute(afterOpenMinutes: open - openBefore[day], resuming: resuming) {
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
        return wallTime(atOpenTime: openTime(at: start) + workMinutes, resuming: false)
    }

    /// The first instant at or after `time` when the office is open (work can start).
    @inline(__always)
    public func nextOpening(atOrAfter time: SimTime) -> SimTime {
        if alwaysOpen { return time }
        return wallTime(atOpenTime: openTime(at: time), resuming: true)
    }

    /// Open minutes in `[from, to)`.
    public func openMinutes(from: SimTime, to: SimTime) -> Double {
        openTime(at: to) - openTime(at: from)
    }
}
