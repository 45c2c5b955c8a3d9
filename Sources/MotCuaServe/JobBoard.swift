import Foundation
import MotCua

/// What the page asks the workbench to do: the same questions as the commands.
public struct JobRequest: Codable, Sendable, Equatable {
    /// `run`, `compare` (with the base), `sweep`, `staff`, or `compareRuns` (two earlier runs).
    public var kind: String
    public var scenario: String?
    /// A saved overlay's name.
    public var overlay: String?
    /// `--set` values: path → value.
    public var settings: [String: String]?
    public var replications: Int?
    public var seed: UInt64?
    public var load: Double?
    /// A sweep's loads, `FROM:TO:STEP`.
    public var loads: String?
    /// `en` or `vi`: the report shown first (both are kept).
    public var language: String?
    /// The two runs of a `compareRuns`.
    public var runs: [String]?

    public init(kind: String, scenario: String? = nil, overlay: String? = nil, settings: [String: String]? = nil,
                replications: Int? = nil, seed: UInt64? = nil, load: Double? = nil, loads: String? = nil,
                language: String? = nil, runs: [String]? = nil) {
        self.kind = kind
        self.scenario = scenario
        self.overlay = overlay
        self.settings = settings
        self.replications = replications
        self.seed = seed
        self.load = load
        self.loads = loads
        self.language = language
        self.runs = runs
    }
}

/// A job and its provenance, kept as `job.json` in its folder of `--results DIR/runs`.
public struct JobRecord: Codable, Sendable {
    public let id: String
    public let request: JobRequest
    /// `queued`, `running`, `done`, `failed`, `cancelled`, or `interrupted` (the server stopped).
    public var status: String
    /// When it was asked for and when it ended (ISO 8601, UTC).
    public let created: String
    public var finished: String?
    /// Replications (or sweep loads) finished, of how many.
    public var done: Int
    public var total: Int
    /// Replications taken from the result store instead of run.
    public var reused: Int
    public var message: String?
    /// The scenarios' names and fingerprints, and the seed used.
    public var names: [String]
    public var fingerprints: [String]
    public var seed: UInt64?
    /// The files kept in its folder, for the downloads.
    public var files: [String]
    /// The verdicts of each variant (one list for a run).
    public var verdicts: [[Verdicts.Row]]
    /// Seconds from the cancel to the job's stop, for a job cancelled while running.
    public var stoppedAfter: Double?
}

/// The workbench's jobs: a queue run one job at a time off the request path, with progress,
/// cancel and a history kept on disk (it survives a restart). Every replication goes through
/// one ``ResultStore`` in `--results DIR/store`, so an identical request reuses them.
public final class JobBoard: @unchecked Sendable {
    // @unchecked: `records`, `queue`, `running` and `counter` are guarded by `lock`.
    let runsFolder: String
    let storeFolder: String
    let catalog: ScenarioCatalog
    /// Replications run side by side by one job: the core budget.
    let parallel: Int
    private let lock = NSLock()
    private var records: [String: JobRecord] = [:]
    private var queue: [String] = []
    private var running: (id: String, task: Task<Void, Never>)?
    private var counter = 0
    /// When the running job was asked to stop (uptime nanoseconds).
    private var cancelAsked: [String: UInt64] = [:]

