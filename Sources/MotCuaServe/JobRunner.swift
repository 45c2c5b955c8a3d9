import Foundation
import MotCua

/// Runs one job of the board with the library's functions, as the commands run them.
struct JobRunner: Sendable {
    let board: JobBoard
    let id: String
    let request: JobRequest

    /// What a finished job leaves: its files and verdicts, and its provenance.
    struct Outcome: Sendable {
        var files: [ReportAdapter.File]
        var verdicts: [[Verdicts.Row]]
        var fingerprints: [String]
        var seed: UInt64?
        var message: String?
    }

    var replications: Int { request.replications ?? (request.kind == "run" ? 1 : 5) }

    func run() async throws -> Outcome {
        switch request.kind {
        case "run": return try await single()
        case "compare": return try await compareWithBase()
        case "compareRuns": return try await compareRuns()
        case "sweep": return try await sweep()
        default: return try await staff()
        }
    }

    /// The scenario of a request (checked again: the files may have changed since it was queued).
    func scenario(_ request: JobRequest, base: Bool = false) throws -> Scenario {
        let settings = base ? [:] : request.settings ?? [:]
        switch board.catalog.check(request.scenario ?? "", overlay: base ? nil : request.overlay, settings: settings, load: request.load ?? 1) {
        case .success(let scenario): return scenario
        case .failure(let failure): throw SimulationError.from(failure)
        }
    }

    /// Replications of `scenario`, reusing and filling the result store; `offset` counts the
    /// replications of earlier variants in the progress.
    func replicate(_ scenario: Scenario, seed: UInt64, count: Int, offset: Int = 0) async throws -> (SimulationModel, [RunResult]) {
        let model = SimulationModel(scenario: scenario)
        let store = try ResultStore(directory: board.storeFolder, fingerprint: scenario.fingerprint)
        let reused = (0..<count).filter { store.load(seed: seed, replication: $0) != nil }.count
        board.update(id) { $0.reused += reused }
        let (board, id) = (self.board, self.id)
        let results = try await Experiment.run(model: model, seed: seed, indices: Array(0..<count), jobs: board.parallel, store: store,
                                               progress: { done in board.update(id) { $0.done = offset + done } })
        return (model, results.map(\.1))
    }

