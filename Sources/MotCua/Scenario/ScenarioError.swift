import Foundation

/// One problem found in a scenario file: where (a JSON path such as `offices[land-branch].staff`:
/// elements with an id are named by it, elements of anonymous lists by position, `steps[0]`) and what.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the offending value (`$` for the whole document).
    public let path: String
    /// What was expected, and what was found.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// A scenario that cannot be used, with every problem found (not only the first).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public let file: String
    /// The problems, in file order.
    public let issues: [ScenarioIssue]

    public init(file: String, issues: [ScenarioIssue]) {
        self.file = file
        self.issues = issues
    }

    /// At most this many problems are listed; the count says how many there are.
    public static let listed = 40

    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        var lines = issues.prefix(ScenarioError.listed).map { "  \(file): \($0.path): \($0.message)" }
        if issues.count > ScenarioError.listed { lines.append("  … and \(issues.count - ScenarioError.listed) more") }
        return "\(file): \(count)\n" + lines.joined(separator: "\n")
    }
}
