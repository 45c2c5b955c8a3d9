import Foundation

/// Which parts of a scenario can influence each other: procedures joined when they share an
/// office (a desk, a department, the leaders who sign), directly or through other procedures.
/// Two procedures in different parts meet no common queue, so a change to one cannot move the
/// other's timing.
struct Reach {
    /// The part of each procedure (a representative procedure index).
    private let part: [Int]
    private let procedureIndex: [String: Int]
    private let users: [String: [Int]]

    init(_ scenario: Scenario) {
        var parent = Array(scenario.procedures.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        var users: [String: [Int]] = [:]
        for (p, procedure) in scenario.procedures.enumerated() {
            for office in Set(procedure.route.map(\.office)) {
                if let first = users[office]?.first { parent[root(p)] = root(first) }
                users[office, default: []].append(p)
            }
        }
        part = scenario.procedures.indices.map(root)
        procedureIndex = Dictionary(scenario.procedures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.users = users
    }

    /// The parts an input belongs to; nil for a policy of every procedure.
    func parts(of owner: DriverInput.Owner?) -> Set<Int>? {
        switch owner {
        case .procedure(let id)?: return Set(procedureIndex[id].map { [part[$0]] } ?? [])
        case .office(let id)?: return Set((users[id] ?? []).map { part[$0] })
        case nil: return nil
        }
    }

    /// The parts of a target's procedures: those of its field, or every procedure (a superset
    /// of its members when it is also restricted by level or office, so nothing is missed).
    func parts(of target: TargetResult, in scenario: Scenario) -> Set<Int> {
        let spec = scenario.targets.first { $0.id == target.id || target.id.hasPrefix($0.id + "/") }
        let field = spec?.field == "*" ? target.id.split(separator: "/").last.map(String.init) : spec?.field
        return Set(scenario.procedures.indices.filter { field == nil || scenario.procedures[$0].field == field }.map { part[$0] })
    }
}
