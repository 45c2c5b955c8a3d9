import Foundation

// Reading a scenario file: the bytes (with the checks a user's mistake needs: missing file,
// directory, unreadable, too large) and the JSON syntax, as scenario problems.
extension ScenarioLoader {
    static func parseDocument(_ path: String) throws(ScenarioError) -> JSONValue {
        try parse(try readFile(path, reportAs: path), file: path)
    }

    /// Parses JSON bytes, turning a syntax error into a problem with its line and column.
    static func parse(_ bytes: [UInt8], file: String) throws(ScenarioError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(file: file, issues: [
                ScenarioIssue(path: "$", message: "not valid JSON at line \(error.line), column \(error.column): "
                                                 + error.message),
            ])
        }
    }

    static func readFile(_ path: String, reportAs file: String) throws(ScenarioError) -> [UInt8] {
        func problem(_ message: String) -> ScenarioError {
            ScenarioError(file: file, issues: [ScenarioIssue(path: "$", message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw problem("no such file")
        }
        guard !isDirectory.boolValue else {
            throw problem("is a directory, expected a JSON file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw problem("cannot be read (permissions?)")
        }
        guard data.count <= 64 << 20 else {
            throw problem("is \(data.count >> 20) MiB; a scenario file may be at most 64 MiB")
        }
        return [UInt8](data)
    }
}
