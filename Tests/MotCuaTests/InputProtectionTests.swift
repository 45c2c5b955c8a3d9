import Foundation
import Testing
@testable import MotCua

/// The files a scenario names (holiday table, procedure table, unit table) and the files a
/// folder output writes are inputs and outputs like the others: no output may overwrite an
/// input, and no two outputs may be one file — refused up front with exit status 2 (red-team
/// review of 3bf2f71, findings 1, 9, 10, 11, 12 and 18).
extension CommandLineTests {
    static let fiveDays = ["--set", "horizon.days=5"]

    /// A copy of the Gò Vấp scenario in `folder` under `name`, with its holiday table next to it.
    func districtCopy(in folder: String, named name: String = "gv.json") throws -> String {
        let path = folder + "/" + name
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/go-vap-2024.json"), toPath: path)
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/calendars"), toPath: folder + "/calendars")
        return path
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("the holiday table a scenario names is an input: --json over it is refused by run, compare, sweep, staff and calibrate")
    func calendarIsInput() throws {
        let folder = try scratchFolder("calendar-input")
        let scenario = try districtCopy(in: folder)
        let calendar = folder + "/calendars/vietnam.json"
        let original = try bytes(calendar)
        let commands: [[String]] = [
            ["run", scenario, "--json", calendar],
            ["compare", scenario, "--variant", Repository.path("scenarios/what-if/online-plus-20.json"), "--json", calendar],
            ["sweep", scenario, "--load", "1:1.2:0.2", "--json", calendar],
            ["staff", scenario, "--office", "land-branch=15:16", "--target", "late-land", "--json", calendar],
        ]
        for arguments in commands {
            let outcome = try motcua(arguments + Self.fiveDays)
            #expect(outcome.status == 2 && outcome.errors.contains("is also an input") && outcome.errors.contains("holiday table"),
                    "\(arguments[0]): \(outcome.errors)")
        }
        let records = Repository.path("scenarios/samples/go-vap-synthetic-records.csv")
        let calibrate = try motcua(["calibrate", records, "--base", scenario, "--out", calendar])
        #expect(calibrate.status == 2 && calibrate.errors.contains("is also an input"), "\(calibrate.errors)")
        #expect(try bytes(calendar) == original)
    }

    @Test("an overlay's procedure table is an input: --csv into its folder (a table named procedures.csv) and --events over it are refused")
    func procedureTableIsInput() throws {
        let folder = try scratchFolder("table-input")
        try FileManager.default.createDirectory(atPath: folder + "/tables", withIntermediateDirectories: true)
        let table = folder + "/tables/procedures.csv"
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/tables/go-vap-2025-volumes.csv"), toPath: table)
        let overlay = folder + "/volumes.json"
        try "{\"procedureTable\": \"\(table)\"}".write(toFile: overlay, atomically: true, encoding: .utf8)
        let original = try bytes(table)
        let base = ["run", "scenarios/go-vap-2024.json", "--overlay", overlay] + Self.fiveDays
        let csv = try motcua(base + ["--csv", folder + "/tables"])
        #expect(csv.status == 2 && csv.errors.contains("writes procedures.csv there, which is also an input"), "\(csv.errors)")
        let events = try motcua(base + ["--events", table])
        #expect(events.status == 2 && events.errors.contains("is also an input (the procedure table"), "\(events.errors)")
        #expect(try bytes(table) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/tables") == ["procedures.csv"])
    }

