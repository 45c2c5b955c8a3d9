import Foundation

/// How the arrival rate of a procedure varies: by month (the pre-Tết surge, the post-Tết dip),
/// by weekday, by hour of the day, with dated surges and a yearly growth factor.
///
/// Factors are relative: the procedure's `yearlyVolume` is kept, the profile only decides when
/// the dossiers come. Arrivals follow a non-homogeneous Poisson process generated exactly by
/// inverting its cumulative rate (``CumulativeRate``): no time is spent where the rate is zero,
/// and the cost of an arrival does not depend on how peaked the profile is.
public struct LoadProfile: Sendable, Equatable {
    /// Twelve factors, January first.
    public var month: [Double]
    /// Seven factors, Monday first.
    public var weekday: [Double]
    /// Twenty-four factors, 00:00–01:00 first.
    public var hour: [Double]
    /// Dated surges: the rate is multiplied by `factor` on days `from`…`to`.
    public var surges: [Surge]
    /// Volume growth per year (1.05 = +5% a year), applied continuously from the horizon start.
    public var yearlyGrowth: Double

    /// A dated change of the arrival rate.
    public struct Surge: Sendable, Equatable {
        public var from: CivilDate
        public var to: CivilDate
        public var factor: Double
        public init(from: CivilDate, to: CivilDate, factor: Double) {
            self.from = from
            self.to = to
            self.factor = factor
        }
    }

    /// The same rate at all times.
    public static let flat = LoadProfile(month: Array(repeating: 1, count: 12), weekday: Array(repeating: 1, count: 7),
                                         hour: Array(repeating: 1, count: 24), surges: [], yearlyGrowth: 1)

    /// Whether the rate never varies.
    public var isFlat: Bool { self == LoadProfile.flat }

    /// Factor of each day of `calendar`'s covered range (month × weekday × surges × growth).
    func dayFactors(_ calendar: WorkingCalendar) -> [Double] {
        dayFactors(from: calendar.start, days: calendar.coveredDays)
    }

    /// The share of a year's dossiers (the year from `start`, ``CumulativeRate/daysInYear`` days)
    /// that arrive in the first `days` days, counted by day factors alone: exact on the wall
    /// clock (online dossiers), close for paper ones (which also weigh each day's open hours).
    /// Used to size a run before it starts (``RunLimits``); the model uses ``CumulativeRate``.
    func shareOfYear(from start: CivilDate, days: Int) -> Double {
        let factors = dayFactors(from: start, days: Swift.max(days, CumulativeRate.daysSpanned))
        let year = CumulativeRate.yearWeight(ofDays: factors)
        return year > 0 ? factors[..<days].reduce(0, +) / year : Double(days) / CumulativeRate.daysInYear
    }

    /// Factor of each of `days` days from `start`.
    func dayFactors(from start: CivilDate, days: Int) -> [Double] {
        (0..<days).map { d in
            let date = start.adding(days: d)
            var f = month[date.components.month - 1] * weekday[date.weekday - 1]
            for surge in surges where surge.from <= date && date <= surge.to { f *= surge.factor }
            if yearlyGrowth != 1 { f *= pow(yearlyGrowth, Double(d) / 365.25) }
            return f
        }
    }
}

/// Where a stream's arrivals have got to on its ``CumulativeRate``: the cumulative rate of the
/// last arrival and the day and hour it fell in (the search for the next one starts there).
struct ArrivalCursor: BitwiseCopyable {
    var position = 0.0
    var day: Int32 = 0
    var hour: Int32 = 0
}

/// The cumulative arrival rate of one profile on one time base, for generating a
/// non-homogeneous Poisson process by inversion (docs/model.md §2.1).
///
/// The rate is piecewise constant: day factor × hour factor per minute of the time base, which
/// is the wall clock (online dossiers) or the desk's open time (paper and postal ones). Its
/// integral from the horizon start, in *weighted minutes*, is kept per day, and per hour of a
/// day at day factor 1 for each distinct pattern of open minutes (a weekday, a Saturday, a
/// closed day). Arrivals are then unit-rate Poisson in weighted minutes: the next one lies
/// `meanGap × Exp(1)` weighted minutes after the last, and its time is found by walking whole
/// days, then hours, and solving inside the hour. A stream's cursor only moves forward, so a
/// run walks each day and hour at most once per stream in all, plus one division per arrival:
/// a quiet week costs seven steps, whatever the factors, and no candidate is ever rejected.
final class CumulativeRate: @unchecked Sendable {
    // @unchecked: the buffers are written in `init` only.

    /// Days of the horizon (arrivals come only within it).
    let days: Int
    /// Weighted minutes before each day's midnight; `days + 1` entries, the last the total.
    private let beforeDay: PlainBuffer<Double>
    /// Open minutes before each day's midnight (the time base), `days` entries.
    private let openBeforeDay: PlainBuffer<Double>
    /// Factor of each day.
    private let dayFactor: PlainBuffer<Double>
    /// Factor of each hour of the day.
    private let hourFactor: PlainBuffer<Double>
    /// The pattern of open minutes of each day: an index into the two tables below.
    private let dayPattern: PlainBuffer<Int32>
    /// Per pattern, 25 entries: weighted minutes (hour factors × open minutes) before each hour
    /// of a day of factor 1.
    private let weightedBeforeHour: PlainBuffer<Double>
    /// Per pattern, 25 entries: open minutes before each hour.
    private let openBeforeHour: PlainBuffer<Double>
    /// The desk's schedule for paper streams (open time to wall clock), nil for online ones.
    private let schedule: Unretained<OfficeSchedule>?

