import Foundation
import MotCua

/// Every command of `motcua`, and what is derived from them all: the top-level usage, `help`,
/// `--version` and the dispatch.
enum Commands {
    static let all: [CommandSpec] = [
        RunCommand.spec, RunCommand.validateSpec, CompareCommand.spec, Sharding.mergeSpec, ExperimentCommands.sweepSpec,
        ExperimentCommands.staffSpec, CalibrateCommand.spec, AuditCommand.spec, Bench.spec,
        NewCommand.spec,
        DriversCommand.spec,
        ServeCommand.spec,
    ]

    /// The version of this build of `motcua`.
    static let version = "0.9.0"

    /// `motcua --version`: the tool's version and the results format it reads and writes.
    static var versionText: String { "motcua \(version) (results format \(simulatorModelVersion))" }

    static var usage: String {
        let synopses = all.map { $0.synopsis.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
        let width = (all.map(\.name.count).max() ?? 0) + 2
        let summaries = all.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + " " + $0.summary }
        return """
            motcua — simulate the one-stop (một cửa) dossier flow of a district and test its targets

            USAGE
            \(synopses.joined(separator: "\n"))
              motcua help [command]
              motcua --version

            COMMANDS
            \(summaries.joined(separator: "\n"))

            Run `motcua <command> --help` (or `motcua help <command>`) for the options of a command.
            """
    }

    static func command(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

    /// Runs the command line `arguments` (without the program's name).
    static func main(_ arguments: [String]) async -> Never {
        switch arguments.first {
        case nil:
            print(usage)
            exit(ExitStatus.badInput.rawValue)
        case "-h", "--help":
            print(usage)
            succeed()
        case "--version", "version":
            print(versionText)
            succeed()
        case "help":
            let rest = arguments.dropFirst()
            guard let name = rest.first else { print(usage); succeed() }
            if name == "--declarations" { printDeclarations(); succeed() }
            guard rest.count == 1, let command = command(name) else {
                stop(.usage(rest.count == 1 ? "unknown command \(name)" : "help takes one command", command: nil))
            }
            print(command.help)
            succeed()
        case let name?:
            guard let command = command(name) else { stop(.usage("unknown command \(name)", command: nil)) }
            do throws(CommandFailure) {
                let parsed = try command.parse(Array(arguments.dropFirst()))
                if parsed.flags.contains("--help") {
                    print(command.help)
                    succeed()
                }
                try command.checkPositionals(parsed)
                try await command.run(parsed)
            } catch {
                stop(error)
            }
            succeed()
        }
    }

    /// `motcua help --declarations`: every command's options with values they refuse, one per
    /// line (command, option, then the values, tab-separated), for the command-walk test.
    static func printDeclarations() {
        for command in all {
            for option in command.options {
                print(([command.name, option.name] + option.kind.wrongExamples).joined(separator: "\t"))
            }
        }
    }
}

extension CommandSpec {
    /// Checks the number of positional arguments against the declaration.
    func checkPositionals(_ parsed: ParsedArguments) throws(CommandFailure) {
        let required = positionals.filter { !$0.optional }
        let unbounded = positionals.contains { $0.repeatable }
        if parsed.positional.count < required.count {
            throw .usage("missing <\(required[parsed.positional.count].name)>", command: self)
        }
        if !unbounded && parsed.positional.count > positionals.count {
            let expected = positionals.map { "<\($0.name)>" }.joined(separator: " ")
            throw .usage("expected \(expected.isEmpty ? "no arguments" : expected), found \(parsed.positional.count) arguments", command: self)
        }
    }
}

extension Sharding {
    /// Whether `text` has the form of a shard (`I/N`, `env`, `env/N`, `env-B/N`): the library's
    /// syntax, checked with an empty environment so that only a malformed form is refused here.
    static func isShardForm(_ text: String) -> Bool {
        do {
            _ = try ShardAssignment.resolve(text, environment: [:])
            return true
        } catch {
            return error.kind != .syntax
        }
    }
}
