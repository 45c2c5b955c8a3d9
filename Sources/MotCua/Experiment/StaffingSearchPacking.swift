/// Screening several offices in one staffing (issue #20). With the other offices very large, an
/// office's screen only asks whether the targets it can move pass; two offices that move no
/// target in common can be screened in the same staffing, each read on its own targets, so a
/// round of bisection costs a few staffings instead of one per office.
struct StaffingPacking {
    /// Per searched office: the counted targets it can move (result ids), those whose
    /// procedures' routes pass through it; the targets every searched office moves
    /// (``shared``) left out.
    let moved: [String: Set<String>]
    /// Targets that every searched office moves (the guard on withdrawals, a target over all
    /// dossiers): they tell nothing about which office missed.
    let shared: Set<String>
    /// Offices screened alone from now on: a packed screen of theirs missed a target it could
    /// not put on one office.
    private(set) var alone: Set<String> = []

    init(offices: [String], targets: [String], in scenario: Scenario) {
        let routes = Dictionary(uniqueKeysWithValues: targets.map { ($0, StaffingSearch.officesOnRoutes(of: $0, in: scenario)) })
        let everyOffice = Set(offices)
        shared = offices.count > 1 ? Set(targets.filter { routes[$0]!.isEmpty || everyOffice.isSubset(of: routes[$0]!) }) : []
        let shared = shared
        moved = Dictionary(uniqueKeysWithValues: offices.map { office in
            (office, Set(targets.filter { !shared.contains($0) && routes[$0]!.contains(office) }))
        })
    }

    /// `tries` (office, staff) grouped into staffings, each a list of indices into `tries`:
    /// in order, each try joins the first group with no try of its office and no target moved
    /// in common; an office screened alone gets a group of its own. The grouping depends on
    /// the offices and targets only, never on the cores.
    func pack(_ tries: [(office: String, point: Int)]) -> [[Int]] {
        var groups: [[Int]] = []
        var movedByGroup: [Set<String>] = []
        for (i, probe) in tries.enumerated() {
            let targets = moved[probe.office] ?? []
            if !alone.contains(probe.office), let g = groups.indices.first(where: { g in
                !groups[g].contains { tries[$0].office == probe.office || alone.contains(tries[$0].office) }
                    && movedByGroup[g].isDisjoint(with: targets)
            }) {
                groups[g].append(i)
                movedByGroup[g].formUnion(targets)
            } else {
                groups.append([i])
                movedByGroup.append(targets)
            }
        }
        return groups
    }

    /// What a screen of `offices` together says about each of them: nil for an office when the
    /// screen cannot tell (a shared target missed, a target no screened office moves missed,
    /// or too many citizens gave up over the whole scenario — docs/model.md §7.6); those
    /// offices are screened alone from now on. With one office the screen says pass or not.
    mutating func read(_ failing: [TargetResult], offices: [String]) -> [String: Bool] {
        if offices.count == 1 { return [offices[0]: failing.isEmpty] }
        let unattributed = failing.contains { t in
            shared.contains(t.id) || (t.scenarioDesk.map { $0.verdict != .pass } ?? t.gaveUpAtDesk.map(DeskGuard.trips) ?? false)
                || !offices.contains { moved[$0]?.contains(t.id) ?? false }
        }
        if unattributed {
            alone.formUnion(offices)
            return [:]
        }
        return Dictionary(uniqueKeysWithValues: offices.map { office in
            (office, !failing.contains { moved[office]?.contains($0.id) ?? false })
        })
    }
}

extension StaffingSearch {
    /// The offices on the routes of the procedures a target result counts (`id` or `id/field`).
    static func officesOnRoutes(of targetResult: String, in scenario: Scenario) -> Set<String> {
        let parts = targetResult.split(separator: "/", maxSplits: 1).map(String.init)
        guard let spec = scenario.targets.first(where: { $0.id == parts[0] }) else { return [] }
        let field = parts.count > 1 ? parts[1] : spec.field
        var offices = Set<String>()
        for procedure in scenario.procedures where field == nil || field == "*" || procedure.field == field {
            let route = procedure.route.map(\.office)
            if let office = spec.office, !route.contains(office) { continue }
            offices.formUnion(route)
        }
        return offices
    }
}
