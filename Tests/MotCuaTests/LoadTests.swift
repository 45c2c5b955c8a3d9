import Testing
@testable import MotCua

@Suite("Arrival load: volumes, profiles and surges")
struct LoadTests {
    func received(_ load: String, volume: Double = 52_596, days: Int = 28) async throws -> RunResult {
        let json = minimalScenario
            .replacingOccurrences(of: #""days": 10"#, with: #""days": \#(days)"#)
            .replacingOccurrences(of: #""yearlyVolume": 1000"#, with: #""yearlyVolume": \#(volume)"#)
            .replacingOccurrences(of: #""calendar": {"mode": "always-open"},"#, with: #""calendar": {"mode": "always-open"}, \#(load)"#)
        let model = SimulationModel(scenario: try decodeScenario(json))
        return try await SimulationRun(model: model, seed: 8).run()
    }

    @Test("whole weeks get their share of the yearly volume whatever the weekday and hour profile")
    func volumeKept() async throws {
        // 52,596 a year is 0.1 per minute: 4,032 expected in 28 days (sd ≈ 63.5); the shaped year
        // from Monday 2024-01-01 weighs 403.65 weekday units, so its four weeks expect 4,013.
        let flat = try await received("")
        let shaped = try await received(#""load": {"weekday": [3, 1, 1, 1, 1, 0.5, 0.2], "hour": [0,0,0,0,0,0,0,1,3,3,2,1,1,2,2,2,1,0,0,0,0,0,0,0]},"#)
        for result in [flat, shaped] {
            #expect(abs(Double(result.conservation.received) - 4032) < 4 * 63.5)
        }
    }

    @Test("no arrivals where the factor is zero, and proportionally more where it is high")
    func thinning() async throws {
        let result = try await received(#""load": {"weekday": [2, 1, 1, 1, 1, 0, 0]},"#)
        // 2024-01-01 is a Monday: days 5, 6 (weekend) get nothing; Mondays about twice Tuesdays.
        for week in 0..<4 {
            #expect(result.receivedPerDay[week * 7 + 5] == 0 && result.receivedPerDay[week * 7 + 6] == 0)
        }
        let mondays = (0..<4).reduce(0) { $0 + Int(result.receivedPerDay[$1 * 7]) }
        let tuesdays = (0..<4).reduce(0) { $0 + Int(result.receivedPerDay[$1 * 7 + 1]) }
        #expect(abs(Double(mondays) / Double(tuesdays) - 2) < 0.25)
    }

    @Test("a dated surge raises the load on its days only")
    func surge() async throws {
        let result = try await received(#""load": {"surges": [{"from": "2024-01-08", "to": "2024-01-14", "factor": 3, "label": "pre-Tết"}]},"#)
        let week = { (w: Int) in (0..<7).reduce(0) { $0 + Int(result.receivedPerDay[w * 7 + $1]) } }
        #expect(abs(Double(week(1)) / Double(week(0)) - 3) < 0.3)
        #expect(abs(Double(week(2)) / Double(week(0)) - 1) < 0.15)
    }

    @Test("a surge over the whole horizon raises its load: the yearly volume is spread over the year, not the horizon")
    func surgeCoveringTheHorizon() async throws {
        // ×3 on all 28 days: the year from the start weighs 28 × 3 + 337.25 = 421.25 days, of which
        // the horizon holds 84, so 52,596 × 84 / 421.25 ≈ 10,488 arrive (sd ≈ 102); spread over the
        // horizon (the rule until motcua-model/8) it was 4,032, as without the surge.
        let load = #""load": {"surges": [{"from": "2024-01-01", "to": "2024-01-28", "factor": 3, "label": "Tết"}]},"#
        let result = try await received(load)
        #expect(abs(Double(result.conservation.received) - 10_488) < 4 * 102)
        let json = minimalScenario
            .replacingOccurrences(of: #""days": 10"#, with: #""days": 28"#)
            .replacingOccurrences(of: #""yearlyVolume": 1000"#, with: #""yearlyVolume": 52596"#)
            .replacingOccurrences(of: #""calendar": {"mode": "always-open"},"#, with: #""calendar": {"mode": "always-open"}, \#(load)"#)
        #expect(abs(RunLimits.expectedDossiers(try decodeScenario(json)) - 52_596 * 84 / 421.25) < 1)
    }

    @Test("a stream closed for the whole first year of a longer horizon still receives its calendar share")
    func closedFirstYear() async throws {
        // Factor 0 over all of 2024 (the year from the start: 365.25 days) leaves no year to spread
        // 10,000 over; the stream takes the horizon's calendar share instead, 10,000 × 400 / 365.25
        // ≈ 10,951 (sd ≈ 105), all on the 34 open days of 2025, as RunLimits sizes it.
        let load = #""load": {"surges": [{"from": "2024-01-01", "to": "2024-12-31", "factor": 0, "label": "closed"}]},"#
        let result = try await received(load, volume: 10_000, days: 400)
        let expected: Double = 10_000 * 400 / 365.25
        let received = Double(result.conservation.received)
        #expect(abs(received - expected) < 420)
        let firstYear = result.receivedPerDay.prefix(366).reduce(0) { $0 + Int($1) }
        #expect(firstYear == 0)
    }

    @Test("--load scales every volume")
    func loadFactor() throws {
        let scenario = try decodeScenario(minimalScenario)
        #expect(scenario.scalingLoad(by: 1.3).procedures[0].yearlyVolume == 1300)
    }
}
