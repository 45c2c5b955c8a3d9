import Foundation

/// Numbers, dates and months as a reader of each language writes them (issue #18): Vietnamese
/// groups thousands with `.` and writes decimals with `,` (5.418.279; 99,82%), dates as
/// dd/MM/yyyy and months as "thg 1" or "01/2024"; English uses 5,418,279, 99.82%, ISO dates
/// and "Jan 2024".
///
/// Like the rest of ``Format`` these are fixed, locale-independent rules: the same output on
/// every machine whatever its settings. Decimals are rounded half away from zero on the value
/// as it is written (its shortest decimal form), so 0.99995 at two decimals is 100,00% — not
/// 99,99% as the binary value just under 0.99995 would give.
extension Format {
    /// A count with the language's thousands separator: `5.418.279` (vi), `5,418,279` (en).
    public static func count(_ n: Int, in language: Language) -> String {
        (n < 0 ? "-" : "") + grouped(String(n.magnitude), by: language.thousandsSeparator)
    }

    /// A number with `decimals` decimals, thousands grouped: `1,5` and `12.345,5` (vi),
    /// `1.5` and `12,345.5` (en). Not finite: `—`.
    public static func decimal(_ x: Double, decimals: Int, in language: Language) -> String {
        guard let (negative, integer, fraction) = roundedDigits(x, timesPowerOfTen: 0, decimals: decimals) else { return "—" }
        return (negative ? "-" : "") + joined(integer, fraction, in: language)
    }

    /// A share as a percentage with `decimals` decimals: `0.9982` → `99,82%` (vi), `99.82%`
    /// (en). Not finite: `—`.
    public static func percent(_ fraction: Double, decimals: Int = 2, in language: Language) -> String {
        guard let (negative, integer, digits) = roundedDigits(fraction, timesPowerOfTen: 2, decimals: decimals) else { return "—" }
        return (negative ? "-" : "") + joined(integer, digits, in: language) + "%"
    }

    /// The difference between two shares in percentage points, signed: `0.015` →
    /// `+1,5 điểm %` (vi), `+1.5 pp` (en); `0,0 điểm %` when it rounds to zero. Not finite: `—`.
    public static func percentagePoints(_ difference: Double, decimals: Int = 1, in language: Language) -> String {
        guard let (negative, integer, digits) = roundedDigits(difference, timesPowerOfTen: 2, decimals: decimals) else { return "—" }
        let isZero = !(integer + digits).contains { $0 != "0" }
        let sign = isZero ? "" : negative ? "-" : "+"
        return sign + joined(integer, digits, in: language) + (language == .vi ? " điểm %" : " pp")
    }

    /// A date: `31/12/2024` (vi), ISO `2024-12-31` (en).
    public static func date(_ date: CivilDate, in language: Language) -> String {
        guard language == .vi else { return date.description }
        let (year, month, day) = date.components
        return twoDigits(day) + "/" + twoDigits(month) + "/" + fourDigits(year)
    }

    /// The month of `date`: with the year, `01/2024` (vi) or `Jan 2024` (en); within a year
    /// already named, `thg 1` (vi) or `Jan` (en). Never the ambiguous `1/24`.
    public static func month(of date: CivilDate, in language: Language, withYear: Bool = true) -> String {
        let (year, month, _) = date.components
        switch (language, withYear) {
        case (.vi, true): return twoDigits(month) + "/" + fourDigits(year)
        case (.vi, false): return "thg \(month)"
        case (.en, true): return englishMonths[month - 1] + " " + fourDigits(year)
        case (.en, false): return englishMonths[month - 1]
        }
    }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

    static func fourDigits(_ n: Int) -> String {
        let digits = String(n.magnitude)
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `integer` grouped, then the language's decimal mark and `fraction` when there is one.
    static func joined(_ integer: String, _ fraction: String, in language: Language) -> String {
        let whole = grouped(integer, by: language.thousandsSeparator)
        return fraction.isEmpty ? whole : whole + language.decimalMark + fraction
    }

    /// `digits` with `separator` every three digits from the right.
    static func grouped(_ digits: String, by separator: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    /// `x × 10^power` rounded half away from zero to `decimals` decimals, as its sign, integer
    /// digits and fraction digits; `nil` when `x` is not finite. The rounding works on the
    /// decimal digits of `x`'s shortest representation, so it rounds the number a reader sees.
    static func roundedDigits(_ x: Double, timesPowerOfTen power: Int, decimals: Int) -> (negative: Bool, integer: String, fraction: String)? {
        guard x.isFinite else { return nil }
        let decimals = max(0, decimals)
        // "99.995", "1e-05", "1.5e+20": mantissa digits and a power of ten.
        let text = "\(x.magnitude)"
        let parts = text.split(separator: "e")
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let fractionText = mantissa.count == 2 ? mantissa[1] : ""
        var digits = (mantissa[0] + fractionText).compactMap { $0.wholeNumberValue }
        // value × 10^decimals = digits × 10^shift
        let shift = exponent - fractionText.count + power + decimals
        if shift >= 0 {
            digits += Array(repeating: 0, count: shift)
        } else {
            let kept = digits.count + shift
            let roundsUp = kept >= 0 && kept < digits.count && digits[kept] >= 5
            digits = kept > 0 ? Array(digits[..<kept]) : []
            if roundsUp {
                var i = digits.count - 1
                while i >= 0 && digits[i] == 9 { digits[i] = 0; i -= 1 }
                if i >= 0 { digits[i] += 1 } else { digits.insert(1, at: 0) }
            }
        }
        while digits.count > 1 && digits[0] == 0 { digits.removeFirst() }
        if digits.count < decimals + 1 { digits = Array(repeating: 0, count: decimals + 1 - digits.count) + digits }
        let all = digits.map(String.init).joined()
        let integer = String(all.prefix(all.count - decimals))
        let fraction = String(all.suffix(decimals))
        let isZero = !all.contains { $0 != "0" }
        return (x < 0 && !isZero, integer, fraction)
    }
}

extension Language {
    /// Between groups of three digits: `.` in Vietnamese, `,` in English.
    var thousandsSeparator: String { self == .vi ? "." : "," }

    /// Between the integer and the decimals: `,` in Vietnamese, `.` in English.
    var decimalMark: String { self == .vi ? "," : "." }
}
