import Foundation

extension ReportCell {
    /// The cell as a reader sees it, in `language`'s conventions.
    func display(_ language: Language) -> String {
        switch self {
        case .text(let text): return text
        case .value(let x, let quantity): return Self.show(x, quantity, language)
        case .interval(let low, let high, let quantity):
            guard low.isFinite, high.isFinite else { return "—" }
            if quantity == .minutes {
                // Both ends in one unit, the one the larger end needs.
                let scale = TimeScale(largest: max(abs(low), abs(high)))
                return Self.show(low, .minuteDifference(scale), language, unit: false) + " … " + Self.show(high, .minuteDifference(scale), language)
            }
            return Self.show(low, quantity, language, unit: false) + " … " + Self.show(high, quantity, language)
        case .estimate(let mean, let low, let high, let quantity):
            let interval = ReportCell.interval(low: low, high: high, quantity).display(language)
            return Self.show(mean, quantity, language) + (low.isFinite && high.isFinite ? " (" + interval + ")" : "")
        case .verdict(let verdict): return TextReport.verdictWord(verdict, language.words)
        case .empty: return ""
        }
    }

    /// One number of `quantity`; `unit: false` leaves out a trailing unit (the low end of an interval).
    static func show(_ x: Double, _ quantity: Quantity, _ language: Language, unit: Bool = true) -> String {
        guard x.isFinite else { return "—" }
        let f = language.numbers
        switch quantity {
        case .count: return f.meanCount(x, decimals: x == x.rounded() || abs(x) >= 100 ? 0 : 1)
        case .share: return f.percent(x)
        case .points:
            // The unit is in the column's title.
            // A difference that rounds to zero has no sign.
            let digits = f.fixed(abs(x * 100), 2)
            return abs(x * 100) < 0.005 ? digits : (x > 0 ? "+" : "−") + digits
        case .minutes: return unit ? f.duration(minutes: x) : f.duration(minutes: x).split(separator: " ").first.map(String.init) ?? ""
        case .minuteDifference(let scale): return (x >= 0 ? "+" : "−") + f.fixed(abs(x) / scale.minutes, 1) + (unit ? " " + scale.unit(language) : "")
        case .factor: return f.fixed(x, 2) + "×"
        }
    }

    /// Whether the cell is right-aligned (a number).
    var isNumeric: Bool {
        switch self {
        case .value, .interval, .estimate: true
        default: false
        }
    }
}

