import Foundation
import Testing
@testable import MotCua

/// Issue #20 and review 2 #10, #17: a compare says "undecided" only on an honest projection and
/// stops as soon as it can; a verdict change that is noise is marked; the level of sequential
/// intervals is printed, never passed off as 95%.
@Suite("Compare: honest futility, noise-only changes, the level of sequential intervals")
struct CompareHonestyTests {
    static let plan = ReplicationPlan.adaptive(maximum: 40)

    static func result(_ values: [Double]) -> TargetResult { FutilityStopTests.result(values, plan: plan) }

    @Test("the projection weighs the mean's own uncertainty: 5 replications near 2% are not out of reach of 40, 20 on the threshold are")
    func projectionOfOneTarget() throws {
        // Mean 1.9%, spread 0.4 points: "the mean stays put" calls it out of reach of 40.
        let early = Self.result([0.014, 0.019, 0.024, 0.016, 0.022])
        #expect(Self.plan.cannotBeDecided(early))
        let projection = try #require(Self.plan.projection(early))
        #expect(projection.chanceToDecide > 0.2 && !projection.isOutOfReach, "chance \(projection.chanceToDecide)")
        #expect(projection.used == 5 && projection.maximum == 40)
        // Twenty replications about the threshold itself: out of reach.
        var rng = SplitMix64(state: 7)
        let values = FutilityStopTests.normals(20, mean: 0.02, sd: 0.004, rng: &rng)
        let late = Self.result(values.map { $0 - values.reduce(0, +) / 20 + 0.0199 })
        #expect(late.verdict == .atRisk)
        #expect(Self.plan.projection(late)?.isOutOfReach == true)
        // Decided, fixed or at the maximum: no projection.
        #expect(Self.plan.projection(Self.result([0.010, 0.011, 0.009, 0.010, 0.012])) == nil)
        #expect(ReplicationPlan.fixed(5).projection(early) == nil)
    }

    @Test("out of reach is rarely wrong: with a true mean that 40 replications decide half the time, few experiments are called futile and 40 would have decided few of those")
    func futilityIsHonest() {
        // Late share below 2%, spread 0.5 points: at 40 the half-width is about 0.23 points, so
        // a true mean of 1.77% is decided at 40 about half the time.
        var rng = SplitMix64(state: 20)
        let experiments = 2000
        var futile = 0, wronglyFutile = 0, oldFutile = 0, oldWrong = 0
        for _ in 0..<experiments {
            let values = FutilityStopTests.normals(40, mean: 0.0177, sd: 0.005, rng: &rng)
            let decidedAtMaximum = Self.result(values).isDecided
            var calledNew = false, calledOld = false
            for look in Self.plan.looks.dropLast() {
                let target = Self.result(Array(values.prefix(look)))
                if target.isDecided { break }
                if !calledNew, Self.plan.projection(target)?.isOutOfReach == true { calledNew = true }
                if !calledOld, Self.plan.cannotBeDecided(target) { calledOld = true }
            }
            if calledNew { futile += 1; if decidedAtMaximum { wronglyFutile += 1 } }
            if calledOld { oldFutile += 1; if decidedAtMaximum { oldWrong += 1 } }
        }
        // "Projected: 40 would not decide it" is wrong for at most a tenth of all experiments
        // (measured: 76 of 2,000, of 748 called futile; the old rule 572 of 1,445),
        // where the rule "the mean stays put" is wrong far more often.
        #expect(Double(wronglyFutile) / Double(experiments) <= 0.10, "wrongly futile \(wronglyFutile) of \(futile)")
        #expect(oldWrong > 2 * wronglyFutile, "old rule wrong \(oldWrong) of \(oldFutile); new \(wronglyFutile) of \(futile)")
    }

