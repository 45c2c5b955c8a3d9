/// Collects problems while a scenario is read, so that all of them are reported together.
final class Diagnostics {
    private(set) var issues: [ScenarioIssue] = []
    /// Offices whose entry has a problem of its own (reported there): a reference to one of them
    /// is not reported again as "unknown office", so that one bad value gives one message.
    var officesWithProblems: Set<String> = []

    func report(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(path: path, message: message))
    }

    var isEmpty: Bool { issues.isEmpty }
}
