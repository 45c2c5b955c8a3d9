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
    /// The usual hours of a Vietnamese public office: 07:30–11:30 and 13:00–17:00 (assumption, docs/model.md §1).
    public static let standard = OpeningHours([450..<690, 780..<1020])

    /// Open minutes in the whole day.
    public var totalMinutes: Int { intervals.reduce(0) { $0 + $1.count } }

    /// End of the last interval (closing time), or 0 when closed.
    public var closing: Int { intervals.last?.upperBound ?? 0 }

    /// Start of the first interval (opening time), or 0 when closed.
    public var opening: Int { intervals.first?.lowerBound ?? 0 }
}
