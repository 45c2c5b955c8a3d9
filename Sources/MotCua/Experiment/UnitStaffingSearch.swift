import Foundation

/// The staffing question at city scale, per unit: for each commune-level unit, the smallest staff
/// of one office that exists in every unit (its desk, say) that makes the unit's own on-time
/// figures meet a target — "which of the 168 units need one more desk officer?".
///
/// Units meet only at the shared city offices and through filing anywhere (a resident files at
/// the next unit's desk), so one run of the city evaluates every unit's staffing at once: the
/// search moves all failing units up together, round after round (a coordinate search run in
/// parallel over the units), on a few screening replications; optionally moves units with
/// slack down, one parity class at a time; then confirms the staffing on the full replications
/// and checks, per unit, that one fewer fails (units of one parity class tried in one run, so no
/// unit is tried beside its lowered neighbour). Every evaluation uses the same random numbers.
/// The procedure is stated in docs/experiments.md ("Per-unit staffing").
public struct UnitStaffingSearch: Sendable {
    public let office: String
    public let officeName: String
    public let officeNameVi: String?
    public let target: TargetSpec
    public let figures: [Figure]
    public let units: [Unit]
    public let rounds: [Round]
    /// Whether the search may lower units with slack below today's staff.
    public let reduces: Bool
    /// Whether the last confirmation and minimality check agreed (every unit passes or is at its
    /// upper limit, and one fewer fails at every unit tried) within the rounds allowed.
    public let settled: Bool
    /// Evaluations made: ``rounds``' count, the report's table rows (an outside review, #14).
    public var evaluations: Int { rounds.count }
    /// Distinct staffings among ``rounds``.
    public let distinctStaffings: Int
    /// Replications simulated, and read back from the results folder.
    public let simulatedReplications: Int
    public let storedReplications: Int
    /// Replications of the final evaluation, and the confidence of its intervals.
    public let replications: Int
    public let screening: Int
    public let confidence: Double
    /// Wall time of the search, in seconds.
    public let seconds: Double

    /// Units whose staff changes, and the total change.
    public var changed: [Unit] { units.filter { $0.change != 0 } }
    public var totalChange: Int { units.reduce(0) { $0 + $1.change } }
    /// Units that do not pass even at their upper limit (not those only undecided: ``Unit/undecided``).
    public var unmet: [Unit] { units.filter { !$0.passes && $0.undecided == nil } }

    /// Why the search cannot be run for `office` and `target` in `scenario`, or nil when it can.
    public static func problem(office: String, target: TargetSpec, in scenario: Scenario) -> String? {
        if let problem = problem(office: office, in: scenario) { return problem }
        guard let entry = scenario.offices.first(where: { $0.id == office }) else { return "unknown office \(office)" }
        guard target.measure == .onTimeRate, target.office == nil, target.level == nil || target.level == entry.level else {
            return "--per-unit: target \(target.id) is not a unit's on-time rate (a per-unit search needs a target of "
                + "measure onTimeRate, without an office or another level; the units' figures count on-time and late dossiers by field)"
        }
        if figures(office: office, target: target, in: scenario).isEmpty {
            return "--per-unit: target \(target.id) counts no field whose procedures pass through \(office)"
        }
        return nil
    }

    /// Why `office` cannot be searched unit by unit in `scenario`, or nil when it can.
    public static func problem(office: String, in scenario: Scenario) -> String? {
        guard let entry = scenario.offices.first(where: { $0.id == office }) else {
            return "unknown office \(office); offices: \(scenario.offices.map(\.id).joined(separator: ", "))"
        }
        let perUnit = scenario.offices.filter { !$0.instances.isEmpty }.map(\.id)
        guard !entry.instances.isEmpty else {
            return "--per-unit: office \(office) has no instance per unit; offices with one: "
                + (perUnit.isEmpty ? "none (the scenario has no \"units\")" : perUnit.joined(separator: ", "))
        }
        guard entry.instances.count >= SimulationModel.unitFiguresFrom else {
            return "--per-unit: the scenario has \(entry.instances.count) units; per-unit figures are kept from "
                + "\(SimulationModel.unitFiguresFrom) units (a city), so there is nothing to search on"
        }
        return nil
    }

