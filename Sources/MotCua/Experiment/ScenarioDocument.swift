import Foundation

/// A scenario document after its overlays and settings, before it is checked: what the
/// what-if mechanisms and `drivers` edit.
public struct ScenarioDocument: Sendable {
    public let json: JSONValue
    /// How the document was made, for messages: `file + overlay + --set`.
    public let file: String
    let directory: String
    /// The folders of the overlays that name files (``ScenarioLoader/fileKeys``).
    var folders: [String: String] = [:]

    /// Reads the scenario at `path`, lays the overlays over it in order and applies the
    /// `path=value` settings (values are JSON, or a plain string when they do not parse).
    public static func load(path: String, overlays: [String], settings: [(String, String)]) throws(ScenarioError) -> ScenarioDocument {
        let (edited, folders) = try ScenarioLoader.editedDocumentAndFolders(path: path, overlays: overlays, settings: settings)
        var document = edited
        let what = ([path] + overlays).joined(separator: " + ") + (settings.isEmpty ? "" : " + --set")
        let directory = (path as NSString).deletingLastPathComponent
        // The rows of a procedure table become part of the document, so that their values
        // can be named and changed by path like any other.
        if case .string(let relative)? = document["procedureTable"] {
            let diagnostics = Diagnostics()
            let tablePath = ScenarioLoader.resolve(relative, in: folders["procedureTable"] ?? directory)
            if let rows = ProcedureTable.overlay(path: tablePath, reportAs: relative, diagnostics: diagnostics, at: "procedureTable") {
                document = document.overlaid(with: rows)
                if case .object(let members) = document { document = .object(members.filter { $0.key != "procedureTable" }) }
            }
            if !diagnostics.isEmpty { throw ScenarioError(file: what, issues: diagnostics.issues) }
        }
        return ScenarioDocument(json: document, file: what, directory: directory, folders: folders)
    }

    /// The checked scenario, with the numbers at `edits`' paths replaced first.
    public func scenario(setting edits: [(String, JSONValue)] = []) throws(ScenarioError) -> Scenario {
        var document = json
        for (path, value) in edits {
            do {
                document = try document.setting(path, to: value)
            } catch {
                throw ScenarioError(file: file, issues: [ScenarioIssue(path: path, message: error.message)])
            }
        }
        return try ScenarioLoader.decode(document, file: file, directory: directory, folders: folders)
    }
}
