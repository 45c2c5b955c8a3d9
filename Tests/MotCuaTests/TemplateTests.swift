import Foundation
import Testing
@testable import MotCua

@Suite("Starting scenarios from templates (motcua new)")
struct TemplateTests {
    @Test("each template is a valid scenario, every entry marked as a template assumption, and runs a short horizon",
          arguments: ScenarioTemplate.allCases)
    func validatesAndRuns(template: ScenarioTemplate) async throws {
        let text = JSONWriter.text(template.document(units: nil, wards: 3, holidays: "calendars/vietnam.json"))
        var scenario = try ScenarioLoader.decode(Array(text.utf8), file: "\(template.rawValue).json",
                                                 directory: Repository.path("scenarios"))
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(scenario.offices.filter { !$0.instances.isEmpty }.allSatisfy { $0.instances.count == 3 })
        let entries = text.components(separatedBy: "\"notes\"").count - 1
        #expect(entries >= scenario.offices.count + scenario.procedures.count + 3, "each entry says what to replace")
        #expect(!text.contains("\"source\": \"") || !text.replacingOccurrences(of: "\"source\": \"assumption: template\"", with: "")
                    .contains("\"source\": \""), "no source other than the template's")
        scenario.horizon.days = 20
        let results = try await Experiment.run(model: SimulationModel(scenario: scenario), seed: 1, replications: 1, jobs: 1)
        #expect(results.count == 1)
        #expect(results[0].procedures.reduce(0) { $0 + $1.received } > 0)
    }

    @Test("motcua new writes a scenario that validates, and never overwrites an existing file")
    func newCommand() throws {
        let dir = NSTemporaryDirectory() + "motcua-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/district-12.json"
        let csv = dir + "/units.csv"
        try Data("nameVi,kind,population\nPhường An Phú Đông,phường,73000\nPhường Thạnh Lộc,phường,120000\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let cli = CommandLineTests()
        let made = try cli.motcua(["new", file, "--template", "district-2024", "--units", csv])
        #expect(made.status == 0, "\(made.errors)")
        let validated = try cli.motcua(["validate", file])
        #expect(validated.status == 0 && validated.output.contains("valid"), "\(validated.errors)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("\"phuong-thanh-loc\""))

        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        let again = try cli.motcua(["new", file, "--template", "ward-centre"])
        #expect(again.status == 2 && again.errors.contains(file) && again.errors.contains("refusing to overwrite"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine", "the user's file is untouched")
    }

    @Test("--year: every year of a template's range gives a valid scenario with the surge before that year's Tết; the default is unchanged",
          arguments: ScenarioTemplate.allCases)
    func years(template: ScenarioTemplate) throws {
        for year in template.years {
            let text = JSONWriter.text(template.document(units: nil, wards: 2, holidays: "calendars/vietnam.json", year: year))
            let scenario = try ScenarioLoader.decode(Array(text.utf8), file: "\(template.rawValue)-\(year).json",
                                                     directory: Repository.path("scenarios"))
            // A district in 2025 runs past 1 July, when the districts were abolished: that one warning, rightly.
            let abolished = template == .district2024 && year >= 2025
            #expect(scenario.warnings.map(\.path).allSatisfy { abolished && $0.hasSuffix(".level") }
                    && scenario.warnings.count == (abolished ? 1 : 0), "\(year): \(scenario.warnings)")
            #expect(scenario.horizon.start.description == "\(year)-01-01")
            #expect(scenario.horizon.days == (year % 4 == 0 ? 366 : 365))
            let tet = try #require(ScenarioTemplate.tet[year].flatMap { CivilDate(year: year, month: $0.month, day: $0.day) })
            let end = tet.adding(days: template == .district2024 ? -3 : -4)
            #expect(text.contains("\"to\": \"\(end)\""), "\(year): the surge ends days before Tết (\(tet))")
        }
        let byDefault = JSONWriter.text(template.document(units: nil, wards: 2, holidays: "calendars/vietnam.json"))
        #expect(byDefault == JSONWriter.text(template.document(units: nil, wards: 2, holidays: "calendars/vietnam.json",
                                                               year: template.defaultYear)))
        #expect(byDefault.contains(template == .district2024 ? "\"from\": \"2024-01-22\"" : "\"from\": \"2026-02-02\""))
    }

    @Test("motcua new --year: the horizon's year; a year the template does not cover is refused with status 2")
    func newYear() throws {
        let dir = NSTemporaryDirectory() + "motcua-new-year-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let cli = CommandLineTests()
        let made = try cli.motcua(["new", dir + "/ward.json", "--template", "ward-centre", "--year", "2029"])
        #expect(made.status == 0, "\(made.errors)")
        let written = try String(contentsOfFile: dir + "/ward.json", encoding: .utf8)
        #expect(written.contains("\"start\": \"2029-01-01\"") && written.contains("\"from\": \"2029-01-29\"")
                && written.contains("\"to\": \"2029-02-09\""))
        let district = try cli.motcua(["new", dir + "/district.json", "--template", "district-2024", "--year", "2026"])
        #expect(district.status == 2 && district.errors.contains("--year 2026") && district.errors.contains("2023–2025"), "\(district.errors)")
        let far = try cli.motcua(["new", dir + "/far.json", "--template", "city-unit", "--year", "2040"])
        #expect(far.status == 2 && far.errors.contains("--year"), "\(far.errors)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/district.json") && !FileManager.default.fileExists(atPath: dir + "/far.json"))
    }
}
