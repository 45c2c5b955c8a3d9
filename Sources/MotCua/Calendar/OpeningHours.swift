/// The hours an office is open on one kind of day, e.g. 07:30–11:30 and 13:00–17:00.
public struct OpeningHours: Sendable, Equatable {
    /// Open intervals, in minutes after midnight, sorted and not overlapping.
    public let intervals: [Range<Int>]

    /// Creates opening hours; the intervals must be sorted, non-empty and not overlapping.
    public init(_ intervals: [Range<Int>]) { self.intervals = intervals }

    /// Closed all day.
    public static let closed = OpeningHours([])
    /// Round the clock, for validation runs.
    public static let allDay = OpeningHours([0..<1440])
    /// The usual hours of a Vietnamese public office: 07:30–11:30 and 13:00–17:00 (assumption, DOMAIN.md §3).
    public static let standard = OpeningHours([450..<690, 780..<1020])

    /// Open minutes in the whole day.
    public var totalMinutes: Int { intervals.reduce(0) { $0 + $1.count } }

    /// End of the last interval (closing time), or 0 when closed.
    public var closing: Int { intervals.last?.upperBound ?? 0 }

    /// Start of the first interval (opening time), or 0 when closed.
    public var opening: Int { intervals.first?.lowerBound ?? 0 }

    /// Open minutes between midnight and `minute` (a minute of the day, fractional).
    @inline(__always)
    func openMinutes(before minute: Double) -> Double {
        var total = 0.0
        for interval in intervals {
            let lower = Double(interval.lowerBound), upper = Double(interval.upperBound)
            if minute <= lower { break }
            total += Swift.min(minute, upper) - lower
        }
        return total
    }

    /// The minute of the day at which `open` open minutes have elapsed since midnight.
    /// With `resuming`, an instant that falls on the end of an interval is moved to the start of
    /// the next one (work resumes there); without, it stays at the end (work finished there).
    /// `nil` when the day has fewer open minutes.
    @inline(__always)
    func minute(afterOpenMinutes open: Double, resuming: Bool) -> Double? {
        var remaining = open
        for interval in intervals {
            let length = Double(interval.count)
            if remaining < length || (!resuming && remaining == length) {
                return Double(interval.lowerBound) + remaining
            }
            remaining -= length
        }
        return nil
    }
}
