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
    /// own desk and office, so nothing of theirs can reach the permits' target. (1,350 a year: the
    /// yearly volume is spread over the year's open time, and these 40 days hold more working days
    /// than the year's average, so 1,350 bring the load 1,500 did when it was spread over the horizon.)
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
        {"id": "permit", "name": "Permit", "field": "land", "yearlyVolume": 1350, "online": 0.3,
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
        // Whose source it is: the lag and the volume have none of their own, only the procedure's.
        #expect(lag.sourceScope == .procedure && all.first { $0.id == "procedures.permit.yearlyVolume" }?.sourceScope == .procedure)
        #expect(all.first { $0.id == "offices.inspectors.staff" }?.sourceScope == .office)
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
        #expect(repeatShare.source?.hasPrefix("assumption: repeatShare") == true && repeatShare.sourceScope == .own)
        let backlog = try #require(found.first { $0.kind == .backlog })
        #expect(backlog.sourceScope == .own)
        #expect(backlog.changes(.standard).map(\.direction) == [.lower, .higher, .removed])
    }

    @Test("the lag that decides lateness is ranked first, refined towards the threshold, and named with its source in every output")
    func knownDriverRankedFirst() async throws {
        let result = try await Self.analyse()
        let land = try #require(result.targets.first { $0.target.id == "on-time-land" })
        #expect(land.target.verdict != .pass)
        let first = try #require(land.drivers.first)
        #expect(result.inputs[first.input].id == "procedures.permit.steps.0.lag")
        #expect(first.refined && first.size > 5 * (land.drivers.dropFirst().first?.size ?? 0))
        // The target is at risk on 4 replications: both directions are refined, on at least 3
        // pairs; a longer lag makes fewer permits on time, beyond doubt.
        #expect(land.target.verdict != .atRisk || first.effects.map(\.change.direction) == [.lower, .higher])
        #expect(first.effects.allSatisfy { $0.difference.count >= 3 })
        let raised = try #require(first.effects.first { $0.change.direction == .higher })
        #expect(raised.difference.high < 0)
        // The cost: the base, the screening's groups, halves and single inputs it simulated (not
        // the halves it inferred), every refined change not screened or screened by inference;
        // each change's replications once, an inferred one's none until it is refined.
        var changes: [Int: [DriversResult.Effect]] = [:]
        for target in result.targets { for driver in target.drivers { changes[driver.input] = driver.effects } }
        let stillInferred = changes.values.filter { $0.contains(where: \.inferred) }.count
        #expect(result.evaluations == 1 + result.screeningEvaluations + changes.values.reduce(0) { $0 + $1.count - 1 } + result.simulatedAfterInference)
        #expect(result.replicationsRun == 4 + 2 * result.screeningEvaluations
                + changes.values.reduce(0) { $0 + $1.filter { !$0.inferred }.reduce(0) { $0 + $1.difference.count } }
                - 2 * (changes.count - stillInferred - result.simulatedAfterInference))
        // Every input that reaches a target is measured alone or screened with its group.
        for target in result.targets {
            let accounted = target.drivers.map(\.input) + target.grouped.flatMap(\.inputs) + target.unreachable
            #expect(accounted.sorted() == Array(result.inputs.indices), "\(target.target.id)")
        }
        let unrefined = try #require(land.drivers.first { !$0.refined })
        #expect(unrefined.effects.map(\.change.direction) == [.higher] && unrefined.effects[0].difference.count == 2)

        // The report: a tornado chart for the failing land target only, with its threshold line;
        // the data tables; Vietnamese phrases.
        let provenance = Provenance(scenarioName: "Known driver", scenarioNameVi: nil, file: "known.json", fingerprint: 0xabc, overlays: [],
                                    settings: [], load: 1, seed: 7, replications: 4, warmUpDays: 0,
                                    produced: CivilDate(year: 2026, month: 11, day: 30)!)
        let document = DriversDocument.document(result, top: 4, provenance: provenance, language: .en)
        let html = DocumentHTML.render(document)
        #expect(html.contains("<svg id=\"tornado-1\"") && !html.contains("tornado-2") && html.contains("class=\"reference\""))
        let text = DocumentText.render(document)
        #expect(text.contains("1. Permit: step 1 (Inspectors) lag") && text.contains("source (the procedure's as a whole):"), "\(text)")
        #expect(DriversDocument.sourceLine(result.inputs[first.input], .en) == "source (the procedure's as a whole): assumption: the inspection lag decides")
        let inspectors = try #require(result.inputs.first { $0.id == "offices.inspectors.staff" })
        #expect(DriversDocument.sourceLine(inspectors, .vi) == "nguồn (chung của cả cơ quan): assumption: four inspectors")
        // A passing target says how far it is clear of the threshold, a failing one how far short.
        #expect(text.contains("THRESHOLD ≥ 90%, CLEAR BY 10.00 POINTS"), "\(text)")
        #expect(document.headline.contains { $0.contains("moves most with Permit: step 1 (Inspectors) lag (working days) (") })
        let files = DocumentTables.csvFiles(document).map(\.name)
        #expect(files == ["provenance.csv", "targets.csv", "drivers.csv", "screened_groups.csv", "cannot_reach.csv"], "\(files)")
        let json = JSONWriter.text(DocumentJSON.document(document))
        #expect(json.contains("\"motcua-drivers/4\"") && !json.contains("drivers_1"))
        let vietnamese = DriversDocument.document(result, top: 3, provenance: provenance, language: .vi)
        let vietnameseText = DocumentText.render(vietnamese)
        #expect(vietnameseText.contains("Yếu tố quyết định từng kết luận"))
        // The step in Vietnamese, and no empty heading on the page: the data section names its tables.
        #expect(vietnameseText.contains("số hồ sơ, tỷ lệ, thời gian chờ, hồ sơ tồn ±20%; số cán bộ ±1") && !vietnameseText.contains("staff ±1"))
        #expect(DocumentHTML.render(vietnamese).contains("<h2>Mọi tác động</h2><p>"))
        #expect(TornadoChart.fitted("Construction permit for an individual house: step 1 (Urban Management Department) lag (working days)",
                                    width: 46) == ["Construction permit for an individual house:", "step 1 lag (working days)"])
    }

    @Test("an input that cannot reach a target is not evaluated for it, and the rule is exact: changing it leaves every replication of the target unchanged")
    func unreachableInputsAreExactlyZero() async throws {
        let result = try await Self.analyse()
        let land = try #require(result.targets.first { $0.target.id == "on-time-land" })
        let births = result.inputs.indices.filter { i in ["birth", "registrars"].contains { result.inputs[i].id.contains($0) } }
        #expect(births.count == 6 && Set(land.unreachable) == Set(births))
        #expect(land.drivers.allSatisfy { !births.contains($0.input) })
        // Asked for land alone, the births' inputs are not run at all.
        var plan = DriversAnalysis.Plan()
        plan.targets = ["on-time-land"]
        plan.selection = .all
        plan.replications = 2
        plan.refine = 0
        let landOnly = try await DriversAnalysis.run(document: Self.document(), plan: plan, seed: 7, jobs: 2)
        // Without isolating drivers (--refine 0), only the groups run: one evaluation each.
        #expect(landOnly.reachingNone == 6 && landOnly.evaluations == 1 + landOnly.groups && landOnly.groups < result.inputs.count - 6)
        // A group of one input is that input measured alone; the others' members are accounted for.
        let onlyLand = try #require(landOnly.targets.first)
        #expect(onlyLand.drivers.count + onlyLand.grouped.count == landOnly.groups)
        #expect(onlyLand.drivers.count + onlyLand.grouped.flatMap(\.inputs).count == result.inputs.count - 6)
        // Exact: every change of every births' input (staff, volume, channel share, refusal, lag)
        // leaves the land target's value identical in every replication.
        let document = try Self.document()
        func landValues(_ scenario: Scenario) async throws -> [Double] {
            let model = SimulationModel(scenario: scenario)
            let results = try await Experiment.run(model: model, seed: 7, indices: [0, 1], jobs: 2, store: nil)
            return results.map { ExperimentSummary(model: model, seed: 7, results: [$0.1]).targets.first { $0.id == "on-time-land" }?.estimate.mean ?? .nan }
        }
        let base = try await landValues(document.scenario())
        for i in births {
            for change in result.inputs[i].changes(.standard) {
                let changed = try await landValues(document.scenario(setting: change.edits.map { ($0.path, JSONValue.number($0.value)) }))
                #expect(changed == base, "\(result.inputs[i].id) \(change.label)")
            }
        }
    }

    @Test("sequential bifurcation: of a split group's halves only the first is evaluated and the second inferred as the group minus it; a half next to an invalid one is evaluated")
    func sequentialBifurcation() async throws {
        // Eight inputs screened together; on the one target, input 5 moves the value by 0.05 and
        // input 2 by 0.01, the others not at all, and the effects add up.
        let effects: [Double] = [0, 0, 0.01, 0, 0, 0.05, 0, 0]
        let base: [[Double]] = [[0.9]]
        let change = DriverChange(direction: .higher, value: 1, label: "+20%", edits: [])
        let group = GroupScreening.Group(name: "all", nameVi: "all", members: effects.indices.map { GroupScreening.Member(input: $0, change: change) })
        func screen(invalid: Set<[Int]>) async throws -> (GroupScreening, [[Int]]) {
            var evaluated: [[Int]] = []
            let screening = try await GroupScreening.run(
                groups: [group], targets: [0], need: [0: 0.001], isolate: 1, reaches: { _, _ in true },
                effect: { values, t in Estimate(values.indices.map { values[$0][t] - base[$0][t] }) },
                remainder: { whole, part in whole.indices.map { r in whole[r].indices.map { whole[r][$0] - part[r][$0] + base[r][$0] } } }
            ) { probes throws(SimulationError) in
                evaluated += probes.map { $0.map(\.input) }
                return probes.map { members in
                    invalid.contains(members.map(\.input)) ? nil : [[0.9 + members.reduce(0) { $0 + effects[$1.input] }]]
                }
            }
            return (screening, evaluated)
        }
        let (additive, evaluated) = try await screen(invalid: [])
        // The group, then each first half down to input 5: four evaluations instead of seven.
        #expect(evaluated == [Array(0..<8), [0, 1, 2, 3], [4, 5], [4]], "\(evaluated)")
        let five = try #require(additive.probes.first { $0.members.map(\.input) == [5] })
        #expect(five.inferred && abs((five.values?[0][0] ?? 0) - 0.95) < 1e-12)
        #expect(additive.probes.filter(\.inferred).map { $0.members.map(\.input) } == [[4, 5, 6, 7], [6, 7], [5]])
        #expect(additive.leaves[0].contains { $0.members.map(\.input) == [5] } && additive.splitFor == [true])
        // A first half that makes an invalid scenario: its sibling cannot be inferred, so it is evaluated.
        let (_, withInvalid) = try await screen(invalid: [[0, 1, 2, 3]])
        #expect(withInvalid.prefix(3) == [Array(0..<8), [0, 1, 2, 3], [4, 5, 6, 7]], "\(withInvalid)")
    }

    @Test("a repeat share is also set to its legal value, 0 (the one-request rule), alone, and the report shows it as such")
    func legalValue() async throws {
        // The permits' inspection asks a third of them to supplement and half of those again;
        // a second request makes the dossier late (docs/model.md §4).
        let json = Self.scenario.replacingOccurrences(of: "\"lag\": {\"type\": \"uniform\", \"min\": 2, \"max\": 3.2, \"unit\": \"workingDays\"}}",
            with: "\"lag\": {\"type\": \"uniform\", \"min\": 0.5, \"max\": 1, \"unit\": \"workingDays\"}, "
                + "\"supplement\": {\"share\": 0.3, \"repeatShare\": 0.5, \"delay\": {\"type\": \"deterministic\", \"value\": 1, \"unit\": \"workingDays\"}, "
                + "\"source\": \"assumption: half asked again\"}}")
        #expect(json != Self.scenario)
        let document = try Self.document(json)
        let repeatShare = try #require(DriverInputs.find(in: document.json, selection: .assumptions).first { $0.id.hasSuffix("supplement.repeatShare") })
        let legal = try #require(repeatShare.changes(.standard).last)
        #expect(legal.direction == .legal && legal.value == 0 && legal.edits.map(\.value) == [0])
        var plan = DriversAnalysis.Plan()
        plan.targets = ["on-time-land"]
        plan.replications = 3
        plan.refine = 2
        let result = try await DriversAnalysis.run(document: document, plan: plan, seed: 5, jobs: 2)
        let land = try #require(result.targets.first)
        let driver = try #require(land.drivers.first { result.inputs[$0.input].id == repeatShare.id })
        let atLegal = try #require(driver.effects.first { $0.change.direction == .legal })
        // No second request: more permits on time, by more than the ±20% step moves it.
        #expect(atLegal.difference.mean > 0)
        #expect(driver.effects.filter { !$0.change.direction.runsAlone }.allSatisfy { abs($0.difference.mean) < atLegal.difference.mean })
        let provenance = Provenance(scenarioName: "Known driver", scenarioNameVi: nil, file: "known.json", fingerprint: 0xabc, overlays: [],
                                    settings: [], load: 1, seed: 5, replications: 3, warmUpDays: 0,
                                    produced: CivilDate(year: 2026, month: 11, day: 30)!)
        let text = DocumentText.render(DriversDocument.document(result, top: 8, provenance: provenance, language: .en))
        #expect(text.contains("→ 0.0% (the rule)"), "\(text)")
        let vi = DocumentText.render(DriversDocument.document(result, top: 8, provenance: provenance, language: .vi))
        #expect(vi.contains("(theo quy định)"))
        // The apology policy's in-time share has the legal value 100%.
        let goVap = try ScenarioDocument.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [], settings: [])
        let apology = try #require(DriverInputs.find(in: goVap.json, selection: .all).first { $0.id == "policies.apology.onTimeShare" })
        #expect(apology.changes(.standard).last.map { [$0.direction == .legal, $0.value == 1] } == [true, true])
    }

    @Test("the ranking puts the effect first: a refined 0.00 never ranks above a screened input that moved the target; equal effects, the better measured first")
    func rankingEffectFirst() {
        func driver(_ input: Int, _ differences: [Double], refined: Bool) -> DriversResult.Driver {
            let change = DriverChange(direction: .higher, value: 1, label: "+20%", edits: [])
            return .init(input: input, effects: [.init(change: change, value: Estimate(differences), difference: Estimate(differences))], refined: refined)
        }
        let refinedZero = driver(0, [0.00004, 0.00005, 0.00003, 0.00004, 0.00004, 0.00004], refined: true)
        let screened = driver(1, [-0.0003], refined: false)
        let refinedSame = driver(2, [0.00031, 0.00030, 0.00032, 0.00029, 0.00031, 0.00033], refined: true)
        let ranked = DriversAnalysis.rank([refinedZero, screened, refinedSame]).map(\.input)
        #expect(ranked == [2, 1, 0])
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
        let overwrite = try motcua(["drivers", scenario, "--xlsx", scenario])
        #expect(overwrite.status == 2 && overwrite.errors.contains("--xlsx \(scenario) is also an input"), "\(overwrite.errors)")
    }
}
