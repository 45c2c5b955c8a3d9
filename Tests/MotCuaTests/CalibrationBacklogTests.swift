import Foundation
import Testing
@testable import MotCua

@Suite("Calibration leaves the opening backlog out of volumes")
struct CalibrationBacklogTests {
    @Test("calibrating a run's own log, opening backlog included, gives back its volumes; the backlog is reported apart")
    func ownLogWithBacklog() async throws {
        let dir = NSTemporaryDirectory() + "motcua-calibration-backlog-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A flat load so that the true rates are the scenario's volumes; the scenario's own
        // opening backlog kept (construction 150, land change 600 rows on 40 days of arrivals).
        let base = Repository.path("scenarios/go-vap-2024.json")
        let scenario = try ScenarioLoader.load(path: base, overlays: [], settings: [("horizon.days", "40"), ("load", "null")])
        let model = SimulationModel(scenario: scenario)
        #expect(!model.backlog.isEmpty, "the case this test is about")
        let log = try DossierLog(path: "\(dir)/records.csv", start: scenario.horizon.start)
        _ = try await SimulationRun(model: model, seed: 7, log: log).run()
        let records = try RecordsFile(path: "\(dir)/records.csv")
        #expect(records.problems.isEmpty)
        let calibration = try Calibration(records: records, file: "records.csv", basePath: base, outPath: "\(dir)/out.json")
        for procedure in scenario.procedures where procedure.yearlyVolume >= 3000 {
            let fit = try #require(calibration.fits.first { $0.procedure == procedure.id })
            #expect(abs(fit.yearlyVolume / procedure.yearlyVolume - 1) < 0.08, "\(procedure.id): \(fit.yearlyVolume) vs \(procedure.yearlyVolume)")
        }
        let expected = Dictionary(model.backlog.map { (scenario.procedures[$0.procedure].id, $0.count) }.filter { $0.1 > 0 }, uniquingKeysWith: +)
        #expect(Dictionary(calibration.openingBacklog.map { ($0.procedure, $0.dossiers) }, uniquingKeysWith: +) == expected)
        #expect(calibration.rowsUsed == records.rows.count)
    }

    @Test("a backlog cell other than 0 or 1 is a problem named by row")
    func badBacklogCell() throws {
        let dir = NSTemporaryDirectory() + "motcua-calibration-backlog-cell-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "code,procedure,received,status,backlog\nA1,certify-copy,02/01/2024 08:00,on time,1\nA2,certify-copy,02/01/2024 09:00,on time,maybe\n"
            .write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        let records = try RecordsFile(path: "\(dir)/r.csv")
        #expect(records.rows.map(\.backlog) == [true])
        #expect(records.problems == ["row 3: backlog \"maybe\" is not 0 or 1"])
    }
}
