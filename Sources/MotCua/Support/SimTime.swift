/// Virtual time: minutes since 00:00 of the first day of the horizon.
public typealias SimTime = Double

/// The index of the day of `time` (day 0 is the first of the horizon).
@inline(__always)
func dayIndex(of time: SimTime) -> Int {
    // Truncation is the floor for the run's times (≥ 0), without the library call.
    time >= 0 ? Int(time / 1440) : Int((time / 1440).rounded(.down))
}

/// The first instant whose day index, computed as `Int(time / 1440)`, is at least `day`: the
/// day's midnight, or a hair before it where the division rounds up. Code that must notice a
/// new day compares the time with it instead of dividing at every event.
func firstInstant(ofDay day: Int) -> SimTime {
    var time = Double(Swift.max(day, 0)) * 1440
    while time > 0, Int(time.nextDown / 1440) >= day { time = time.nextDown }
    return time
}

/// The minute of the day of `time` (a time of the run, ≥ 0): the same number as
/// `time.truncatingRemainder(dividingBy: 1440)`, without the library's `fmod`.
@inline(__always)
func minuteOfDay(_ time: SimTime) -> Double {
    minuteOfDay(time, day: Int(time / 1440))
}

/// ``minuteOfDay(_:)`` for a caller that knows `day`, the value of `Int(time / 1440)`.
@inline(__always)
func minuteOfDay(_ time: SimTime, day: Int) -> Double {
    // The quotient rounds up to the next whole day only when `time` lies just below a
    // midnight; the remainder then comes out negative and one day is added back, exactly
    // (the true remainder is a representable number).
    let minute = time - 1440 * Double(day)
    return minute < 0 ? minute + 1440 : minute
}
