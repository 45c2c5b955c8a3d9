import Foundation
import Testing
@testable import MotCua

/// Warnings on standard error.
extension CommandLineTests {
    @Test("validate and run print warnings on standard error and exit 0")
    func warningsPrinted() throws {
        let validate = try motcua(["validate", "scenarios/go-vap-2024.json", "--set", "horizon.start=2025-01-01"])
        #expect(validate.status == 0, "\(validate.errors)")
        #expect(validate.errors.contains("warning: scenarios/go-vap-2024.json + --set: load.surges[0]: 2024-01-22 to 2024-02-07 is outside the horizon"),
                "\(validate.errors)")
        #expect(validate.output.contains("warnings)"))
        let run = try motcua(["run", "scenarios/go-vap-2024.json", "--set", "horizon.start=2025-01-01", "--set", "horizon.days=20"])
        #expect(run.status == 0 && run.errors.contains("warning: ") && run.errors.contains("staffChanges[0].from"), "\(run.errors)")
        #expect(!run.output.contains("warning: "))
    }
}
