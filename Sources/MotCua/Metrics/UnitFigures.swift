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
        /// Whether its population (its share of the load) is an assumption (review 4 #2).
        public var populationAssumed = false
    }

    public let units: [Unit]
    /// The fields, in scenario order.
    public let fields: [FieldSpec]
    /// The staff of the units' own offices when every unit of a kind has the same (the entry's
    /// default or the kind's), by kind in the units' order: "6 (ward), 5 (commune)"; nil when
    /// some unit has a figure of its own (review 4 #2).
    public var flatStaffByKind: [(kind: String, staff: Int)]? = nil

    /// Nil when the runs did not collect per-unit figures.
    static func make(_ scenario: Scenario, results: [RunResult]) -> UnitFigures? {
        guard let instances = scenario.offices.first(where: { !$0.instances.isEmpty })?.instances,
              let first = results.first?.units, first.count == instances.count * scenario.fields.count else { return nil }
        let fieldCount = scenario.fields.count
        let runs = Double(results.count)
        func rate(_ onTime: Int, _ late: Int) -> Double { onTime + late > 0 ? Double(onTime) / Double(onTime + late) : .nan }
        let units = instances.enumerated().map { n, instance -> Unit in
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
            var unit = Unit(id: instance.id, name: instance.name, nameVi: instance.nameVi, group: UnitFigures.group(of: instance),
                            received: received / runs, online: online / runs,
                            onTimeRate: (0..<fieldCount).map { rate(onTime[$0], late[$0]) },
                            overallRate: rate(onTime.reduce(0, +), late.reduce(0, +)))
            unit.populationAssumed = instance.populationAssumed
            return unit
        }
        var figures = UnitFigures(units: units, fields: scenario.fields)
        figures.flatStaffByKind = flatStaff(scenario)
        return figures
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

// What the unit figures rest on (review 4 #2): populations that are assumptions, and one staff
// figure for every unit of a kind.
extension UnitFigures {
    /// The staff of the units' desk (else their first office) by kind, when every unit of a kind
    /// has the same; nil otherwise.
    static func flatStaff(_ scenario: Scenario) -> [(kind: String, staff: Int)]? {
        let withUnits = scenario.offices.filter { !$0.instances.isEmpty }
        guard let office = withUnits.first(where: { $0.kind == .desk }) ?? withUnits.first else { return nil }
        var order: [String] = [], staff: [String: Set<Int>] = [:]
        for instance in office.instances where instance.branch == nil {
            if staff[instance.kind] == nil { order.append(instance.kind) }
            staff[instance.kind, default: []].insert(instance.staff ?? office.staff)
        }
        guard !order.isEmpty, order.allSatisfy({ staff[$0]?.count == 1 }) else { return nil }
        return order.compactMap { kind in staff[kind]?.first.map { (kind, $0) } }
    }

    /// "rests on assumptions: the population of 3 of the 8 units below 98% is an area share; unit
    /// staff 6 (ward), 5 (commune) by kind (assumption)" for a target of field `f` whose units
    /// below `threshold` include units with an assumed population; nil otherwise.
    func assumptionNote(field f: Int, below threshold: Double, comparator: Comparator, language: Language) -> String? {
        let below = units.filter { !$0.onTimeRate[f].isNaN && !comparator.holds($0.onTimeRate[f], threshold) }
        let assumed = below.filter(\.populationAssumed).count
        guard assumed > 0 else { return nil }
        let percent = language.numbers.percent(threshold, 0)
        let staff = flatStaffByKind.map { kinds in
            kinds.map { "\($0.staff) (\(language.pick($0.kind, Self.kindVi[$0.kind])))" }.joined(separator: ", ")
        }
        return language.pick(
            "the population of \(assumed) of the \(below.count) units below \(percent) is an area share (assumption)"
                + (staff.map { "; unit staff \($0) by kind, the same in every unit (assumption)" } ?? ""),
            "dân số của \(assumed)/\(below.count) đơn vị dưới \(percent) được chia theo diện tích (giả định)"
                + (staff.map { "; biên chế đơn vị \($0) theo loại đơn vị, như nhau ở mọi đơn vị (giả định)" } ?? ""))
    }

    /// "12 of 168 units' populations are assumptions (area shares); unit staff 6 (ward), 5 (commune)
    /// by kind, the same in every unit (assumption)" — under the unit table and the worst units; nil
    /// when neither holds.
    func sourcesLine(_ language: Language) -> String? {
        let assumed = units.filter(\.populationAssumed).count
        var parts: [String] = []
        if assumed > 0 {
            parts.append(language.pick("\(assumed) of \(units.count) units' populations are assumptions (area shares), and set their load",
                                       "dân số của \(assumed)/\(units.count) đơn vị là giả định (chia theo diện tích) và quyết định khối lượng hồ sơ của đơn vị"))
        }
        if let kinds = flatStaffByKind {
            let staff = kinds.map { "\($0.staff) (\(language.pick($0.kind, Self.kindVi[$0.kind])))" }.joined(separator: ", ")
            parts.append(language.pick("unit staff \(staff) by kind, the same in every unit (assumption)",
                                       "biên chế đơn vị \(staff) theo loại đơn vị, như nhau ở mọi đơn vị (giả định)"))
        }
        guard !parts.isEmpty else { return nil }
        return language.pick("Rests on assumptions: ", "Dựa trên giả định: ") + parts.joined(separator: "; ") + "."
    }

    /// Kinds of unit in Vietnamese.
    static let kindVi = ["ward": "phường", "commune": "xã", "special-zone": "đặc khu", "town": "thị trấn"]
}

extension ExperimentSummary {
    /// `targets` with a failing or at-risk on-time verdict noted when units whose population is
    /// an assumption are among its units below the threshold (review 4 #2); a note already there
    /// comes first.
    static func notingUnitAssumptions(_ targets: [TargetResult], _ figures: UnitFigures?, _ scenario: Scenario) -> [TargetResult] {
        guard let figures else { return targets }
        return targets.map { target in
            guard target.measure == .onTimeRate, target.verdict != .pass,
                  let field = scenario.fields.firstIndex(where: { $0.name == target.fieldName }),
                  let note = figures.assumptionNote(field: field, below: target.threshold, comparator: target.comparator, language: .en)
            else { return target }
            let vi = figures.assumptionNote(field: field, below: target.threshold, comparator: target.comparator, language: .vi)
            return target.noting([target.inputDriven, note].compactMap { $0 }.joined(separator: "; "),
                                 vietnamese: [target.inputDrivenVi ?? target.inputDriven, vi].compactMap { $0 }.joined(separator: "; "))
        }
    }
}
