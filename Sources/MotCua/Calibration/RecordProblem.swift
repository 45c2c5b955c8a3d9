/// A row of a records file that cannot be used, with the reason in both report languages:
/// `calibrate --lang vi` lists the Vietnamese one (the last session's note: calibrate's
/// row-level messages were English in a Vietnamese report). The English one is the text the
/// command always printed.
public struct RecordProblem: Sendable, Equatable {
    /// "row 12: finished before received".
    public let english: String
    /// "dòng 12: ngày có kết quả trước ngày tiếp nhận".
    public let vietnamese: String

    /// The problem of row `number`: "row 12: …" / "dòng 12: …".
    static func row(_ number: Int, _ english: String, _ vietnamese: String) -> RecordProblem {
        RecordProblem(english: "row \(number): \(english)", vietnamese: "dòng \(number): \(vietnamese)")
    }

    /// The problem in `language`.
    public func text(_ language: Language) -> String { language == .vi ? vietnamese : english }
}

/// The reasons a records row is refused, in both languages (``RecordProblem``).
extension RecordProblem {
    static func tooLong(_ row: Int, mebibytes: Int) -> RecordProblem {
        .row(row, "longer than \(mebibytes) MiB; skipped", "dài hơn \(mebibytes) MiB; bỏ qua dòng này")
    }

    /// A row the CSV reader cannot split into cells, for `reason`; the row is skipped.
    static func unreadable(_ row: Int, _ reason: CSVReason) -> RecordProblem {
        let (english, vietnamese): (String, String) = switch reason {
        case .quoteNeverClosed(let column):
            ("the quote opened in column \(column) is never closed", "dấu ngoặc kép mở ở cột \(column) không bao giờ được đóng")
        case .textAfterQuote(let column):
            ("text after the closing quote in column \(column)", "có chữ sau dấu ngoặc kép đóng ở cột \(column)")
        case .strayQuote(let column):
            ("a stray quote (\") inside column \(column); quote the whole field and double the quotes inside",
             "dấu ngoặc kép (\") lạc trong cột \(column); hãy đặt cả ô trong ngoặc kép và viết đôi các dấu ngoặc kép bên trong")
        case .quoteOverLines(let column, let lines, let found, let expected):
            ("the quote opened in column \(column) runs over \(lines) lines and leaves \(found) columns instead of \(expected)",
             "dấu ngoặc kép mở ở cột \(column) kéo dài qua \(lines) dòng và để lại \(found) cột thay vì \(expected)")
        }
        return .row(row, english + "; the row is skipped", vietnamese + "; bỏ qua dòng này")
    }

    /// Why the CSV reader could not split a row into cells.
    enum CSVReason {
        case quoteNeverClosed(column: Int)
        case textAfterQuote(column: Int)
        case strayQuote(column: Int)
        case quoteOverLines(column: Int, lines: Int, found: Int, expected: Int)
    }

    static func notUTF8(_ row: Int, column: Int) -> RecordProblem {
        .row(row, "column \(column) is not UTF-8 text; export the records as CSV UTF-8",
             "cột \(column) không phải văn bản UTF-8; hãy xuất dữ liệu dạng CSV UTF-8")
    }

    static func noCode(_ row: Int) -> RecordProblem { .row(row, "no dossier code", "không có mã hồ sơ") }

    static func duplicate(_ row: Int, code: String, first: Int) -> RecordProblem {
        .row(row, "duplicate code \(code) (first at row \(first))", "trùng mã hồ sơ \(code) (đã có ở dòng \(first))")
    }

    static func receivedNotDate(_ row: Int, _ text: String) -> RecordProblem {
        .row(row, "received date \"\(text)\" is not dd/MM/yyyy HH:mm", "ngày tiếp nhận \"\(text)\" không đúng dạng dd/MM/yyyy HH:mm")
    }

    static func appointmentNotDate(_ row: Int, _ text: String) -> RecordProblem {
        .row(row, "appointment \"\(text)\" is not a date", "ngày hẹn trả \"\(text)\" không phải là ngày")
    }

    static func finishedNotDate(_ row: Int, _ text: String) -> RecordProblem {
        .row(row, "finished \"\(text)\" is not a date", "ngày có kết quả \"\(text)\" không phải là ngày")
    }

    static func finishedBeforeReceived(_ row: Int) -> RecordProblem {
        .row(row, "finished before received", "ngày có kết quả trước ngày tiếp nhận")
    }

    static func unknownStatus(_ row: Int, _ text: String) -> RecordProblem {
        .row(row, "unknown status \"\(text)\"", "trạng thái \"\(text)\" không xác định")
    }

    static func noProcedure(_ row: Int) -> RecordProblem { .row(row, "no procedure", "không có thủ tục") }

    static func backlogNotFlag(_ row: Int, _ text: String) -> RecordProblem {
        .row(row, "backlog \"\(text)\" is not 0 or 1", "cột hồ sơ tồn \"\(text)\" không phải 0 hoặc 1")
    }

    /// A receipt date far outside the bulk of the records (dates written dd/mm/yyyy).
    static func outlyingDate(_ row: Int, received: String, low: String, high: String) -> RecordProblem {
        .row(row, "received \(received) is far outside the period of the other records (the middle half runs from \(low) to \(high)); skipped as a likely typing error",
             "ngày tiếp nhận \(received) nằm quá xa kỳ của các bản ghi khác (một nửa ở giữa từ \(low) đến \(high)); bỏ qua vì có thể gõ nhầm")
    }
}
