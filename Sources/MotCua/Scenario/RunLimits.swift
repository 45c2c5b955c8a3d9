/// What one replication may ask of the machine, checked before anything runs: a run that
/// could not finish in reasonable time or memory is refused with what would fit, instead of
/// running for days or exhausting memory.
///
/// The checks apply to the scenario as it will run — after overlays, `--set` and `--load` —
/// for every command that simulates (``problem(_:)``, ``replicationProblem(_:replications:)``,
/// ``experimentProblem(_:replications:)``, ``sweepProblem(_:loads:replications:)``).
///
/// Memory grows with the dossiers in progress at once (finished dossiers free their slot).
/// Measured with `/usr/bin/time -f %M` (release build, `motcua-model/4`):
/// - Gò Vấp with a 10-million-dossier opening backlog (`--set horizon.days=5 --set
///   backlog.0.count=10000000`): 1.66 GB, **166 bytes a dossier** (3.10 GB, 310 bytes, before
///   the end-of-run copy of every open record was removed, the backlog reserved at once, the
///   store grown by half instead of doubled and a queue place cut from 40 to 32 bytes);
/// - M/M/1 that never catches up (`scenarios/validation/mm1.json --set horizon.days=3653
///   --load 4`): 11.6 million in progress at the end, 1.73 GB, **149 bytes a dossier**.
/// A dossier in progress is its 56-byte record and a 32-byte queue place (or a 32-byte
/// event); the rest is the buffers' growth slack, up to about 240 bytes at the instant a buffer
/// is copied to grow. The worst case, every dossier of a replication in progress at once, is
/// `dossiersPerReplication × bytesPerDossierInProgress` ≈ 14 GiB: within 16 GiB, so that it
/// fits on a 24 GiB machine.
public enum RunLimits {
    /// Peak memory per dossier in progress (bytes), the measured 149–166 rounded up past the
    /// growth slack's worst instant: the dossier's record, its place in an office's queue or its
    /// pending event, and the slack of those buffers.
    public static let bytesPerDossierInProgress = 250.0
    /// Dossiers one replication may receive: a few minutes of simulation at the measured
    /// 0.3–1 million dossiers a second per core (`motcua bench`), and at most
    /// 60 million × 250 bytes ≈ 14 GiB even if none of them ever finishes.
    public static let dossiersPerReplication = 60_000_000.0
    /// Dossiers over all replications of one command (about a day of computing on two cores).
    public static let dossiersPerExperiment = 50_000_000_000.0

    /// Expected dossiers of one replication (arrivals plus the opening backlog).
    public static func expectedDossiers(_ scenario: Scenario) -> Double {
        // The yearly volume is spread over the year from the horizon start (docs/model.md §2.1).
        let start = scenario.horizon.start, days = Swift.max(scenario.horizon.days, 0)
        var shares: [(profile: LoadProfile, share: Double)] = []
        return scenario.procedures.reduce(0.0) { sum, procedure in
            let profile = procedure.load ?? scenario.load
            let share = shares.first { $0.profile == profile }?.share ?? profile.shareOfYear(from: start, days: days)
            if !shares.contains(where: { $0.profile == profile }) { shares.append((profile, share)) }
            return sum + procedure.yearlyVolume * share
        } + Double(scenario.backlog.reduce(0) { $0 + $1.count })
    }

    /// A count for a message, whatever its size (an `Int` conversion of 1e300 would trap).
    static func describe(_ count: Double) -> String {
        count.isFinite && count < 1e15 ? Format.count(Int(count.rounded())) : "more than 10^15"
    }

    /// A message when `replications` of `scenario` would not fit, saying how many would.
    public static func replicationProblem(_ scenario: Scenario, replications: Int) -> String? {
        experimentProblem([scenario], replications: replications)
    }

    /// A message when `replications` of each of `scenarios` (a comparison's base and variants,
    /// a search's evaluation) would exceed the dossiers of one command, saying how many fit.
    public static func experimentProblem(_ scenarios: [Scenario], replications: Int) -> String? {
        let each = Swift.max(scenarios.reduce(0.0) { $0 + expectedDossiers($1) }, 1)
        guard Double(replications) * each > dossiersPerExperiment else { return nil }
        let what = scenarios.count == 1 ? "" : " of each of the \(scenarios.count) scenarios"
        let fit = each > dossiersPerExperiment ? "none" : "at most \(Int(dossiersPerExperiment / each))"
        return "\(replications) replications\(what) of about \(describe(each / Double(scenarios.count))) dossiers each exceed the limit of \(describe(dossiersPerExperiment)) dossiers for one command (about a day of computing); \(fit) replications fit — or split them with --shard"
    }

    /// A message when a load sweep of `scenario` over `loads` would not fit: the largest load
    /// must fit one replication, and all the points together one command.
    public static func sweepProblem(_ scenario: Scenario, loads: [Double], replications: Int) -> String? {
        guard let largest = loads.max() else { return nil }
        let base = expectedDossiers(scenario.scalingLoad(by: 1))
        let top = scenario.scalingLoad(by: largest)
        if let issue = problem(top) {
            let fitting = base > 0 ? dossiersPerReplication / base : .infinity
            return "at the largest load, \(largest)×: \(issue.message); loads up to about \(fitting < 1e6 ? Format.fixed(fitting, 2) + "×" : "any") fit"
        }
        let total = loads.reduce(0.0) { $0 + expectedDossiers(scenario.scalingLoad(by: $1)) } * Double(replications)
        guard total > dossiersPerExperiment else { return nil }
        return "\(loads.count) loads × \(replications) replications come to about \(describe(total)) dossiers, over the limit of \(describe(dossiersPerExperiment)) for one command (about a day of computing); use fewer loads or replications"
    }

    /// Offices after expanding ward instances.
    public static let offices = 50_000

    /// The problem with `scenario` as it will run (after `--load`), if it exceeds a limit.
    public static func problem(_ scenario: Scenario) -> ScenarioIssue? {
        let arrivals = expectedDossiers(scenario)
        if !(arrivals <= dossiersPerReplication) {
            let perDay = arrivals / Double(Swift.max(scenario.horizon.days, 1))
            let fitDays = perDay.isFinite ? Swift.max(0, (dossiersPerReplication / Swift.max(perDay, 1e-9)).rounded(.down)) : 0
            let amount = arrivals < 1e15 ? "about \(describe(arrivals))" : "more than 10^15"
            let horizon = fitDays >= 1 ? "a horizon of at most \(describe(fitDays)) days fits" : "no horizon fits"
            return ScenarioIssue(path: "procedures", message: "\(amount) dossiers in one replication; the limit is \(describe(dossiersPerReplication)) (a few minutes of simulation, and at most about \(Int(dossiersPerReplication * bytesPerDossierInProgress / 1_073_741_824 + 0.5)) GiB of memory if none finished). At these volumes \(horizon); shorten the horizon, lower the volumes or the load, or split the study into several runs")
        }
        let instances = scenario.offices.reduce(0) { $0 + Swift.max(1, $1.instances.count) }
        if instances > offices {
            return ScenarioIssue(path: "offices", message: "\(Format.count(instances)) offices after expanding the instances; the limit is \(Format.count(offices))")
        }
        return nil
    }
}
