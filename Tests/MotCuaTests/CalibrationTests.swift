import Foundation
import Testing
@testable import MotCua

@Suite("Calibration from dossier records")
struct CalibrationTests {
    @Test("round trip: simulate a known scenario, calibrate from its log, get the volumes and shares back")
    func roundTrip() async throws {
        let dir = NSTemporaryDirectory() + "motcua-calibration-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A flat load and no opening backlog, so the true rates are the scenario's volumes; from
        // March, 60 days with one holiday: a yearly volume is spread over the year's open time
        // (docs/model.md §2.1), so a log holding Tết's week off has fewer paper dossiers a day.
        let base = Repository.path("scenarios/go-vap-2024.json")
        let scenario = try ScenarioLoader.load(path: base, overlays: [],
                                               settings: [("horizon.days", "60"), ("horizon.start", "2024-03-01"), ("load", "null"), ("backlog", "null")])
        let log = try DossierLog(path: "\(dir)/records.csv", start: scenario.horizon.start)
        _ = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 11, log: log).run()
        let records = try RecordsFile(path: "\(dir)/records.csv")
        #expect(records.problems.isEmpty)
        let calibration = try Calibration(records: records, file: "records.csv", basePath: base, outPath: "\(dir)/out.json")
        for procedure in scenario.procedures where procedure.yearlyVolume >= 5000 {
            let fit = try #require(calibration.fits.first { $0.procedure == procedure.id })
            #expect(abs(fit.yearlyVolume / procedure.yearlyVolume - 1) < 0.06, "\(procedure.id): \(fit.yearlyVolume) vs \(procedure.yearlyVolume)")
            #expect(abs(fit.onlineShare - procedure.onlineShare) < 0.03, "\(procedure.id) online")
            #expect(abs(fit.refusalShare - procedure.refusalShare) < 0.01, "\(procedure.id) refusal")
        }
        // The calibrated scenario is a valid scenario, written next to a different directory.
        try JSONWriter.text(calibration.document).write(toFile: "\(dir)/out.json", atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try ScenarioLoader.load(path: "\(dir)/out.json") }
    }

    @Test("on a log the run wrote, calibrate's observed on-time rate per field is the run's (in-progress dossiers asked twice to supplement are late)")
    func observedIsTheRuns() async throws {
        let dir = NSTemporaryDirectory() + "motcua-calibration-observed-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let base = Repository.path("scenarios/go-vap-2024.json")
        let scenario = try ScenarioLoader.load(path: base, overlays: [], settings: [("horizon.days", "20")])
        let model = SimulationModel(scenario: scenario)
        let log = try DossierLog(path: "\(dir)/records.csv", start: scenario.horizon.start)
        let result = try await SimulationRun(model: model, seed: 7, log: log).run()
        let summary = ExperimentSummary(model: model, seed: 7, results: [result])
        let records = try RecordsFile(path: "\(dir)/records.csv")
        #expect(records.rows.contains { $0.status == .inProgress && $0.supplements > 1 }, "the case this test is about")
        let calibration = try Calibration(records: records, file: "records.csv", basePath: base, outPath: "\(dir)/out.json")
        for (field, rate, _) in calibration.observedOnTime {
            let run = try #require(summary.fields.first { $0.id == field }).onTimeRate.mean
            #expect(abs(rate - run) < 1e-9, "\(field): calibrate \(rate), run \(run)")
        }
    }

    @Test("malformed and inconsistent rows are reported by row number, Vietnamese headers accepted")
    func problems() throws {
        let dir = NSTemporaryDirectory() + "motcua-records-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = """
            Mã hồ sơ,Thủ tục,Lĩnh vực,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái
            A1,land-change,land,Trực tuyến,02/01/2024 08:00,12/01/2024 17:00,10/01/2024 09:00,Đúng hạn
            A1,land-change,land,Trực tiếp,02/01/2024 09:00,12/01/2024 17:00,,Đang giải quyết
            A3,land-change,land,Trực tiếp,2024-01-02,12/01/2024 17:00,,Đang giải quyết
            A4,land-change,land,Trực tiếp,05/01/2024 09:00,12/01/2024 17:00,03/01/2024 09:00,Trễ hạn
            A5,no-such-procedure,land,Trực tiếp,05/01/2024 09:00,,,Đang giải quyết
            A6,land-change,land,Bưu chính,05/01/2024 10:00,15/01/2024 17:00,,Đang giải quyết
            """
        try csv.write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        let records = try RecordsFile(path: "\(dir)/r.csv")
        #expect(records.rowsRead == 6)
        #expect(records.problems.contains { $0.hasPrefix("row 3:") && $0.contains("duplicate") })
        #expect(records.problems.contains { $0.hasPrefix("row 4:") && $0.contains("not dd/MM/yyyy") })
        #expect(records.problems.contains { $0.hasPrefix("row 5:") && $0.contains("finished before received") })
        #expect(records.rows.first?.channel == .online && records.rows.last?.channel == .postal)
        let calibration = try Calibration(records: records, file: "r.csv", basePath: Repository.path("scenarios/go-vap-2024.json"), outPath: "\(dir)/o.json")
        #expect(calibration.unmapped.contains { $0.label.contains("no-such-procedure") && $0.rows == [6] })
        #expect(!calibration.problems.contains { $0.contains("no-such-procedure") }, "listed once, among the unmapped procedures")
    }

    @Test("processing-time fits pick the family that generated the data")
    func fits() {
        var rng = RandomStream(seed: 5)
        let lognormal = (0..<5000).map { _ in Distribution.lognormal(mean: 8, sd: 6).sample(&rng) }
        #expect(Calibration.fitProcessing(lognormal)?.family == "lognormal")
        let exponential = (0..<5000).map { _ in Distribution.exponential(mean: 3).sample(&rng) }
        let fit = Calibration.fitProcessing(exponential)
        #expect(fit.map { abs($0.mean - 3) < 0.2 } == true)
        #expect(Calibration.regularizedGammaP(1, 2) - (1 - exp(-2)) < 1e-12)
    }
}
