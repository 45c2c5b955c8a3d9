import Foundation

// The calendar section and the opening hours, and the load profile (when dossiers arrive).
extension ScenarioDecoder {
    func decodeHours(_ value: JSONValue?, path: String, allowEmpty: Bool) -> OpeningHours? {
        guard let value else { return nil }
        guard case .array(let intervals) = value else {
            diagnostics.report(path, "expected an array of [\"HH:MM\", \"HH:MM\"] pairs, found \(value.typeName)")
            return nil
        }
        var ranges: [Range<Int>] = []
        var valid = true
        for (i, interval) in intervals.enumerated() {
            let p = "\(path)[\(i)]"
            guard case .array(let pair) = interval, pair.count == 2,
                  case .string(let a) = pair[0], case .string(let b) = pair[1] else {
                diagnostics.report(p,
                                   "expected a pair [\"HH:MM\", \"HH:MM\"], found \(ObjectReader.describe(interval))")
                valid = false
                continue
            }
            guard let from = ClockTime(a), let to = ClockTime(b) else {
                diagnostics.report(p, "expected times HH:MM between 00:00 and 24:00, found [\"\(a)\", \"\(b)\"]")
                valid = false
                continue
            }
            guard from < to else {
                diagnostics.report(p, "expected the opening time before the closing time, found [\"\(a)\", \"\(b)\"]")
                valid = false
                continue
            }
            if let last = ranges.last, from.minutes < last.upperBound {
                diagnostics.report(p, "overlaps or precedes the interval before it; list intervals in order")
                valid = false
            }
            ranges.append(from.minutes..<to.minutes)
        }
        if valid && ranges.isEmpty && !allowEmpty {
            diagnostics.report(path, "expected at least one opening interval: an office with no hours never works")
            return nil
        }
        return valid ? OpeningHours(ranges) : nil
    }

    func decodeCalendar(_ root: ObjectReader, horizon: Horizon?) -> CalendarSpec? {
        let keys: Set<String> = ["mode", "holidays", "hours", "saturdayHours", "sameDayCutOff"]
        guard let c = root.object("calendar", keys: keys) else { return nil }
        let mode = c.choice("mode", ["working-days", "always-open"], required: false) ?? "working-days"
        let alwaysOpen = mode == "always-open"
        let hours = decodeHours(c["hours"], path: c.child("hours"), allowEmpty: false) ?? .standard
        let saturday = decodeHours(c["saturdayHours"], path: c.child("saturdayHours"), allowEmpty: true) ?? .closed
        var cutOff = ClockTime(minutes: 900)
        if let text = c.string("sameDayCutOff", required: false) {
            if let t = ClockTime(text) {
                cutOff = t
            } else {
                diagnostics.report(c.child("sameDayCutOff"), "expected a time HH:MM, found \"\(text)\"")
            }
        }
        var holidays = HolidayTable.none
        if alwaysOpen {
            if c.has("holidays") {
                diagnostics.report(c.child("holidays"), "an always-open calendar has no holidays; "
                                   + "remove this key or use mode \"working-days\"")
            }
        } else if let relative = c.string("holidays"), !diagnostics.checksOverlay {
            let path = diagnostics.resolve(relative, key: "calendar.holidays", directory: directory)
            diagnostics.read("the holiday table (calendar.holidays)", at: path)
            do {
                holidays = try ScenarioLoader.loadHolidays(path: path)
                if let horizon {
                    let last = horizon.start.adding(days: horizon.days - 1)
                    if !holidays.covers.contains(horizon.start) || !holidays.covers.contains(last) {
                        let covers = holidays.covers
                        diagnostics.report(c.child("holidays"), "the holiday table \(relative) covers "
                                           + "\(covers.lowerBound) to \(covers.upperBound), but the horizon runs "
                                           + "from \(horizon.start) to \(last); "
                                           + "extend the table (one entry per day off)")
                    } else {
                        warnYearsWithoutHolidays(holidays, from: horizon.start, to: last, table: relative,
                                                 path: c.child("holidays"))
                    }
                }
            } catch {
                for issue in error.issues {
                    let resolved = relative == path ? "" : " (resolved to \(path))"
                    diagnostics.report(c.child("holidays"), "in \(relative)\(resolved) at \(issue.path): \(issue.message)")
                }
            }
        }
        if !alwaysOpen, let start = horizon?.start {
            // A calendar must have working days, or nothing is ever due or served.
            let probe = WorkingCalendar(start: start, coveredDays: 28, holidays: holidays)
            if probe.workingDays(inFirst: 28) == 0 {
                diagnostics.report(c.path, "has no working day in the first four weeks of the horizon")
            }
        }
        return CalendarSpec(alwaysOpen: alwaysOpen, holidays: holidays, hours: alwaysOpen ? .allDay : hours,
                            saturdayHours: alwaysOpen ? .closed : saturday, sameDayCutOff: cutOff)
    }

