import Foundation
import MotCua

/// Cluster runs without a cluster of our own: `run --shard I/N` computes one deterministic
/// slice of an experiment's replications and writes them to a slice file; `merge` combines the
/// slices into the report a single machine gives, byte for byte (the same replications, the
/// same seeds, summarised by the same code).
enum Sharding {
    static let mergeSpec = CommandSpec(
        "merge", summary: "combine the slices of a sharded (cluster) run into one report",
        positionals: [PositionalSpec(name: "slice.json", repeatable: true, optional: false)],
        options: OptionGroup.reports + [OptionGroup.language],
        details: """
            Combines the slice files written by `motcua run … --shard I/N --json slice-I.json` into
            the report of the whole experiment. The slices must come from the same scenario,
            overlays, settings, load and seed, and together hold every replication exactly once.
            See docs/cluster.md.
            """,
        run: merge)

    /// The shard of this process: `I/N`, `env` (Slurm array), `env/N` or `env-B/N` (the task
    /// ID minus B; Kubernetes' `JOB_COMPLETION_INDEX` before Slurm's `SLURM_ARRAY_TASK_ID`).
    /// See `ShardAssignment.resolve`.
    ///
    /// A malformed `--shard` throws (the usage follows); variables that give no shard stop the
    /// process here with one line naming the values found — in a batch job that line is the
    /// whole log, and the usage would bury it.
    static func shard(_ text: String?, environment: [String: String]) throws(UsageError) -> (index: Int, count: Int)? {
        guard let text else { return nil }
        do throws(ShardAssignment.Problem) {
            let shard = try ShardAssignment.resolve(text, environment: environment)
            return (shard.index, shard.count)
        } catch where error.kind == .syntax {
            throw UsageError(message: error.message)
        } catch {
            printError("error: \(error.message)")
            exit(ExitStatus.badInput.rawValue)
        }
    }

    /// The slice document of a shard.
    static func slice(arguments parsed: ParsedArguments, load: Double, model: SimulationModel, seed: UInt64, replications: Int,
                      shard: (index: Int, count: Int), results: [(Int, RunResult)]) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let settings = parsed.settings
        return .object([
            ("format", .string("motcua-slice/1")),
            ("scenario", .string(parsed.positional[0])),
            ("overlays", .array((parsed.all["--overlay"] ?? []).map(JSONValue.string))),
            ("settings", .array(settings.map { .string("\($0.0)=\($0.1)") })),
            ("load", .number(load)),
            ("fingerprint", .string(String(model.scenario.fingerprint, radix: 16))),
            ("seed", .string(String(seed))),
            ("replications", .number(Double(replications))),
            ("shard", .string("\(shard.index)/\(shard.count)")),
            ("results", .array(results.map { index, result in
                let data = (try? encoder.encode(result)) ?? Data()
                let value = (try? JSONParser.parse([UInt8](data))) ?? .null
                return .object([("replication", .number(Double(index))), ("result", value)])
            })),
        ])
    }

    static func merge(_ parsed: ParsedArguments) throws(CommandFailure) {
        let h: SliceFile, results: [RunResult]
        do {
            var slices: [SliceFile] = []
            for file in parsed.positional { slices.append(try SliceFile(path: file)) }
            h = slices[0]
            results = try SliceFile.combine(slices, files: parsed.positional)
        } catch {
            throw .badInput(error.description)
        }
        let settings = h.settings.map { setting in
            let eq = setting.firstIndex(of: "=") ?? setting.endIndex
            return (String(setting[..<eq]), eq == setting.endIndex ? "" : String(setting[setting.index(after: eq)...]))
        }
        let model = try loadModel(h.scenario, overlays: h.overlays, settings: settings, load: h.load)
        guard String(model.scenario.fingerprint, radix: 16) == h.fingerprint else {
            throw .badInput("\(h.scenario) (with its overlays and settings) has changed since the slices were computed; run the shards again")
        }
        let inputs = parsed.positional.map { OutputPlan.Input(what: "a slice", path: $0) }
            + [OutputPlan.Input(what: "the scenario of the slices", path: h.scenario)]
            + h.overlays.map { OutputPlan.Input(what: "an overlay of the slices", path: $0) }
        let plan = try OutputPlan(parsed, inputs: inputs, scenarios: [model.scenario])
        let summary = ExperimentSummary(model: model, seed: h.seed, results: results)
        try emitReports(summary, parsed, plan: plan,
                        provenance: ReportOutputs.provenance(parsed, model: model, file: h.scenario, seed: h.seed, replications: results.count,
                                                             overlays: h.overlays, settings: h.settings, load: h.load))
    }
}
