import Foundation

/// The report's counts rebuilt from a per-dossier log (`run --events`) alone, written apart from
/// the tallies (``ProcedureTally``) so that a counting mistake on either side shows as a
/// difference (`motcua audit`, docs/output-format.md).
///
/// The rules, from the log's columns (docs/model.md §5–§7): only rows with `counted` = 1;
/// `received` are the counted rows not in the opening backlog, `backlog` the others; accepted,
/// digitized, fee-paying and e-paid count the dossiers accepted at the desk during the horizon
/// (the backlog was accepted before it); a finished dossier is on time or late by its status,
/// a dossier in progress is overdue when its `late` column names a kind; `incomplete` and
/// `supplementRequests` add up the per-dossier columns.
public struct LogRecount: Sendable {
    /// The names of the recounted counts, as the JSON report's `counts` objects name them.
    public static let countNames = [
        "received", "backlog", "refused", "withdrawn", "accepted", "finishedOnTime", "finishedLate",
        "inProgressNotDue", "inProgressOverdue", "backlogOnTime", "backlogLate", "incomplete", "supplementRequests",
        "lateByRepeatedSupplements", "apologiesSent", "lateApologisedOnTime", "lateApologisedLate", "lateNotApologised",
        "newDateMet", "newDateMissed", "newDatePending", "online", "postal", "digitized", "feePaying", "ePaid",
        "resultsElectronic", "resultsPostal", "resultsAtDesk", "reuseEligible", "reused", "backlogFinished",
        "awaitingDeskCheck", "awaitingDeskCheckOverdue",
    ]

    /// Counts per procedure id, in the order of ``countNames``.
    public private(set) var procedures: [String: [Int]] = [:]
    /// Counts per field id.
    public private(set) var fields: [String: [Int]] = [:]
    /// Counts per level of the receiving desk (`district`, `ward`, `city`).
    public private(set) var levels: [String: [Int]] = [:]
    /// Counts per office entry of the scenario, of the dossiers whose route passes through it.
    public private(set) var offices: [String: [Int]] = [:]
    /// Counts of every counted dossier.
    public private(set) var overall = [Int](repeating: 0, count: LogRecount.countNames.count)
    /// The balance of every row, counted or not (the report's `conservation`).
    public private(set) var simulated = Conservation()
    /// Rows read (header excluded), counted or not.
    public private(set) var rows = 0
    /// The time breakdown recounted (docs/model.md §12; ``BreakdownRecount``).
    public private(set) var breakdown = BreakdownRecount()

    /// A log that cannot be recounted: a missing column, a row that cannot be read, a value
    /// the log never holds.
    public struct Failure: Error, Sendable { public let message: String }

    /// Reads the log at `path`, as a stream (memory grows with the procedures, not the rows).
    public init(path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(message: "\(path): cannot be read: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        do {
            try self.init(reading: RecordsCSV(lines: LineReader(descriptor: descriptor, limit: Int.max)), file: path)
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(message: "\(path): \((error as? LineReader.ReadError)?.message ?? "\(error)")")
        }
    }