    /// What a report of this job was produced from, as the commands write it.
    func provenance(_ scenario: Scenario, request: JobRequest, seed: UInt64, replications: Int) -> Provenance {
        Provenance(scenarioName: scenario.name, scenarioNameVi: scenario.nameVi, file: request.scenario ?? scenario.file,
                   fingerprint: scenario.fingerprint, overlays: request.overlay.map { [$0] } ?? [],
                   settings: (request.settings ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
                   load: request.load ?? 1, seed: seed, replications: replications, warmUpDays: scenario.horizon.warmUpDays,
                   produced: Provenance.today())
    }

    func single() async throws -> Outcome {
        let scenario = try scenario(request)
        let seed = request.seed ?? scenario.seed
        let (model, results) = try await replicate(scenario, seed: seed, count: replications)
        let summary = ExperimentSummary(model: model, seed: seed, results: results)
        let language = request.language.flatMap(Language.init(rawValue:)) ?? .en
        return Outcome(files: ReportAdapter.runFiles(summary, provenance: provenance(scenario, request: request, seed: seed, replications: replications),
                                                     language: language),
                       verdicts: [ReportAdapter.verdicts(summary)],
                       fingerprints: [String(scenario.fingerprint, radix: 16)], seed: seed)
    }

    func compareWithBase() async throws -> Outcome {
        let base = try scenario(request, base: true), variant = try scenario(request)
        let seed = request.seed ?? base.seed
        let (baseModel, baseResults) = try await replicate(base, seed: seed, count: replications)
        let (variantModel, variantResults) = try await replicate(variant, seed: seed, count: replications, offset: replications)
        let comparison = Comparison(names: [request.scenario ?? "base", JobBoard.describe(request)], models: [baseModel, variantModel],
                                    results: [baseResults, variantResults], seed: seed)
        var basis = request
        (basis.overlay, basis.settings) = (nil, nil)
        return Outcome(files: ReportAdapter.comparisonFiles(comparison, models: [baseModel, variantModel],
                                                            provenance: provenance(base, request: basis, seed: seed, replications: replications)),
                       verdicts: comparison.summaries.map(ReportAdapter.verdicts),
                       fingerprints: [base, variant].map { String($0.fingerprint, radix: 16) }, seed: seed)
    }

    func compareRuns() async throws -> Outcome {
        let earlier = (request.runs ?? []).compactMap { board.record($0) }
        guard earlier.count == 2 else { throw SimulationError.from(JobBoard.failure("runs", "a run to compare was deleted")) }
        let count = earlier.map { $0.request.replications ?? 1 }.min() ?? 1
        var models: [SimulationModel] = [], results: [[RunResult]] = [], fingerprints: [String] = []
        // Each run's own seed: runs made with the same seed are paired (common random numbers).
        let seeds = earlier.map { $0.seed ?? 0 }
        for (i, run) in earlier.enumerated() {
            let scenario = try scenario(run.request)
            let (model, done) = try await replicate(scenario, seed: seeds[i], count: count, offset: i * count)
            models.append(model)
            results.append(done)
            fingerprints.append(String(scenario.fingerprint, radix: 16))
        }
        let comparison = Comparison(names: earlier.map { $0.names.first ?? $0.id }, models: models, results: results, seed: seeds[0])
        return Outcome(files: ReportAdapter.comparisonFiles(comparison, models: models,
                                                            provenance: provenance(models[0].scenario, request: earlier[0].request,
                                                                                   seed: seeds[0], replications: count)),
                       verdicts: comparison.summaries.map(ReportAdapter.verdicts), fingerprints: fingerprints, seed: seeds[0],
                       message: seeds[0] == seeds[1] ? nil : "the two runs have different seeds: their differences are not paired")
    }

    func sweep() async throws -> Outcome {
        let scenario = try scenario(request)
        let seed = request.seed ?? scenario.seed
        guard let range = JobBoard.loadRange(request.loads ?? "0.8:1.6:0.2") else { throw SimulationError.from(JobBoard.failure("loads", "bad loads")) }
        let (board, id) = (self.board, self.id)
        let loads = LoadSweep.loads(from: range.from, to: range.to, step: range.step)
        let sweep = try await LoadSweep.run(scenario: scenario, loads: loads,
                                            seed: seed, replications: replications, jobs: board.parallel, results: board.storeFolder,
                                            progress: { done in board.update(id) { $0.done = done } })
        var basis = provenance(scenario, request: request, seed: seed, replications: replications)
        basis.loads = loads
        return Outcome(files: ReportAdapter.sweepFiles(sweep, provenance: basis), verdicts: [],
                       fingerprints: [String(scenario.fingerprint, radix: 16)], seed: seed)
    }

    /// The staffing search of `motcua staff` with its default bounds (every office serving a step,
    /// from half to twice its staff).
    func staff() async throws -> Outcome {
        let scenario = try scenario(request)
        let seed = request.seed ?? scenario.seed
        let served = Set(scenario.procedures.flatMap { $0.route.filter { $0.service != nil }.map(\.office) })
        let bounds = scenario.offices.filter { served.contains($0.id) }.map {
            StaffingSearch.Bound(office: $0.id, low: max(1, $0.staff / 2), high: max($0.staff * 2, $0.staff + 2))
        }
        if let problem = StaffingSearch.problem(bounds: bounds, in: scenario) { throw SimulationError.from(JobBoard.failure("staff", problem)) }
        let (board, id) = (self.board, self.id)
        let search = try await StaffingSearch.run(scenario: scenario, bounds: bounds, seed: seed, replications: replications, jobs: board.parallel,
                                                  results: board.storeFolder) { line in board.update(id) { $0.done += 1; $0.message = line } }
        var lines = ["STAFFING SEARCH — \(scenario.name) (seed \(seed), \(replications) replications per evaluation)", ""]
        if let solution = search.solution {
            for bound in bounds {
                let now = search.initial[bound.office] ?? 0, needed = solution[bound.office] ?? 0
                lines.append("  " + Format.pad(bound.office, 36) + Format.right(String(now), 6) + " → " + Format.right(String(needed), 6))
            }
        } else {
            lines.append("No staffing within the bounds makes every target pass.")
        }
        let text = lines.joined(separator: "\n")
        let page = "<!doctype html><meta charset=\"utf-8\"><pre id=\"staff-result\">\(ReportAdapter.escape(text))</pre>"
        var files = Language.allCases.map { ReportAdapter.File(name: "report-\($0.rawValue).html", bytes: Array(page.utf8)) }
        files.append(ReportAdapter.File(name: "staff.txt", bytes: Array(text.utf8)))
        return Outcome(files: files, verdicts: search.finalSummary.map { [ReportAdapter.verdicts($0)] } ?? [],
                       fingerprints: [String(scenario.fingerprint, radix: 16)], seed: seed)
    }
}

extension SimulationError {
    /// A request's problem found when its job starts (a file changed meanwhile).
    static func from(_ failure: ScenarioCatalog.CheckFailure) -> SimulationError {
        SimulationError(failure.issues.map { "\($0.path): \($0.message)" }.joined(separator: "; "))
    }
}
