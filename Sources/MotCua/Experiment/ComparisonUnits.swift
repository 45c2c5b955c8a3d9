// Review 4 #15: a ward's what-if read in compare. With a city scenario (units), compare shows the
// units whose inputs the variant changes and the units whose figures move most, each unit's
// on-time rate per field, base beside variant, with the paired difference and its interval.

/// One unit's on-time figures in one variant beside the base's.
public struct UnitChange: Sendable {
    /// One field's (or all fields') on-time rate: base and variant means, and the paired difference.
    public struct Figure: Sendable {
        /// Position in ``UnitFigures/fields``; nil for all fields together.
        public let field: Int?
        public let base: Double
        public let variant: Double
        /// Variant − base, per replication (replications where a side had no finished dossier are left out).
        public let difference: Estimate
    }

    /// The variant (1 for the first after the base).
    public let variant: Int
    /// Position of the unit among the scenario's units.
    public let unit: Int
    public let id: String
    public let name: String
    public let nameVi: String?
    /// Whether the variant changes the unit's own inputs (staff, hours or weight of its offices);
    /// otherwise it is shown because its figures move most.
    public let changed: Bool
    /// All fields first, then each field with dossiers on either side.
    public let figures: [Figure]

    /// The largest move of a field's figure (absolute mean difference), by which the units that move most are chosen.
    public var largestMove: Double { figures.filter { $0.field != nil }.map { abs($0.difference.mean) }.filter(\.isFinite).max() ?? 0 }

    /// How many units beside the changed ones are shown: those whose figures move most.
    public static let mostMoved = 5

    /// Per variant after the base: the units it changes and the ``mostMoved`` others whose field
    /// figures move most; empty when the runs did not collect per-unit figures (fewer than
    /// ``SimulationModel/unitFiguresFrom`` units) or the unit lists differ.
    static func compare(models: [SimulationModel], results: [[RunResult]], confidence: Double) -> [[UnitChange]] {
        guard let base = models.first, base.collectsUnitFigures,
              let instances = base.scenario.offices.first(where: { !$0.instances.isEmpty })?.instances else { return [] }
        let fieldCount = base.scenario.fields.count
        func rate(_ result: RunResult, unit: Int?, fields: [Int]) -> Double {
            guard let unit, result.units?.count == instances.count * fieldCount else { return .nan }
            return result.unitOnTimeRate(unit: unit, fields: fields, fieldCount: fieldCount)
        }
        func mean(_ values: [Double]) -> Double {
            let finite = values.filter(\.isFinite)
            return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        }
        return models.indices.dropFirst().map { v -> [UnitChange] in
            let model = models[v]
            guard model.collectsUnitFigures, model.instanceCount == base.instanceCount, model.scenario.fields.count == fieldCount else { return [] }
            let changed = Set(changedUnits(base: base, variant: model))
            // An overlay may list the units in another order: a unit is the variant's of the same id.
            let position = Dictionary(unitIDs(model).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let units = instances.indices.map { n -> UnitChange in
                let groups: [Int?] = [nil] + Array(0..<fieldCount)
                let figures = groups.compactMap { field -> Figure? in
                    let fields = field.map { [$0] } ?? Array(0..<fieldCount)
                    let baseRates = results[0].map { rate($0, unit: n, fields: fields) }
                    let variantRates = results[v].map { rate($0, unit: position[instances[n].id], fields: fields) }
                    guard baseRates.contains(where: \.isFinite) || variantRates.contains(where: \.isFinite) else { return nil }
                    return Figure(field: field, base: mean(baseRates), variant: mean(variantRates),
                                  difference: Estimate(zip(variantRates, baseRates).map { $0 - $1 }, confidence: confidence))
                }
                return UnitChange(variant: v, unit: n, id: instances[n].id, name: instances[n].name, nameVi: instances[n].nameVi,
                                  changed: changed.contains(n), figures: figures)
            }
            let moved = units.filter { !$0.changed && $0.largestMove > 0 }.sorted { $0.largestMove > $1.largestMove }.prefix(mostMoved)
            return units.filter(\.changed) + moved
        }
    }

    /// The units whose offices the variant gives other staff or hours, or whose weight it changes.
    /// The ids of a model's units, in its order (empty without units).
    static func unitIDs(_ model: SimulationModel) -> [String] {
        model.scenario.offices.first(where: { !$0.instances.isEmpty })?.instances.map(\.id) ?? []
    }

    /// The units (base positions) whose offices the variant gives other staff or hours, or whose
    /// weight it changes; units are matched by id, as an overlay may list them in another order.
    static func changedUnits(base: SimulationModel, variant: SimulationModel) -> [Int] {
        let baseIDs = unitIDs(base), variantIDs = unitIDs(variant)
        func key(_ model: SimulationModel, _ office: OfficeModel, _ ids: [String]) -> String? {
            office.instance >= 0 && office.instance < ids.count ? model.scenario.offices[office.entry].id + "\u{1F}" + ids[office.instance] : nil
        }
        var variantOffices: [String: OfficeModel] = [:]
        for office in variant.offices { if let key = key(variant, office, variantIDs) { variantOffices[key] = office } }
        let variantPosition = Dictionary(variantIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var units = Set<Int>()
        for a in base.offices {
            guard let key = key(base, a, baseIDs) else { continue }
            guard let b = variantOffices[key] else { units.insert(a.instance); continue }
            // Hours are compared as the unit's instance states them (a schedule is shared, not comparable).
            let hours = { (model: SimulationModel, office: OfficeModel) -> String in
                let instances = model.scenario.offices[office.entry].instances
                guard office.instance < instances.count else { return "" }
                return String(describing: instances[office.instance].hours) + String(describing: instances[office.instance].saturdayHours)
            }
            if a.staffPlan != b.staffPlan || a.sessions != b.sessions || hours(base, a) != hours(variant, b) {
                units.insert(a.instance)
            }
        }
        for (n, id) in baseIDs.enumerated() {
            guard let m = variantPosition[id], n < base.instanceWeights.count, m < variant.instanceWeights.count else { continue }
            if base.instanceWeights[n] != variant.instanceWeights[m] { units.insert(n) }
        }
        return units.sorted()
    }
}
