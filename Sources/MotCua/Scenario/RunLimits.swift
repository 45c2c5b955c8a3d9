/// What one replication may ask of the machine, checked before anything runs: a run that
/// could not finish in reasonable time or memory is refused with what would fit, instead of
/// running for days or exhausting memory.
public enum RunLimits {
    /// Dossiers one replication may receive: 100 million is a few minutes of simulation at the
    /// measured ~0.6–1 million dossiers a second per core (`motcua bench`). Memory grows with
    /// the dossiers in progress, so even a scenario whose offices can never catch up stays
    /// within about 10 GiB (some 100 bytes a waiting dossier).
    public static let dossiersPerReplication = 100_000_000.0
    /// Dossiers over all replications of one command (about a day of computing on two cores).
    public static let dossiersPerExperiment = 50_000_000_000.0

    /// Expected dossiers of one replication (arrivals plus the opening backlog).
    public static func expectedDossiers(_ scenario: Scenario) -> Double {
        scenario.procedures.reduce(0.0) { $0 + $1.yearlyVolume } * Double(scenario.horizon.days) / 365.25
            + Double(scenario.backlog.reduce(0) { $0 + $1.count })
    }

    /// A message when `replications` of `scenario` would not fit, saying how many would.
    public static func replicationProblem(_ scenario: Scenario, replications: Int) -> String? {
        let each = Swift.max(expectedDossiers(scenario), 1)
        guard Double(replications) * each > dossiersPerExperiment else { return nil }
        return "\(replications) replications of about \(Format.count(Int(each))) dossiers each exceed the limit of \(Format.count(Int(dossiersPerExperiment))) dossiers for one command (about a day of computing); at most \(Int(dossiersPerExperiment / each)) replications fit — or split them with --shard"
    }

    /// Offices after expanding ward instances.
    public static let offices = 50_000

    /// The problem with `scenario`, if it exceeds a limit.
    static func problem(_ scenario: Scenario) -> ScenarioIssue? {
        let arrivals = expectedDossiers(scenario)
        if arrivals > dossiersPerReplication {
            let fitDays = Int(dossiersPerReplication / Swift.max(arrivals / Double(scenario.horizon.days), 1e-9))
            return ScenarioIssue(path: "procedures", message: "about \(Format.count(Int(arrivals))) dossiers in one replication; the limit is \(Format.count(Int(dossiersPerReplication))) (a few minutes of simulation and at most about 10 GiB). At these volumes a horizon of at most \(Format.count(fitDays)) days fits; shorten the horizon, lower the volumes, or split the study into several runs")
        }
        let instances = scenario.offices.reduce(0) { $0 + Swift.max(1, $1.instances.count) }
        if instances > offices {
            return ScenarioIssue(path: "offices", message: "\(Format.count(instances)) offices after expanding the instances; the limit is \(Format.count(offices))")
        }
        return nil
    }
}
