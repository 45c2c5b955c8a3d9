import Testing
@testable import MotCua

/// Tết 2024 as announced for civil servants: 2024-02-08 to 2024-02-14 (docs/model.md §1).
private let tet2024 = HolidayTable(
    covers: CivilDate(iso: "2024-01-01")!...CivilDate(iso: "2024-12-31")!,
    daysOff: Set(["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"].map { CivilDate(iso: $0)! }),
    makeUpWorkingDays: [])

private let start = CivilDate(iso: "2024-01-01")!

/// Simulation time of a local date and time.
private func at(_ date: String, _ time: String) -> SimTime {
    Double(CivilDate(iso: date)!.dayNumber - start.dayNumber) * 1440 + Double(ClockTime(time)!.minutes)
}

private func describe(_ t: SimTime) -> String {
    let day = Int((t / 1440).rounded(.down))
    return "\(start.adding(days: day)) \(ClockTime(minutes: Int((t - Double(day) * 1440).rounded())))"
}

@Suite("Working-day calendar and deadlines")
struct CalendarTests {
    let calendar = WorkingCalendar(start: start, coveredDays: 400, holidays: tet2024)

    @Test("civil dates convert both ways and know their weekday")
    func civilDates() {
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(iso: "2024-02-29")!.description == "2024-02-29")
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2024-13-01") == nil)
        #expect(CivilDate(iso: "2024-1-01") == nil)
        #expect(CivilDate(iso: "2024-01-01")!.weekday == 1)   // Monday
        #expect(CivilDate(iso: "2026-02-17")!.weekday == 2)   // Tuesday (Tết 2026)
        for n in stride(from: -800_000, to: 800_000, by: 997) {
            let d = CivilDate(dayNumber: n)
            let (y, m, dd) = d.components
            #expect(CivilDate(year: y, month: m, day: dd) == d)
        }
    }

    @Test("a dossier received the Friday before Tết 2024 is due after the holiday")
    func fridayBeforeTet() {
        // Working days after Fri 2 Feb: 5, 6, 7 Feb, then 15, 16 Feb (8–14 Feb off).
        let due = calendar.appointment(receivedAt: at("2024-02-02", "10:00"), workingDays: 5)
        #expect(describe(due) == "2024-02-16 17:00")
        let dueOneDay = calendar.appointment(receivedAt: at("2024-02-07", "16:00"), workingDays: 1)
        #expect(describe(dueOneDay) == "2024-02-15 17:00")
    }

    @Test("the count starts the next working day; after-hours and weekend receipts count from the next working day")
    func counting() {
        #expect(describe(calendar.appointment(receivedAt: at("2024-03-04", "10:00"), workingDays: 3)) == "2024-03-07 17:00")
        #expect(describe(calendar.appointment(receivedAt: at("2024-03-04", "18:00"), workingDays: 3)) == "2024-03-08 17:00")
        #expect(describe(calendar.appointment(receivedAt: at("2024-03-09", "09:00"), workingDays: 3)) == "2024-03-14 17:00")
        #expect(describe(calendar.appointment(receivedAt: at("2024-03-08", "16:00"), workingDays: 15)) == "2024-03-29 17:00")
    }

    @Test("same-day procedures: due today before the 15:00 cut-off, the next working day after it")
    func sameDayCutOff() {
        #expect(describe(calendar.appointment(receivedAt: at("2024-03-04", "14:59"), workingDays: 0)) == "2024-03-04 17:00")
        #expect(describe(calendar.appointment(receivedAt: at("2024-03-04", "15:01"), workingDays: 0)) == "2024-03-05 17:00")
        #expect(describe(calendar.appointment(receivedAt: at("2024-03-08", "15:30"), workingDays: 0)) == "2024-03-11 17:00")
        #expect(describe(calendar.appointment(receivedAt: at("2024-02-07", "15:30"), workingDays: 0)) == "2024-02-15 17:00")
    }

    @Test("paper dossiers are forwarded the same day before the cut-off, the next working morning after it")
    func forwarding() {
        #expect(describe(calendar.forwardingTime(ofPaperReceivedAt: at("2024-03-04", "10:00"))) == "2024-03-04 10:00")
        #expect(describe(calendar.forwardingTime(ofPaperReceivedAt: at("2024-03-04", "15:30"))) == "2024-03-05 07:30")
        #expect(describe(calendar.forwardingTime(ofPaperReceivedAt: at("2024-02-07", "16:00"))) == "2024-02-15 07:30")
    }

    @Test("make-up Saturdays are working days")
    func makeUpDays() {
        let table = HolidayTable(covers: tet2024.covers, daysOff: [CivilDate(iso: "2024-04-29")!],
                                 makeUpWorkingDays: [CivilDate(iso: "2024-05-04")!])
        let c = WorkingCalendar(start: start, coveredDays: 400, holidays: table)
        // The working day after Friday 3 May is the make-up Saturday 4 May.
        #expect(describe(c.appointment(receivedAt: at("2024-05-03", "09:00"), workingDays: 1)) == "2024-05-04 17:00")
        #expect(c.isWorkingDay(CivilDate(iso: "2024-05-04")!.dayNumber - start.dayNumber))
        #expect(!c.isWorkingDay(CivilDate(iso: "2024-04-29")!.dayNumber - start.dayNumber))
    }

    @Test("the shipped Vietnamese table makes Tết 2024 and National Day 2024 days off")
    func shippedTable() throws {
        let table = try ScenarioLoader.loadHolidays(path: Repository.path("scenarios/calendars/vietnam.json"))
        for day in ["2024-01-01", "2024-02-08", "2024-02-14", "2024-04-18", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"] {
            #expect(!table.isWorkingDay(CivilDate(iso: day)!), "\(day) should be a day off")
        }
        for day in ["2024-02-07", "2024-02-15", "2024-09-04"] {
            #expect(table.isWorkingDay(CivilDate(iso: day)!), "\(day) should be a working day")
        }
        #expect(table.covers.contains(CivilDate(iso: "2027-12-31")!))
    }
}