    public init(results: String, catalog: ScenarioCatalog, parallel: Int = ProcessInfo.processInfo.activeProcessorCount) {
        runsFolder = (results as NSString).appendingPathComponent("runs")
        storeFolder = (results as NSString).appendingPathComponent("store")
        self.catalog = catalog
        self.parallel = max(1, parallel)
        try? FileManager.default.createDirectory(atPath: runsFolder, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: runsFolder)) ?? [] where JobBoard.isJobID(name) {
            let file = (runsFolder as NSString).appendingPathComponent(name + "/job.json")
            guard let data = FileManager.default.contents(atPath: file),
                  var record = try? JSONDecoder().decode(JobRecord.self, from: data), record.id == name else { continue }
            if record.status == "queued" || record.status == "running" {
                // The server stopped while it waited or ran: its stored replications stay, and the
                // same request asked again reuses them.
                record.status = "interrupted"
                persist(record)
            }
            records[name] = record
        }
    }

    /// Whether `id` has the form of a job id (and so is safe as a folder name).
    public static func isJobID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 40 && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// Every job, newest first.
    public func list() -> [JobRecord] {
        lock.withLock { records.values.sorted { ($0.created, $0.id) > ($1.created, $1.id) } }
    }

    public func record(_ id: String) -> JobRecord? { lock.withLock { records[id] } }

    /// Checks `request` as the commands check their arguments and queues it.
    public func submit(_ request: JobRequest) throws(ScenarioCatalog.CheckFailure) -> JobRecord {
        let (total, names) = try plan(request)
        let now = Date()
        let stamp = JobBoard.timestamp(now).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "T", with: "-")
            .lowercased().filter { $0.isNumber || $0 == "-" }
        let record = lock.withLock { () -> JobRecord in
            counter += 1
            let id = "\(stamp)-\(counter)-\(String(UInt32.random(in: 0...0xFFFF), radix: 16))"
            let record = JobRecord(id: id, request: request, status: "queued", created: JobBoard.timestamp(now), finished: nil, done: 0,
                                   total: total, reused: 0, message: nil, names: names, fingerprints: [], seed: nil, files: [], verdicts: [])
            records[id] = record
            queue.append(id)
            return record
        }
        persist(record)
        startNext()
        return record
    }

    static func failure(_ path: String, _ message: String, status: Int = 422) -> ScenarioCatalog.CheckFailure {
        ScenarioCatalog.CheckFailure(status: status, issues: [ScenarioCatalog.Issue(field: nil, path: path, message: message)])
    }

    /// The work a request asks for, checked: replications (or points) in all, and the names of
    /// what is run.
    func plan(_ request: JobRequest) throws(ScenarioCatalog.CheckFailure) -> (Int, [String]) {
        let replications = request.replications ?? (request.kind == "run" ? 1 : 5)
        let least = request.kind == "run" ? 1 : 2
        guard (least...1000).contains(replications) else {
            throw JobBoard.failure("replications", "replications expects a whole number from \(least) to 1000, found \(replications)")
        }
        if let load = request.load, !(load > 0 && load <= 100) {
            throw JobBoard.failure("load", "load expects a number above 0 and at most 100, found \(load)")
        }
        if let language = request.language, Language(rawValue: language) == nil {
            throw JobBoard.failure("language", "language expects en or vi, found \(language)")
        }
        switch request.kind {
        case "compareRuns":
            guard let runs = request.runs, runs.count == 2 else { throw JobBoard.failure("runs", "compare two runs: give their two ids") }
            var names: [String] = []
            for id in runs {
                guard let earlier = record(id), earlier.request.kind == "run", earlier.status == "done" else {
                    throw JobBoard.failure("runs", "\(id) is not a finished run", status: 404)
                }
                names.append(earlier.names.first ?? id)
            }
            let reps = runs.compactMap { record($0)?.request.replications ?? 1 }.min() ?? 1
            guard reps >= 2 else { throw JobBoard.failure("runs", "a comparison needs runs of 2 or more replications (for its intervals)") }
            return (2 * reps, names)
        case "run", "compare", "sweep", "staff":
            guard let id = request.scenario else { throw JobBoard.failure("scenario", "no scenario given") }
            let scenario: Scenario
            switch catalog.check(id, overlay: request.overlay, settings: request.settings ?? [:], load: request.load ?? 1) {
            case .success(let checked): scenario = checked
            case .failure(let failure): throw failure
            }
            if let problem = RunLimits.replicationProblem(scenario, replications: replications) {
                throw JobBoard.failure("replications", problem)
            }
            let name = JobBoard.describe(request)
            switch request.kind {
            case "compare":
                return (2 * replications, [id, name])
            case "sweep":
                guard let range = JobBoard.loadRange(request.loads ?? "0.8:1.6:0.2") else {
                    throw JobBoard.failure("loads", "loads expects FROM:TO:STEP with 0 < FROM ≤ TO and at most 200 steps, e.g. 0.8:2.0:0.1")
                }
                let loads = LoadSweep.loads(from: range.from, to: range.to, step: range.step)
                if let problem = RunLimits.sweepProblem(scenario, loads: loads, replications: replications) { throw JobBoard.failure("loads", problem) }
                return (loads.count, [name])
            case "staff":
                guard !scenario.targets.isEmpty else { throw JobBoard.failure("scenario", "the scenario has no targets: nothing to staff for") }
                return (0, [name])
            default:
                return (replications, [name])
            }
        default:
            throw JobBoard.failure("kind", "kind expects run, compare, sweep, staff or compareRuns, found \(request.kind)", status: 400)
        }
    }

    /// `go-vap-2024 + my-overlay + offices.land-branch.staff=22`.
    static func describe(_ request: JobRequest) -> String {
        ([request.scenario ?? ""] + (request.overlay.map { [$0] } ?? [])
         + (request.settings ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " + ")
            + (request.load.map { $0 == 1 ? "" : " at load \($0)" } ?? "")
    }

    /// `FROM:TO:STEP` of a sweep (as `motcua sweep --load` reads it), or nil.
    static func loadRange(_ text: String) -> (from: Double, to: Double, step: Double)? { LoadSweep.range(text) }

    /// Cancels a queued job at once, or a running one (it stops at its next simulated day).
    public func cancel(_ id: String) -> Bool {
        let (found, queued) = lock.withLock { () -> (JobRecord?, Bool) in
            guard let record = records[id] else { return (nil, false) }
            if let i = queue.firstIndex(of: id) {
                queue.remove(at: i)
                records[id]?.status = "cancelled"
                records[id]?.finished = JobBoard.timestamp(Date())
                return (records[id], true)
            }
            if running?.id == id {
                cancelAsked[id] = DispatchTime.now().uptimeNanoseconds
                running?.task.cancel()
            }
            return (record, false)
        }
        if queued, let found { persist(found) }
        return found != nil
    }

    /// Deletes a job that is not waiting or running, with its files (stored replications stay).
    public func delete(_ id: String) -> Bool {
        let removed = lock.withLock { () -> Bool in
            guard let record = records[id], record.status != "queued", record.status != "running" else { return false }
            records[id] = nil
            return true
        }
        if removed { try? FileManager.default.removeItem(atPath: folder(of: id)) }
        return removed
    }

    /// A file of a finished job, when `name` is one of its files.
    public func file(_ id: String, _ name: String) -> [UInt8]? {
        guard let record = record(id), record.files.contains(name) else { return nil }
        return FileManager.default.contents(atPath: (folder(of: id) as NSString).appendingPathComponent(name)).map { Array($0) }
    }

    /// Waits for the running job and every queued one, for tests and a clean stop.
    public func idle() -> Bool { lock.withLock { running == nil && queue.isEmpty } }

    func folder(of id: String) -> String { (runsFolder as NSString).appendingPathComponent(id) }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    func update(_ id: String, _ change: (inout JobRecord) -> Void) {
        let record = lock.withLock { () -> JobRecord? in
            guard records[id] != nil else { return nil }
            change(&records[id]!)
            return records[id]
        }
        if let record, record.status != "running" || record.done == 0 { persist(record) }
    }

    func persist(_ record: JobRecord) {
        let folder = folder(of: record.id)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let data = try? encoder.encode(record) {
            try? data.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("job.json")), options: .atomic)
        }
    }

    /// Starts the next queued job when none is running.
    private func startNext() {
        lock.withLock {
            guard running == nil, !queue.isEmpty else { return }
            let id = queue.removeFirst()
            records[id]?.status = "running"
            let task = Task.detached(executorPreference: JobThreads.shared) { [self] in
                await execute(id)
                lock.withLock { running = nil }
                startNext()
            }
            running = (id, task)
        }
    }

    private func execute(_ id: String) async {
        guard let record = record(id) else { return }
        update(id) { _ in }
        do {
            let outcome = try await JobRunner(board: self, id: id, request: record.request).run()
            let folder = folder(of: id)
            for file in outcome.files {
                try Data(file.bytes).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file.name)), options: .atomic)
            }
            update(id) {
                $0.status = "done"
                $0.files = outcome.files.map(\.name)
                $0.verdicts = outcome.verdicts
                $0.fingerprints = outcome.fingerprints
                $0.seed = outcome.seed
                $0.message = outcome.message
                $0.done = $0.total
                $0.finished = JobBoard.timestamp(Date())
            }
        } catch let error as SimulationError where error.isCancellation || Task.isCancelled {
            let asked = lock.withLock { cancelAsked.removeValue(forKey: id) }
            let stopped = asked.map { Double(DispatchTime.now().uptimeNanoseconds - $0) / 1e9 }
            update(id) { $0.status = "cancelled"; $0.stoppedAfter = stopped; $0.finished = JobBoard.timestamp(Date()) }
        } catch {
            let message = Task.isCancelled ? nil : "\(error)"
            update(id) { $0.status = message == nil ? "cancelled" : "failed"; $0.message = message; $0.finished = JobBoard.timestamp(Date()) }
        }
    }
}
