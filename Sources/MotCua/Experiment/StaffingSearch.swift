/// The staffing question: the smallest staff per office that makes every target pass.
///
/// The search starts from what queueing already tells and evaluates as little as it can
/// (docs/experiments.md): one evaluation at a very large staff (run beside today's staffing)
/// finds the targets staffing cannot reach and each office's offered work; offered work ÷ open
/// time per staff member bounds each office from below and the square-root staffing rule
/// guesses; per office, a search from the bound (then the guess, then doubling steps) and
/// bisection on a few screening replications, the other offices very large, offices that move
/// no target in common screened in one staffing; the answers together confirmed on the full
/// replications, with marginal analysis while some target fails; then removals until one fewer
/// at every office fails. Every evaluation uses the same random numbers; replications run once
/// are reused.
public struct StaffingSearch: Sendable {
    public let bounds: [Bound]
    /// The staffing found, or nil when even the upper bounds do not make every target pass.
    public let solution: [String: Int]?
    public let initial: [String: Int]
    public let steps: [Step]
    public let finalSummary: ExperimentSummary?
    /// The guard on citizens who give up, when the search added one (see ``withdrawalGuard(baseline:)``).
    public let guardTarget: TargetSpec?
    /// Targets left out, with the reason: they do not pass at the very large staff nor at the
    /// staffing the search ends on; the search answers for the others.
    public let unreachable: [Unreachable]
    /// The bounds asked, and per office whose floor rose to today's staff the targets left out it serves.
    public let askedBounds: [Bound]
    public let raisedFor: [String: [String]]
    /// Per office: the lower bound from offered work ÷ open time per staff member.
    public let workBounds: [String: Int]
    /// Per office: the square-root staffing rule's first guess.
    public let firstGuess: [String: Int]
    /// Per office: the very large staff at which reachability was tested.
    public let largeStaff: [String: Int]
    /// Per office of the solution: whether one fewer fails (true) — or the office is at its
    /// lower bound, where one fewer is not allowed.
    public let minimality: [String: Bool]
    /// Evaluations made: ``steps``' count.
    public var evaluations: Int { steps.count }
    /// Distinct staffings among ``steps``.
    public var distinctStaffings: Int { Set(steps.map { StaffingEvaluator.key($0.staff) }).count }
    /// Replications simulated, and replications read back from the results folder.
    public let simulatedReplications: Int
    public let storedReplications: Int
    /// The final staffing's replications and why they stopped (fixed, or `auto`'s rule).
    public let outcome: SequentialOutcome?

