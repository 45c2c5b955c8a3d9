/// The report's time breakdown (docs/model.md §12) rebuilt from the per-dossier log alone: for
/// each field and procedure, the counted dossiers finished on time and late, the working
/// seconds of each part summed over them, and the late dossiers by the step that consumed most
/// of their deadline (the `top_step` column). Every row's parts must add up to its `elapsed_s`,
/// which the log computes apart from them (from the arrival and the instant it was written).
public struct BreakdownRecount: Sendable {
    /// The log's columns this recount reads.
    static let columns = TimePart.allCases.map(\.logColumn) + ["elapsed_s", "top_step"]

    /// One group's figures: dossiers, seconds by part (``TimePart`` raw value), top steps by
    /// `part:office` (office entry id).
    public struct Side: Sendable, Equatable {
        public var dossiers = 0
        public var seconds = [Int](repeating: 0, count: TimePart.allCases.count)
        public var topSteps: [String: Int] = [:]
        /// Late dossiers late only by the one-request rule (`late` = repeated supplements): they
        /// met their date, so they name no step (docs/model.md §12).
        public var lateByRule = 0
    }

    /// On time and late, by field id and by procedure id.
    public private(set) var fields: [String: (onTime: Side, late: Side)] = [:]
    public private(set) var procedures: [String: (onTime: Side, late: Side)] = [:]

    /// Reads one counted row: checks that its parts add up to its elapsed time, and counts a
    /// finished one. `cell` gives a column's text; `problem` makes the failure for a message.
    mutating func add(procedure: String, field: String, status: String, cell: (String) -> String,
                      problem: (String) -> LogRecount.Failure) throws(LogRecount.Failure) {
        let elapsedText = cell("elapsed_s")
        // A row without time cells (written by hand) has nothing to check or count.
        guard !elapsedText.isEmpty else { return }
        var parts: [Int] = []
        for part in TimePart.allCases {
            guard let seconds = Int(cell(part.logColumn)), seconds >= 0 else {
                throw problem("\(part.logColumn) \"\(cell(part.logColumn))\" is not a whole number of seconds")
            }
            parts.append(seconds)
        }
        guard let elapsed = Int(elapsedText) else { throw problem("elapsed_s \"\(elapsedText)\" is not a whole number of seconds") }
        guard parts.reduce(0, +) == elapsed else {
            throw problem("the time parts add up to \(parts.reduce(0, +)) s, not elapsed_s \(elapsed)")
        }
        guard status == "on time" || status == "late" else { return }
        let late = status == "late"
        let byRule = late && cell("late") == "repeated supplements"
        func count(_ side: inout Side) {
            side.dossiers += 1
            for i in parts.indices { side.seconds[i] += parts[i] }
            if byRule { side.lateByRule += 1 }
            if late, !byRule, !cell("top_step").isEmpty { side.topSteps[cell("top_step"), default: 0] += 1 }
        }
        let empty = (onTime: Side(), late: Side())
        if late {
            count(&fields[field, default: empty].late)
            count(&procedures[procedure, default: empty].late)
        } else {
            count(&fields[field, default: empty].onTime)
            count(&procedures[procedure, default: empty].onTime)
        }
    }

    /// The recount beside the report's `measures.breakdown` (totals over its one replication).
    func compare(with breakdown: JSONValue?) -> [LogRecount.Line] {
        var lines: [LogRecount.Line] = []
        func number(_ value: JSONValue?) -> Int? { value?.numberValue.flatMap { Int(exactly: $0) } }
        for (group, recounted) in [("fields", fields), ("procedures", procedures)] {
            var seen = Set<String>()
            var entries: [JSONValue] = []
            if case .array(let list)? = breakdown?[group] { entries = list }
            func compare(_ place: String, _ entry: JSONValue?, _ sides: (onTime: Side, late: Side)) {
                for (name, side) in [("onTime", sides.onTime), ("late", sides.late)] {
                    let reported = entry?[name]
                    lines.append(LogRecount.Line(place: "\(place)/\(name)", count: "breakdown dossiers",
                                                 reported: number(reported?["totalDossiers"]), recounted: side.dossiers))
                    for part in TimePart.allCases {
                        lines.append(LogRecount.Line(place: "\(place)/\(name)", count: "breakdown \(part.id) seconds",
                                                     reported: number(reported?["parts"]?[part.id]?["totalSeconds"]),
                                                     recounted: side.seconds[part.rawValue]))
                    }
                }
                lines.append(LogRecount.Line(place: "\(place)/late", count: "late only by the one-request rule",
                                             reported: number(entry?["lateByOneRequestRule"]?["totalDossiers"]),
                                             recounted: sides.late.lateByRule))
                var reportedSteps: [String: Int] = [:]
                if case .array(let steps)? = entry?["topSteps"] {
                    for step in steps {
                        guard case .string(let part)? = step["part"], case .string(let office)? = step["office"] else { continue }
                        reportedSteps["\(part):\(office)"] = number(step["totalDossiers"])
                    }
                }
                for key in Set(reportedSteps.keys).union(sides.late.topSteps.keys).sorted() {
                    lines.append(LogRecount.Line(place: "\(place)/late", count: "top step \(key)",
                                                 reported: reportedSteps[key], recounted: sides.late.topSteps[key] ?? 0))
                }
            }
            for entry in entries {
                guard case .string(let id)? = entry["id"] else { continue }
                seen.insert(id)
                compare("breakdown/\(group)/\(id)", entry, recounted[id] ?? (Side(), Side()))
            }
            for id in recounted.keys.sorted() where !seen.contains(id) {
                compare("breakdown/\(group)/\(id)", nil, recounted[id] ?? (Side(), Side()))
            }
        }
        return lines
    }
}
