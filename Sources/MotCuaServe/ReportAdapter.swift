import Foundation
import MotCua

/// Every report the workbench shows or offers for download, made by today's report functions.
/// This is the one place the workbench calls the report layer: when the shared report layer
/// lands, only these functions change.
public enum ReportAdapter {
    /// A file of a finished job: its name in the job's folder and its bytes.
    public struct File: Sendable {
        public let name: String
        public let bytes: [UInt8]
    }

    /// The files of a run: the HTML report in both languages, the text report, JSON, the CSV
    /// tables and the workbook, each with the provenance block `motcua run` writes (what was run:
    /// scenario file, fingerprint, overlays, settings, load, seed, model version); the provenance
    /// table and sheet in `language`, as the command writes them in its `--lang`.
    public static func runFiles(_ summary: ExperimentSummary, provenance: Provenance, language: Language = .en) -> [File] {
        var files = Language.allCases.map {
            File(name: "report-\($0.rawValue).html", bytes: Array(HTMLReport.render(summary, language: $0, provenance: provenance).utf8))
        }
        files += Language.allCases.map {
            File(name: "report-\($0.rawValue).txt", bytes: Array(TextReport.render(summary, language: $0, provenance: provenance).utf8))
        }
        files.append(File(name: "report.json", bytes: Array(JSONWriter.text(JSONReport.document(summary, provenance: provenance)).utf8)))
        files += CSVReport.files(summary).map { File(name: "table-" + $0.name, bytes: Array($0.text.utf8)) }
        files.append(File(name: "table-" + CSVReport.provenanceFileName, bytes: Array(CSVReport.provenanceText(provenance, language: language).utf8)))
        if let data = try? Workbook(tables: CSVReport.typedTables(summary) + [provenance.table(language)]).xlsxData() {
            files.append(File(name: "report.xlsx", bytes: Array(data)))
        }
        return files
    }

    /// The files of a comparison: the comparison report as text (that of `motcua compare`), and
    /// as a page with it and the verdicts of every variant side by side, in both languages.
    public static func comparisonFiles(_ comparison: Comparison, models: [SimulationModel], provenance: Provenance) -> [File] {
        let paired = CompareDocument.pairedTargetDifferences(models: models, results: comparison.results, seed: provenance.seed)
        return Language.allCases.flatMap { language -> [File] in
            let document = CompareDocument.document(comparison, paired: paired, variants: Array(comparison.names.dropFirst()),
                                                    provenance: provenance, language: language)
            let text = DocumentText.render(document)
            return [File(name: "compare-\(language.rawValue).txt", bytes: Array(text.utf8)),
                    File(name: "report-\(language.rawValue).html", bytes: Array(comparisonPage(comparison, text: text, language: language).utf8))]
        }
    }

    /// The files of a load sweep: its report page (that of `motcua sweep --html`) in both languages.
    public static func sweepFiles(_ sweep: LoadSweep, provenance: Provenance) -> [File] {
        Language.allCases.map {
            File(name: "report-\($0.rawValue).html", bytes: Array(DocumentHTML.render(SweepDocument.document(sweep, provenance: provenance, language: $0)).utf8))
        }
    }

    /// The verdicts of a run, for the page's summary and the history.
    public static func verdicts(_ summary: ExperimentSummary) -> [Verdicts.Row] {
        summary.targets.map {
            Verdicts.Row(label: $0.label + ($0.fieldName.map { " — \($0)" } ?? ""),
                         labelVi: ($0.labelVi ?? $0.label) + (($0.fieldNameVi ?? $0.fieldName).map { " — \($0)" } ?? ""),
                         verdict: $0.verdict.rawValue, value: $0.estimate.mean,
                         valueText: Format.percent($0.estimate.mean), valueTextVi: Format.percent($0.estimate.mean, in: .vi))
        }
    }

    /// A page with a comparison's text report and the verdicts of each variant side by side.
    static func comparisonPage(_ comparison: Comparison, text: String, language: Language) -> String {
        let vi = language == .vi
        var rows = ""
        for (t, target) in (comparison.summaries.first?.targets ?? []).enumerated() {
            rows += "<tr><td>\(escape(vi ? (target.labelVi ?? target.label) : target.label))\(escape((vi ? target.fieldNameVi ?? target.fieldName : target.fieldName).map { " — \($0)" } ?? ""))</td>"
            for summary in comparison.summaries where summary.targets.indices.contains(t) {
                let r = summary.targets[t]
                rows += "<td class=\"v-\(r.verdict.rawValue)\">\(Format.percent(r.estimate.mean, in: language)) \(word(r.verdict, vi))</td>"
            }
            rows += "</tr>\n"
        }
        let heads = comparison.names.map { "<th>\(escape($0))</th>" }.joined()
        return """
            <!doctype html><html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(vi ? "So sánh" : "Comparison")</title>
            <style>body{font:14px system-ui,sans-serif;margin:1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px}
            .v-pass{background:#dff3e0}.v-fail{background:#fbe0e0}.v-at-risk{background:#fff3cd}pre{font-size:12px;background:#f7f7f7;padding:8px;overflow:auto}</style></head>
            <body><h1>\(vi ? "So sánh với kịch bản gốc" : "Comparison with the base")</h1>
            <table id="compare-verdicts"><tr><th>\(vi ? "Chỉ tiêu" : "Target")</th>\(heads)</tr>
            \(rows)</table><pre id="compare-text">\(escape(text))</pre></body></html>
            """
    }

    /// PASS / FAIL / AT RISK, or the Vietnamese report's words for them.
    static func word(_ verdict: Verdict, _ vi: Bool) -> String {
        switch verdict {
        case .pass: vi ? "ĐẠT" : "PASS"
        case .fail: vi ? "KHÔNG ĐẠT" : "FAIL"
        case .atRisk: vi ? "CÓ RỦI RO" : "AT RISK"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The verdicts of a finished job, kept in its record.
public enum Verdicts {
    public struct Row: Codable, Sendable {
        public let label: String
        public let labelVi: String
        /// `pass`, `fail` or `at-risk`.
        public let verdict: String
        public let value: Double
        /// The value as the page shows it: `99.82%` (en), `99,82%` (vi). Nil in records made
        /// before the page showed the language's decimal mark.
        public let valueText: String?
        public let valueTextVi: String?
    }
}
