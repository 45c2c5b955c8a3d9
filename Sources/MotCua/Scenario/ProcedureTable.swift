import Foundation

/// Procedure catalogues and loads kept in a spreadsheet: a CSV file (as exported from Excel or
/// LibreOffice) named by the scenario's `"procedureTable"` key. Each row updates the procedure
/// with its `id` (volumes, shares, deadlines), or adds a simple procedure (an intake desk and an
/// optional route) when the id is new. The rows become an overlay of the scenario document,
/// so they pass through the same checks as JSON written by hand.
enum ProcedureTable {
    /// Columns a row may have.
    static let columns: [String: Kind] = [
        "id": .text, "name": .text, "nameVi": .text, "field": .text, "source": .text, "sourceVi": .text,
        "yearlyVolume": .number, "deadlineWorkingDays": .whole, "online": .share, "postal": .share,
        "refusal": .share, "priorityShare": .share, "intakeOffice": .text, "intakeMinutes": .number, "steps": .text,
    ]

    enum Kind { case text, number, whole, share }

    /// Reads the table at `path` (`reportAs` names it in messages) into an overlay of procedures.
    static func overlay(path: String, reportAs file: String, diagnostics: Diagnostics, at jsonPath: String) -> JSONValue? {
        guard let (rows, delimiter) = readRows(path: path, reportAs: file, what: "procedure table",
                                               needs: "the column id", diagnostics: diagnostics, at: jsonPath) else { return nil }
        let header = rows[0]
        let semicolons = delimiter == ";"
        var known: [Int: String] = [:]
        for (i, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if columns[trimmed] != nil {
                known[i] = trimmed
            } else {
                var message = "\(file), column \(i + 1) \"\(trimmed)\": unknown column"
                if let guess = ObjectReader.closest(to: trimmed, among: Set(columns.keys)) { message += " (did you mean \"\(guess)\"?)" }
                diagnostics.report(jsonPath, message + "; expected: " + columns.keys.sorted().joined(separator: ", "))
            }
        }
        guard known.values.contains("id") else {
            diagnostics.report(jsonPath, "\(file): no column id; each row needs the id of its procedure")
            return nil
        }
        var procedures: [JSONValue] = []
        // A procedure given twice would silently take its last row's figures.
        var rowOfId: [String: Int] = [:]
        for (r, row) in rows.enumerated().dropFirst() where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var members: [(key: String, value: JSONValue)] = []
            var deadline: JSONValue?
            var intakeOffice: String?, intakeMinutes: Double?
            for (c, raw) in row.enumerated() {
                guard let column = known[c] else { continue }
                let cell = raw.trimmingCharacters(in: .whitespaces)
                if cell.isEmpty { continue }
                let place = "\(file), row \(r + 1), column \(column)"
                switch columns[column]! {
                case .text:
                    switch column {
                    case "intakeOffice": intakeOffice = cell
                    case "steps":
                        guard let steps = route(cell) else {
                            diagnostics.report(jsonPath, "\(place): expected steps as office:minutes separated by \";\" (e.g. land-branch:40; land-branch:30), found \"\(cell)\"")
                            continue
                        }
                        members.append(("steps", steps))
                    default: members.append((column, .string(cell)))
                    }
                case .number, .whole, .share:
                    guard let value = number(cell, decimalComma: semicolons, percentAllowed: columns[column]! == .share) else {
                        diagnostics.report(jsonPath, "\(place): expected a number, found \"\(cell)\"")
                        continue
                    }
                    if column == "deadlineWorkingDays" {
                        deadline = .object([("workingDays", .number(value))])
                    } else if column == "intakeMinutes" {
                        intakeMinutes = value
                    } else {
                        members.append((column, .number(value)))
                    }
                }
            }
            if let deadline { members.append(("deadline", deadline)) }
            if intakeOffice != nil || intakeMinutes != nil {
                guard let office = intakeOffice, let minutes = intakeMinutes, minutes > 0 else {
                    diagnostics.report(jsonPath, "\(file), row \(r + 1): intakeOffice and intakeMinutes (> 0) go together")
                    continue
                }
                members.append(("intake", .object([("office", .string(office)), ("service", serviceTime(minutes))])))
            }
            guard let idMember = members.first(where: { $0.key == "id" }), case .string(let id) = idMember.value else {
                diagnostics.report(jsonPath, "\(file), row \(r + 1): no id")
                continue
            }
            if let earlier = rowOfId[id] {
                diagnostics.report(jsonPath, "\(file), row \(r + 1): procedure \(id) already given in row \(earlier); give each procedure one row")
                continue
            }
            rowOfId[id] = r + 1
            procedures.append(.object(members))
        }
        if procedures.isEmpty { diagnostics.warn(jsonPath, "\(file): the procedure table has no rows; it changes nothing") }
        return .object([("procedures", .array(procedures))])
    }

    /// The rows of the CSV file at `path` (a byte-order mark dropped) and its delimiter, or nil
    /// (reported) when it cannot be read, is not UTF-8 or has no header row.
    static func readRows(path: String, reportAs file: String, what: String, needs: String, diagnostics: Diagnostics,
                         at jsonPath: String) -> (rows: [[String]], delimiter: Character)? {
        diagnostics.read("the \(what) (\(jsonPath))", at: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            let resolved = file == path ? "" : " (resolved to \(path))"
            let reason = access(path, R_OK) == 0 ? "" : ": \(String(cString: strerror(errno)))"
            diagnostics.report(jsonPath, "cannot read the \(what) \(file)\(resolved)\(reason)")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.report(jsonPath, "\(file) is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"")
            return nil
        }
        let (rows, delimiter) = CSVParser.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = rows.first, !header.isEmpty else {
            diagnostics.report(jsonPath, "\(file) is empty; expected a header row with at least \(needs)")
            return nil
        }
        guard checkWidths(rows, delimiter: delimiter, file: file, diagnostics: diagnostics, at: jsonPath) else { return nil }
        return (rows, delimiter)
    }

    /// Reports every row with more or fewer fields than the header, and returns whether there
    /// were none: a row read against the wrong columns silently puts its values in other columns
    /// (an unquoted decimal comma, `0,085`, made an online share of 0). Empty fields after the
    /// last column (a spreadsheet's trailing delimiters) are not counted; blank rows are skipped.
    static func checkWidths(_ rows: [[String]], delimiter: Character, file: String, diagnostics: Diagnostics,
                            at jsonPath: String) -> Bool {
        let width = rows[0].count
        var wrong = 0
        for (r, row) in rows.enumerated().dropFirst() where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var fields = row.count
            while fields > width, row[fields - 1].trimmingCharacters(in: .whitespaces).isEmpty { fields -= 1 }
            guard fields != width else { continue }
            wrong += 1
            guard wrong <= 10 else { continue }
            var message = "\(file) row \(r + 1): \(fields) fields, the header has \(width)"
            if fields > width && delimiter == "," {
                message += "; a decimal comma splits a number in two in a comma-separated file: write 0.085, "
                    + "quote the cell (\"0,085\") or separate the columns with semicolons"
            } else {
                message += "; a cell holding the delimiter \"\(delimiter)\" must be quoted, and every row needs a field "
                    + "for each column (empty to keep the scenario's value)"
            }
            diagnostics.report(jsonPath, message)
        }
        if wrong > 10 { diagnostics.report(jsonPath, "\(file): \(wrong - 10) more rows whose fields do not match the header") }
        return wrong == 0
    }

    /// Service times given as a mean in the table: lognormal with a standard deviation of half
    /// the mean (an assumption stated in docs/scenario-format.md).
    static func serviceTime(_ minutes: Double) -> JSONValue {
        .object([("type", .string("lognormal")), ("mean", .number(minutes)), ("sd", .number(minutes / 2))])
    }

    static func route(_ text: String) -> JSONValue? {
        var steps: [JSONValue] = []
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty, let minutes = Double(pieces[1]), minutes > 0 else { return nil }
            steps.append(.object([("office", .string(pieces[0])), ("service", serviceTime(minutes))]))
        }
        return steps.isEmpty ? nil : .array(steps)
    }

    /// A number as a spreadsheet writes it (`25,000`, `25.000` with `decimalComma`), and, when
    /// `percentAllowed`, a percentage (`35%`, `1,5%`: a percentage never needs a thousands
    /// separator, so its comma is a decimal mark). Also reads the percentages of the JSON.
    static func number(_ cell: String, decimalComma: Bool, percentAllowed: Bool) -> Double? {
        var text = cell.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        var percent = false
        if percentAllowed, text.hasSuffix("%") { text.removeLast(); percent = true }
        if decimalComma || (percent && !text.contains(".")) {
            text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if text.contains(","), !text.contains(".") || text.firstIndex(of: ",")! < text.firstIndex(of: ".")! {
            text = text.replacingOccurrences(of: ",", with: "")   // 25,000 or 1,234.5
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return percent ? value / 100 : value
    }
}