    /// The unit figures the target is checked on: each field whose procedures pass through the
    /// office (a target over every field), the target's field, or all those fields together.
    static func figures(office: String, target: TargetSpec, in scenario: Scenario) -> [Figure] {
        let served = scenario.fields.indices.filter { f in
            scenario.procedures.contains { $0.field == scenario.fields[f].id && $0.route.contains { $0.office == office } }
        }
        switch target.field {
        case "*"?:
            return served.map { Figure(id: scenario.fields[$0].id, name: scenario.fields[$0].name, nameVi: scenario.fields[$0].nameVi, fields: [$0]) }
        case let id?:
            return served.filter { scenario.fields[$0].id == id }.map {
                Figure(id: id, name: scenario.fields[$0].name, nameVi: scenario.fields[$0].nameVi, fields: [$0])
            }
        case nil:
            return served.isEmpty ? [] : [Figure(id: "all", name: "All fields of the office", nameVi: "Mọi lĩnh vực của đơn vị", fields: served)]
        }
    }

    /// Whether `readings` (a unit's, less the figures `setAside`) miss only by verdicts too few
    /// replications leave open: some figure does not pass, and each that does not sits clear of
    /// the threshold with its interval straddling it (``StaffingUndecided``).
    static func onlyUndecided(_ readings: [Reading], setAside: Set<String>, target: TargetSpec) -> Bool {
        let open = readings.filter { !setAside.contains($0.figure) && $0.verdict != .pass }
        return !open.isEmpty && open.allSatisfy {
            StaffingUndecided.of($0.estimate, comparator: target.comparator, threshold: target.threshold, verdict: $0.verdict) != nil
        }
    }

    /// The staffings evaluated and their replications.
    final class Runs {
        let scenario: Scenario
        let entry: Int
        let seed: UInt64
        let jobs: Int
        let folder: String?
        var results: [[Int]: [RunResult]] = [:]
        var simulated = 0, stored = 0
        /// Replications simulated that no round has counted yet (``Round/simulated``).
        var uncounted = 0
        /// The staffings evaluated.
        var staffings: Set<[Int]> = []
        var rounds: [Round] = []

        init(scenario: Scenario, entry: Int, seed: UInt64, jobs: Int, folder: String?) {
            self.scenario = scenario
            self.entry = entry
            self.seed = seed
            self.jobs = jobs
            self.folder = folder
        }

        /// The scenario with `staff` in the units, in order: the staffing searched holds all
        /// year, so the office's dated head-count changes are replaced by it (absences remain).
        func scenario(_ staff: [Int]) -> Scenario {
            var s = scenario
            s.offices[entry].staffChanges = []
            for n in staff.indices { s.offices[entry].instances[n].staff = staff[n] }
            s.fingerprint = StableHash.fnv1a("\(scenario.fingerprint) unit staff \(s.offices[entry].id) "
                                             + staff.map(String.init).joined(separator: ","))
            return s
        }

        /// The first `count` replications of `staff`, running only those not yet run.
        func run(_ staff: [Int], count: Int) async throws(SimulationError) -> [RunResult] {
            let have = results[staff] ?? []
            if have.count < count {
                let model = SimulationModel(scenario: scenario(staff))
                let store = try ResultStore.open(folder, fingerprint: model.scenario.fingerprint)
                let wanted = Array(have.count..<count)
                let before = wanted.filter { store?.load(seed: seed, replication: $0) != nil }.count
                let done = try await Experiment.run(model: model, seed: seed, indices: wanted, jobs: jobs, store: store)
                stored += before
                simulated += wanted.count - before
                uncounted += wanted.count - before
                results[staff] = have + done.map(\.1)
            }
            return Array((results[staff] ?? []).prefix(count))
        }
    }

