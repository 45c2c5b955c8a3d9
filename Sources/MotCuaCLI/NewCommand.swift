import Foundation
import MotCua

/// `motcua new`: a starting scenario from a template, for a planner to edit.
enum NewCommand {
    static let spec = CommandSpec(
        "new", summary: "write a starting scenario from a template, to edit into your own",
        positionals: [PositionalSpec(name: "file.json", repeatable: false, optional: false)],
        options: [OptionSpec("--template", "NAME", .choice(ScenarioTemplate.allCases.map(\.rawValue)), required: true,
                             help: "ward-centre: a ward centre after July 2025; district-2024: a district and",
                             "its wards; city-unit: a ward centre with land dossiers decided by a city branch"),
                  OptionSpec("--wards", "N", .integer(1...1000), help: "number of units (wards), numbered 1…N (default: 1, or 10",
                             "for district-2024)"),
                  OptionSpec("--units", "CSV", .input, help: "the units from a table: columns name or nameVi, and any of id, kind,",
                             "group, population, weight, staff (docs/scenario-format.md, unitTable)"),
                  OptionSpec("--year", "YYYY", .integer(2023...2035), help: "the horizon's year, 1 January to 31 December (default 2024",
                             "for district-2024, else 2026): 2023–2025 for district-2024, 2025–2035",
                             "for the others (the holiday table's years in which such units exist)")],
        details: """
            Writes a small valid scenario in which every entry carries "source": "assumption: template"
            and a "notes" text saying what to replace. It refuses to overwrite an existing file.
            The holiday table is named relative to the new file: calendars/vietnam.json next to it
            when there is one; inside the repository, the shipped scenarios/calendars/vietnam.json;
            anywhere else, the shipped table (found in the repository the executable was built in,
            or installed as calendars/vietnam.json beside the executable) is copied to
            calendars/vietnam.json next to the new file, so that its folder works from any directory. --year moves the horizon and the pre-Tết
            surge to that year. Next: docs/how-to-your-ward.md.
            """,
        run: main)

    static func main(_ parsed: ParsedArguments) async throws(CommandFailure) {
        let file = parsed.positional[0]
        guard let template = ScenarioTemplate(rawValue: parsed.value("--template") ?? "") else {
            throw .usage("--template: expected one of \(ScenarioTemplate.allCases.map(\.rawValue).joined(separator: ", "))",
                         command: spec)
        }
        if parsed.value("--wards") != nil, parsed.value("--units") != nil {
            throw .usage("give either --wards or --units, not both", command: spec)
        }
        let year = parsed.value("--year").flatMap { Int($0) }  // a whole number 2023…2035, checked by the parser
        if let year, !template.years.contains(year) {
            throw .usage("--year \(year): the \(template.rawValue) template covers \(template.years.lowerBound)–\(template.years.upperBound)"
                         + (template == .district2024 ? " (districts ended on 1 July 2025; use ward-centre or city-unit for later years)"
                                                      : " (ward centres and the two-level city began on 1 July 2025)"),
                         command: spec)
        }
        if FileManager.default.fileExists(atPath: file) {
            throw .badInput("\(file) already exists; refusing to overwrite it (choose another name or remove it yourself)")
        }
        let directory = OutputFile.split(file).folder
        let calendar = try holidayTable(for: directory)
        let made = "\(file) (not written: the scenario made from --template \(template.rawValue)"
            + (parsed.value("--units").map { " and --units \($0)" } ?? "") + ")"
        var units: [JSONValue]?
        if let table = parsed.value("--units") {
            do throws(ScenarioError) {
                units = try UnitTable.units(path: table, template: template.document(units: nil, wards: 1, holidays: calendar.checked))
            } catch {
                throw .badInput(error.description)
            }
        }
        let wards = parsed.integer("--wards", default: template.defaultUnits)
        let text = JSONWriter.text(template.document(units: units, wards: wards, holidays: calendar.named, year: year))
        let scenario: Scenario
        do throws(ScenarioError) {
            // Checked with the table where it is now; the copy, if any, is written only once the scenario is valid.
            let checked = JSONWriter.text(template.document(units: units, wards: wards, holidays: calendar.checked, year: year))
            scenario = try ScenarioLoader.decode(Array(checked.utf8), file: made, directory: directory)
        } catch {
            throw .badInput(error.description)
        }
        // The scenario's folder must exist before anything (the table's copy) is written there.
        do throws(OutputFile.WriteError) { _ = try OutputFile.target(file) } catch { throw .output(error.description) }
        if let copy = calendar.copy {
            do { try FileManager.default.createDirectory(atPath: OutputFile.split(copy.to).folder, withIntermediateDirectories: true) } catch {
                throw .output("cannot create the folder \(OutputFile.split(copy.to).folder): \(error.localizedDescription)")
            }
            let bytes: Data
            do { bytes = try Data(contentsOf: URL(fileURLWithPath: copy.from)) } catch {
                throw .badInput("cannot read the shipped holiday table \(copy.from): \(error.localizedDescription)")
            }
            try write(String(decoding: bytes, as: UTF8.self), to: copy.to)
            print("copied the shipped holiday table to \(copy.to) (the scenario names it as \(calendar.named); update it there)")
        }
        try write(text, to: file)
        let unitCount = scenario.offices.first { !$0.instances.isEmpty }?.instances.count ?? 0
        print("written: \(file) — \(template.rawValue), \(unitCount) units, \(scenario.procedures.count) procedures; "
              + "every value is \"\(ScenarioTemplate.source)\" until you replace it")
        print("next: motcua validate \(file)   (then docs/how-to-your-ward.md)")
    }

