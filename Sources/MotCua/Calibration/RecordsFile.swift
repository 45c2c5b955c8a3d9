import Foundation

/// One dossier of a one-stop information-system export (or of `motcua run --events`).
public struct DossierRow: Sendable {
    public let row: Int
    public let code: String
    public var procedure: String
    public let field: String
    public let channel: Channel
    public let received: Date
    public let appointment: Date?
    public let finished: Date?
    public let status: Status
    public let supplements: Int
    /// The national procedure code (mã TTHC, e.g. 1.001612) and the procedure's name as the
    /// export gives them; empty when the export has no such column.
    public var procedureCode = ""
    public var procedureName = ""
    /// In the opening backlog: filed before the period the records cover and still open at its
    /// start (the `backlog` column of `motcua run --events`, "tồn kỳ trước" in an export). Such a
    /// dossier is not an arrival of the period, so calibration leaves it out of volumes and shares.
    public var backlog = false

    public enum Channel: String, Sendable { case inPerson = "in person", online, postal }
    public enum Status: String, Sendable { case onTime = "on time", late, refused, withdrawn, inProgress = "in progress" }
}

/// Reads a dossier-records CSV, with English or Vietnamese headers and `dd/MM/yyyy HH:mm`
/// dates. Rows that are malformed or inconsistent are counted and reported by row number —
/// never dropped silently, never guessed.
public struct RecordsFile: Sendable {
    public let rows: [DossierRow]
    /// Problems found, by row, in both languages.
    public let rowProblems: [RecordProblem]
    /// Problems found, by row ("row 12: finished before received").
    public var problems: [String] { rowProblems.map(\.english) }
    /// Rows read (header excluded).
    public let rowsRead: Int

    /// Accepted header names for each column (English, Vietnamese).
    static let headers: [String: [String]] = [
        "code": ["code", "mã hồ sơ", "ma ho so"],
        "procedure": ["procedure", "thủ tục", "thu tuc"],
        "field": ["field", "lĩnh vực", "linh vuc"],
        "office": ["office", "đơn vị tiếp nhận", "don vi tiep nhan"],
        "channel": ["channel", "kênh nộp", "kenh nop", "hình thức nộp"],
        "received": ["received", "ngày tiếp nhận", "ngay tiep nhan"],
        "appointment": ["appointment", "ngày hẹn trả", "ngay hen tra"],
        "finished": ["finished", "ngày có kết quả", "ngay co ket qua"],
        "status": ["status", "trạng thái", "trang thai"],
        "supplements": ["supplements", "số lần bổ sung", "so lan bo sung"],
        "procedureCode": ["procedure code", "procedurecode", "mã thủ tục", "ma thu tuc", "mã tthc", "ma tthc"],
        "procedureName": ["procedure name", "procedurename", "tên thủ tục", "ten thu tuc"],
        "backlog": ["backlog", "tồn kỳ trước", "ton ky truoc"],
    ]

    /// The largest records file read: about 2.5 million rows of a one-stop export (about 100
    /// bytes a row). Reading streams the file, so memory grows with the rows kept, not the
    /// file: a million rows (91 MiB) took 578 MB at the peak and 40 s (release build,
    /// `/usr/bin/time -f %M`, shared 2-core machine), so this limit stays under about 1.6 GB.
    public static let maximumBytes = 256 << 20

