import Foundation
import Testing
@testable import MotCua

/// Reading a records export that is broken the way real exports break (issue 15, cases 15 and
/// 18): every row is read or reported, a stray quote costs one row, and files that are not
/// regular files are read as streams.
@Suite("Reading a records file")
struct RecordsReadingTests {
    static let folder: String = {
        let dir = NSTemporaryDirectory() + "motcua-records-reading-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// The first `count` rows of the shipped sample, with row `row` (the header is row 1) edited.
    static func sample(rows count: Int, editing row: Int, _ edit: (String) -> String) throws -> String {
        let text = try String(contentsOfFile: Repository.path("scenarios/samples/go-vap-synthetic-records.csv"), encoding: .utf8)
        var lines = Array(text.split(separator: "\n").prefix(count + 1).map(String.init))
        lines[row - 1] = edit(lines[row - 1])
        return lines.joined(separator: "\n") + "\n"
    }

    static func read(_ text: String, name: String = #function) throws -> RecordsFile {
        let path = folder + "/\(name.filter(\.isLetter)).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try RecordsFile(path: path)
    }

    /// Puts `insert` before the `column`th field (1-based) of a CSV line.
    static func inserting(_ insert: String, inColumn column: Int, at offset: Int = 0) -> (String) -> String {
        { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let field = fields[column - 1]
            fields[column - 1] = String(field.prefix(offset)) + insert + String(field.dropFirst(offset))
            return fields.joined(separator: ",")
        }
    }

    @Test("a quote opened at row 12 of 1,000 rows and never closed costs row 12 only")
    func unclosedQuote() throws {
        let records = try RecordsReadingTests.read(try RecordsReadingTests.sample(rows: 1000, editing: 12, RecordsReadingTests.inserting("\"", inColumn: 4)))
        #expect(records.rowsRead == 1000)
        #expect(records.rows.count == 999)
        #expect(records.problems.count == 1)
        #expect(records.problems.first?.hasPrefix("row 12:") == true && records.problems.first?.contains("never closed") == true)
    }

    @Test("a stray quote inside an unquoted field is a problem for its row, reading resumes at the next line")
    func strayQuoteInsideField() throws {
        let records = try RecordsReadingTests.read(try RecordsReadingTests.sample(rows: 1000, editing: 12, RecordsReadingTests.inserting("\"", inColumn: 4, at: 3)))
        #expect(records.rowsRead == 1000 && records.rows.count == 999)
        #expect(records.problems == [#"row 12: a stray quote (") inside column 4; quote the whole field and double the quotes inside; the row is skipped"#])
    }

    @Test("quoted fields with delimiters, doubled quotes and line breaks are read; the rows after keep their numbers")
    func quotedFields() throws {
        let csv = """
            code,procedure,received,status,channel
            A1,"land-change","02/01/2024 08:00","on time","online"
            A2,land-change,02/01/2024 09:00,late,"in ""person"",
            at the desk"
            A3,land-change,02/01/2024 10:00,"late"x,online
            A4,"land-change,02/01/2024 11:00,late,online
            A5,land-change,02/01/2024 12:00,late,online
            """
        let records = try RecordsReadingTests.read(csv)
        #expect(records.rows.map(\.code) == ["A1", "A2", "A5"])
        #expect(records.rows.last?.row == 7)
        #expect(records.problems.count == 2)
        #expect(records.problems.first?.hasPrefix("row 5: text after the closing quote") == true)
        #expect(records.problems.last?.hasPrefix("row 6:") == true)
    }

    @Test("a byte-order mark, CRLF line ends and a last line without a line break")
    func byteOrderMarkAndLineEnds() throws {
        let csv = "\u{FEFF}code;procedure;received;status\r\nA1;land-change;02/01/2024 08:00;on time\r\nA2;land-change;02/01/2024 09:00;late"
        let records = try RecordsReadingTests.read(csv)
        #expect(records.rows.map(\.code) == ["A1", "A2"] && records.problems.isEmpty)
    }

    @Test("a FIFO is read as a stream, not refused as unreadable")
    func fifo() async throws {
        let path = RecordsReadingTests.folder + "/fifo.csv"
        unlink(path)
        try #require(mkfifo(path, 0o600) == 0)
        let csv = "code,procedure,received,status\nA1,land-change,02/01/2024 08:00,on time\n"
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: path) { handle.write(Data(csv.utf8)); try? handle.close() }
        }
        writer.start()
        let records = try RecordsFile(path: path)
        #expect(records.rows.map(\.code) == ["A1"])
        unlink(path)
    }

    @Test("a line longer than the limit is one problem, not unbounded memory")
    func overlongLine() throws {
        let long = "A2,land-change," + String(repeating: "x", count: RecordsCSV.maximumLineBytes + 10) + "\n"
        let records = try RecordsReadingTests.read("code,procedure,received,status\n" + long + "A3,land-change,02/01/2024 09:00,late\n")
        #expect(records.rows.map(\.code) == ["A3"] && records.rows.first?.row == 3)
        #expect(records.problems.count == 1 && records.problems[0].hasPrefix("row 2: longer than"), "\(records.problems)")
    }
}
