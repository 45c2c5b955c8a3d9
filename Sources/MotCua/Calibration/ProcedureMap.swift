import Foundation

/// Ties the procedures of a one-stop export to the scenario's: the export names them by
/// national code (mã TTHC, e.g. 1.001612) or by name, the scenario by its own ids.
///
/// A row of the records is resolved, in order, by its procedure id when the scenario has it; by
/// its code through the map (`--map`), then through the scenario's `nationalCode`s; by its name
/// (diacritics and case aside) through the map, then through the scenario's names.
public struct ProcedureResolver: Sendable {
    private var byCode: [String: String] = [:]
    private var byName: [String: String] = [:]
    private let ids: Set<String>
    /// The scenario's procedures with their folded names, for suggestions.
    private let candidates: [(id: String, name: String, folded: [String])]

    /// A procedure of the export that nothing resolves, with its rows and the scenario's
    /// procedures whose names are most alike.
    public struct Unmapped: Sendable {
        /// Code and name as the export gives them.
        public let label: String
        public let rows: [Int]
        /// Scenario id, its name, and how alike the names are (0…1), best first.
        public let suggestions: [(id: String, name: String, likeness: Double)]
    }

    /// The resolver for `procedures`, with the map file at `mapPath` when given.
    public init(procedures: [ProcedureSpec], mapPath: String?) throws(ScenarioError) {
        ids = Set(procedures.map(\.id))
        candidates = procedures.map { p in
            (p.id, p.nameVi ?? p.name, [p.name, p.nameVi].compactMap { $0 }.map(VietnameseText.folded))
        }
        for procedure in procedures {
            if let code = procedure.nationalCode { byCode[code] = procedure.id }
            for name in [procedure.name, procedure.nameVi].compactMap({ $0 }) { byName[VietnameseText.folded(name)] = procedure.id }
        }
        if let mapPath { try readMap(mapPath) }
    }

    /// The scenario id of `row`'s procedure, or nil.
    public func id(of row: DossierRow) -> String? {
        if ids.contains(row.procedure) { return row.procedure }
        for code in [row.procedureCode, row.procedure] where !code.isEmpty {
            if let id = byCode[code] { return id }
        }
        for name in [row.procedureName, row.procedure] where !name.isEmpty {
            if let id = byName[VietnameseText.folded(name)] { return id }
        }
        return nil
    }

    /// How `row`'s procedure is named in the report when it is not resolved.
    public func label(of row: DossierRow) -> String {
        [row.procedureCode, row.procedureName.isEmpty ? row.procedure : row.procedureName]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The scenario's procedures most alike `label` by name (at most three, likeness ≥ 0.3).
    public func suggestions(for label: String) -> [(id: String, name: String, likeness: Double)] {
        let folded = VietnameseText.folded(label)
        let scored = candidates.map { c in (c.id, c.name, c.folded.map { VietnameseText.likeness(folded, $0) }.max() ?? 0) }
        return scored.filter { $0.2 >= 0.3 }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }.prefix(3).map { $0 }
    }

    /// Whether `text` has the form of a national procedure code: digits, a dot, digits (1.001612).
    static func isNationalCode(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Header names of the map's columns (English, Vietnamese).
    static let mapHeaders: [String: [String]] = [
        "code": ["code", "procedure code", "mã thủ tục", "ma thu tuc", "mã tthc", "ma tthc"],
        "name": ["name", "procedure name", "tên thủ tục", "ten thu tuc"],
        "procedure": ["procedure", "id", "scenario"],
    ]

    private mutating func readMap(_ path: String) throws(ScenarioError) {
        func fail(_ line: Int?, _ message: String) -> ScenarioError {
            ScenarioError(file: path, issues: [ScenarioIssue(path: line.map { "line \($0)" } ?? "$", message: message)])
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail(nil, "cannot be read; expected a CSV file") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail(nil, "is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"")
        }
        let (rows, _) = CSVParser.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = rows.first else { throw fail(1, "empty; expected a header row: code,name,procedure") }
        var column: [String: Int] = [:]
        for (i, cell) in header.enumerated() {
            let name = cell.trimmingCharacters(in: .whitespaces).lowercased()
            guard let key = Self.mapHeaders.first(where: { $0.value.contains(name) })?.key else {
                throw fail(1, "column \(i + 1) \"\(RecordsFile.printable(cell))\": unknown; expected code (mã thủ tục), "
                           + "name (tên thủ tục) and procedure (the scenario's id)")
            }
            column[key] = i
        }
        guard column["procedure"] != nil, column["code"] != nil || column["name"] != nil else {
            throw fail(1, "expected the columns procedure (the scenario's id) and code or name (the export's)")
        }
        var issues: [ScenarioIssue] = []
        for (r, row) in rows.enumerated().dropFirst() where !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let line = r + 1
            func cell(_ key: String) -> String {
                guard let i = column[key], i < row.count else { return "" }
                return row[i].trimmingCharacters(in: .whitespaces)
            }
            let code = cell("code"), name = cell("name"), id = cell("procedure")
            func problem(_ message: String) { issues.append(ScenarioIssue(path: "line \(line)", message: message)) }
            guard !id.isEmpty else { problem("no procedure; expected the id of a procedure of the base scenario"); continue }
            guard ids.contains(id) else {
                let guess = ObjectReader.closest(to: id, among: ids).map { " (did you mean \"\($0)\"?)" } ?? ""
                problem("procedure \"\(RecordsFile.printable(id))\" is not in the base scenario\(guess); expected one of: "
                        + ids.sorted().joined(separator: ", "))
                continue
            }
            guard !code.isEmpty || !name.isEmpty else { problem("no code and no name; expected one of them"); continue }
            if !code.isEmpty {
                guard Self.isNationalCode(code) else {
                    problem("code \"\(RecordsFile.printable(code))\": expected a national procedure code such as 1.001612")
                    continue
                }
                if let other = byCode[code], other != id, column["code"] != nil, mapped.contains(code) {
                    problem("code \(code) is already mapped to \"\(other)\""); continue
                }
                byCode[code] = id
                mapped.insert(code)
            }
            if !name.isEmpty { byName[VietnameseText.folded(name)] = id }
        }
        if !issues.isEmpty { throw ScenarioError(file: path, issues: issues) }
    }

    /// Codes set by the map (a code given twice in it is a mistake; one of the scenario's is overridden).
    private var mapped: Set<String> = []
}
