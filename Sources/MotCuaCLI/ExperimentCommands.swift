import Foundation
import MotCua

/// `motcua sweep` and `motcua staff`: the load and staffing questions of the planners.
enum ExperimentCommands {
    static let sweepUsage = """
        USAGE: motcua sweep <scenario.json> --load FROM:TO:STEP [options]

        Runs the scenario at each load factor (1.0 = the scenario's volumes) and prints, per
        target, the highest load at which it still passes and the first at which it does not,
        the office whose staff first reach 95% busy, and the on-time rate at each load.

        OPTIONS
          --load FROM:TO:STEP   e.g. 0.8:2.0:0.1
          --replications N      per load (default 5); --seed N; --jobs N; --overlay FILE; --set PATH=VALUE
          --html FILE           also write a page with the chart of on-time rate against load
          --results DIR         keep finished replications; the same command resumes after an interruption
        """

    static let staffUsage = """
        USAGE: motcua staff <scenario.json> [--office ID[=LOW:HIGH]]… [options]

        Finds the smallest staff per office that makes every target of the scenario PASS
        (the whole 95% confidence interval meeting it). Marginal analysis: from the lower
        bounds, add one staff member at a time where it helps the worst target most, then
        remove any that is not needed. Offices with instances (the wards) are one decision:
        the same staff in every ward. See docs/experiments.md.

        OPTIONS
          --office ID[=LOW:HIGH]  an office to staff, with bounds (default: its current staff
                                  minus 50% to plus 100%); repeatable. Default: every office
                                  that serves a step.
          --replications N        per evaluation (default 5); --seed N; --jobs N; --load X;
                                  --overlay FILE; --set PATH=VALUE
          --target ID             only these targets must pass (repeatable; an id or its prefix,
                                  e.g. late-land); default: every target
          --results DIR           keep every evaluation's replications; the same command resumes
        """

    static func parse(_ arguments: [String], usage: String, extra: Set<String>) -> (ParsedArguments, Int, Int) {
        do throws(UsageError) {
            let parsed = try ParsedArguments(arguments, options: Set(["--seed", "--replications", "--jobs", "--overlay", "--set", "--results"]).union(extra),
                                             flags: ["-h", "--help"])
            if !parsed.flags.isDisjoint(with: ["-h", "--help"]) { print(usage); exit(0) }
            guard parsed.positional.count == 1 else { throw UsageError(message: "expected one scenario file") }
            let replications = try parsed.integer("--replications", in: 2...10_000, default: 5)
            let jobs = try parsed.integer("--jobs", in: 1...1024, default: ProcessInfo.processInfo.activeProcessorCount)
            return (parsed, replications, jobs)
        } catch {
            fail(error.message, usage: usage)
        }
    }

    static func sweep(_ arguments: [String]) async -> Never {
        let (parsed, replications, jobs) = parse(arguments, usage: sweepUsage, extra: ["--load", "--html"])
        let parts = (parsed.values["--load"] ?? "").split(separator: ":").compactMap { Double($0) }
        guard parts.count == 3, parts[0] > 0, parts[1] >= parts[0], parts[2] > 0, (parts[1] - parts[0]) / parts[2] <= 200 else {
            fail("--load expects FROM:TO:STEP with 0 < FROM ≤ TO and at most 200 steps, e.g. 0.8:2.0:0.1", usage: sweepUsage)
        }
        let model = loadModel(parsed.positional[0], parsed)
        let seed = parsed.values["--seed"].flatMap(UInt64.init) ?? model.scenario.seed
        let loads = LoadSweep.loads(from: parts[0], to: parts[1], step: parts[2])
        do {
            let sweep = try await LoadSweep.run(scenario: model.scenario, loads: loads, seed: seed, replications: replications, jobs: jobs,
                                                results: parsed.values["--results"])
            if let path = parsed.values["--html"] { writeOrFail(SweepReport.html(sweep, name: model.scenario.name), to: path) }
            var lines = ["LOAD SWEEP — \(model.scenario.name) (seed \(seed), \(replications) replications per load)", ""]
            lines.append("  " + Format.pad("load", 7) + Format.right("on-time", 10) + Format.right("targets passing", 17) + "   busiest office")
            for point in sweep.points {
                let busiest = point.summary.offices.max { $0.utilization.mean < $1.utilization.mean }
                let passing = point.summary.targets.filter { $0.verdict == .pass }.count
                lines.append("  " + Format.pad(Format.fixed(point.load, 2) + "×", 7) + Format.right(Format.percent(point.summary.overall.onTimeRate.mean), 10)
                             + Format.right("\(passing)/\(point.summary.targets.count)", 17)
                             + "   " + (busiest.map { "\($0.office.name) \(Format.percent($0.utilization.mean, 1))" } ?? ""))
            }
            lines.append("")
            lines.append("HEADROOM PER TARGET")
            for h in sweep.headroom {
                let highest = h.highestPassing.map { Format.fixed($0, 2) + "×" } ?? "none in range"
                let first = h.firstNotPassing.map { Format.fixed($0, 2) + "×" } ?? "passes throughout"
                lines.append("  " + Format.pad(h.label, 62) + " highest passing load \(highest); first not passing \(first)")
            }
            lines.append("")
            if let saturated = sweep.firstSaturated {
                lines.append("First office to saturate (staff ≥ 95% busy): \(saturated.office) at \(Format.fixed(saturated.load, 2))× load")
            } else {
                lines.append("No office reaches 95% busy in this range.")
            }
            print(lines.joined(separator: "\n"))
            exit(0)
        } catch {
            printError("internal error: \(error.description)")
            exit(ExitStatus.internalError.rawValue)
        }
    }

