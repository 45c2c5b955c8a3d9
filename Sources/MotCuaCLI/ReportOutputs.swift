import Foundation
import MotCua

/// The report layer of the commands: every command that answers a question builds a
/// ``ReportDocument`` and hands it here, which writes `--json`, `--csv`, `--html` and
/// `--xlsx` (checked before the work by the command's ``OutputPlan``) and prints the text.
///
/// A new command plugs in with three steps: declare `OptionGroup.reports + [OptionGroup.language]`
/// in its ``CommandSpec``; create its `OutputPlan` before the work; build its document (see
/// `CompareDocument`, `SweepDocument`, `StaffDocument`) with ``provenance(_:model:file:seed:replications:)``
/// and call ``emit(_:_:plan:)``.
enum ReportOutputs {
    /// The provenance of a command's report: the scenario as its arguments made it.
    static func provenance(_ parsed: ParsedArguments, model: SimulationModel, file: String, seed: UInt64, replications: Int,
                           overlays: [String]? = nil, settings: [String]? = nil, load: Double? = nil) -> Provenance {
        let scenario = model.scenario
        return Provenance(scenarioName: scenario.name, scenarioNameVi: scenario.nameVi, file: file, fingerprint: scenario.fingerprint,
                          overlays: overlays ?? parsed.values("--overlay"), settings: settings ?? parsed.values("--set"),
                          load: load ?? parsed.load, seed: seed, replications: replications, warmUpDays: scenario.horizon.warmUpDays,
                          produced: Provenance.today())
    }

    /// Writes the document's outputs the command was given, then prints its text.
    static func emit(_ document: ReportDocument, _ parsed: ParsedArguments, plan: OutputPlan) throws(CommandFailure) {
        var plan = plan
        if parsed.value("--json") != nil { try plan.stage(JSONWriter.text(DocumentJSON.document(document)), for: "--json") }
        if parsed.value("--csv") != nil {
            for file in DocumentTables.csvFiles(document) { try plan.stage(file.text, named: file.name, inFolderOf: "--csv", parsed: parsed) }
        }
        if parsed.value("--html") != nil { try plan.stage(DocumentHTML.render(document), for: "--html") }
        if let path = parsed.value("--xlsx") {
            let data: Data
            do { data = try DocumentTables.workbook(document) } catch {
                throw .output("--xlsx \(path): cannot write the workbook: \(error)")
            }
            try plan.stage(data, for: "--xlsx")
        }
        try plan.commit()
        print(DocumentText.render(document), terminator: "")
    }
}
