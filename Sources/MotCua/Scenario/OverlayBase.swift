import Foundation

// The scenario an overlay was written for: its optional top-level "base" key. Overlay values are
// absolute ("staff": 18 means 18, not "two fewer"), so an overlay laid over another scenario can
// do the opposite of what its description says (docs/scenario-format.md, "Overlays").
extension ScenarioLoader {
    /// The key naming the scenario file an overlay was written for.
    static let overlayBaseKey = "base"

    /// `layer` without its "base" key (which is about the overlay, not a setting of the scenario),
    /// and the file name it gives. Throws when "base" is not a file name.
    static func separatingBase(_ layer: JSONValue, file: String) throws(ScenarioError) -> (layer: JSONValue, base: String?) {
        guard case .object(let members) = layer, let value = layer[overlayBaseKey] else { return (layer, nil) }
        guard case .string(let base) = value, !base.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: overlayBaseKey, message: "expected the file name of the "
                + "scenario the overlay was written for (e.g. \"go-vap-2024.json\"), found \(value.typeName)")])
        }
        return (.object(members.filter { $0.key != overlayBaseKey }), base)
    }

    /// Whether `base` (an overlay's "base": a file name, a path, or a name without `.json`)
    /// names the scenario file at `scenarioPath`.
    static func names(_ base: String, scenarioPath: String) -> Bool {
        func stem(_ path: String) -> String {
            let name = (path.trimmingCharacters(in: .whitespaces) as NSString).lastPathComponent
            return name.lowercased().hasSuffix(".json") ? String(name.dropLast(5)) : name
        }
        return stem(base) == stem(scenarioPath)
    }

    /// A warning for each overlay whose "base" names another scenario than the one at `path`.
    static func baseMismatches(path: String, overlays: [String]) -> [ScenarioIssue] {
        overlays.compactMap { overlay in
            guard let layer = try? parseDocument(overlay), let (_, base) = try? separatingBase(layer, file: overlay),
                  let base, !names(base, scenarioPath: path) else { return nil }
            return ScenarioIssue(path: overlayBaseKey, message: "\(overlay) was written for \(base), not for "
                + "\((path as NSString).lastPathComponent): its values are absolute (a staff of 18 is 18 whatever the "
                + "base has), so here it may not do what its description says; check its values against this "
                + "scenario's, or copy it with \"base\" set to this scenario")
        }
    }
}
