import Foundation
import Testing
@testable import MotCua

/// Every shipped scenario (scenarios/*.json).
private let shippedScenarios: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.path("scenarios"))) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { "scenarios/" + $0 }
}()

@Suite("Audit: the report's counts recounted from the per-dossier log")
struct AuditTests {
    /// One replication of `relative` over `days` days with its log, the JSON report and the recount.
    static func recount(_ relative: String, seed: UInt64, warmUpDays: Int, days: Int = 30) async throws -> ([LogRecount.Line], LogRecount) {
        let scenario = try ScenarioLoader.load(path: Repository.path(relative), overlays: [],
                                               settings: [("horizon.days", "\(days)"), ("horizon.warmUpDays", "\(warmUpDays)")])
        let model = SimulationModel(scenario: scenario)
        let path = NSTemporaryDirectory() + "motcua-audit-\(getpid())-\(seed)-\((relative as NSString).lastPathComponent).csv"
        defer { unlink(path) }
        let log = try DossierLog(path: path, start: scenario.horizon.start)
        let result = try await SimulationRun(model: model, seed: seed, log: log).run()
        let report = JSONReport.document(ExperimentSummary(model: model, seed: seed, results: [result]))
        let recount = try LogRecount(path: path)
        return (try recount.compare(with: report), recount)
    }

    @Test("every count of the report equals its recount from the log, on every shipped scenario",
          arguments: shippedScenarios)
    func recountEqualsReport(_ scenario: String) async throws {
        #expect(!shippedScenarios.isEmpty)
        // Seed 1 counts from the start; seed 2 after a warm-up, so that uncounted rows are skipped.
        // The whole city (over 5 million dossiers a year) is the costliest test by far: by default
        // it runs the warm-up pass alone over 12 days (its 168 units and their figures recounted
        // all the same); MOTCUA_LONG_TESTS=1 runs both passes over 30 days.
        let city = scenario == "scenarios/hcmc-2026.json" && !LongTests.enabled
        for (seed, warmUp) in city ? [(UInt64(2), 5)] : [(UInt64(1), 0), (UInt64(2), 5)] {
            let (lines, recount) = try await Self.recount(scenario, seed: seed, warmUpDays: warmUp, days: city ? 12 : 30)
            #expect(recount.rows > 0)
            #expect(recount.overall[LogRecount.countNames.firstIndex(of: "received")!] > 0)
            #expect(lines.count >= LogRecount.countNames.count * 3)
            for line in lines where !line.agrees {
                Issue.record("\(scenario) seed \(seed): \(line.place) \(line.count): report \(line.reported.map(String.init) ?? "absent"), recount \(line.recounted)")
            }
        }
    }

    @Test("cells are RFC 4180 quoted and formulas made inert, and the recount reads them back")
    func quotingAndFormulas() throws {
        #expect(DossierLog.cell("plain-id") == "plain-id")
        #expect(DossierLog.cell("a,b") == "\"a,b\"")
        #expect(DossierLog.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(DossierLog.cell("two\nlines") == "\"two\nlines\"")
        #expect(DossierLog.cell("=SUM(A1)") == "\"'=SUM(A1)\"")
        #expect(DossierLog.cell("-1") == "\"'-1\"")
        for text in ["a,b", "say \"hi\"", "=SUM(A1)", "+x", "@y", "'quoted", "-", "plain"] {
            let cell = DossierLog.cell(text)
            let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : cell
            #expect(DossierLog.uncell(unquoted) == text, "\(text)")
        }
        let header = DossierLog.columns.joined(separator: ",")
        let procedure = DossierLog.cell("=odd,\"id\"\nsplit")
        let row = "MC1,\(procedure),f,o,online,01/01/2024 08:00,,,in progress,0,0,1,0,0,0,0,0,,not owed,,,ward,[o][x],"
            + String(repeating: ",", count: DossierLog.columns.count - 24)
        let path = NSTemporaryDirectory() + "motcua-audit-quoting-\(getpid()).csv"
        defer { unlink(path) }
        try (header + "\n" + row + "\n" + row + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let recount = try LogRecount(path: path)
        #expect(recount.rows == 2)
        #expect(recount.procedures.keys.sorted() == ["=odd,\"id\"\nsplit"])
        #expect(recount.procedures["=odd,\"id\"\nsplit"]?[LogRecount.countNames.firstIndex(of: "online")!] == 2)
    }

    @Test("the recount covers the levels, the office entries, the Decision 766 parts, re-use and the backlog cleared")
    func levelsOfficesAndScore() async throws {
        let (lines, recount) = try await Self.recount("scenarios/quan-6-2024.json", seed: 3, warmUpDays: 0)
        let places = Set(lines.map(\.place))
        #expect(places.contains("levels/district") && places.contains("levels/ward"))
        #expect(places.contains("officeOnTime/land-branch") && places.contains("officeOnTime/ward-desk"))
        #expect(lines.filter { $0.place == "decision766" }.count == 6)
        #expect(!recount.offices.isEmpty && recount.levels.keys.sorted() == ["district", "ward"])
        func overall(_ name: String) -> Int { recount.overall[LogRecount.countNames.firstIndex(of: name)!] }
        #expect(overall("backlogFinished") > 0 && overall("reuseEligible") == 0)
        for line in lines where !line.agrees && (line.place.hasPrefix("levels/") || line.place.hasPrefix("officeOnTime/")
                                                  || line.place == "decision766" || line.count == "backlogFinished") {
            Issue.record("\(line.place) \(line.count): report \(line.reported.map(String.init) ?? "absent"), recount \(line.recounted)")
        }
        let goVap = try await Self.recount("scenarios/go-vap-2024.json", seed: 3, warmUpDays: 0)
        func goVapOverall(_ name: String) -> Int { goVap.1.overall[LogRecount.countNames.firstIndex(of: name)!] }
        #expect(goVapOverall("reused") > 0 && goVapOverall("reused") < goVapOverall("reuseEligible"))
        for line in goVap.0 where !line.agrees && (line.count == "reused" || line.count == "reuseEligible" || line.place == "decision766") {
            Issue.record("Gò Vấp \(line.place) \(line.count): report \(line.reported.map(String.init) ?? "absent"), recount \(line.recounted)")
        }
    }

    @Test("the code prefix comes from the scenario's name")
    func codePrefix() {
        #expect(DossierLog.codePrefix(of: "Gò Vấp District, 2024") == "GV")
        #expect(DossierLog.codePrefix(of: "Bình Tân District, 2023") == "BT")
        #expect(DossierLog.codePrefix(of: "Quận 6 (District 6), 2024") == "Q6-")
        #expect(DossierLog.codePrefix(of: "Đống Đa") == "DD")
        #expect(DossierLog.codePrefix(of: "District, 2024") == "MC")
    }

    @Test("a report of several replications is refused: the log holds the first only")
    func severalReplicationsRefused() throws {
        let report = JSONValue.object([("scenario", .object([("replications", .number(3))])), ("measures", .object([]))])
        let path = NSTemporaryDirectory() + "motcua-audit-empty-\(getpid()).csv"
        defer { unlink(path) }
        try (DossierLog.columns.joined(separator: ",") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LogRecount.Failure.self) { try LogRecount(path: path).compare(with: report) }
    }
}