    @Test("a scenario named daily.csv in the --csv folder is not overwritten by the daily table")
    func scenarioInCSVFolder() throws {
        let folder = try scratchFolder("csv-scenario")
        let scenario = try districtCopy(in: folder, named: "daily.csv")
        let original = try bytes(scenario)
        let outcome = try motcua(["run", scenario, "--csv", folder] + Self.fiveDays)
        #expect(outcome.status == 2 && outcome.errors.contains("writes daily.csv there, which is also an input (the scenario"),
                "\(outcome.errors)")
        #expect(try bytes(scenario) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["calendars", "daily.csv"])
    }

    @Test("--json naming a file the --csv folder writes is refused up front, and nothing is written")
    func outputCollidesWithCSVFolder() throws {
        let folder = try scratchFolder("csv-collision")
        let outcome = try motcua(["run", "scenarios/go-vap-2024.json", "--csv", folder, "--json", folder + "/targets.csv"] + Self.fiveDays)
        #expect(outcome.status == 2 && outcome.errors.contains("writes targets.csv there, which --json"), "\(outcome.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("the up-front list of CSV names covers every table the sources name (ReportTable ids, run's Table titles, named files)")
    func csvNamesKnown() throws {
        var names: [String] = []
        let sources = Repository.path("Sources")
        for case let file as String in FileManager.default.enumerator(atPath: sources)! where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for pattern in [#"ReportTable\(id: "([^"]+)""#, #"Table\(title: "([a-z_-]+)""#, #"named: "([^"]+\.csv)""#] {
                let regex = try NSRegularExpression(pattern: pattern)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let name = String(text[Range(match.range(at: 1), in: text)!])
                    names.append(name.hasSuffix(".csv") ? name : name + ".csv")
                }
            }
        }
        #expect(names.count > 20)
        // Sheet1: the empty workbook's sheet; an interpolated id (drivers' per-target tables) is display-only.
        for name in Set(names) where name != "Sheet1.csv" && !name.contains("\\(") {
            #expect(DocumentTables.knownCSVNames.contains(name), "\(name) is not in DocumentTables.knownCSVNames")
        }
    }

    @Test("an overlay's relative procedureTable is read next to the overlay; a missing one is reported with its resolved path")
    func overlayRelativeTable() throws {
        let folder = try scratchFolder("overlay-relative")
        try FileManager.default.createDirectory(atPath: folder + "/tables", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/tables/go-vap-2025-volumes.csv"), toPath: folder + "/tables/v.csv")
        try "{\"procedureTable\": \"tables/v.csv\"}".write(toFile: folder + "/ok.json", atomically: true, encoding: .utf8)
        try "{\"procedureTable\": \"tables/none.csv\"}".write(toFile: folder + "/missing.json", atomically: true, encoding: .utf8)
        let ok = try motcua(["validate", "scenarios/go-vap-2024.json", "--overlay", folder + "/ok.json"])
        #expect(ok.status == 0, "\(ok.errors)")
        let missing = try motcua(["validate", "scenarios/go-vap-2024.json", "--overlay", folder + "/missing.json"])
        #expect(missing.status == 2 && missing.errors.contains("tables/none.csv (resolved to \(folder)/tables/none.csv)"), "\(missing.errors)")
        let shipped = try motcua(["validate", "scenarios/go-vap-2024.json", "--overlay", "scenarios/what-if/volumes-2025-spreadsheet.json"])
        #expect(shipped.status == 0, "\(shipped.errors)")
    }

    @Test("a device, a loop of links and a dangling link as the scenario: each said as it is, exit 2")
    func oddScenarioFiles() throws {
        let folder = try scratchFolder("odd-files")
        try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: folder + "/b")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: folder + "/a")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: folder + "/none")
        for (file, said) in [("/dev/null", "is not a regular file"), (folder + "/a", "loop of symbolic links"),
                             (folder + "/dangling", "symbolic link to a missing file")] {
            let outcome = try motcua(["run", file])
            #expect(outcome.status == 2 && outcome.errors.contains(said), "\(file): \(outcome.errors)")
        }
    }

    @Test("new works from any folder: outside the repository the holiday table is copied next to the new file, which validates")
    func newOutsideRepository() throws {
        let folder = try scratchFolder("new-anywhere")
        let made = try shell("cd \(folder) && \"$M\" new \(folder)/x.json --template district-2024 && \"$M\" validate x.json")
        #expect(made.status == 0, "\(made.errors)")
        #expect(try String(contentsOfFile: folder + "/x.json", encoding: .utf8).contains("\"holidays\": \"calendars/vietnam.json\""))
        #expect(try bytes(folder + "/calendars/vietnam.json") == bytes(Repository.path("scenarios/calendars/vietnam.json")))
        let inside = try motcua(["new", folder + "/../" + (folder as NSString).lastPathComponent + "/y.json", "--template", "ward-centre"])
        #expect(inside.status == 0 && !inside.output.contains("copied"), "a table next to the file is used as it is: \(inside.output)")
    }

    @Test("new --units with the project's city table (a notes column) writes a valid scenario keeping the table's notes")
    func newWithUnitNotes() throws {
        let folder = try scratchFolder("new-units")
        let file = folder + "/u.json"
        let outcome = try motcua(["new", file, "--template", "city-unit", "--units", "scenarios/tables/hcmc-2026-units.csv"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("merged from: Phường Bến Nghé"))
        #expect(try motcua(["validate", file]).status == 0)
    }

    @Test("--target: an exact id selects only itself, a prefix selects what it begins (said), an unknown id lists the ids")
    func targetSelection() throws {
        let ids = ["late-land", "late-land-branch", "on-time"]
        let exact = try TargetSelection.select(["late-land"], among: ids).get()
        #expect(exact.flatMap(\.ids) == ["late-land"] && exact[0].note == nil)
        let prefix = try TargetSelection.select(["late-lan"], among: ids).get()
        #expect(prefix.flatMap(\.ids) == ["late-land", "late-land-branch"])
        #expect(prefix[0].note?.contains("selects by prefix: late-land, late-land-branch") == true)
        guard case .failure(let unmatched) = TargetSelection.select(["typo"], among: ids) else {
            Issue.record("an unknown --target was accepted")
            return
        }
        #expect(unmatched.message.contains("targets: late-land, late-land-branch, on-time"))
        let staff = try motcua(["staff", "scenarios/go-vap-2024.json", "--office", "land-branch=15:16", "--target", "nope"] + Self.fiveDays)
        #expect(staff.status == 2 && staff.errors.contains("--target nope") && staff.errors.contains("late-land"), "\(staff.errors)")
    }

    @Test("a compare document's differences of shares are the same number (percentage points) in the JSON and the CSV")
    func pointsAgree() throws {
        let document = ReportDocumentTests.document(.en)
        let json = DocumentJSON.document(document)
        guard case .array(let sections)? = json["sections"], case .array(let tables)? = sections.first?["tables"],
              case .array(let rows)? = tables.first?["rows"], case .number(let mean)? = rows.first?["difference"]?["mean"] else {
            Issue.record("no difference in the JSON")
            return
        }
        let csv = try #require(DocumentTables.csvFiles(document).first { $0.name == "targets.csv" }?.text)
        let cells = csv.split(separator: "\n")[1].split(separator: ",")
        #expect(abs(mean - (Double(cells[cells.count - 4]) ?? .nan)) < 0.005, "JSON \(mean), CSV \(cells)")
    }

    @Test("compare shows a variant's own threshold when it differs, and warns when the variant is another scenario")
    func compareThresholdsAndUnrelated() throws {
        let folder = try scratchFolder("compare-thresholds")
        let overlay = folder + "/strict.json"
        try "{\"targets\": [{\"id\": \"late-land\", \"threshold\": 0.0001}]}".write(toFile: overlay, atomically: true, encoding: .utf8)
        let strict = try motcua(["compare", "scenarios/go-vap-2024.json", "--variant", overlay, "--replications", "2"] + Self.fiveDays)
        #expect(strict.status == 0, "\(strict.errors)")
        #expect(strict.output.contains("threshold [1]") && strict.output.contains("< 0.01%"), "\(strict.output)")
        #expect(!strict.output.contains("another scenario"))
        let districts = try motcua(["compare", "scenarios/go-vap-2024.json", "scenarios/binh-tan-2023.json", "--replications", "2"] + Self.fiveDays)
        #expect(districts.status == 0, "\(districts.errors)")
        #expect(districts.output.contains("[1] is another scenario"), "\(districts.output)")
    }
}
