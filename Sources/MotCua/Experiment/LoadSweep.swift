/// A load sweep: the same scenario at increasing load factors, to find how much headroom each
/// target has and which office saturates first.
public struct LoadSweep: Sendable {
    /// One load factor's results.
    public struct Point: Sendable {
        public let load: Double
        public let summary: ExperimentSummary
        /// The replications used at this load and why they stopped.
        public let outcome: SequentialOutcome
    }

    /// A target's break load, found by bisection between the grid's last passing load and
    /// its first load that does not pass.
    public struct BreakLoad: Sendable {
        public let target: String
        public let label: String
        /// The highest load found passing and the lowest found not passing; they are at most
        /// `tolerance` apart.
        public let passing: Double
        public let notPassing: Double
        public let tolerance: Double
        /// Loads evaluated by the bisection for this target (loads shared with other targets
        /// or the grid are evaluated once).
        public let evaluations: Int
    }

    /// A target's headroom.
    public struct Headroom: Sendable {
        public let target: String
        public let label: String
        /// The highest load factor at which the target passes (nil: fails already at the lowest).
        public let highestPassing: Double?
        /// The first load factor at which it no longer passes (nil: passes throughout).
        public let firstNotPassing: Double?
    }

    public let points: [Point]
    public let headroom: [Headroom]
    /// Per target that passes somewhere in the grid and stops passing within it: its break
    /// load to the tolerance asked (empty when no bisection was asked for).
    public let breakLoads: [BreakLoad]
    /// Loads evaluated by the bisections beyond the grid.
    public let bisectionPoints: [Point]
    /// The office whose staff first reach 95% busy, and at which load (nil: none within the range).
    public let firstSaturated: (office: String, load: Double)?

    /// Load factors `from`, `from + step`, … up to `to` (inclusive, within rounding).
    /// `FROM:TO:STEP` as `motcua sweep --load` and the workbench read it, or nil when it is not
    /// one (0 < FROM ≤ TO, STEP > 0, at most 200 steps).
    public static func range(_ text: String) -> (from: Double, to: Double, step: Double)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).compactMap { Double($0) }
        guard parts.count == 3, parts[0] > 0, parts[1] >= parts[0], parts[2] > 0, (parts[1] - parts[0]) / parts[2] <= 200 else {
            return nil
        }
        return (parts[0], parts[1], parts[2])
    }

    public static func loads(from: Double, to: Double, step: Double) -> [Double] {
        guard step > 0, to >= from else { return [from] }
        // At most 10,000 points, whatever the numbers (an Int of 1e300 would trap).
        let count = Int(Swift.min(((to - from) / step + 1e-9).rounded(.down), 10_000))
        return (0...count).map {
            let load = from + Double($0) * step
            // Rounded to 9 decimals where that is exact; huge loads (refused later) as they are.
            return load < 1e6 ? (load * 1e9).rounded() / 1e9 : load
        }
    }

    /// Runs the sweep.
    /// - Parameters:
    ///   - plan: replications per load (a fixed number, or `auto`); default: `replications`.
    ///   - tolerance: when given, each target's break load is then found by bisection to within it.
    ///   - results: a folder keeping finished replications (each load has its own
    ///     fingerprint), so an interrupted sweep resumes where it stopped.
    public static func run(scenario: Scenario, loads: [Double], seed: UInt64, replications: Int, jobs: Int,
                           results folder: String? = nil, plan: ReplicationPlan? = nil, tolerance: Double? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws(SimulationError) -> LoadSweep {
        let plan = plan ?? .fixed(replications)
        func evaluate(_ load: Double) async throws(SimulationError) -> Point {
            let model = SimulationModel(scenario: scenario.scalingLoad(by: load))
            let store = try ResultStore.open(folder, fingerprint: model.scenario.fingerprint)
            let run = try await Experiment.run(model: model, seed: seed, plan: plan, jobs: jobs, store: store)
            return Point(load: load, summary: run.summary, outcome: run.outcome)
        }
        var points: [Point] = []
        for (i, load) in loads.enumerated() {
            points.append(try await evaluate(load))
            progress?(i + 1)
        }
        let grid = LoadSweep(points: points, breakLoads: [], bisectionPoints: [])
        guard let tolerance, tolerance > 0 else { return grid }
        var extra: [Double: Point] = [:]
        var breaks: [BreakLoad] = []
        for (t, headroom) in grid.headroom.enumerated() {
            guard var low = headroom.highestPassing, var high = headroom.firstNotPassing, low < high else { continue }
            var evaluations = 0
            while high - low > tolerance {
                let mid = ((low + high) / 2 * 1e9).rounded() / 1e9
                guard mid > low && mid < high else { break }
                let point: Point
                if let known = extra[mid] {
                    point = known
                } else {
                    point = try await evaluate(mid)
                    extra[mid] = point
                    evaluations += 1
                }
                if point.summary.targets[t].verdict == .pass { low = mid } else { high = mid }
            }
            breaks.append(BreakLoad(target: headroom.target, label: headroom.label, passing: low, notPassing: high,
                                    tolerance: tolerance, evaluations: evaluations))
        }
        return LoadSweep(points: points, breakLoads: breaks, bisectionPoints: extra.values.sorted { $0.load < $1.load })
    }

    init(points: [Point], breakLoads: [BreakLoad], bisectionPoints: [Point]) {
        self.points = points
        self.breakLoads = breakLoads
        self.bisectionPoints = bisectionPoints
        var headroom: [Headroom] = []
        for (t, target) in (points.first?.summary.targets ?? []).enumerated() {
            var highest: Double?
            var first: Double?
            for point in points {
                let verdict = point.summary.targets[t].verdict
                if verdict == .pass, first == nil { highest = point.load }
                if verdict != .pass, first == nil { first = point.load }
            }
            var label = target.label
            if let field = target.fieldName { label += " — \(field)" }
            headroom.append(Headroom(target: target.id, label: label, highestPassing: highest, firstNotPassing: first))
        }
        self.headroom = headroom
        var saturated: (String, Double)?
        outer: for point in points {
            for office in point.summary.offices where office.utilization.mean >= 0.95 {
                saturated = (office.office.name, point.load)
                break outer
            }
        }
        firstSaturated = saturated
    }
}
