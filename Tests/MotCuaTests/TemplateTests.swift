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
}
