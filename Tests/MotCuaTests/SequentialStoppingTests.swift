import Foundation
import Testing
@testable import MotCua

/// `--replications auto`: the sequential rule keeps its intervals honest, and its answers do not
/// depend on the cores (issue #20).
@Suite("Sequential replications: coverage and determinism")
struct SequentialStoppingTests {
    @Test("auto, auto:MAX and auto:MAX:PRECISION are read; looks and the spent level follow")
    func plans() {
        #expect(ReplicationPlan.parse("7", range: 2...100) == .fixed(7))
        #expect(ReplicationPlan.parse("1", range: 2...100) == nil)
        #expect(ReplicationPlan.parse("auto:1", range: 2...100) == nil)
        #expect(ReplicationPlan.parse("auto:40:0", range: 2...100) == nil)
        #expect(ReplicationPlan.parse("auto:banana", range: 2...100) == nil)
        let plan = ReplicationPlan.parse("auto:40", range: 2...100)
        #expect(plan?.looks == [5, 10, 15, 20, 25, 30, 35, 40])
        #expect(abs((plan?.confidence ?? 0) - (1 - 0.05 / 8)) < 1e-12)
        #expect(ReplicationPlan.parse("auto", range: 2...100)?.maximum == 40)
        #expect(ReplicationPlan.parse("auto:12:0.01", range: 2...100)?.looks == [5, 10, 12])
        #expect(ReplicationPlan.fixed(10).confidence == 0.95 && !ReplicationPlan.fixed(10).isAdaptive)
    }

    @Test("Student t quantiles at any level match the tables")
    func quantiles() {
        for df in 1...30 {
            #expect(abs(Estimate.tQuantile(twoSided: 0.95, degreesOfFreedom: df) - Estimate.tQuantile975(degreesOfFreedom: df)) < 2e-4)
        }
        // Two-sided 99%: 63.657 (1), 4.604 (4), 2.750 (30); 99.9% at 10: 4.587.
        #expect(abs(Estimate.tQuantile(twoSided: 0.99, degreesOfFreedom: 1) - 63.657) < 1e-3)
        #expect(abs(Estimate.tQuantile(twoSided: 0.99, degreesOfFreedom: 4) - 4.604) < 1e-3)
        #expect(abs(Estimate.tQuantile(twoSided: 0.99, degreesOfFreedom: 30) - 2.750) < 1e-3)
        #expect(abs(Estimate.tQuantile(twoSided: 0.999, degreesOfFreedom: 10) - 4.587) < 1e-3)
    }

    /// Runs the sequential rule of `plan` on draws of `sample` against `threshold` (an upper
    /// limit) and returns the share of experiments whose final interval covers `truth`.
    static func coverage(plan: ReplicationPlan, confidence: Double, trials: Int, truth: Double, threshold: Double,
                         sample: (Int, Int) -> Double) -> Double {
        var covered = 0
        for trial in 0..<trials {
            var values: [Double] = []
            for look in plan.looks {
                while values.count < look { values.append(sample(trial, values.count)) }
                let estimate = Estimate(values, confidence: confidence)
                if estimate.high < threshold || estimate.low > threshold || look == plan.maximum {
                    if estimate.contains(truth) { covered += 1 }
                    break
                }
            }
        }
        return Double(covered) / Double(trials)
    }

    @Test("spending 5% over the looks keeps the final interval's coverage; 95% at every look does not")
    func coverageOfTheRule() {
        // Normal values whose mean sits just inside the threshold: the case where looking often
        // and stopping at the first clear interval hurts most.
        let plan = ReplicationPlan.adaptive(maximum: 40)
        var rng = SplitMix64(state: 2026)
        var draws: [[Double]] = []
        for _ in 0..<4000 {
            draws.append((0..<40).map { _ in
                // Box–Muller from two uniforms.
                let u = Double(rng.next() >> 11) / Double(1 << 53), v = Double(rng.next() >> 11) / Double(1 << 53)
                return 1 + (-2 * log(Swift.max(u, 1e-300))).squareRoot() * cos(2 * .pi * v)
            })
        }
        let honest = Self.coverage(plan: plan, confidence: plan.confidence, trials: draws.count, truth: 1, threshold: 1.5) { draws[$0][$1] }
        let naive = Self.coverage(plan: plan, confidence: 0.95, trials: draws.count, truth: 1, threshold: 1.5) { draws[$0][$1] }
        #expect(honest >= 0.95, "coverage \(honest)")
        #expect(naive < honest, "naive \(naive), honest \(honest)")
    }

    @Test("M/M/1 against queueing theory: the sequential interval covers Wq = 4 minutes at least 95% of the time (within sampling)")
    func coverageOnMM1() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/validation/mm1.json"), overlays: [], settings: [
            ("horizon.days", "3"),
        ])
        let model = SimulationModel(scenario: scenario)
        let plan = ReplicationPlan.adaptive(maximum: 20)
        let trials = 80
        // One pool of replications per trial seed, enough for the last look.
        var waits: [[Double]] = []
        for trial in 0..<trials {
            let results = try await Experiment.run(model: model, seed: UInt64(1000 + trial), replications: plan.maximum, jobs: 2)
            waits.append(results.map { $0.offices[0].meanWait })
        }
        // Decide "Wq ≤ 4.5": true, but close enough that many trials need several looks.
        let covered = Self.coverage(plan: plan, confidence: plan.confidence, trials: trials, truth: 4, threshold: 4.5) { waits[$0][$1] }
        // At 95% true coverage, 80 trials give fewer than 71 covering with probability < 1%.
        #expect(covered >= 71.0 / 80.0, "coverage \(covered)")
    }

    @Test("auto gives the same replications, summary and stop whatever the jobs")
    func coreIndependent() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/validation/mm1.json"), overlays: [], settings: [
            ("horizon.days", "3"),
            ("targets", #"[{"id": "on-time", "label": "On time", "measure": "onTimeRate", "comparator": ">=", "threshold": 0.5}]"#),
        ])
        let model = SimulationModel(scenario: scenario)
        let plan = ReplicationPlan.adaptive(maximum: 15)
        let one = try await Experiment.run(model: model, seed: 5, plan: plan, jobs: 1, store: nil)
        let two = try await Experiment.run(model: model, seed: 5, plan: plan, jobs: 2, store: nil)
        #expect(one.outcome == two.outcome)
        #expect(one.outcome.reason == .decided && one.outcome.used == 5)
        #expect(one.results.map { $0.offices[0].meanWait } == two.results.map { $0.offices[0].meanWait })
    }
}
