/// The provenance block of a run's reports, made once for the command line (`run`, `merge`) and
/// the workbench's downloads alike, so that both say what was run in the same words.
extension JSONReport {
    /// The JSON report of `summary` with its `provenance` key (``Provenance/json``) at the end.
    public static func document(_ summary: ExperimentSummary, provenance: Provenance) -> JSONValue {
        var document = JSONReport.document(summary)
        if case .object(var members) = document {
            members.append(("provenance", provenance.json))
            document = .object(members)
        }
        return document
    }
}

extension CSVReport {
    /// The name of the provenance table among a run's CSV files.
    public static let provenanceFileName = "provenance.csv"

    /// The provenance table as a CSV file's text (with the byte-order mark, as every table).
    public static func provenanceText(_ provenance: Provenance, language: Language) -> String {
        byteOrderMark + provenance.table(language).csvText
    }
}