/// The terminal text of a ``ReportDocument``: the headline, the provenance, then each section's
/// paragraphs and tables (long labels wrapped, never cut). Charts are left out: their numbers
/// are in the tables.
public enum DocumentText {
    public static func render(_ document: ReportDocument) -> String {
        let language = document.language
        // The title as written: upper case would change a name's meaning (λ → Λ).
        var lines = [document.title]
        lines += (document.headline + [document.provenance.whatChanged(language)].compactMap { $0 }).flatMap { Format.wrap($0, 98).map { "  " + $0 } }
        lines += document.provenance.lines(language, width: 96).map { "  " + $0 }
        for section in document.sections {
            // A section of a chart and data-only tables has nothing for the terminal: no empty heading.
            let printable = section.blocks.contains { block in
                switch block {
                case .paragraph: true
                case .table(let table): !table.dataOnly
                case .chart: false
                }
            }
            guard printable else { continue }
            lines += ["", section.title.uppercased()]
            for block in section.blocks {
                switch block {
                case .paragraph(let text): lines += Format.wrap(text, 98).map { "  " + $0 }
                case .table(let table) where !table.dataOnly: lines += tableLines(table, language)
                case .table: continue
                case .chart: continue
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table with a header row, the first column wrapped at 50 characters, numbers right-aligned.
    static func tableLines(_ table: ReportTable, _ language: Language) -> [String] {
        let table = table.shown
        let cells = table.rows.map { $0.map { $0.display(language) } }
        var widths = table.columns.indices.map { c in
            max(table.columns[c].title.count, cells.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0)
        }
        if !widths.isEmpty { widths[0] = min(widths[0], 50) }
        let numeric = table.columns.indices.map { c in table.rows.contains { c < $0.count && $0[c].isNumeric } }
        func line(_ texts: [String]) -> [String] {
            let first = Format.wrapped(texts.first ?? "", widths.first ?? 0, indent: "    ")
            var text = "  " + first.first
            for c in texts.indices.dropFirst() where c < widths.count {
                text += "  " + (numeric[c] ? Format.right(texts[c], widths[c]) : Format.pad(texts[c], widths[c]))
            }
            return [String(text.reversed().drop { $0 == " " }.reversed())] + first.more
        }
        var lines = line(table.columns.map(\.title))
        for row in cells { lines += line(row) }
        lines += table.notes.flatMap { Format.wrap("(\($0))", 96).map { "  " + $0 } }
        return lines
    }
}

/// The CSV files and the workbook of a ``ReportDocument``: one per table, plus `provenance`.
/// An interval is two columns (`_low`, `_high`), a mean with its interval three; shares are
/// fractions in the CSV and percentages in the workbook; differences of shares are in
/// percentage points in both (`-4.79`), as the column titles say.
public enum DocumentTables {
    /// The `--csv` files by name, each after the byte-order mark (columns by their keys).
    /// The CSV files of every command's `--csv`: run's tables and the report documents' (by
    /// table id). A command refuses up front an input or an output that one of them would
    /// overwrite; a test checks that what the commands write is among them.
    public static let knownCSVNames: Set<String> = Set([
        "provenance", "targets", "fields", "procedures", "offices", "desk-hours", "daily", "levels", "journey",
        "channels", "decision_766", "variants", "verdict_changes", "measures", "headroom", "break_loads", "curves",
        "loads", "staffing", "unreachable", "one_fewer", "evaluations", "drivers", "screened_groups", "cannot_reach",
        "breakdown", "breakdown-steps", "groups", "changes", "worst_units",
        "change_decisions",
        "recommended_settings",
        "back-test", "unit-groups", "unit-worst", "units", "unstable_offices", "not_passing",
    ].map { $0 + ".csv" })

    public static func csvFiles(_ document: ReportDocument) -> [(name: String, text: String)] {
        tables(document, inLanguage: false).map { ($0.title + ".csv", CSVReport.byteOrderMark + $0.csvText) }
    }

    /// The `--xlsx` workbook's bytes (headers in the report's language).
    public static func workbook(_ document: ReportDocument) throws(WorkbookError) -> Data {
        try Workbook(tables: tables(document, inLanguage: true)).xlsxData()
    }

    /// The typed tables, the provenance first; headers by the columns' keys, or their titles `inLanguage`.
    public static func tables(_ document: ReportDocument, inLanguage: Bool) -> [Table] {
        let vi = document.language == .vi
        let headers: KeyPath<ReportColumn, String> = inLanguage ? \.title : \.key
        let low = inLanguage ? (vi ? " (cận dưới)" : " (low)") : "_low"
        let high = inLanguage ? (vi ? " (cận trên)" : " (high)") : "_high"
        // A Vietnamese workbook names its sheets, verdicts and provenance in Vietnamese (VietnameseWorkbook).
        let readVietnamese = inLanguage && vi
        var result = [readVietnamese ? VietnameseWorkbook.provenanceTable(document.provenance) : document.provenance.table(document.language)]
        for table in document.tables where !table.displayOnly {
            // Each column's width in cells: an interval takes two, a mean with its interval three.
            let spans = table.columns.indices.map { c in
                table.rows.map { row -> Int in
                    guard c < row.count else { return 1 }
                    switch row[c] {
                    case .interval: return 2
                    case .estimate: return 3
                    default: return 1
                    }
                }.max() ?? 1
            }
            var names: [String] = []
            for (c, column) in table.columns.enumerated() {
                let name = column[keyPath: headers]
                names += spans[c] == 3 ? [name, name + low, name + high] : spans[c] == 2 ? [name + low, name + high] : [name]
            }
            let rows = table.rows.map { row in
                row.enumerated().flatMap { c, cell -> [TableCell] in
                    let cells: [TableCell] = switch cell {
                    case .interval(let lo, let hi, let quantity): [typed(lo, quantity), typed(hi, quantity)]
                    case .estimate(let mean, let lo, let hi, let quantity): [typed(mean, quantity), typed(lo, quantity), typed(hi, quantity)]
                    case .value(let x, let quantity): [typed(x, quantity)]
                    case .text(let text): [.text(text)]
                    case .verdict(let verdict): [.text(readVietnamese ? cell.display(.vi) : verdict.rawValue)]
                    case .empty: [.empty]
                    }
                    return cells + Array(repeating: .empty, count: max(0, spans[c] - cells.count))
                }
            }
            result.append(Table(title: readVietnamese ? VietnameseWorkbook.sheetNames[table.id] ?? table.id : table.id, headers: names, rows: rows))
        }
        return result
    }

    static func typed(_ x: Double, _ quantity: Quantity) -> TableCell {
        guard x.isFinite else { return .empty }
        switch quantity {
        case .share: return .percent(x)
        case .points: return .decimal(x * 100, places: 2)
        case .count: return x == x.rounded() && abs(x) < 1e15 ? .count(Int(x)) : .decimal(x, places: 1)
        case .minutes, .minuteDifference: return .decimal(x, places: 1)
        case .factor: return .decimal(x, places: 2)
        }
    }
}

/// The JSON of a ``ReportDocument`` (`--json`): `format`, `headline`, `provenance`, then the
/// sections' tables as rows of objects keyed by column (docs/output-format.md).
public enum DocumentJSON {
    public static func document(_ document: ReportDocument) -> JSONValue {
        .object([
            ("format", .string("motcua-\(document.kind)/\(document.version)")),
            ("title", .string(document.title)),
            ("language", .string(document.language.rawValue)),
            ("headline", .array(document.headline.map(JSONValue.string))),
            ("provenance", document.provenance.json),
            ("sections", .array(document.sections.map { section in
                .object([
                    ("id", .string(section.id)),
                    ("title", .string(section.title)),
                    ("paragraphs", .array(section.blocks.compactMap { if case .paragraph(let text) = $0 { .string(text) } else { nil } })),
                    ("tables", .array(section.blocks.compactMap { if case .table(let table) = $0, !table.displayOnly { json(table) } else { nil } })),
                ])
            })),
        ])
    }

    static func json(_ table: ReportTable) -> JSONValue {
        .object([
            ("id", .string(table.id)),
            ("columns", .array(table.columns.map { .object([("key", .string($0.key)), ("title", .string($0.title))]) })),
            ("rows", .array(table.rows.map { row in
                .object(zip(table.columns, row).map { column, cell in (column.key, json(cell)) })
            })),
        ])
    }

    static func json(_ cell: ReportCell) -> JSONValue {
        switch cell {
        case .text(let text): .string(text)
        case .value(let x, let quantity): .number(number(x, quantity))
        case .interval(let low, let high, let quantity): .object([("low", .number(number(low, quantity))), ("high", .number(number(high, quantity)))])
        case .estimate(let mean, let low, let high, let quantity):
            .object([("mean", .number(number(mean, quantity))), ("low", .number(number(low, quantity))), ("high", .number(number(high, quantity)))])
        case .verdict(let verdict): .string(verdict.rawValue)
        case .empty: .null
        }
    }

    /// A number in the unit its column's key says: a difference of shares (`difference_pts_1`,
    /// `worst_gap`) in percentage points, as in the CSV and the workbook; the rest as stored.
    static func number(_ x: Double, _ quantity: Quantity) -> Double {
        if case .points = quantity { return x * 100 }
        return x
    }
}
