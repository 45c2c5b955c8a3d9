import Foundation

/// One dossier of a one-stop information-system export (or of `motcua run --events`).
public struct DossierRow: Sendable {
    public let row: Int
    public let code: String
    public let procedure: String
    public let field: String
    public let channel: Channel
    public let received: Date
    public let appointment: Date?
    public let finished: Date?
    public let status: Status
    public let supplements: Int

    public enum Channel: String, Sendable { case inPerson = "in person", online, postal }
    public enum Status: String, Sendable { case onTime = "on time", late, refused, withdrawn, inProgress = "in progress" }
}

/// Reads a dossier-records CSV, with English or Vietnamese headers and `dd/MM/yyyy HH:mm`
/// dates. Rows that are malformed or inconsistent are counted and reported by row number —
/// never dropped silently, never guessed.
public struct RecordsFile: Sendable {
    public let rows: [DossierRow]
    /// Problems found, by row ("row 12: finished before received").
    public let problems: [String]
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
    ]

    /// Reads `path`.
    public init(path: String) throws(ScenarioError) {
        let bytes = try ScenarioLoader.readFile(path, reportAs: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "$", message: "not UTF-8 text; export the records as CSV UTF-8")])
        }
        let (table, _) = CSVParser.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = table.first else { throw ScenarioError(file: path, issues: [ScenarioIssue(path: "$", message: "empty file")]) }
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let (id, _) = RecordsFile.headers.first(where: { $0.value.contains(key) }) { column[id] = i }
        }
        let required = ["code", "procedure", "received", "status"]
        let missing = required.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "header", message: "missing column(s) \(missing.joined(separator: ", ")); see docs/calibration.md for the accepted names")])
        }
        var rows: [DossierRow] = []
        var problems: [String] = []
        var seen: [String: Int] = [:]
        for (index, cells) in table.enumerated().dropFirst() where !cells.allSatisfy({ $0.isEmpty }) {
            let rowNumber = index + 1
            func cell(_ name: String) -> String {
                guard let i = column[name], i < cells.count else { return "" }
                return cells[i].trimmingCharacters(in: .whitespaces)
            }
            let code = cell("code")
            guard !code.isEmpty else { problems.append("row \(rowNumber): no dossier code"); continue }
            if let first = seen[code] { problems.append("row \(rowNumber): duplicate code \(code) (first at row \(first))"); continue }
            seen[code] = rowNumber
            guard let received = RecordsFile.date(cell("received")) else {
                problems.append("row \(rowNumber): received date \"\(cell("received"))\" is not dd/MM/yyyy HH:mm"); continue
            }
            let appointmentText = cell("appointment"), finishedText = cell("finished")
            let appointment = appointmentText.isEmpty ? nil : RecordsFile.date(appointmentText)
            let finished = finishedText.isEmpty ? nil : RecordsFile.date(finishedText)
            if !appointmentText.isEmpty && appointment == nil { problems.append("row \(rowNumber): appointment \"\(appointmentText)\" is not a date"); continue }
            if !finishedText.isEmpty && finished == nil { problems.append("row \(rowNumber): finished \"\(finishedText)\" is not a date"); continue }
            if let finished, finished < received { problems.append("row \(rowNumber): finished before received"); continue }
            guard let status = RecordsFile.status(cell("status")) else {
                problems.append("row \(rowNumber): unknown status \"\(cell("status"))\""); continue
            }
            let procedure = cell("procedure")
            guard !procedure.isEmpty else { problems.append("row \(rowNumber): no procedure"); continue }
            rows.append(DossierRow(row: rowNumber, code: code, procedure: procedure, field: cell("field"),
                                   channel: RecordsFile.channel(cell("channel")), received: received, appointment: appointment,
                                   finished: finished, status: status, supplements: Int(cell("supplements")) ?? 0))
        }
        self.rows = rows
        self.problems = problems
        rowsRead = table.count - 1
    }

    static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        f.dateFormat = "dd/MM/yyyy HH:mm"
        return f
    }()

    static func date(_ text: String) -> Date? {
        if let d = formatter.date(from: text) { return d }
        let dayOnly = DateFormatter()
        dayOnly.locale = Locale(identifier: "en_US_POSIX")
        dayOnly.timeZone = formatter.timeZone
        dayOnly.dateFormat = "dd/MM/yyyy"
        return dayOnly.date(from: text)
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
