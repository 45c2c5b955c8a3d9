/// The staffing question: the smallest staff per office that makes every target pass.
///
/// Marginal analysis, as in the staffing literature for service systems: starting from the
/// lower bounds, while some target does not pass, add one staff member to the office whose
/// addition improves the worst target the most (each candidate evaluated with the same
/// random numbers, so the comparison is fair); when all pass, try removing staff one at a
/// time from the offices with the most slack, keeping a removal only if every target still
/// passes. Each evaluation is a set of replications; verdicts use confidence intervals, so a
/// result that only passes "on average" is not accepted.
public struct StaffingSearch: Sendable {
    /// A decision variable: an office entry of the scenario (for ward groups, every ward's staff).
    public struct Bound: Sendable {
        public let office: String
        public let low: Int
        public let high: Int
        public init(office: String, low: Int, high: Int) {
            self.office = office
            self.low = low
            self.high = high
        }
    }

    /// One evaluated staffing.
    public struct Step: Sendable {
        public let staff: [String: Int]
        public let passing: Int
        public let worstGap: Double
        public let note: String
    }

    /// Why `bounds` cannot be searched in `scenario`, or nil when they can: every staffing the
    /// search may propose must be one `motcua validate` accepts, and an office that serves a
    /// step of a route needs at least one staff member (docs/model.md §3).
    public static func problem(bounds: [Bound], in scenario: Scenario) -> String? {
        let serving = Set(scenario.procedures.flatMap { $0.route.filter { $0.service != nil }.map(\.office) })
        for bound in bounds {
            if bound.low > bound.high {
                return "--office \(bound.office)=\(bound.low):\(bound.high): the lower bound is above the upper bound"
            }
            if bound.low < 1 && serving.contains(bound.office) {
                return "--office \(bound.office)=\(bound.low):\(bound.high): the office serves a step of a route, so it "
                    + "needs at least 1 staff member (a scenario with \(bound.low) does not validate); start at 1"
            }
            if bound.high > maximumStaff {
                return "--office \(bound.office)=\(bound.low):\(bound.high): at most \(maximumStaff) staff per office"
            }
        }
        return nil
    }

    /// The most staff an office may have (the scenario format's limit).
    public static let maximumStaff = 100_000

    /// The guard a search adds when its targets say nothing about citizens who leave without a
    /// result: fewer staff must not buy the on-time rate by letting citizens give up in the
    /// queue. The share of dossiers withdrawn may rise at most one percentage point above what
    /// the current staffing gives (`baseline`: the upper end of its 95% interval, so that the
    /// current staffing passes the guard however few replications there are).
    public static func withdrawalGuard(baseline: Double) -> TargetSpec {
        let threshold = Swift.min(1, Swift.max(0, baseline + 0.01))
        let shown = Format.percent(threshold)
        return TargetSpec(id: "guard-withdrawn",
                          label: "Guard: citizens who give up or withdraw ≤ \(shown) (now \(Format.percent(baseline)) + 1 point)",
                          labelVi: "Ràng buộc: hồ sơ bị rút hoặc công dân bỏ về ≤ \(shown) (hiện nay \(Format.percent(baseline)) + 1 điểm %)",
                          measure: .withdrawnRate, field: nil, office: nil, level: nil, comparator: .atMost, threshold: threshold)
    }

    public let bounds: [Bound]
    /// The staffing found, or nil when even the upper bounds do not make every target pass.
    public let solution: [String: Int]?
    public let initial: [String: Int]
    public let steps: [Step]
    public let finalSummary: ExperimentSummary?
    /// The guard on citizens who give up, when the search added one (see ``withdrawalGuard(baseline:)``).
    public let guardTarget: TargetSpec?

