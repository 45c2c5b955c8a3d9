/// The checks and the guard of the staffing search, apart from the search itself.
extension StaffingSearch {
    /// Why `bounds` cannot be searched in `scenario`, or nil when they can: every staffing the
    /// search may propose must be one `motcua validate` accepts, and an office that serves a
    /// step of a route needs at least one staff member (docs/model.md §3).
    public static func problem(bounds: [Bound], in scenario: Scenario) -> String? {
        let serving = Set(scenario.procedures.flatMap { $0.route.filter { $0.service != nil }.map(\.office) })
        for bound in bounds {
            if bound.low > bound.high {
                return "--office \(bound.office)=\(bound.low):\(bound.high): the lower bound is above the upper bound"
            }
            if bound.low < 1 && serving.contains(bound.office) {
                return "--office \(bound.office)=\(bound.low):\(bound.high): the office serves a step of a route, so it "
                    + "needs at least 1 staff member (a scenario with \(bound.low) does not validate); start at 1"
            }
            if bound.high > maximumStaff {
                return "--office \(bound.office)=\(bound.low):\(bound.high): at most \(maximumStaff) staff per office"
            }
        }
        return nil
    }

    /// `bounds` with the floor of every office serving a target left out raised to today's staff
    /// (a target left out must not be made worse by the search; docs/experiments.md), and per
    /// office raised the labels of the targets that raised it (the report says why: an outside review, #2).
    static func floors(_ bounds: [Bound], today: [String: Int], leftOut: [Unreachable], in scenario: Scenario) -> ([Bound], [String: [String]]) {
        var raisedFor: [String: [String]] = [:]
        let floored = bounds.map { bound -> Bound in
            let serving = leftOut.filter { $0.kind != .input && officesOnRoutes(of: $0.target, in: scenario).contains(bound.office) }
            let now = today[bound.office] ?? 0
            guard !serving.isEmpty && bound.low < now && now <= bound.high else { return bound }
            raisedFor[bound.office] = serving.map(\.label)
            return Bound(office: bound.office, low: now, high: bound.high)
        }
        return (floored, raisedFor)
    }

    /// The most staff an office may have (the scenario format's limit).
    public static let maximumStaff = 100_000

    /// The guard a search adds when its targets say nothing about citizens who leave without a
    /// result: fewer staff must not buy the on-time rate by letting citizens give up in the
    /// queue. The share of dossiers withdrawn may rise at most one percentage point
    /// (``DeskGuard/staffSearchMargin``) above what the current staffing gives
    /// (`baseline`: the upper end of its 95% interval, so that the current staffing passes the
    /// guard however few replications there are).
    public static func withdrawalGuard(baseline: Double) -> TargetSpec {
        let threshold = Swift.min(1, Swift.max(0, baseline + DeskGuard.staffSearchMargin))
        // Each label writes its shares in its language's number format (13.58% / 13,58%).
        let (en, vi) = (Language.en.numbers, Language.vi.numbers)
        return TargetSpec(id: "guard-withdrawn",
                          label: "Guard: citizens who give up or withdraw ≤ \(en.percent(threshold)) (now \(en.percent(baseline)) + 1 point)",
                          labelVi: "Ràng buộc: hồ sơ bị rút hoặc công dân bỏ về ≤ \(vi.percent(threshold)) (hiện nay \(vi.percent(baseline)) + 1 điểm %)",
                          measure: .withdrawnRate, field: nil, office: nil, level: nil, comparator: .atMost, threshold: threshold)
    }

    /// The guard on withdrawals at today's share (``withdrawalGuard(baseline:)``), measured
    /// as the guard will measure it: the current staffing with the search's seed and the
    /// first look's replications. When the evaluator's model of today's staffing is the
    /// scenario's own (no per-ward staff in a searched office, which the evaluator replaces;
    /// dated changes it keeps), it is run as an evaluation the search may reuse; else as the
    /// scenario stands. Either way in one pool with the very large staff's screen — or, where
    /// the search starts from the queueing bound (``startsFromBound(_:plan:)``), with the
    /// screen of the bound measured on today's first replications, which it returns.
    static func todaysGuard(scenario: Scenario, evaluator: StaffingEvaluator, today initial: [String: Int], large: [String: Int],
                            plan: ReplicationPlan, screening: Int, bounds: [Bound] = [],
                            entry: [String: Int] = [:]) async throws(SimulationError) -> (TargetSpec, bound: [String: Int]?) {
        let searched = Set(initial.keys)
        let today: [RunResult]
        var bound: [String: Int]?
        if scenario.offices.filter({ searched.contains($0.id) }).allSatisfy({ office in
            office.instances.allSatisfy { $0.staff == nil }
        }) {
            if startsFromBound(bounds, plan: plan) {
                try await evaluator.fill([(initial, boundMeasuredOn)])
                bound = queueingBound(evaluator.summary(initial, count: boundMeasuredOn, confidence: plan.confidence), today: initial,
                                      bounds: bounds, entry: entry)
            }
            try await evaluator.fill([(initial, plan.first), (bound ?? large, screening)])
            today = evaluator.runs(initial)
        } else {
            try await evaluator.fill([(large, screening)], asGiven: plan.first)
            today = evaluator.asGivenRuns
        }
        let withdrawn = today.map { result -> Double in
            var tally = ProcedureTally()
            for procedure in result.procedures { tally.add(procedure) }
            return TargetMeasure.withdrawnRate.ratio(tally) ?? .nan
        }
        let estimate = Estimate(withdrawn).clamped(to: 0...1)
        return (withdrawalGuard(baseline: estimate.high.isFinite ? estimate.high : estimate.mean.isFinite ? estimate.mean : 0), bound)
    }
}

