import Foundation

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
    /// Undecided, and a side's verdict sits on its threshold: projected, the maximum of
    /// replications would decide that side with a chance below 10%, so not the change either
    /// (``ReplicationPlan/projection(_:)``).
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
    /// For ``ChangeDecision/sitsOnThreshold``: the projection of the side that sits on its threshold.
    public var projection: VerdictProjection? = nil
    /// Which side sits on its threshold: "base" or "variant" (nil when none does).
    public var sittingSide: String? = nil
}

/// How an undecided verdict would fare at a sequential plan's maximum, projected from the
/// replications so far (issue #20, review 2 #17): what a report says when it stops for it —
/// "projected: 40 replications would not decide it" — so that it does not read as if they were run.
public struct VerdictProjection: Sendable, Equatable {
    /// Replications the projection rests on.
    public let used: Int
    /// The plan's maximum, projected to.
    public let maximum: Int
    /// The target's mean so far and its threshold.
    public let mean: Double
    public let threshold: Double
    /// The chance that the maximum's interval would be clear of the threshold.
    public let chanceToDecide: Double

    /// Below this chance of deciding at the maximum, a verdict is out of reach.
    public static let outOfReach = 0.1

    public var isOutOfReach: Bool { chanceToDecide < Self.outOfReach }
}

extension ReplicationPlan {
    /// The projection of an undecided `target` to the maximum; nil when it is decided, the plan
    /// is fixed, there are fewer than 2 values or no spread, or the maximum is reached.
    ///
    /// The projection is honest about the two things it does not know. The true mean is only
    /// known to within its interval, and the replications still to run add their own noise: the
    /// mean at the maximum N, predicted from n replications of spread s, is normal about today's
    /// mean with standard deviation s·√((N − n)/(N·n)) (a flat prior on the true mean). The
    /// verdict is decided at N when that mean lies further from the threshold than the half-width
    /// the maximum would have, t(N − 1)·s/√N. The chance of that is the chance to decide; below
    /// ``VerdictProjection/outOfReach`` the verdict sits on its threshold. The rule "the mean
    /// stays where it is" (``cannotBeDecided(_:)``) ignores the first uncertainty: on Gò Vấp's
    /// land branch −2 it called land late (1.93% on 5 replications) out of reach of 40, where 40
    /// decide it (1.76%, 1.58–1.94% at 99.375%); this projection gives it a 30% chance and runs on.
    public func projection(_ target: TargetResult) -> VerdictProjection? {
        let estimate = target.estimate
        guard !target.isDecided, estimate.count > 1, isAdaptive, estimate.count < maximum else { return nil }
        let half = target.threshold >= estimate.mean ? estimate.high - estimate.mean : estimate.mean - estimate.low
        let n = Double(estimate.count), atMaximum = Double(maximum)
        let spread = half / Estimate.tQuantile(twoSided: confidence, degreesOfFreedom: estimate.count - 1) * n.squareRoot()
        let distance = estimate.mean - target.threshold
        guard spread.isFinite, spread > 0, distance.isFinite else { return nil }
        let halfAtMaximum = Estimate.tQuantile(twoSided: confidence, degreesOfFreedom: maximum - 1) * spread / atMaximum.squareRoot()
        let meanSpread = spread * ((atMaximum - n) / (atMaximum * n)).squareRoot()
        func normal(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
        let chance = normal((distance - halfAtMaximum) / meanSpread) + normal((-distance - halfAtMaximum) / meanSpread)
        return VerdictProjection(used: estimate.count, maximum: maximum, mean: estimate.mean, threshold: target.threshold, chanceToDecide: chance)
    }
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
        if sittingSide(base: base, variant: variant) != nil { return .sitsOnThreshold }
        return .open
    }
}

extension ReplicationPlan {
    /// Why a compare's variant stops at this look, from its targets' verdict changes and its own
    /// targets the base lacks (decided on their own), or nil to go on. It stops when every change
    /// is known, or as soon as one sits on its threshold: the answer is then "undecided" however
    /// long it runs, and the changes still open are reported open. The last look always stops.
    public func compareStop(_ changes: [TargetChange], own: [TargetResult], atLook look: Int) -> StopReason? {
        guard isAdaptive else { return .fixed }
        let ownDecided = own.allSatisfy(\.isDecided)
        if changes.allSatisfy({ $0.decision == .bothDecided }) && ownDecided { return .decided }
        if changes.allSatisfy({ $0.decision.isKnown }) && ownDecided { return .changesDecided }
        if look < maximum && (changes.contains { $0.decision == .sitsOnThreshold } || own.contains { projection($0)?.isOutOfReach == true }) {
            return .futile
        }
        return look >= maximum ? .maximum : nil
    }

    /// The side of a change that sits on its threshold (base first) and its projection, or nil.
    func sittingSide(base: TargetResult, variant: TargetResult) -> (side: String, projection: VerdictProjection)? {
        if let projection = projection(base), projection.isOutOfReach { return ("base", projection) }
        if let projection = projection(variant), projection.isOutOfReach { return ("variant", projection) }
        return nil
    }
}

extension Comparison {
    /// Each base target's value in one replication, by target id.
    static func targetValues(model: SimulationModel, seed: UInt64, result: RunResult) -> [String: Double] {
        targetValues(ExperimentSummary(model: model, seed: seed, results: [result]))
    }

    /// Each target's value in a one-replication summary, by target id.
    static func targetValues(_ summary: ExperimentSummary) -> [String: Double] {
        Dictionary(summary.targets.map { ($0.id, $0.estimate.mean) }, uniquingKeysWith: { first, _ in first })
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
        // Every replication from the store (a compare run again with `--results`): nothing to launch.
        guard !pending.isEmpty else { return results.compactMap { $0 } }
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