    init(reading csv: RecordsCSV, file path: String) throws {
        var csv = csv
        guard let header = try csv.header() else { throw Failure(message: "\(path): empty file, or a header that cannot be read") }
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() { column[name] = i }
        let needed = ["procedure", "field", "channel", "status", "supplements", "backlog", "counted", "accepted",
                      "incomplete_checks", "fee_paying", "e_paid", "digitized", "late", "apology", "new_date", "result",
                      "level", "offices", "reused"]
            + BreakdownRecount.columns
        let missing = needed.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw Failure(message: "\(path): missing column(s) \(missing.joined(separator: ", ")); is it a log written by `motcua run --events`?")
        }
        let index = Dictionary(uniqueKeysWithValues: LogRecount.countNames.enumerated().map { ($1, $0) })
        while let item = try csv.next() {
            let record: RecordsCSV.Record
            switch item {
            case .problem(let problem): throw Failure(message: "\(path): \(problem.english)")
            case .record(let r): record = r
            }
            rows += 1
            func cell(_ name: String) -> String {
                guard let i = column[name], i < record.cells.count else { return "" }
                return DossierLog.uncell(record.cells[i])
            }
            func flag(_ name: String) throws(Failure) -> Bool {
                switch cell(name) {
                case "1": return true
                case "0": return false
                default: throw Failure(message: "\(path): row \(record.row): \(name) \"\(cell(name))\" is neither 0 nor 1")
                }
            }
            func number(_ name: String) throws(Failure) -> Int {
                guard let n = Int(cell(name)), n >= 0 else {
                    throw Failure(message: "\(path): row \(record.row): \(name) \"\(cell(name))\" is not a count")
                }
                return n
            }
            LogRecount.addToBalance(&simulated, backlog: try flag("backlog"), status: cell("status"))
            guard try flag("counted") else { continue }
            var counts = [Int](repeating: 0, count: LogRecount.countNames.count)
            func add(_ name: String, _ n: Int = 1) { counts[index[name]!] += n }
            let backlog = try flag("backlog")
            add(backlog ? "backlog" : "received")
            switch cell("channel") {
            case "online": add("online")
            case "postal": add("postal")
            default: break
            }
            if try flag("accepted"), !backlog {
                add("accepted")
                if try flag("digitized") { add("digitized") }
                if try flag("fee_paying") {
                    add("feePaying")
                    if try flag("e_paid") { add("ePaid") }
                }
            }
            add("incomplete", try number("incomplete_checks"))
            add("supplementRequests", try number("supplements"))
            let late = cell("late")
            guard late == "" || late == "past due" || late == "repeated supplements" else {
                throw Failure(message: "\(path): row \(record.row): late \"\(late)\" is none of past due, repeated supplements or empty")
            }
            switch cell("status") {
            case "refused": add("refused")
            case "withdrawn": add("withdrawn")
            case "on time":
                add("finishedOnTime")
                if backlog { add("backlogOnTime") }
            case "late":
                add("finishedLate")
                if backlog { add("backlogLate") }
                if late == "repeated supplements" { add("lateByRepeatedSupplements") }
            case "in progress":
                // Online or postal, never checked at the desk: waiting for its first check, judged
                // by the deadline counted from its submission (docs/model.md §7.1).
                let channel = cell("channel")
                if !backlog, try !flag("accepted"), try number("incomplete_checks") == 0, channel == "online" || channel == "postal" {
                    add("awaitingDeskCheck")
                    if !late.isEmpty { add("awaitingDeskCheckOverdue") }
                }
                if late.isEmpty {
                    add("inProgressNotDue")
                    if backlog { add("backlogOnTime") }
                } else {
                    add("inProgressOverdue")
                    if backlog { add("backlogLate") }
                    if late == "repeated supplements" { add("lateByRepeatedSupplements") }
                }
            default: throw Failure(message: "\(path): row \(record.row): unknown status \"\(cell("status"))\"")
            }
            switch cell("apology") {
            case "not owed", "": break
            case "in time":
                add("apologiesSent"); add("lateApologisedOnTime")
                switch cell("new_date") {
                case "met": add("newDateMet")
                case "missed": add("newDateMissed")
                case "pending": add("newDatePending")
                default: throw Failure(message: "\(path): row \(record.row): new_date \"\(cell("new_date"))\" is none of met, missed, pending")
                }
            case "late": add("apologiesSent"); add("lateApologisedLate")
            case "never": add("lateNotApologised")
            default: throw Failure(message: "\(path): row \(record.row): unknown apology \"\(cell("apology"))\"")
            }
            switch cell("result") {
            case "": break
            case "electronic": add("resultsElectronic")
            case "postal": add("resultsPostal")
            case "desk": add("resultsAtDesk")
            default: throw Failure(message: "\(path): row \(record.row): unknown result channel \"\(cell("result"))\"")
            }
            try countReuseAndBacklog(re: cell("reused"), backlog: backlog, status: cell("status"), row: record.row, file: path, add)
            // The time breakdown: its own block (BreakdownRecount.swift).
            try breakdown.add(procedure: cell("procedure"), field: cell("field"), status: cell("status"), cell: cell,
                              problem: { Failure(message: "\(path): row \(record.row): \($0)") })
            func merge(_ into: inout [Int]) { for i in counts.indices { into[i] += counts[i] } }
            merge(&overall)
            merge(&procedures[cell("procedure"), default: [Int](repeating: 0, count: counts.count)])
            merge(&fields[cell("field"), default: [Int](repeating: 0, count: counts.count)])
            try mergeByLevelAndOffice(level: cell("level"), route: cell("offices"), row: record.row, file: path, counts)
        }
    }

    /// One count side by side: where it stands in the report, the report's value, the recount's.
    public struct Line: Sendable, Equatable {
        public let place: String
        public let count: String
        public let reported: Int?
        public let recounted: Int
        public var agrees: Bool { reported == recounted }
    }

    /// The recount beside the counts of `report` (a `motcua-report/1` JSON document of one
    /// replication): overall, by field and by procedure.
    public func compare(with report: JSONValue) throws(Failure) -> [Line] {
        guard let replications = report["scenario"]?["replications"]?.numberValue else {
            throw Failure(message: "the report has no scenario.replications: is it a report written by `motcua run --json`?")
        }
        guard replications == 1 else {
            throw Failure(message: "the report has \(Int(exactly: replications).map(String.init) ?? "several") replications, but the log holds the first one only: rerun with --replications 1")
        }
        guard let measures = report["measures"] else { throw Failure(message: "the report has no measures") }
        var lines: [Line] = []
        func side(_ place: String, _ counts: JSONValue?, _ recounted: [Int]) {
            for (i, name) in LogRecount.countNames.enumerated() {
                let reported = counts?[name]?.numberValue.flatMap { Int(exactly: $0) }
                lines.append(Line(place: place, count: name, reported: reported, recounted: recounted[i]))
            }
        }
        side("overall", measures["overall"]?["counts"], overall)
        let zero = [Int](repeating: 0, count: LogRecount.countNames.count)
        for (group, recounted) in [("fields", fields), ("procedures", procedures), ("levels", levels), ("officeOnTime", offices)] {
            guard case .array(let entries)? = measures[group] else { throw Failure(message: "the report has no measures.\(group)") }
            var seen = Set<String>()
            for entry in entries {
                guard case .string(let id)? = entry["id"] else { continue }
                seen.insert(id)
                side("\(group)/\(id)", entry["counts"], recounted[id] ?? zero)
            }
            for id in recounted.keys.sorted() where !seen.contains(id) {
                side("\(group)/\(id)", nil, recounted[id] ?? zero)
            }
        }
        lines += decision766Lines(measures["decision766"])
        lines += breakdown.compare(with: measures["breakdown"])
        lines += balanceLines(report["conservation"])
        return lines
    }
}

