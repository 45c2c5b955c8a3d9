import Foundation
import Testing
@testable import MotCua

/// The desk serves the citizens at the counter before the electronic dossiers (docs/model.md
/// §2.2), logs a citizen who gave up at the time they left (§2.4), and the office figures name a
/// desk that turns its walk-ins away on some day (§7.4) — the third outside review's #7: the
/// city baseline lost every walk-in at the City Centre on 5–6 January, behind the online
/// dossiers of the New-Year holiday.
@Suite("Desk order: citizens at the counter first; withdrawal time; the worst day for walk-ins")
struct DeskOrderTests {
    /// Three counters at 10 minutes a dossier, 60 dossiers a day of which 60% online (arriving
    /// on weekends and at night too), citizens who wait an hour at most: the online dossiers of
    /// the weekend fill Monday morning's queue.
    static func scenario(deskOrder: String?) -> String {
        let policies = deskOrder.map { #", "policies": {"deskOrder": "\#($0)"}"# } ?? ""
        return """
        {
          "name": "Weekend online backlog",
          "horizon": {"start": "2024-03-04", "days": 14},
          "calendar": {"mode": "working-days", "holidays": "calendars/vietnam.json"},
          "fields": [{"id": "civil-status", "name": "Civil status"}],
          "offices": [
            {"id": "desk", "kind": "desk", "level": "ward", "name": "Desk", "staff": 3,
             "patience": {"type": "deterministic", "value": 60}},
            {"id": "justice", "kind": "department", "level": "district", "name": "Justice", "staff": 20}
          ],
          "procedures": [{
            "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": 21900, "online": 0.6,
            "deadline": {"workingDays": 3},
            "intake": {"office": "desk", "service": {"type": "deterministic", "value": 10}},
            "steps": [{"office": "justice", "service": {"type": "deterministic", "value": 10}}]
          }],
          "targets": [{"id": "t", "label": "On time", "measure": "onTimeRate", "field": "*", "comparator": ">=", "threshold": 0.98}]\(policies)
        }
        """
    }

    static func run(deskOrder: String?, seed: UInt64 = 7, log: DossierLog? = nil) async throws -> RunResult {
        let model = SimulationModel(scenario: try decodeScenario(scenario(deskOrder: deskOrder)))
        return try await SimulationRun(model: model, seed: seed, log: log).run()
    }

    @Test("with an online backlog on Monday morning, citizens-first serves the walk-ins; arrival order (the default) loses them")
    func citizensFirstServesWalkIns() async throws {
        let byDefault = try await Self.run(deskOrder: nil)
        let citizensFirst = try await Self.run(deskOrder: "citizens-first")
        let arrival = try await Self.run(deskOrder: "arrival")
        #expect(byDefault.procedures[0].gaveUpAtDesk == arrival.procedures[0].gaveUpAtDesk)
        let inPerson = citizensFirst.offices[0].lineWait.count + citizensFirst.offices[0].abandoned
        #expect(inPerson > 200, "\(inPerson) citizens in person")
        // Paper work alone is about a quarter of the counters' day: nobody waits an hour.
        #expect(citizensFirst.procedures[0].gaveUpAtDesk <= inPerson / 50, "\(citizensFirst.procedures[0].gaveUpAtDesk) of \(inPerson)")
        #expect(arrival.procedures[0].gaveUpAtDesk >= inPerson / 20, "\(arrival.procedures[0].gaveUpAtDesk) of \(inPerson)")
        #expect(arrival.procedures[0].gaveUpAtDesk >= 4 * Swift.max(citizensFirst.procedures[0].gaveUpAtDesk, 1))
        // The electronic dossiers are still worked: the same counters, between the citizens.
        #expect(citizensFirst.offices[0].trayWait.count >= arrival.offices[0].trayWait.count * 9 / 10)
        #expect(citizensFirst.conservation.isBalanced && arrival.conservation.isBalanced)
    }

    @Test("a bad deskOrder is an error naming policies.deskOrder and the values allowed")
    func badValueNamed() throws {
        do {
            _ = try decodeScenario(Self.scenario(deskOrder: "citizens first"))
            Issue.record("accepted a bad deskOrder")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("policies.deskOrder") && message.contains("\"citizens-first\", \"arrival\""), "\(message)")
        }
    }

