import Foundation
import Testing
@testable import MotCua

/// An output replaces an existing file only when MotCua wrote it as the same kind of output: a
/// mistyped output option never replaces a scenario, a data table or a file of the user's
/// (red-team review 4, defect 7), and the same command run twice still replaces its own outputs.
extension CommandLineTests {
    /// The city scenario, a unit table and a foreign workbook in `folder`, with their bytes.
    func userFiles(in folder: String) throws -> [String: Data] {
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/hcmc-2026.json"), toPath: folder + "/hc.json")
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/tables/hcmc-2026-units.csv"), toPath: folder + "/units.csv")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00] + Array(repeating: 0x41, count: 60))
            .write(to: URL(fileURLWithPath: folder + "/book.xlsx"))
        try FileManager.default.createDirectory(atPath: folder + "/tables", withIntermediateDirectories: true)
        try "procedure,count\ncertify-copy,3\n".write(toFile: folder + "/tables/fields.csv", atomically: true, encoding: .utf8)
        var files: [String: Data] = [:]
        for name in ["hc.json", "units.csv", "book.xlsx", "tables/fields.csv"] { files[name] = try bytes(folder + "/" + name) }
        return files
    }

    @Test("run refuses to replace a scenario, a data table or a foreign file by any output, before any work (exit 2)")
    func outputsRefuseForeignFiles() throws {
        let folder = try scratchFolder("overwrite-foreign")
        let scenario = try scenarioCopy(in: folder)
        let originals = try userFiles(in: folder)
        let cases: [(arguments: [String], expected: String)] = [
            (["--events", folder + "/hc.json"], "is not a MotCua event log (it looks like a MotCua scenario)"),
            (["--json", folder + "/hc.json"], "is not a MotCua JSON output (it looks like a MotCua scenario)"),
            (["--html", folder + "/units.csv"], "is not a MotCua HTML report (it looks like a CSV table with header \"id,name"),
            (["--xlsx", folder + "/book.xlsx"], "is not a MotCua workbook (it looks like a ZIP archive"),
            (["--xlsx", folder + "/units.csv"], "is not a MotCua workbook (it looks like a CSV table"),
            (["--csv", folder + "/tables"], "writes fields.csv there, but that file exists and is not a MotCua CSV table"),
        ]
        for (arguments, expected) in cases {
            let outcome = try motcua(["run", scenario] + Self.small + arguments)
            #expect(outcome.status == 2 && outcome.errors.contains(arguments[0] + " " + arguments[1]) && outcome.errors.contains(expected)
                    && outcome.errors.contains("choose another"), "\(arguments): \(outcome.errors)")
            // Refused before the simulation: no report printed, nothing written.
            #expect(outcome.output.isEmpty, "\(arguments): \(outcome.output.prefix(200))")
        }
        for (name, data) in originals { #expect(try bytes(folder + "/" + name) == data, "\(name) changed") }
        #expect(partials(in: folder).isEmpty && partials(in: folder + "/tables").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/tables") == ["fields.csv"])
    }

    @Test("compare, sweep, staff, drivers, calibrate and merge refuse to replace a scenario by their outputs")
    func everyCommandRefusesForeignFiles() throws {
        let folder = try scratchFolder("overwrite-commands")
        let district = try districtCopy(in: folder)
        let target = folder + "/hc.json"
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/hcmc-2026.json"), toPath: target)
        let original = try bytes(target)
        let slice = folder + "/slice.json"
        #expect(try motcua(["run", district, "--replications", "2", "--shard", "0/1", "--json", slice] + Self.fiveDays).status == 0)
        let commands: [[String]] = [
            ["compare", district, "--variant", Repository.path("scenarios/what-if/online-plus-20.json"), "--html", target] + Self.fiveDays,
            ["sweep", district, "--load", "1:1.2:0.2", "--json", target] + Self.fiveDays,
            ["staff", district, "--office", "land-branch=15:16", "--target", "late-land", "--xlsx", target] + Self.fiveDays,
            ["drivers", district, "--json", target] + Self.fiveDays,
            ["calibrate", Repository.path("scenarios/samples/go-vap-synthetic-records.csv"), "--base", district, "--out", target],
            ["merge", slice, "--json", target],
        ]
        for arguments in commands {
            let outcome = try motcua(arguments)
            #expect(outcome.status == 2 && outcome.errors.contains("the file exists and is not a")
                    && outcome.errors.contains("it looks like a MotCua scenario"), "\(arguments[0]): \(outcome.errors)")
        }
        #expect(try bytes(target) == original)
    }

    @Test("the same command run twice replaces its own outputs; an empty file is replaced too")
    func outputsReplaceTheirOwn() throws {
        let folder = try scratchFolder("overwrite-rerun")
        let district = try districtCopy(in: folder)
        let outputs = ["--json", folder + "/r.json", "--html", folder + "/r.html", "--xlsx", folder + "/r.xlsx",
                       "--events", folder + "/e.csv", "--csv", folder + "/tables"]
        let variant = ["--variant", Repository.path("scenarios/what-if/online-plus-20.json")]
        let compareOutputs = ["--json", folder + "/c.json", "--html", folder + "/c.html", "--xlsx", folder + "/c.xlsx", "--csv", folder + "/ctables"]
        let calibrate = ["calibrate", Repository.path("scenarios/samples/go-vap-synthetic-records.csv"), "--base", district,
                         "--out", folder + "/calibrated.json"]
        let shard = ["run", district, "--replications", "2", "--shard", "0/1", "--json", folder + "/slice.json"] + Self.fiveDays
        for round in 1...2 {
            for arguments in [["run", district] + Self.fiveDays + outputs, ["compare", district] + variant + Self.fiveDays + compareOutputs,
                              calibrate, shard] {
                let outcome = try motcua(arguments)
                #expect(outcome.status == 0, "round \(round), \(arguments[0]): \(outcome.errors)")
            }
        }
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.json"))
        #expect(try motcua(["run", district, "--json", folder + "/empty.json"] + Self.fiveDays).status == 0)
        #expect(try String(contentsOfFile: folder + "/empty.json", encoding: .utf8).contains("motcua-report"))
    }

    @Test("new from outside the repository with a copied executable finds the holiday table installed beside it")
    func newFindsTableBesideCopiedExecutable() throws {
        let folder = try scratchFolder("overwrite-new-outside")
        try FileManager.default.createDirectory(atPath: folder + "/bin/calendars", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/work/plan", withIntermediateDirectories: true)
        let script = "cp \"$M\" \(folder)/bin/motcua && cd \(folder)/work && \(folder)/bin/motcua new plan/x.json --template district-2024"
        let without = try shell(script)
        #expect(without.status == 2 && without.errors.contains("beside the motcua executable"), "\(without.errors)")
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/calendars/vietnam.json"), toPath: folder + "/bin/calendars/vietnam.json")
        let with = try shell(script)
        #expect(with.status == 0, "\(with.errors)")
        #expect(try bytes(folder + "/work/plan/calendars/vietnam.json") == bytes(Repository.path("scenarios/calendars/vietnam.json")))
        let valid = try motcua(["validate", folder + "/work/plan/x.json"])
        #expect(valid.status == 0, "\(valid.errors)")
    }
}
