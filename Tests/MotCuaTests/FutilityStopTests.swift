import Foundation
import Testing
@testable import MotCua

/// The futility stop of `--replications auto` and the staffing search's rule that one missed
/// replication settles a verdict (issue #20).
@Suite("Futility stop and one-miss rule")
struct FutilityStopTests {
    static let spec = TargetSpec(id: "late", label: "Late below 2%", labelVi: nil, measure: .lateRate, field: nil, office: nil,
                                 level: nil, comparator: .below, threshold: 0.02)

    /// The target result of `values` at the plan's level, as a summary would give it.
    static func result(_ values: [Double], plan: ReplicationPlan, spec: TargetSpec = spec) -> TargetResult {
        let estimate = Estimate(values, confidence: plan.confidence)
        return TargetResult(id: spec.id, label: spec.label, labelVi: nil, measure: spec.measure, fieldName: nil, fieldNameVi: nil,
                            comparator: spec.comparator, threshold: spec.threshold, estimate: estimate, denominator: estimate,
                            verdict: ExperimentSummary.verdict(estimate, spec, replicated: values.count > 1), inputDriven: nil, gaveUpAtDesk: nil)
    }

    static func normals(_ count: Int, mean: Double, sd: Double, rng: inout SplitMix64) -> [Double] {
        (0..<count).map { _ in
            let u = Double(rng.next() >> 11) / Double(1 << 53), v = Double(rng.next() >> 11) / Double(1 << 53)
            return mean + sd * (-2 * log(Swift.max(u, 1e-300))).squareRoot() * cos(2 * .pi * v)
        }
    }

    @Test("a verdict sitting on its threshold stops at the first look as futile; one the maximum could decide runs on")
    func futileStop() {
        let plan = ReplicationPlan.adaptive(maximum: 40)
        // Land late at the threshold's edge: mean 1.9%, spread 0.5 points on 5 replications.
        let onThreshold = Self.result([0.014, 0.019, 0.024, 0.016, 0.022], plan: plan)
        #expect(onThreshold.verdict == .atRisk)
        #expect(plan.cannotBeDecided(onThreshold))
        #expect(plan.stop([onThreshold], atLook: 5) == .futile)
        // The same spread 0.4 points further from the threshold: 40 replications would decide it.
        let decidable = Self.result([0.011, 0.016, 0.021, 0.013, 0.019], plan: plan)
        #expect(decidable.verdict == .atRisk)
        #expect(!plan.cannotBeDecided(decidable))
        #expect(plan.stop([decidable], atLook: 5) == nil)
        // Futility stops only when every undecided verdict is futile, never with a fixed count,
        // and the last look stops for the maximum as before.
        #expect(plan.stop([onThreshold, decidable], atLook: 5) == nil)
        #expect(ReplicationPlan.fixed(5).stop([onThreshold], atLook: 5) == .fixed)
        #expect(!ReplicationPlan.fixed(5).cannotBeDecided(onThreshold))
        let short = ReplicationPlan.adaptive(maximum: 10)
        #expect(short.stop([Self.result([0.014, 0.019, 0.024, 0.016, 0.022, 0.018, 0.021, 0.017, 0.023, 0.02], plan: short)], atLook: 10) == .maximum)
    }

    @Test("with the futility stop, the interval at the stop still covers the true value at least 95% of the time")
    func coverageWithFutility() {
        // The true mean on the threshold: the case the futility stop is for, and where a rule
        // that stopped on a lucky early interval would under-cover.
        let plan = ReplicationPlan.adaptive(maximum: 40)
        var rng = SplitMix64(state: 20)
        var covered = 0, futile = 0
        let trials = 4000
        for _ in 0..<trials {
            let draws = Self.normals(40, mean: 0.02, sd: 0.005, rng: &rng)
            for look in plan.looks {
                let target = Self.result(Array(draws.prefix(look)), plan: plan)
                if let reason = plan.stop([target], atLook: look) {
                    if reason == .futile { futile += 1 }
                    if target.estimate.contains(0.02) { covered += 1 }
                    break
                }
            }
        }
        #expect(futile > trials / 2, "futile stops \(futile)")
        #expect(Double(covered) / Double(trials) >= 0.95, "coverage \(Double(covered) / Double(trials))")
    }

    @Test("with at most 4 replications, one replication past the threshold rules out PASS; with 5 it does not")
    func oneMissRule() {
        #expect(StaffingEvaluator.oneMissRulesOut(.fixed(2)))
        #expect(StaffingEvaluator.oneMissRulesOut(.fixed(3)))
        #expect(StaffingEvaluator.oneMissRulesOut(.fixed(4)))
        #expect(!StaffingEvaluator.oneMissRulesOut(.fixed(5)))
        #expect(!StaffingEvaluator.oneMissRulesOut(.adaptive(maximum: 40)))
        // Whatever the other values, a first value past the threshold leaves the interval past it.
        var rng = SplitMix64(state: 7)
        for count in 2...4 {
            for _ in 0..<2000 {
                let first = 0.02 + Double(rng.next() >> 11) / Double(1 << 53) * 0.01
                let others = Self.normals(count - 1, mean: 0.005, sd: 0.004, rng: &rng).map { Swift.max(0, $0) }
                #expect(Self.result([first] + others, plan: .fixed(count)).verdict != .pass)
            }
        }
        // With 5, four clearly passing values can carry one that misses.
        #expect(Self.result([0.021, 0.001, 0.001, 0.001, 0.001], plan: .fixed(5)).verdict == .pass)
    }
}
