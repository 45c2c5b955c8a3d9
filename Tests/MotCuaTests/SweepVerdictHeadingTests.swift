import Testing
@testable import MotCua

/// The sweep's headline heads each target that passes at no load by its verdict at the lowest
/// load, in both directions: a FAIL under "Không đạt" / "Failing", an AT RISK under "Có rủi ro" /
/// "At risk", never the other (review 3 #12; the last session's note: the earlier test held one
/// target, so it could not catch an at-risk target headed "Không đạt").
@Suite("Sweep headline: failing and at-risk targets under their own heading")
struct SweepVerdictHeadingTests {
    /// The load sweeps' desk and department (``ExperimentTests/scenario()``), the department
    /// with 2 people for about 3 people's work so that the on-time rate varies between
    /// replications, and `targets` on the on-time rate: (id, label, Vietnamese label, threshold).
    func scenario(targets: [(String, String, String, Double)]) throws -> Scenario {
        var scenario = try ExperimentTests().scenario()
        scenario.offices[0].staff = 3
        scenario.offices[1].staff = 2
        scenario.targets = targets.map { id, label, labelVi, threshold in
            TargetSpec(id: id, label: label, labelVi: labelVi, measure: .onTimeRate, field: nil, office: nil, level: nil,
                       comparator: .atLeast, threshold: threshold)
        }
        return scenario
    }

    @Test("one target failing and one at risk at the lowest load, neither passing higher: each under its own heading")
    func bothDirections() async throws {
        let probe = SimulationModel(scenario: try scenario(targets: [("probe", "probe", "thử", 0.5)]))
        let results = try await Experiment.run(model: probe, seed: 4, replications: 3, jobs: 2)
        let rate = try #require(ExperimentSummary(model: probe, seed: 4, results: results).targets.first).estimate
        try #require(rate.low < rate.high && rate.high < 0.99, "the on-time rate must vary and stay below 99%: \(rate)")

        // The same replications judged against a threshold above the whole interval (FAIL) and
        // one inside it (AT RISK).
        let judged = try scenario(targets: [("out-of-reach", "Out of reach", "Ngoài tầm", rate.high + 0.005),
                                            ("on-the-edge", "On the edge", "Sát ngưỡng", (rate.low + rate.high) / 2)])
        let summary = ExperimentSummary(model: SimulationModel(scenario: judged), seed: 4, results: results)
        try #require(summary.targets.map(\.verdict) == [.fail, .atRisk])
        let outcome = SequentialOutcome(used: 3, reason: .fixed, confidence: 0.95)
        let sweep = LoadSweep(points: [LoadSweep.Point(load: 1.0, summary: summary, outcome: outcome),
                                       LoadSweep.Point(load: 1.5, summary: summary, outcome: outcome)],
                              breakLoads: [], bisectionPoints: [])
        let provenance = Provenance(scenarioName: "t", scenarioNameVi: nil, file: "t.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 4, replications: 3, warmUpDays: 0, produced: try #require(CivilDate(year: 2026, month: 11, day: 30)))

        func line(_ headline: [String], _ heading: String) throws -> String {
            try #require(headline.first { $0.hasPrefix(heading) }, "no line \"\(heading)…\" in \(headline)")
        }
        let vi = SweepDocument.document(sweep, provenance: provenance, language: .vi).headline
        let viFailing = try line(vi, "Không đạt ngay từ mức tải thấp nhất"), viAtRisk = try line(vi, "Có rủi ro ngay từ mức tải thấp nhất")
        #expect(viFailing.contains("Ngoài tầm") && !viFailing.contains("Sát ngưỡng"), "\(viFailing)")
        #expect(viAtRisk.contains("Sát ngưỡng") && !viAtRisk.contains("Ngoài tầm"), "\(viAtRisk)")

        let en = SweepDocument.document(sweep, provenance: provenance, language: .en).headline
        let enFailing = try line(en, "Failing from the lowest load swept"), enAtRisk = try line(en, "At risk from the lowest load swept")
        #expect(enFailing.contains("Out of reach") && !enFailing.contains("On the edge"), "\(enFailing)")
        #expect(enAtRisk.contains("On the edge") && !enAtRisk.contains("Out of reach"), "\(enAtRisk)")
    }
}
