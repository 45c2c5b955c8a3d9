/// Collects problems while a scenario is read, so that all of them are reported together.
final class Diagnostics {
    private(set) var issues: [ScenarioIssue] = []

    func report(_ path: String, _ message: String) {
        issues.append(ScenarioIssue(path: path, message: message))
    }

    var isEmpty: Bool { issues.isEmpty }
}
