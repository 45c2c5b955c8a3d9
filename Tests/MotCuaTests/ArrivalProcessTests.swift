import Foundation
import Testing
@testable import MotCua

/// The arrival process checked against its profile: counts by hour of the day and by weekday,
/// the yearly total, and profiles whose rate is concentrated in a few hours (issue #15 item 6).
@Suite("Arrivals: inversion of the cumulative rate")
struct ArrivalProcessTests {
    static let goVap = "scenarios/go-vap-2024.json"

    /// Arrival times drawn from `rate` the way the run does (``SimulationRun/scheduleArrival``).
    func arrivals(_ rate: CumulativeRate, meanGap: Double, seed: UInt64) -> [SimTime] {
        var random = RandomStream(seed: seed, stream: "test/arrivals")
        var cursor = ArrivalCursor()
        var times: [SimTime] = []
        while true {
            cursor.position += meanGap * Ziggurat.exponential(&random, Ziggurat.exponentialTables.layers)
            guard let time = rate.time(reaching: cursor.position, cursor: &cursor) else { return times }
            times.append(time)
        }
    }

    /// Pearson's statistic of `observed` against `expected` over the cells expected to receive
    /// something, and the number of such cells; a cell expected to be empty must be empty.
    func chiSquare(_ observed: [Int], _ expected: [Double]) -> (statistic: Double, cells: Int) {
        var statistic = 0.0, cells = 0
        for (o, e) in zip(observed, expected) {
            if e == 0 { #expect(o == 0, "arrivals in a cell whose rate is zero"); continue }
            statistic += (Double(o) - e) * (Double(o) - e) / e
            cells += 1
        }
        return (statistic, cells)
    }

    @Test("counts by hour of the day and by weekday match the profile (chi-square), paper and online")
    func countsMatchProfile() throws {
        // A year of Gò Vấp with a shaped week, a morning peak, a surge and a desk with a lunch break.
        let scenario = try ScenarioLoader.load(path: Repository.path(ArrivalProcessTests.goVap), overlays: [], settings: [
            ("load.weekday", "[1.6, 1, 0.8, 1, 1.3, 0.4, 0.1]"),
            ("load.hour", "[0.2,0,0,0.5,0,0,0,0.9,3,2.5,1.2,0.6,0.4,0.9,1.1,2,0.5,0.4,0.3,0.3,0.3,0.2,0.1,1]"),
        ])
        let model = SimulationModel(scenario: scenario)
        let days = scenario.horizon.days
        let profile = scenario.load
        let dayFactors = profile.dayFactors(model.calendar)
        for online in [false, true] {
            let stream = try #require(model.streams.first { $0.online == online && !$0.postal && $0.rate >= 0 })
            let rate = model.cumulativeRates[stream.rate]
            let schedule = online ? nil : model.schedules[model.offices[Int(stream.office)].schedule]
            // The expectation computed apart from the cumulative tables: open minutes of each hour
            // of each day times its factors.
            var byHour = [Double](repeating: 0, count: 24), byWeekday = [Double](repeating: 0, count: 7)
            for d in 0..<days {
                let weekday = model.calendar.date(ofDay: d).weekday - 1
                for h in 0..<24 {
                    let from = Double(d * 1440 + h * 60)
                    let open = schedule.map { $0.openMinutes(from: from, to: from + 60) } ?? 60
                    let weight = open * dayFactors[d] * profile.hour[h]
                    byHour[h] += weight
                    byWeekday[weekday] += weight
                }
            }
            let total = byHour.reduce(0, +)
            #expect(abs(total - rate.total) <= 1e-9 * total)
            let expectedCount = 200_000.0
            let times = arrivals(rate, meanGap: rate.total / expectedCount, seed: online ? 2 : 1)
            var hours = [Int](repeating: 0, count: 24), weekdays = [Int](repeating: 0, count: 7)
            for time in times {
                let d = Int(time / 1440)
                hours[Int((time - Double(d) * 1440) / 60)] += 1
                weekdays[model.calendar.date(ofDay: d).weekday - 1] += 1
                if let schedule { #expect(schedule.openMinutes(from: time, to: time + 1e-6) > 0, "a paper arrival at a closed desk") }
            }
            // The total within its Poisson interval (±3.3 sd, 99.9%).
            #expect(abs(Double(times.count) - expectedCount) < 3.3 * expectedCount.squareRoot())
            // Chi-square with k − 1 degrees of freedom: mean k − 1, sd √(2(k − 1)); 5 sd is far
            // beyond the 99.99th percentile, while a wrong factor in one cell adds thousands.
            let n = Double(times.count)
            for (observed, weights) in [(hours, byHour), (weekdays, byWeekday)] {
                let (statistic, cells) = chiSquare(observed, weights.map { $0 / total * n })
                let freedom = Double(cells - 1)
                #expect(statistic < freedom + 5 * (2 * freedom).squareRoot(),
                        "\(online ? "online" : "paper"): chi-square \(statistic) over \(cells) cells")
            }
        }
    }

    @Test("a year of arrivals in a run keeps the yearly volume within its Poisson interval")
    func yearlyVolumeKept() async throws {
        let json = minimalScenario
            .replacingOccurrences(of: #""days": 10"#, with: #""days": 365"#)
            .replacingOccurrences(of: #""calendar": {"mode": "always-open"},"#, with: #"""
                "calendar": {"mode": "always-open"}, "load": {"month": [3,1,1,1,1,1,1,1,1,1,1,0.2],
                "weekday": [2, 1, 1, 1, 1, 0.3, 0], "hour": [0,0,0,0,0,0,0,1,3,3,2,1,1,2,2,2,1,0,0,0,0,0,0,0]},
                """#)
            .replacingOccurrences(of: #""yearlyVolume": 1000"#, with: #""yearlyVolume": 40000"#)
        let model = SimulationModel(scenario: try decodeScenario(json))
        let result = try await SimulationRun(model: model, seed: 4).run()
        let expected = 40_000 * 365 / 365.25
        #expect(abs(Double(result.conservation.received) - expected) < 3.3 * expected.squareRoot())
        // Sundays (factor 0) receive nothing: 2024-01-07 is the first Sunday.
        #expect(stride(from: 6, to: 365, by: 7).allSatisfy { result.receivedPerDay[$0] == 0 })
    }

    @Test("profiles with the rate in a few hours or days finish fast and keep the volume",
          arguments: [
              [("load.weekday", "[0.01,0.01,0.01,0.01,0.01,0.01,1000]")],
              [("load.surges", #"[{"from": "2024-01-07", "to": "2024-01-07", "factor": 1000},"#
                + #"{"from": "2024-01-07", "to": "2024-01-07", "factor": 1000},"#
                + #"{"from": "2024-01-07", "to": "2024-01-07", "factor": 1000}]"#)],
              [("load.hour", "[0,0,0,1000,0,0,0,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0]")],
          ])
    func pathologicalProfiles(settings: [(String, String)]) async throws {
        let days = 10
        let horizon = [("horizon.days", "\(days)")]
        let scenario = try ScenarioLoader.load(path: Repository.path(ArrivalProcessTests.goVap), overlays: [],
                                               settings: horizon + settings)
        let model = SimulationModel(scenario: scenario)
        // Timed against the same days of the scenario's own profile, run just before, so that a
        // machine busy with other tests slows both: thinning took over 240 s for 20 days of the
        // first profile, about a hundred times the ordinary profile.
        let clock = ContinuousClock()
        var started = clock.now
        let ordinary = SimulationModel(scenario: try ScenarioLoader.load(path: Repository.path(ArrivalProcessTests.goVap),
                                                                         overlays: [], settings: horizon))
        _ = try await SimulationRun(model: ordinary, seed: 3).run()
        let ordinaryTime = clock.now - started
        started = clock.now
        let result = try await SimulationRun(model: model, seed: 3).run()
        #expect(clock.now - started < ordinaryTime * 4 + .seconds(2), "ordinary profile: \(ordinaryTime)")
        // Every stream receives its share of the yearly volume: the share of the year's rate that
        // falls in the horizon (docs/model.md §2.1), however peaked the profile.
        let expected = model.streams.reduce(0.0) { sum, stream in
            let p = scenario.procedures[stream.procedure]
            let share = stream.online ? p.onlineShare : stream.postal ? p.postalShare : 1 - p.onlineShare - p.postalShare
            let weight = stream.instance >= 0
                ? model.instanceWeights[Int(stream.instance)] / model.instanceWeights.reduce(0, +) : 1
            let rate = model.cumulativeRates[stream.rate]
            return sum + p.yearlyVolume * share * weight * rate.total / rate.yearTotal
        }
        #expect(abs(Double(result.conservation.received) - expected) < 4 * expected.squareRoot(),
                "received \(result.conservation.received), expected \(expected)")
    }
}
