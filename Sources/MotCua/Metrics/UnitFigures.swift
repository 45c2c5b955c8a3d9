/// Figures per commune-level unit at city scale (``SimulationModel/collectsUnitFigures``): the
/// units' on-time rates by field and their online shares, the groups they belong to (former
/// district, or kind), so that a report can show groups and the worst units instead of a
/// 168-row table.
public struct UnitFigures: Sendable {
    /// One unit: means over replications.
    public struct Unit: Sendable {
        public let id: String
        public let name: String
        public let nameVi: String?
        /// The unit's group (its `group`, else its kind).
        public let group: String
        /// Dossiers of its residents received per replication.
        public let received: Double
        public let online: Double
        /// On-time rate by field (scenario order), NaN where the unit had no dossier of it.
        public let onTimeRate: [Double]
        /// On-time rate over all fields.
        public let overallRate: Double
    }

    public let units: [Unit]
    /// The fields, in scenario order.
    public let fields: [FieldSpec]

    /// Nil when the runs did not collect per-unit figures.
    static func make(_ scenario: Scenario, results: [RunResult]) -> UnitFigures? {
        guard let instances = scenario.offices.first(where: { !$0.instances.isEmpty })?.instances,
              let first = results.first?.units, first.count == instances.count * scenario.fields.count else { return nil }
        let fieldCount = scenario.fields.count
        let runs = Double(results.count)
        func rate(_ onTime: Int, _ late: Int) -> Double { onTime + late > 0 ? Double(onTime) / Double(onTime + late) : .nan }
        let units = instances.enumerated().map { n, instance in
            var received = 0.0, online = 0.0, onTime = [Int](repeating: 0, count: fieldCount), late = onTime
            for result in results {
                guard let tallies = result.units else { continue }
                for f in 0..<fieldCount {
                    let t = tallies[n * fieldCount + f]
                    received += Double(t.received)
                    online += Double(t.online)
                    onTime[f] += t.onTime
                    late[f] += t.late
                }
            }
            return Unit(id: instance.id, name: instance.name, nameVi: instance.nameVi, group: UnitFigures.group(of: instance),
                        received: received / runs, online: online / runs,
                        onTimeRate: (0..<fieldCount).map { rate(onTime[$0], late[$0]) },
                        overallRate: rate(onTime.reduce(0, +), late.reduce(0, +)))
        }
        return UnitFigures(units: units, fields: scenario.fields)
    }

    /// The group a unit is shown in.
    static func group(of instance: InstanceSpec) -> String { instance.group ?? instance.kind }

    /// The groups in order of first appearance, with their units.
    public var groups: [(name: String, units: [Unit])] {
        Self.groupedInOrder(units, by: \.group).map { ($0.name, $0.members) }
    }

    /// The `count` units with the lowest on-time rate in field `f` (units without dossiers of it left out).
    public func worst(field f: Int, count: Int) -> [Unit] {
        Array(units.filter { !$0.onTimeRate[f].isNaN }.sorted { $0.onTimeRate[f] < $1.onTimeRate[f] }.prefix(count))
    }
}

extension UnitFigures {
    /// `items` in groups, the groups in order of first appearance.
    static func groupedInOrder<T>(_ items: [T], by group: (T) -> String) -> [(name: String, members: [T])] {
        var order: [String] = []
        var members: [String: [T]] = [:]
        for item in items {
            let name = group(item)
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(item)
        }
        return order.map { ($0, members[$0] ?? []) }
    }
}
