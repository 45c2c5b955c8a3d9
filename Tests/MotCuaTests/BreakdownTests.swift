import Foundation
import Testing
@testable import MotCua

/// Every shipped scenario (scenarios/*.json).
private let scenarios: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.path("scenarios"))) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { "scenarios/" + $0 }
}()

@Suite("Where the time went: every dossier's elapsed time split into parts (docs/model.md §12)")
struct BreakdownTests {
    @Test("the clock's parts lie where the breakdown reads them")
    func clockPartsOffset() {
        #expect(MemoryLayout<DossierClock>.offset(of: \.parts) == DossierClock.partsOffset)
    }

    /// The rows of the log of one replication of `relative` over `days` days, by column name.
    static func logRows(_ relative: String, seed: UInt64, days: Int) async throws -> [[String: String]] {
        let scenario = try ScenarioLoader.load(path: Repository.path(relative), overlays: [],
                                               settings: [("horizon.days", "\(days)"), ("horizon.warmUpDays", "0")])
        let model = SimulationModel(scenario: scenario)
        let path = NSTemporaryDirectory() + "motcua-breakdown-\(getpid())-\(seed)-\((relative as NSString).lastPathComponent).csv"
        defer { unlink(path) }
        let log = try DossierLog(path: path, start: scenario.horizon.start)
        _ = try await SimulationRun(model: model, seed: seed, log: log).run()
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var csv = RecordsCSV(lines: LineReader(descriptor: descriptor, limit: Int.max))
        let header = try #require(try csv.header())
        var rows: [[String: String]] = []
        while let item = try csv.next() {
            guard case .record(let record) = item else { Issue.record("\(relative): a row that cannot be read"); continue }
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.cells.map(DossierLog.uncell))))
        }
        return rows
    }

    @Test("the parts add up to the elapsed working time on every dossier, exactly in working seconds",
          arguments: scenarios)
    func partsAddUp(_ scenario: String) async throws {
        let rows = try await Self.logRows(scenario, seed: 3, days: 20)
        #expect(!rows.isEmpty)
        var finished = 0
        for row in rows {
            let parts = TimePart.allCases.map { Int(row[$0.logColumn] ?? "") }
            guard parts.allSatisfy({ $0 != nil && $0! >= 0 }), let elapsed = Int(row["elapsed_s"] ?? "") else {
                Issue.record("\(scenario): \(row["code"] ?? "?"): time cells unreadable")
                continue
            }
            let sum = parts.reduce(0) { $0 + $1! }
            if sum != elapsed {
                Issue.record("\(scenario): \(row["code"] ?? "?") \(row["status"] ?? ""): parts \(sum) s ≠ elapsed \(elapsed) s")
            }
            // Each stage of the trail is `office:lag/wait/work`, all whole seconds.
            for stage in (row["stages"] ?? "").split(separator: ";") {
                let numbers = stage.split(separator: ":").last?.split(separator: "/").compactMap { Int($0) } ?? []
                #expect(numbers.count == 3, "\(scenario): stage \(stage)")
            }
            if row["status"] == "on time" || row["status"] == "late" { finished += 1 }
        }
        #expect(finished > 0)
    }

    @Test("a step given a long fixed lag is named the step that consumed the deadline of the late dossiers")
    func knownBottleneck() async throws {
        // Gò Vấp's land-change route (8 working days) with a fixed lag of 6 working days before
        // its first step: most late land-change dossiers must have spent the largest part of their time there.
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [
            ("horizon.days", "60"), ("horizon.warmUpDays", "0"),
            ("procedures.land-change.steps.0.lag", #"{"type": "deterministic", "value": 6, "unit": "workingDays"}"#),
        ])
        let model = SimulationModel(scenario: scenario)
        let result = try await SimulationRun(model: model, seed: 5).run()
        let summary = ExperimentSummary(model: model, seed: 5, results: [result])
        let row = try #require(summary.breakdownProcedures.first { $0.id == "land-change" })
        #expect(row.late.totalDossiers > 20)
        let top = try #require(row.topSteps.first)
        #expect(top.part == .lag && top.officeId == "land-branch", "\(top.part) \(top.officeId)")
        #expect(top.share.mean > 0.8)
        // Each late dossier has one top step; each side's mean is its totals' ratio.
        #expect(row.topSteps.reduce(0) { $0 + $1.total } == row.late.totalDossiers)
        for side in [row.onTime, row.late] where side.totalDossiers > 0 {
            let total = side.totalSeconds.reduce(0, +)
            #expect(abs(side.elapsedHours.mean - Double(total) / Double(side.totalDossiers) / 3600) < 1e-9)
        }
        // The lag is 6 × 480 working minutes for every finished land-change dossier not in the
        // opening backlog (which may start past it): the late side's mean lag is well above 24 h.
        #expect(row.late.hours[TimePart.lag.rawValue].mean > 24)
    }

    @Test("run's CSV tables and workbook carry the breakdown: one row per group and side whose parts sum to its elapsed hours, and the top steps")
    func breakdownInCSVAndWorkbook() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [
            ("horizon.days", "40"), ("horizon.warmUpDays", "0"),
        ])
        let model = SimulationModel(scenario: scenario)
        let summary = ExperimentSummary(model: model, seed: 5, results: [try await SimulationRun(model: model, seed: 5).run()])
        let tables = CSVReport.typedTables(summary)
        let breakdown = try #require(tables.first { $0.title == "breakdown" })
        let column = { (name: String) in try #require(breakdown.headers.firstIndex(of: name)) }
        let parts = try TimePart.allCases.map { try column(CSVReport.snakeCase($0.id) + "_hours") }
        #expect(breakdown.headers.contains("signing_session_hours") && breakdown.headers.contains("away_for_papers_hours"))
        let land = try #require(summary.breakdownProcedures.first { $0.id == "land-change" })
        let (scope, id, side, total, elapsed) = try (column("scope"), column("id"), column("side"), column("dossiers_total"), column("elapsed_hours_mean"))
        let lateRow = try #require(breakdown.rows.first { $0[scope] == .text("procedure") && $0[id] == .text("land-change") && $0[side] == .text("late") })
        #expect(lateRow[total] == .count(land.late.totalDossiers) && land.late.totalDossiers > 0)
        for row in breakdown.rows {
            guard case .number(let hours) = row[elapsed], hours.isFinite else { continue }
            let sum = parts.reduce(0.0) { sum, c in if case .number(let x) = row[c] { sum + x } else { sum } }
            #expect(abs(sum - hours) < 1e-6 * Swift.max(1, hours), "\(row[id]) \(row[side])")
        }
        #expect(breakdown.rows.count == 2 * (summary.breakdownFields + summary.breakdownProcedures)
            .filter { $0.onTime.totalDossiers + $0.late.totalDossiers > 0 }.count)
        let steps = try #require(tables.first { $0.title == "breakdown-steps" })
        let first = try #require(land.topSteps.first)
        #expect(steps.rows.contains { $0[1] == .text("land-change") && $0[2] == .count(1) && $0[3] == .text(first.officeId) && $0[5] == .text(first.part.id) })
        #expect(CSVReport.files(summary).map(\.name).contains("breakdown-steps.csv"))
        #expect(try Workbook(tables: tables).xlsxData().count > 0)
    }
}
