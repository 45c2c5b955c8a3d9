import Foundation
import Testing
@testable import MotCua

/// Run-size limits, checked on the scenario as it will run, for every command (issue #15 items 5, 7).
@Suite("Run-size limits after --load, overlays and --set")
struct RunLimitTests {
    static let goVap = "scenarios/go-vap-2024.json"

    /// Runs motcua with `arguments` and a 60 s alarm: a refused command returns at once, one that
    /// starts the work would take far longer (and gigabytes) before the alarm.
    func refused(_ arguments: [String]) throws -> CommandLineTests.Outcome {
        let clock = ContinuousClock(), started = clock.now
        let outcome = try CommandLineTests().motcua(arguments)
        #expect(clock.now - started < .seconds(30), "\(arguments): not refused up front")
        return outcome
    }

    @Test("every command refuses a run over the per-replication limit once --load, --set or an overlay is applied",
          arguments: [
              ["run", goVap, "--set", "horizon.days=3653", "--load", "100"],
              ["validate", goVap, "--set", "horizon.days=3653", "--set", "procedures.0.yearlyVolume=1e9"],
              ["compare", goVap, "--variant", "scenarios/what-if/land-branch-minus-2.json", "--set", "horizon.days=3653",
               "--load", "100", "--replications", "2"],
              ["staff", goVap, "--office", "land-branch=15:16", "--set", "horizon.days=3653", "--load", "100",
               "--replications", "2"],
              ["sweep", goVap, "--load", "1000:1000:1", "--replications", "2"],
              ["sweep", goVap, "--load", "1:1e308:1e306", "--replications", "2"],
          ])
    func refusedUpFront(arguments: [String]) throws {
        let outcome = try refused(arguments)
        #expect(outcome.status == 2, "\(arguments): status \(outcome.status)\n\(outcome.errors)")
        #expect(outcome.errors.contains("the limit is 60,000,000"), "\(outcome.errors)")
        #expect(!outcome.errors.contains("Fatal error"))
    }

    @Test("a sweep whose points together exceed one command's dossiers is refused with the reason")
    func sweepTotalRefused() throws {
        // 201 points of about 0.54–1.1 million dossiers, 400 replications each: about 64 billion.
        let outcome = try refused(["sweep", RunLimitTests.goVap, "--load", "1:2:0.005", "--replications", "400"])
        #expect(outcome.status == 2 && outcome.errors.contains("201 loads × 400 replications"), "\(outcome.errors)")
    }

    @Test("the limits' messages never trap on huge numbers, and a sweep's points are bounded")
    func hugeNumbers() throws {
        var scenario = try ScenarioLoader.load(path: Repository.path(RunLimitTests.goVap))
        scenario = scenario.scalingLoad(by: 1e308)
        #expect(RunLimits.problem(scenario)?.message.contains("more than 10^15") == true)
        #expect(RunLimits.replicationProblem(scenario, replications: 3) != nil)
        #expect(LoadSweep.loads(from: 1, to: 1e308, step: 1e-300).count == 10_001)
        // The worst case — every dossier of a replication in progress at once — fits in 16 GiB.
        #expect(RunLimits.dossiersPerReplication * RunLimits.bytesPerDossierInProgress <= 16 * 1_073_741_824)
    }
}
