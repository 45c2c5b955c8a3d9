/// A scenario compiled for running: offices expanded (one per ward instance), routes resolved
/// to office indexes, arrival streams laid out, calendars precomputed. Immutable and shared
/// by all replications.
public final class SimulationModel: Sendable {
    /// The scenario it was built from.
    public let scenario: Scenario
    /// The legal calendar (deadline arithmetic), covering the horizon plus a margin.
    public let calendar: WorkingCalendar
    /// Every office of the run (a group with instances contributes one office per instance).
    public let offices: [OfficeModel]
    /// Office schedules; offices with the same hours share one.
    public let schedules: [OfficeSchedule]
    /// Procedures with resolved routes (in the scenario's order).
    let procedures: [ProcedureModel]
    /// The stages of every route, procedure after procedure (see ``ProcedureModel/firstStage``).
    let stages: [StageModel]
    /// The candidate offices of every stage, stage after stage (see ``StageModel/firstOffice``).
    let stageOffices: [Int32]
    /// Keeps the empirical tables the samplers of the model point into.
    let samplers: SamplerStorage
    /// Arrival streams: one per procedure, ward instance and channel.
    let streams: [ArrivalStream]
    /// Their random-stream names, stable so that arrivals depend on nothing else
    /// (kept apart so that a stream is plain data on the hot path).
    let streamNames: [String]
    /// Number of ward instances (0 when the scenario has no office with instances).
    public let instanceCount: Int
    /// Weights of the ward instances (for dossiers whose intake is not at a ward).
    public let instanceWeights: [Double]
    /// Whether runs count on-time and online figures per unit and field: from
    /// ``unitFiguresFrom`` units, where a report needs the worst units rather than the totals.
    public let collectsUnitFigures: Bool
    /// The number of units from which per-unit figures are collected (a city, not a district).
    public static let unitFiguresFrom = 20
    /// Per procedure, its dated deadlines as (first day index of receipt, working days), in
    /// day order; empty for a procedure whose deadline never changes.
    let deadlineVersions: [[(fromDay: Int, workingDays: Int)]]
    /// The dated versions of the district-wide rules as (first day index of receipt, rules).
    let policyVersions: [(fromDay: Int, rules: PolicySpec)]
    /// Horizon end, in minutes.
    public let horizonEnd: SimTime
    /// End of the warm-up, in minutes.
    public let warmUpEnd: SimTime

    /// The deadline (working days) of a dossier of procedure `p` received on day `day` of the
    /// horizon (negative: before it, as the opening backlog): the dated version in force then.
    func deadlineWorkingDays(of p: Int, receivedOnDay day: Int) -> Int {
        deadlineVersions[p].last { $0.fromDay <= day }?.workingDays ?? procedures[p].deadlineWorkingDays
    }

    /// The district-wide rules for a dossier received on day `day` of the horizon.
    func policies(receivedOnDay day: Int) -> PolicySpec {
        policyVersions.last { $0.fromDay <= day }?.rules ?? scenario.policies
    }

    /// Days covered by the calendars beyond the horizon, so that late appointment dates are exact.
    public static let calendarMargin = 400