    @Test("a variant stops as soon as one verdict change is out of reach, with others still open")
    func stopsAsSoonAsOutOfReach() {
        let zero = Estimate([0, 0], confidence: Self.plan.confidence)
        func change(_ decision: ChangeDecision) -> TargetChange {
            TargetChange(target: "t", decision: decision, difference: zero, settledAt: decision.isSettled ? 20 : nil)
        }
        #expect(Self.plan.compareStop([change(.sitsOnThreshold), change(.open)], own: [], atLook: 20) == .futile)
        #expect(Self.plan.compareStop([change(.open), change(.bothDecided)], own: [], atLook: 20) == nil)
        #expect(Self.plan.compareStop([change(.open)], own: [], atLook: 40) == .maximum)
        #expect(Self.plan.compareStop([change(.untouched), change(.bothDecided)], own: [], atLook: 5) == .changesDecided)
        #expect(Self.plan.compareStop([change(.bothDecided)], own: [], atLook: 5) == .decided)
        #expect(ReplicationPlan.fixed(10).compareStop([change(.open)], own: [], atLook: 10) == .fixed)
    }

    @Test("a verdict change whose paired difference straddles 0 is not significant (review 2 #10)")
    func noiseOnlyChange() {
        // The review's case: apologised 86.11% → 89.62%, difference +3.51 (−61.77 … +68.79).
        let noise = Estimate([0.61, -0.54], confidence: 0.95)
        #expect(noise.low < 0 && noise.high > 0)
        #expect(!Comparison.VerdictChange.isSignificant(difference: noise, sameRule: true))
        #expect(Comparison.VerdictChange.isSignificant(difference: Estimate([-0.016, -0.017, -0.015], confidence: 0.95), sameRule: true))
        // Judged against another threshold, the change is the variant's own rule, not noise.
        #expect(Comparison.VerdictChange.isSignificant(difference: noise, sameRule: false))
    }

    @Test("the differences chart is not scaled by one huge whisker: it is clipped with a mark (review 2 #10)")
    func chartClipsAnOutlier() {
        let items = [
            IntervalItem(label: "land late", mean: 0.0161, low: 0.0061, high: 0.0260),
            IntervalItem(label: "apologised", mean: 0.0351, low: -0.6177, high: 0.6879),
            IntervalItem(label: "land on time", mean: -0.0161, low: -0.0260, high: -0.0061),
            IntervalItem(label: "construction", mean: -0.001, low: -0.004, high: 0.002),
        ]
        #expect(DocumentCharts.clippedIntervals(items) == [1])
        let svg = DocumentCharts.intervals(id: "c", title: "t", axisTitle: "a", items: items, quantity: .points, reference: 0, .en)
        #expect(svg.contains("class=\"clipped\""))
        #expect(svg.contains("interval runs on beyond the chart"))
        // The scale is set by the others (a few points), not by ±60 points.
        #expect(!svg.contains(">+60<") && !svg.contains(">−60<"))
        // Intervals of like widths are all drawn whole.
        #expect(DocumentCharts.clippedIntervals(Array(items[0..<1] + items[2..<4])).isEmpty)
    }

    @Test("the level of sequential intervals is in the text, the JSON and the CSV, in both languages (review 2 #17)")
    func levelIsPrinted() throws {
        let base = Provenance(scenarioName: "S", scenarioNameVi: nil, file: "s.json", fingerprint: 1, overlays: [], settings: [], load: 1,
                              seed: 1, replications: 10, warmUpDays: 0, produced: CivilDate(dayNumber: 0))
        let sequential = base.withLevel(of: .adaptive(maximum: 10))
        #expect(sequential.looks == 2 && sequential.confidence == 0.975)
        let english = try #require(sequential.items(.en).first { $0.key == "level" })
        #expect(english.value.contains("97.50%") && english.value.contains("2 looks") && english.value.contains("docs/experiments.md"))
        #expect(sequential.items(.vi).first { $0.key == "level" }?.value.contains("97,50%") == true)
        #expect(sequential.lines(.en).joined().contains("Intervals: 97.50%"))
        #expect(JSONWriter.text(sequential.json).contains("\"level\": 0.975"))
        // A fixed number: 95%, in the data always, in the text only when it is not 95%.
        let fixed = base.withLevel(of: .fixed(10))
        #expect(!fixed.items(.en).contains { $0.key == "level" })
        #expect(JSONWriter.text(fixed.json).contains("\"level\": 0.95"))
        #expect(fixed.table(.en).rows.contains { $0.first == .text("level") })
        // A futility stop reads as a projection, not as if the maximum had been run.
        #expect(StopReason.futile.explanation.contains("projected, not run"))
        #expect(StopReason.futile.explanationVi.contains("dự báo"))
    }
}
