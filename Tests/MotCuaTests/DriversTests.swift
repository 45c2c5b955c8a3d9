import Foundation
import Testing
@testable import MotCua

/// `motcua drivers` (issue #17, "What drives each verdict"): the inputs found with their
/// sources, the ranking on a scenario built to have a known biggest driver, common random
/// numbers, and the refusal of bad options.
@Suite("What drives each verdict")
struct DriversTests {
    /// Two independent flows. Permits: a site-inspection lag of 2–3.2 working days against a
    /// 3-day deadline decides lateness (every other permit input has ample slack). Births: their
    /// own desk and office, so nothing of theirs can reach the permits' target.
    static let scenario = """
    {
      "name": "Known driver",
      "horizon": {"start": "2024-03-04", "days": 40},
      "calendar": {"mode": "working-days", "holidays": "\(Repository.path("scenarios/calendars/vietnam.json"))",
                   "hours": [["07:30", "11:30"], ["13:00", "17:00"]]},
      "fields": [{"id": "land", "name": "Land"}, {"id": "civil-status", "name": "Civil status"}],
      "offices": [
        {"id": "desk-permits", "kind": "desk", "level": "district", "name": "Permit desk", "staff": 3,
         "source": "assumption: three counters"},
        {"id": "inspectors", "kind": "department", "level": "district", "name": "Inspectors", "staff": 4,
         "source": "assumption: four inspectors"},
        {"id": "desk-births", "kind": "desk", "level": "ward", "name": "Birth desk", "staff": 2,
         "source": "the ward's staffing table"},
        {"id": "registrars", "kind": "department", "level": "ward", "name": "Registrars", "staff": 2,
         "source": "assumption: two registrars"}
      ],
      "procedures": [
        {"id": "permit", "name": "Permit", "field": "land", "yearlyVolume": 1500, "online": 0.3,
         "deadline": {"workingDays": 3},
         "intake": {"office": "desk-permits", "service": {"type": "exponential", "mean": 10}},
         "steps": [{"office": "inspectors", "service": {"type": "exponential", "mean": 20},
                    "lag": {"type": "uniform", "min": 2, "max": 3.2, "unit": "workingDays"}}],
         "source": "assumption: the inspection lag decides"},
        {"id": "birth", "name": "Birth", "field": "civil-status", "yearlyVolume": 3000, "online": 0.2, "refusal": 0.05,
         "deadline": {"workingDays": 1},
         "intake": {"office": "desk-births", "service": {"type": "exponential", "mean": 8}},
         "steps": [{"office": "registrars", "service": {"type": "exponential", "mean": 15},
                    "lag": {"type": "deterministic", "value": 0.1, "unit": "workingDays"}}],
         "source": "assumption: births"}
      ],
      "targets": [
        {"id": "on-time-land", "label": "Land on time", "measure": "onTimeRate", "field": "land", "comparator": ">=", "threshold": 0.98},
        {"id": "on-time-civil", "label": "Civil status on time", "measure": "onTimeRate", "field": "civil-status",
         "comparator": ">=", "threshold": 0.9}
      ]
    }
    """

    static func document(_ json: String = scenario) throws -> ScenarioDocument {
        let path = NSTemporaryDirectory() + "motcua-drivers-\(getpid())-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ScenarioDocument.load(path: path, overlays: [], settings: [])
    }

    static func analyse(_ selection: DriverInputs.Selection = .all, targets: [String] = []) async throws -> DriversResult {
        var plan = DriversAnalysis.Plan()
        plan.selection = selection
        plan.targets = targets
        plan.replications = 4
        plan.screening = 2
        plan.refine = 2
        return try await DriversAnalysis.run(document: document(), plan: plan, seed: 7, jobs: 2)
    }

