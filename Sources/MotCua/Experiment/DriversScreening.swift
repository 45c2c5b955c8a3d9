import Foundation

/// Group screening for `motcua drivers` (docs/experiments.md, "What drives each verdict"): the
/// inputs of a group move together in one evaluation; a group whose effect on a target could not
/// change its verdict is not split for it, and one that could is split in halves, largest first,
/// until the target's `isolate` largest drivers stand alone.
///
/// Sequential bifurcation: of the two halves of a split group only the first is evaluated; the
/// second's values are inferred, replication by replication, as the group's minus the first
/// half's (plus the base's). This assumes the members' effects add up within a group (no
/// interaction between them). A half whose group or first half could not be evaluated is
/// evaluated itself, and a change refined later is simulated from its first replication.
///
/// What it assumes: within a group every member moves a target the same way or not at all
/// (monotone effects, no cancelling), so that the group's effect bounds each member's. The
/// groups are chosen for that (``DriverInput/ScreenGroup``): every staff count raised together;
/// a field's volumes, backlog, incomplete and supplement shares and lags raised together (more
/// work or longer waits); one share of every procedure raised together; the apology policy. A
/// member that can only be lowered is screened in a group of its own kind lowered.
struct GroupScreening {
    /// One screened change of one input.
    struct Member: Sendable, Equatable {
        let input: Int
        let change: DriverChange
    }

    /// Members changed together, and the target values of their evaluation [replication][target]
    /// (nil until evaluated, or when the members together make an invalid scenario).
    struct Probe {
        let members: [Member]
        /// Index of the top-level group it was split from.
        let group: Int
        var values: [[Double]]?
        /// The probes its values are inferred from (whole − part); nil when it was evaluated.
        var inferredFrom: (whole: Int, part: Int)?

        /// Whether its values are inferred rather than simulated.
        var inferred: Bool { inferredFrom != nil }
    }

    /// A top-level group: a key shared by its members, its names, its members in scenario order.
    struct Group {
        let name: String
        let nameVi: String
        let members: [Member]
    }

    /// What a target keeps of the screening: the probes it ends on.
    struct Leaf {
        let probe: Int
        /// The members that reach the target.
        let members: [Member]
    }

    /// The groups of `members`: by each input's screening group and the change's direction, in
    /// order of first appearance.
    static func groups(_ members: [Member], inputs: [DriverInput]) -> [Group] {
        var keys: [String] = []
        var byKey: [String: [Member]] = [:]
        for member in members {
            let group = inputs[member.input].screenGroup
            let key = group.key + "/" + member.change.direction.rawValue
            if byKey[key] == nil { keys.append(key) }
            byKey[key, default: []].append(member)
        }
        return keys.compactMap { key in
            guard let members = byKey[key], let first = members.first else { return nil }
            let group = inputs[first.input].screenGroup
            let lowered = first.change.direction == .lower
            return Group(name: group.name + (lowered ? " (lowered)" : ""), nameVi: group.nameVi + (lowered ? " (giảm)" : ""), members: members)
        }
    }

    private(set) var probes: [Probe] = []
    private var probeIndex: [[Int]: Int] = [:]
    /// Per target (in the order of `targets`), the probes it ends on.
    private(set) var leaves: [[Leaf]] = []
    /// Per target, whether some group was split for it.
    private(set) var splitFor: [Bool] = []

