import Foundation
import Testing
@testable import MotCua

/// "Every number in a scenario carries its source or 'assumption'" (docs/scenario-format.md,
/// "Sources"): the shipped planning scenarios and what-if overlays, and the tables they name.
@Suite("Every shipped number says where it comes from")
struct ScenarioSourceTests {
    /// The planning scenarios (scenarios/*.json: not validation/ or bench/, which are queueing
    /// checks and a benchmark) and every what-if overlay (scenarios/what-if/, at any depth).
    static func shippedFiles() throws -> [String] {
        let manager = FileManager.default
        let top = try manager.contentsOfDirectory(atPath: Repository.path("scenarios"))
            .filter { $0.hasSuffix(".json") }.map { "scenarios/" + $0 }
        let whatIf = try manager.subpathsOfDirectory(atPath: Repository.path("scenarios/what-if"))
            .filter { $0.hasSuffix(".json") }.map { "scenarios/what-if/" + $0 }
        return (top + whatIf).sorted()
    }

    @Test("each number of each shipped scenario, overlay and table has a source in its object or entry, with its Vietnamese")
    func shippedScenarios() throws {
        let files = try Self.shippedFiles()
        #expect(files.count >= 11, "\(files)")
        #expect(files.contains("scenarios/hcmc-two-level-2026.json") && files.contains("scenarios/what-if/city/hcmc-2025-transition.json"))
        #expect(!files.contains { $0.contains("/validation/") || $0.contains("/bench/") })
        for file in files {
            let findings = try SourceCoverage.findings(file: Repository.path(file))
            let shown = findings.prefix(40).map { "\($0.path): \($0.message)" + ($0.file.hasSuffix(".csv") ? " [\($0.file)]" : "") }
            let listing = shown.joined(separator: "\n")
            let count = findings.count
            #expect(count == 0, "\(file): \(count) findings:\n\(listing)")
        }
    }

    @Test("the rule: a number is covered by a source of its own object or of an object up to its entry, never by the file's")
    func rule() throws {
        let document = try JSONParser.parse(Array("""
            {"source": "the whole file", "sourceVi": "cả tệp", "seed": 3,
             "horizon": {"days": 30, "source": "assumption: a month", "sourceVi": "giả định: một tháng"},
             "offices": [{"id": "desk", "staff": 4, "patience": {"type": "lognormal", "mean": 90, "sd": 30},
                          "source": "assumption: ", "sourceVi": "giả định"},
                         {"id": "branch", "staff": 8, "source": "plan 12/KH item 3", "sourceVi": "Kế hoạch 12/KH mục 3"}],
             "procedures": [{"id": "p", "online": "35%", "deadline": {"workingDays": 3, "source": "Law art. 1"},
                             "steps": [{"office": "desk", "service": {"type": "deterministic", "value": 5},
                                        "source": "what-if", "sourceVi": "giả định"}]}],
             "load": {"month": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2]}}
            """.utf8))
        let found = SourceCoverage.findings(in: document, file: "x.json")
        let paths = found.map(\.path)
        #expect(Set(paths) == ["offices[desk].staff", "offices[desk].patience.mean", "offices[desk].patience.sd",
                               "offices[desk].source", "procedures[p].online", "procedures[p].deadline.source",
                               "procedures[p].steps[0].service.value", "procedures[p].steps[0].source", "load.month"],
                "\(found.map(\.description).joined(separator: "\n"))")
        #expect(found.first { $0.path == "procedures[p].deadline.source" }?.kind == .noVietnamese)
        #expect(found.first { $0.path == "offices[desk].source" }?.kind == .emptySource)
        #expect(SourceCoverage.isInformative("assumption: two counters, as the district's desk"))
        #expect(!SourceCoverage.isInformative("assumption: ") && !SourceCoverage.isInformative("giả định") && !SourceCoverage.isInformative(" "))
    }

    @Test("a table row that gives a number needs its own source and sourceVi")
    func tableRows() {
        let csv = """
            id,name,yearlyVolume,online,source,sourceVi
            a,A,100,5%,"plan 12/KH, appendix 2",Kế hoạch 12/KH phụ lục 2
            b,B,200,,assumption,giả định
            c,C,,,,
            d,D,300,,assumption: as a,
            """
        let found = SourceCoverage.tableFindings(csv, file: "t.csv")
        #expect(found.map(\.path) == ["row 3 (b)", "row 5 (d), column sourceVi"], "\(found)")
        #expect(found.first?.message.contains("yearlyVolume") == true)
    }

    @Test("validate warns of an unsourced number and still exits 0; the shipped Gò Vấp scenario gives no such warning")
    func validateWarns() throws {
        let cli = CommandLineTests()
        let folder = NSTemporaryDirectory() + "motcua-source-warnings-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let overlay = folder + "/unsourced.json"
        try #"{"offices": [{"id": "land-branch", "staff": 18}, {"id": "justice", "staff": 3, "source": "plan 12/KH"}]}"#
            .write(toFile: overlay, atomically: true, encoding: .utf8)
        let outcome = try cli.motcua(["validate", "--overlay-only", overlay])
        #expect(outcome.status == 0)
        #expect(outcome.errors.contains("warning: \(overlay): offices[land-branch].staff: a number without a source"), "\(outcome.errors)")
        // A source written without its Vietnamese version is the shipped files' rule, not a warning.
        #expect(!outcome.errors.contains("justice") && outcome.output.contains("(1 warning)"), "\(outcome.output)\(outcome.errors)")
        let shipped = try cli.motcua(["validate", "scenarios/go-vap-2024.json", "--overlay", "scenarios/what-if/volumes-2025-spreadsheet.json"])
        #expect(shipped.status == 0 && !shipped.errors.contains("source"), "\(shipped.errors)")
    }
}
