import Foundation
import MotCua

/// What an option's value must be. The one parser checks it, the same way for every command,
/// and the help line and the command-walk test are derived from it.
enum ValueKind: Sendable {
    /// No value: the option is a switch.
    case flag
    /// A whole number within the range.
    case integer(ClosedRange<Int>)
    /// A decimal number above `above` and at most `atMost`.
    case decimal(above: Double, atMost: Double)
    /// One of a few words.
    case choice([String])
    /// A file read by the command.
    case input
    /// A file written by the command.
    case output
    /// A folder written by the command (created when missing).
    case folder
    /// Text of a form the command reads itself: `expected` says which, `accepts` checks it, and
    /// `wrongExample` is a value it refuses (for the command-walk test).
    case form(expected: String, wrongExample: String, accepts: @Sendable (String) -> Bool)

    /// What the parser says it expected, in an error message.
    var expectation: String {
        switch self {
        case .flag: "no value"
        case .integer(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .decimal(let above, let atMost): "a number above \(Format.plain(above)) and at most \(Format.plain(atMost))"
        case .choice(let words): words.joined(separator: " or ")
        case .input: "a file to read"
        case .output: "a file to write"
        case .folder: "a folder to write into"
        case .form(let expected, _, _): expected
        }
    }

    /// Whether `text` is a value of this kind.
    func accepts(_ text: String) -> Bool {
        switch self {
        case .flag: false
        case .integer(let range): Int(text).map(range.contains) ?? false
        case .decimal(let above, let atMost): Double(text).map { $0 > above && $0 <= atMost } ?? false
        case .choice(let words): words.contains(text)
        case .input, .output, .folder: !text.isEmpty
        case .form(_, _, let accepts): accepts(text)
        }
    }

    /// Values the parser refuses, for the command-walk test.
    var wrongExamples: [String] {
        switch self {
        case .flag: []
        case .integer(let range): ["banana", "1.5", String(range.lowerBound - 1)]
            + (range.upperBound < Int.max ? [String(range.upperBound + 1)] : [])
        case .decimal(let above, let atMost): ["banana", Format.plain(above), Format.plain(atMost * 2)]
        case .choice: ["klingon"]
        case .input, .output, .folder: [""]
        case .form(_, let wrong, _): [wrong]
        }
    }
}

extension Format {
    /// A number as short as it reads (1, 0.5), for messages.
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// One option of a command: everything the parser, the help text and the tests need.
struct OptionSpec: Sendable {
    let name: String
    /// The value's name in the help (`N`, `FILE`); empty for a flag.
    let valueName: String
    let kind: ValueKind
    /// The help text, one or more lines; the default is said here when there is one.
    let help: [String]
    let repeatable: Bool
    /// The command cannot run without it; the parser says so.
    let required: Bool
    /// Shown as an alias in the help (`-h` for `--help`).
    let alias: String?

    init(_ name: String, _ valueName: String = "", _ kind: ValueKind, repeatable: Bool = false, required: Bool = false,
         alias: String? = nil, help: String...) {
        self.init(name, valueName, kind, repeatable: repeatable, required: required, alias: alias, helpLines: help)
    }

    init(_ name: String, _ valueName: String, _ kind: ValueKind, repeatable: Bool, required: Bool, alias: String?,
         helpLines help: [String]) {
        self.required = required
        self.name = name
        self.valueName = valueName
        self.kind = kind
        self.help = help
        self.repeatable = repeatable
        self.alias = alias
    }

    var isFlag: Bool { if case .flag = kind { true } else { false } }

    /// `--seed N`, `-h, --help`, `--overlay FILE…`.
    var synopsis: String {
        (alias.map { "\($0), " } ?? "") + name + (isFlag ? "" : " \(valueName)") + (repeatable ? "…" : "")
    }
}

/// A positional argument, for the help.
struct PositionalSpec: Sendable {
    let name: String
    let repeatable: Bool
    let optional: Bool

    var synopsis: String {
        let core = "<\(name)>" + (repeatable ? "…" : "")
        return optional ? "[\(core)]" : core
    }
}

/// Options shared by several commands, declared once.
enum OptionGroup {
    static let help = OptionSpec("--help", "", .flag, alias: "-h", help: "show this help")

