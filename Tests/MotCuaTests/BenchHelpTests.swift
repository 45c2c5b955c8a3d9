import Foundation
import Testing
@testable import MotCua

@Suite("bench's help")
struct BenchHelpTests {
    @Test("every workload and question name the help prints is one --workload accepts")
    func namesPrintedWhole() throws {
        let tool = CommandLineTests()
        let help = try tool.motcua(["bench", "--help"]).output
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Workloads") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("The first line") })
        let names = lines[(start + 1)..<end].filter { $0.hasPrefix("  ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names.count >= 8)
        #expect(names.contains("compare-decided"))
        for name in names {
            // --repeat 0 stops the command after --workload was checked, so nothing runs.
            let outcome = try tool.motcua(["bench", "--workload", name, "--repeat", "0"])
            #expect(outcome.status == 2 && !outcome.errors.contains("--workload expects"), "\(name): \(outcome.errors.prefix(120))")
        }
    }
}
