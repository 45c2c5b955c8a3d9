/// Collects problems while a scenario is read, so that all of them are reported together.
final class Diagnostics {
    private(set) var issues: [ScenarioIssue] = []
    /// Things that are allowed but probably not meant (a surge outside the horizon): the
    /// scenario runs, and the planner is told.
    private(set) var warnings: [ScenarioIssue] = []
    /// Offices whose entry has a problem of its own (reported there): a reference to one of them
    /// is not reported again as "unknown office", so that one bad value gives one message.
    var officesWithProblems: Set<String> = []
    /// Checking an overlay alone: keys and values are checked, but nothing is required and
    /// references to the base (offices, fields, files) are not followed.
    let checksOverlay: Bool

    init(checksOverlay: Bool = false) {
        self.checksOverlay = checksOverlay
    }
    /// Dated entries, checked against the horizon once everything is read (load profiles are
    /// read without it).
    private(set) var datedEntries: [DatedEntry] = []

    /// An entry of a dated list: a period (a surge, an absence) or a change from a day on.
    struct DatedEntry {
        enum Kind { case surge, absence, staffChange(staff: Int), ruleVersion }
        let path: String
        let kind: Kind
        let from: CivilDate
        let to: CivilDate
    }

    func report(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(path: path, message: message))
    }

    func warn(_ path: String, _ message: String) {
        warnings.append(ScenarioIssue(path: path, message: message))
    }

    func dated(_ path: String, _ kind: DatedEntry.Kind, from: CivilDate, to: CivilDate) {
        datedEntries.append(DatedEntry(path: path, kind: kind, from: from, to: to))
    }

    /// The files the scenario names and that were read (holiday table, procedure and unit
    /// tables), with the paths as resolved: a command must never write over one of them.
    private(set) var filesRead: [Scenario.InputFile] = []

    /// For a key naming a file (`procedureTable`…) that an overlay set, the overlay's folder:
    /// its relative path is resolved there, not in the scenario's folder.
    var fileFolders: [String: String] = [:]

    /// Where the relative file path `relative` at `key` is: resolved against the folder of the
    /// file that named it.
    func resolve(_ relative: String, key: String, directory: String) -> String {
        ScenarioLoader.resolve(relative, in: fileFolders[key] ?? directory)
    }

    func read(_ what: String, at path: String) {
        if !filesRead.contains(where: { $0.path == path }) { filesRead.append(Scenario.InputFile(what: what, path: path)) }
    }

    var isEmpty: Bool { issues.isEmpty }
}