// The counts added for the level and office tables, the re-use of documents, the opening
// backlog cleared and the Decision 766 parts (docs/model.md §6.5, §7.5, §8), kept apart from
// the recount above.
extension LogRecount {
    /// The re-use and backlog-cleared counts of one row: `reused` is empty for a dossier without
    /// a re-use rule or not accepted at the desk, else 0 or 1; a dossier of the opening backlog
    /// whose status is on time or late finished within the horizon.
    func countReuseAndBacklog(re reused: String, backlog: Bool, status: String, row: Int, file path: String,
                              _ add: (String, Int) -> Void) throws(Failure) {
        switch reused {
        case "": break
        case "0": add("reuseEligible", 1)
        case "1": add("reuseEligible", 1); add("reused", 1)
        default: throw Failure(message: "\(path): row \(row): reused \"\(reused)\" is none of 0, 1 or empty")
        }
        if backlog && (status == "on time" || status == "late") { add("backlogFinished", 1) }
    }

    /// Adds one row's counts to its desk's level and to every office entry of its route (a
    /// dossier counts once per entry, as in the report's table of dossiers by office).
    mutating func mergeByLevelAndOffice(level: String, route: String, row: Int, file path: String, _ counts: [Int]) throws(Failure) {
        guard AdministrativeLevel(rawValue: level) != nil else {
            throw Failure(message: "\(path): row \(row): level \"\(level)\" is none of \(AdministrativeLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let entries = DossierLog.routeEntries(route)
        guard !entries.isEmpty, Set(entries).count == entries.count else {
            throw Failure(message: "\(path): row \(row): offices \"\(route)\" is not a list of distinct [office] entries")
        }
        func merge(_ into: inout [Int]) { for i in counts.indices { into[i] += counts[i] } }
        merge(&levels[level, default: [Int](repeating: 0, count: counts.count)])
        for entry in entries { merge(&offices[entry, default: [Int](repeating: 0, count: counts.count)]) }
    }

    /// The Decision 766 parts recomputed from the overall recount, in hundredths of a point (the
    /// report rounds them so), beside the report's: the formulas of docs/model.md §8, written
    /// here again rather than called.
    func decision766Lines(_ reported: JSONValue?) -> [Line] {
        func count(_ name: String) -> Double { Double(overall[LogRecount.countNames.firstIndex(of: name)!]) }
        func share(_ part: Double, _ whole: Double) -> Double { whole > 0 ? part / whole : 0 }
        let onTime = count("finishedOnTime") + count("inProgressNotDue")
        let processed = onTime + count("finishedLate") + count("inProgressOverdue")
        let returned = count("resultsElectronic") + count("resultsPostal") + count("resultsAtDesk")
        let parts: [(String, Double)] = [
            ("progress", 20 * share(onTime, processed)),
            ("online-service", 12 * min(1, share(count("online"), count("received")) / 0.5)),
            ("online-payment", 10 * share(count("ePaid"), count("feePaying"))),
            ("electronic-results", 6 * share(count("resultsElectronic"), returned)),
            ("digitized-components", 4 * min(1, share(count("digitized"), count("accepted")) / 0.8)),
            ("data-reuse", 2 * min(1, share(count("reused"), count("reuseEligible")) / 0.8)),
        ]
        var byID: [String: Double] = [:]
        if case .array(let entries)? = reported {
            for entry in entries {
                guard case .string(let id)? = entry["id"] else { continue }
                // A part not computed (0 ÷ 0) is null in the report; the recount's share of 0 ÷ 0 is 0.
                if let points = entry["points"]?.numberValue { byID[id] = points } else if case .null? = entry["points"] { byID[id] = 0 }
            }
        }
        return parts.map { id, points in
            Line(place: "decision766", count: id, reported: byID[id].map { Int(($0 * 100).rounded()) },
                 recounted: Int((points * 100).rounded()))
        }
    }
}