    /// Runs the search.
    /// - Parameter folder: keeps every evaluated staffing's replications, so an interrupted
    ///   search re-run with the same command replays the finished evaluations at once.
    public static func run(scenario: Scenario, bounds: [Bound], seed: UInt64, replications: Int, jobs: Int,
                           results folder: String? = nil, guardingWithdrawals: Bool = true,
                           log: (@Sendable (String) -> Void)? = nil) async throws(SimulationError) -> StaffingSearch {
        var scenario = scenario
        var guardTarget: TargetSpec?
        if guardingWithdrawals && !scenario.targets.contains(where: { $0.measure == .withdrawnRate }) {
            // Today's share, measured exactly as the guard will measure it: the same target, run
            // at the current staffing with the search's seed and replications.
            var measured = scenario
            measured.targets = [withdrawalGuard(baseline: 0)]
            let model = SimulationModel(scenario: measured)
            let store = try ResultStore.open(folder, fingerprint: scenario.fingerprint)
            let results = try await Experiment.run(model: model, seed: seed, indices: Array(0..<replications), jobs: jobs,
                                                   store: store).map(\.1)
            let estimate = ExperimentSummary(model: model, seed: seed, results: results).targets.first?.estimate
            let target = withdrawalGuard(baseline: estimate.map { $0.high.isFinite ? $0.high : $0.mean } ?? 0)
            scenario.targets.append(target)
            guardTarget = target
            log?("guard: \(target.label)")
        }
        let initial = Dictionary(uniqueKeysWithValues: bounds.map { b in
            (b.office, scenario.offices.first { $0.id == b.office }?.staff ?? 0)
        })
        var steps: [Step] = []

        func evaluate(_ staff: [String: Int]) async throws(SimulationError) -> (ExperimentSummary, Int, Double) {
            var s = scenario
            for i in s.offices.indices {
                if let n = staff[s.offices[i].id] {
                    // The staffing searched for holds all year: dated head-count changes of
                    // this office are replaced by it (absences for training and leave remain).
                    s.offices[i].staff = n
                    s.offices[i].staffChanges = []
                    for k in s.offices[i].instances.indices { s.offices[i].instances[k].staff = nil }
                }
            }
            let key = staff.keys.sorted().map { "\($0)=\(staff[$0]!)" }.joined(separator: ",")
            s.fingerprint = StableHash.fnv1a("\(scenario.fingerprint) staff \(key)")
            let model = SimulationModel(scenario: s)
            let store = try ResultStore.open(folder, fingerprint: s.fingerprint)
            let results = try await Experiment.run(model: model, seed: seed, indices: Array(0..<replications), jobs: jobs, store: store).map(\.1)
            let summary = ExperimentSummary(model: model, seed: seed, results: results)
            let passing = summary.targets.filter { $0.verdict == .pass }.count
            // The worst shortfall: how far the least favourable end of the interval is from the threshold.
            let gap = summary.targets.map { t -> Double in
                switch t.comparator {
                case .atLeast, .above: return t.estimate.low - t.threshold
                case .atMost, .below: return t.threshold - t.estimate.high
                }
            }.min() ?? 0
            return (summary, passing, gap)
        }

        var staff = Dictionary(uniqueKeysWithValues: bounds.map { ($0.office, $0.low) })
        var (summary, passing, gap) = try await evaluate(staff)
        let total = summary.targets.count
        steps.append(Step(staff: staff, passing: passing, worstGap: gap, note: "lower bounds"))
        log?("start at the lower bounds: \(passing)/\(total) targets pass")
        // Add staff where it helps most.
        while passing < total {
            var best: (String, ExperimentSummary, Int, Double)?
            for bound in bounds where staff[bound.office]! < bound.high {
                var trial = staff
                trial[bound.office]! += 1
                let (s, p, g) = try await evaluate(trial)
                if best == nil || (p, g) > (best!.2, best!.3) { best = (bound.office, s, p, g) }
            }
            guard let chosen = best else {
                log?("the upper bounds are reached and \(total - passing) target(s) still do not pass")
                return StaffingSearch(bounds: bounds, solution: nil, initial: initial, steps: steps, finalSummary: summary,
                                      guardTarget: guardTarget)
            }
            staff[chosen.0]! += 1
            (summary, passing, gap) = (chosen.1, chosen.2, chosen.3)
            steps.append(Step(staff: staff, passing: passing, worstGap: gap, note: "+1 \(chosen.0)"))
            log?("+1 \(chosen.0) → \(staff[chosen.0]!): \(passing)/\(total) pass")
        }
        // Remove staff that is not needed.
        var improved = true
        while improved {
            improved = false
            for bound in bounds where staff[bound.office]! > bound.low {
                var trial = staff
                trial[bound.office]! -= 1
                let (s, p, g) = try await evaluate(trial)
                if p == total {
                    staff = trial
                    (summary, passing, gap) = (s, p, g)
                    steps.append(Step(staff: staff, passing: passing, worstGap: gap, note: "−1 \(bound.office)"))
                    log?("−1 \(bound.office) → \(staff[bound.office]!): still \(total)/\(total) pass")
                    improved = true
                }
            }
        }
        return StaffingSearch(bounds: bounds, solution: staff, initial: initial, steps: steps, finalSummary: summary,
                              guardTarget: guardTarget)
    }
}