    /// Runs the search.
    /// - Parameters:
    ///   - scenario: the scenario as asked (load and overlays applied).
    ///   - office: an office with an instance per unit (its staff is searched unit by unit).
    ///   - target: an on-time target (see ``problem(office:target:in:)``).
    ///   - range: the staff every unit may have; nil: from today's (or 1, when `reduces`) to
    ///     twice today's (at least today's + 2).
    ///   - reduces: also lower units with slack below today's staff.
    ///   - plan: the replications of the confirmation and the minimality check.
    ///   - screening: replications of the rounds before the confirmation (default 3, at most the
    ///     plan's first look); they are the confirmation's first replications.
    ///   - folder: keeps every evaluated staffing's replications for a re-run.
    public static func run(scenario: Scenario, office: String, target: TargetSpec, range: ClosedRange<Int>? = nil,
                           reduces: Bool = false, seed: UInt64, plan: ReplicationPlan, screening: Int? = nil, jobs: Int,
                           results folder: String? = nil,
                           log: (@Sendable (String) -> Void)? = nil) async throws(SimulationError) -> UnitStaffingSearch {
        let clock = ContinuousClock(), started = clock.now
        if let problem = problem(office: office, target: target, in: scenario) { throw SimulationError(message: problem) }
        guard let entry = scenario.offices.firstIndex(where: { $0.id == office }) else { throw SimulationError(message: "unknown office \(office)") }
        var scenario = scenario
        scenario.targets = [target]
        let spec = scenario.offices[entry]
        let count = spec.instances.count
        let figures = figures(office: office, target: target, in: scenario)
        let screenCount = Swift.max(1, Swift.min(screening ?? 3, plan.first))
        let runs = Runs(scenario: scenario, entry: entry, seed: seed, jobs: Swift.max(1, jobs), folder: folder)
        let today = spec.instances.map { $0.staff ?? spec.staff }
        let low = today.map { t in Swift.max(range?.lowerBound ?? (reduces ? 1 : t), 1) }
        let high = zip(today, low).map { t, l in
            Swift.max(l, Swift.min(StaffingSearch.maximumStaff, range?.upperBound ?? Swift.max(2 * t, t + 2)))
        }
        let start = (0..<count).map { Swift.min(high[$0], Swift.max(low[$0], today[$0])) }
        // The office's instance n is the run's office instanceOffice[n].
        let model = SimulationModel(scenario: scenario)
        var instanceOffice = [Int](repeating: 0, count: count)
        for o in model.offices where o.entry == entry && o.instance >= 0 { instanceOffice[Int(o.instance)] = Int(o.index) }

        var setAside = [Set<String>](repeating: [], count: count)
        var giveUpCeiling: [Double]? = nil

        func readings(_ results: [RunResult], confidence: Double) -> [[Reading]] {
            let fieldCount = scenario.fields.count
            return (0..<count).map { n in
                figures.compactMap { figure -> Reading? in
                    let values = results.map { $0.unitOnTimeRate(unit: n, fields: figure.fields, fieldCount: fieldCount) }
                    let estimate = Estimate(values, confidence: confidence).clamped(to: 0...1)
                    guard estimate.count > 0 else { return nil }  // no dossier of it in this unit
                    let gap = target.comparator == .atLeast || target.comparator == .above
                        ? estimate.low - target.threshold : target.threshold - estimate.high
                    return Reading(figure: figure.id, estimate: estimate,
                                   verdict: ExperimentSummary.verdict(estimate, target, replicated: results.count > 1), gap: gap)
                }
            }
        }
        /// Each unit's share of citizens giving up in the office's queue (the upper end of its interval).
        func givingUp(_ results: [RunResult], confidence: Double) -> [Double] {
            (0..<count).map { n in
                let o = instanceOffice[n]
                let estimate = Estimate(results.map { r in
                    let t = r.offices[o]
                    return t.served + t.abandoned > 0 ? Double(t.abandoned) / Double(t.served + t.abandoned) : 0
                }, confidence: confidence)
                return estimate.high.isFinite ? estimate.high : estimate.mean
            }
        }
        func passes(_ n: Int, _ readings: [[Reading]], _ givingUp: [Double]) -> Bool {
            let counted = readings[n].filter { !setAside[n].contains($0.figure) }
            let guardHolds = giveUpCeiling.map { givingUp[n] <= $0[n] } ?? true
            return counted.allSatisfy { $0.verdict == .pass } && guardHolds
        }
        /// A unit that does not pass only because too few replications decide its figures: each
        /// one missing sits clear of the threshold, its interval straddling it. More staff is no
        /// answer there (an outside review, #14); it is not raised.
        func undecided(_ n: Int, _ readings: [[Reading]], _ givingUp: [Double]) -> Bool {
            (giveUpCeiling.map { givingUp[n] <= $0[n] } ?? true) && Self.onlyUndecided(readings[n], setAside: setAside[n], target: target)
        }
        /// Per unit raised, the figure that needed it when first raised (nil: the give-up guard).
        var neededFor: [Int: Reading?] = [:]
        func raise(_ n: Int, _ readings: [[Reading]]) {
            if neededFor[n] == nil {
                neededFor[n] = readings[n].filter { !setAside[n].contains($0.figure) && $0.verdict != .pass }.min { $0.gap < $1.gap }
            }
        }
        func worst(_ n: Int, _ readings: [[Reading]]) -> Reading? {
            readings[n].filter { !setAside[n].contains($0.figure) }.min { $0.gap < $1.gap }
        }
        struct Evaluation {
            let readings: [[Reading]]
            let givingUp: [Double]
            let replications: Int
        }
        func evaluate(_ staff: [Int], replications: Int, confidence: Double, _ purpose: Round.Purpose, number: Int = 1,
                      moved: Int = 0) async throws(SimulationError) -> Evaluation {
            let results = try await runs.run(staff, count: replications)
            let evaluation = Evaluation(readings: readings(results, confidence: confidence),
                                        givingUp: givingUp(results, confidence: confidence), replications: replications)
            let failing = (0..<count).filter { !passes($0, evaluation.readings, evaluation.givingUp) }.count
            runs.staffings.insert(staff)
            runs.rounds.append(Round(purpose: purpose, number: number, moved: moved, replications: replications, failing: failing,
                                     totalStaff: staff.reduce(0, +), simulated: runs.uncounted))
            runs.uncounted = 0
            log?("\(purpose.rawValue) \(number)\(moved > 0 ? " (\(moved) units moved)" : ""): \(failing) of \(count) units do not pass (\(replications) replications, total staff \(staff.reduce(0, +)))")
            return evaluation
        }
        /// Confirms `staff` by the looks of the plan: each look stops when every unit's counted figures are decided.
        func confirm(_ staff: [Int], attempt: Int) async throws(SimulationError) -> Evaluation {
            var last: Evaluation?
            for look in plan.looks {
                let results = try await runs.run(staff, count: look)
                let read = readings(results, confidence: plan.confidence)
                let undecided = (0..<count).contains { n in
                    read[n].contains { !setAside[n].contains($0.figure) && $0.verdict == .atRisk }
                }
                if !undecided || look == plan.looks.last {
                    last = try await evaluate(staff, replications: look, confidence: plan.confidence, .confirmation, number: attempt)
                    break
                }
            }
            guard let last else { return try await evaluate(staff, replications: plan.maximum, confidence: plan.confidence, .confirmation, number: attempt) }
            return last
        }
        /// The units of `units`, split so that no unit shares a class with the next one in the
        /// list (whose desk its residents may use): even and odd positions, and with an odd
        /// count the last unit alone (it is next to the first).
        func classes(_ units: [Int]) -> [[Int]] {
            let chosen = Set(units)
            var split: [[Int]] = [[], [], []]
            for n in 0..<count where chosen.contains(n) {
                split[count % 2 == 1 && n == count - 1 && count > 1 ? 2 : n % 2].append(n)
            }
            return split.filter { !$0.isEmpty }
        }

        // 1. Today's staffing and a very large one, screened: which figures the office cannot
        //    move (left out per unit), the office's offered work per unit, and the guard.
        let todayEvaluation = try await evaluate(start, replications: screenCount, confidence: 0.95, .today)
        let large = (0..<count).map { Swift.min(StaffingSearch.maximumStaff, Swift.max(4 * start[$0], start[$0] + 4)) }
        // Needed only when some unit does not pass today (or to bound the units going down).
        if reduces || (0..<count).contains(where: { !passes($0, todayEvaluation.readings, todayEvaluation.givingUp) }) {
            let largeEvaluation = try await evaluate(large, replications: screenCount, confidence: 0.95, .large)
            for n in 0..<count {
                setAside[n] = Set(largeEvaluation.readings[n].filter { $0.verdict != .pass }.map(\.figure))
            }
            // The first two rows were counted before the office's figures were left out; every
            // later row counts without them, so these are counted again on that basis (the table's
            // column is one count from its first row to its last).
            for (row, evaluation) in [(runs.rounds.count - 2, todayEvaluation), (runs.rounds.count - 1, largeEvaluation)] {
                let old = runs.rounds[row]
                runs.rounds[row] = Round(purpose: old.purpose, number: old.number, moved: old.moved, replications: old.replications,
                                         failing: (0..<count).filter { !passes($0, evaluation.readings, evaluation.givingUp) }.count,
                                         totalStaff: old.totalStaff, simulated: old.simulated)
            }
        }
        let asideCount = setAside.filter { !$0.isEmpty }.count
        if asideCount > 0 {
            log?("\(asideCount) units have figures that do not pass even with a very large staff: left out for them; "
                 + "without them, \(runs.rounds[0].failing) of \(count) units do not pass today")
        }
        var floor = low
        if reduces {
            // Fewer staff must not buy the on-time rate by turning citizens away: the share
            // giving up in a unit's queue may rise at most 1 point above today's.
            giveUpCeiling = todayEvaluation.givingUp.map { $0 + 0.01 }
            // Offered work ÷ open staff time bounds a unit's staff from below.
            let results = try await runs.run(large, count: screenCount)
            for n in 0..<count {
                let busy = results.map { $0.offices[instanceOffice[n]].utilization }.reduce(0, +) / Double(results.count)
                let offered = busy * Double(large[n])
                floor[n] = Swift.min(high[n], Swift.max(low[n], Int((offered - 1e-9).rounded(.up))))
            }
        }

        // 2. Up: every failing unit one more, all at once, until none fails or all are at their upper limit.
        var staff = start
        var current = todayEvaluation
        for round in 1... {
            let failing = (0..<count).filter {
                !passes($0, current.readings, current.givingUp) && !undecided($0, current.readings, current.givingUp) && staff[$0] < high[$0]
            }
            guard !failing.isEmpty, round <= 4 * count else { break }
            for n in failing {
                raise(n, current.readings)
                staff[n] += 1
            }
            if failing.count <= 10 { log?("+1 at " + failing.map { "\(spec.instances[$0].name) → \(staff[$0])" }.joined(separator: ", ")) }
            current = try await evaluate(staff, replications: screenCount, confidence: 0.95, .up, number: round,
                                   moved: failing.count)
        }

        // 3. Down (when asked): units with slack one fewer, one class at a time, until one fewer fails.
        if reduces {
            var open = (0..<count).filter { passes($0, current.readings, current.givingUp) && staff[$0] > floor[$0] }
            var round = 0
            while !open.isEmpty && round < 4 * count {
                round += 1
                var next: [Int] = []
                for members in classes(open) {
                    var trial = staff
                    for n in members { trial[n] -= 1 }
                    let tried = try await evaluate(trial, replications: screenCount, confidence: 0.95, .down,
                                                   number: round, moved: members.count)
                    for n in members where passes(n, tried.readings, tried.givingUp) {
                        staff[n] -= 1
                        if staff[n] > floor[n] { next.append(n) }
                    }
                }
                open = next
            }
        }

        // 4. Confirm on the full replications, raising units that fail there; then one fewer at
        //    every unit above its lower limit (and, going only up, above today's), by class.
        var settled = false
        var final = current
        var fewer: [Int: (fails: Bool, reading: Reading?)] = [:]
        // The staffing of the last confirmation: the answer reported when the rounds run out.
        var confirmed = staff
        for attempt in 1...8 {
            final = try await confirm(staff, attempt: attempt)
            confirmed = staff
            let failing = (0..<count).filter {
                !passes($0, final.readings, final.givingUp) && !undecided($0, final.readings, final.givingUp) && staff[$0] < high[$0]
            }
            if !failing.isEmpty {
                for n in failing {
                    raise(n, final.readings)
                    staff[n] += 1
                }
                log?("+1 at \(failing.count) units that do not pass on the full replications")
                continue
            }
            let candidates = (0..<count).filter { staff[$0] > floor[$0] && (reduces || staff[$0] > start[$0]) && passes($0, final.readings, final.givingUp) }
            fewer = [:]
            for members in classes(candidates) {
                var trial = staff
                for n in members { trial[n] -= 1 }
                let tried = try await evaluate(trial, replications: final.replications, confidence: plan.confidence,
                                               .minimality, number: attempt, moved: members.count)
                for n in members { fewer[n] = (!passes(n, tried.readings, tried.givingUp), worst(n, tried.readings)) }
            }
            let notMinimal = fewer.filter { !$0.value.fails }.map(\.key)
            if notMinimal.isEmpty {
                settled = true
                break
            }
            for n in notMinimal { staff[n] -= 1 }
            log?("−1 at \(notMinimal.count) units where one fewer still passes")
        }
        if settled {
            log?("every unit passes or is at its upper limit, and one fewer fails at every unit tried")
        } else {
            staff = confirmed
        }

        let units = (0..<count).map { n -> Unit in
            let instance = spec.instances[n]
            return Unit(id: instance.id, name: instance.name, nameVi: instance.nameVi, group: UnitFigures.group(of: instance),
                        kind: instance.kind, today: today[n], low: floor[n], high: high[n], staff: staff[n],
                        passes: passes(n, final.readings, final.givingUp), worst: worst(n, final.readings),
                        worstToday: worst(n, todayEvaluation.readings), setAside: figures.map(\.id).filter { setAside[n].contains($0) },
                        oneFewerFails: fewer[n]?.fails, oneFewer: fewer[n]?.reading ?? nil,
                        neededFor: staff[n] > today[n] ? neededFor[n] ?? nil : nil,
                        undecided: undecided(n, final.readings, final.givingUp) ? worst(n, final.readings).flatMap { r in
                            StaffingUndecided.of(r.estimate, comparator: target.comparator, threshold: target.threshold, verdict: r.verdict)
                        } : nil)
        }
        let elapsed = clock.now - started
        return UnitStaffingSearch(office: office, officeName: spec.name, officeNameVi: spec.nameVi, target: target, figures: figures,
                                  units: units, rounds: runs.rounds, reduces: reduces, settled: settled,
                                  distinctStaffings: runs.staffings.count, simulatedReplications: runs.simulated, storedReplications: runs.stored,
                                  replications: final.replications, screening: screenCount, confidence: plan.confidence,
                                  seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}
