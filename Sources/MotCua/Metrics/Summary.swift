import Foundation

/// What an experiment found, ready for reports.
public struct ExperimentSummary: Sendable {
    public let scenarioName: String
    public let scenarioNameVi: String?
    public let seed: UInt64
    public let replications: Int
    public let horizon: Horizon
    public let targets: [TargetResult]
    /// The plan's targets the simulation cannot compute, each with its reason (docs/model.md
    /// §7.5): shown in the targets table of every report, never with a verdict.
    public let targetsNotComputable: [TargetNotComputable]
    public let fields: [RateResult]
    public let overall: RateResult
    /// By the level of the receiving desk (district, ward, city), in that order, where present.
    public let levels: [RateResult]
    /// By procedure, in scenario order (with its online and postal counts).
    public let procedures: [RateResult]
    /// By office entry: the dossiers routed through it (the wards of a group together).
    public let officeRates: [RateResult]
    /// The parts of the Decision 766/QĐ-TTg scoring the simulation can compute.
    public let decision766: [ScoreComponent]
    public let offices: [OfficeResult]
    /// Summed over replications (a total: reports show ``conservationPerReplication`` means).
    public let conservation: Conservation
    /// The dossier balance of each replication, in replication order.
    public let conservationPerReplication: [Conservation]

    /// The share of the received dossiers whose citizen could not file at a desk (gave up in the
    /// queue or was sent home at closing), mean over replications; nil when nothing was received.
    /// ``deskGuard`` judges it.
    public let gaveUpAtDeskShare: Double?
    /// The desk guard over the whole scenario (docs/model.md §7.6): the share of the citizens in
    /// person who could not file, per replication, with the targets' interval (``confidence``)
    /// and its verdict — FAIL fails every on-time and late verdict, AT RISK makes them AT RISK
    /// at best; nil when no citizen came in person.
    public let deskGuard: DeskGuard.Judgement?

    /// The balance's `counter` per replication: its mean with a 95% interval.
    public func balanceMean(_ counter: KeyPath<Conservation, Int>) -> Estimate {
        Estimate(conservationPerReplication.map { Double($0[keyPath: counter]) }).clamped(to: 0...Double.infinity)
    }
    public let events: Int
    /// Per day of the horizon, means over replications: received, finished, in progress at the end of the day.
    public let daily: [DailyFigures]
    /// Where the finished dossiers' time went, late beside on time, by field and by procedure
    /// (docs/model.md §12).
    public let breakdownFields: [BreakdownResult]
    public let breakdownProcedures: [BreakdownResult]
    /// Names of the scenario's office entries (a ward group is one entry), by ``OfficeModel/entry``.
    public let officeEntries: [(name: String, nameVi: String?, kind: OfficeKind)]
    /// The scenario's published figures next to the baseline (docs/model.md §13.3).
    public let backTest: [BackTestResult]
    /// Per-unit figures at city scale (nil for smaller scenarios).
    public let unitFigures: UnitFigures?

    /// The level of the targets' intervals, which decide their verdicts: 0.95, or higher when a
    /// sequential experiment looked at its results several times (``ReplicationPlan``).
    public let confidence: Double
    /// The fields whose longest deadline is longer than the counted days (review 4 #12):
    /// their deadline rates cannot show lateness yet.
    public private(set) var shortHorizon: [ShortHorizonNote] = []

