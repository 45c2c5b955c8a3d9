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
            The holiday table is named relative to the new file (scenarios/calendars/vietnam.json
            when the file is written under scenarios/). --year moves the horizon and the pre-Tết
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
        let directory = (file as NSString).deletingLastPathComponent
        let holidays = holidayPath(from: directory.isEmpty ? "." : directory)
        var units: [JSONValue]?
        if let table = parsed.value("--units") {
            do throws(ScenarioError) {
                units = try UnitTable.units(path: table, template: template.document(units: nil, wards: 1, holidays: holidays))
            } catch {
                throw .badInput(error.description)
            }
        }
        let document = template.document(units: units, wards: parsed.integer("--wards", default: template.defaultUnits),
                                         holidays: holidays, year: year)
        let text = JSONWriter.text(document)
        let scenario: Scenario
        do throws(ScenarioError) {
            scenario = try ScenarioLoader.decode(Array(text.utf8), file: file, directory: directory.isEmpty ? "." : directory)
        } catch {
            throw .badInput(error.description)
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

    /// The shipped holiday table as the new file should name it: relative to the file's folder
    /// when the table is found (next to it, or under ./scenarios), else `calendars/vietnam.json`.
    static func holidayPath(from directory: String) -> String {
        let table = "calendars/vietnam.json"
        let manager = FileManager.default
        if manager.fileExists(atPath: (directory as NSString).appendingPathComponent(table)) { return table }
        let shipped = (manager.currentDirectoryPath as NSString).appendingPathComponent("scenarios/" + table)
        guard manager.fileExists(atPath: shipped) else { return table }
        let from = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = URL(fileURLWithPath: shipped).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to.dropFirst(common)).joined(separator: "/")
    }
}
