import Foundation

/// Reads and checks scenario files.
///
/// Every problem is collected with its JSON path, and all of them are thrown together as one
/// ``ScenarioError`` naming the file: a planner fixes a file in one pass, not one error at a time.
public enum ScenarioLoader {
    /// Reads the scenario at `path` (and the holiday table it names, relative to it).
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        try load(path: path, overlays: [], settings: [])
    }

    /// Reads the scenario at `path`, lays the overlay files over it in order, then applies the
    /// `path=value` settings, and checks the result.
    /// - Parameters:
    ///   - overlays: partial scenario files (e.g. `scenarios/what-if/land-branch-minus-2.json`).
    ///   - settings: `(path, value)` pairs; the value is JSON (`6`, `true`, `"text"`, `{…}`) or,
    ///     if it does not parse as JSON, a plain string.
    public static func load(path: String, overlays: [String],
                            settings: [(String, String)]) throws(ScenarioError) -> Scenario {
        let (document, folders) = try editedDocumentAndFolders(path: path, overlays: overlays, settings: settings)
        let what = ([path] + overlays).joined(separator: " + ") + (settings.isEmpty ? "" : " + --set")
        let directory = (path as NSString).deletingLastPathComponent
        var scenario = try decode(document, file: what, directory: directory, folders: folders)
        if !overlays.isEmpty, let base = try? load(path: path) {
            scenario.warnings += volumeChanges(from: base, to: scenario, overlays: overlays)
        }
        scenario.warnings += baseMismatches(path: path, overlays: overlays)
        return scenario
    }

    /// The document at `path` with the overlays laid over it and the settings applied, unchecked.
    static func editedDocument(path: String, overlays: [String], settings: [(String, String)]) throws(ScenarioError) -> JSONValue {
        try editedDocumentAndFolders(path: path, overlays: overlays, settings: settings).document
    }

    /// The keys whose value is the path of a file to read: a relative path is resolved against
    /// the folder of the file (scenario or overlay) that names it (docs/scenario-format.md).
    static let fileKeys = ["procedureTable", "unitTable", "calendar.holidays"]

    /// The edited document, and for each of ``fileKeys`` that an overlay sets, the overlay's
    /// folder (the others are resolved against the scenario's folder; a `--set` path too).
    static func editedDocumentAndFolders(path: String, overlays: [String], settings: [(String, String)])
        throws(ScenarioError) -> (document: JSONValue, folders: [String: String]) {
        var document = try parseDocument(path)
        var folders: [String: String] = [:]
        for overlay in overlays {
            let layer = try separatingBase(try parseDocument(overlay), file: overlay).layer
            for key in fileKeys where value(at: key, in: layer) != nil {
                folders[key] = OutputFile.split(overlay).folder
            }
            document = document.overlaid(with: layer)
        }
        for (key, text) in settings {
            let value = (try? JSONParser.parse(Array(text.utf8))) ?? .string(text)
            do {
                document = try document.setting(key, to: value)
            } catch {
                throw ScenarioError(file: path, issues: [ScenarioIssue(path: key, message: "--set: \(error.message)")])
            }
        }
        for (key, _) in settings where fileKeys.contains(key) { folders[key] = nil }
        return (document, folders)
    }

    /// The value at a dotted key path (`calendar.holidays`) of `document`, if there is one.
    static func value(at key: String, in document: JSONValue) -> JSONValue? {
        var current: JSONValue? = document
        for part in key.split(separator: ".") { current = current?[String(part)] }
        return current
    }

    /// `relative` resolved against `folder` (an absolute path as it is).
    static func resolve(_ relative: String, in folder: String) -> String {
        relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative)
    }

    /// Volumes an overlay multiplies or divides by more than three: more often a monthly or a
    /// daily figure written as a yearly one than a real change.
    static func volumeChanges(from base: Scenario, to changed: Scenario, overlays: [String]) -> [ScenarioIssue] {
        var warnings: [ScenarioIssue] = []
        let paths = ObjectReader.elementPaths("procedures", changed.procedures.map { .object([("id", .string($0.id))]) })
        for (procedure, path) in zip(changed.procedures, paths.map(\.path)) {
            guard let before = base.procedures.first(where: { $0.id == procedure.id })?.yearlyVolume,
                  before > 0, procedure.yearlyVolume > 0 else { continue }
            let ratio = procedure.yearlyVolume / before
            guard ratio > 3 || ratio < 1.0 / 3 else { continue }
            let factor = ratio > 1 ? "\(ObjectReader.format((ratio * 10).rounded() / 10)) times"
                                   : "1/\(ObjectReader.format((10 / ratio).rounded() / 10)) of"
            warnings.append(ScenarioIssue(path: "\(path).yearlyVolume", message:
                "\(ObjectReader.format(procedure.yearlyVolume)) is \(factor) the base's "
                + "\(ObjectReader.format(before)) (after \(overlays.joined(separator: " + "))); "
                + "check that it is a yearly figure"))
        }
        return warnings
    }

    static func decode(_ document: JSONValue, file: String, directory: String,
                       folders: [String: String] = [:]) throws(ScenarioError) -> Scenario {
        if let problem = overlayProblem(document, file: file) { throw ScenarioError(file: file, issues: [problem]) }
        let diagnostics = Diagnostics()
        diagnostics.fileFolders = folders
        var document = document
        if let table = document["procedureTable"] {
            guard case .string(let relative) = table else {
                throw ScenarioError(file: file, issues: [ScenarioIssue(
                    path: "procedureTable", message: "expected the path of a CSV file, found \(table.typeName)")])
            }
            let path = resolve(relative, in: folders["procedureTable"] ?? directory)
            if let rows = ProcedureTable.overlay(path: path, reportAs: relative, diagnostics: diagnostics,
                                                 at: "procedureTable") {
                document = document.overlaid(with: rows)
            }
            if !diagnostics.isEmpty { throw ScenarioError(file: file, issues: diagnostics.issues) }
        }
        document = UnitList.expand(document, directory: directory, file: file, diagnostics: diagnostics)
        let decoded = ScenarioDecoder(diagnostics: diagnostics, directory: directory, file: file).decode(document)
        guard var scenario = decoded, diagnostics.isEmpty else {
            throw ScenarioError(file: file, issues: diagnostics.issues)
        }
        if let problem = RunLimits.problem(scenario) {
            throw ScenarioError(file: file, issues: [problem])
        }
        let holidays = scenario.calendar.holidays
        let calendarText = "\(holidays.covers) \(holidays.daysOff.sorted()) \(holidays.makeUpWorkingDays.sorted())"
        scenario.warnings = diagnostics.warnings
        scenario.file = file
        scenario.inputFiles = diagnostics.filesRead
        scenario.fingerprint = StableHash.fnv1a(simulatorModelVersion + "\n" + calendarText + "\n"
                                                + JSONWriter.text(withoutTranslations(document)))
        return scenario
    }

    /// The keys of Vietnamese versions of texts that only the reports show: left out of the
    /// fingerprint, so that translating a reason or a source changes no result's identity
    /// (and the fingerprints of scenarios written before they existed stay the same).
    static let translationKeys: Set<String> = ["reasonVi", "sourceVi", "notesVi"]

    /// `value` without the members named in ``translationKeys``, at any depth.
    static func withoutTranslations(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.filter { !translationKeys.contains($0.key) }.map { ($0.key, withoutTranslations($0.value)) })
        case .array(let elements):
            return .array(elements.map(withoutTranslations))
        default:
            return value
        }
    }

    /// Decodes a scenario from JSON bytes; `directory` resolves relative paths inside it.
    public static func decode(_ bytes: [UInt8], file: String, directory: String) throws(ScenarioError) -> Scenario {
        try decode(try parse(bytes, file: file), file: file, directory: directory)
    }
}