@Suite("Minute of the day")
struct MinuteOfDayTests {
    @Test("equals the remainder of the division by a day, also just below and at midnight")
    func sameAsRemainder() {
        var rng = RandomStream(seed: 5)
        var times: [SimTime] = (0..<100_000).map { _ in rng.nextUnit() * 1440 * 4000 }
        for day in [1.0, 2, 7, 366, 3653] {
            let midnight = day * 1440
            times += [midnight, midnight.nextDown, midnight.nextDown.nextDown, midnight.nextUp]
        }
        for time in times {
            #expect(minuteOfDay(time) == time.truncatingRemainder(dividingBy: 1440), "\(time)")
        }
    }
}

@Suite("Office schedules: work pauses outside opening hours")
struct OfficeScheduleTests {
    let calendar = WorkingCalendar(start: start, coveredDays: 400, holidays: tet2024)
    var schedule: OfficeSchedule { OfficeSchedule(calendar: calendar, weekdayHours: .standard) }

    @Test("work continues after lunch, the next morning, after the weekend and after Tết")
    func finishTimes() {
        #expect(describe(schedule.finishTime(startingAt: at("2024-03-04", "11:00"), workMinutes: 60)) == "2024-03-04 13:30")
        #expect(describe(schedule.finishTime(startingAt: at("2024-03-04", "16:30"), workMinutes: 90)) == "2024-03-05 08:30")
        #expect(describe(schedule.finishTime(startingAt: at("2024-03-08", "16:00"), workMinutes: 120)) == "2024-03-11 08:30")
        #expect(describe(schedule.finishTime(startingAt: at("2024-02-07", "16:30"), workMinutes: 60)) == "2024-02-15 08:00")
        #expect(describe(schedule.finishTime(startingAt: at("2024-03-04", "12:00"), workMinutes: 30)) == "2024-03-04 13:30")
        // Work that ends exactly at closing ends then, not the next morning.
        #expect(describe(schedule.finishTime(startingAt: at("2024-03-04", "16:00"), workMinutes: 60)) == "2024-03-04 17:00")
    }

    @Test("the next opening skips breaks, nights, weekends and holidays")
    func nextOpening() {
        #expect(describe(schedule.nextOpening(atOrAfter: at("2024-03-04", "10:00"))) == "2024-03-04 10:00")
        #expect(describe(schedule.nextOpening(atOrAfter: at("2024-03-04", "11:30"))) == "2024-03-04 13:00")
        #expect(describe(schedule.nextOpening(atOrAfter: at("2024-03-09", "10:00"))) == "2024-03-11 07:30")
        #expect(describe(schedule.nextOpening(atOrAfter: at("2024-02-07", "17:00"))) == "2024-02-15 07:30")
    }

    @Test("the search from a hint day finds the instant a search of the whole calendar finds",
          arguments: [false, true])
    func hintedSearch(resuming: Bool) {
        let saturday = OfficeSchedule(calendar: calendar, weekdayHours: .standard, saturdayHours: OpeningHours([450..<690]))
        var rng = RandomStream(seed: 21)
        let total = saturday.openTime(at: 400 * 1440)
        for _ in 0..<5_000 {
            // Whole and half minutes make instants at the ends of intervals and days frequent.
            let open = (rng.nextUnit() * total * 2).rounded() / 2
            // The day to search from, found independently: the last one whose midnight has
            // less open time behind it (or as much, when resuming), by a scan from day 0.
            var day = 0
            while day + 1 < 400 {
                let before = saturday.openTime(at: Double(day + 1) * 1440)
                guard before < open || (resuming && before == open) else { break }
                day += 1
            }
            let answer = saturday.wallTime(atOpenTime: open, resuming: resuming, fromDay: day)
            #expect(saturday.openTime(at: answer) == open)
            // Hints before the answer (the usual case) and after it (the fallback).
            for hint in [0, day - 40, day - 3, day - 1, day + 1, day + 50, 399] {
                let found = saturday.wallTime(atOpenTime: open, resuming: resuming, fromDay: hint)
                #expect(found == answer, "open \(open) hint \(hint): \(found) ≠ \(answer)")
            }
        }
    }

    @Test("an office open on Saturday morning works then")
    func saturdayMorning() {
        let saturday = OfficeSchedule(calendar: calendar, weekdayHours: .standard, saturdayHours: OpeningHours([450..<690]))
        #expect(describe(saturday.finishTime(startingAt: at("2024-03-08", "16:30"), workMinutes: 60)) == "2024-03-09 08:00")
        #expect(saturday.openMinutes(from: at("2024-03-04", "00:00"), to: at("2024-03-11", "00:00")) == 5 * 480 + 240)
    }
}
