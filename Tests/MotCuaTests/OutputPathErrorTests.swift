import Foundation
import Testing
@testable import MotCua

@Suite("A wrong output path is the user's error: exit 2, naming the option and the path")
struct OutputPathErrorTests {
    @Test("an output in a missing folder, or a folder output on a file, exits 2 naming the option")
    func missingFolder() throws {
        let cli = CommandLineTests()
        let missing = try cli.motcua(["run", "scenarios/go-vap-2024.json", "--set", "horizon.days=1",
                                      "--json", "/nonexistent-output-path-test/x.json"])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("--json /nonexistent-output-path-test/x.json: the folder /nonexistent-output-path-test does not exist"),
                "\(missing.errors)")
        let notFolder = try cli.motcua(["run", "scenarios/go-vap-2024.json", "--set", "horizon.days=1", "--csv", "scenarios/go-vap-2024.json/x"])
        #expect(notFolder.status == 2)
        #expect(notFolder.errors.contains("--csv scenarios/go-vap-2024.json/x: "), "\(notFolder.errors)")
    }

    @Test("--events in a folder that refuses new files names the user's path, not a doubled temporary name")
    func eventsInProc() throws {
        let outcome = try CommandLineTests().motcua(["run", "scenarios/go-vap-2024.json", "--set", "horizon.days=1", "--events", "/proc/version"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("--events /proc/version: "), "\(outcome.errors)")
        #expect(!outcome.errors.contains("partial"), "\(outcome.errors)")
    }
}
