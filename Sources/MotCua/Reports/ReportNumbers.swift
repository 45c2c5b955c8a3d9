/// The numbers of a report in its language: Vietnamese by the rules of ``Format``'s
/// locale-aware functions (5.418.279; 99,82%; 31/12/2024), English exactly as the reports have
/// always written them, so English outputs stay byte-identical.
struct ReportNumbers: Sendable {
    let language: Language

    private var english: Bool { language == .en }

    /// A whole count: `5,418,279` / `5.418.279`.
    func count(_ n: Int) -> String { english ? Format.count(n) : Format.count(n, in: language) }

    /// A mean count, to the nearest whole or with `decimals` decimals; `—` when undefined.
    func meanCount(_ x: Double, decimals: Int = 0) -> String {
        if english { return Format.meanCount(x, decimals: decimals) }
        guard x.isFinite, abs(x) < 1e15 else { return "—" }
        return decimals > 0 ? Format.decimal(x, decimals: decimals, in: language) : count(Int(x.rounded()))
    }

    /// A share as a percentage: `99.82%` / `99,82%`.
    func percent(_ x: Double, _ decimals: Int = 2) -> String {
        english ? Format.percent(x, decimals) : Format.percent(x, decimals: decimals, in: language)
    }

    /// A number with fixed decimals: `1.5` / `1,5`.
    func fixed(_ x: Double, _ decimals: Int) -> String {
        english ? Format.fixed(x, decimals) : Format.decimal(x, decimals: decimals, in: language)
    }

    /// A duration in minutes, in the unit a reader expects (see ``Format/duration(minutes:vietnamese:)``).
    func duration(minutes m: Double) -> String {
        if english { return Format.duration(minutes: m) }
        guard m.isFinite else { return "—" }
        if m < 120 { return fixed(m, 1) + " phút" }
        if m < 48 * 60 { return fixed(m / 60, 1) + " giờ" }
        return fixed(m / 1440, 1) + " ngày"
    }

    /// An input value as the scenario gives it, every digit it has (`0.65`, `0.0`): English as
    /// Swift writes a `Double`, as the reports always have; Vietnamese with a decimal comma and
    /// no empty decimals (`0,65`, `0`).
    func input(_ x: Double) -> String {
        if english { return "\(x)" }
        let text = "\(x)"
        // The shortest form's decimals; an exponent form ("1e-05") keeps up to 6.
        let decimals = text.contains("e") ? 6 : text.split(separator: ".").dropFirst().first.map { $0 == "0" ? 0 : $0.count } ?? 0
        return fixed(x, decimals)
    }

    /// A date: ISO `2024-12-31` / `31/12/2024`.
    func date(_ date: CivilDate) -> String { Format.date(date, in: language) }
}

extension Language {
    /// How numbers, shares and dates are written in this language's reports.
    var numbers: ReportNumbers { ReportNumbers(language: self) }
}
