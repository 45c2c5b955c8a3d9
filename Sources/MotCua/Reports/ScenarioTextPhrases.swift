// The words MotCua adds to a scenario's own texts (issue 19, review #16): with `--lang vi` a
// scenario text shows its Vietnamese version where the scenario gives one (`labelVi`,
// `reasonVi`, `sourceVi`), and the words around it are the product's, in the report's language.
extension Language {
    /// The kind of a source as the scenario marks it (the part before its colon): the marker
    /// words MotCua uses ("assumption", "no source", "sourced") in the report's language; any
    /// other kind (a document's name) as written.
    func sourceKind(_ kind: String) -> String {
        guard self == .vi else { return kind }
        switch kind.trimmingCharacters(in: .whitespaces).lowercased() {
        case "assumption": return "giả định"
        case "no source": return "không có nguồn"
        case "sourced": return "có nguồn"
        default: return kind
        }
    }
}
