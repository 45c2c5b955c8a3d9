/// The report of one command as data: a headline, the provenance, and sections of paragraphs,
/// tables of typed cells and charts. One text, one HTML, one CSV, one XLSX and one JSON writer
/// render every document (``DocumentText``, ``DocumentHTML``, ``DocumentTables``,
/// ``DocumentJSON``), so a command builds its document once and gets every output format.
///
/// ```swift
/// var document = ReportDocument(kind: "compare", title: "…", headline: "6 of 12 targets pass", provenance: p, language: .vi)
/// document.sections.append(ReportSection(id: "targets", title: "Targets", blocks: [.table(table)]))
/// let html = DocumentHTML.render(document)
/// ```
public struct ReportDocument: Sendable {
    /// What produced it (`compare`, `sweep`, `staff`…): the JSON format is `motcua-<kind>/<version>`.
    public var kind: String
    /// The version of its JSON format: 1 unless the command's earlier JSON had another shape
    /// (`drivers` wrote its own `motcua-drivers/1` before it moved to documents).
    public var version = 1
    public var title: String
    /// The answer in words, first in every output.
    public var headline: [String]
    public var provenance: Provenance
    public var language: Language
    public var sections: [ReportSection] = []

    /// Creates a document without sections.
    public init(kind: String, title: String, headline: [String], provenance: Provenance, language: Language) {
        self.kind = kind
        self.title = title
        self.headline = headline
        self.provenance = provenance
        self.language = language
    }

    /// Every table of the document, in order.
    public var tables: [ReportTable] {
        sections.flatMap { $0.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } } }
    }
}

/// A titled part of a report.
public struct ReportSection: Sendable {
    /// A stable identifier (the HTML element's id).
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// One piece of a section.
public enum ReportBlock: Sendable {
    case paragraph(String)
    case table(ReportTable)
    case chart(ReportChart)
}

/// What a number is, which decides how every writer shows and stores it.
public enum Quantity: Sendable, Equatable {
    /// A (mean) count of dossiers, citizens or staff.
    case count
    /// A share, stored as the fraction and shown as a percentage.
    case share
    /// A difference of two shares, in percentage points (stored as the fraction difference).
    case points
    /// Minutes, shown in the unit a reader expects.
    case minutes
    /// A load factor (1.0 = the scenario's volumes), shown as `1.30×`.
    case factor
    /// A signed number of minutes shown in a given unit (the ends of an interval share one).
    case minuteDifference(TimeScale)
}

/// Minutes, hours or days: the unit of a duration a reader expects for its size.
public enum TimeScale: Sendable, Equatable {
    case minutes, hours, days

    /// The unit for durations up to `largest` minutes (as ``Format/duration(minutes:vietnamese:)`` picks).
    public init(largest: Double) {
        self = largest < 120 ? .minutes : largest < 2880 ? .hours : .days
    }

    /// Minutes in one unit.
    var minutes: Double {
        switch self {
        case .minutes: 1
        case .hours: 60
        case .days: 1440
        }
    }

    func unit(_ language: Language) -> String {
        switch self {
        case .minutes: language == .vi ? "phút" : "min"
        case .hours: language == .vi ? "giờ" : "h"
        case .days: language == .vi ? "ngày" : "d"
        }
    }
}

/// A cell of a report table.
public enum ReportCell: Sendable {
    case text(String)
    case value(Double, Quantity)
    /// A 95% confidence interval.
    case interval(low: Double, high: Double, Quantity)
    /// A mean with its 95% confidence interval, in one cell (`−0,08 (−0,28 … +0,12)`); three
    /// columns in the CSV and the workbook (`key`, `key_low`, `key_high`).
    case estimate(mean: Double, low: Double, high: Double, Quantity)
    case verdict(Verdict)
    case empty
}

/// A column of a report table: its key (the CSV and JSON name) and its header in the report's language.
public struct ReportColumn: Sendable {
    public var key: String
    public var title: String
    /// Written only to the data outputs (CSV, XLSX, JSON), e.g. an id to join tables on; the
    /// text and the page leave it out.
    public var dataOnly = false

    public init(_ key: String, _ title: String, dataOnly: Bool = false) {
        self.key = key
        self.title = title
        self.dataOnly = dataOnly
    }
}

/// A table: the terminal, the HTML page, a CSV file and a workbook sheet show the same rows.
public struct ReportTable: Sendable {
    /// The CSV file's stem and the workbook sheet's name.
    public var id: String
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    /// Notes under the table (what a column means, which rows are left out).
    public var notes: [String] = []
    /// Written only to the data outputs (CSV, XLSX, JSON): a long tidy table whose content a
    /// chart of the page shows.
    public var dataOnly = false
    /// Shown only in the text and the page: a reader's view whose rows a data-only table holds
    /// in tidy form (the drivers of each target, one table per target).
    public var displayOnly = false

    public init(id: String, columns: [ReportColumn], rows: [[ReportCell]], notes: [String] = [], dataOnly: Bool = false,
                displayOnly: Bool = false) {
        self.id = id
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.dataOnly = dataOnly
        self.displayOnly = displayOnly
    }

    /// The table a reader sees (text and page): without its data-only columns.
    var shown: ReportTable {
        let kept = columns.indices.filter { !columns[$0].dataOnly }
        guard kept.count < columns.count else { return self }
        var table = self
        table.columns = kept.map { columns[$0] }
        table.rows = rows.map { row in kept.map { $0 < row.count ? row[$0] : .empty } }
        return table
    }
}

/// A chart of the HTML page (the terminal and the tables carry its numbers).
public enum ReportChart: Sendable {
    /// One row per item: a dot at the mean and a bar for its 95% interval, with a line at
    /// `reference` (0 for differences).
    case intervals(id: String, title: String, axisTitle: String, items: [IntervalItem], quantity: Quantity, reference: Double?)
    /// One small chart per curve: the mean over `x` with its interval band, the threshold, a
    /// marker at `marker` on the x axis (1.0× for a sweep) and where the curve stops passing.
    case curves(id: String, xTitle: String, yTitle: String, x: [Double], curves: [Curve], marker: Double?)
    /// A tornado chart: per input, bars from the base value to the value with the input changed
    /// (``TornadoChart``).
    case tornado(TornadoChart)
}

/// An item of an interval chart.
public struct IntervalItem: Sendable {
    public var label: String
    public var mean: Double, low: Double, high: Double

    public init(label: String, mean: Double, low: Double, high: Double) {
        self.label = label
        self.mean = mean
        self.low = low
        self.high = high
    }
}

/// A curve of a curves chart, with its band and threshold.
public struct Curve: Sendable {
    public var label: String
    public var mean: [Double], low: [Double], high: [Double]
    public var threshold: Double?
    /// The x at which it stops passing, marked on the chart (nil: passes throughout).
    public var breaksAt: Double?
    /// What stops it there when not its own value (the desk guard), written beside the mark.
    public var breakNote: String? = nil

    public init(label: String, mean: [Double], low: [Double], high: [Double], threshold: Double?, breaksAt: Double?) {
        self.label = label
        self.mean = mean
        self.low = low
        self.high = high
        self.threshold = threshold
        self.breaksAt = breaksAt
    }
}
