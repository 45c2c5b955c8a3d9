import Foundation
import Testing
@testable import MotCua

/// `"citizens-first-bounded"` (docs/model.md §2.2): the citizens at the counter first, but an
/// online or postal dossier that has waited `policies.electronicWaitLimitHours` open hours at the
/// desk is taken before the next citizen — the mix of the two pure orders, each of which has an
/// artifact at a desk near saturation (the last session note, review 3 #7).
@Suite("Desk order: citizens first with a bound on the electronic dossiers' wait")
struct DeskOrderBoundTests {
    /// Two counters at 10 minutes a dossier, about 88 dossiers a working day (92% of the
    /// counters' day) of which half online, arriving at any hour; citizens wait two hours at most.
    static func scenario(policies: String) -> String {
        """
        {
          "name": "Desk near saturation",
          "horizon": {"start": "2024-03-04", "days": 28},
          "calendar": {"mode": "working-days", "holidays": "calendars/vietnam.json"},
          "fields": [{"id": "civil-status", "name": "Civil status"}],
          "offices": [
            {"id": "desk", "kind": "desk", "level": "ward", "name": "Desk", "staff": 2,
             "patience": {"type": "deterministic", "value": 120}},
            {"id": "justice", "kind": "department", "level": "district", "name": "Justice", "staff": 20}
          ],
          "procedures": [{
            "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": 22000, "online": 0.5,
            "deadline": {"workingDays": 2},
            "intake": {"office": "desk", "service": {"type": "deterministic", "value": 10}},
            "steps": [{"office": "justice", "service": {"type": "deterministic", "value": 10}}]
          }],
          "targets": [{"id": "t", "label": "On time", "measure": "onTimeRate", "field": "*", "comparator": ">=", "threshold": 0.98}],
          "policies": \(policies)
        }
        """
    }

    /// One run with every counted wait logged (the desk is office 0).
    static func run(policies: String, seed: UInt64 = 11) async throws -> (RunResult, [WaitLog.Entry]) {
        let model = SimulationModel(scenario: try decodeScenario(scenario(policies: policies)))
        let run = SimulationRun(model: model, seed: seed)
        let log = WaitLog()
        let context = await run.context
        context.waitLog = log
        let result = try await run.run()
        return (result, log.entries.filter { $0.office == 0 })
    }

    static func bounded(hours: Double) -> String {
        #"{"deskOrder": "citizens-first-bounded", "electronicWaitLimitHours": \#(hours)}"#
    }

    /// The longest an electronic dossier had waited, in open minutes, when a citizen's service
    /// started while it was still waiting.
    static func longestPassedOver(_ desk: [WaitLog.Entry]) -> Double {
        let electronic = desk.filter { !$0.inPerson }
        var longest = 0.0
        for citizen in desk where citizen.inPerson {
            let time = citizen.startedOpen
            for dossier in electronic where dossier.arrivedOpen < time && dossier.startedOpen > time + 1e-6 {
                longest = Swift.max(longest, time - dossier.arrivedOpen)
            }
        }
        return longest
    }

    @Test("no electronic dossier has waited the bound while a citizen is served; under citizens-first they wait far longer")
    func boundHonoured() async throws {
        let limit = 2.0
        let (_, desk) = try await Self.run(policies: Self.bounded(hours: limit))
        #expect(desk.filter(\.inPerson).count > 500 && desk.filter { !$0.inPerson }.count > 500, "\(desk.count) waits")
        let longest = Self.longestPassedOver(desk)
        #expect(longest < limit * 60 + 1e-6, "a citizen was served over a dossier that had waited \(longest) open minutes")
        // The same desk serving citizens first without a bound passes electronic dossiers over for longer.
        let (_, unbounded) = try await Self.run(policies: #"{"deskOrder": "citizens-first"}"#)
        #expect(Self.longestPassedOver(unbounded) > 2 * limit * 60, "\(Self.longestPassedOver(unbounded)) open minutes")
    }

    @Test("an electronic dossier goes ahead of a waiting citizen only once it has waited the bound")
    func walkInsFirstOtherwise() async throws {
        let limit = 2.0
        let (_, desk) = try await Self.run(policies: Self.bounded(hours: limit))
        let citizens = desk.filter(\.inPerson)
        var aheadOfCitizens = 0
        for dossier in desk where !dossier.inPerson {
            let time = dossier.startedOpen
            guard citizens.contains(where: { $0.arrivedOpen < time - 1e-6 && $0.startedOpen > time + 1e-6 }) else { continue }
            aheadOfCitizens += 1
            #expect(time - dossier.arrivedOpen >= limit * 60 - 1e-6,
                    "an electronic dossier waited \(time - dossier.arrivedOpen) open minutes and went ahead of a citizen")
        }
        // The bound is reached at this load: the rule is exercised, not vacuous.
        #expect(aheadOfCitizens > 20, "\(aheadOfCitizens) electronic dossiers taken ahead of a citizen")
    }

