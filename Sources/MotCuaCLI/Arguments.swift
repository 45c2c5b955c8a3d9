/// A command-line usage error: the message is printed with the usage and the exit status is 2.
struct UsageError: Error {
    let message: String
}

/// The parsed arguments of one command: options with values, flags, and positional arguments.
struct ParsedArguments {
    var values: [String: String] = [:]
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
                        values[name] = inline
                    } else {
                        guard i + 1 < arguments.count else { throw UsageError(message: "\(name) needs a value") }
                        values[name] = arguments[i + 1]
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

    /// The value of `option` as a whole number within `range`, or `fallback` when absent.
    func integer(_ option: String, in range: ClosedRange<Int>, default fallback: Int) throws(UsageError) -> Int {
        guard let text = values[option] else { return fallback }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError(message: "\(option) expects a whole number from \(range.lowerBound) to \(range.upperBound), found \"\(text)\"")
        }
        return n
    }
}
