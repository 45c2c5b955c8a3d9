import Foundation
import Testing
@testable import MotCua

@Suite("calibrate --check says which fields the calibrated scenario misses")
struct CalibrationCheckTests {
    @Test("one replication has no interval and is judged by the tolerance; several by the interval widened by it")
    func misfits() {
        let one = Estimate([0.9752])
        #expect(!CalibrationCheck(field: "construction", name: "Construction", observed: 0.899, simulated: one).hasInterval)
        #expect(CalibrationCheck(field: "construction", name: "Construction", observed: 0.899, simulated: one).isMisfit, "7.6 points apart")
        #expect(!CalibrationCheck(field: "construction", name: "Construction", observed: 0.970, simulated: one).isMisfit, "within 1 point")
        let three = Estimate([0.96, 0.98, 0.97])
        let check = CalibrationCheck(field: "land", name: "Land", observed: 0.9109, simulated: three)
        #expect(check.hasInterval && check.isMisfit)
        #expect(!CalibrationCheck(field: "land", name: "Land", observed: three.low - 0.005, simulated: three).isMisfit)
    }

    @Test("the command prints \"1 replication: no interval\" and a verdict line")
    func commandText() async throws {
        let dir = NSTemporaryDirectory() + "motcua-calibration-check-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = Repository.path("scenarios/go-vap-2024.json")
        let scenario = try ScenarioLoader.load(path: base, overlays: [], settings: [("horizon.days", "15")])
        let log = try DossierLog(path: "\(dir)/records.csv", start: scenario.horizon.start)
        _ = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 3, log: log).run()
        let outcome = try CommandLineTests().motcua(["calibrate", "\(dir)/records.csv", "--base", "scenarios/go-vap-2024.json",
                                                     "--out", "\(dir)/c.json", "--check", "--replications", "1"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("(1 replication: no interval)"), "\(outcome.output)")
        #expect(!outcome.output.contains("(1 replications)"))
        #expect(outcome.output.contains("MISFIT ") || outcome.output.contains("Every field's observed on-time rate lies within"), "\(outcome.output)")
    }
}
