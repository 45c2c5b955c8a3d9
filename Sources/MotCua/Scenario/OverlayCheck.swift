import Foundation

// Overlays (partial scenarios laid over a base with --overlay): checked alone, checked against
// their base, and recognised when given where a whole scenario is expected.
extension ScenarioLoader {
    /// Checks the overlay at `path`. Without a base: its keys must be keys of the scenario format
    /// at their place and its values of the right type and range; nothing is required, and
    /// references to offices, fields and files are left to the base. With `base`: the overlay
    /// laid over the base must be a valid scenario, returned with its warnings, which say which
    /// ids of the overlay are not in the base (new entries).
    /// - Returns: the scenario the overlay makes of the base, or nil without a base.
    public static func checkOverlay(path: String, base: String?) throws(ScenarioError) -> Scenario? {
        let document = try parseDocument(path)
        guard case .object = document else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(
                path: "$", message: "expected an object (an overlay names the keys it changes), found \(document.typeName)")])
        }
        let overlay = try separatingBase(document, file: path).layer
        if let base {
            let added = newEntries(overlay, base: try parseDocument(base), path: "$", baseFile: base)
            do {
                var scenario = try load(path: base, overlays: [path], settings: [])
                scenario.warnings = added + scenario.warnings
                return scenario
            } catch {
                // A new entry is usually a misspelt id, and the cause of the problems that follow.
                throw ScenarioError(file: error.file, issues: added + error.issues)
            }
        }
        let diagnostics = Diagnostics(checksOverlay: true)
        switch overlay["procedureTable"] {
        case nil, .string?: break
        case let table?: diagnostics.report("procedureTable", "expected the path of a CSV file, found \(table.typeName)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let expanded = UnitList.expand(overlay, directory: directory, file: path, diagnostics: diagnostics)
        _ = ScenarioDecoder(diagnostics: diagnostics, directory: directory, file: path).decode(expanded)
        if !diagnostics.isEmpty { throw ScenarioError(file: path, issues: diagnostics.issues) }
        return nil
    }

    /// The entries of id-keyed lists that the overlay adds to the base instead of changing one
    /// (often a misspelt id): lists merge element by element, so a new id is appended silently.
    static func newEntries(_ overlay: JSONValue, base: JSONValue?, path: String, baseFile: String) -> [ScenarioIssue] {
        switch overlay {
        case .object(let members):
            return members.flatMap { member in
                newEntries(member.value, base: base?[member.key], path: path == "$" ? member.key : "\(path).\(member.key)",
                           baseFile: baseFile)
            }
        case .array(let elements):
            // Lists merge by id only when every element has one (JSONValue.overlaid); others replace.
            guard case .array(let baseElements)? = base,
                  elements.allSatisfy({ if case .string? = $0["id"] { true } else { false } }) else { return [] }
            var found: [ScenarioIssue] = []
            for (elementPath, element) in ObjectReader.elementPaths(path, elements) {
                guard case .string(let id)? = element["id"] else { continue }
                if let match = baseElements.first(where: { $0["id"] == element["id"] }) {
                    found += newEntries(element, base: match, path: elementPath, baseFile: baseFile)
                } else {
                    let ids = Set(baseElements.compactMap { element -> String? in
                        if case .string(let id)? = element["id"] { id } else { nil }
                    })
                    let guess = ObjectReader.closest(to: id, among: ids).map { " (did you mean \"\($0)\"?)" } ?? ""
                    found.append(ScenarioIssue(path: elementPath, message: "\"\(ObjectReader.printable(id))\" is not in "
                                               + "\(baseFile)\(guess): the overlay adds it as a new entry of \(path)"))
                }
            }
            return found
        default:
            return []
        }
    }

    /// A document given as a whole scenario that is an overlay: only keys of the format, and
    /// most of the keys a scenario needs absent. Said in one message instead of one per key.
    static func overlayProblem(_ document: JSONValue, file: String) -> ScenarioIssue? {
        guard case .object(let members) = document, !members.isEmpty, document["format"] == nil,
              members.allSatisfy({ ScenarioDecoder.topLevelKeys.contains($0.key) || $0.key == overlayBaseKey
                                   || ObjectReader.annotationKeys.contains($0.key) }) else { return nil }
        let absent = ScenarioDecoder.requiredTopLevelKeys.filter { document[$0] == nil }
        guard absent.count >= 3 else { return nil }
        return ScenarioIssue(path: "$", message: "this looks like an overlay, not a whole scenario "
                             + "(it has no \(absent.joined(separator: ", "))); check it with "
                             + "motcua validate --overlay-only \(file) [--base scenario.json], "
                             + "or lay it over a scenario with --overlay")
    }
}
