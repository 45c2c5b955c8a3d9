import Foundation
import Testing
@testable import MotCua

/// The home ward of a citizen received at a district desk is keyed to the dossier (docs/model.md
/// §2.5), like the dossier's other decisions, not drawn from one run-wide sequence in arrival order.
@Suite("Home wards keyed to the dossier")
struct HomeWardTests {
    /// Twenty wards (enough for per-unit figures) and two fields whose procedures are received at
    /// one district desk and then go to an office of the citizen's home ward.
    static func scenario(permitVolume: Int) -> String {
        let units = (1...20).map { #"{"id": "ward-\#($0)", "name": "Ward \#($0)", "weight": \#(1 + $0 % 3)}"# }.joined(separator: ",")
        return """
        {
          "name": "Home wards",
          "horizon": {"start": "2024-03-04", "days": 30},
          "calendar": {"mode": "working-days", "holidays": "\(Repository.path("scenarios/calendars/vietnam.json"))",
                       "hours": [["07:30", "11:30"], ["13:00", "17:00"]]},
          "fields": [{"id": "land", "name": "Land"}, {"id": "civil-status", "name": "Civil status"}],
          "units": [\(units)],
          "offices": [
            {"id": "desk", "kind": "desk", "level": "district", "name": "District desk", "staff": 4},
            {"id": "ward-office", "kind": "department", "level": "ward", "name": "Ward office", "staff": 2, "instances": "units"}
          ],
          "procedures": [
            {"id": "permit", "name": "Permit", "field": "land", "yearlyVolume": \(permitVolume), "deadline": {"workingDays": 5},
             "intake": {"office": "desk", "service": {"type": "exponential", "mean": 5}},
             "steps": [{"office": "ward-office", "service": {"type": "exponential", "mean": 10}}]},
            {"id": "extract", "name": "Extract", "field": "civil-status", "yearlyVolume": 4000, "deadline": {"workingDays": 5},
             "intake": {"office": "desk", "service": {"type": "exponential", "mean": 5}},
             "steps": [{"office": "ward-office", "service": {"type": "exponential", "mean": 10}}]}
          ]
        }
        """
    }

    /// The extracts received per home ward, ward after ward.
    static func extractsPerWard(permitVolume: Int) async throws -> [Int] {
        let path = NSTemporaryDirectory() + "motcua-home-ward-\(permitVolume)-\(getpid()).json"
        try scenario(permitVolume: permitVolume).write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let model = SimulationModel(scenario: try ScenarioLoader.load(path: path))
        let result = try await SimulationRun(model: model, seed: 11).run()
        let units = try #require(result.units)
        let field = try #require(model.scenario.fields.firstIndex { $0.id == "civil-status" })
        return stride(from: field, to: units.count, by: model.scenario.fields.count).map { units[$0].received }
    }

    @Test("a change in one procedure's volume leaves every other procedure's home wards as they were")
    func volumeChangeLeavesOtherWards() async throws {
        let base = try await Self.extractsPerWard(permitVolume: 3000)
        let changed = try await Self.extractsPerWard(permitVolume: 4500)
        #expect(base.count == 20 && base.reduce(0, +) > 200 && base.filter { $0 > 0 }.count > 15)
        #expect(base == changed)
    }
}
