import Foundation
import Testing
@testable import MotCua

/// Ten years of Gò Vấp in one replication: the balance stays exact and memory stays flat
/// (it grows with the dossiers in progress, not with the dossiers simulated). Long: run with
/// `MOTCUA_SOAK=1 swift test --filter SoakTests`.
@Suite("Soak")
struct SoakTests {
    @Test("a 10-year run ends balanced with the same peak of dossiers in progress as a 1-year run",
          .enabled(if: ProcessInfo.processInfo.environment["MOTCUA_SOAK"] != nil, "set MOTCUA_SOAK=1 to run"))
    func tenYears() async throws {
        let path = Repository.path("scenarios/go-vap-2024.json")
        let oneYear = SimulationModel(scenario: try ScenarioLoader.load(path: path))
        let tenYears = SimulationModel(scenario: try ScenarioLoader.load(path: path, overlays: [], settings: [("horizon.days", "3653")]))
        let short = try await SimulationRun(model: oneYear, seed: 1).run()
        let long = try await SimulationRun(model: tenYears, seed: 1).run()
        #expect(long.conservation.isBalanced)
        #expect(long.conservation.received > 9 * short.conservation.received)
        #expect(Double(long.peakInProgress) < 1.5 * Double(short.peakInProgress),
                "peak in progress \(long.peakInProgress) over ten years vs \(short.peakInProgress) over one")
    }
}
