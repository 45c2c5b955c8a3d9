/// What-if variants compared with a base scenario under common random numbers: replication
/// `i` of every variant uses the same seed, so arrivals are identical and the differences
/// are paired — far tighter than comparing two independent runs.
public struct Comparison: Sendable {
    /// One measure across the variants.
    public struct Row: Sendable {
        /// What is measured, e.g. "on-time rate — Land" or "mean wait — Land branch".
        public let label: String
        public let labelVi: String
        /// Whether the values are shares (shown as percentages) or minutes.
        public let isShare: Bool
        /// Value of the base and of each variant.
        public let values: [Estimate]
        /// Paired difference of each variant from the base (variant − base), per replication.
        public let differences: [Estimate]
    }

    /// A target whose verdict differs between the base and a variant.
    public struct VerdictChange: Sendable {
        public let target: String
        public let variant: Int
        public let from: Verdict
        public let to: Verdict
    }

    /// Names of the base (first) and the variants.
    public let names: [String]
    public let rows: [Row]
    public let verdictChanges: [VerdictChange]
    public let summaries: [ExperimentSummary]

    /// Compares replication results of `models` (the first is the base); every model's
    /// results must come from the same seeds.
    public init(names: [String], models: [SimulationModel], results: [[RunResult]], seed: UInt64) {
        self.names = names
        let summaries = zip(models, results).map { ExperimentSummary(model: $0, seed: seed, results: $1) }
        self.summaries = summaries
        var rows: [Row] = []

        func onTime(_ result: RunResult, _ procedures: [Int]) -> Double {
            var tally = ProcedureTally()
            for p in procedures where p < result.procedures.count { tally.add(result.procedures[p]) }
            return tally.processed > 0 ? Double(tally.onTime) / Double(tally.processed) : .nan
        }
        func addRow(_ label: String, _ labelVi: String, share: Bool, _ value: (Int, RunResult) -> Double) {
            let perVariant = results.indices.map { v in results[v].map { value(v, $0) } }
            let differences = perVariant.dropFirst().map { variant in
                Estimate(zip(variant, perVariant[0]).map { $0 - $1 })
            }
            rows.append(Row(label: label, labelVi: labelVi, isShare: share, values: perVariant.map(Estimate.init),
                            differences: Array(differences)))
        }

        let base = models[0].scenario
        addRow("on-time rate — all dossiers", "tỷ lệ đúng hạn — tất cả hồ sơ", share: true) { v, r in
            onTime(r, Array(models[v].scenario.procedures.indices))
        }
        for field in base.fields {
            addRow("on-time rate — \(field.name)", "tỷ lệ đúng hạn — \(field.nameVi ?? field.name)", share: true) { v, r in
                onTime(r, models[v].scenario.procedures.indices.filter { models[v].scenario.procedures[$0].field == field.id })
            }
        }
        // Offices by scenario entry: the wards of a group together.
        for entry in base.offices {
            let members = { (v: Int) in models[v].offices.filter { models[v].scenario.offices[$0.entry].id == entry.id }.map { Int($0.index) } }
            guard models.indices.allSatisfy({ !members($0).isEmpty }) else { continue }
            let label = entry.instances.isEmpty ? entry.name : "\(entry.name) (\(entry.instances.count))"
            let labelVi = (entry.nameVi ?? entry.name) + (entry.instances.isEmpty ? "" : " (\(entry.instances.count))")
            // The two waits apart (a citizen's minutes in line, a dossier's nights in a tray),
            // each only where the base office has any.
            let kinds: [(String, String, KeyPath<OfficeTally, WaitTally>)] = [
                ("mean wait in line", "thời gian chờ xếp hàng TB", \.lineWait),
                ("mean wait in the tray", "thời gian hồ sơ chờ xử lý TB", \.trayWait),
            ]
            for (english, vietnamese, kind) in kinds
            where results[0].contains(where: { r in members(0).contains { r.offices[$0][keyPath: kind].count > 0 } }) {
                addRow("\(english) — \(label)", "\(vietnamese) — \(labelVi)", share: false) { v, r in
                    let waits = members(v).map { r.offices[$0][keyPath: kind] }
                    let count = waits.reduce(0) { $0 + $1.count }
                    return count > 0 ? waits.reduce(0) { $0 + $1.sum } / Double(count) : .nan
                }
            }
            addRow("staff busy — \(label)", "tỷ lệ bận — \(labelVi)", share: true) { v, r in
                let offices = members(v).map { r.offices[$0] }
                let available = offices.reduce(0) { $0 + $1.availableMinutes }
                return available > 0 ? offices.reduce(0) { $0 + $1.busyMinutes } / available : .nan
            }
        }
        self.rows = rows

        var changes: [VerdictChange] = []
        for (v, summary) in summaries.enumerated().dropFirst() {
            for target in summaries[0].targets {
                if let other = summary.targets.first(where: { $0.id == target.id }), other.verdict != target.verdict {
                    changes.append(VerdictChange(target: target.id, variant: v, from: target.verdict, to: other.verdict))
                }
            }
        }
        verdictChanges = changes
    }
}
