import Foundation

/// An Excel workbook (`.xlsx`, Office Open XML SpreadsheetML) with one sheet per ``Table``:
/// the header row bold and frozen, numbers stored as numbers with their display formats
/// (percentages as fractions formatted `0.00%`, counts `#,##0`, dates `dd/mm/yyyy`), text in
/// a shared-strings table.
///
/// Written with the toolchain only: the parts are generated XML in an uncompressed
/// ``ZipArchive``, in a fixed order with a fixed timestamp, so the same tables give the same
/// bytes every time. Excel shows the formats with the reader's own separators (99,82% on a
/// Vietnamese system); the headers are the tables' own, in the report's language.
///
/// ```swift
/// let workbook = Workbook(tables: [Table(title: "targets", headers: ["id", "mean"],
///                                        rows: [[.text("on-time"), .percent(0.9982)]])])
/// try workbook.xlsxData().write(to: URL(fileURLWithPath: "report.xlsx"))
/// ```
public struct Workbook: Hashable, Sendable {
    /// The tables, one sheet each, in order.
    public var tables: [Table]

    /// A workbook of `tables`, one sheet each; with no table it holds one empty sheet, since a
    /// workbook needs at least one.
    public init(tables: [Table]) {
        self.tables = tables
    }

    /// The sheet names: each table's title made acceptable to Excel (at most 31 characters,
    /// none of `[ ] : * ? / \`, no control character, not starting or ending with `'`, not
    /// empty, not `History`) and unique regardless of case (`name (2)`, `name (3)`, …).
    public var sheetNames: [String] { Workbook.sheetNames(for: sheets.map(\.title)) }

