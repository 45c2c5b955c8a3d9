import Foundation
import Testing
@testable import MotCua

/// Numbers from a user's files are converted only after a check (issue 15, cases 4 and 17):
/// whole numbers round-trip exactly through the JSON reader and writer, and a slice edited to
/// hold an absurd number is refused with the file, the JSON path and what was expected.
@Suite("Numbers from a user's files")
struct UserNumberTests {
    @Test("64-bit whole numbers round-trip exactly through the JSON writer and reader",
          arguments: [0, 1, 1 << 53, (1 << 53) + 1, 9_007_199_254_740_993, UInt64(Int64.max), UInt64.max] as [UInt64])
    func wholeNumbersRoundTrip(_ n: UInt64) throws {
        let text = JSONWriter.text(.object([("seed", .integer(n))]))
        #expect(text.contains("\"seed\": \(n)\n"))
        let parsed = try JSONParser.parse(Array(text.utf8))
        #expect(parsed["seed"]?.uint64Value == n)
        #expect(JSONWriter.text(parsed) == text)
    }

    @Test("negative whole numbers beyond 2^53 are kept exactly; beyond 64 bits they stay approximate numbers")
    func negativeAndHuge() throws {
        for text in ["-9007199254740993", "-9223372036854775808"] {
            #expect(JSONWriter.text(try JSONParser.parse(Array(text.utf8))) == text + "\n")
        }
        let huge = try JSONParser.parse(Array("18446744073709551616".utf8))
        #expect(huge == .number(18_446_744_073_709_551_616))
        #expect(huge.uint64Value == nil)
    }

    @Test("a replication's seed above 2^53 survives the slice file (encoder → JSON value → text → decoder)")
    func seedSurvivesSlice() async throws {
        let (_, results) = try await simulate("scenarios/validation/mm1.json", seed: 9_007_199_254_740_993, replications: 1)
        let encoded = try JSONEncoder().encode(results[0])
        let text = JSONWriter.text(try JSONParser.parse([UInt8](encoded)))
        let decoded = try JSONDecoder().decode(RunResult.self, from: Data(text.utf8))
        #expect(decoded == results[0])
    }

    /// A two-replication slice of the M/M/1 validation scenario, as `run --shard 0/1` writes it.
    static func sliceText(replication: String = "0", replications: String = "1", seed: String = "\"1\"") -> String {
        """
        {"format": "motcua-slice/1", "scenario": "scenarios/validation/mm1.json", "overlays": [], "settings": [],
         "load": 1, "fingerprint": "0", "seed": \(seed), "replications": \(replications), "shard": "0/1",
         "results": [{"replication": \(replication), "result": {}}]}
        """
    }

    @Test("a slice edited to absurd numbers is refused with the JSON path and what was expected",
          arguments: [("replications", sliceText(replications: "1e300"), "$.replications"),
                      ("replications", sliceText(replications: "2.5"), "$.replications"),
                      ("replication", sliceText(replication: "1e300"), "$.results[0].replication"),
                      ("replication", sliceText(replication: "-1"), "$.results[0].replication"),
                      ("seed", sliceText(seed: "\"banana\""), "$.seed")])
    func absurdSliceNumbers(_ what: String, _ text: String, _ path: String) {
        #expect {
            _ = try SliceFile(bytes: Array(text.utf8), file: "slice.json")
        } throws: { error in
            guard let error = error as? ScenarioError, let issue = error.issues.first else { return false }
            return error.file == "slice.json" && issue.path == path && issue.message.contains("expected")
        }
    }

    @Test("merge of a slice edited to \"replication\": 1e300 or \"replications\": 1e300: status 2, no trap")
    func mergeRefusesAbsurdSlices() throws {
        let cli = CommandLineTests()
        let dir = NSTemporaryDirectory() + "motcua-slices-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try cli.motcua(["run", "scenarios/validation/mm1.json", "--set", "horizon.days=5", "--replications", "2",
                                   "--shard", "0/1", "--json", "\(dir)/slice.json"])
        try #require(made.status == 0)
        let slice = try String(contentsOfFile: "\(dir)/slice.json", encoding: .utf8)
        for (original, edited) in [("\"replication\": 1,", "\"replication\": 1e300,"), ("\"replications\": 2,", "\"replications\": 1e300,")] {
            try #require(slice.contains(original))
            try slice.replacingOccurrences(of: original, with: edited).write(toFile: "\(dir)/edited.json", atomically: true, encoding: .utf8)
            let merged = try cli.motcua(["merge", "\(dir)/edited.json"])
            #expect(merged.status == 2, "\(edited)")
            #expect(merged.errors.contains("edited.json") && merged.errors.contains("expected a whole number"), "\(merged.errors)")
        }
    }
}
