/// Where the time of a group's finished dossiers went (docs/model.md §12), late beside on time.
public struct BreakdownResult: Sendable {
    /// Field or procedure id, and name.
    public let id: String
    public let name: String
    public let nameVi: String?
    /// The dossiers finished on time, and those finished late.
    public let onTime: PartsResult
    public let late: PartsResult
    /// For the dossiers past their appointment, the steps that consumed most of their deadline,
    /// most frequent first.
    public let topSteps: [TopStep]
    /// Of the late dossiers, those late only by the one-request rule (asked to supplement more
    /// than once, finished by their appointment), per replication; they name no step.
    public let lateByRule: Estimate
    /// ``lateByRule`` in total over all replications.
    public let lateByRuleTotal: Int

    /// One side (on time or late): its dossiers and the mean working hours of each part.
    public struct PartsResult: Sendable {
        /// Dossiers per replication.
        public let dossiers: Estimate
        /// Mean working hours per dossier of each part (by ``TimePart`` raw value), per replication.
        public let hours: [Estimate]
        /// Mean elapsed working hours per dossier (the parts' sum), per replication.
        public let elapsedHours: Estimate
        /// Totals over all replications (labelled as such wherever shown): dossiers, and working
        /// seconds of each part — what `motcua audit` recounts from the log.
        public let totalDossiers: Int
        public let totalSeconds: [Int]
    }

    /// A step of the route (an office entry, a ward group as one, and a part) and the late
    /// dossiers that lost most of their deadline there.
    public struct TopStep: Sendable {
        public let officeId: String
        public let officeName: String
        public let officeNameVi: String?
        public let part: TimePart
        /// Share of the dossiers past their appointment (late, less those late only by the
        /// one-request rule), per replication.
        public let share: Estimate
        /// Share of all late dossiers, per replication.
        public let shareOfLate: Estimate
        /// Late dossiers, total over all replications.
        public let total: Int
    }

    /// The breakdown of the procedures `members` (indexes into the scenario) over `results`.
    static func compute(id: String, name: String, nameVi: String?, members: [Int], model: SimulationModel,
                        results: [RunResult]) -> BreakdownResult {
        let partCount = TimePart.allCases.count
        func side(late: Bool) -> PartsResult {
            var perReplicationDossiers: [Double] = []
            var perReplicationHours = [[Double]](repeating: [], count: partCount)
            var perReplicationElapsed: [Double] = []
            var totalDossiers = 0
            var totalSeconds = [Int](repeating: 0, count: partCount)
            for result in results {
                var dossiers = 0
                var seconds = [Int](repeating: 0, count: partCount)
                for p in members {
                    let tally = result.breakdowns[p]
                    dossiers += late ? tally.late : tally.onTime
                    let sums = late ? tally.lateSeconds : tally.onTimeSeconds
                    for i in 0..<partCount { seconds[i] += sums[i] }
                }
                totalDossiers += dossiers
                for i in 0..<partCount { totalSeconds[i] += seconds[i] }
                perReplicationDossiers.append(Double(dossiers))
                let n = Double(dossiers)
                for i in 0..<partCount { perReplicationHours[i].append(dossiers > 0 ? Double(seconds[i]) / n / 3600 : .nan) }
                perReplicationElapsed.append(dossiers > 0 ? Double(seconds.reduce(0, +)) / n / 3600 : .nan)
            }
            return PartsResult(dossiers: Estimate(perReplicationDossiers).clamped(to: 0...Double.infinity),
                               hours: perReplicationHours.map { Estimate($0).clamped(to: 0...Double.infinity) },
                               elapsedHours: Estimate(perReplicationElapsed).clamped(to: 0...Double.infinity),
                               totalDossiers: totalDossiers, totalSeconds: totalSeconds)
        }
        // Steps keyed by office entry and part: a ward group's wards are one step.
        struct Key: Hashable { let entry: Int; let part: Int }
        var order: [Key] = []
        var perReplication: [[Key: Int]] = []
        var lateCounts: [Int] = []
        var pastDueCounts: [Int] = []
        var byRuleCounts: [Int] = []
        for result in results {
            var counts: [Key: Int] = [:]
            var late = 0, byRule = 0
            for p in members {
                let tally = result.breakdowns[p]
                late += tally.late
                byRule += tally.lateByRule
                for (index, count) in tally.topSteps.enumerated() where count > 0 {
                    let stage = index / TimePart.stepParts.count
                    let office = model.office(ofStage: stage, of: p, instance: 0)
                    let key = Key(entry: model.offices[Int(office)].entry, part: index % TimePart.stepParts.count)
                    if counts[key] == nil && !order.contains(key) { order.append(key) }
                    counts[key, default: 0] += count
                }
            }
            perReplication.append(counts)
            lateCounts.append(late)
            pastDueCounts.append(late - byRule)
            byRuleCounts.append(byRule)
        }
        let steps = order.map { key in
            let office = model.scenario.offices[key.entry]
            return TopStep(officeId: office.id, officeName: office.name, officeNameVi: office.nameVi,
                           part: TimePart.stepParts[key.part],
                           share: Estimate(zip(perReplication, pastDueCounts).map { counts, pastDue in
                               pastDue > 0 ? Double(counts[key] ?? 0) / Double(pastDue) : .nan
                           }).clamped(to: 0...1),
                           shareOfLate: Estimate(zip(perReplication, lateCounts).map { counts, late in
                               late > 0 ? Double(counts[key] ?? 0) / Double(late) : .nan
                           }).clamped(to: 0...1),
                           total: perReplication.reduce(0) { $0 + ($1[key] ?? 0) })
        }
        // Most frequent first; ties in the route's order of first appearance.
        let ranked = steps.enumerated().sorted { a, b in
            a.element.total != b.element.total ? a.element.total > b.element.total : a.offset < b.offset
        }.map(\.element)
        return BreakdownResult(id: id, name: name, nameVi: nameVi, onTime: side(late: false), late: side(late: true),
                               topSteps: ranked,
                               lateByRule: Estimate(byRuleCounts.map(Double.init)).clamped(to: 0...Double.infinity),
                               lateByRuleTotal: byRuleCounts.reduce(0, +))
    }

    /// The breakdown by field and by procedure, in scenario order.
    static func byFieldAndProcedure(model: SimulationModel, results: [RunResult]) -> (fields: [BreakdownResult], procedures: [BreakdownResult]) {
        let scenario = model.scenario
        let all = Array(scenario.procedures.indices)
        let fields = scenario.fields.map { field in
            compute(id: field.id, name: field.name, nameVi: field.nameVi,
                    members: all.filter { scenario.procedures[$0].field == field.id }, model: model, results: results)
        }
        let procedures = all.map { p in
            compute(id: scenario.procedures[p].id, name: scenario.procedures[p].name, nameVi: scenario.procedures[p].nameVi,
                    members: [p], model: model, results: results)
        }
        return (fields, procedures)
    }
}