    static func search(scenario: Scenario, bounds: [Bound], seed: UInt64, replications: Int, jobs: Int,
                               results folder: String?, guardingWithdrawals: Bool, plan: ReplicationPlan?, screening: Int?,
                               log: (@Sendable (String) -> Void)?, resuming: Resumed?) async throws(SimulationError) -> StaffingSearch {
        let plan = plan ?? .fixed(replications)
        let screenCount = Swift.max(1, Swift.min(screening ?? (StaffingEvaluator.oneMissRulesOut(plan) ? 1 : 3), plan.first))
        let asGiven = scenario, asked = resuming?.asked ?? bounds
        var scenario = scenario
        let initial = Dictionary(uniqueKeysWithValues: bounds.map { b in
            (b.office, scenario.offices.first { $0.id == b.office }?.staff ?? 0)
        })
        // The very large staff of step 1, known before anything runs.
        var large = Dictionary(uniqueKeysWithValues: bounds.map { b in
            (b.office, Swift.min(maximumStaff, Swift.max(b.high, 4 * Swift.max(initial[b.office] ?? 0, b.low, 1))))
        })
        let evaluator = resuming?.evaluator ?? StaffingEvaluator(scenario: scenario, seed: seed, jobs: jobs, folder: folder)
        var guardTarget: TargetSpec?
        var steps: [Step] = resuming?.steps ?? []
        func record(_ staff: [String: Int], _ summary: ExperimentSummary, _ note: String) {
            let (passing, gap) = evaluator.score(summary)
            steps.append(Step(staff: staff, passing: passing, worstGap: gap, note: note, replications: summary.replications,
                              simulated: evaluator.takeSimulated(staff), judged: evaluator.counted(summary).count,
                              deskGuard: evaluator.deskGuard(summary)))
        }
        let entry = Dictionary(uniqueKeysWithValues: bounds.map { b in (b.office, scenario.offices.firstIndex { $0.id == b.office } ?? -1) })
        var start: (staff: [String: Int], summary: ExperimentSummary)?  // the queueing bound and its screen
        if let resuming {
            guardTarget = resuming.guardTarget
            if let guardTarget { scenario.targets.append(guardTarget) }
        } else if guardingWithdrawals && !scenario.targets.contains(where: { $0.measure == .withdrawnRate }) {
            let (target, bound) = try await todaysGuard(scenario: scenario, evaluator: evaluator, today: initial, large: large, plan: plan,
                                                        screening: screenCount, bounds: bounds, entry: entry)
            scenario.targets.append(target)
            evaluator.addTarget(target)
            guardTarget = target
            log?("guard: \(target.label)")
            steps.append(guardStep(evaluator: evaluator, today: initial, plan: plan))
            if let bound, bound != initial {
                let summary = try await evaluator.screen([bound], count: screenCount)[0]
                let passes = evaluator.passes(summary)
                record(bound, summary, "queueing bound " + bounds.map { "\($0.office) \(bound[$0.office]!)" }.joined(separator: ", ")
                       + ": " + (passes ? "passes" : "does not pass"))
                log?("offered work at today's staffing gives the bound " + bounds.map { "\($0.office) \(bound[$0.office]!)" }.joined(separator: ", ")
                     + (passes ? ", which passes" : ", which does not pass"))
                start = (bound, summary)
            }
        }
        let ruleOut = StaffingEvaluator.oneMissRulesOut(plan)
        func result(_ solution: [String: Int]?, _ summary: ExperimentSummary?, unreachable: [Unreachable], work: [String: Int],
                    guess: [String: Int], large: [String: Int], minimality: [String: Bool], outcome: SequentialOutcome?) -> StaffingSearch {
            log?("\(evaluator.evaluations) evaluations, \(evaluator.simulated) replications simulated")
            // Left out only if it also misses at the staffing the search ends on (an outside review, #2).
            let missing = Set((summary?.targets ?? []).filter { $0.verdict != .pass }.map(\.id))
            return StaffingSearch(bounds: bounds, solution: solution, initial: initial, steps: steps, finalSummary: summary,
                                  guardTarget: guardTarget, unreachable: unreachable.filter { missing.contains($0.target) },
                                  askedBounds: asked, raisedFor: resuming?.raisedFor ?? [:], workBounds: work, firstGuess: guess,
                                  largeStaff: large, minimality: minimality,
                                  simulatedReplications: evaluator.simulated, storedReplications: evaluator.stored, outcome: outcome)
        }
        // The busiest instance's mean utilization of each searched office.
        func busiest(_ summary: ExperimentSummary, _ office: String) -> Double {
            summary.offices.filter { $0.office.entry == entry[office] }.map { $0.utilization.mean }.filter { !$0.isNaN }.max() ?? 0
        }

        // 1. A very large staff: what staffing cannot reach, and each office's offered work.
        // Screened first: the offices' load shows on one replication, and when every target
        // passes there, no target is unreachable (a target staffing cannot reach misses on
        // every replication); only otherwise do the full replications say which and why.
        // Not run when the queueing bound's screen settles the same (``boundSettles``).
        let settled = start.flatMap { boundSettles($0.staff, passes: evaluator.passes($0.summary), large: large) ? $0 : nil }
        var largeSummary: ExperimentSummary
        if let settled { largeSummary = settled.summary } else {
            largeSummary = try await evaluator.screen([large], count: screenCount)[0]
            record(large, largeSummary, "very large staff")
        }
        // Very large means no queue worth the name: below half busy everywhere.
        for _ in 0..<(settled == nil ? 4 : 0) {
            let crowded = bounds.filter { busiest(largeSummary, $0.office) >= 0.5 && large[$0.office]! < maximumStaff }
            guard !crowded.isEmpty else { break }
            for bound in crowded { large[bound.office] = Swift.min(maximumStaff, large[bound.office]! * 4) }
            largeSummary = try await evaluator.screen([large], count: screenCount)[0]
            record(large, largeSummary, "very large staff, larger: some office was half busy or more")
        }
        if !evaluator.passes(largeSummary) {
            largeSummary = try await evaluator.confirm([large], plan: plan)[0].0
            record(large, largeSummary, "very large staff, on the full replications: some target does not pass")
        }
        log?((settled == nil ? "very large staff: " : "the queueing bound: ") + (largeSummary.targets.allSatisfy { $0.verdict == .pass } ? "every target passes"
            : "\(largeSummary.targets.filter { $0.verdict == .pass }.count)/\(largeSummary.targets.count) targets pass"))
        let unreachable = largeSummary.targets.filter { $0.verdict != .pass }.map { Unreachable($0, at: largeSummary, searched: bounds, in: scenario) }
        // Nothing asked is left to search for when every target asked is left out: the guard
        // the search added is no question of the user's (an outside review, #2).
        if !unreachable.isEmpty && largeSummary.targets.allSatisfy({ $0.verdict != .pass || $0.id == guardTarget?.id }) {
            evaluator.ignored = Set(unreachable.map(\.target))
            for u in unreachable { log?("cannot be reached by staffing: \(u.label): \(u.reason)") }
            return result(nil, largeSummary, unreachable: unreachable, work: [:], guess: [:], large: large, minimality: [:], outcome: nil)
        }
        // A target left out must not be made worse by the search: the offices on its
        // procedures' routes keep at least today's staff (docs/experiments.md). The search is
        // run again with those floors, once, when any bound rises.
        let (floored, raisedFor) = floors(bounds, today: initial, leftOut: unreachable, in: scenario)
        if floored.map(\.low) != bounds.map(\.low) {
            log?("targets left out keep the offices serving them at today's staff or more: "
                 + zip(bounds, floored).filter { $0.low != $1.low }.map { "\($1.office) ≥ \($1.low)" }.joined(separator: ", "))
            return try await search(scenario: asGiven, bounds: floored, seed: seed, replications: replications, jobs: jobs, results: folder,
                                    guardingWithdrawals: guardingWithdrawals, plan: plan, screening: screening, log: log,
                                    resuming: Resumed(evaluator: evaluator, guardTarget: guardTarget, steps: steps, asked: asked, raisedFor: raisedFor))
        }
        evaluator.ignored = Set(unreachable.map(\.target))
        for u in unreachable { log?("cannot be reached by staffing: \(u.label): \(u.reason)") }
        guard !evaluator.counted(largeSummary).isEmpty else {
            return result(nil, largeSummary, unreachable: unreachable, work: [:], guess: [:], large: large, minimality: [:], outcome: nil)
        }

        // 2. Offered work ÷ open time per staff member, and the square-root staffing rule.
        var work: [String: Int] = [:], guess: [String: Int] = [:]
        for bound in bounds {
            let offered = settled.map { Double($0.staff[bound.office]!) } ?? busiest(largeSummary, bound.office) * Double(large[bound.office]!)
            let lower = Swift.min(bound.high, Swift.max(bound.low, Int((offered - 1e-9).rounded(.up))))
            work[bound.office] = lower
            guess[bound.office] = Swift.min(bound.high, Swift.max(lower, Int((offered + offered.squareRoot()).rounded(.up))))
        }
        log?("offered work gives the starting points " + bounds.map { "\($0.office) \(work[$0.office]!)" }.joined(separator: ", "))

        // 3. Per office, with the others at the very large staff, bisection on the screening
        //    replications: `failing` is the most known to fail (below the search's lower bound
        //    at first: offered work ÷ open time is no true bound here, since a queue that may
        //    wait for days can carry work into the year's quiet weeks), `passing` the least known
        //    to pass. A miss on the screen is final when one missed replication rules out PASS
        //    (``StaffingEvaluator/oneMissRulesOut(_:)``); a pass is confirmed later. Offices are
        //    bisected side by side; a single office tries two points a round.
        var failing = Dictionary(uniqueKeysWithValues: bounds.map { ($0.office, $0.low - 1) })
        var passing: [String: Int] = [:]
        var checkedBelowWork = Set<String>()
        // The first (largest) point of each office that passed: how far below it the office has
        // gone sets the next step down while none of its points has failed.
        var firstPassing: [String: Int] = [:]
        func note(_ office: String, _ tried: Int, passes: Bool) {
            if passes {
                passing[office] = Swift.min(passing[office] ?? .max, tried)
                firstPassing[office] = Swift.max(firstPassing[office] ?? tried, tried)
            } else {
                failing[office] = Swift.max(failing[office]!, tried)
            }
            if tried == work[office]! - 1 { checkedBelowWork.insert(office) }
        }
        // `perOffice` points to try next for `office`: the work bound (then one below, as it is
        // often right or one off), the square-root guess, steps up that double; once one passes,
        // steps down that double while none has failed; then points that split the range left.
        func probes(_ bound: Bound, _ perOffice: Int) -> [Int] {
            let office = bound.office, low = failing[office]!
            if let high = passing[office] {
                guard high - low > 1 else { return [] }
                var points: [Int] = []
                if high == work[office]! && !checkedBelowWork.contains(office) { points.append(high - 1) }
                if low == bound.low - 1 {
                    let step = Swift.max(1, (firstPassing[office] ?? high) - high)
                    var point = points.last ?? high
                    while points.count < perOffice && point > low + 1 {
                        point = Swift.max(low + 1, point - step)
                        points.append(point)
                    }
                    return points
                }
                // The rest split the range below into equal parts.
                let top = points.first ?? high, remaining = perOffice - points.count
                for j in stride(from: 1, through: remaining, by: 1) {
                    let point = low + (top - low) * j / (remaining + 1)
                    if point > low && point < top && !points.contains(point) { points.append(point) }
                }
                return points
            }
            guard low < bound.high else { return [] }
            var upward: [Int] = []
            var point = work[office]!
            while upward.count < perOffice {
                if point > low && !upward.contains(point) { upward.append(point) }
                if point >= bound.high { break }
                point = point < guess[office]! ? guess[office]! : Swift.min(bound.high, point + Swift.max(1, point - work[office]! + 1))
            }
            if perOffice > 1 && work[office]! - 1 > low && !checkedBelowWork.contains(office) && upward.first == work[office]! {
                upward = Array(([work[office]! - 1] + upward).prefix(perOffice))
            }
            return upward
        }
        // A point already run costs nothing: with one office searched, today's staffing is one.
        for bound in bounds {
            let today = initial[bound.office]!
            var staff = large
            staff[bound.office] = today
            guard today >= bound.low && today < bound.high && evaluator.has(staff, count: screenCount) else { continue }
            let summary = try await evaluator.screen([staff], count: screenCount)[0]
            let passes = evaluator.passes(summary)
            record(staff, summary, "bisection \(bound.office) \(today): \(passes ? "passes" : "does not pass")")
            note(bound.office, today, passes: passes)
        }
        // The queueing bound's screen: a point of the bisection (a miss at the upper bound is confirmed there).
        if let start, bounds.count == 1, let point = start.staff[bounds[0].office],
           evaluator.passes(start.summary) || point < bounds[0].high {
            note(bounds[0].office, point, passes: evaluator.passes(start.summary))
        }
        // Offices that move no target in common share a screening staffing.
        var packing = StaffingPacking(offices: bounds.map(\.office), targets: evaluator.counted(largeSummary).map(\.id), in: scenario)
        var infeasible: (String, ExperimentSummary)?
        var round = 0
        while infeasible == nil {
            // An office left alone tries two points a round, for two cores; the number depends on
            // the offices only, never on the cores, so the path and answer do not either.
            let open = bounds.filter { !probes($0, 1).isEmpty }
            let perOffice = open.count == 1 ? 2 : 1
            let tries = open.flatMap { bound in probes(bound, perOffice).map { (bound, $0) } }
            guard !tries.isEmpty else { break }
            round += 1
            let groups = packing.pack(tries.map { ($0.0.office, $0.1) })
            let staffings = groups.map { group -> [String: Int] in
                var staff = large
                for i in group { staff[tries[i].0.office] = tries[i].1 }
                return staff
            }
            log?("screening round \(round): \(tries.count) point\(tries.count == 1 ? "" : "s") in \(staffings.count) "
                 + "staffing\(staffings.count == 1 ? "" : "s") on \(screenCount) replication\(screenCount == 1 ? "" : "s") each…")
            // A lone office's round with one point leaves a core idle: the next replication of its
            // least passing point runs beside it, which its confirmation would run next (a rule of
            // the offices, not the cores, so the path does not depend on them).
            let ahead = bounds.count == 1 && tries.count == 1 && screenCount < plan.maximum ? passing[bounds[0].office] : nil
            if let ahead {
                try await evaluator.fill([(staffings[0], screenCount), ([bounds[0].office: ahead], screenCount + 1)])
                record([bounds[0].office: ahead], evaluator.summary([bounds[0].office: ahead], count: screenCount + 1, confidence: plan.confidence),
                       "bisection \(bounds[0].office) \(ahead): its next replication, beside the round's one point")
            }
            let summaries = try await evaluator.screen(staffings, count: screenCount)
            var missedAtHigh: [(Bound, [String: Int], ExperimentSummary)] = []
            for (group, (staff, summary)) in zip(groups, zip(staffings, summaries)) {
                let failingTargets = evaluator.counted(summary).filter { $0.verdict != .pass }
                let verdicts = packing.read(failingTargets, offices: group.map { tries[$0].0.office })
                if verdicts.isEmpty {
                    record(staff, summary, "bisection " + group.map { "\(tries[$0].0.office) \(tries[$0].1)" }.joined(separator: ", ")
                           + ": a target no one office moves misses; screened alone next")
                    continue
                }
                record(staff, summary, "bisection " + group.map { i in
                    "\(tries[i].0.office) \(tries[i].1): \(verdicts[tries[i].0.office]! ? "passes" : "does not pass")"
                }.joined(separator: ", "))
                for i in group {
                    let (bound, tried) = tries[i], office = bound.office, passes = verdicts[office]!
                    note(office, tried, passes: passes)
                    if !passes && tried >= bound.high {
                        // Judged alone below, with the other offices very large.
                        var single = large
                        single[office] = tried
                        var alone = summary
                        if group.count > 1 {
                            alone = try await evaluator.screen([single], count: screenCount)[0]
                            record(single, alone, "upper bound \(office) \(tried) alone")
                        }
                        missedAtHigh.append((bound, single, alone))
                    }
                }
            }
            for (bound, staff, screened) in missedAtHigh {
                // The upper bound misses on the screen. That settles it when one missed
                // replication rules out PASS; otherwise only the full replications can say.
                let confirmed = ruleOut ? screened : try await evaluator.confirm([staff], plan: plan)[0].0
                if !ruleOut {
                    record(staff, confirmed, "upper bound \(bound.office) \(bound.high) on the full replications: "
                           + (evaluator.passes(confirmed) ? "passes" : "does not pass"))
                }
                if !ruleOut && evaluator.passes(confirmed) {
                    passing[bound.office] = bound.high
                    failing[bound.office] = bound.high - 1
                } else {
                    infeasible = (bound.office, confirmed)
                    break
                }
            }
            log?("round \(round): " + bounds.map(\.office).map { o in "\(o) " + (passing[o].map { "≤\($0)" } ?? ">\(failing[o]!)") }
                .joined(separator: ", "))
        }
        if let (office, summary) = infeasible {
            log?("\(office) at its upper bound does not make every target pass even with the other offices very large")
            return result(nil, summary, unreachable: unreachable, work: work, guess: guess, large: large, minimality: [:], outcome: nil)
        }

        // 4. Together, confirmed on the full replications; marginal analysis while some fail.
        var staff = passing
        log?("the offices' answers together, on \(plan.first) replication\(plan.first == 1 ? "" : "s")…")
        var (summary, outcome) = try await evaluator.confirm([staff], plan: plan, ruleOut: true)[0]
        record(staff, summary, "offices' answers together")
        log?("together: \(evaluator.score(summary).passing)/\(evaluator.counted(summary).count) targets pass")
        while !evaluator.passes(summary) {
            // Only the offices on the routes of the targets that miss can help them.
            let missing = evaluator.counted(summary).filter { $0.verdict != .pass }.map { officesOnRoutes(of: $0.id, in: scenario) }
            let helping = missing.contains(where: \.isEmpty) ? Set(bounds.map(\.office)) : missing.reduce(Set<String>()) { $0.union($1) }
            let candidates = bounds.filter { staff[$0.office]! < $0.high && helping.contains($0.office) }.map(\.office)
            guard !candidates.isEmpty else {
                log?("the upper bounds are reached and some targets still do not pass")
                return result(nil, summary, unreachable: unreachable, work: work, guess: guess, large: large, minimality: [:], outcome: outcome)
            }
            let trials = candidates.map { office -> [String: Int] in
                var trial = staff
                trial[office]! += 1
                return trial
            }
            let confirmed = try await evaluator.confirm(trials, plan: plan, ruleOut: true)
            var best = 0
            for i in confirmed.indices.dropFirst() {
                let (p, g) = evaluator.score(confirmed[i].0), (bp, bg) = evaluator.score(confirmed[best].0)
                if (p, g) > (bp, bg) { best = i }
            }
            for i in trials.indices where i != best {
                record(trials[i], confirmed[i].0, "+1 \(candidates[i]): not the best")
            }
            staff = trials[best]
            (summary, outcome) = confirmed[best]
            record(staff, summary, "+1 \(candidates[best])")
            log?("+1 \(candidates[best]) → \(staff[candidates[best]]!): \(evaluator.score(summary).passing)/\(evaluator.counted(summary).count) pass")
        }

        // 5. Removals, all offices at once; the last round, at the staffing answered, is the
        //    minimality check. A removal whose first replication already misses a target is
        //    settled there (``StaffingEvaluator/oneMissRulesOut(_:)``), so most of the check costs
        //    one replication per office. An office whose one fewer failed is not tried again
        //    until the check (fewer staff elsewhere does not make it pass); removals at offices
        //    that move no target in common are tried together, and kept together when they pass.
        var minimality: [String: Bool] = [:]
        var failedBefore = Set<String>()
        var checking = false
        while true {
            let above = bounds.filter { staff[$0.office]! > $0.low }.map(\.office)
            let candidates = checking ? above : above.filter { !failedBefore.contains($0) }
            var trials = candidates.map { office -> [String: Int] in
                var trial = staff
                trial[office]! -= 1
                return trial
            }
            // A single office tried tries two fewer too, for two cores (a rule of the offices).
            let lone = candidates.count == 1 && !checking ? candidates[0] : nil
            if let lone, let bound = bounds.first(where: { $0.office == lone }), staff[lone]! - 2 >= bound.low {
                var deeper = staff
                deeper[lone]! -= 2
                trials.append(deeper)
            }
            log?("one fewer at each of \(candidates.count) office\(candidates.count == 1 ? "" : "s")\(checking ? " (the minimality check)" : "")…")
            let confirmed = try await evaluator.confirm(trials, plan: plan, ruleOut: true)
            if let lone, trials.count == 2, evaluator.passes(confirmed[0].0) {
                let twoPass = evaluator.passes(confirmed[1].0)
                record(trials[0], confirmed[0].0, "−1 \(lone): still passes")
                record(trials[1], confirmed[1].0, "−2 \(lone): " + (twoPass ? "still passes" : "does not pass"))
                let kept = twoPass ? 1 : 0
                if !twoPass { failedBefore.insert(lone) }
                staff = trials[kept]
                (summary, outcome) = confirmed[kept]
                log?("−\(kept + 1) \(lone) → \(staff[lone]!): every target still passes")
                continue
            }
            var passed: [Int] = []
            for i in candidates.indices {
                let passes = evaluator.passes(confirmed[i].0)
                if passes { passed.append(i) } else { failedBefore.insert(candidates[i]) }
                let settledEarly = !passes && confirmed[i].1.used < plan.first
                record(trials[i], confirmed[i].0, "−1 \(candidates[i]): " + (passes ? "still passes"
                    : settledEarly ? "does not pass (its first replication misses)" : "does not pass"))
            }
            if let lone, trials.count == 2 {
                record(trials[1], confirmed[1].0, "−2 \(lone): not needed, one fewer does not pass")
            }
            guard !passed.isEmpty else {
                if checking || candidates.count == above.count {
                    minimality = Dictionary(uniqueKeysWithValues: bounds.map { ($0.office, true) })
                    break
                }
                checking = true
                continue
            }
            checking = false
            // The removal with the most margin first, then those moving none of its targets.
            passed.sort { evaluator.score(confirmed[$0].0).gap > evaluator.score(confirmed[$1].0).gap }
            var together = [passed[0]]
            var touched = packing.moved[candidates[passed[0]]] ?? []
            for i in passed.dropFirst() where touched.isDisjoint(with: packing.moved[candidates[i]] ?? []) {
                together.append(i)
                touched.formUnion(packing.moved[candidates[i]] ?? [])
            }
            if together.count > 1 {
                var trial = staff
                for i in together { trial[candidates[i]]! -= 1 }
                let joint = try await evaluator.confirm([trial], plan: plan, ruleOut: true)[0]
                let names = together.map { candidates[$0] }.joined(separator: ", ")
                record(trial, joint.0, "−1 at \(names) together: " + (evaluator.passes(joint.0) ? "still passes" : "does not pass"))
                if evaluator.passes(joint.0) {
                    staff = trial
                    (summary, outcome) = joint
                    log?("−1 at \(names) together: every target still passes")
                    continue
                }
            }
            staff = trials[passed[0]]
            (summary, outcome) = confirmed[passed[0]]
            log?("−1 \(candidates[passed[0]]) → \(staff[candidates[passed[0]]]!): every target still passes")
        }
        log?("one fewer at any office fails: the staffing is minimal")
        return result(staff, summary, unreachable: unreachable, work: work, guess: guess, large: large, minimality: minimality,
                      outcome: outcome)
    }
}
