import Foundation

/// A report table: a title, a header row and rows of typed cells. One value feeds every
/// tabular output — a sheet of the workbook (`--xlsx`), a CSV file (`--csv`) — so they cannot
/// disagree.
///
/// ```swift
/// let table = Table(title: "targets", headers: ["id", "mean"],
///                   rows: [[.text("on-time"), .percent(0.9982)]])
/// let workbook = Workbook(tables: [table])
/// ```
public struct Table: Hashable, Sendable {
    /// The sheet name in a workbook (sanitised there to Excel's rules) and the CSV file's stem.
    public var title: String
    /// The column headers, in the report's language.
    public var headers: [String]
    /// The rows; a row shorter than the headers leaves the last cells empty.
    public var rows: [[TableCell]]

    /// Creates a table.
    /// - Parameters:
    ///   - title: the sheet name (and CSV file stem), e.g. `targets`.
    ///   - headers: the column headers.
    ///   - rows: the rows of cells, each in header order.
    public init(title: String, headers: [String], rows: [[TableCell]]) {
        self.title = title
        self.headers = headers
        self.rows = rows
    }

    /// The table as tidy CSV, in the format of ``CSVReport``: comma-separated, quoted where
    /// needed, numbers in their shortest form, shares as fractions (0.9982), dates ISO, a
    /// newline after every row.
    public var csvText: String {
        CSVReport.table(headers, rows.map { $0.map(\.csvField) })
    }
}

/// The value of one cell, typed so a spreadsheet stores numbers as numbers.
public enum TableCell: Hashable, Sendable {
    /// A number shown in the general format. Not finite: an empty cell.
    case number(Double)
    /// A number shown with `places` decimals (0 to 3; others are clamped) and thousands
    /// grouped (1,764.4), stored in full. Not finite: an empty cell.
    case decimal(Double, places: Int)
    /// A share stored as the fraction (0.9982) and shown as a percentage (99.82%). Not finite:
    /// an empty cell.
    case percent(Double)
    /// A whole count shown with thousands grouped (5,418,279).
    case count(Int)
    /// Text, always stored as text: `=SUM(A1)` stays those characters, never a formula.
    case text(String)
    /// A calendar date, shown as dd/mm/yyyy.
    case date(CivilDate)
    /// No value.
    case empty

    /// The cell as a CSV field (before quoting): what ``CSVReport`` writes for the same value.
    var csvField: String {
        switch self {
        case .number(let x), .percent(let x), .decimal(let x, _): return CSVReport.number(x)
        case .count(let n): return String(n)
        case .text(let s): return s
        case .date(let d): return d.description
        case .empty: return ""
        }
    }
}