    static func staff(_ arguments: [String]) async -> Never {
        let (parsed, replications, jobs) = parse(arguments, usage: staffUsage, extra: ["--office", "--load", "--target"])
        var model = loadModel(parsed.positional[0], parsed)
        do throws(UsageError) {
            let load = try parsed.loadFactor()
            if load != 1 { model = SimulationModel(scenario: model.scenario.scalingLoad(by: load)) }
        } catch {
            fail(error.message, usage: staffUsage)
        }
        var scenario = model.scenario
        if let wanted = parsed.all["--target"] {
            for id in wanted where !scenario.targets.contains(where: { $0.id.hasPrefix(id) }) {
                fail("no target \(id); targets: \(scenario.targets.map(\.id).joined(separator: ", "))", usage: staffUsage)
            }
            scenario.targets = scenario.targets.filter { t in wanted.contains { t.id.hasPrefix($0) } }
        }
        guard !scenario.targets.isEmpty else { fail("the scenario has no targets: nothing to staff for", usage: staffUsage) }
        var bounds: [StaffingSearch.Bound] = []
        let served = Set(scenario.procedures.flatMap { ([$0.intake] + $0.steps).filter { $0.service != nil }.map(\.office) })
        let requested = parsed.all["--office"] ?? scenario.offices.map(\.id).filter { served.contains($0) }
        for item in requested {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard let office = scenario.offices.first(where: { $0.id == parts[0] }) else {
                fail("unknown office \(parts[0]); offices: \(scenario.offices.map(\.id).joined(separator: ", "))", usage: staffUsage)
            }
            var low = max(1, office.staff / 2), high = max(office.staff * 2, office.staff + 2)
            if parts.count == 2 {
                let range = parts[1].split(separator: ":").compactMap { Int($0) }
                guard range.count == 2, range[0] >= 0, range[1] >= range[0], range[1] <= 100_000 else {
                    fail("--office expects ID=LOW:HIGH with 0 ≤ LOW ≤ HIGH, found \(item)", usage: staffUsage)
                }
                (low, high) = (range[0], range[1])
            }
            bounds.append(StaffingSearch.Bound(office: office.id, low: low, high: high))
        }
        let seed = parsed.values["--seed"].flatMap(UInt64.init) ?? scenario.seed
        do {
            let search = try await StaffingSearch.run(scenario: scenario, bounds: bounds, seed: seed, replications: replications, jobs: jobs,
                                                      results: parsed.values["--results"]) { line in
                if isatty(STDERR_FILENO) != 0 { printError("  " + line) }
            }
            var lines = ["STAFFING SEARCH — \(scenario.name) (seed \(seed), \(replications) replications per evaluation, \(search.steps.count) steps)", ""]
            if let solution = search.solution {
                lines.append("Smallest staffing found that makes every target PASS:")
                lines.append("  " + Format.pad("office", 40) + Format.right("now", 6) + Format.right("needed", 8) + Format.right("change", 8))
                var added = 0
                for bound in bounds {
                    let now = search.initial[bound.office] ?? 0, needed = solution[bound.office] ?? 0
                    let instances = max(1, scenario.offices.first { $0.id == bound.office }?.instances.count ?? 1)
                    added += (needed - now) * instances
                    let name = scenario.offices.first { $0.id == bound.office }?.name ?? bound.office
                    lines.append("  " + Format.pad(name + (instances > 1 ? " (each of \(instances))" : ""), 40) + Format.right(String(now), 6)
                                 + Format.right(String(needed), 8) + Format.right((needed >= now ? "+" : "") + String(needed - now), 8))
                }
                lines.append("  total staff change: \(added >= 0 ? "+" : "")\(added)")
            } else {
                lines.append("No staffing within the bounds makes every target pass; the targets still failing at the upper bounds:")
                for t in search.finalSummary?.targets ?? [] where t.verdict != .pass {
                    lines.append("  \(t.label)\(t.fieldName.map { " — \($0)" } ?? ""): \(Format.percent(t.estimate.mean))")
                }
            }
            print(lines.joined(separator: "\n"))
            exit(0)
        } catch {
            printError("internal error: \(error.description)")
            exit(ExitStatus.internalError.rawValue)
        }
    }
}
