/// Reads one JSON object field by field, reporting wrong types, out-of-range values and
/// unknown keys (with a suggestion) against the object's path.
struct ObjectReader {
    let path: String
    let members: [(key: String, value: JSONValue)]
    let diagnostics: Diagnostics

    /// Keys every object may carry: provenance and remarks, kept but not interpreted
    /// (`sourceVi`, `notesVi`: the source and the notes in Vietnamese, for `--lang vi` reports).
    static let annotationKeys: Set<String> = ["source", "sourceVi", "notes", "notesVi", "comment"]

    init?(_ value: JSONValue?, path: String, diagnostics: Diagnostics, keys allowed: Set<String>) {
        guard let value else { return nil }
        guard case .object(let members) = value else {
            diagnostics.report(path, "expected an object, found \(value.typeName)")
            return nil
        }
        self.path = path
        self.members = members
        self.diagnostics = diagnostics
        for (key, member) in members where !allowed.contains(key) {
            if ObjectReader.annotationKeys.contains(key) {
                if case .string = member {} else {
                    diagnostics.report(child(key), "expected a string (a source or a note), found \(member.typeName)")
                }
                continue
            }
            var message = "unknown key \"\(key)\""
            if let suggestion = ObjectReader.closest(to: key, among: allowed) { message += " (did you mean \"\(suggestion)\"?)" }
            message += "; expected one of: " + allowed.sorted().joined(separator: ", ")
            diagnostics.report(child(key), message)
        }
    }

    func child(_ key: String) -> String { path == "$" ? key : "\(path).\(key)" }

