import Foundation
import MotCua

/// Whether an existing file may be replaced by an output: only when MotCua wrote it as an
/// output of the same kind (a report over a report, an event log over an event log), so that a
/// mistyped or tab-completed output option never replaces a scenario, a data table or any other
/// file of the user's. An empty file holds nothing to lose and may be replaced too.
///
/// The tests read the first bytes of the file (all of it only for `calibrate --out`, a scenario
/// of some hundred kilobytes), so they cost nothing next to the work they guard:
/// - `--json`: a JSON object whose first member is `"format": "motcua-…"` (report, compare,
///   sweep, staff, drivers, slice …), not `motcua-scenario`;
/// - `--html`: the page MotCua's report writer starts with (`<title>MotCua — …`);
/// - `--events`: the log's header `code,procedure,field,office,channel,received,…`;
/// - `--xlsx`: a ZIP whose first entry is `[Content_Types].xml` stored uncompressed, as MotCua's
///   workbook writer stores every entry (Excel and LibreOffice compress theirs);
/// - `calibrate --out`: a scenario with a procedure whose source says "calibrated from";
/// - a table in a `--csv` folder: a file starting with the byte-order mark every MotCua table starts with.
enum OutputOwnership {
    /// What an output option writes, for the message ("is not a MotCua event log").
    static func kind(of option: String) -> String {
        switch option {
        case "--json": "MotCua JSON output"
        case "--html": "MotCua HTML report"
        case "--events": "MotCua event log"
        case "--xlsx": "MotCua workbook"
        case "--out": "scenario written by motcua calibrate"
        case "--csv": "MotCua CSV table"
        default: "file written by MotCua"
        }
    }

    /// Throws, naming the option, the file and what it holds, when `path` exists, is not empty
    /// and was not written by MotCua as `option`'s kind of output.
    static func check(_ path: String, resolved: String, option: String) throws(CommandFailure) {
        guard let head = leadingBytes(resolved, count: option == "--out" ? 64 << 20 : 4096), !head.isEmpty else { return }
        guard !isOwn(head, option: option) else { return }
        throw .badInput("\(option) \(path): the file exists and is not a \(kind(of: option)) (it looks like \(description(of: head))); "
                        + "choose another name or remove it first")
    }

    /// Checks the tables a `--csv` folder would write over: every existing file of a name MotCua
    /// writes there must be one of its tables.
    static func checkFolder(_ folder: String, option: String) throws(CommandFailure) {
        guard option == "--csv", let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where OutputPlan.writesIntoFolder(option, name: name) {
            try checkTable(folder, name: name, option: option)
        }
    }

    /// Checks one table `name` a `--csv` folder output is about to write.
    static func checkTable(_ folder: String, name: String, option: String) throws(CommandFailure) {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let head = leadingBytes(OutputFile.resolvingLinks(path), count: 4096), !head.isEmpty, !isOwn(head, option: option) else { return }
        throw .badInput("\(option) \(folder) writes \(name) there, but that file exists and is not a \(kind(of: option)) (it looks like "
                        + "\(description(of: head))); choose another folder or remove it first")
    }

    /// The first `count` bytes of a regular file; nil when there is no such file (a device or
    /// FIFO is written through and never replaced).
    static func leadingBytes(_ path: String, count: Int) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { return Array("unreadable".utf8) }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }

    static func isOwn(_ head: [UInt8], option: String) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        switch option {
        case "--json": if let format = jsonFormat(text) { return format.hasPrefix("motcua-") && !format.hasPrefix("motcua-scenario") }
            return false
        case "--html": return text.hasPrefix("<!DOCTYPE html>\n<html lang=") && text.contains("<title>MotCua — ")
        case "--events": return text.hasPrefix("code,procedure,field,office,channel,received,")
        case "--xlsx": return isStoredWorkbook(head)
        case "--out": return text.hasPrefix("{") && text.contains("\"source\": \"calibrated from ")
        case "--csv": return text.hasPrefix(CSVReport.byteOrderMark)
        default: return false
        }
    }

    /// The value of a JSON object's first member when it is `"format"`, as MotCua writes it.
    static func jsonFormat(_ text: String) -> String? {
        var rest = Substring(text).drop { $0.isWhitespace }
        guard rest.first == "{" else { return nil }
        rest = rest.dropFirst().drop { $0.isWhitespace }
        guard rest.hasPrefix("\"format\"") else { return nil }
        rest = rest.dropFirst(8).drop { $0.isWhitespace }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0.isWhitespace }
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// A ZIP whose first local entry is `[Content_Types].xml`, stored (method 0).
    static func isStoredWorkbook(_ head: [UInt8]) -> Bool {
        let name = Array("[Content_Types].xml".utf8)
        guard head.count >= 30 + name.count, head[0..<4] == [0x50, 0x4B, 0x03, 0x04] else { return false }
        let method = Int(head[8]) | Int(head[9]) << 8, nameLength = Int(head[26]) | Int(head[27]) << 8
        return method == 0 && nameLength == name.count && Array(head[30..<(30 + name.count)]) == name
    }

    /// What an existing file seems to hold, for the message.
    static func description(of head: [UInt8]) -> String {
        let text = String(decoding: head, as: UTF8.self)
        let body = text.hasPrefix(CSVReport.byteOrderMark) ? String(text.dropFirst()) : text
        if let format = jsonFormat(text) {
            if format.hasPrefix("motcua-scenario") { return "a MotCua scenario" }
            return format.hasPrefix("motcua-") ? "a MotCua output of another kind (\(format))" : "a JSON file of format \(format)"
        }
        if body.drop(while: \.isWhitespace).hasPrefix("{") {
            if text.contains("\"source\": \"calibrated from ") { return "a scenario written by motcua calibrate" }
            return text.contains("\"offices\"") || text.contains("\"procedures\"") ? "a MotCua scenario or overlay" : "a JSON file"
        }
        if body.hasPrefix("code,procedure,field,office,channel,received,") { return "a MotCua event log" }
        if isOwn(head, option: "--html") { return "a MotCua HTML report" }
        if body.lowercased().hasPrefix("<!doctype html") || body.lowercased().hasPrefix("<html") { return "an HTML page MotCua did not write" }
        if isStoredWorkbook(head) { return "a MotCua workbook" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive or a workbook MotCua did not write" }
        if head.contains(0) { return "binary data" }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
        if firstLine.contains(",") {
            let shown = firstLine.count > 60 ? firstLine.prefix(60) + "…" : firstLine
            return (text.hasPrefix(CSVReport.byteOrderMark) ? "a MotCua CSV table" : "a CSV table") + " with header \"\(shown)\""
        }
        return "a text file"
    }
}