    /// Summarises replication results of `model`.
    /// - Parameter confidence: the level of the targets' intervals (see ``confidence``).
    public init(model: SimulationModel, seed: UInt64, results: [RunResult], confidence: Double = 0.95) {
        self.confidence = confidence
        let scenario = model.scenario
        scenarioName = scenario.name
        scenarioNameVi = scenario.nameVi
        self.seed = seed
        replications = results.count
        horizon = scenario.horizon

        func rate(of procedures: [Int], measure: TargetMeasure = .onTimeRate) -> [Double] {
            results.map { result in
                var tally = ProcedureTally()
                for p in procedures { tally.add(result.procedures[p]) }
                return measure.ratio(tally) ?? .nan
            }
        }
        func perReplication(of procedures: [Int]) -> [ProcedureTally] {
            results.map { result in
                var tally = ProcedureTally()
                for p in procedures { tally.add(result.procedures[p]) }
                return tally
            }
        }
        func total(of procedures: [Int]) -> ProcedureTally {
            var tally = ProcedureTally()
            for replication in perReplication(of: procedures) { tally.add(replication) }
            return tally
        }
        let all = Array(scenario.procedures.indices)
        func inField(_ id: String) -> [Int] { all.filter { scenario.procedures[$0].field == id } }

        fields = scenario.fields.map { field in
            let members = inField(field.id)
            return RateResult(id: field.id, name: field.name, nameVi: field.nameVi, tally: total(of: members), perReplication: perReplication(of: members),
                              onTimeRate: Estimate(rate(of: members)).clamped(to: 0...1))
        }
        overall = RateResult(id: "all", name: "All dossiers", nameVi: "Tất cả hồ sơ", tally: total(of: all), perReplication: perReplication(of: all),
                             onTimeRate: Estimate(rate(of: all)).clamped(to: 0...1))

        let intakeLevel = { (p: Int) in scenario.offices.first { $0.id == scenario.procedures[p].intake.office }?.level }
        levels = [AdministrativeLevel.district, .ward, .city].compactMap { level in
            let members = all.filter { intakeLevel($0) == level }
            guard !members.isEmpty else { return nil }
            let names: [AdministrativeLevel: (String, String)] = [.district: ("District level", "Cấp quận"), .ward: ("Ward level", "Cấp phường"), .city: ("City level", "Cấp thành phố")]
            return RateResult(id: level.rawValue, name: names[level]!.0, nameVi: names[level]!.1, tally: total(of: members), perReplication: perReplication(of: members),
                              onTimeRate: Estimate(rate(of: members)).clamped(to: 0...1))
        }
        procedures = all.map { p in
            let spec = scenario.procedures[p]
            return RateResult(id: spec.id, name: spec.name, nameVi: spec.nameVi, tally: total(of: [p]), perReplication: perReplication(of: [p]),
                              onTimeRate: Estimate(rate(of: [p])).clamped(to: 0...1))
        }
        officeRates = scenario.offices.compactMap { office in
            let members = all.filter { p in scenario.procedures[p].route.contains { $0.office == office.id } }
            guard !members.isEmpty else { return nil }
            return RateResult(id: office.id, name: office.name, nameVi: office.nameVi, tally: total(of: members), perReplication: perReplication(of: members),
                              onTimeRate: Estimate(rate(of: members)).clamped(to: 0...1))
        }
        decision766 = ScoreComponent.compute(total(of: all))

        var targets: [TargetResult] = []
        let many = results.count > 1
        let scenarioDesk = DeskGuard.judge(overall.perReplication, confidence: confidence)
        let deskShare = scenarioDesk?.share.mean
        gaveUpAtDeskShare = deskShare
        deskGuard = scenarioDesk
        targetsNotComputable = scenario.targets.compactMap { target in
            target.notComputable.map { reason in
                TargetNotComputable(id: target.id, label: target.label, labelVi: target.labelVi,
                                    comparator: target.comparator, threshold: target.threshold, reason: reason,
                                    reasonVi: target.notComputableVi)
            }
        }
        var countedGroups: [(measure: TargetMeasure, procedures: [Int])] = []
        for target in scenario.targets where target.notComputable == nil {
            var selected = all
            if let level = target.level {
                let intakeLevel = { (p: Int) in scenario.offices.first { $0.id == scenario.procedures[p].intake.office }?.level }
                selected = selected.filter { intakeLevel($0) == level }
            }
            if let office = target.office {
                selected = selected.filter { p in scenario.procedures[p].route.contains { $0.office == office } }
            }
            let groups: [(FieldSpec?, [Int])]
            if target.field == "*" {
                groups = scenario.fields.map { field in (field, selected.filter { scenario.procedures[$0].field == field.id }) }
            } else if let id = target.field, let field = scenario.fields.first(where: { $0.id == id }) {
                groups = [(field, selected.filter { scenario.procedures[$0].field == id })]
            } else {
                groups = [(nil, selected)]
            }
            for (field, members) in groups {
                countedGroups.append((target.measure, members))
                let estimate = Estimate(rate(of: members, measure: target.measure), confidence: confidence).clamped(to: 0...1)
                let guarded = DeskGuard.guards(target.measure)
                let gaveUpAtDesk = guarded ? deskShare : nil
                let ownDesk = guarded ? DeskGuard.own(perReplication(of: members), confidence: confidence) : nil
                // Whatever the rate says, too many citizens it leaves out fail it — over the
                // scenario, or over the target's own field — and a guard whose interval
                // straddles its allowance leaves it AT RISK at best (docs/model.md §7.6).
                let guardVerdict = guarded ? Verdict.worst(scenarioDesk?.verdict ?? .pass, ownDesk?.verdict ?? .pass) : .pass
                var result = TargetResult(
                    id: target.field == "*" ? "\(target.id)/\(field?.id ?? "")" : target.id,
                    label: target.label, labelVi: target.labelVi, measure: target.measure,
                    fieldName: field?.name, fieldNameVi: field?.nameVi, comparator: target.comparator, threshold: target.threshold,
                    estimate: estimate,
                    denominator: Estimate(perReplication(of: members).map { Double($0[keyPath: target.measure.terms.whole]) }),
                    verdict: Verdict.worst(guardVerdict, ExperimentSummary.verdict(estimate, target, replicated: many)),
                    inputDriven: ExperimentSummary.inputDriving(target.measure, of: members, in: scenario),
                    gaveUpAtDesk: gaveUpAtDesk, ownDesk: ownDesk, scenarioDesk: guarded ? scenarioDesk : nil,
                    inputDrivenVi: ExperimentSummary.inputDriving(target.measure, of: members, in: scenario, language: .vi))
                // A verdict decided by inputs marked as assumptions says so (docs/model.md §7.3).
                if result.inputDriven == nil, let note = ExperimentSummary.assumptionDeciding(
                    target, result: result, perReplication: perReplication(of: members), members: members,
                    scenario: scenario, confidence: confidence, replicated: many) {
                    result = result.noting(note, vietnamese: ExperimentSummary.assumptionDeciding(
                        target, result: result, perReplication: perReplication(of: members), members: members,
                        scenario: scenario, confidence: confidence, replicated: many, language: .vi))
                }
                // Dossiers the desk never received decide it, not the input (review 4 #1).
                result = result.notingDesk(perReplication(of: members), scenario: scenario)
                targets.append(result)
            }
        }
        self.targets = ExperimentSummary.notingUnitAssumptions(targets, UnitFigures.make(scenario, results: results), scenario)
        shortHorizon = ShortHorizonNote.notes(model, counted: countedGroups)

        offices = model.offices.map { office in
            let i = Int(office.index)
            var result = OfficeResult(
                office: office,
                meanWait: Estimate(results.map { $0.offices[i].served > 0 ? $0.offices[i].meanWait : .nan }),
                waitP90: Estimate(results.map { $0.offices[i].waitP90 ?? .nan }),
                utilization: Estimate(results.map { $0.offices[i].utilization }).clamped(to: 0...1),
                waitMax: results.map { $0.offices[i].waitMax }.max() ?? 0,
                served: results.reduce(0) { $0 + $1.offices[i].served },
                servedPerReplication: Estimate(results.map { Double($0.offices[i].served) }).clamped(to: 0...Double.infinity),
                lineWait: WaitResult(results.map { $0.offices[i].lineWait }),
                trayWait: WaitResult(results.map { $0.offices[i].trayWait }),
                queueAtEnd: Estimate(results.map { Double($0.offices[i].queueAtEnd) }),
                abandoned: results.reduce(0) { $0 + $1.offices[i].abandoned },
                abandonedPerReplication: Estimate(results.map { Double($0.offices[i].abandoned) }).clamped(to: 0...Double.infinity),
                queueGrowthPerDay: results.map { OfficeResult.slope($0.offices[i].waitingByDay) }.reduce(0, +) / Double(Swift.max(results.count, 1)),
                meanWaitByHour: (0..<24).map { h in
                    let n = results.reduce(0) { $0 + $1.offices[i].waitCountByHour[h] }
                    return n > 0 ? results.reduce(0) { $0 + $1.offices[i].waitSumByHour[h] } / Double(n) : .nan
                },
                arrivalsByHour: (0..<24).map { h in results.reduce(0) { $0 + $1.offices[i].waitCountByHour[h] } })
            result.worstWalkInDay = WorstWalkInDay.find(inPerson: results.map { $0.offices[i].inPersonByDay },
                                                        gaveUp: results.map { $0.offices[i].gaveUpByDay })
            return result
        }
        var balance = Conservation()
        for result in results {
            balance.backlog += result.conservation.backlog
            balance.received += result.conservation.received
            balance.finished += result.conservation.finished
            balance.refused += result.conservation.refused
            balance.withdrawn += result.conservation.withdrawn
            balance.inProgress += result.conservation.inProgress
        }
        conservation = balance
        conservationPerReplication = results.map(\.conservation)
        events = results.reduce(0) { $0 + $1.events }
        officeEntries = scenario.offices.map { ($0.name, $0.nameVi, $0.kind) }
        let breakdown = BreakdownResult.byFieldAndProcedure(model: model, results: results)
        breakdownFields = breakdown.fields
        breakdownProcedures = breakdown.procedures
        backTest = BackTestResult.compare(scenario.backTest, overall: overall, results: results, horizon: scenario.horizon)
        unitFigures = UnitFigures.make(scenario, results: results)
        let n = Double(Swift.max(results.count, 1))
        daily = (0..<scenario.horizon.days).map { d in
            DailyFigures(date: scenario.horizon.start.adding(days: d),
                         received: results.reduce(0) { $0 + Double($1.receivedPerDay[d]) } / n,
                         finished: results.reduce(0) { $0 + Double($1.finishedPerDay[d]) } / n,
                         inProgress: results.reduce(0) { $0 + Double($1.inProgressPerDay[d]) } / n,
                         overdue: results.reduce(0) { $0 + Double($1.overduePerDay[d]) } / n,
                         atDesk: results.reduce(0) { $0 + Double($1.atDeskPerDay[d]) } / n,
                         refused: results.reduce(0) { $0 + Double($1.refusedPerDay[d]) } / n,
                         withdrawn: results.reduce(0) { $0 + Double($1.withdrawnPerDay[d]) } / n)
        }
    }

    /// PASS when the whole interval meets the target, FAIL when the whole interval misses it,
    /// AT RISK when it straddles; with a single replication the point value decides.
    static func verdict(_ estimate: Estimate, _ target: TargetSpec, replicated: Bool) -> Verdict {
        verdict(estimate, target.comparator, target.threshold, replicated: replicated)
    }

    /// The verdict of `estimate` against `comparator` `threshold` (as for a target; the desk
    /// guard's share is judged by it too, ``DeskGuard/judge(_:confidence:)``).
    static func verdict(_ estimate: Estimate, _ comparator: Comparator, _ threshold: Double, replicated: Bool) -> Verdict {
        guard estimate.count > 0 else { return .atRisk }
        if !replicated {
            return comparator.holds(estimate.mean, threshold) ? .pass : .fail
        }
        let lowMeets = comparator.holds(estimate.low, threshold)
        let highMeets = comparator.holds(estimate.high, threshold)
        if lowMeets && highMeets { return .pass }
        if !lowMeets && !highMeets { return .fail }
        return .atRisk
    }
}
