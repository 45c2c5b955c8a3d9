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

    var isEmpty: Bool { issues.isEmpty }
}