    /// Reads `path`: a regular file, or a pipe, FIFO or `/dev/stdin` (read as a stream, with the
    /// same size limit).
    public init(path: String) throws(ScenarioError) {
        func fail(_ message: String) -> ScenarioError { ScenarioError(file: path, issues: [ScenarioIssue(path: "$", message: message)]) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: throw fail("no such file")
            case EACCES: throw fail("cannot be read: permission denied")
            default: throw fail("cannot be read: \(String(cString: strerror(errno)))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw fail("cannot be read: \(String(cString: strerror(errno)))") }
        if status.st_mode & S_IFMT == S_IFDIR { throw fail("is a directory, expected a CSV file") }
        if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > RecordsFile.maximumBytes {
            throw fail("is \(Int(status.st_size) >> 20) MiB; a records file may be at most \(RecordsFile.maximumBytes >> 20) MiB (about 2.5 million rows): split the export by period")
        }
        do {
            try self.init(reading: RecordsCSV(lines: LineReader(descriptor: descriptor, limit: RecordsFile.maximumBytes)), file: path)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw fail((error as? LineReader.ReadError)?.message ?? "\(error)")
        }
    }

    init(reading csv: RecordsCSV, file path: String) throws {
        var csv = csv
        guard let header = try csv.header() else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "$", message: "empty file, or a header row that cannot be read")])
        }
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let (id, _) = RecordsFile.headers.first(where: { $0.value.contains(key) }) { column[id] = i }
        }
        let required = ["code", "procedure", "received", "status"]
        // A one-stop export names its procedures by national code or name; --map ties them to the scenario.
        let namesProcedure = column["procedureCode"] != nil || column["procedureName"] != nil
        let missing = required.filter { column[$0] == nil && !($0 == "procedure" && namesProcedure) }
        guard missing.isEmpty else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "header", message: "missing column(s) \(missing.joined(separator: ", ")); see docs/calibration.md for the accepted names")])
        }
        var rows: [DossierRow] = []
        var problems: [RecordProblem] = []
        var seen: [String: Int] = [:]
        // Procedure and field names repeat on every row: one copy of each is kept.
        var names: Set<String> = []
        func shared(_ name: String) -> String { names.insert(name).memberAfterInsert }
        var rowsRead = 0
        while let item = try csv.next() {
            rowsRead += 1
            let cells: [String], rowNumber: Int
            switch item {
            case .problem(let problem): problems.append(problem); continue
            case .record(let record): cells = record.cells; rowNumber = record.row
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { rowsRead -= 1; continue }
            func cell(_ name: String) -> String {
                guard let i = column[name], i < cells.count else { return "" }
                return DossierLog.uncell(RecordsFile.trimmed(cells[i]))
            }
            let code = cell("code")
            guard !code.isEmpty else { problems.append(.noCode(rowNumber)); continue }
            if let first = seen[code] { problems.append(.duplicate(rowNumber, code: RecordsFile.printable(code), first: first)); continue }
            seen[code] = rowNumber
            guard let received = RecordsFile.date(cell("received")) else {
                problems.append(.receivedNotDate(rowNumber, RecordsFile.printable(cell("received")))); continue
            }
            let appointmentText = cell("appointment"), finishedText = cell("finished")
            let appointment = appointmentText.isEmpty ? nil : RecordsFile.date(appointmentText)
            let finished = finishedText.isEmpty ? nil : RecordsFile.date(finishedText)
            if !appointmentText.isEmpty && appointment == nil { problems.append(.appointmentNotDate(rowNumber, RecordsFile.printable(appointmentText))); continue }
            if !finishedText.isEmpty && finished == nil { problems.append(.finishedNotDate(rowNumber, RecordsFile.printable(finishedText))); continue }
            if let finished, finished < received { problems.append(.finishedBeforeReceived(rowNumber)); continue }
            guard let status = RecordsFile.status(cell("status")) else {
                problems.append(.unknownStatus(rowNumber, RecordsFile.printable(cell("status")))); continue
            }
            let procedure = cell("procedure"), procedureCode = cell("procedureCode"), procedureName = cell("procedureName")
            guard !procedure.isEmpty || !procedureCode.isEmpty || !procedureName.isEmpty else {
                problems.append(.noProcedure(rowNumber)); continue
            }
            var row = DossierRow(row: rowNumber, code: code, procedure: shared(procedure), field: shared(cell("field")),
                                 channel: RecordsFile.channel(cell("channel")), received: received, appointment: appointment,
                                 finished: finished, status: status, supplements: Int(cell("supplements")) ?? 0)
            if !procedureCode.isEmpty { row.procedureCode = shared(procedureCode) }
            if !procedureName.isEmpty { row.procedureName = shared(procedureName) }
            switch cell("backlog").lowercased() {
            case "", "0", "false", "không", "khong": break
            case "1", "true", "có", "co": row.backlog = true
            default: problems.append(.backlogNotFlag(rowNumber, RecordsFile.printable(cell("backlog")))); continue
            }
            rows.append(row)
        }
        self.rows = rows
        self.rowProblems = problems
        self.rowsRead = rowsRead
    }

    /// `text` without leading and trailing spaces and tabs; a cell without them (nearly all)
    /// is returned as it is, because Foundation's trimming took half of the reading time.
    static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, isSpace(first) || isSpace(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `text` with control characters (terminal escapes) shown as `\u{…}`, cut to 60 characters.
    static func printable(_ text: String) -> String {
        let cut = text.count > 60 ? text.prefix(60) + "…" : Substring(text)
        return cut.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }

    static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        f.dateFormat = "dd/MM/yyyy HH:mm"
        return f
    }()

    /// `dd/MM/yyyy HH:mm` or `dd/MM/yyyy` in Ho Chi Minh City time. Parsed by hand: the
    /// formatter cost about 150 µs a date on Linux (200 s for a million-row export); it is kept
    /// for years before 1976, when the city's offset from UTC was not yet +07:00.
    static func date(_ text: String) -> Date? {
        if let local = localSeconds(text) {
            if local >= modernOffsetSince { return Date(timeIntervalSince1970: Double(local - modernOffset)) }
        } else if text.utf8.count < 10 || text.utf8.count > 17 {
            return nil
        }
        if let d = formatter.date(from: text) { return d }
        let dayOnly = DateFormatter()
        dayOnly.locale = Locale(identifier: "en_US_POSIX")
        dayOnly.timeZone = formatter.timeZone
        dayOnly.dateFormat = "dd/MM/yyyy"
        return dayOnly.date(from: text)
    }

    /// Ho Chi Minh City's offset from UTC since 1976 (Asia/Ho_Chi_Minh in the time-zone database).
    static let modernOffset = 7 * 3600
    /// 1976-01-01 00:00 local, in local seconds since 1970-01-01.
    static let modernOffsetSince = CivilDate(year: 1976, month: 1, day: 1)!.dayNumber * 86_400

    /// Local seconds since 1970-01-01 00:00 of `dd/MM/yyyy[ HH:mm]` (1–2 digit day, month and
    /// hour, 4-digit year), or nil when the text is not such a date.
    static func localSeconds(_ text: String) -> Int? {
        var numbers: [Int] = [], digits = 0, value = 0
        var separators: [UInt8] = []
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30); digits += 1
                if digits > 4 { return nil }
            } else {
                guard digits > 0, numbers.count < 4 else { return nil }
                numbers.append(value); separators.append(byte); value = 0; digits = 0
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(value)
        let shape: [UInt8] = numbers.count == 5 ? Array("// :".utf8) : Array("//".utf8)
        guard separators == shape else { return nil }
        let day = numbers[0], month = numbers[1], year = numbers[2]
        guard year >= 1000, let date = CivilDate(year: year, month: month, day: day) else { return nil }
        var seconds = date.dayNumber * 86_400
        if numbers.count == 5 {
            let hour = numbers[3], minute = numbers[4]
            guard hour < 24, minute < 60 else { return nil }
            seconds += hour * 3600 + minute * 60
        }
        return seconds
    }

    static func status(_ text: String) -> DossierRow.Status? {
        switch text.lowercased() {
        case "on time", "đúng hạn", "dung han", "trước hạn": return .onTime
        case "late", "trễ hạn", "tre han", "quá hạn": return .late
        case "refused", "từ chối", "tu choi": return .refused
        case "withdrawn", "rút hồ sơ", "rut ho so", "công dân rút": return .withdrawn
        case "in progress", "đang giải quyết", "dang giai quyet", "đang xử lý": return .inProgress
        default: return nil
        }
    }

    static func channel(_ text: String) -> DossierRow.Channel {
        switch text.lowercased() {
        case "online", "trực tuyến", "truc tuyen": return .online
        case "postal", "bưu chính", "buu chinh": return .postal
        default: return .inPerson
        }
    }
}
