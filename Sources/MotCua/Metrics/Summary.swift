/// The verdict on a target.
public enum Verdict: String, Sendable {
    /// The whole confidence interval meets the target.
    case pass
    /// The whole confidence interval misses it.
    case fail
    /// The interval straddles the threshold: more replications, or more margin, are needed.
    case atRisk = "at-risk"
}

/// One target with its measured value and verdict. A target over every field (`"*"`)
/// becomes one result per field.
public struct TargetResult: Sendable {
    public let id: String
    public let label: String
    public let labelVi: String?
    public let measure: TargetMeasure
    /// The field this row is about (name), when restricted.
    public let fieldName: String?
    public let fieldNameVi: String?
    public let comparator: Comparator
    public let threshold: Double
    public let estimate: Estimate
    /// The measure's denominator (``TargetMeasure/terms``) per replication, for "of N …".
    public let denominator: Estimate
    public let verdict: Verdict
    /// When the measured value is set by an input share rather than by the flow (the apology
    /// rate by `policies.apology.onTimeShare`, for instance): which input, its value and its
    /// source's kind, for the report to show next to the verdict. Nil otherwise.
    public let inputDriven: String?
}

/// On-time figures of a group of procedures (a field, a level, everything).
public struct RateResult: Sendable {
    public let id: String
    public let name: String
    public let nameVi: String?
    /// Totals over all replications (say so wherever one is shown; reports show ``mean(_:)``).
    public let tally: ProcedureTally
    /// The counts of each replication (one simulated period each), in replication order.
    public let perReplication: [ProcedureTally]
    /// On-time rate per replication, estimated.
    public let onTimeRate: Estimate

    /// The count `counter` per replication (per simulated year when the horizon is a year):
    /// its mean with a 95% interval.
    public func mean(_ counter: KeyPath<ProcedureTally, Int>) -> Estimate {
        Estimate(perReplication.map { Double($0[keyPath: counter]) }).clamped(to: 0...Double.infinity)
    }
}

/// One kind of wait at one office over replications (see ``OfficeTally`` for the two kinds).
public struct WaitResult: Sendable {
    /// Waits recorded per replication.
    public let count: Estimate
    /// Mean wait (minutes), estimated over the replications that recorded any.
    public let mean: Estimate
    /// The 90th percentile (minutes), estimated over the replications that recorded any.
    public let p90: Estimate
    /// The longest wait of any replication (minutes; 0 when none).
    public let max: Double

    init(_ tallies: [WaitTally]) {
        count = Estimate(tallies.map { Double($0.count) }).clamped(to: 0...Double.infinity)
        mean = Estimate(tallies.map { $0.count > 0 ? $0.mean : .nan })
        p90 = Estimate(tallies.map { $0.p90 ?? .nan })
        max = tallies.map(\.max).max() ?? 0
    }
}

/// Figures of one office over replications.
public struct OfficeResult: Sendable {
    public let office: OfficeModel
    /// Mean wait of both kinds together (minutes); reports show ``lineWait`` and ``trayWait``.
    public let meanWait: Estimate
    /// The 90th percentile of both kinds of wait together (minutes), estimated per replication.
    public let waitP90: Estimate
    public let utilization: Estimate
    public let waitMax: Double
    /// Entries served, total over replications (``servedPerReplication`` is the mean).
    public let served: Int
    /// Entries served per replication.
    public let servedPerReplication: Estimate
    /// The citizen's wait in line (in person at the desk).
    public let lineWait: WaitResult
    /// The dossier's wait in the office's tray (online, postal, forwarded, awaiting a session).
    public let trayWait: WaitResult
    public let queueAtEnd: Estimate
    /// Citizens who gave up waiting, total over replications (``abandonedPerReplication`` is the mean).
    public let abandoned: Int
    /// Citizens who gave up waiting, per replication.
    public let abandonedPerReplication: Estimate
    /// Growth of the queue over the second half of the horizon, in dossiers per day (least
    /// squares; mean over replications). Clearly positive with staff near 100% busy means the
    /// office cannot keep up: its backlog grows without bound.
    public let queueGrowthPerDay: Double
    /// The office cannot keep up with its load.
    public var isUnstable: Bool { queueGrowthPerDay > 0.5 && utilization.mean > 0.95 }
    /// Mean wait (minutes) of dossiers arriving in each hour of the day, nan where none arrived.
    public let meanWaitByHour: [Double]
    /// Dossiers arriving in each hour of the day (totals over replications).
    public let arrivalsByHour: [Int]
}