    @Test("a citizen who gave up is logged when the patience ran out or the desk closed, never at the next day's turn")
    func withdrawalTime() async throws {
        let path = NSTemporaryDirectory() + "motcua-desk-order-withdrawal-\(getpid()).csv"
        defer { unlink(path) }
        let scenario = try decodeScenario(Self.scenario(deskOrder: "arrival"))
        let log = try DossierLog(path: path, start: scenario.horizon.start)
        _ = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 7, log: log).run()
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var csv = RecordsCSV(lines: LineReader(descriptor: descriptor, limit: Int.max))
        let header = try #require(try csv.header())
        var withdrawn = 0
        while let item = try csv.next() {
            guard case .record(let record) = item else { continue }
            let row = Dictionary(uniqueKeysWithValues: zip(header, record.cells.map(DossierLog.uncell)))
            guard row["status"] == "withdrawn", row["channel"] == "in person" else { continue }
            withdrawn += 1
            let received = try #require(row["received"]), finished = try #require(row["finished"])
            let queued = try #require(Int(row["desk_queue_s"] ?? ""))
            // A patience of 60 minutes: never more than an hour in line, and gone the same day.
            #expect(queued <= 3600, "\(row["code"] ?? "?"): \(queued) s in line")
            #expect(finished.prefix(10) == received.prefix(10), "\(row["code"] ?? "?"): received \(received), left \(finished)")
            #expect(finished.suffix(5) <= "17:00", "\(row["code"] ?? "?"): left \(finished)")
        }
        #expect(withdrawn > 20, "\(withdrawn) citizens gave up")
    }

    @Test("a desk that loses most walk-ins on some day is listed with its worst day; the same desk serving citizens first is not")
    func worstDayListed() async throws {
        func summary(_ order: String) async throws -> ExperimentSummary {
            let model = SimulationModel(scenario: try decodeScenario(Self.scenario(deskOrder: order)))
            let results = try await Experiment.run(model: model, seed: 7, replications: 2, jobs: 2)
            return ExperimentSummary(model: model, seed: 7, results: results)
        }
        let arrival = try await summary("arrival")
        let desk = try #require(arrival.offices.first { $0.office.id == "desk" })
        let worst = try #require(desk.worstWalkInDay)
        #expect(desk.utilization.mean < 0.95, "listed by the new rule only: \(desk.utilization.mean) busy")
        #expect(worst.gaveUpShare >= 0.5 && worst.inPerson >= 20, "\(worst)")
        #expect(desk.losesWalkIns && desk.isUnstable)
        // A Monday (or the day after a weekend): the weekend's online dossiers come first.
        #expect(arrival.horizon.start.adding(days: worst.day).weekday == 1, "day \(worst.day)")
        for language in Language.allCases {
            let text = TextReport.render(arrival, language: language)
            let section = text.components(separatedBy: language.words.unstable).dropFirst().first ?? ""
            let line = try #require(desk.worstWalkInDayText(language, start: arrival.horizon.start))
            #expect(section.contains(line), "\(language): \(section.prefix(800))")
        }
        guard case .array(let offices)? = JSONReport.document(arrival)["measures"]?["offices"] else { Issue.record("no offices"); return }
        let json = try #require(offices.first { $0["id"] == .string("desk") })
        #expect(json["unstable"] == .bool(true) && json["worstWalkInDay"]?["listed"] == .bool(true))
        let csv = try #require(CSVReport.tables(arrival).first { $0.name == "offices.csv" }).text
        #expect(csv.split(separator: "\n").dropFirst().contains { $0.hasPrefix("desk,") && $0.hasSuffix(",1") })

        let citizensFirst = try await summary("citizens-first")
        let served = try #require(citizensFirst.offices.first { $0.office.id == "desk" })
        #expect(!served.losesWalkIns && !served.isUnstable, "\(String(describing: served.worstWalkInDay))")
    }

    @Test("the worst day counts only days with at least 20 citizens in person, pooled over replications")
    func worstDayThreshold() {
        // Day 0: 19 a replication, all lost — too few. Day 1: 30, 12 lost of 60. Day 2: 40, 30 of 80.
        let inPerson: [[Int32]] = [[19, 30, 40], [19, 30, 40]]
        let gaveUp: [[Int32]] = [[19, 6, 10], [19, 6, 20]]
        let worst = WorstWalkInDay.find(inPerson: inPerson, gaveUp: gaveUp)
        #expect(worst == WorstWalkInDay(day: 2, inPerson: 40, gaveUpShare: 30.0 / 80))
        #expect(WorstWalkInDay.find(inPerson: [[19]], gaveUp: [[19]]) == nil)
        #expect(WorstWalkInDay.find(inPerson: [], gaveUp: []) == nil)
    }
}