    static let seed = OptionSpec("--seed", "N", .integer(0...Int.max), help: "random seed (default: the scenario's \"seed\")")
    static func load(_ help: String = "multiply every arrival volume by X (e.g. 1.3 for +30%)") -> OptionSpec {
        OptionSpec("--load", "X", .decimal(above: 0, atMost: 100), help: help)
    }
    static let overlay = OptionSpec("--overlay", "FILE", .input, repeatable: true,
                                    help: "lay a partial scenario over this one (repeatable), e.g.",
                                    "scenarios/what-if/land-branch-minus-2.json")
    static let set = OptionSpec("--set", "PATH=VALUE", .form(expected: "path=value (e.g. offices.land-branch.staff=6)", wrongExample: "=6",
                                                             accepts: { ($0.firstIndex(of: "=") ?? $0.startIndex) != $0.startIndex }),
                                repeatable: true,
                                help: "change one value (repeatable); PATH names keys and, in lists,",
                                "ids: --set offices.land-branch.staff=6")
    /// The scenario and what-if options: which model is run.
    static let scenario = [seed, load(), overlay, set]
    /// Checking an overlay file instead of a whole scenario (`validate`).
    static let overlayCheck = [
        OptionSpec("--overlay-only", "", .flag, help: "the file is an overlay: check its keys, values and ids",
                   "without a whole scenario"),
        OptionSpec("--base", "FILE", .input, help: "with --overlay-only: lay the overlay over this scenario and",
                   "check the result; ids not in the base are new entries (a warning)"),
    ]

    static func replications(default value: Int, range: ClosedRange<Int>, _ help: String...) -> OptionSpec {
        let first = "independent replications (default \(value); from \(range.lowerBound) to \(range.upperBound))"
        return OptionSpec("--replications", "N", .integer(range), repeatable: false, required: false, alias: nil,
                          helpLines: [first] + help)
    }
    static let jobs = OptionSpec("--jobs", "N", .integer(1...1024), help: "replications run in parallel (default: number of cores)")
    static let results = OptionSpec("--results", "DIR", .folder,
                                    help: "keep each finished replication in DIR (created when missing); the same",
                                    "command run again (e.g. after Ctrl-C) reuses them and runs only the missing ones")
    static let shard = OptionSpec("--shard", "I/N", .form(expected: "I/N with 0 ≤ I < N (or env, env/N, env-B/N)", wrongExample: "3/2",
                                                          accepts: Sharding.isShardForm),
                                  help: "run only replications I, I+N, I+2N… (0 ≤ I < N) and write them to",
                                  "the --json file as a slice for `motcua merge`; `--shard env` maps a",
                                  "Slurm array task onto a shard; `--shard env/N` (or `env-B/N` for arrays",
                                  "numbered from B) takes I from JOB_COMPLETION_INDEX (Kubernetes) or",
                                  "SLURM_ARRAY_TASK_ID (see docs/cluster.md)")
    /// The replication options: how many runs and where they are kept.
    static func replicationOptions(default value: Int, range: ClosedRange<Int>) -> [OptionSpec] {
        [replications(default: value, range: range, "with 2 or more, values carry 95% confidence intervals and verdicts use them"),
         jobs, results]
    }

    static let json = OptionSpec("--json", "FILE", .output, help: "also write the results as JSON (docs/output-format.md)")
    static let csv = OptionSpec("--csv", "DIR", .folder, help: "also write tidy CSV tables (targets, fields, offices, daily) into DIR")
    static let html = OptionSpec("--html", "FILE", .output,
                                 help: "also write a one-page report with charts (self-contained, prints on A4)")
    static let events = OptionSpec("--events", "FILE", .output,
                                   help: "stream the per-dossier log of the first replication to a CSV file",
                                   "(code, procedure, field, office, channel, received, appointment,",
                                   "finished, status, supplements; dates dd/MM/yyyy HH:mm)")
    static let xlsx = OptionSpec("--xlsx", "FILE", .output,
                                 help: "also write the --csv tables as one Excel workbook, a sheet per table",
                                 "(numbers stored as numbers, shares with a percentage format)")
    /// The report outputs of an experiment.
    static let reports = [json, csv, html, xlsx]

    static let language = OptionSpec("--lang", "en|vi", .choice(Language.allCases.map(\.rawValue)),
                                     help: "language of the report (default en; vi uses the plans' terms)")
}

/// A command: its name, what it does, its arguments and options, and what runs it. The parser,
/// `motcua <command> --help`, `motcua help <command>` and the top-level usage all come from it.
struct CommandSpec: Sendable {
    let name: String
    /// One line for the top-level list.
    let summary: String
    let positionals: [PositionalSpec]
    /// The paragraph of the help under the usage line.
    let details: String
    /// The options, `--help` included last.
    let options: [OptionSpec]
    /// Runs the command with its parsed arguments.
    let run: @Sendable (ParsedArguments) async throws(CommandFailure) -> Void

