/// The days off and make-up working days of a country's public sector, read from data
/// (`scenarios/calendars/vietnam.json`), so that a new year is one edit, not a code change.
public struct HolidayTable: Sendable, Equatable {
    /// First and last date the table speaks for.
    public let covers: ClosedRange<CivilDate>
    /// Weekdays that are not working days (public holidays, Tết, compensating days).
    public let daysOff: Set<CivilDate>
    /// Weekend days that are official working days (make-up days for swapped bridge days).
    public let makeUpWorkingDays: Set<CivilDate>

    /// Creates a table.
    public init(covers: ClosedRange<CivilDate>, daysOff: Set<CivilDate>, makeUpWorkingDays: Set<CivilDate>) {
        self.covers = covers
        self.daysOff = daysOff
        self.makeUpWorkingDays = makeUpWorkingDays
    }

    /// A table with no holidays, valid for every date (for tests and 24/7 validation runs).
    public static let none = HolidayTable(
        covers: CivilDate(dayNumber: -1_000_000)...CivilDate(dayNumber: 1_000_000), daysOff: [], makeUpWorkingDays: [])

    /// Whether `date` is a working day: Monday–Friday and not a day off, or an official make-up day.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if makeUpWorkingDays.contains(date) { return true }
        return !date.isWeekend && !daysOff.contains(date)
    }

    /// Whether `date` is a public holiday or a weekday off (not merely a weekend).
    public func isDayOff(_ date: CivilDate) -> Bool { daysOff.contains(date) }
}
