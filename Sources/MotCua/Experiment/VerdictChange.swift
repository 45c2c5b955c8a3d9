/// Whether a target's verdict change between the base and a variant is settled at a look of a
/// sequential compare (issue #20). A compare asks what the variant changes, so a variant may stop
/// as soon as, for every target, whether its verdict changes is known — or known to be out of
/// reach of the maximum. docs/model.md §7.3 states the rule and its error bound.
public enum ChangeDecision: String, Sendable, Equatable, CaseIterable {
    /// Both verdicts are decided (PASS or FAIL): whether the verdict changes is known.
    case bothDecided
    /// The target's value is the same in the variant as in the base in every replication so far
    /// (the paired difference is exactly zero): the two verdicts are the same, whatever they are.
    case untouched
    /// Undecided, and a side's verdict sits on its threshold: even the maximum of replications
    /// could not decide that side, so not the change either (``ReplicationPlan/cannotBeDecided(_:)``).
    case sitsOnThreshold
    /// Not settled yet: more replications may settle it.
    case open

    /// Whether the variant may stop for this target.
    public var isSettled: Bool { self != .open }

    /// Whether the change is known (not merely out of reach).
    public var isKnown: Bool { self == .bothDecided || self == .untouched }
}

/// One target's verdict change in one variant, as a compare left it.
public struct TargetChange: Sendable, Equatable {
    public let target: String
    public let decision: ChangeDecision
    /// The paired difference (variant − base) at the plan's level.
    public let difference: Estimate
    /// Replications per side from whose look on the decision held (nil: open at the stop).
    public let settledAt: Int?
}

extension ReplicationPlan {
    /// Whether the verdict change of one target is settled, from the base's and the variant's
    /// results (intervals at the plan's level) and the paired difference (variant − base, per
    /// replication). A known change rests on the two verdicts' intervals, or on the difference
    /// being exactly zero in every replication. (A side's interval moved by the difference's
    /// never places the other side where its own interval does not: the spread of a sum is at
    /// most the sum of the spreads, so that is no rule of its own.)
    public func changeDecision(base: TargetResult, variant: TargetResult, difference: Estimate) -> ChangeDecision {
        if base.isDecided && variant.isDecided { return .bothDecided }
        // Identical values in every replication give identical verdicts, when both are judged alike.
        if base.comparator == variant.comparator && base.threshold == variant.threshold,
           difference.count > 0, difference.count == base.estimate.count, difference.count == variant.estimate.count,
           difference.low == 0, difference.high == 0 {
            return .untouched
        }
        if cannotBeDecided(base) || cannotBeDecided(variant) { return .sitsOnThreshold }
        return .open
    }
}

extension Comparison {
    /// Each base target's value in one replication, by target id.
    static func targetValues(model: SimulationModel, seed: UInt64, result: RunResult) -> [String: Double] {
        Dictionary(ExperimentSummary(model: model, seed: seed, results: [result]).targets.map { ($0.id, $0.estimate.mean) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The paired differences (variant − base) of the targets both have, by id: the variant's
    /// replication `i` against the base's replication `i`, over the variant's replications.
    static func pairedDifferences(base: [[String: Double]], variant: [[String: Double]], confidence: Double) -> [String: Estimate] {
        var differences: [String: Estimate] = [:]
        for id in base.first.map({ Array($0.keys) }) ?? [] where variant.first?[id] != nil {
            differences[id] = Estimate(zip(variant, base).map { ($0[id] ?? .nan) - ($1[id] ?? .nan) }, confidence: confidence)
        }
        return differences
    }
}

extension Experiment {
    /// Runs the replications `work` (model, replication number) of several models in one pool of
    /// `jobs`, so that no core waits at the end of one model's batch while another's remain
    /// (a compare's base and variants side by side), reusing and filling each model's store.
    /// - Returns: the results in the order of `work`; each depends only on its model, the seed
    ///   and its number, never on the order or the cores.
    static func run(models: [SimulationModel], seed: UInt64, work: [(model: Int, replication: Int)], jobs: Int,
                    stores: [ResultStore?]) async throws(SimulationError) -> [RunResult] {
        var results: [RunResult?] = work.map { stores[$0.model]?.load(seed: seed, replication: $0.replication) }
        let pending = work.indices.filter { results[$0] == nil }
        let jobs = Swift.max(1, Swift.min(jobs, pending.count))
        do {
            try await withThrowingTaskGroup(of: (Int, RunResult).self) { group in
                var next = 0
                func launch() {
                    let slot = pending[next]
                    next += 1
                    let model = models[work[slot].model]
                    // Each replication side by side gets its own copy of the model (see the one-model run).
                    let own = jobs > 1 ? SimulationModel(scenario: model.scenario) : model
                    let replication = work[slot].replication
                    group.addTask {
                        (slot, try await SimulationRun(model: own, seed: replicationSeed(runSeed: seed, replication: replication)).run())
                    }
                }
                while next < jobs { launch() }
                while let (slot, result) = try await group.next() {
                    results[slot] = result
                    try stores[work[slot].model]?.save(result, seed: seed, replication: work[slot].replication)
                    if next < pending.count { launch() }
                }
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            throw SimulationError(message: "replication failed: \(error)")
        }
        return results.compactMap { $0 }
    }
}
