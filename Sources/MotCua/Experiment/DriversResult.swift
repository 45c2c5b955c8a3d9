import Foundation

/// What drives each verdict: the effect on every target of changing each input of a scenario
/// by a stated step in both directions (``DriverStep``), under common random numbers, ranked.
///
/// The method (docs/experiments.md, "What drives each verdict"):
/// 1. The base runs `replications` replications.
/// 2. **Reach**: an input reaches a target when its procedure, or a procedure on whose route its
///    office lies, meets the target's procedures in a common office, directly or through other
///    procedures (``Reach``), or when it is a policy of every procedure. Decisions are drawn per
///    procedure, arrivals and service times per procedure and office, so an input that cannot
///    reach a target leaves every replication of it unchanged: it is not evaluated for it and is
///    reported as "cannot reach".
/// 3. **Group screening** (``GroupScreening``): one direction of every input that reaches a
///    chosen target (raised, or lowered when it cannot be) is changed together with the others
///    of its group, on the first `screening` replications, each paired with the base's
///    replication of the same seed; a backlog's removal and a legal value run alone. Per
///    target, a group whose effect could reach the target's margin (the distance from the
///    base's interval to the threshold; 0 when at risk) and could hold one of its `refine`
///    largest drivers is split in halves, until those stand alone; of the two halves only the
///    first is simulated, the second inferred as the group minus the first (additive effects).
/// 4. **Refinement**: per target, the inputs measured alone whose effect could reach the margin
///    (half of it when screened on one replication) are candidates, and the `refine` largest of
///    them are refined: the changes that move the target towards its threshold (both directions
///    when it is at risk) run further replications, first up to half of `replications` (at
///    least 3), then — unless, for every target that asked for it, the changed value's interval
///    already lies on one side of the threshold or the paired interval stays short of the
///    margin — up to `replications`. An inferred change is simulated from its first replication.
/// 5. **Ranking**: by the size of the effect (to the hundredth of a point shown), then by how
///    well it is measured (more pairs first).
public struct DriversResult: Sendable {
    /// One change of one input, measured on one target.
    public struct Effect: Sendable {
        public let change: DriverChange
        /// The target's value with the change.
        public let value: Estimate
        /// The paired difference (changed − base) over the replications run, with its 95% interval.
        public let difference: Estimate
        /// Whether it is inferred (a screened group's values minus its evaluated half's, under
        /// additivity) rather than simulated.
        public var inferred = false
    }

    /// One input's effects on one target it can reach.
    public struct Driver: Sendable {
        /// Index into ``DriversResult/inputs``.
        public let input: Int
        /// One per change run, in the order lower, higher, removed.
        public let effects: [Effect]
        /// Whether some change ran past the screening replications.
        public let refined: Bool
        /// The largest absolute mean difference of its changes: what the ranking sorts by first.
        public var size: Double { effects.map { abs($0.difference.mean) }.filter(\.isFinite).max() ?? 0 }
        /// The pairs behind its best-measured change: what the ranking sorts by second.
        public var pairs: Int { effects.map(\.difference.count).max() ?? 0 }
    }

    /// A target with its drivers, largest first.
    public struct TargetDrivers: Sendable {
        public let target: TargetResult
        /// How far the base's interval lies on its verdict's side of the threshold (0 when at
        /// risk): the size of effect that could change the verdict (a pass into a fail, a fail
        /// into a pass).
        public let margin: Double
        /// The inputs that can reach the target and were measured alone, ranked
        /// (``DriversAnalysis/rank(_:)``).
        public let drivers: [Driver]
        /// The other inputs that can reach it, by the group they were screened in, largest
        /// joint effect first.
        public let grouped: [ScreenedGroup]
        /// The inputs that cannot reach it (indices into ``DriversResult/inputs``): not
        /// evaluated for it, their effect is zero.
        public let unreachable: [Int]
        /// Whether the screening split no group for it: no group's effect could move it past
        /// its threshold (``GroupScreening``).
        public var noGroupSplit = false
    }

    /// Inputs screened together whose changes were not measured alone for a target: their
    /// joint effect could not change its verdict, or was smaller than the drivers measured alone.
    public struct ScreenedGroup: Sendable {
        public let name: String
        public let nameVi: String
        /// Indices into ``DriversResult/inputs``: the members that reach the target.
        public let inputs: [Int]
        /// The members of the group it was split from.
        public let groupSize: Int
        /// Their changes together (nil when together they make an invalid scenario).
        public let effect: Effect?
    }

    /// A change that could not be run, and why (it makes an invalid scenario).
    public struct Skipped: Sendable {
        public let input: Int
        public let change: String
        public let reason: String
    }

    public let scenarioName: String
    public let scenarioNameVi: String?
    public let seed: UInt64
    public let selection: DriverInputs.Selection
    public let step: DriverStep
    public let replications: Int
    public let screeningReplications: Int
    /// How many inputs per target the refinement may take.
    public let refineLimit: Int
    public let inputs: [DriverInput]
    public let targets: [TargetDrivers]
    public let skipped: [Skipped]
    /// Inputs whose step changes nothing (a share of 0), by index.
    public let unchangeable: [Int]
    /// Inputs that reach none of the chosen targets: not run at all.
    public let reachingNone: Int
    /// Screening groups (``GroupScreening``).
    public let groups: Int
    /// Evaluations of the screening: groups, their halves and single inputs (not the base, the
    /// changes run alone or the refinement's own).
    public let screeningEvaluations: Int
    /// Halves of split groups whose values were inferred (the group's minus the other half's),
    /// not evaluated.
    public let inferredHalves: Int
    /// Inferred single changes that the refinement then simulated (from their first replication).
    public let simulatedAfterInference: Int
    /// Scenario evaluations: the base, every screened group, half and single change, and every
    /// change refined without having been screened.
    public let evaluations: Int
    /// Replications simulated in all.
    public let replicationsRun: Int
    /// Refined changes that stopped at the first round because their verdict was decided.
    public let stoppedEarly: Int
    /// Wall-clock seconds of the analysis.
    public let seconds: Double
    /// The base run's fields whose deadlines are longer than its counted days (review 4 #12).
    public var shortHorizon: [ShortHorizonNote] = []
}
