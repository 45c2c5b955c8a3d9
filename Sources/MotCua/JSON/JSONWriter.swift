/// Serializes a ``JSONValue`` deterministically: keys in the order given, numbers in Swift's
/// shortest round-trip form (whole numbers without a decimal point, 64-bit integers exactly),
/// non-finite numbers as `null`, two-space indentation.
public enum JSONWriter {
    /// The text of `value`, ending with a newline.
    public static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += number(x)
        case .exactInteger(let n): out += n.description
        case .string(let s): out += quoted(s)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            if elements.allSatisfy({ $0.numberValue != nil }) {
                out += "[" + elements.map { element in
                    var text = ""
                    write(element, indent: 0, into: &text)
                    return text
                }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(element, indent: indent + 2, into: &out)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2) + quoted(member.key) + ": "
                write(member.value, indent: indent + 2, into: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        // Every whole number up to 2⁵³ is exact in a Double: written as an integer, it reads back the same.
        if x == x.rounded(), abs(x) <= Double(ExactInteger.exactDoubleLimit) { return String(Int64(x)) }
        return String(x)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