    /// Writes through a temporary file, so that an interruption leaves no half-written scenario.
    static func write(_ text: String, to file: String) throws(CommandFailure) {
        do throws(OutputFile.WriteError) {
            let target = try OutputFile.target(file)
            try OutputFile.stage(Data(text.utf8), to: target)
            try OutputPlan.committing.withLock { _ throws(OutputFile.WriteError) in try OutputFile.commit(target) }
        } catch {
            throw .output(error.description)
        }
    }

    /// The holiday table of a new scenario in `directory`: the path the file names (relative to
    /// it), the path to check the scenario with now, and the shipped table to copy next to the
    /// file when it is outside the repository the table was found in (so that the new folder
    /// works wherever it is run from, and moved or sent as a whole).
    struct HolidayChoice {
        let named: String
        let checked: String
        let copy: (from: String, to: String)?
    }

    /// Where the shipped holiday table is: under the repository the current folder is in (at any
    /// depth), under the repository the motcua executable was built in, or installed beside a
    /// copied executable (`calendars/vietnam.json` next to it, or `../share/motcua/calendars/`),
    /// and whether it lies in a repository (a table found beside the executable is copied).
    static func shippedHolidayTable() -> (path: String, inRepository: Bool)? {
        let table = "scenarios/calendars/vietnam.json"
        let manager = FileManager.default
        let executableFolder = OutputFile.split(OutputFile.resolvingLinks("/proc/self/exe")).folder
        var candidates: [(path: String, inRepository: Bool)] = []
        for start in [OutputFile.resolvingLinks(manager.currentDirectoryPath), executableFolder] {
            var folder = start
            while !folder.isEmpty && folder != "." {
                candidates.append(((folder as NSString).appendingPathComponent(table), true))
                if folder == "/" { break }
                folder = OutputFile.split(folder).folder
            }
        }
        for installed in ["calendars/vietnam.json", "../share/motcua/calendars/vietnam.json"] {
            candidates.append(((executableFolder as NSString).appendingPathComponent(installed), false))
        }
        return candidates.first { manager.fileExists(atPath: $0.path) }.map { (OutputFile.resolvingLinks($0.path), $0.inRepository) }
    }

    static func holidayTable(for directory: String) throws(CommandFailure) -> HolidayChoice {
        let table = "calendars/vietnam.json"
        let nextTo = (directory as NSString).appendingPathComponent(table)
        if FileManager.default.fileExists(atPath: nextTo) { return HolidayChoice(named: table, checked: table, copy: nil) }
        guard let found = shippedHolidayTable() else {
            throw .badInput("cannot find the shipped holiday table (scenarios/calendars/vietnam.json of the repository, or "
                            + "calendars/vietnam.json beside the motcua executable) from here; "
                            + "put a holiday table at \(nextTo) and run motcua new again")
        }
        let shipped = found.path
        guard found.inRepository else { return HolidayChoice(named: table, checked: shipped, copy: (shipped, nextTo)) }
        let repository = OutputFile.split(OutputFile.split(OutputFile.split(shipped).folder).folder).folder
        let from = URL(fileURLWithPath: OutputFile.resolvingLinks(directory)).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: shipped).standardizedFileURL.pathComponents
        let inside = from.starts(with: URL(fileURLWithPath: repository).standardizedFileURL.pathComponents)
        guard inside else { return HolidayChoice(named: table, checked: shipped, copy: (shipped, nextTo)) }
        let common = zip(from, to).prefix { $0 == $1 }.count
        let relative = (Array(repeating: "..", count: from.count - common) + to.dropFirst(common)).joined(separator: "/")
        return HolidayChoice(named: relative, checked: relative, copy: nil)
    }
}
