import Foundation

/// Reads and checks scenario files.
///
/// Every problem is collected with its JSON path, and all of them are thrown together as one
/// ``ScenarioError`` naming the file: a planner fixes a file in one pass, not one error at a time.
public enum ScenarioLoader {
    /// Reads the scenario at `path` (and the holiday table it names, relative to it).
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        try load(path: path, overlays: [], settings: [])
    }

    /// Reads the scenario at `path`, lays the overlay files over it in order, then applies the
    /// `path=value` settings, and checks the result.
    /// - Parameters:
    ///   - overlays: partial scenario files (e.g. `scenarios/what-if/land-branch-minus-2.json`).
    ///   - settings: `(path, value)` pairs; the value is JSON (`6`, `true`, `"text"`, `{…}`) or,
    ///     if it does not parse as JSON, a plain string.
    public static func load(path: String, overlays: [String], settings: [(String, String)]) throws(ScenarioError) -> Scenario {
        var document = try parseDocument(path)
        for overlay in overlays {
            document = document.overlaid(with: try parseDocument(overlay))
        }
        for (key, text) in settings {
            let value = (try? JSONParser.parse(Array(text.utf8))) ?? .string(text)
            do {
                document = try document.setting(key, to: value)
            } catch {
                throw ScenarioError(file: path, issues: [ScenarioIssue(path: key, message: "--set: \(error.message)")])
            }
        }
        let what = ([path] + overlays).joined(separator: " + ") + (settings.isEmpty ? "" : " + --set")
        return try decode(document, file: what, directory: (path as NSString).deletingLastPathComponent)
    }

    static func parseDocument(_ path: String) throws(ScenarioError) -> JSONValue {
        try parse(try readFile(path, reportAs: path), file: path)
    }

    static func decode(_ document: JSONValue, file: String, directory: String) throws(ScenarioError) -> Scenario {
        let diagnostics = Diagnostics()
        var document = document
        if let table = document["procedureTable"] {
            guard case .string(let relative) = table else {
                throw ScenarioError(file: file, issues: [ScenarioIssue(path: "procedureTable", message: "expected the path of a CSV file, found \(table.typeName)")])
            }
            let path = relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
            if let rows = ProcedureTable.overlay(path: path, reportAs: relative, diagnostics: diagnostics, at: "procedureTable") {
                document = document.overlaid(with: rows)
            }
            if !diagnostics.isEmpty { throw ScenarioError(file: file, issues: diagnostics.issues) }
        }
        let decoded = ScenarioDecoder(diagnostics: diagnostics, directory: directory, file: file).decode(document)
        guard var scenario = decoded, diagnostics.isEmpty else { throw ScenarioError(file: file, issues: diagnostics.issues) }
        if let problem = RunLimits.problem(scenario) {
            throw ScenarioError(file: file, issues: [problem])
        }
        let holidays = scenario.calendar.holidays
        let calendarText = "\(holidays.covers) \(holidays.daysOff.sorted()) \(holidays.makeUpWorkingDays.sorted())"
        scenario.fingerprint = StableHash.fnv1a(simulatorModelVersion + "\n" + calendarText + "\n" + JSONWriter.text(document))
        return scenario
    }

    /// Decodes a scenario from JSON bytes; `directory` resolves relative paths inside it.
    public static func decode(_ bytes: [UInt8], file: String, directory: String) throws(ScenarioError) -> Scenario {
        try decode(try parse(bytes, file: file), file: file, directory: directory)
    }

    /// Parses JSON bytes, turning a syntax error into a problem with its line and column.
    static func parse(_ bytes: [UInt8], file: String) throws(ScenarioError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(file: file, issues: [
                ScenarioIssue(path: "$", message: "not valid JSON at line \(error.line), column \(error.column): \(error.message)"),
            ])
        }
    }

    static func readFile(_ path: String, reportAs file: String) throws(ScenarioError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "$", message: "no such file")])
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "$", message: "is a directory, expected a JSON file")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "$", message: "cannot be read (permissions?)")])
        }
        guard data.count <= 64 << 20 else {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "$", message: "is \(data.count >> 20) MiB; a scenario file may be at most 64 MiB")])
        }
        return [UInt8](data)
    }

    /// Reads a holiday table file (format: `scenarios/calendars/vietnam.json`).
    public static func loadHolidays(path: String) throws(ScenarioError) -> HolidayTable {
        let document = try parseDocument(path)
        let diagnostics = Diagnostics()
        let table = decodeHolidays(document, diagnostics: diagnostics)
        if let table, diagnostics.isEmpty { return table }
        throw ScenarioError(file: path, issues: diagnostics.issues)
    }

    static func decodeHolidays(_ document: JSONValue, diagnostics: Diagnostics) -> HolidayTable? {
        guard let root = ObjectReader(document, path: "$", diagnostics: diagnostics,
                                      keys: ["name", "nameVi", "covers", "daysOff", "makeUpWorkingDays"]) else { return nil }
        var from: CivilDate?, to: CivilDate?
        if let covers = root.object("covers", keys: ["from", "to"]) {
            from = date(covers, "from")
            to = date(covers, "to")
            if let f = from, let t = to, t < f { diagnostics.report(covers.child("to"), "expected a date on or after \(f)") }
        }
        func dates(_ key: String, weekend: Bool) -> Set<CivilDate> {
            var result = Set<CivilDate>()
            for (path, value) in root.array(key) ?? [] {
                guard let entry = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["date", "name"]) else { continue }
                _ = entry.string("name", required: false)
                guard let d = date(entry, "date") else { continue }
                if d.isWeekend != weekend {
                    diagnostics.report(entry.child("date"), weekend
                        ? "\(d) is a weekday; a make-up working day must be a Saturday or Sunday"
                        : "\(d) is a weekend day; list only weekdays as days off")
                }
                if let f = from, let t = to, !(f...t).contains(d) {
                    diagnostics.report(entry.child("date"), "\(d) is outside covers (\(f) to \(t))")
                }
                if !result.insert(d).inserted { diagnostics.report(entry.child("date"), "\(d) is listed twice") }
            }
            return result
        }
        let off = dates("daysOff", weekend: false)
        let makeUp = dates("makeUpWorkingDays", weekend: true)
        guard let f = from, let t = to, f <= t else { return nil }
        return HolidayTable(covers: f...t, daysOff: off, makeUpWorkingDays: makeUp)
    }

    static func date(_ reader: ObjectReader, _ key: String, required: Bool = true) -> CivilDate? {
        guard let text = reader.string(key, required: required) else { return nil }
        guard let d = CivilDate(iso: text) else {
            reader.diagnostics.report(reader.child(key), "expected a date YYYY-MM-DD, found \"\(text)\"")
            return nil
        }
        return d
    }
}