    init(_ name: String, summary: String, positionals: [PositionalSpec], options: [OptionSpec], details: String,
         run: @escaping @Sendable (ParsedArguments) async throws(CommandFailure) -> Void) {
        self.name = name
        self.summary = summary
        self.positionals = positionals
        self.options = options + [OptionGroup.help]
        self.details = details
        self.run = run
    }

    func option(_ name: String) -> OptionSpec? { options.first { $0.name == name || $0.alias == name } }

    /// `motcua run <scenario.json> [--seed N] …`, wrapped at 100 columns.
    var synopsis: String {
        var lines = ["motcua \(name)"]
        let words = positionals.map(\.synopsis) + options.filter { $0.name != "--help" }.map { $0.required ? $0.synopsis : "[\($0.synopsis)]" }
        for word in words {
            if lines[lines.count - 1].count + 1 + word.count > 100 {
                lines.append(String(repeating: " ", count: "motcua \(name)".count) + " " + word)
            } else {
                lines[lines.count - 1] += " " + word
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The text of `motcua <command> --help` and `motcua help <command>`.
    var help: String {
        let width = max(18, (options.map(\.synopsis.count).max() ?? 0) + 3)
        var lines = ["USAGE: " + synopsis.replacingOccurrences(of: "\n", with: "\n       "), "", details, "", "OPTIONS"]
        for option in options {
            for (i, line) in option.help.enumerated() {
                let label = i == 0 ? option.synopsis : ""
                lines.append("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Parses and checks `arguments`: unknown options, missing values and values of the wrong
    /// kind are usage errors naming the option.
    func parse(_ arguments: [String]) throws(CommandFailure) -> ParsedArguments {
        var parsed = ParsedArguments(command: self)
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if argument == "--" {
                parsed.positional += arguments[i...]
                break
            }
            guard argument.hasPrefix("-") && argument.count > 1 else {
                parsed.positional.append(argument)
                continue
            }
            var name = argument, inline: String?
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            guard let option = option(name) else { throw .usage("unknown option \(name)", command: self) }
            if option.isFlag {
                guard inline == nil else { throw .usage("\(option.name) takes no value", command: self) }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard i < arguments.count else { throw .usage("\(option.name) needs a value (\(option.kind.expectation))", command: self) }
                value = arguments[i]
                i += 1
            }
            guard option.kind.accepts(value) else {
                throw .usage("\(option.name) expects \(option.kind.expectation), found \"\(value)\"", command: self)
            }
            guard option.repeatable || parsed.all[option.name] == nil else {
                throw .usage("\(option.name) is given twice; it takes one value", command: self)
            }
            parsed.all[option.name, default: []].append(value)
        }
        if !parsed.flags.contains("--help"), let missing = options.first(where: { $0.required && parsed.all[$0.name] == nil }) {
            throw .usage("\(missing.name) \(missing.valueName) is needed", command: self)
        }
        return parsed
    }
}

/// The parsed arguments of one command: option values already checked against their kinds.
struct ParsedArguments: Sendable {
    let command: CommandSpec
    /// Values of each option, in the order given (options like `--set` may repeat).
    var all: [String: [String]] = [:]
    var flags: Set<String> = []
    var positional: [String] = []

    init(command: CommandSpec) { self.command = command }

    /// The last value given for `option`.
    func value(_ option: String) -> String? { all[option]?.last }

    /// The values of a repeatable option (none when absent).
    func values(_ option: String) -> [String] { all[option] ?? [] }

    /// The `--set path=value` pairs (their form was checked by the parser).
    var settings: [(String, String)] {
        values("--set").compactMap { item in
            guard let eq = item.firstIndex(of: "=") else { return nil }
            return (String(item[..<eq]), String(item[item.index(after: eq)...]))
        }
    }

    /// An integer option's value, or `fallback` when absent (its range was checked).
    func integer(_ option: String, default fallback: Int) -> Int { value(option).flatMap { Int($0) } ?? fallback }

    /// A decimal option's value, or `fallback` when absent.
    func decimal(_ option: String, default fallback: Double) -> Double { value(option).flatMap { Double($0) } ?? fallback }

    /// The `--seed` override, if any.
    var seed: UInt64? { value("--seed").flatMap { UInt64($0) } }

    /// The `--load` factor (1 when absent).
    var load: Double { decimal("--load", default: 1) }

    /// The `--lang` choice (English when absent).
    var language: Language { value("--lang").flatMap(Language.init(rawValue:)) ?? .en }
}
