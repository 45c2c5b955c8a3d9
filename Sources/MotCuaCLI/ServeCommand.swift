import Foundation
import MotCua
import MotCuaServe

/// `motcua serve`: the planner's workbench in the browser.
enum ServeCommand {
    static let spec = CommandSpec(
        "serve", summary: "open the planner's workbench in the browser (a local web server)",
        positionals: [],
        options: [OptionSpec("--port", "N", .integer(0...65_535), help: "the port to listen on (default 8080; 0: any free port)"),
                  OptionSpec("--scenarios", "DIR", .input, help: "also offer the scenario files in DIR (beside the shipped scenarios/)"),
                  OptionSpec("--results", "DIR", .folder, help: "keep the history of runs, saved overlays and replications in DIR",
                             "(default motcua-results; created when missing)"),
                  OptionSpec("--bind", "ADDR", .form(expected: "an IPv4 address such as 127.0.0.1", wrongExample: "999.1.1.1",
                                                     accepts: isIPv4),
                             help: "the address to listen on (default 127.0.0.1, this machine only); another",
                             "address lets other machines reach the workbench: a warning is printed")],
        details: """
            Starts a local web server and prints its address, which carries this start's key: open
            it in a browser to edit a scenario's offices, staff, procedures, loads and targets (the
            same checks as motcua validate), save the changes as an overlay, run, compare with the
            base, sweep the load or search the staffing, and keep every run in a history with its
            reports (HTML, JSON, CSV, XLSX). Stop it with Ctrl-C; the history stays in --results.
            """,
        run: main)

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func main(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let address = parsed.value("--bind") ?? "127.0.0.1"
        let port = parsed.integer("--port", default: 8080)
        if let folder = parsed.value("--scenarios") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw .badInput("--scenarios \(folder): expected a folder of scenario files; there is none")
            }
        }
        var isFolder: ObjCBool = false
        let shipped = FileManager.default.fileExists(atPath: "scenarios", isDirectory: &isFolder) && isFolder.boolValue ? "scenarios" : nil
        let server: WorkbenchServer
        do {
            server = try WorkbenchServer(address: address, port: port, shipped: shipped, scenarios: parsed.value("--scenarios"),
                                         results: parsed.value("--results") ?? "motcua-results")
        } catch {
            throw .badInput(error.description)
        }
        if address != "127.0.0.1" {
            writeStandardError("warning: --bind \(address): the workbench is reachable from other machines on this network; "
                               + "anyone with the address below (it carries the key) can run and delete jobs\n")
        }
        // Written at once, not buffered: a script or test waiting for the address reads it now.
        FileHandle.standardOutput.write(Data("MotCua workbench: \(server.url)\nOpen that address in a browser; stop with Ctrl-C.\n".utf8))
        while true { try? await Task.sleep(for: .seconds(3600)) }
    }
}
