import Foundation
import Testing
@testable import MotCua

/// A sequential compare stops per variant when every target's verdict change is settled
/// (issue #20, docs/model.md §7.3).
@Suite("Compare: stop when every verdict change is decided")
struct VerdictChangeTests {
    static let plan = ReplicationPlan.adaptive(maximum: 40)

    @Test("both verdicts decided, an untouched target, a side on its threshold, and open")
    func decisions() {
        let result = { (values: [Double]) in FutilityStopTests.result(values, plan: Self.plan) }
        let clear = result([0.010, 0.011, 0.009, 0.010, 0.012]), worse = result([0.030, 0.031, 0.029, 0.030, 0.032])
        #expect(Self.plan.changeDecision(base: clear, variant: worse, difference: Estimate([0.02, 0.02, 0.02, 0.02, 0.02])) == .bothDecided)
        // On the threshold in both, and the variant leaves every replication's value as it was.
        let onThreshold = [0.014, 0.019, 0.024, 0.016, 0.022]
        let zero = Estimate(Array(repeating: 0, count: 5), confidence: Self.plan.confidence)
        #expect(Self.plan.changeDecision(base: result(onThreshold), variant: result(onThreshold), difference: zero) == .untouched)
        // The same values moved a little: no longer untouched. On 5 replications the mean itself is
        // too uncertain to call the maximum futile (CompareHonestyTests); on 20 it sits on the threshold.
        let moved = onThreshold.map { $0 + 0.0005 }
        let small = Estimate(zip(moved, onThreshold).map { $0 - $1 }.enumerated().map { $1 + Double($0) * 1e-5 }, confidence: Self.plan.confidence)
        #expect(Self.plan.changeDecision(base: result(onThreshold), variant: result(moved), difference: small) == .open)
        let twenty = (0..<4).flatMap { _ in onThreshold }, twentyMoved = (0..<4).flatMap { _ in moved }
        let smallTwenty = Estimate(zip(twentyMoved, twenty).map { $0 - $1 }.enumerated().map { $1 + Double($0) * 1e-5 }, confidence: Self.plan.confidence)
        #expect(Self.plan.changeDecision(base: result(twenty), variant: result(twentyMoved), difference: smallTwenty) == .sitsOnThreshold)
        // Undecided but decidable by the maximum: the variant runs on.
        let decidable = result([0.011, 0.016, 0.021, 0.013, 0.019])
        #expect(Self.plan.changeDecision(base: clear, variant: decidable, difference: small) == .open)
    }

    @Test("a decided change is right: base passes, the variant fails, both near the threshold, paired")
    func decidedChangesAreRight() {
        // True late shares 1.6% (PASS against < 2%) and 2.4% (FAIL), a common spread of 0.4 points
        // and 0.2 points of the variant's own: the case where an early, lucky interval would mislead.
        var rng = SplitMix64(state: 4)
        var known = 0, wrong = 0
        for _ in 0..<2000 {
            let common = FutilityStopTests.normals(40, mean: 0, sd: 0.004, rng: &rng)
            let own = FutilityStopTests.normals(40, mean: 0, sd: 0.002, rng: &rng)
            let base = common.map { 0.016 + $0 }, variant = zip(common, own).map { 0.024 + $0 + $1 }
            for look in Self.plan.looks {
                let b = FutilityStopTests.result(Array(base.prefix(look)), plan: Self.plan)
                let v = FutilityStopTests.result(Array(variant.prefix(look)), plan: Self.plan)
                let d = Estimate(zip(variant.prefix(look), base.prefix(look)).map { $0 - $1 }, confidence: Self.plan.confidence)
                let decision = Self.plan.changeDecision(base: b, variant: v, difference: d)
                guard decision.isSettled || look == Self.plan.maximum else { continue }
                if decision.isKnown {
                    known += 1
                    if b.verdict != .pass || v.verdict != .fail { wrong += 1 }
                }
                break
            }
        }
        #expect(known > 1000, "known \(known)")
        // Each verdict is wrong with at most 5%, so the change with at most 10% (union bound).
        #expect(Double(wrong) / Double(known) <= 0.10, "wrong \(wrong) of \(known)")
    }

    /// M/M/3 with impatient customers (mean patience 2 min) at λ = 3.6/min, μ = 1/min: more
    /// customers arrive than three servers can serve, so at least (3.6 − 3)/3.6 ≈ 16.7% leave;
    /// with 8 servers almost nobody waits. Against "withdrawn ≤ 5%": FAIL, and PASS with 8.
    static func model(staff: Int, source: String = "validation model, not a real office") throws -> SimulationModel {
        let text = try String(contentsOfFile: Repository.path("scenarios/validation/mmc.json"), encoding: .utf8)
        let overlay = try JSONParser.parse(Array("""
            {"horizon": {"days": 2, "warmUpDays": 0},
             "offices": [{"id": "desk", "staff": \(staff), "source": "\(source)", "patience": {"type": "exponential", "mean": 2}}],
             "targets": [{"id": "withdrawn", "label": "Withdrawn at most 5%", "measure": "withdrawnRate", "comparator": "<=", "threshold": 0.05}]}
            """.utf8))
        let document = try JSONParser.parse(Array(text.utf8)).overlaid(with: overlay)
        return SimulationModel(scenario: try ScenarioLoader.decode(document, file: "mmc-verdict-change", directory: Repository.path("scenarios/validation")))
    }

    @Test("M/M/c: a variant that changes nothing and one that changes a lot both stop at the first look, with the known answers")
    func mmcKnownAnswers() async throws {
        let base = try Self.model(staff: 3)
        let same = try Self.model(staff: 3, source: "what-if: the same staff")
        let eight = try Self.model(staff: 8)
        let plan = ReplicationPlan.adaptive(maximum: 20)
        let comparison = try await Comparison.run(names: ["base", "same", "eight"], models: [base, same, eight], seed: 11, plan: plan,
                                                  jobs: 2, results: nil)
        #expect(comparison.outcomes.map(\.used) == [5, 5, 5])
        #expect(comparison.outcomes.dropFirst().allSatisfy { $0.reason == .decided })
        let unchanged = try #require(comparison.changes[0].first)
        #expect(unchanged.decision == .bothDecided && unchanged.difference.low == 0 && unchanged.difference.high == 0)
        let withdrawn = try #require(comparison.summaries[0].targets.first)
        #expect(withdrawn.verdict == .fail && withdrawn.estimate.low > 0.16)
        #expect(comparison.summaries[2].targets.first?.verdict == .pass)
        #expect(comparison.verdictChanges.map(\.variant) == [2])
        #expect(comparison.changes[1].first?.settledAt == 5)
        // The same answers with one job: the pool of base and variant replications keeps the results.
        let alone = try await Comparison.run(names: ["base", "same", "eight"], models: [base, same, eight], seed: 11, plan: plan,
                                             jobs: 1, results: nil)
        #expect(alone.summaries.map { $0.targets.map(\.estimate) } == comparison.summaries.map { $0.targets.map(\.estimate) })
    }
}