/// One part of the national scoring of Decision 766/QĐ-TTg (docs/model.md §8), as far as a
/// simulation can compute it honestly, with what it leaves out.
public struct ScoreComponent: Sendable {
    public let id: String
    public let name: String
    public let nameVi: String
    /// Points obtained and the maximum.
    public let points: Double
    public let maximum: Double
    /// What the number does not include.
    public let leavesOut: String
    public let leavesOutVi: String

    static func compute(_ t: ProcedureTally) -> [ScoreComponent] {
        func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
        let results = t.resultsElectronic + t.resultsPostal + t.resultsAtDesk
        return [
            ScoreComponent(id: "progress", name: "On-time progress", nameVi: "Tiến độ giải quyết", points: 20 * ratio(t.onTime, t.processed), maximum: 20,
                           leavesOut: "taken as proportional to the on-time rate (assumption); ignores dossiers of procedures not simulated",
                           leavesOutVi: "giả định điểm tỷ lệ thuận với tỷ lệ đúng hạn; không tính thủ tục không mô phỏng"),
            ScoreComponent(id: "online-service", name: "Online service", nameVi: "Cung cấp dịch vụ công trực tuyến", points: 12 * Swift.min(1, ratio(t.online, t.received) / 0.5), maximum: 12,
                           leavesOut: "all online submissions counted as full-process; full marks at ≥50% online",
                           leavesOutVi: "coi mọi hồ sơ trực tuyến là toàn trình; đạt điểm tối đa khi ≥50%"),
            ScoreComponent(id: "online-payment", name: "Online payment", nameVi: "Thanh toán trực tuyến", points: 10 * ratio(t.ePaid, t.feePaying), maximum: 10,
                           leavesOut: "proportional to the e-payment share of fee-paying dossiers (assumption)",
                           leavesOutVi: "giả định tỷ lệ thuận với tỷ lệ hồ sơ có phí được thanh toán trực tuyến"),
            ScoreComponent(id: "electronic-results", name: "Results issued electronically", nameVi: "Cấp kết quả điện tử", points: 6 * ratio(t.resultsElectronic, results), maximum: 6,
                           leavesOut: "only procedures whose result return is modelled",
                           leavesOutVi: "chỉ tính thủ tục có mô phỏng việc trả kết quả"),
            ScoreComponent(id: "digitized-components", name: "Components digitized", nameVi: "Số hóa thành phần hồ sơ", points: 4 * Swift.min(1, ratio(t.digitized, t.accepted) / 0.8), maximum: 4,
                           leavesOut: "digitization at reception only; full marks at ≥80%; the re-use of digitized data (2 pts) and the other digitization parts are not computed",
                           leavesOutVi: "chỉ tính số hóa khi tiếp nhận; đạt tối đa khi ≥80%; chưa tính tái sử dụng dữ liệu (2 điểm) và các phần khác"),
        ]
    }
}

/// One day's flow, averaged over replications.
public struct DailyFigures: Sendable {
    public let date: CivilDate
    public let received: Double
    public let finished: Double
    /// Dossiers in progress at the end of the day.
    public let inProgress: Double
    /// Of those, past their appointment.
    public let overdue: Double
    /// Of those, still at a desk.
    public let atDesk: Double
}

extension OfficeResult {
    /// Least-squares slope of the second half of a daily series.
    static func slope(_ series: [Int32]) -> Double {
        let half = Array(series.suffix(series.count / 2))
        guard half.count >= 2 else { return 0 }
        let n = Double(half.count)
        let meanX = (n - 1) / 2
        let meanY = half.reduce(0.0) { $0 + Double($1) } / n
        var sxy = 0.0, sxx = 0.0
        for (i, y) in half.enumerated() {
            sxy += (Double(i) - meanX) * (Double(y) - meanY)
            sxx += (Double(i) - meanX) * (Double(i) - meanX)
        }
        return sxx > 0 ? sxy / sxx : 0
    }
}

/// What an experiment found, ready for reports.
public struct ExperimentSummary: Sendable {
    public let scenarioName: String
    public let scenarioNameVi: String?
    public let seed: UInt64
    public let replications: Int
    public let horizon: Horizon
    public let targets: [TargetResult]
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