    @Test("inputs carry the source of the innermost object that has one; --inputs assumptions keeps those starting with \"assumption\"")
    func inputsAndSources() throws {
        let json = try Self.document().json
        let all = DriverInputs.find(in: json, selection: .all)
        let ids = all.map(\.id)
        #expect(ids.contains("offices.desk-births.staff") && ids.contains("procedures.permit.steps.0.lag")
                && ids.contains("procedures.permit.yearlyVolume") && ids.contains("procedures.birth.online"))
        let lag = try #require(all.first { $0.id == "procedures.permit.steps.0.lag" })
        #expect(lag.kind == .lag && lag.source == "assumption: the inspection lag decides" && lag.value == 2.6)
        #expect(lag.name == "Permit: step 1 (Inspectors) lag (working days)")
        let assumptions = DriverInputs.find(in: json, selection: .assumptions).map(\.id)
        #expect(!assumptions.contains("offices.desk-births.staff"), "its source is not an assumption")
        #expect(assumptions.count == all.count - 1)
        // A lag's scale parameters move together; a share is clamped to its range.
        let raised = try #require(lag.changes(.standard).first { $0.direction == .higher })
        #expect(raised.edits.map(\.value) == [2 * 1.2, 3.2 * 1.2])
        let online = try #require(all.first { $0.id == "procedures.permit.online" })
        #expect(online.changes(DriverStep.standard.applying("share=50%")!).map(\.value) == [0.3 * 0.5, 0.3 * 1.5])
        // Gò Vấp: a supplement's own source covers its repeat share; the backlog can be removed.
        let goVap = try ScenarioDocument.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [])
        let found = DriverInputs.find(in: goVap.json, selection: .assumptions)
        let repeatShare = try #require(found.first { $0.id == "procedures.land-change.steps.0.supplement.repeatShare" })
        #expect(repeatShare.source?.hasPrefix("assumption: repeatShare") == true)
        let backlog = try #require(found.first { $0.kind == .backlog })
        #expect(backlog.changes(.standard).map(\.direction) == [.lower, .higher, .removed])
    }

    @Test("the lag that decides lateness is ranked first, refined, and named with its source")
    func knownDriverRankedFirst() async throws {
        let result = try await Self.analyse()
        let land = try #require(result.targets.first { $0.target.id == "on-time-land" })
        let first = try #require(land.drivers.first)
        #expect(result.inputs[first.input].id == "procedures.permit.steps.0.lag")
        #expect(first.refined && first.effects.allSatisfy { $0.difference.count == 4 })
        let raised = try #require(first.effects.first { $0.change.direction == .higher })
        #expect(raised.difference.high < 0, "a longer lag makes fewer permits on time, beyond doubt")
        #expect(first.size > 5 * (land.drivers.dropFirst().first?.size ?? 0))
        // The cost: the base; one change of every input screened; every change of a refined input
        // run again (the screened one for the remaining replications, the others for all).
        let screened = result.inputs.filter { !$0.changes(.standard).isEmpty }.count
        var refinedInputs: [Int: Int] = [:]
        for target in result.targets { for driver in target.drivers where driver.refined { refinedInputs[driver.input] = driver.effects.count } }
        #expect(result.evaluations == 1 + screened + refinedInputs.values.reduce(0, +))
        #expect(result.replicationsRun == 4 + 2 * screened + refinedInputs.values.reduce(0) { $0 + 2 + 4 * ($1 - 1) })
        let unrefined = try #require(land.drivers.first { !$0.refined })
        #expect(unrefined.effects.map(\.change.direction) == [.higher] && unrefined.effects[0].difference.count == 2)
        // The page: a tornado chart for the failing land target only, with its threshold line;
        // Vietnamese phrases.
        let html = DriversHTML.render(result, top: 4)
        #expect(html.contains("<svg id=\"tornado-1\"") && !html.contains("tornado-2") && html.contains("class=\"reference\""))
        #expect(DriversReport.text(result, top: 3, language: .vi).contains("YẾU TỐ QUYẾT ĐỊNH"))
        #expect(DriversHTML.fitted("Construction permit for an individual house: step 1 (Urban Management Department) lag (working days)",
                                   width: 46) == ["Construction permit for an individual house:", "step 1 lag (working days)"])
        let text = DriversReport.text(result, top: 3)
        #expect(text.contains("1. Permit: step 1 (Inspectors) lag") && text.contains("source: assumption: the inspection lag decides"))
    }

    @Test("common random numbers: an input that cannot reach a target is not ranked, and one that only moves timing or decisions changes it by exactly zero in every pair")
    func unreachableInputsGiveZero() async throws {
        let result = try await Self.analyse()
        let land = try #require(result.targets.first { $0.target.id == "on-time-land" })
        let births = land.drivers.filter { driver in ["birth", "registrars"].contains { result.inputs[driver.input].id.contains($0) } }
        #expect(births.count == 6 && births.allSatisfy { !$0.reaches })
        let unranked = births.map(\.input)
        #expect(land.ranked.allSatisfy { !unranked.contains($0.input) })
        // Staff, a lag, a refusal share: no arrival moves, so the permits' every draw is the same.
        // (A volume or a channel share moves the arrival order, which keys the decisions.)
        let timingOnly = births.filter { result.inputs[$0.input].kind != .volume && !result.inputs[$0.input].id.hasSuffix("online") }
        #expect(timingOnly.count == 4)
        for driver in timingOnly {
            for effect in driver.effects {
                #expect(effect.difference.count == 2 && effect.difference.mean == 0 && effect.difference.low == 0 && effect.difference.high == 0,
                        "\(result.inputs[driver.input].id) \(effect.change.label)")
            }
        }
    }

    @Test("the result does not depend on the number of parallel jobs")
    func independentOfJobs() async throws {
        var plan = DriversAnalysis.Plan()
        plan.replications = 3
        plan.refine = 1
        plan.targets = ["on-time-land"]
        let one = try await DriversAnalysis.run(document: Self.document(), plan: plan, seed: 3, jobs: 1)
        let two = try await DriversAnalysis.run(document: Self.document(), plan: plan, seed: 3, jobs: 2)
        func fingerprint(_ r: DriversResult) -> [Double] {
            r.targets.flatMap { $0.drivers.flatMap { d in [Double(d.input)] + d.effects.map(\.difference.mean) } }
        }
        #expect(fingerprint(one) == fingerprint(two))
    }

    @Test("--step forms: percentages, kinds, staff counts; anything else is refused")
    func stepForms() {
        #expect(DriverStep.standard.applying("30%")?.relative[.lag] == 0.3)
        #expect(DriverStep.standard.applying("lag=50%")?.relative == [.volume: 0.2, .share: 0.2, .lag: 0.5, .backlog: 0.2])
        #expect(DriverStep.standard.applying("staff=2")?.staffCount == 2)
        #expect(DriverStep.standard.applying("staff=10%")?.staffShare == 0.1)
        for wrong in ["share=150%", "0%", "20", "speed=20%", "staff=0", "staff=", "=20%", "lag=-5%", "100%"] {
            #expect(DriverStep.standard.applying(wrong) == nil, "\(wrong)")
        }
    }
}

extension CommandLineTests {
    @Test("drivers: an unknown target, a wrong --inputs or --step exit 2 naming the option and what was expected, before any run")
    func driversBadOptions() throws {
        let scenario = "scenarios/go-vap-2024.json"
        let unknown = try motcua(["drivers", scenario, "--target", "late-moon"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("--target late-moon") && unknown.errors.contains("late-land"), "\(unknown.errors)")
        let inputs = try motcua(["drivers", scenario, "--inputs", "some"])
        #expect(inputs.status == 2 && inputs.errors.contains("--inputs expects assumptions or all"), "\(inputs.errors)")
        let step = try motcua(["drivers", scenario, "--step", "staff=0"])
        #expect(step.status == 2 && step.errors.contains("--step expects P%"), "\(step.errors)")
    }
}
