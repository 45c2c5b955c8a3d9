/// A load sweep: the same scenario at increasing load factors, to find how much headroom each
/// target has and which office saturates first.
public struct LoadSweep: Sendable {
    /// One load factor's results.
    public struct Point: Sendable {
        public let load: Double
        public let summary: ExperimentSummary
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
    /// - Parameter results: a folder keeping finished replications (each load has its own
    ///   fingerprint), so an interrupted sweep resumes where it stopped.
    public static func run(scenario: Scenario, loads: [Double], seed: UInt64, replications: Int, jobs: Int,
                           results folder: String? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws(SimulationError) -> LoadSweep {
        var points: [Point] = []
        for (i, load) in loads.enumerated() {
            let model = SimulationModel(scenario: scenario.scalingLoad(by: load))
            let store = try ResultStore.open(folder, fingerprint: model.scenario.fingerprint)
            let results = try await Experiment.run(model: model, seed: seed, indices: Array(0..<replications), jobs: jobs, store: store).map(\.1)
            points.append(Point(load: load, summary: ExperimentSummary(model: model, seed: seed, results: results)))
            progress?(i + 1)
        }
        return LoadSweep(points: points)
    }

    init(points: [Point]) {
        self.points = points
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