    /// The balance's `counter` per replication: its mean with a 95% interval.
    public func balanceMean(_ counter: KeyPath<Conservation, Int>) -> Estimate {
        Estimate(conservationPerReplication.map { Double($0[keyPath: counter]) }).clamped(to: 0...Double.infinity)
    }
    public let events: Int
    /// Per day of the horizon, means over replications: received, finished, in progress at the end of the day.
    public let daily: [DailyFigures]
    /// Names of the scenario's office entries (a ward group is one entry), by ``OfficeModel/entry``.
    public let officeEntries: [(name: String, nameVi: String?, kind: OfficeKind)]

    /// Summarises replication results of `model`.
    public init(model: SimulationModel, seed: UInt64, results: [RunResult]) {
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
        for target in scenario.targets {
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
                let estimate = Estimate(rate(of: members, measure: target.measure)).clamped(to: 0...1)
                targets.append(TargetResult(
                    id: target.field == "*" ? "\(target.id)/\(field?.id ?? "")" : target.id,
                    label: target.label, labelVi: target.labelVi, measure: target.measure,
                    fieldName: field?.name, fieldNameVi: field?.nameVi, comparator: target.comparator, threshold: target.threshold,
                    estimate: estimate,
                    denominator: Estimate(perReplication(of: members).map { Double($0[keyPath: target.measure.terms.whole]) }),
                    verdict: ExperimentSummary.verdict(estimate, target, replicated: many),
                    inputDriven: ExperimentSummary.inputDriving(target.measure, of: members, in: scenario)))
            }
        }
        self.targets = targets

        offices = model.offices.map { office in
            let i = Int(office.index)
            return OfficeResult(
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
        let n = Double(Swift.max(results.count, 1))
        daily = (0..<scenario.horizon.days).map { d in
            DailyFigures(date: scenario.horizon.start.adding(days: d),
                         received: results.reduce(0) { $0 + Double($1.receivedPerDay[d]) } / n,
                         finished: results.reduce(0) { $0 + Double($1.finishedPerDay[d]) } / n,
                         inProgress: results.reduce(0) { $0 + Double($1.inProgressPerDay[d]) } / n,
                         overdue: results.reduce(0) { $0 + Double($1.overduePerDay[d]) } / n,
                         atDesk: results.reduce(0) { $0 + Double($1.atDeskPerDay[d]) } / n)
        }
    }

    /// PASS when the whole interval meets the target, FAIL when the whole interval misses it,
    /// AT RISK when it straddles; with a single replication the point value decides.
    static func verdict(_ estimate: Estimate, _ target: TargetSpec, replicated: Bool) -> Verdict {
        guard estimate.count > 0 else { return .atRisk }
        if !replicated {
            return target.comparator.holds(estimate.mean, target.threshold) ? .pass : .fail
        }
        let lowMeets = target.comparator.holds(estimate.low, target.threshold)
        let highMeets = target.comparator.holds(estimate.high, target.threshold)
        if lowMeets && highMeets { return .pass }
        if !lowMeets && !highMeets { return .fail }
        return .atRisk
    }
}

/// The offices of one scenario entry taken together (the 16 ward desks as one row), for
/// reports a planner can read at a glance.
public struct OfficeGroup: Sendable {
    public let name: String
    public let nameVi: String?
    /// Offices in the group.
    public let count: Int
    /// Staff of one office (the first; wards may differ).
    public let staff: Int
    public let served: Int
    /// Mean wait over all served dossiers of the group.
    public let meanWait: Double
    /// The largest 90th-percentile wait among the group's offices (the worst ward).
    public let p90Wait: Double
    public let waitMax: Double
    public let busyMean: Double
    public let busyMax: Double
    public let busiestName: String
    public let busiestNameVi: String?
    public let queueAtEnd: Double
    public let abandoned: Int
    /// Entries served per replication, the group's offices together.
    public let servedPerReplication: Double
    /// Citizens who gave up waiting per replication, the group's offices together.
    public let abandonedPerReplication: Double
    /// The citizen's wait in line and the dossier's wait in the tray (``OfficeTally``).
    public let lineWait: Wait
    public let trayWait: Wait

    /// One kind of wait over the group's offices.
    public struct Wait: Sendable {
        /// Waits per replication, the offices together.
        public let count: Double
        /// Mean over all the group's waits of this kind (minutes; NaN when none).
        public let mean: Double
        /// The largest 90th percentile among the offices (the worst ward).
        public let p90: Double
        public let max: Double

