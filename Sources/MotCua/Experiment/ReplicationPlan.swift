/// How many replications an experiment runs: a fixed number, or batches added until every
/// target's verdict is decided (`--replications auto:MAX`).
///
/// The sequential rule keeps the intervals honest by spending the error rate across the looks
/// (Bonferroni): with K possible looks, each look's interval has level 1 − 0.05/K, so the chance
/// that any look's interval misses the true value — and so the chance that the interval at the
/// stop misses it, whenever the experiment stops — is at most 5%. The schedule of looks depends
/// only on the plan, never on the cores, and replication `i` always has the seed of replication
/// `i`, so the results are the same with any `--jobs`. docs/experiments.md states the rule.
public struct ReplicationPlan: Sendable, Equatable {
    /// Replications at the first look.
    public let first: Int
    /// Replications added between looks.
    public let batch: Int
    /// The most replications (the last look).
    public let maximum: Int
    /// Stop also when every target's interval is at most this half-width (a share, e.g. 0.005
    /// for ±0.5 points), decided or not; nil: only decided verdicts stop early.
    public let precision: Double?

    /// Replications added per look by `auto`.
    public static let autoBatch = 5

    /// Exactly `count` replications, one look, the usual 95% intervals.
    public static func fixed(_ count: Int) -> ReplicationPlan {
        ReplicationPlan(first: count, batch: count, maximum: count, precision: nil)
    }

    /// Batches of ``autoBatch`` up to `maximum`.
    public static func adaptive(maximum: Int, precision: Double? = nil) -> ReplicationPlan {
        let first = Swift.min(autoBatch, maximum)
        return ReplicationPlan(first: first, batch: autoBatch, maximum: maximum, precision: precision)
    }

    public init(first: Int, batch: Int, maximum: Int, precision: Double?) {
        self.first = Swift.max(1, first)
        self.batch = Swift.max(1, batch)
        self.maximum = Swift.max(self.first, maximum)
        self.precision = precision
    }

    /// Whether the plan may stop before its maximum.
    public var isAdaptive: Bool { first < maximum }

    /// The replication counts at which the results are looked at, in order.
    public var looks: [Int] {
        var counts = Array(stride(from: first, to: maximum, by: batch))
        counts.append(maximum)
        return counts
    }

    /// The level of every look's intervals: 95% for one look, 1 − 0.05/K for K looks.
    public var confidence: Double {
        let count = looks.count
        return count == 1 ? 0.95 : 1 - 0.05 / Double(count)
    }

    /// `auto`, `auto:MAX` or `auto:MAX:PRECISION` (a share), or a plain count; nil otherwise.
    /// - Parameters:
    ///   - range: the counts allowed, for the plain count and for MAX.
    ///   - defaultMaximum: MAX of a bare `auto`.
    public static func parse(_ text: String, range: ClosedRange<Int>, defaultMaximum: Int = 40) -> ReplicationPlan? {
        if let count = Int(text) { return range.contains(count) ? .fixed(count) : nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts[0] == "auto", parts.count <= 3 else { return nil }
        let maximum = parts.count >= 2 ? Int(parts[1]) : defaultMaximum
        guard let maximum, range.contains(maximum) else { return nil }
        guard parts.count == 3 else { return .adaptive(maximum: maximum) }
        guard let precision = Double(parts[2]), precision > 0, precision < 1 else { return nil }
        return .adaptive(maximum: maximum, precision: precision)
    }
}

/// Why an experiment stopped adding replications.
public enum StopReason: String, Sendable, Equatable {
    /// A fixed number of replications was asked for.
    case fixed
    /// Every target's interval is clear of its threshold.
    case decided
    /// Every target's interval is as narrow as the stated precision.
    case precision
    /// The maximum was reached with some verdict still undecided.
    case maximum
    /// Some verdict sits on its threshold: even the narrower interval the maximum would give
    /// (projected from the spread so far) would still straddle it, so running on cannot decide
    /// it; every other verdict is decided.
    case futile
    /// A compare's variant: whether each target's verdict changes is known — from both verdicts,
    /// or because the variant leaves the target untouched (``ChangeDecision``) — though some
    /// verdict itself may still be undecided.
    case changesDecided

