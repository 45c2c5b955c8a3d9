import Foundation

/// The per-dossier log of one replication (`--events FILE`): one CSV row per dossier when it
/// leaves the system (finished, refused, withdrawn) and for each dossier still in progress at
/// the end. Rows are streamed to disk through a small buffer, never held in memory, and the
/// file is renamed into place only when the run is complete. Its columns are those of a
/// one-stop information-system export, so it is also a valid records file for calibration.
public final class DossierLog: @unchecked Sendable {
    // @unchecked: used only from the run's serial executor (like RunContext).
    private let handle: FileHandle
    private let temporary: String
    private let path: String
    private var buffer = Data()
    /// The first failed write (a full disk): reported by ``close()``, which then removes the file.
    private var failure: String?
    private let start: CivilDate

    /// The header row. The first ten columns are those of a one-stop export (what `calibrate`
    /// reads); the others carry what each count of the report needs, so that the report can be
    /// recounted from the log alone (`motcua audit`, docs/output-format.md).
    public static let columns = ["code", "procedure", "field", "office", "channel", "received", "appointment", "finished",
                                 "status", "supplements", "backlog", "counted", "accepted", "incomplete_checks",
                                 "fee_paying", "e_paid", "digitized", "late", "apology", "new_date", "result",
                                 "level", "offices", "reused"]
        + TimePart.allCases.map(\.logColumn) + ["elapsed_s", "top_step", "stages"]
    /// The `offices` cell: the scenario's office entries of a route (a ward group once), each in
    /// brackets, which an id cannot contain: `[desk-land][land-branch][tax]`.
    static func routeCell(_ entries: [String]) -> String {
        var seen = Set<String>()
        return entries.filter { seen.insert($0).inserted }.map { "[\($0)]" }.joined()
    }

    /// The office entries of an `offices` cell (``routeCell(_:)``).
    public static func routeEntries(_ cell: String) -> [String] {
        cell.split(separator: "]").map { $0.hasPrefix("[") ? String($0.dropFirst()) : String($0) }
    }

    /// The prefix of the dossier codes (`GV12`), set from the scenario (``codePrefix(of:)``).
    var codePrefix = "MC"

    /// The code prefix of a scenario's dossiers: the initials of the words of its name before
    /// the first comma or parenthesis, the generic "District" and "Ward" left out, diacritics
    /// folded, at most four (`Gò Vấp District, 2024` → `GV`, `Quận 6 (District 6)` → `Q6-`, a
    /// hyphen after a final digit); "MC" when none is left. No scenario field names a prefix today.
    public static func codePrefix(of scenarioName: String) -> String {
        let head = scenarioName.prefix { $0 != "," && $0 != "(" && $0 != ":" }
        let folded = String(head).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
        var initials = ""
        for word in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word != "district" && word != "ward" {
            guard let first = word.first, first.isASCII else { continue }
            initials.append(first.uppercased())
            if initials.count == 4 { break }
        }
        // A trailing digit would run into the dossier's number (Q6 and 47): a hyphen parts them.
        if initials.last?.isNumber == true { initials += "-" }
        return initials.isEmpty ? "MC" : initials
    }

    /// A cell as RFC 4180 wants it, and inert in a spreadsheet: text starting with `=`, `+`,
    /// `-` or `@` (a formula to Excel or LibreOffice) gets a leading apostrophe, which the
    /// readers of the log (`calibrate`, `audit`) remove again; a cell holding a comma, a quote,
    /// a line break or a leading apostrophe is quoted, its quotes doubled.
    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") || first == UInt8(ascii: "'") {
            text = "'" + text
        }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
                                         || $0 == UInt8(ascii: "'") }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text of a cell written by ``cell(_:)``, once the CSV reader has removed its quotes:
    /// a leading apostrophe added to make a formula inert is taken off.
    public static func uncell(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "'"), text.utf8.count > 1 else { return text }
        let second = text.utf8.dropFirst().first!
        guard second == UInt8(ascii: "=") || second == UInt8(ascii: "+") || second == UInt8(ascii: "-")
            || second == UInt8(ascii: "@") || second == UInt8(ascii: "'") else { return text }
        return String(text.dropFirst())
    }

    /// Opens the log for a run starting on `start`.
    /// - Parameter isTemporary: `path` is already a temporary file that the caller puts in place
    ///   (the CLI's output plan): the log writes it directly, without a temporary of its own.
    public init(path: String, start: CivilDate, isTemporary: Bool = false) throws(OutputFile.WriteError) {
        self.path = path
        self.start = start
        let directory = (path as NSString).deletingLastPathComponent
        temporary = isTemporary ? path : (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent + ".\(getpid()).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw OutputFile.failure(path, "cannot create a file in \(directory.isEmpty ? "." : directory): \(OutputFile.systemReason)")
        }
        self.handle = handle
        if !isTemporary { PartialFiles.register(temporary) }
        buffer.append(contentsOf: Array((DossierLog.columns.joined(separator: ",") + "\n").utf8))
    }

    /// `dd/MM/yyyy HH:mm`, as the one-stop system exports dates.
    func stamp(_ time: SimTime) -> String {
        guard time.isFinite else { return "" }
        let day = Int((time / 1440).rounded(.down))
        let minute = Int((time - Double(day) * 1440).rounded(.down))
        let (y, m, d) = start.adding(days: day).components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(d))/\(two(m))/\(y) \(two(minute / 60)):\(two(minute % 60))"
    }

    /// Appends one dossier's row: `text` holds the cells after the code, in ``columns`` order
    /// (already passed through ``cell(_:)`` where they can hold user text).
    func write(code: UInt32, cells: [String]) {
        var row = codePrefix + String(code)
        for cell in cells { row += ","; row += cell }
        row += "\n"
        buffer.append(contentsOf: Array(row.utf8))
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        // Not `handle.write(_:)`, which traps on a full disk.
        if failure == nil { failure = OutputFile.writeAll(buffer, to: handle.fileDescriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place.
    func close() throws(OutputFile.WriteError) {
        flush()
        try? handle.close()
        // A temporary given by the caller stays registered until the caller puts it in place.
        defer { if temporary != path { PartialFiles.unregister(temporary) } }
        if let failure {
            unlink(temporary)
            throw OutputFile.failure(path, failure)
        }
        if temporary != path, rename(temporary, path) != 0 {
            let reason = OutputFile.systemReason
            unlink(temporary)
            throw OutputFile.failure(path, reason)
        }
    }
}