        init(_ waits: [WaitResult]) {
            let counts = waits.map { $0.count.mean.isFinite ? $0.count.mean : 0 }
            count = counts.reduce(0, +)
            let weighted = zip(waits, counts).reduce(0.0) { $0 + ($1.0.mean.mean.isFinite ? $1.0.mean.mean * $1.1 : 0) }
            mean = count > 0 ? weighted / count : .nan
            p90 = waits.map(\.p90.mean).filter(\.isFinite).max() ?? .nan
            max = waits.map(\.max).max() ?? 0
        }
    }

    /// The groups of `summary`, in scenario order.
    public static func groups(_ summary: ExperimentSummary) -> [OfficeGroup] {
        var order: [Int] = []
        var members: [Int: [OfficeResult]] = [:]
        for office in summary.offices {
            if members[office.office.entry] == nil { order.append(office.office.entry) }
            members[office.office.entry, default: []].append(office)
        }
        return order.map { entry in
            let list = members[entry]!
            let served = list.reduce(0) { $0 + $1.served }
            let waitTotal = list.reduce(0.0) { $0 + ($1.meanWait.mean.isFinite ? $1.meanWait.mean * Double($1.served) : 0) }
            let busiest = list.max { $0.utilization.mean < $1.utilization.mean }!
            let name = list.count > 1 ? summary.officeEntries[entry].name : list[0].office.name
            let nameVi = list.count > 1 ? summary.officeEntries[entry].nameVi : list[0].office.nameVi
            return OfficeGroup(name: name, nameVi: nameVi, count: list.count, staff: list[0].office.staff, served: served,
                               meanWait: served > 0 ? waitTotal / Double(served) : .nan,
                               p90Wait: list.map(\.waitP90.mean).filter(\.isFinite).max() ?? .nan, waitMax: list.map(\.waitMax).max() ?? 0,
                               busyMean: list.reduce(0) { $0 + $1.utilization.mean } / Double(list.count),
                               busyMax: busiest.utilization.mean, busiestName: busiest.office.name, busiestNameVi: busiest.office.nameVi,
                               queueAtEnd: list.reduce(0) { $0 + $1.queueAtEnd.mean }, abandoned: list.reduce(0) { $0 + $1.abandoned },
                               servedPerReplication: list.reduce(0) { $0 + $1.servedPerReplication.mean },
                               abandonedPerReplication: list.reduce(0) { $0 + $1.abandonedPerReplication.mean },
                               lineWait: Wait(list.map(\.lineWait)), trayWait: Wait(list.map(\.trayWait)))
        }
    }
}

extension ExperimentSummary {
    /// The input that sets a measure's value, when one does (docs/model.md §7.3): the apology
    /// rate follows `onTimeShare`, the digitization and e-payment rates the procedures' shares
    /// (with online dossiers counted as electronic), the online rate the online shares. Nil
    /// for measures the flow decides (on time, late, withdrawn).
    static func inputDriving(_ measure: TargetMeasure, of members: [Int], in scenario: Scenario) -> String? {
        let procedures = members.map { scenario.procedures[$0] }
        func shareText(_ x: Double) -> String { "\(x)" }
        func shares(_ name: String, _ values: [Double]) -> String? {
            guard let low = values.min(), let high = values.max() else { return nil }
            let range = low == high ? shareText(low) : "\(shareText(low))–\(shareText(high))"
            return "\(name) = \(range)"
        }
        switch measure {
        case .onTimeRate, .lateRate, .withdrawnRate:
            return nil
        case .apologyRate:
            let policy = scenario.policies
            let kind = policy.apologySource.map { source in
                " (" + (source.split(separator: ":", maxSplits: 1).first.map(String.init) ?? source) + ")"
            } ?? " (no source)"
            return "policies.apology.onTimeShare = \(shareText(policy.apologyOnTimeShare))" + kind
        case .digitizationRate:
            return [shares("digitization.share", procedures.map { $0.digitization?.share ?? 0 }),
                    shares("onlineShare", procedures.map(\.onlineShare))].compactMap { $0 }.joined(separator: ", ")
        case .ePaymentRate:
            let paying = procedures.filter { $0.fee != nil }
            return [shares("fee.ePaymentShare", paying.compactMap { $0.fee?.ePaymentShare }),
                    shares("onlineShare", paying.map(\.onlineShare))].compactMap { $0 }.joined(separator: ", ")
        case .onlineRate:
            return shares("onlineShare", procedures.map(\.onlineShare))
        }
    }
}
