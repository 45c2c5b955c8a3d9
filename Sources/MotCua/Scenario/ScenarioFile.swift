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
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            var link = stat()
            if reason == ELOOP || (lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK) {
                throw problem(reason == ELOOP ? "is a loop of symbolic links; expected a JSON file"
                                              : "is a symbolic link to a missing file")
            }
            throw problem(reason == ENOENT ? "no such file" : String(cString: strerror(reason)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw problem("is a directory, expected a JSON file")
        case S_IFREG: break
        default: throw problem("is not a regular file (a device or a pipe); expected a JSON file")
        }
        guard access(path, R_OK) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw problem("cannot be read: \(String(cString: strerror(errno)))")
        }
        guard data.count <= 64 << 20 else {
            throw problem("is \(data.count >> 20) MiB; a scenario file may be at most 64 MiB")
        }
        return [UInt8](data)
    }
}