    subscript(key: String) -> JSONValue? {
        let value = members.first { $0.key == key }?.value
        // In an overlay, null removes the key from the base: there is nothing to check.
        if diagnostics.checksOverlay, value == .null { return nil }
        return value
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    func missing(_ key: String, _ expected: String) {
        if diagnostics.checksOverlay { return }  // an overlay changes only what it names
        diagnostics.report(child(key), "missing; expected \(expected)")
    }

    func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
        guard let value = self[key] else {
            if required { missing(key, "a string") }
            return nil
        }
        guard case .string(let text) = value else {
            diagnostics.report(child(key), "expected a string, found \(value.typeName)")
            return nil
        }
        if nonEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.report(child(key), "expected a non-empty string")
            return nil
        }
        if let control = text.unicodeScalars.first(where: Self.isControl) {
            // A terminal escape in an id or a name would reach the planner's terminal raw.
            diagnostics.report(child(key), "expected text without control characters, found "
                               + "U+\(String(format: "%04X", control.value)) in \(Self.describe(value))")
            return nil
        }
        return text
    }

    /// Control characters other than tab and line breaks (C0, DEL, C1).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
    }

    /// `text` with its control characters spelled as `\u{1B}`, safe to print on a terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number with bounds; `above` is an exclusive lower bound.
    func number(_ key: String, required: Bool = true, atLeast: Double? = nil, above: Double? = nil,
                atMost: Double? = nil) -> Double? {
        guard let value = self[key] else {
            if required { missing(key, "a number") }
            return nil
        }
        return ObjectReader.number(value, path: child(key), diagnostics: diagnostics, atLeast: atLeast, above: above, atMost: atMost)
    }

    static func number(_ value: JSONValue, path: String, diagnostics: Diagnostics, atLeast: Double? = nil,
                       above: Double? = nil, atMost: Double? = nil) -> Double? {
        guard let x = value.numberValue else {
            diagnostics.report(path, "expected a number, found \(value.typeName)")
            return nil
        }
        if let low = atLeast, x < low { diagnostics.report(path, "expected a number ≥ \(format(low)), found \(format(x))"); return nil }
        if let low = above, x <= low { diagnostics.report(path, "expected a number > \(format(low)), found \(format(x))"); return nil }
        if let high = atMost, x > high { diagnostics.report(path, "expected a number ≤ \(format(high)), found \(format(x))"); return nil }
        return x
    }

    func integer(_ key: String, required: Bool = true, atLeast: Int? = nil, atMost: Int? = nil) -> Int? {
        guard let value = self[key] else {
            if required { missing(key, "a whole number") }
            return nil
        }
        guard case .number(let x) = value, x == x.rounded(), abs(x) < 1e15 else {
            diagnostics.report(child(key), "expected a whole number, found \(ObjectReader.describe(value))")
            return nil
        }
        let n = Int(x)
        if let low = atLeast, n < low { diagnostics.report(child(key), "expected a whole number ≥ \(low), found \(n)"); return nil }
        if let high = atMost, n > high { diagnostics.report(child(key), "expected a whole number ≤ \(high), found \(n)"); return nil }
        return n
    }

    func bool(_ key: String) -> Bool? {
        guard let value = self[key] else { return nil }
        guard case .bool(let b) = value else {
            diagnostics.report(child(key), "expected true or false, found \(value.typeName)")
            return nil
        }
        return b
    }

    /// A share: a number from 0 to `atMost` (1 unless said), or a percentage written as text
    /// (`"35%"`), read by the same parser as the percentages of a procedure table.
    func share(_ key: String, required: Bool = true, atMost: Double = 1) -> Double? {
        guard let value = self[key] else {
            if required { missing(key, "a share (a number from 0 to 1, or a percentage such as \"35%\")") }
            return nil
        }
        return ObjectReader.share(value, path: child(key), diagnostics: diagnostics, atMost: atMost)
    }

    static func share(_ value: JSONValue, path: String, diagnostics: Diagnostics, atMost: Double = 1) -> Double? {
        guard case .string(let text) = value else {
            return number(value, path: path, diagnostics: diagnostics, atLeast: 0, atMost: atMost)
        }
        guard text.trimmingCharacters(in: .whitespaces).hasSuffix("%"),
              let share = ProcedureTable.number(text, decimalComma: false, percentAllowed: true) else {
            diagnostics.report(path, "expected a share: a number from 0 to 1 or a percentage such as \"35%\", "
                               + "found \(describe(value))")
            return nil
        }
        guard share >= 0 && share <= atMost else {
            diagnostics.report(path, "expected a percentage from 0% to \(format(atMost * 100))%, found \(describe(value))")
            return nil
        }
        return share
    }

    func array(_ key: String, required: Bool = true, nonEmpty: Bool = false) -> [(path: String, value: JSONValue)]? {
        guard let value = self[key] else {
            if required { missing(key, "an array") }
            return nil
        }
        guard case .array(let elements) = value else {
            diagnostics.report(child(key), "expected an array, found \(value.typeName)")
            return nil
        }
        if nonEmpty && elements.isEmpty { diagnostics.report(child(key), "expected at least one element"); return nil }
        return ObjectReader.elementPaths(child(key), elements)
    }

    /// The paths of a list's elements. An element with an id of its own is named by it
    /// (`offices[land-branch]`), so the planner finds it in the file without counting; elements
    /// of anonymous lists (steps, sessions), and ids used twice or not usable in a path, by their
    /// position (`steps[0]`).
    static func elementPaths(_ list: String, _ elements: [JSONValue]) -> [(path: String, value: JSONValue)] {
        let ids = elements.map { element -> String? in
            guard case .string(let id)? = element["id"], isPathID(id) else { return nil }
            return id
        }
        var uses: [String: Int] = [:]
        for case let id? in ids { uses[id, default: 0] += 1 }
        return elements.indices.map { i in
            if let id = ids[i], uses[id] == 1 { return ("\(list)[\(id)]", elements[i]) }
            return ("\(list)[\(i)]", elements[i])
        }
    }

    /// Whether an id can name its element in a path: not empty, not a position, no brackets or
    /// control characters (which would make the path ambiguous or unsafe to print).
    static func isPathID(_ id: String) -> Bool {
        !id.trimmingCharacters(in: .whitespaces).isEmpty && Int(id) == nil
            && !id.contains(where: { $0 == "[" || $0 == "]" }) && !id.unicodeScalars.contains(where: isControl)
    }

    func object(_ key: String, required: Bool = true, keys: Set<String>) -> ObjectReader? {
        guard let value = self[key] else {
            if required { missing(key, "an object") }
            return nil
        }
        return ObjectReader(value, path: child(key), diagnostics: diagnostics, keys: keys)
    }

    /// One of a fixed set of words.
    func choice(_ key: String, _ options: [String], required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard options.contains(text) else {
            diagnostics.report(child(key), "expected one of \(options.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(text)\"")
            return nil
        }
        return text
    }

    static func describe(_ value: JSONValue) -> String {
        if case .number(let x) = value { return format(x) }
        if case .exactInteger(let n) = value { return n.description }
        if case .string(let s) = value { return "\"\(printable(s))\"" }
        return value.typeName
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    /// The allowed key nearest to a misspelt one (edit distance ≤ 2), for "did you mean".
    static func closest(to key: String, among allowed: Set<String>) -> String? {
        let lowered = Array(key.lowercased())
        var best: (String, Int)?
        for candidate in allowed.sorted() {
            let d = editDistance(lowered, Array(candidate.lowercased()))
            if d <= 2, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension ObjectReader {
    /// The object's `source` annotation when it is text, else nil: read for the reports
    /// (docs/model.md §7.3), never checked, as annotations are not.
    var sourceNote: String? {
        if case .string(let text)? = self["source"] { return text }
        return nil
    }
}
