import Foundation

/// The records of a dossier-records CSV, read as a stream: every line is either a record or a
/// problem reported at its row, and memory stays bounded whatever the file holds.
///
/// Exports break in known ways, and a break must cost one row, never the rest of the file:
/// - a `"` inside an unquoted field (`Nguyễn "Tí"`) is a problem for that row;
/// - a field that opens a quote is allowed to run onto the next lines (RFC 4180), but only up
///   to ``maximumLinesPerRecord`` lines, and only if the record then has the header's number of
///   columns; otherwise the quote was a stray one: the row is reported and reading resumes at
///   the next line, as if the quote had not been there;
/// - a line longer than ``maximumLineBytes`` or not UTF-8 is a problem for that row.
struct RecordsCSV {
    /// A record: its row number (the header is row 1, as a spreadsheet counts) and cells.
    struct Record { let row: Int; let cells: [String] }

    /// Lines a quoted field may span before its quote is taken for a stray one.
    static let maximumLinesPerRecord = 20
    /// The longest line read; longer lines are reported and skipped.
    static let maximumLineBytes = 1 << 20

    private var lines: LineReader
    /// Lines read ahead while looking for the end of a quoted field, given back when the quote
    /// turned out to be stray.
    private var pending: [LineReader.Line] = []
    private(set) var delimiter = UInt8(ascii: ",")
    private var columns = 0

    init(lines: LineReader) { self.lines = lines }

    /// The header's cells; nil for an empty file.
    mutating func header() throws(LineReader.ReadError) -> [String]? {
        guard var first = try nextLine() else { return nil }
        if first.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { first.bytes.removeFirst(3) }  // UTF-8 byte-order mark
        let semicolons = first.bytes.count { $0 == UInt8(ascii: ";") }, commas = first.bytes.count { $0 == UInt8(ascii: ",") }
        delimiter = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
        pending.append(first)
        switch try next() {
        case .record(let record)?: columns = record.cells.count; return record.cells
        case .problem?, nil: return nil
        }
    }

    enum Item {
        case record(Record)
        /// A row that cannot be read, with the reason ("row 12: …", in both languages).
        case problem(RecordProblem)
    }

    /// The next record or problem; nil at the end of the file. Blank lines are skipped.
    mutating func next() throws(LineReader.ReadError) -> Item? {
        while let first = try nextLine() {
            if first.tooLong { return .problem(.tooLong(first.number, mebibytes: RecordsCSV.maximumLineBytes >> 20)) }
            if first.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            var consumed = [first]
            var cells: [[UInt8]] = []
            var field: [UInt8] = []
            var line = first.bytes, i = 0
            var quoted = false, quoteColumn = 0
            func stray(_ reason: RecordProblem.CSVReason) -> Item {
                // Give back the lines read after the first: they are rows of their own.
                pending.insert(contentsOf: consumed.dropFirst(), at: 0)
                return .problem(.unreadable(first.number, reason))
            }
            parsing: while true {
                if i == line.count {
                    if !quoted { cells.append(field); break parsing }
                    // A quoted field runs on to the next line.
                    guard consumed.count < RecordsCSV.maximumLinesPerRecord, let following = try nextLine(), !following.tooLong else {
                        return stray(.quoteNeverClosed(column: quoteColumn))
                    }
                    consumed.append(following)
                    field.append(0x0A)
                    line = following.bytes; i = 0
                    continue
                }
                let byte = line[i]
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if i + 1 < line.count, line[i + 1] == UInt8(ascii: "\"") { field.append(byte); i += 2; continue }
                        quoted = false; i += 1
                        if i < line.count, line[i] != delimiter {
                            return stray(.textAfterQuote(column: cells.count + 1))
                        }
                        continue
                    }
                    field.append(byte); i += 1
                } else if byte == UInt8(ascii: "\"") {
                    guard field.isEmpty else { return stray(.strayQuote(column: cells.count + 1)) }
                    quoted = true; quoteColumn = cells.count + 1; i += 1
                } else if byte == delimiter {
                    cells.append(field); field = []; i += 1
                } else {
                    field.append(byte); i += 1
                }
            }
            if consumed.count > 1, columns > 0, cells.count != columns {
                return stray(.quoteOverLines(column: quoteColumn, lines: consumed.count, found: cells.count, expected: columns))
            }
            var texts: [String] = []
            texts.reserveCapacity(cells.count)
            for (column, cell) in cells.enumerated() {
                guard let text = String(validating: cell, as: UTF8.self) else {
                    return .problem(.notUTF8(first.number, column: column + 1))
                }
                texts.append(text)
            }
            return .record(Record(row: first.number, cells: texts))
        }
        return nil
    }

    private mutating func nextLine() throws(LineReader.ReadError) -> LineReader.Line? {
        if !pending.isEmpty { return pending.removeFirst() }
        return try lines.next()
    }
}

/// Lines of a file read in fixed-size chunks, so memory does not grow with the file; works for
/// regular files, pipes, FIFOs and `/dev/stdin` alike, and stops at a stated byte limit.
struct LineReader {
    struct Line { let number: Int; var bytes: [UInt8]; var tooLong = false }
    struct ReadError: Error { let message: String }

    private let descriptor: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var total = 0
    private var atEnd = false
    private var lineNumber = 0

    /// Reads from `descriptor` (owned by the caller), refusing more than `limit` bytes.
    init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// The next line without its line break (`\n`, `\r\n` or a lone `\r` at the end), or nil at the end.
    mutating func next() throws(ReadError) -> Line? {
        var scanned = start
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                return take(upTo: newline, skipping: 1)
            }
            scanned = buffer.count
            if buffer.count - start > RecordsCSV.maximumLineBytes {
                // Too long to be a record: drop it up to its end, keeping memory bounded.
                lineNumber += 1
                let number = lineNumber
                buffer.removeAll(keepingCapacity: true); start = 0; scanned = 0
                while !atEnd {
                    try fill()
                    if let newline = buffer.firstIndex(of: 0x0A) { start = newline + 1; break }
                    buffer.removeAll(keepingCapacity: true)
                }
                return Line(number: number, bytes: [], tooLong: true)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                return take(upTo: buffer.count, skipping: 0)
            }
            let scannedLength = scanned - start
            try fill()
            scanned = start + scannedLength
        }
    }

    private mutating func take(upTo end: Int, skipping: Int) -> Line {
        if end - start > RecordsCSV.maximumLineBytes {
            start = end + skipping
            lineNumber += 1
            return Line(number: lineNumber, bytes: [], tooLong: true)
        }
        var bytes = Array(buffer[start..<end])
        if bytes.last == 0x0D { bytes.removeLast() }
        start = end + skipping
        lineNumber += 1
        return Line(number: lineNumber, bytes: bytes)
    }

    private mutating func fill() throws(ReadError) {
        if start > 0 { buffer.removeFirst(start); start = 0 }
        let chunk = 1 << 20
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, chunk) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            buffer.removeLast(chunk)
            throw ReadError(message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        buffer.removeLast(chunk - count)
        if count == 0 { atEnd = true }
        total += count
        if total > limit { throw ReadError(message: "is larger than \(limit >> 20) MiB, the most a records file may hold") }
    }
}