/// Decodes the scenario document; cross-references are checked once everything is read.
struct ScenarioDecoder {
    let diagnostics: Diagnostics
    let directory: String
    let file: String

    /// Length of a working day in minutes, for distributions given in working days.
    private static func minutesPerWorkingDay(_ calendar: CalendarSpec?) -> Double {
        guard let calendar else { return 480 }
        return calendar.alwaysOpen ? 1440 : Double(calendar.hours.totalMinutes)
    }

    func decode(_ document: JSONValue) -> Scenario? {
        guard let root = ObjectReader(document, path: "$", diagnostics: diagnostics, keys: [
            "format", "name", "nameVi", "description", "seed", "horizon", "calendar", "fields", "offices", "procedures", "targets",
            "policies", "backlog", "load", "procedureTable",
        ]) else { return nil }
        if let format = root.string("format", required: false), format != "motcua-scenario/1" {
            diagnostics.report(root.child("format"), "expected \"motcua-scenario/1\", found \"\(format)\"")
        }
        let name = root.string("name")
        let nameVi = root.string("nameVi", required: false)
        let description = root.string("description", required: false, nonEmpty: false)
        let seed = root.integer("seed", required: false, atLeast: 0)
        let horizon = decodeHorizon(root)
        let calendar = decodeCalendar(root, horizon: horizon)
        let workingDay = ScenarioDecoder.minutesPerWorkingDay(calendar)
        let fields = decodeFields(root)
        let offices = decodeOffices(root, calendar: calendar, workingDay: workingDay, horizon: horizon)
        let procedures = decodeProcedures(root, workingDay: workingDay)
        let targets = decodeTargets(root)
        let policies = decodePolicies(root)
        let load = decodeLoad(root["load"], path: root.child("load")) ?? .flat
        let backlog = decodeBacklog(root, procedures: procedures.map(\.spec))
        crossCheck(fields: fields, offices: offices, procedures: procedures, targets: targets, workingDay: workingDay)
        guard let name, let horizon, let calendar, diagnostics.isEmpty else { return nil }
        return Scenario(name: name, nameVi: nameVi, description: description, seed: UInt64(seed ?? 1),
                        horizon: horizon, calendar: calendar, fields: fields.map(\.spec),
                        offices: offices.map(\.spec), procedures: procedures.map(\.spec), targets: targets.map(\.spec),
                        policies: policies, backlog: backlog, load: load)
    }

    private func decodeHorizon(_ root: ObjectReader) -> Horizon? {
        guard let h = root.object("horizon", keys: ["start", "days", "warmUpDays"]) else { return nil }
        let start = ScenarioLoader.date(h, "start")
        let days = h.integer("days", atLeast: 1, atMost: 36_600)
        let warmUp = h.integer("warmUpDays", required: false, atLeast: 0) ?? 0
        if let days, warmUp >= days { diagnostics.report(h.child("warmUpDays"), "expected fewer warm-up days than the \(days) days of the horizon, found \(warmUp)") }
        guard let start, let days else { return nil }
        return Horizon(start: start, days: days, warmUpDays: warmUp)
    }

