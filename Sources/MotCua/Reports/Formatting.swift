import Foundation

/// Number formats of the reports: fixed, locale-independent, so outputs are byte-identical
/// on every machine.
public enum Format {
    /// `1234567` → `1,234,567`.
    public static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// A mean count (per replication), to the nearest whole dossier: `1234.6` → `1,235`; `—` when undefined.
    /// With `decimals` > 0: `88523.33` → `88,523.3`.
    public static func meanCount(_ x: Double, decimals: Int = 0) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return "—" }
        guard decimals > 0 else { return count(Int(x.rounded())) }
        let text = fixed(abs(x), decimals)
        let point = text.firstIndex(of: ".") ?? text.endIndex
        let whole = Int(text[..<point]) ?? 0
        return (x < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + count(whole) + text[point...]
    }

    /// Fixed decimals, rounding half away from zero.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "—" }
        return String(format: "%.\(decimals)f", x)
    }

    /// A share as a percentage: `0.98765` → `98.77%`.
    public static func percent(_ x: Double, _ decimals: Int = 2) -> String {
        guard x.isFinite else { return "—" }
        return fixed(x * 100, decimals) + "%"
    }

    /// A duration in minutes, in the unit a reader expects: minutes, hours or days.
    public static func duration(minutes m: Double, vietnamese: Bool = false) -> String {
        guard m.isFinite else { return "—" }
        if m < 120 { return fixed(m, 1) + (vietnamese ? " phút" : " min") }
        if m < 48 * 60 { return fixed(m / 60, 1) + (vietnamese ? " giờ" : " h") }
        return fixed(m / 1440, 1) + (vietnamese ? " ngày" : " d")
    }

    /// Pads or cuts `text` to `width` characters (left-aligned).
    public static func pad(_ text: String, _ width: Int) -> String {
        if text.count >= width { return String(text.prefix(width)) }
        return text + String(repeating: " ", count: width - text.count)
    }

    /// Splits `text` into lines of at most `width` characters, breaking between words (a word
    /// longer than `width` is split), so a long label is shown whole on continuation lines
    /// instead of being cut.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !line.isEmpty && line.count + 1 + word.count <= width { line += " " + word; continue }
            if !line.isEmpty { lines.append(line); line = "" }
            while word.count > width { lines.append(String(word.prefix(width))); word = word.dropFirst(width) }
            line = String(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` wrapped to `width` (see ``wrap(_:_:)``): the first line padded to `width` to
    /// carry the row's columns, the continuation lines each prefixed by `indent`.
    public static func wrapped(_ text: String, _ width: Int, indent: String) -> (first: String, more: [String]) {
        let lines = wrap(text, width)
        return (pad(lines[0], width), lines.dropFirst().map { indent + $0 })
    }

    /// Right-aligns `text` in `width` characters.
    public static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