    /// For the reports: "every verdict decided", ….
    public var explanation: String {
        switch self {
        case .fixed: "the number of replications asked for"
        case .decided: "every verdict decided (each interval clear of its threshold)"
        case .precision: "every interval within the stated precision"
        case .maximum: "the maximum was reached with some verdict still undecided"
        case .futile: "undecided: a verdict sits on its threshold (projected, not run: the maximum of replications would not decide it)"
        case .changesDecided: "every verdict change decided (both verdicts decided, or the target untouched by the variant)"
        }
    }
}

/// Replications used by a sequential experiment and why it stopped.
public struct SequentialOutcome: Sendable, Equatable {
    public let used: Int
    public let reason: StopReason
    /// The level of the intervals reported (see ``ReplicationPlan/confidence``).
    public let confidence: Double
}

extension ReplicationPlan {
    /// Why `summary` lets the experiment stop at this look, or nil to go on. The last look
    /// always stops.
    public func stop(_ summary: ExperimentSummary, atLook count: Int) -> StopReason? {
        stop(summary.targets, atLook: count)
    }

    /// Why the verdicts of `targets` let the experiment stop at this look, or nil to go on.
    public func stop(_ targets: [TargetResult], atLook count: Int) -> StopReason? {
        guard isAdaptive else { return .fixed }
        if targets.allSatisfy(\.isDecided) { return .decided }
        if count < maximum && targets.allSatisfy({ $0.isDecided || cannotBeDecided($0) }) { return .futile }
        if let precision, targets.allSatisfy({ $0.estimate.count == 0 || ($0.estimate.high - $0.estimate.low) / 2 <= precision }) {
            return .precision
        }
        return count >= maximum ? .maximum : nil
    }
}

extension ReplicationPlan {
    /// Whether `target`'s verdict, undecided now, would stay undecided at the maximum if its
    /// mean stayed where it is: the interval's half-width on the threshold's side, projected to
    /// the maximum (the spread so far, the t-quantile of the maximum's degrees of freedom and
    /// 1/√n), still reaches past the threshold. Stopping for this is a stop like any other: every
    /// look's interval has the plan's level, so the coverage of the interval reported stays
    /// what ``confidence`` says (docs/experiments.md).
    public func cannotBeDecided(_ target: TargetResult) -> Bool {
        let estimate = target.estimate
        guard !target.isDecided, estimate.count > 1, isAdaptive, estimate.count < maximum else { return false }
        let distance = abs(estimate.mean - target.threshold)
        let half = target.threshold >= estimate.mean ? estimate.high - estimate.mean : estimate.mean - estimate.low
        guard half.isFinite, distance.isFinite else { return false }
        let now = Double(estimate.count), atMaximum = Double(maximum)
        let projected = half * (Estimate.tQuantile(twoSided: confidence, degreesOfFreedom: maximum - 1)
                                / Estimate.tQuantile(twoSided: confidence, degreesOfFreedom: estimate.count - 1))
            * (now / atMaximum).squareRoot()
        return distance < projected
    }
}

extension TargetResult {
    /// Whether more replications cannot change the verdict's side: PASS or FAIL, or a measure
    /// with no values at all.
    public var isDecided: Bool { verdict != .atRisk || estimate.count == 0 }
}

extension Experiment {
    /// Runs `model` by the looks of `plan`, stopping at the first look that decides
    /// (``ReplicationPlan/stop(_:atLook:)``).
    /// - Returns: the results in replication order, their summary (intervals at the plan's
    ///   level) and the outcome.
    public static func run(model: SimulationModel, seed: UInt64, plan: ReplicationPlan, jobs: Int, store: ResultStore?)
        async throws(SimulationError) -> (results: [RunResult], summary: ExperimentSummary, outcome: SequentialOutcome) {
        var results: [RunResult] = []
        for look in plan.looks {
            let more = try await run(model: model, seed: seed, indices: Array(results.count..<look), jobs: jobs, store: store)
            results += more.map(\.1)
            let summary = ExperimentSummary(model: model, seed: seed, results: results, confidence: plan.confidence)
            if let reason = plan.stop(summary, atLook: look) {
                return (results, summary, SequentialOutcome(used: results.count, reason: reason, confidence: plan.confidence))
            }
        }
        // The last look always stops; this is not reached.
        let summary = ExperimentSummary(model: model, seed: seed, results: results, confidence: plan.confidence)
        return (results, summary, SequentialOutcome(used: results.count, reason: .maximum, confidence: plan.confidence))
    }
}