    private func decodeHours(_ value: JSONValue?, path: String, allowEmpty: Bool) -> OpeningHours? {
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
                diagnostics.report(p, "expected a pair [\"HH:MM\", \"HH:MM\"], found \(ObjectReader.describe(interval))")
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

    private func decodeCalendar(_ root: ObjectReader, horizon: Horizon?) -> CalendarSpec? {
        guard let c = root.object("calendar", keys: ["mode", "holidays", "hours", "saturdayHours", "sameDayCutOff"]) else { return nil }
        let mode = c.choice("mode", ["working-days", "always-open"], required: false) ?? "working-days"
        let alwaysOpen = mode == "always-open"
        let hours = decodeHours(c["hours"], path: c.child("hours"), allowEmpty: false) ?? .standard
        let saturday = decodeHours(c["saturdayHours"], path: c.child("saturdayHours"), allowEmpty: true) ?? .closed
        var cutOff = ClockTime(minutes: 900)
        if let text = c.string("sameDayCutOff", required: false) {
            if let t = ClockTime(text) { cutOff = t } else { diagnostics.report(c.child("sameDayCutOff"), "expected a time HH:MM, found \"\(text)\"") }
        }
        var holidays = HolidayTable.none
        if alwaysOpen {
            if c.has("holidays") { diagnostics.report(c.child("holidays"), "an always-open calendar has no holidays; remove this key or use mode \"working-days\"") }
        } else if let relative = c.string("holidays") {
            let path = relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
            do {
                holidays = try ScenarioLoader.loadHolidays(path: path)
                if let horizon {
                    let last = horizon.start.adding(days: horizon.days - 1)
                    if !holidays.covers.contains(horizon.start) || !holidays.covers.contains(last) {
                        diagnostics.report(c.child("holidays"), "the holiday table \(relative) covers \(holidays.covers.lowerBound) to \(holidays.covers.upperBound), but the horizon runs from \(horizon.start) to \(last); extend the table (one entry per day off)")
                    }
                }
            } catch {
                for issue in error.issues {
                    diagnostics.report(c.child("holidays"), "in \(relative) at \(issue.path): \(issue.message)")
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

    private struct Located<T> {
        let spec: T
        let path: String
    }

    private func uniqueIDs<T>(_ items: [Located<T>], _ id: (T) -> String, what: String) {
        var seen: [String: String] = [:]
        for item in items {
            let key = id(item.spec)
            if let first = seen[key] {
                diagnostics.report("\(item.path).id", "duplicate \(what) id \"\(key)\" (first used at \(first))")
            } else {
                seen[key] = item.path
            }
        }
    }

    private func decodeFields(_ root: ObjectReader) -> [Located<FieldSpec>] {
        var result: [Located<FieldSpec>] = []
        for (path, value) in root.array("fields", nonEmpty: true) ?? [] {
            guard let f = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["id", "name", "nameVi"]) else { continue }
            let id = f.string("id"), name = f.string("name"), nameVi = f.string("nameVi", required: false)
            if let id, id == "*" { diagnostics.report(f.child("id"), "\"*\" is reserved for \"every field\" in targets") }
            if let id, let name { result.append(Located(spec: FieldSpec(id: id, name: name, nameVi: nameVi), path: path)) }
        }
        uniqueIDs(result, \.id, what: "field")
        return result
    }

    private func decodeLoad(_ value: JSONValue?, path: String) -> LoadProfile? {
        guard let l = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["month", "weekday", "hour", "surges", "yearlyGrowth"]) else {
            return nil
        }
        var profile = LoadProfile.flat
        func factors(_ key: String, count: Int, what: String) -> [Double]? {
            guard let items = l.array(key, required: false) else { return nil }
            guard items.count == count else {
                diagnostics.report(l.child(key), "expected \(count) factors (\(what)), found \(items.count)")
                return nil
            }
            let values = items.compactMap { ObjectReader.number($0.value, path: $0.path, diagnostics: diagnostics, atLeast: 0, atMost: 1000) }
            guard values.count == count else { return nil }
            guard values.contains(where: { $0 > 0 }) else {
                diagnostics.report(l.child(key), "expected at least one factor above 0: with all zero nothing ever arrives")
                return nil
            }
            return values
        }
        if let m = factors("month", count: 12, what: "January to December") { profile.month = m }
        if let w = factors("weekday", count: 7, what: "Monday to Sunday") { profile.weekday = w }
        if let h = factors("hour", count: 24, what: "00:00–01:00 to 23:00–24:00") { profile.hour = h }
        for (spath, svalue) in l.array("surges", required: false) ?? [] {
            guard let s = ObjectReader(svalue, path: spath, diagnostics: diagnostics, keys: ["from", "to", "factor", "label"]) else { continue }
            let from = ScenarioLoader.date(s, "from"), to = ScenarioLoader.date(s, "to")
            let factor = s.number("factor", atLeast: 0, atMost: 1000)
            _ = s.string("label", required: false)
            if let from, let to, to < from { diagnostics.report(s.child("to"), "expected a date on or after \(from), found \(to)") }
            if let from, let to, let factor, from <= to { profile.surges.append(.init(from: from, to: to, factor: factor)) }
        }
        profile.yearlyGrowth = l.number("yearlyGrowth", required: false, above: 0, atMost: 10) ?? 1
        return profile
    }

    private func decodeBacklog(_ root: ObjectReader, procedures: [ProcedureSpec]) -> [BacklogSpec] {
        var result: [BacklogSpec] = []
        for (path, value) in root.array("backlog", required: false) ?? [] {
            guard let b = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["procedure", "count", "elapsedWorkingDays", "step"]) else { continue }
            let id = b.string("procedure"), count = b.integer("count", atLeast: 0, atMost: 10_000_000)
            let elapsed = b.has("elapsedWorkingDays") ? decodeDistribution(b["elapsedWorkingDays"], path: b.child("elapsedWorkingDays"), workingDay: 1) : .deterministic(value: 0)
            let step = b.integer("step", required: false, atLeast: 1) ?? 1
            guard let id else { continue }
            guard let procedure = procedures.first(where: { $0.id == id }) else {
                diagnostics.report(b.child("procedure"), "unknown procedure \"\(id)\"")
                continue
            }
            if step > procedure.steps.count {
                diagnostics.report(b.child("step"), "procedure \"\(id)\" has \(procedure.steps.count) steps after the desk; expected 1…\(max(procedure.steps.count, 1))")
                continue
            }
            if let count, let elapsed { result.append(BacklogSpec(procedure: id, count: count, elapsedWorkingDays: elapsed, step: step)) }
        }
        return result
    }

    private func decodePolicies(_ root: ObjectReader) -> PolicySpec {
        var policy = PolicySpec.standard
        guard let p = root.object("policies", required: false, keys: ["apology"]) else { return policy }
        if let a = p.object("apology", required: false, keys: ["onTimeShare", "lateShare", "extensionWorkingDays"]) {
            policy.apologyOnTimeShare = a.share("onTimeShare", required: false) ?? policy.apologyOnTimeShare
            policy.apologyLateShare = a.share("lateShare", required: false) ?? policy.apologyLateShare
            policy.apologyExtensionWorkingDays = a.integer("extensionWorkingDays", required: false, atLeast: 1, atMost: 365)
                ?? policy.apologyExtensionWorkingDays
        }
        return policy
    }

    private func decodeStaffing(_ o: ObjectReader, horizon: Horizon?) -> ([StaffChangeSpec], [AbsenceSpec]) {
        var changes: [StaffChangeSpec] = []
        for (path, value) in o.array("staffChanges", required: false) ?? [] {
            guard let c = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["from", "staff"]) else { continue }
            let from = ScenarioLoader.date(c, "from"), staff = c.integer("staff", atLeast: 0, atMost: 100_000)
            if let from, let last = changes.last, from <= last.from {
                diagnostics.report(c.child("from"), "expected dates in increasing order; \(from) is not after \(last.from)")
            }
            if let from, let staff { changes.append(StaffChangeSpec(from: from, staff: staff)) }
        }
        var absences: [AbsenceSpec] = []
        for (path, value) in o.array("absences", required: false) ?? [] {
            guard let a = ObjectReader(value, path: path, diagnostics: diagnostics, keys: ["from", "to", "staff", "reason"]) else { continue }
            let from = ScenarioLoader.date(a, "from"), to = ScenarioLoader.date(a, "to")
            let staff = a.integer("staff", atLeast: 1, atMost: 100_000), reason = a.string("reason", required: false)
            if let from, let to, to < from { diagnostics.report(a.child("to"), "expected a date on or after \(from), found \(to)") }
            if let from, let to, let staff, from <= to { absences.append(AbsenceSpec(from: from, to: to, staff: staff, reason: reason)) }
        }
        return (changes, absences)
    }

    private func decodeOffices(_ root: ObjectReader, calendar: CalendarSpec?, workingDay: Double, horizon: Horizon?) -> [Located<OfficeSpec>] {
        var result: [Located<OfficeSpec>] = []
        for (path, value) in root.array("offices", nonEmpty: true) ?? [] {
            guard let o = ObjectReader(value, path: path, diagnostics: diagnostics, keys: [
                "id", "kind", "level", "name", "nameVi", "staff", "hours", "saturdayHours", "instances",
                "staffChanges", "absences", "sessions", "patience",
            ]) else { continue }
            let id = o.string("id")
            let kind = o.choice("kind", OfficeKind.allCases.map(\.rawValue)).flatMap(OfficeKind.init(rawValue:))
            let level = o.choice("level", AdministrativeLevel.allCases.map(\.rawValue)).flatMap(AdministrativeLevel.init(rawValue:))
            let name = o.string("name"), nameVi = o.string("nameVi", required: false)
            let staff = o.integer("staff", atLeast: 0, atMost: 100_000)
            let hours = decodeHours(o["hours"], path: o.child("hours"), allowEmpty: false)
            let saturday = decodeHours(o["saturdayHours"], path: o.child("saturdayHours"), allowEmpty: true)
            if calendar?.alwaysOpen == true, o.has("hours") || o.has("saturdayHours") {
                diagnostics.report(o.child("hours"), "office hours do not apply to an always-open calendar")
            }
            var instances: [InstanceSpec] = []
            for (ipath, ivalue) in o.array("instances", required: false, nonEmpty: true) ?? [] {
                guard let i = ObjectReader(ivalue, path: ipath, diagnostics: diagnostics, keys: ["id", "name", "nameVi", "staff", "weight"]) else { continue }
                let iid = i.string("id"), iname = i.string("name"), inameVi = i.string("nameVi", required: false)
                let istaff = i.integer("staff", required: false, atLeast: 0, atMost: 100_000)
                let weight = i.number("weight", required: false, atLeast: 0, atMost: 1e9) ?? 1
                if let iid, let iname {
                    instances.append(InstanceSpec(id: iid, name: iname, nameVi: inameVi, staff: istaff, weight: weight))
                }
            }
            if !instances.isEmpty, instances.allSatisfy({ $0.weight == 0 }) {
                diagnostics.report(o.child("instances"), "every instance has weight 0; at least one must receive load")
            }
            let (changes, absences) = decodeStaffing(o, horizon: horizon)
            var sessions: [ClockTime] = []
            for (spath, svalue) in o.array("sessions", required: false, nonEmpty: true) ?? [] {
                guard case .string(let text) = svalue, let time = ClockTime(text), time.minutes < 1440 else {
                    diagnostics.report(spath, "expected a time HH:MM, found \(ObjectReader.describe(svalue))")
                    continue
                }
                if let last = sessions.last, time <= last { diagnostics.report(spath, "expected session times in increasing order") }
                sessions.append(time)
            }
            let patience = decodeDistribution(o["patience"], path: o.child("patience"), workingDay: workingDay)
            if o.has("patience"), let kind, kind != .desk {
                diagnostics.report(o.child("patience"), "only citizens queueing at a desk give up; \"\(kind.rawValue)\" has no citizens waiting")
            }
            if let id, let kind, let level, let name, let staff {
                var office = OfficeSpec(id: id, kind: kind, level: level, name: name, nameVi: nameVi, staff: staff,
                                        hours: hours, saturdayHours: saturday, instances: instances)
                office.staffChanges = changes
                office.absences = absences
                office.sessions = sessions
                office.patience = patience
                result.append(Located(spec: office, path: path))
            }
        }
        uniqueIDs(result, \.id, what: "office")
        // Instance ids are unique within their entry; entries for the same wards repeat them.
        for office in result {
            var seen: [String: Int] = [:]
            for (n, instance) in office.spec.instances.enumerated() {
                if let first = seen[instance.id] {
                    diagnostics.report("\(office.path).instances[\(n)].id", "duplicate instance id \"\(instance.id)\" (first used at instances[\(first)])")
                }
                seen[instance.id] = n
            }
        }
        let grouped = result.filter { !$0.spec.instances.isEmpty }
        if let first = grouped.first {
            for other in grouped.dropFirst() where other.spec.instances.count != first.spec.instances.count {
                diagnostics.report("\(other.path).instances", "has \(other.spec.instances.count) instances but \(first.spec.id) has \(first.spec.instances.count); instances stand for the wards, so every office with instances must list the same wards in the same order")
            }
        }
        return result
    }

    private func decodeDistribution(_ value: JSONValue?, path: String, workingDay: Double) -> Distribution? {
        guard let value else { return nil }
        let keys: Set<String> = ["type", "unit", "value", "mean", "min", "max", "mode", "sd", "shape", "scale", "k", "values", "weights"]
        guard let d = ObjectReader(value, path: path, diagnostics: diagnostics, keys: keys) else { return nil }
        let types = ["deterministic", "exponential", "uniform", "triangular", "normal", "lognormal", "gamma", "erlang", "weibull", "empirical"]
        guard let type = d.choice("type", types) else { return nil }
        let unit = d.choice("unit", ["minutes", "hours", "workingDays"], required: false) ?? "minutes"
        let factor = unit == "hours" ? 60 : unit == "workingDays" ? workingDay : 1
        let needed: [String: [String]] = [
            "deterministic": ["value"], "exponential": ["mean"], "uniform": ["min", "max"], "triangular": ["min", "mode", "max"],
            "normal": ["mean", "sd"], "lognormal": ["mean", "sd"], "gamma": ["shape", "scale"], "erlang": ["k", "mean"],
            "weibull": ["shape", "scale"], "empirical": ["values", "weights"],
        ]
        let parameters = Set(needed[type]!)
        for key in keys.subtracting(["type", "unit"]).subtracting(parameters) where d.has(key) {
            diagnostics.report(d.child(key), "is not a parameter of a \(type) distribution; expected \(needed[type]!.joined(separator: ", "))")
        }
        let result: Distribution?
        switch type {
        case "deterministic":
            result = d.number("value", atLeast: 0).map { .deterministic(value: $0) }
        case "exponential":
            result = d.number("mean", above: 0).map { .exponential(mean: $0) }
        case "uniform":
            let a = d.number("min", atLeast: 0), b = d.number("max", atLeast: 0)
            if let a, let b, b <= a { diagnostics.report(d.child("max"), "expected max > min (\(ObjectReader.format(a))), found \(ObjectReader.format(b))"); return nil }
            result = a.flatMap { a in b.map { .uniform(min: a, max: $0) } }
        case "triangular":
            let a = d.number("min", atLeast: 0), c = d.number("mode", atLeast: 0), b = d.number("max", atLeast: 0)
            if let a, let b, let c, !(a <= c && c <= b && a < b) {
                diagnostics.report(d.path, "expected min ≤ mode ≤ max with min < max, found \(ObjectReader.format(a)), \(ObjectReader.format(c)), \(ObjectReader.format(b))")
                return nil
            }
            guard let a, let b, let c else { return nil }
            result = .triangular(min: a, mode: c, max: b)
        case "normal":
            let m = d.number("mean", above: 0), s = d.number("sd", atLeast: 0)
            result = m.flatMap { m in s.map { .normal(mean: m, sd: $0) } }
        case "lognormal":
            let m = d.number("mean", above: 0), s = d.number("sd", atLeast: 0)
            result = m.flatMap { m in s.map { .lognormal(mean: m, sd: $0) } }
        case "gamma":
            let k = d.number("shape", above: 0), t = d.number("scale", above: 0)
            result = k.flatMap { k in t.map { .gamma(shape: k, scale: $0) } }
        case "erlang":
            let k = d.integer("k", atLeast: 1, atMost: 1000), m = d.number("mean", above: 0)
            result = k.flatMap { k in m.map { .erlang(k: k, mean: $0) } }
        case "weibull":
            let k = d.number("shape", above: 0.05), l = d.number("scale", above: 0)
            result = k.flatMap { k in l.map { .weibull(shape: k, scale: $0) } }
        default:
            let values = d.array("values", nonEmpty: true)?.compactMap { ObjectReader.number($0.value, path: $0.path, diagnostics: diagnostics, atLeast: 0) }
            let weights = d.array("weights", nonEmpty: true)?.compactMap { ObjectReader.number($0.value, path: $0.path, diagnostics: diagnostics, atLeast: 0) }
            guard let values, let weights else { return nil }
            guard values.count == weights.count else {
                diagnostics.report(d.child("weights"), "expected as many weights as values (\(values.count)), found \(weights.count)")
                return nil
            }
            guard weights.reduce(0, +) > 0 else { diagnostics.report(d.child("weights"), "expected at least one positive weight"); return nil }
            result = .empirical(EmpiricalTable(values: values, weights: weights))
        }
        return result?.scaled(by: factor)
    }

    private func decodeStep(_ value: JSONValue?, path: String, workingDay: Double, isIntake: Bool) -> StepSpec? {
        guard let s = ObjectReader(value, path: path, diagnostics: diagnostics,
                                   keys: isIntake ? ["office", "service"] : ["office", "service", "lag", "pausesDeadline", "supplement"]) else {
            return nil
        }
        let office = s.string("office")
        let service = decodeDistribution(s["service"], path: s.child("service"), workingDay: workingDay)
        let lag = decodeDistribution(s["lag"], path: s.child("lag"), workingDay: workingDay)
        if isIntake && !s.has("service") { s.missing("service", "the counter time of the desk check (a distribution)") }
        if !isIntake && !s.has("service") && !s.has("lag") { diagnostics.report(path, "a step needs a service (staff effort), a lag (waiting time), or both") }
        var supplement: SupplementSpec?
        if let r = s.object("supplement", required: false, keys: ["share", "repeatShare", "delay"]) {
            let share = r.share("share")
            let repeatShare = r.number("repeatShare", required: false, atLeast: 0, atMost: 0.95) ?? 0
            let delay = r.has("delay") ? decodeDistribution(r["delay"], path: r.child("delay"), workingDay: workingDay) : nil
            if !r.has("delay") { r.missing("delay", "a distribution of the time the citizen takes to supplement") }
            if s["service"] == nil { diagnostics.report(r.path, "a supplement is requested after the office's work; this step has no service") }
            if let share, let delay { supplement = SupplementSpec(share: share, repeatShare: repeatShare, delay: delay) }
        }
        guard let office else { return nil }
        var step = StepSpec(office: office, service: service, lag: lag)
        step.pausesDeadline = s.bool("pausesDeadline") ?? false
        step.supplement = supplement
        return step
    }

    private func decodeProcedures(_ root: ObjectReader, workingDay: Double) -> [Located<ProcedureSpec>] {
        var result: [Located<ProcedureSpec>] = []
        for (path, value) in root.array("procedures", nonEmpty: true) ?? [] {
            guard let p = ObjectReader(value, path: path, diagnostics: diagnostics, keys: [
                "id", "name", "nameVi", "field", "yearlyVolume", "deadline", "online", "refusal", "intake", "steps",
                "priorityShare", "incomplete", "digitization", "fee", "result", "withdrawal", "load", "postal",
            ]) else { continue }
            let id = p.string("id"), name = p.string("name"), nameVi = p.string("nameVi", required: false)
            let field = p.string("field")
            let volume = p.number("yearlyVolume", above: 0, atMost: 1e9)
            var deadline: Int?
            if let d = p.object("deadline", keys: ["workingDays"]) { deadline = d.integer("workingDays", atLeast: 0, atMost: 3650) }
            let online = p.number("online", required: false, atLeast: 0, atMost: 1) ?? 0
            let refusal = p.number("refusal", required: false, atLeast: 0, atMost: 1) ?? 0
            let postal = p.share("postal", required: false) ?? 0
            if online + postal > 1 { diagnostics.report(p.child("postal"), "online + postal shares must not exceed 1 (found \(online + postal))") }
            let intake = p.has("intake") ? decodeStep(p["intake"], path: p.child("intake"), workingDay: workingDay, isIntake: true) : nil
            if !p.has("intake") { p.missing("intake", "an object {\"office\", \"service\"}") }
            var steps: [StepSpec] = []
            for (spath, svalue) in p.array("steps", required: false) ?? [] {
                if let step = decodeStep(svalue, path: spath, workingDay: workingDay, isIntake: false) { steps.append(step) }
            }
            func distribution(_ r: ObjectReader, _ key: String, _ what: String) -> Distribution? {
                guard r.has(key) else { r.missing(key, what); return nil }
                return decodeDistribution(r[key], path: r.child(key), workingDay: workingDay)
            }
            let priority = p.share("priorityShare", required: false) ?? 0
            var incomplete: IncompleteSpec?
            if let r = p.object("incomplete", required: false, keys: ["share", "returnDelay", "returnShare"]) {
                let share = r.share("share"), back = r.share("returnShare", required: false) ?? 1
                let delay = distribution(r, "returnDelay", "a distribution of the time until the citizen comes back")
                if let share, let delay { incomplete = IncompleteSpec(share: share, returnDelay: delay, returnShare: back) }
            }
            var digitization: DigitizationSpec?
            if let r = p.object("digitization", required: false, keys: ["share", "service"]) {
                let share = r.share("share"), service = distribution(r, "service", "a distribution of the extra desk time")
                if let share, let service { digitization = DigitizationSpec(share: share, service: service) }
            }
            var fee: FeeSpec?
            if let r = p.object("fee", required: false, keys: ["ePaymentShare", "cashService"]) {
                let share = r.share("ePaymentShare"), cash = distribution(r, "cashService", "a distribution of the desk time of a cash payment")
                if let share, let cash { fee = FeeSpec(ePaymentShare: share, cashService: cash) }
            }
            var resultSpec: ResultSpec?
            if let r = p.object("result", required: false, keys: ["electronicShare", "postalShare", "service", "pickupDelay"]) {
                let electronic = r.share("electronicShare", required: false) ?? 0, postal = r.share("postalShare", required: false) ?? 0
                if electronic + postal > 1 { diagnostics.report(r.path, "electronicShare + postalShare must not exceed 1") }
                let service = distribution(r, "service", "a distribution of the counter time to hand over the result")
                let delay = distribution(r, "pickupDelay", "a distribution of the time until the citizen collects the result")
                if let service, let delay { resultSpec = ResultSpec(electronicShare: electronic, postalShare: postal, service: service, pickupDelay: delay) }
            }
            var withdrawal: WithdrawalSpec?
            if let r = p.object("withdrawal", required: false, keys: ["share", "after"]) {
                let share = r.share("share"), after = distribution(r, "after", "a distribution of the time after acceptance")
                if let share, let after { withdrawal = WithdrawalSpec(share: share, after: after) }
            }
            if let id, let name, let field, let volume, let deadline, let intake {
                var spec = ProcedureSpec(id: id, name: name, nameVi: nameVi, field: field, yearlyVolume: volume,
                                         deadlineWorkingDays: deadline, onlineShare: online, refusalShare: refusal,
                                         intake: intake, steps: steps)
                spec.priorityShare = priority
                spec.postalShare = postal
                spec.incomplete = incomplete
                spec.digitization = digitization
                spec.fee = fee
                spec.result = resultSpec
                spec.withdrawal = withdrawal
                spec.load = p.has("load") ? decodeLoad(p["load"], path: p.child("load")) : nil
                result.append(Located(spec: spec, path: path))
            }
        }
        uniqueIDs(result, \.id, what: "procedure")
        return result
    }

    private func decodeTargets(_ root: ObjectReader) -> [Located<TargetSpec>] {
        var result: [Located<TargetSpec>] = []
        for (path, value) in root.array("targets", required: false) ?? [] {
            guard let t = ObjectReader(value, path: path, diagnostics: diagnostics, keys: [
                "id", "label", "labelVi", "measure", "field", "office", "level", "comparator", "threshold",
            ]) else { continue }
            let id = t.string("id"), label = t.string("label"), labelVi = t.string("labelVi", required: false)
            let measure = t.choice("measure", ["onTimeRate", "lateRate", "apologyRate", "digitizationRate", "ePaymentRate", "onlineRate"])
                .flatMap(TargetMeasure.init(rawValue:))
            let level = t.choice("level", AdministrativeLevel.allCases.map(\.rawValue), required: false).flatMap(AdministrativeLevel.init(rawValue:))
            let field = t.string("field", required: false), office = t.string("office", required: false)
            let comparator = t.choice("comparator", [">=", ">", "<=", "<"]).flatMap(Comparator.init(rawValue:))
            let threshold = t.number("threshold", atLeast: 0, atMost: 1)
            if let id, let label, let measure, let comparator, let threshold {
                var target = TargetSpec(id: id, label: label, labelVi: labelVi, measure: measure, field: field,
                                        office: office, comparator: comparator, threshold: threshold)
                target.level = level
                result.append(Located(spec: target, path: path))
            }
        }
        uniqueIDs(result, \.id, what: "target")
        return result
    }

    /// References between sections: fields, offices, staff able to serve each step, deadlines
    /// that processing could meet at all.
    private func crossCheck(fields: [Located<FieldSpec>], offices: [Located<OfficeSpec>],
                            procedures: [Located<ProcedureSpec>], targets: [Located<TargetSpec>], workingDay: Double) {
        let fieldIDs = Set(fields.map(\.spec.id))
        var officeByID: [String: OfficeSpec] = [:]
        for office in offices { officeByID[office.spec.id] = office.spec }
        let instanceIDs = Set(offices.flatMap { $0.spec.instances.map(\.id) })
        for procedure in procedures {
            let p = procedure.spec
            if !fieldIDs.contains(p.field) {
                diagnostics.report("\(procedure.path).field", "unknown field \"\(p.field)\"; expected one of: \(fieldIDs.sorted().joined(separator: ", "))")
            }
            let steps = [("intake", p.intake)] + p.steps.enumerated().map { ("steps[\($0.offset)]", $0.element) }
            var fastest = 0.0
            for (name, step) in steps {
                let path = "\(procedure.path).\(name).office"
                guard let office = officeByID[step.office] else {
                    let hint = instanceIDs.contains(step.office) ? " (that is one ward instance; name its office entry so each dossier goes to its own ward)" : ""
                    diagnostics.report(path, "unknown office \"\(step.office)\"\(hint); expected one of: \(officeByID.keys.sorted().joined(separator: ", "))")
                    continue
                }
                if step.service != nil {
                    let staffCounts = office.instances.isEmpty ? [office.staff] : office.instances.map { $0.staff ?? office.staff }
                    if staffCounts.contains(0) {
                        diagnostics.report(path, "office \"\(office.id)\" has no staff (in at least one instance) to serve this step")
                    }
                }
                if name == "intake" && office.kind != .desk {
                    diagnostics.report(path, "the intake must be at a one-stop desk (kind \"desk\"); \"\(office.id)\" is a \(office.kind.rawValue)")
                }
                if !step.pausesDeadline { fastest += (step.service?.minimum ?? 0) + (step.lag?.minimum ?? 0) }
            }
            // Even with no queue at all, work of more working days than the deadline allows
            // (the deadline days plus the day of receipt) is late by construction.
            let allowed = Double(p.deadlineWorkingDays + 1) * workingDay
            if fastest > allowed {
                let days = (fastest / workingDay * 10).rounded() / 10
                diagnostics.report("\(procedure.path).deadline.workingDays", "the fastest possible processing (minimum service and lag times of all steps) takes \(days) working days, longer than the deadline of \(p.deadlineWorkingDays) working days: every dossier would be late")
            }
        }
        for target in targets {
            let t = target.spec
            if let field = t.field, field != "*", !fieldIDs.contains(field) {
                diagnostics.report("\(target.path).field", "unknown field \"\(field)\"; expected \"*\" or one of: \(fieldIDs.sorted().joined(separator: ", "))")
            }
            if let office = t.office, officeByID[office] == nil {
                diagnostics.report("\(target.path).office", "unknown office \"\(office)\"")
            } else if let office = t.office, !procedures.contains(where: { p in ([p.spec.intake] + p.spec.steps).contains { $0.office == office } }) {
                diagnostics.report("\(target.path).office", "no procedure is routed through office \"\(office)\", so the target measures nothing")
            }
        }
        for field in fields where !procedures.contains(where: { $0.spec.field == field.spec.id }) {
            diagnostics.report("\(field.path).id", "no procedure belongs to field \"\(field.spec.id)\"; remove it or add its procedures")
        }
    }
}
