import Foundation
import Testing
@testable import MotCua

@Suite("An overlay names the scenario it was written for")
struct OverlayBaseTests {
    static let overlay = Repository.path("scenarios/what-if/land-branch-minus-2.json")

    @Test("laid over its own base: no warning; over another scenario: a warning naming both")
    func warnsOnAnotherBase() throws {
        let own = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [Self.overlay], settings: [])
        #expect(!own.warnings.contains { $0.path == "base" })
        let other = try ScenarioLoader.load(path: Repository.path("scenarios/quan-6-2024.json"), overlays: [Self.overlay], settings: [])
        let warning = try #require(other.warnings.first { $0.path == "base" })
        #expect(warning.message.contains("was written for go-vap-2024.json, not for quan-6-2024.json"), "\(warning.message)")
        #expect(other.offices.first { $0.id == "land-branch" }?.staff == 18, "applied all the same")
    }

    @Test("validate --overlay-only warns over another base, accepts the key alone, refuses a base that is not a name")
    func validateOverlayOnly() throws {
        let cli = CommandLineTests()
        let other = try cli.motcua(["validate", "--overlay-only", "scenarios/what-if/land-branch-minus-2.json", "--base", "scenarios/quan-6-2024.json"])
        #expect(other.status == 0)
        #expect((other.output + other.errors).contains("was written for go-vap-2024.json"), "\(other.output)\(other.errors)")
        let alone = try cli.motcua(["validate", "--overlay-only", "scenarios/what-if/land-branch-minus-2.json"])
        #expect(alone.status == 0, "\(alone.errors)")
        let dir = NSTemporaryDirectory() + "motcua-overlay-base-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"base": 7, "offices": [{"id": "land-branch", "staff": 18}]}"#.write(toFile: "\(dir)/bad.json", atomically: true, encoding: .utf8)
        let bad = try cli.motcua(["validate", "--overlay-only", "\(dir)/bad.json"])
        #expect(bad.status == 2 && bad.errors.contains("expected the file name of the scenario"), "\(bad.errors)")
    }
}