    /// The `.xlsx` file's bytes.
    /// - Throws: ``WorkbookError`` when a table exceeds Excel's grid (1,048,576 rows,
    ///   16,384 columns) or the archive does not fit in a ZIP without ZIP64.
    /// - Complexity: O(total number of cells).
    public func xlsxData() throws(WorkbookError) -> Data {
        let sheets = self.sheets
        for table in sheets {
            let columns = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
            guard table.rows.count < Workbook.maxRows, columns <= Workbook.maxColumns else {
                throw .tooLarge(table: table.title, rows: table.rows.count + 1, columns: columns)
            }
        }
        let names = Workbook.sheetNames(for: sheets.map(\.title))
        var strings = SharedStrings()
        let sheetParts = sheets.map { sheetXML($0, strings: &strings) }

        var zip = ZipArchive()
        zip.add("[Content_Types].xml", Data(contentTypes(sheetCount: sheets.count).utf8))
        zip.add("_rels/.rels", Data(Workbook.packageRelationships.utf8))
        zip.add("xl/workbook.xml", Data(workbookXML(names).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: sheets.count).utf8))
        zip.add("xl/styles.xml", Data(Workbook.styles.utf8))
        zip.add("xl/sharedStrings.xml", Data(strings.xml.utf8))
        for (i, xml) in sheetParts.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", Data(xml.utf8))
        }
        do {
            return try zip.data()
        } catch {
            throw .archive(error)
        }
    }

    /// The tables to write: at least one sheet.
    var sheets: [Table] { tables.isEmpty ? [Table(title: "Sheet1", headers: [], rows: [])] : tables }

    /// Excel's grid: rows and columns of a sheet.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    // MARK: Sheet names

    /// Excel-acceptable, case-insensitively unique names for `titles` (see ``sheetNames``).
    public static func sheetNames(for titles: [String]) -> [String] {
        var used = Set<String>()
        return titles.map { title in
            let base = acceptableSheetName(title)
            var name = base
            var n = 2
            while used.contains(name.lowercased()) || name.lowercased() == "history" {
                let suffix = " (\(n))"
                name = fitted(base, utf16Limit: maxSheetName - suffix.utf16.count) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// Excel counts a sheet name's length in UTF-16 units.
    static let maxSheetName = 31

    static func acceptableSheetName(_ title: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var name = String(title.map { forbidden.contains($0) ? "_" : $0 })
        name = cleanedText(name).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        name = fitted(name.trimmingCharacters(in: .whitespaces), utf16Limit: maxSheetName)
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        return name.trimmingCharacters(in: .whitespaces).isEmpty ? "Sheet" : name
    }

    /// The longest prefix of whole characters that fits in `utf16Limit` UTF-16 units.
    static func fitted(_ text: String, utf16Limit: Int) -> String {
        var out = ""
        var units = 0
        for character in text {
            units += character.utf16.count
            if units > utf16Limit { break }
            out.append(character)
        }
        return out
    }

    // MARK: Cells

    /// Style indexes into `cellXfs` of ``styles``.
    enum Style: Int {
        case general = 0, header, count, percent, date, oneDecimal, twoDecimals, threeDecimals

        /// The style showing `places` decimals, thousands grouped.
        static func decimals(_ places: Int) -> Style {
            [.count, .oneDecimal, .twoDecimals, .threeDecimals][min(3, max(0, places))]
        }
    }

    /// A sheet: header row, then the rows; column widths from the longest value shown.
    func sheetXML(_ table: Table, strings: inout SharedStrings) -> String {
        let columns = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
        var widths = table.headers.map { Workbook.displayWidth(of: $0) + 1 }  // bold is wider
        widths += Array(repeating: 0, count: columns - widths.count)
        var data = "<row r=\"1\">"
        for (c, header) in table.headers.enumerated() {
            data += "<c r=\"\(Workbook.columnName(c))1\" s=\"\(Style.header.rawValue)\" t=\"s\"><v>\(strings.index(of: header))</v></c>"
        }
        data += "</row>"
        for (r, row) in table.rows.enumerated() {
            let reference = r + 2
            data += "<row r=\"\(reference)\">"
            for (c, cell) in row.enumerated() {
                guard let (style, type, value, width) = Workbook.encoded(cell, strings: &strings) else { continue }
                widths[c] = max(widths[c], width)
                data += "<c r=\"\(Workbook.columnName(c))\(reference)\""
                if style != .general { data += " s=\"\(style.rawValue)\"" }
                if let type { data += " t=\"\(type)\"" }
                data += "><v>\(value)</v></c>"
            }
            data += "</row>"
        }
        // Printed, a sheet fits the width of landscape A4 pages, however many pages long.
        var xml = Workbook.xmlDeclaration + "<worksheet xmlns=\"\(Workbook.mainNamespace)\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        if columns > 0 {
            xml += "<dimension ref=\"A1:\(Workbook.columnName(columns - 1))\(table.rows.count + 1)\"/>"
        }
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        if !table.headers.isEmpty {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if columns > 0 {
            xml += "<cols>"
            for (c, width) in widths.enumerated() {
                let shown = min(60, max(8, width + 2))
                xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(shown)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>" + data + "</sheetData>"
            + "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
    }

    /// A cell's style, type attribute, `<v>` content and width in characters; `nil` for no
    /// cell (empty, or a number that is not finite).
    static func encoded(_ cell: TableCell, strings: inout SharedStrings) -> (Style, String?, String, Int)? {
        switch cell {
        case .number(let x):
            guard x.isFinite else { return nil }
            let text = number(x)
            return (.general, nil, text, min(text.count, 12))
        case .decimal(let x, let places):
            guard x.isFinite else { return nil }
            return (.decimals(places), nil, number(x), Format.decimal(x, decimals: min(3, max(0, places)), in: .en).count)
        case .percent(let x):
            guard x.isFinite else { return nil }
            return (.percent, nil, number(x), Format.percent(x).count)
        case .count(let n):
            return (.count, nil, String(n), Format.count(n, in: .en).count)
        case .text(let s):
            return (.general, "s", String(strings.index(of: s)), displayWidth(of: s))
        case .date(let d):
            // Excel's serial day: days since 1899-12-30, valid from 1900-03-01 (below, Excel's
            // phantom 29 February 1900 shifts every day) to 9999-12-31; outside, ISO text.
            let serial = d.dayNumber + 25_569
            guard (61...2_958_465).contains(serial) else {
                return (.general, "s", String(strings.index(of: d.description)), 10)
            }
            return (.date, nil, String(serial), 10)
        case .empty:
            return nil
        }
    }

    /// A number as SpreadsheetML's `xsd:double` text: whole numbers without `.0`, the
    /// shortest digits that read back as the same double, the exponent written `E` as Excel
    /// writes it (`1E-07`).
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)".uppercased()
    }

    /// The characters of the longest line, the width a column needs to show `text`.
    static func displayWidth(of text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let letter = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + letter))) + name
            n = (n - 1) / 26
        }
        return name
    }

    // MARK: Text

    /// `text` without the characters XML 1.0 forbids or a spreadsheet shows as garbage: C0
    /// controls other than tab and line feed (carriage returns too: line ends become `\n`),
    /// DEL, C1 controls, U+FFFE and U+FFFF.
    static func cleanedText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            let v = scalar.value
            let isControl = (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
            if !isControl { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// `text` cleaned and escaped for XML content or a double-quoted attribute. Excel decodes
    /// `_xHHHH_` in strings as a character, so an underscore that starts such a sequence is
    /// itself written `_x005F_`.
    static func escaped(_ text: String) -> String {
        let scalars = Array(cleanedText(text).unicodeScalars)
        var out = ""
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_" where startsEscapeSequence(scalars, at: i): out += "_x005F_"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func startsEscapeSequence(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// The workbook's strings, each stored once, numbered in order of first use.
    struct SharedStrings {
        var indexes: [String: Int] = [:]
        var ordered: [String] = []
        var references = 0

        mutating func index(of text: String) -> Int {
            references += 1
            if let index = indexes[text] { return index }
            indexes[text] = ordered.count
            ordered.append(text)
            return ordered.count - 1
        }

        var xml: String {
            var xml = Workbook.xmlDeclaration
                + "<sst xmlns=\"\(Workbook.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(ordered.count)\">"
            for text in ordered {
                // Leading or trailing spaces and line breaks survive only when marked as kept.
                let keepsSpace = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
                xml += keepsSpace ? "<si><t xml:space=\"preserve\">" : "<si><t>"
                xml += Workbook.escaped(String(Workbook.fitted(text, utf16Limit: Workbook.maxCellText))) + "</t></si>"
            }
            return xml + "</sst>"
        }
    }

    /// Excel's limit on the characters of one cell.
    static let maxCellText = 32_767

    // MARK: Package parts

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    func contentTypes(sheetCount: Int) -> String {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = Workbook.xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(type).sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(type).styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(type).sharedStrings+xml\"/>"
        for i in 1...max(1, sheetCount) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"\(type).worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let packageRelationships = xmlDeclaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    func workbookXML(_ names: [String]) -> String {
        var xml = Workbook.xmlDeclaration
            + "<workbook xmlns=\"\(Workbook.mainNamespace)\" xmlns:r=\"\(Workbook.officeRelationships)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            xml += "<sheet name=\"\(Workbook.escaped(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        // The header row is printed again at the top of every page.
        for (i, name) in names.enumerated() {
            let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(Workbook.escaped(quoted))!$1:$1</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    /// Sheets are `rId1…rIdN`; styles and shared strings follow them.
    func workbookRelationships(sheetCount: Int) -> String {
        var xml = Workbook.xmlDeclaration + "<Relationships xmlns=\"\(Workbook.relationshipsNamespace)\">"
        for i in 1...max(1, sheetCount) {
            xml += "<Relationship Id=\"rId\(i)\" Type=\"\(Workbook.officeRelationships)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(Workbook.officeRelationships)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(Workbook.officeRelationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// The cell formats, in ``Style`` order: general, bold header, count `#,##0` (built-in 3),
    /// percentage `0.00%` (built-in 10), date `dd/mm/yyyy` (custom 164), then one, two and
    /// three decimals (`#,##0.0` custom 165, `#,##0.00` built-in 4, `#,##0.000` custom 166).
    static let styles = xmlDeclaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"#,##0.0\"/><numFmt numFmtId=\"166\" formatCode=\"#,##0.000\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"8\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}

/// Why a workbook cannot be written.
public enum WorkbookError: Error, CustomStringConvertible {
    /// A table does not fit in an Excel sheet.
    case tooLarge(table: String, rows: Int, columns: Int)
    /// The archive needs ZIP64.
    case archive(ZipArchiveError)

    public var description: String {
        switch self {
        case let .tooLarge(table, rows, columns):
            return "the table '\(table)' has \(rows) rows and \(columns) columns; an Excel sheet holds at most 1,048,576 rows and 16,384 columns"
        case .archive(let error):
            return "the workbook cannot be written: \(error)"
        }
    }
}