    /// Compiles a (checked) scenario.
    public init(scenario: Scenario) {
        self.scenario = scenario
        let spec = scenario.calendar
        let calendar = WorkingCalendar(start: scenario.horizon.start, coveredDays: scenario.horizon.days + SimulationModel.calendarMargin,
                                   holidays: spec.holidays, hours: spec.hours, sameDayCutOff: spec.sameDayCutOff,
                                   alwaysOpen: spec.alwaysOpen)
        self.calendar = calendar
        self.horizonEnd = Double(scenario.horizon.days) * 1440
        let start = scenario.horizon.start.dayNumber
        deadlineVersions = scenario.procedures.map { p in p.deadlineVersions.map { ($0.from.dayNumber - start, $0.workingDays) } }
        policyVersions = scenario.policies.versions.map { ($0.from.dayNumber - start, $0.rules) }
        warmUpEnd = Double(scenario.horizon.warmUpDays) * 1440

        var schedules: [OfficeSchedule] = []
        var scheduleKeys: [(OpeningHours, OpeningHours)] = []
        func scheduleIndex(_ hours: OpeningHours, _ saturday: OpeningHours) -> Int {
            if let i = scheduleKeys.firstIndex(where: { $0.0 == hours && $0.1 == saturday }) { return i }
            scheduleKeys.append((hours, saturday))
            schedules.append(OfficeSchedule(calendar: calendar, weekdayHours: hours, saturdayHours: saturday))
            return schedules.count - 1
        }

        var offices: [OfficeModel] = []
        var groupMembers: [String: [Int32]] = [:]
        let samplers = SamplerStorage()
        var instanceWeights: [Double] = []
        // Units served by a branch (an office of its own entry) get that office once all exist.
        var servedByBranch: [(entry: String, instance: Int, branch: String)] = []
        for (entryIndex, entry) in scenario.offices.enumerated() {
            let schedule = scheduleIndex(entry.hours ?? spec.hours, entry.saturdayHours ?? spec.saturdayHours)
            if entry.instances.isEmpty {
                groupMembers[entry.id] = [Int32(offices.count)]
                offices.append(OfficeModel(index: Int32(offices.count), entry: entryIndex, id: entry.id, name: entry.name,
                                           nameVi: entry.nameVi, kind: entry.kind, level: entry.level,
                                           staffPlan: SimulationModel.staffPlan(entry, baseStaff: entry.staff, start: scenario.horizon.start, days: scenario.horizon.days),
                                           schedule: schedule, instance: -1, sessions: entry.sessions.map(\.minutes), patience: entry.patience.map { samplers.sampler($0) }))
            } else {
                var members: [Int32] = []
                for (n, instance) in entry.instances.enumerated() {
                    if let branch = instance.branch {
                        servedByBranch.append((entry.id, n, branch))
                        members.append(-1)
                        continue
                    }
                    members.append(Int32(offices.count))
                    let staff = instance.staff ?? entry.staff
                    let ownSchedule = instance.hours == nil && instance.saturdayHours == nil ? schedule
                        : scheduleIndex(instance.hours ?? entry.hours ?? spec.hours,
                                        instance.saturdayHours ?? entry.saturdayHours ?? spec.saturdayHours)
                    offices.append(OfficeModel(index: Int32(offices.count), entry: entryIndex, id: "\(entry.id)/\(instance.id)", name: "\(instance.name): \(entry.name)",
                                               nameVi: "\(instance.nameVi ?? instance.name): \(entry.nameVi ?? entry.name)", kind: entry.kind, level: entry.level,
                                               staffPlan: SimulationModel.staffPlan(entry, baseStaff: staff, start: scenario.horizon.start, days: scenario.horizon.days),
                                               schedule: ownSchedule, instance: n, sessions: entry.sessions.map(\.minutes), patience: entry.patience.map { samplers.sampler($0) }))
                }
                groupMembers[entry.id] = members
                if instanceWeights.isEmpty { instanceWeights = entry.instances.map(\.weight) }
            }
        }
        for (entry, n, branch) in servedByBranch {
            // The decoder checked that the branch is an office without instances.
            if let office = groupMembers[branch]?.first { groupMembers[entry]?[n] = office }
        }
        self.offices = offices
        self.schedules = schedules
        self.instanceWeights = instanceWeights
        instanceCount = instanceWeights.count
        collectsUnitFigures = instanceCount >= SimulationModel.unitFiguresFrom

        var procedures: [ProcedureModel] = []
        var stages: [StageModel] = []
        var stageOffices: [Int32] = []
        var streams: [ArrivalStream] = []
        var streamNames: [String] = []
        var profileKeys: [LoadProfile] = []
        var dayFactors: [[Double]] = []
        var cumulativeRates: [CumulativeRate] = []
        var rateIndex: [IntegralKey: Int] = [:]
        let fieldIndex = Dictionary(uniqueKeysWithValues: scenario.fields.enumerated().map { ($0.element.id, $0.offset) })
        for (p, procedure) in scenario.procedures.enumerated() {
            let route = procedure.route
            let firstStage = stages.count
            for step in route {
                let members = groupMembers[step.office] ?? []
                stages.append(StageModel(firstOffice: Int32(stageOffices.count), officeCount: Int32(members.count),
                                         service: step.service.map(samplers.sampler), lag: step.lag.map(samplers.sampler),
                                         pausesDeadline: step.pausesDeadline,
                                         supplement: step.supplement.map { SupplementModel($0, samplers) }))
                stageOffices += members
            }
            procedures.append(ProcedureModel(index: p, field: fieldIndex[procedure.field] ?? 0,
                                             deadlineWorkingDays: procedure.deadlineWorkingDays,
                                             hasDeadlineVersions: !procedure.deadlineVersions.isEmpty,
                                             refusalShare: procedure.refusalShare,
                                             firstStage: firstStage, stageCount: route.count,
                                             priorityShare: procedure.priorityShare,
                                             incomplete: procedure.incomplete.map { IncompleteModel($0, samplers) },
                                             digitization: procedure.digitization.map { DigitizationModel($0, samplers) },
                                             fee: procedure.fee.map { FeeModel($0, samplers) },
                                             result: procedure.result.map { ResultModel($0, samplers) },
                                             withdrawal: procedure.withdrawal.map { WithdrawalModel($0, samplers) },
                                             reuseShare: procedure.reuse?.share,
                                             reuseScanningShare: procedure.reuse?.scanningShare ?? 1))
            // Arrival streams: the intake desk (or each ward's desk) gets its share of the
            // yearly volume; paper dossiers arrive while the desk is open, online ones at any hour.
            let profile = procedure.load ?? scenario.load
            let profileIndex: Int
            if let i = profileKeys.firstIndex(of: profile) { profileIndex = i } else {
                profileKeys.append(profile)
                profileIndex = profileKeys.count - 1
                dayFactors.append(profile.dayFactors(calendar))
            }
            let intakeOffices = groupMembers[procedure.intake.office] ?? []
            let weights = intakeOffices.count > 1 ? instanceWeights : [1]
            let weightSum = weights.reduce(0, +)
            let anywhere = procedure.filingAnywhere
            let cityDesk = anywhere?.cityDesk.flatMap { groupMembers[$0]?.first }
            let intakeEntry = scenario.offices.first { $0.id == procedure.intake.office }
            let neighbours = intakeEntry.map { SimulationModel.neighbours(of: $0.instances) } ?? []
            for (n, office) in intakeOffices.enumerated() where weights[n] > 0 {
                let volume = procedure.yearlyVolume * weights[n] / weightSum
                // In person and by post while the desk is open; online at any hour.
                let channels: [(online: Bool, postal: Bool, share: Double)] = [
                    (false, false, 1 - procedure.onlineShare - procedure.postalShare),
                    (true, false, procedure.onlineShare), (false, true, procedure.postalShare),
                ]
                for (online, postal, share) in channels where share > 0 {
                    // Citizens who may file anywhere hand in some paper dossiers at the next unit's
                    // desk or at a city desk (docs/model.md §13.2); the dossier keeps its home unit.
                    var points: [(desk: Int32, share: Double, from: String)] = [(office, share, "")]
                    if !online && !postal, let anywhere {
                        let from = "/from/\(offices[Int(office)].id)"
                        points[0].share = share * (1 - anywhere.neighbourShare - anywhere.cityShare)
                        if n < neighbours.count, let neighbour = neighbours[n] {
                            points.append((intakeOffices[neighbour], share * anywhere.neighbourShare, from))
                        } else {
                            // A unit without a neighbour (alone in its group) keeps those dossiers at home.
                            points[0].share += share * anywhere.neighbourShare
                        }
                        if let cityDesk { points.append((cityDesk, share * anywhere.cityShare, from)) }
                    }
                    for point in points where point.share > 0 {
                        let yearly = volume * point.share
                        let scheduleIndex = offices[Int(point.desk)].schedule
                        // The rate-weighted length of the stream's time base (open minutes for paper).
                        let key = IntegralKey(profile: profileIndex, schedule: online ? -1 : scheduleIndex)
                        let rate = rateIndex[key] ?? {
                            cumulativeRates.append(CumulativeRate(dayFactors: dayFactors[profileIndex], hourFactors: profile.hour,
                                                                  schedule: online ? nil : schedules[scheduleIndex],
                                                                  days: scenario.horizon.days))
                            rateIndex[key] = cumulativeRates.count - 1
                            return cumulativeRates.count - 1
                        }()
                        // The yearly volume is spread over the year from the horizon start, so a
                        // horizon shorter than a year gets its profile's share (docs/model.md §2.1).
                        // A stream closed all that year but open later in the horizon takes the
                        // calendar's share instead (as RunLimits does), not no dossiers.
                        let span = cumulativeRates[rate].total
                        let yearSpan = cumulativeRates[rate].yearTotal > 0
                            ? cumulativeRates[rate].yearTotal : span * CumulativeRate.daysInYear / Double(scenario.horizon.days)
                        guard yearly > 0, span > 0 else { continue }
                        let name = "arrivals/\(procedure.id)/\(offices[Int(point.desk)].id)/\(online ? "online" : postal ? "postal" : "paper")\(point.from)"
                        streamNames.append(name)
                        streams.append(ArrivalStream(procedure: p, office: point.desk, instance: intakeOffices.count > 1 ? Int32(n) : -1,
                                                     online: online, postal: postal, meanGap: yearSpan / yearly,
                                                     rate: profile.isFlat ? -1 : rate))
                    }
                }
            }
        }
        self.procedures = procedures
        self.stages = stages
        self.stageOffices = stageOffices
        self.samplers = samplers
        self.streams = streams
        self.streamNames = streamNames
        self.cumulativeRates = cumulativeRates
        let legalSchedule = OfficeSchedule(calendar: calendar, weekdayHours: spec.hours)
        self.legalSchedule = legalSchedule
        backlog = scenario.backlog.compactMap { b in
            scenario.procedures.firstIndex { $0.id == b.procedure }.map {
                BacklogModel(procedure: $0, count: b.count, elapsedWorkingDays: b.elapsedWorkingDays, stage: b.step,
                             typicalEndOfStep: BacklogModel.typicalEnds(of: scenario.procedures[$0].steps,
                                                                         minutesPerWorkingDay: legalSchedule.minutesPerWorkingDay))
            }
        }
    }

