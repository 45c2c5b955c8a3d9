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
        func bad(_ file: String, _ message: String) -> Never {
            stop(.badInput("\(file): \(message)"))
        }
        var header: (scenario: String, overlays: [String], settings: [String], load: Double, fingerprint: String, seed: String, replications: Int)?
        var results: [Int: RunResult] = [:]
        for file in parsed.positional {
            guard let data = FileManager.default.contents(atPath: file) else { bad(file, "cannot be read") }
            guard let document = try? JSONParser.parse([UInt8](data)), document["format"] == .string("motcua-slice/1") else {
                bad(file, "not a slice file (format motcua-slice/1) written by motcua run --shard")
            }
            func string(_ key: String) -> String { if case .string(let s)? = document[key] { return s } else { bad(file, "missing \(key)") } }
            func strings(_ key: String) -> [String] {
                guard case .array(let items)? = document[key] else { bad(file, "missing \(key)") }
                return items.map { if case .string(let s) = $0 { return s } else { bad(file, "\(key) must hold strings") } }
            }
            guard case .number(let load)? = document["load"], case .number(let reps)? = document["replications"] else { bad(file, "missing load or replications") }
            let this = (string("scenario"), strings("overlays"), strings("settings"), load, string("fingerprint"), string("seed"), Int(reps))
            if let h = header {
                guard h.fingerprint == this.4, h.seed == this.5, h.replications == this.6 else {
                    bad(file, "comes from another experiment (scenario, overlays, settings, load, seed or replications differ) than \(parsed.positional[0])")
                }
            } else {
                header = this
            }
            guard case .array(let items)? = document["results"] else { bad(file, "missing results") }
            for item in items {
                guard case .number(let r)? = item["replication"], let value = item["result"],
                      let result = try? JSONDecoder().decode(RunResult.self, from: Data(JSONWriter.text(value).utf8)) else {
                    bad(file, "a result cannot be read")
                }
                if results[Int(r)] != nil { bad(file, "replication \(Int(r)) is also in another slice") }
                results[Int(r)] = result
            }
        }
        let h = header!
        let missing = (0..<h.replications).filter { results[$0] == nil }
        guard missing.isEmpty else {
            throw .badInput("replications missing from the slices: \(missing.prefix(20).map(String.init).joined(separator: ", "))\(missing.count > 20 ? "…" : "")")
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
        let plan = try OutputPlan(parsed, inputs: inputs)
        let summary = ExperimentSummary(model: model, seed: UInt64(h.seed) ?? 0, results: (0..<h.replications).map { results[$0]! })
        try emitReports(summary, parsed, plan: plan)
    }
}