    /// A table that covers the horizon but lists no day off in one of its years was most likely
    /// extended by changing `covers` only: Tết and the other holidays of that year would be
    /// simulated as working days.
    func warnYearsWithoutHolidays(_ holidays: HolidayTable, from start: CivilDate, to last: CivilDate,
                                  table: String, path: String) {
        let listed = Set(holidays.daysOff.map(\.components.year))
        for year in start.components.year...last.components.year where !listed.contains(year) {
            diagnostics.warn(path, "the holiday table \(table) lists no day off in \(year): Tết and the other "
                             + "public holidays of \(year) would be simulated as working days; add them to the table")
        }
    }

    func decodeLoad(_ value: JSONValue?, path: String) -> LoadProfile? {
        let keys: Set<String> = ["month", "weekday", "hour", "surges", "yearlyGrowth"]
        guard let l = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { return nil }
        var profile = LoadProfile.flat
        func factors(_ key: String, count: Int, what: String) -> [Double]? {
            guard let items = l.array(key, required: false) else { return nil }
            guard items.count == count else {
                diagnostics.report(l.child(key), "expected \(count) factors (\(what)), found \(items.count)")
                return nil
            }
            let values = items.compactMap {
                ObjectReader.number($0.value, path: $0.path, diagnostics: diagnostics, atLeast: 0, atMost: 1000)
            }
            guard values.count == count else { return nil }
            guard values.contains(where: { $0 > 0 }) else {
                diagnostics.report(l.child(key),
                                   "expected at least one factor above 0: with all zero nothing ever arrives")
                return nil
            }
            return values
        }
        if let m = factors("month", count: 12, what: "January to December") { profile.month = m }
        if let w = factors("weekday", count: 7, what: "Monday to Sunday") { profile.weekday = w }
        if let h = factors("hour", count: 24, what: "00:00–01:00 to 23:00–24:00") { profile.hour = h }
        for (spath, svalue) in l.array("surges", required: false) ?? [] {
            let surgeKeys: Set<String> = ["from", "to", "factor", "label"]
            guard let s = ObjectReader(svalue, path: spath, diagnostics: diagnostics, keys: surgeKeys) else { continue }
            let from = ScenarioLoader.date(s, "from"), to = ScenarioLoader.date(s, "to")
            let factor = s.number("factor", atLeast: 0, atMost: 1000)
            _ = s.string("label", required: false)
            if let from, let to, to < from {
                diagnostics.report(s.child("to"), "expected a date on or after \(from), found \(to)")
            }
            if let from, let to, let factor, from <= to {
                diagnostics.dated(spath, .surge, from: from, to: to)
                profile.surges.append(.init(from: from, to: to, factor: factor))
            }
        }
        profile.yearlyGrowth = l.number("yearlyGrowth", required: false, above: 0, atMost: 10) ?? 1
        return profile
    }
}