    @Test("both artifacts relieved: fewer walk-ins lost than in order of arrival, fewer long electronic waits than citizens first")
    func artifactsRelieved() async throws {
        let limit = 8.0
        let (arrival, _) = try await Self.run(policies: #"{"deskOrder": "arrival"}"#)
        let (citizensFirst, citizensFirstDesk) = try await Self.run(policies: #"{"deskOrder": "citizens-first"}"#)
        let (bounded, boundedDesk) = try await Self.run(policies: Self.bounded(hours: limit))
        let gaveUp = (arrival: arrival.procedures[0].gaveUpAtDesk, citizensFirst: citizensFirst.procedures[0].gaveUpAtDesk,
                      bounded: bounded.procedures[0].gaveUpAtDesk)
        #expect(gaveUp.arrival >= 2 * Swift.max(gaveUp.bounded, 1), "\(gaveUp)")
        // Open minutes electronic dossiers waited beyond the bound, in all, and the longest wait.
        func pastBound(_ desk: [WaitLog.Entry]) -> (excess: Double, longest: Double) {
            let waits = desk.filter { !$0.inPerson }.map { $0.startedOpen - $0.arrivedOpen }
            return (waits.reduce(0) { $0 + Swift.max(0, $1 - limit * 60) }, waits.max() ?? 0)
        }
        let citizensFirstWaits = pastBound(citizensFirstDesk), boundedWaits = pastBound(boundedDesk)
        #expect(citizensFirstWaits.excess > 2 * boundedWaits.excess && citizensFirstWaits.longest > boundedWaits.longest,
                "citizens first \(citizensFirstWaits), bounded \(boundedWaits)")
        #expect(arrival.conservation.isBalanced && citizensFirst.conservation.isBalanced && bounded.conservation.isBalanced)
    }

    @Test("a bound no dossier reaches serves exactly as citizens-first; the other orders ignore the bound")
    func sameAsCitizensFirstWhenNeverReached() async throws {
        let (citizensFirst, _) = try await Self.run(policies: #"{"deskOrder": "citizens-first"}"#)
        let (neverReached, _) = try await Self.run(policies: Self.bounded(hours: 100_000))
        #expect(citizensFirst.offices[0] == neverReached.offices[0])
        #expect(citizensFirst.procedures[0] == neverReached.procedures[0])
        let (arrival, _) = try await Self.run(policies: #"{"deskOrder": "arrival"}"#)
        let (arrivalWithBound, _) = try await Self.run(policies: #"{"deskOrder": "arrival", "electronicWaitLimitHours": 0}"#)
        #expect(arrival.offices[0] == arrivalWithBound.offices[0])
    }

    @Test("the bound is required with the bounded order and must be a finite number ≥ 0, named by its path",
          arguments: [
            (#"{"deskOrder": "citizens-first-bounded"}"#, "missing"),
            (#"{"deskOrder": "citizens-first-bounded", "electronicWaitLimitHours": -1}"#, "≥ 0"),
            (#"{"deskOrder": "citizens-first-bounded", "electronicWaitLimitHours": "8"}"#, "expected a number"),
            (#"{"deskOrder": "arrival", "electronicWaitLimitHours": -0.5}"#, "≥ 0"),
          ])
    func badBound(policies: String, expected: String) throws {
        do {
            _ = try decodeScenario(Self.scenario(policies: policies))
            Issue.record("accepted \(policies)")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("policies.electronicWaitLimitHours") && message.contains(expected), "\(message)")
        }
    }

    @Test("a bound too large to be a number, given with --set, is refused naming the setting")
    func boundNotFinite() throws {
        do {
            _ = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                        settings: [("policies.deskOrder", #""citizens-first-bounded""#),
                                                   ("policies.electronicWaitLimitHours", "1e999")])
            Issue.record("accepted a bound of 1e999")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("policies.electronicWaitLimitHours"), "\(message)")
        }
    }
}