    /// The integral of the rate over the horizon, in weighted minutes.
    var total: Double { beforeDay[days] }

    /// The integral of the rate over the year from the horizon start (365.25 days), in weighted
    /// minutes: a procedure's `yearlyVolume` is spread over this, so a horizon shorter than a
    /// year gets its profile's share of the year (docs/model.md §2.1).
    let yearTotal: Double

    /// Days a year of ``yearTotal`` spans: the whole days, then a quarter of the next.
    static let daysInYear = 365.25

    /// Days whose weights ``yearWeight(ofDays:)`` reads: the year's whole days and the next.
    static let daysSpanned = Int(daysInYear) + 1

    /// The weight of a year of ``daysInYear`` days from the first of `dayWeights` (which holds at
    /// least ``daysSpanned``): its whole days, then the fraction of the next. The one place the
    /// rule lives; ``yearTotal`` and ``LoadProfile/shareOfYear(from:days:)`` both use it.
    static func yearWeight(ofDays dayWeights: [Double]) -> Double {
        let whole = Int(daysInYear)
        var year = 0.0
        for d in 0..<whole { year += dayWeights[d] }
        return year + (daysInYear - Double(whole)) * dayWeights[whole]
    }

    /// Lays out a profile's day and hour factors (``LoadProfile/dayFactors(_:)``,
    /// ``LoadProfile/hour``) over the first `days` days, on the open time of `schedule` (kept
    /// alive by the caller, the model) or on the wall clock when it is nil.
    /// `dayFactors` must cover at least a year and a day past the horizon start (for ``yearTotal``).
    init(dayFactors: [Double], hourFactors: [Double], schedule: OfficeSchedule?, days: Int) {
        self.days = days
        var yearDayWeights: [Double] = []
        yearDayWeights.reserveCapacity(CumulativeRate.daysSpanned)
        var patterns: [[Double]] = []
        var weighted: [Double] = []
        var openBefore: [Double] = []
        var pattern: [Int32] = []
        var before: [Double] = [0]
        var openAtMidnight: [Double] = []
        var factors: [Double] = []
        pattern.reserveCapacity(days)
        for d in 0..<Swift.max(days, CumulativeRate.daysSpanned) {
            let midnight = Double(d) * 1440
            let minutes = (0..<24).map { h in
                schedule.map { $0.openMinutes(from: midnight + Double(h) * 60, to: midnight + Double(h + 1) * 60) } ?? 60
            }
            let index: Int
            if let known = patterns.firstIndex(of: minutes) { index = known } else {
                index = patterns.count
                patterns.append(minutes)
                var w = 0.0, o = 0.0
                weighted.append(0)
                openBefore.append(0)
                for h in 0..<24 {
                    w += minutes[h] * hourFactors[h]
                    o += minutes[h]
                    weighted.append(w)
                    openBefore.append(o)
                }
            }
            let f = dayFactors[d]
            let dayWeight = f * weighted[index * 25 + 24]
            if d < CumulativeRate.daysSpanned { yearDayWeights.append(dayWeight) }
            guard d < days else { continue }
            pattern.append(Int32(index))
            factors.append(f)
            // Exactly the sum the walk in `time(reaching:cursor:)` compares against.
            before.append(before[d] + dayWeight)
            openAtMidnight.append(schedule?.openTime(at: midnight) ?? midnight)
        }
        yearTotal = CumulativeRate.yearWeight(ofDays: yearDayWeights)
        beforeDay = PlainBuffer(before)
        openBeforeDay = PlainBuffer(openAtMidnight)
        dayFactor = PlainBuffer(factors)
        hourFactor = PlainBuffer(hourFactors)
        dayPattern = PlainBuffer(pattern)
        weightedBeforeHour = PlainBuffer(weighted)
        openBeforeHour = PlainBuffer(openBefore)
        self.schedule = schedule.map(Unretained.init)
    }

    /// The instant at which the cumulative rate reaches `target` (at or after the cursor's
    /// position), or nil when it lies beyond the horizon. Moves the cursor to its day and hour.
    /// - Complexity: O(days and hours walked) from the cursor, amortised O(1) per arrival.
    @inline(__always)
    func time(reaching target: Double, cursor: inout ArrivalCursor) -> SimTime? {
        guard target < beforeDay[days] else { return nil }
        var d = Int(cursor.day)
        var h = Int(cursor.hour)
        while target >= beforeDay[d + 1] {
            d += 1
            h = 0
        }
        let f = dayFactor[d]
        let start = beforeDay[d]
        let base = Int(dayPattern[d]) * 25
        // Ends by hour 23 at the latest: start + f × weighted[24] is beforeDay[d + 1] > target.
        while target >= start + f * weightedBeforeHour[base + h + 1] { h += 1 }
        cursor.day = Int32(d)
        cursor.hour = Int32(h)
        // The hour's rate is positive (its cumulative rate grows); open minutes into the hour:
        let into = Swift.min((target - start - f * weightedBeforeHour[base + h]) / (f * hourFactor[h]),
                             openBeforeHour[base + h + 1] - openBeforeHour[base + h])
        let open = openBeforeDay[d] + openBeforeHour[base + h] + Swift.max(0, into)
        guard let schedule else { return open }
        return schedule.use { $0.wallTime(atOpenTime: open, resuming: true, fromDay: d) }
    }
}
