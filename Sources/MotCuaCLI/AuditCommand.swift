import Foundation
import MotCua

/// `motcua audit`: the report's counts recounted from the per-dossier log of the same run.
enum AuditCommand {
    static let spec = CommandSpec(
        "audit", summary: "recount a report's counts from the per-dossier log of the same run",
        positionals: [PositionalSpec(name: "log.csv", repeatable: false, optional: false),
                      PositionalSpec(name: "report.json", repeatable: false, optional: false)],
        options: [OptionSpec("--all", "", .flag, help: "print every count, not only those that differ")],
        details: """
            Rebuilds every count of the report (overall, by field, by procedure) from the log that
            `motcua run --events FILE --json REPORT` wrote, with code written apart from the
            simulator's tallies, and prints each count side by side with OK or DIFFERS. The run
            must have one replication (the log holds the first only). Exit status 0 when every
            count agrees, 1 when one differs, 2 when a file cannot be read.
            """,
        run: main)

    static func main(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let logPath = parsed.positional[0], reportPath = parsed.positional[1]
        let recount: LogRecount
        do { recount = try LogRecount(path: logPath) } catch { throw .badInput(error.message) }
        guard let data = FileManager.default.contents(atPath: reportPath) else {
            throw .badInput("\(reportPath): cannot be read, expected the JSON report of `motcua run --json`")
        }
        let report: JSONValue
        do { report = try JSONParser.parse([UInt8](data)) } catch {
            throw .badInput("\(reportPath): line \(error.line), column \(error.column): \(error.message); expected the report of `motcua run --json`")
        }
        let lines: [LogRecount.Line]
        do { lines = try recount.compare(with: report) } catch { throw .badInput("\(reportPath): \(error.message)") }
        let differing = lines.filter { !$0.agrees }
        print("\(logPath): \(recount.rows) rows; \(lines.count) counts compared with \(reportPath)")
        let shown = lines.filter { parsed.flags.contains("--all") || !$0.agrees }
        // Columns as wide as their longest entry plus a space: a long procedure id never runs into the count.
        let placeWidth = max(36, (shown.map(\.place.count).max() ?? 0) + 2)
        let countWidth = max(28, (shown.map(\.count.count).max() ?? 0) + 2)
        print("  " + "place".padding(toLength: placeWidth, withPad: " ", startingAt: 0) + "count".padding(toLength: countWidth, withPad: " ", startingAt: 0)
              + "report".leftPadded(10) + "recount".leftPadded(10) + "  verdict")
        for line in shown {
            print("  " + line.place.padding(toLength: placeWidth, withPad: " ", startingAt: 0) + line.count.padding(toLength: countWidth, withPad: " ", startingAt: 0)
                  + (line.reported.map(String.init) ?? "absent").leftPadded(10) + String(line.recounted).leftPadded(10)
                  + (line.agrees ? "  OK" : "  DIFFERS"))
        }
        guard differing.isEmpty else { throw .failed("\(differing.count) of \(lines.count) counts differ") }
        print("all \(lines.count) counts agree")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
