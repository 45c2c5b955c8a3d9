// Decoding a holiday table (`scenarios/calendars/vietnam.json`): the days off and the make-up
// working days of the period it covers (docs/model.md §1).
extension ScenarioLoader {
    /// Reads a holiday table file (format: `scenarios/calendars/vietnam.json`).
    public static func loadHolidays(path: String) throws(ScenarioError) -> HolidayTable {
        let document = try parseDocument(path)
        let diagnostics = Diagnostics()
        let table = decodeHolidays(document, diagnostics: diagnostics)
        if let table, diagnostics.isEmpty { return table }
        throw ScenarioError(file: path, issues: diagnostics.issues)
    }

    static func decodeHolidays(_ document: JSONValue, diagnostics: Diagnostics) -> HolidayTable? {
        let keys: Set<String> = ["name", "nameVi", "covers", "daysOff", "makeUpWorkingDays"]
        guard let root = ObjectReader(document, path: "$", diagnostics: diagnostics, keys: keys) else { return nil }
        var from: CivilDate?, to: CivilDate?
        if let covers = root.object("covers", keys: ["from", "to"]) {
            from = date(covers, "from")
            to = date(covers, "to")
            if let f = from, let t = to, t < f {
                diagnostics.report(covers.child("to"), "expected a date on or after \(f)")
            }
        }
        func dates(_ key: String, weekend: Bool) -> Set<CivilDate> {
            var result = Set<CivilDate>()
            for (path, value) in root.array(key) ?? [] {
                guard let entry = ObjectReader(value, path: path, diagnostics: diagnostics,
                                               keys: ["date", "name"]) else { continue }
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