    /// The neighbouring unit of each unit, where some citizens file (docs/model.md §13.2): the
    /// next unit of the same group (the former district) in the list, cyclically; nil for a unit
    /// alone in its group. Units without groups take the next unit of the list, cyclically.
    static func neighbours(of units: [InstanceSpec]) -> [Int?] {
        guard units.count > 1 else { return units.map { _ in nil } }
        guard units.contains(where: { $0.group != nil }) else { return units.indices.map { ($0 + 1) % units.count } }
        var members: [String: [Int]] = [:]
        for (n, unit) in units.enumerated() { members[unit.group ?? "", default: []].append(n) }
        return units.enumerated().map { n, unit in
            guard let group = members[unit.group ?? ""], group.count > 1, let k = group.firstIndex(of: n) else { return nil }
            return group[(k + 1) % group.count]
        }
    }

    /// Dossiers in progress at the start.
    let backlog: [BacklogModel]
    /// Cumulative arrival rates, one per profile and time base (see ``ArrivalStream/rate``).
    let cumulativeRates: [CumulativeRate]

    private struct IntegralKey: Hashable {
        let profile: Int
        let schedule: Int
    }

    /// Office hours of the legal calendar: the clock against which deadlines are counted,
    /// used to stop and restart that clock (supplements, the tax office).
    public let legalSchedule: OfficeSchedule