extension StaffingSearch.Unreachable {
    /// `t`, which does not pass at the very large staff `summary` of the offices `searched`,
    /// with the reason: an input it repeats; the desk guard (docs/model.md §7.6), naming the
    /// desks where citizens gave up and are not searched; an office outside the search that
    /// saturates there (an outside review, #2: the very large staff is then no upper bound);
    /// too few replications to decide (#9) — its own interval's or a desk-guard share's
    /// straddling the allowance with its mean within it, named; the assumption its verdict rests on, as `run` names
    /// it (#18); or something else staff cannot move.
    init(_ t: TargetResult, at summary: ExperimentSummary? = nil, searched: [StaffingSearch.Bound] = [], in scenario: Scenario? = nil) {
        let reasons: (String, String)
        var kind = Kind.other
        let flooded = summary.flatMap { summary in scenario.map { Self.floodedOffices(summary, serving: t.id, searched: searched, in: $0) } } ?? []
        if let input = t.repeatedInput {
            reasons = UnreachableWords.inputDriven(input)
            kind = .input
        } else if t.heldByDeskGuard, let undecided = StaffingUndecided.of(t), undecided.deskGuard != nil {
            // Its guard share straddles the allowance: replications, not desks, decide it.
            reasons = undecided.words
            kind = .undecided
        } else if t.heldByDeskGuard {
            let own = t.ownDesk.flatMap { $0.verdict != .pass ? $0.share : nil }
            let share = t.scenarioDesk.flatMap { $0.verdict != .pass ? $0.share.mean : nil } ?? own ?? t.gaveUpAtDesk ?? 0
            reasons = UnreachableWords.deskGuard(value: t.estimate.mean, meets: t.comparator.holds(t.estimate.mean, t.threshold),
                                                 share: share, desks: summary.flatMap { summary in
                                                     scenario.map { Self.desksTurningAway(summary, searched: searched, in: $0) } } ?? [])
            kind = .deskGuard
        } else if !flooded.isEmpty {
            reasons = UnreachableWords.flooded(t.estimate.mean, offices: flooded)
            kind = .flooded
        } else if let undecided = StaffingUndecided.of(t) {
            reasons = undecided.words
            kind = .undecided
        } else if t.inputDrivenKind == .restsOnAssumption, let note = t.inputDriven {
            reasons = UnreachableWords.restsOnAssumption(note, noteVi: t.inputDrivenVi ?? note, value: t.estimate.mean)
            kind = .assumption
        } else {
            reasons = (t.verdict == .fail ? UnreachableWords.failsWhenLarge : UnreachableWords.straddlesWhenLarge)(t.estimate.mean)
        }
        self.init(target: t.id, label: t.label + (t.fieldName.map { " — \($0)" } ?? ""),
                  labelVi: (t.labelVi ?? t.label) + ((t.fieldNameVi ?? t.fieldName).map { " — \($0)" } ?? ""),
                  reason: reasons.0, reasonVi: reasons.1, kind: kind, flooded: flooded.map(\.id))
    }

    /// The offices not searched on the routes of `target`'s procedures that are unstable in
    /// `summary` (the run's UNSTABLE OFFICES): (id, name, Vietnamese name), in the scenario's order.
    static func floodedOffices(_ summary: ExperimentSummary, serving target: String, searched: [StaffingSearch.Bound],
                               in scenario: Scenario) -> [(id: String, name: String, nameVi: String)] {
        let searchedIds = Set(searched.map(\.office))
        let route = StaffingSearch.officesOnRoutes(of: target, in: scenario)
        let unstable = Set(summary.offices.filter(\.isUnstable).map(\.office.entry))
        return scenario.offices.indices.compactMap { entry in
            let office = scenario.offices[entry]
            guard unstable.contains(entry), route.contains(office.id), !searchedIds.contains(office.id) else { return nil }
            return (office.id, office.name, office.nameVi ?? office.name)
        }
    }

    /// The desk entries not searched where citizens gave up in `summary`, most first: (id, name, Vietnamese name).
    static func desksTurningAway(_ summary: ExperimentSummary, searched: [StaffingSearch.Bound],
                                 in scenario: Scenario) -> [(id: String, name: String, nameVi: String)] {
        let searchedIds = Set(searched.map(\.office))
        var gaveUp: [Int: Double] = [:]
        for office in summary.offices where office.office.kind == .desk && office.abandonedPerReplication.mean > 0 {
            gaveUp[Int(office.office.entry), default: 0] += office.abandonedPerReplication.mean
        }
        return gaveUp.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.compactMap { entry, _ in
            guard scenario.offices.indices.contains(entry), !searchedIds.contains(scenario.offices[entry].id) else { return nil }
            let office = scenario.offices[entry]
            return (office.id, office.name, office.nameVi ?? office.name)
        }
    }
}