    /// Screens `groups` for `targets`.
    /// - Parameters:
    ///   - need: per target (indexed like the target values), the size of effect that could
    ///     change its verdict.
    ///   - isolate: how many drivers per target are split down to a single input.
    ///   - reaches: whether an input can reach a target.
    ///   - effect: a probe's paired difference on a target.
    ///   - remainder: the values of the members of `whole` not in `part`, from theirs (`whole`
    ///     − `part` + the base's, per replication and target); nil to evaluate both halves.
    ///   - evaluate: runs probes (their members changed together) on the screening replications;
    ///     nil for a probe whose changes together make an invalid scenario.
    static func run(groups: [Group], targets: [Int], need: [Int: Double], isolate: Int, reaches: (Int, Int) -> Bool,
                    effect: ([[Double]], Int) -> Estimate, remainder: (([[Double]], [[Double]]) -> [[Double]])?,
                    evaluate: ([[Member]]) async throws(SimulationError) -> [[[Double]]?]) async throws(SimulationError) -> GroupScreening {
        var screening = GroupScreening()
        var pending: [Int] = [], inferring: [Int] = []
        screening.splitFor = targets.map { _ in false }
        screening.leaves = targets.map { t in
            groups.indices.compactMap { g -> Leaf? in
                let reaching = groups[g].members.filter { reaches($0.input, t) }
                guard !reaching.isEmpty else { return nil }
                let (probe, isNew) = screening.probe(reaching, group: g)
                if isNew { pending.append(probe) }
                return Leaf(probe: probe, members: reaching)
            }
        }
        while !pending.isEmpty || !inferring.isEmpty {
            if !pending.isEmpty {
                let values = try await evaluate(pending.map { screening.probes[$0].members })
                for (probe, value) in zip(pending, values) { screening.probes[probe].values = value }
                pending = []
            }
            // In the order they were made: a part is always made before the half inferred from it.
            for probe in inferring {
                guard let from = screening.probes[probe].inferredFrom else { continue }
                if let whole = screening.probes[from.whole].values, let part = screening.probes[from.part].values, let remainder {
                    screening.probes[probe].values = remainder(whole, part)
                } else {
                    screening.probes[probe].inferredFrom = nil
                    pending.append(probe)
                }
            }
            inferring = []
            guard pending.isEmpty else { continue }
            for (k, t) in targets.enumerated() {
                let split = screening.toSplit(screening.leaves[k], target: t, need: need[t] ?? 0, isolate: isolate, effect: effect)
                guard !split.isEmpty else { continue }
                screening.splitFor[k] = true
                var next: [Leaf] = []
                for leaf in screening.leaves[k] {
                    guard split.contains(leaf.probe) else { next.append(leaf); continue }
                    let half = leaf.members.count / 2, group = screening.probes[leaf.probe].group
                    let first = Array(leaf.members[..<half]), second = Array(leaf.members[half...])
                    let (part, partIsNew) = screening.probe(first, group: group)
                    let (rest, restIsNew) = screening.probe(second, group: group)
                    if partIsNew { pending.append(part) }
                    if restIsNew {
                        if remainder != nil, screening.probes[leaf.probe].values != nil {
                            screening.probes[rest].inferredFrom = (leaf.probe, part)
                            inferring.append(rest)
                        } else {
                            pending.append(rest)
                        }
                    }
                    next += [Leaf(probe: part, members: first), Leaf(probe: rest, members: second)]
                }
                screening.leaves[k] = next
            }
        }
        return screening
    }

    /// The probe of `members`, and whether it is new.
    private mutating func probe(_ members: [Member], group: Int) -> (Int, Bool) {
        let key = members.map(\.input)
        if let known = probeIndex[key] { return (known, false) }
        probes.append(Probe(members: members, group: group, values: nil))
        probeIndex[key] = probes.count - 1
        return (probes.count - 1, true)
    }

    /// The leaves of a target to split now: groups (not single inputs) that could change the
    /// verdict and could hold one of its `isolate` largest drivers (larger than the `isolate`-th
    /// single input found so far), at most `isolate` of them, largest first; a group that could
    /// not be evaluated is always split.
    private func toSplit(_ leaves: [Leaf], target t: Int, need: Double, isolate: Int,
                         effect: ([[Double]], Int) -> Estimate) -> Set<Int> {
        guard isolate > 0 else { return [] }
        var singles: [Double] = [], groups: [(probe: Int, size: Double)] = []
        var invalid: Set<Int> = []
        for leaf in leaves {
            guard let values = probes[leaf.probe].values else {
                if leaf.members.count > 1 { invalid.insert(leaf.probe) }
                continue
            }
            let d = effect(values, t)
            let size = abs(d.mean), extent = Swift.max(abs(d.low), abs(d.high))
            guard size.isFinite, size > 0, extent >= need else { continue }
            if leaf.members.count == 1 { singles.append(size) } else { groups.append((leaf.probe, size)) }
        }
        let sortedSingles = singles.sorted(by: >)
        let bar = sortedSingles.count >= isolate ? sortedSingles[isolate - 1] : 0
        let chosen = groups.filter { $0.size > bar }.sorted { ($0.size, -$0.probe) > ($1.size, -$1.probe) }.prefix(isolate)
        return invalid.union(chosen.map(\.probe))
    }
}