    /// The staff of an office over the horizon: its base staff, changes from given dates, minus
    /// absences (training, leave), as (start time, staff) steps; the first step is at time 0.
    static func staffPlan(_ entry: OfficeSpec, baseStaff: Int, start: CivilDate, days: Int) -> [StaffStep] {
        func day(_ date: CivilDate) -> Int { date.dayNumber - start.dayNumber }
        var points = Set([0])
        for change in entry.staffChanges where day(change.from) > 0 && day(change.from) < days { points.insert(day(change.from)) }
        for absence in entry.absences {
            for d in [day(absence.from), day(absence.to) + 1] where d > 0 && d < days { points.insert(d) }
        }
        var plan: [StaffStep] = []
        for d in points.sorted() {
            var staff = baseStaff
            for change in entry.staffChanges where day(change.from) <= d { staff = change.staff }
            for absence in entry.absences where day(absence.from) <= d && d <= day(absence.to) { staff -= absence.staff }
            staff = Swift.max(0, staff)
            if plan.last?.staff != staff { plan.append(StaffStep(time: Double(d) * 1440, staff: staff)) }
        }
        return plan
    }

    /// The first session at or after `time` of an office working in sessions (minutes of the day),
    /// on a working day; `.infinity` beyond the covered days.
    func nextSession(atOrAfter time: SimTime, sessions: [Int]) -> SimTime {
        var day = calendar.day(of: time)
        while day < calendar.coveredDays {
            if calendar.isWorkingDay(day) {
                for minute in sessions {
                    let t = Double(day) * 1440 + Double(minute)
                    if t >= time { return t }
                }
            }
            day += 1
        }
        return .infinity
    }

    /// The office of stage `stage` of `procedure` for a dossier of ward `instance`.
    func office(ofStage stage: Int, of procedure: Int, instance: Int32) -> Int32 {
        stageOffices[stages[procedures[procedure].firstStage + stage].officeSlot(instance: instance)]
    }
}
