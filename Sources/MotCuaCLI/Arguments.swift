import MotCua

/// A command-line usage error: the message is printed with the usage and the exit status is 2.
struct UsageError: Error {
    let message: String
}

/// The parsed arguments of one command: options with values, flags, and positional arguments.
struct ParsedArguments {
    /// Values of each option, in the order given (options like `--set` may repeat).
    var all: [String: [String]] = [:]
    var flags: Set<String> = []
    var positional: [String] = []

    /// Parses `arguments` against the options (taking a value) and flags the command knows.
    init(_ arguments: [String], options: Set<String>, flags known: Set<String>) throws(UsageError) {
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" {
                positional += arguments[(i + 1)...]
                break
            }
            if argument.hasPrefix("-") && argument.count > 1 {
                var name = argument, inline: String?
                if let eq = argument.firstIndex(of: "=") {
                    name = String(argument[..<eq])
                    inline = String(argument[argument.index(after: eq)...])
                }
                if options.contains(name) {
                    if let inline {
                        all[name, default: []].append(inline)
                    } else {
                        guard i + 1 < arguments.count else { throw UsageError(message: "\(name) needs a value") }
                        all[name, default: []].append(arguments[i + 1])
                        i += 1
                    }
                } else if known.contains(name), inline == nil {
                    flags.insert(name)
                } else {
                    throw UsageError(message: "unknown option \(name)")
                }
            } else {
                positional.append(argument)
            }
            i += 1
        }
    }

    /// The last value given for `option`.
    var values: [String: String] { all.compactMapValues(\.last) }

    /// The `--set path=value` pairs.
    func settings() throws(UsageError) -> [(String, String)] {
        var result: [(String, String)] = []
        for item in all["--set"] ?? [] {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw UsageError(message: "--set expects path=value (e.g. offices.land-branch.staff=6), found \"\(item)\"")
            }
            result.append((String(item[..<eq]), String(item[item.index(after: eq)...])))
        }
        return result
    }

    /// The `--load` factor (1 when absent): a number above 0 and at most 100.
    func loadFactor() throws(UsageError) -> Double {
        guard let text = values["--load"] else { return 1 }
        guard let x = Double(text), x > 0, x <= 100 else {
            throw UsageError(message: "--load expects a number above 0 and at most 100, found \"\(text)\"")
        }
        return x
    }

    /// The `--lang` choice (English when absent).
    func language() throws(UsageError) -> Language {
        guard let text = values["--lang"] else { return .en }
        guard let language = Language(rawValue: text) else { throw UsageError(message: "--lang expects en or vi, found \"\(text)\"") }
        return language
    }

    /// The value of `option` as a whole number within `range`, or `fallback` when absent.
    func integer(_ option: String, in range: ClosedRange<Int>, default fallback: Int) throws(UsageError) -> Int {
        guard let text = values[option] else { return fallback }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError(message: "\(option) expects a whole number from \(range.lowerBound) to \(range.upperBound), found \"\(text)\"")
        }
        return n
    }
}
