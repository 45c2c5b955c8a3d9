import Testing
@testable import MotCua

/// Numbers, dates and months in Vietnamese and English conventions (issue #18).
@Suite("Locale formats")
struct LocaleFormatTests {
    @Test("counts group thousands with . in Vietnamese and , in English")
    func counts() {
        #expect(Format.count(5_418_279, in: .vi) == "5.418.279")
        #expect(Format.count(5_418_279, in: .en) == "5,418,279")
        #expect(Format.count(0, in: .vi) == "0")
        #expect(Format.count(999, in: .vi) == "999")
        #expect(Format.count(1000, in: .vi) == "1.000")
        #expect(Format.count(-1_234_567, in: .vi) == "-1.234.567")
        #expect(Format.count(-12, in: .en) == "-12")
        #expect(Format.count(Int.max, in: .en) == "9,223,372,036,854,775,807")
        #expect(Format.count(Int.min, in: .vi) == "-9.223.372.036.854.775.808")
    }

    @Test("percentages use the language's decimal mark and round half away from zero")
    func percentages() {
        #expect(Format.percent(0.9982, in: .vi) == "99,82%")
        #expect(Format.percent(0.9982, in: .en) == "99.82%")
        #expect(Format.percent(0.9982, decimals: 1, in: .vi) == "99,8%")
        #expect(Format.percent(0.9982, decimals: 0, in: .en) == "100%")
        // 0.99995 is stored just below 0.99995: the reader's value, not the binary one, is rounded.
        #expect(Format.percent(0.99995, in: .vi) == "100,00%")
        #expect(Format.percent(0.99994999, in: .vi) == "99,99%")
        #expect(Format.percent(0.00005, in: .en) == "0.01%")
        #expect(Format.percent(0.000049, in: .en) == "0.00%")
        #expect(Format.percent(0, in: .vi) == "0,00%")
        #expect(Format.percent(1, in: .vi) == "100,00%")
        #expect(Format.percent(-0.0123, in: .vi) == "-1,23%")
        #expect(Format.percent(-0.00001, in: .vi) == "0,00%")  // no "-0,00%"
        #expect(Format.percent(12.5, in: .vi) == "1.250,00%")
        #expect(Format.percent(1e-7, decimals: 6, in: .en) == "0.000010%")
        #expect(Format.percent(.nan, in: .vi) == "—")
        #expect(Format.percent(.infinity, in: .en) == "—")
    }

    @Test("decimals: 1,5 in Vietnamese, 1.5 in English, thousands grouped")
    func decimals() {
        #expect(Format.decimal(1.5, decimals: 1, in: .vi) == "1,5")
        #expect(Format.decimal(1.5, decimals: 1, in: .en) == "1.5")
        #expect(Format.decimal(12_345.5, decimals: 1, in: .vi) == "12.345,5")
        #expect(Format.decimal(12_345.5, decimals: 2, in: .en) == "12,345.50")
        #expect(Format.decimal(2.5, decimals: 0, in: .en) == "3")
        #expect(Format.decimal(-2.5, decimals: 0, in: .en) == "-3")
        #expect(Format.decimal(0.05, decimals: 1, in: .vi) == "0,1")
        #expect(Format.decimal(9.96, decimals: 1, in: .vi) == "10,0")
        #expect(Format.decimal(0, decimals: 2, in: .vi) == "0,00")
        #expect(Format.decimal(1e20, decimals: 0, in: .en) == "100,000,000,000,000,000,000")
        #expect(Format.decimal(1.25e-5, decimals: 6, in: .vi) == "0,000013")
        #expect(Format.decimal(7, decimals: -1, in: .vi) == "7")
        #expect(Format.decimal(-.infinity, decimals: 1, in: .vi) == "—")
    }

    @Test("percentage points: điểm % in Vietnamese, pp in English, signed")
    func points() {
        #expect(Format.percentagePoints(0.015, in: .vi) == "+1,5 điểm %")
        #expect(Format.percentagePoints(0.015, in: .en) == "+1.5 pp")
        #expect(Format.percentagePoints(-0.0234, decimals: 2, in: .vi) == "-2,34 điểm %")
        #expect(Format.percentagePoints(0, in: .en) == "0.0 pp")
        #expect(Format.percentagePoints(-0.0001, in: .vi) == "0,0 điểm %")
        #expect(Format.percentagePoints(.nan, in: .vi) == "—")
    }

    @Test("dates: dd/MM/yyyy in Vietnamese, ISO in English")
    func dates() throws {
        let date = try #require(CivilDate(year: 2024, month: 3, day: 5))
        #expect(Format.date(date, in: .vi) == "05/03/2024")
        #expect(Format.date(date, in: .en) == "2024-03-05")
        let end = try #require(CivilDate(year: 2024, month: 12, day: 31))
        #expect(Format.date(end, in: .vi) == "31/12/2024")
        let early = try #require(CivilDate(year: 987, month: 1, day: 1))
        #expect(Format.date(early, in: .vi) == "01/01/0987")
    }

    @Test("months: thg 1 or 01/2024 in Vietnamese, Jan 2024 in English, never 1/24")
    func months() throws {
        let january = try #require(CivilDate(year: 2024, month: 1, day: 15))
        let december = try #require(CivilDate(year: 2024, month: 12, day: 1))
        #expect(Format.month(of: january, in: .vi) == "01/2024")
        #expect(Format.month(of: january, in: .vi, withYear: false) == "thg 1")
        #expect(Format.month(of: december, in: .vi, withYear: false) == "thg 12")
        #expect(Format.month(of: december, in: .vi) == "12/2024")
        #expect(Format.month(of: january, in: .en) == "Jan 2024")
        #expect(Format.month(of: december, in: .en, withYear: false) == "Dec")
    }
}
