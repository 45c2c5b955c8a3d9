import Testing
@testable import MotCua

@Suite("The shipped scenarios")
struct ScenarioFilesTests {
    @Test("Gò Vấp 2024 exercises every element of the one-stop flow")
    func goVapElements() throws {
        let s = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"))
        let steps = s.procedures.flatMap(\.steps)
        #expect(s.offices.contains { $0.instances.count == 16 })
        #expect(s.offices.filter { $0.kind == .desk && $0.level == .district }.count >= 2, "counters by field")
        #expect(s.offices.contains { !$0.sessions.isEmpty }, "signature sessions")
        #expect(s.offices.contains { $0.absences.contains { $0.reason?.contains("training") == true } }, "training days")
        #expect(s.offices.contains { $0.absences.contains { $0.reason?.contains("leave") == true } }, "leave")
        #expect(s.offices.contains { !$0.staffChanges.isEmpty }, "staff change from a date")
        #expect(s.offices.contains { $0.patience != nil }, "citizens who give up")
        #expect(s.offices.contains { $0.kind == .landBranch } && s.offices.contains { $0.kind == .external })
        #expect(s.offices.contains { $0.kind == .verification })
        #expect(steps.contains { $0.pausesDeadline }, "tax time excluded")
        #expect(steps.contains { $0.supplement != nil }, "supplement requests")
        #expect(steps.contains { $0.lag != nil })
        #expect(s.procedures.contains { $0.onlineShare > 0 } && s.procedures.contains { $0.postalShare > 0 })
        #expect(s.procedures.contains { $0.priorityShare > 0 })
        #expect(s.procedures.contains { $0.incomplete != nil } && s.procedures.contains { $0.refusalShare > 0 })
        #expect(s.procedures.contains { $0.digitization != nil } && s.procedures.contains { $0.fee != nil })
        #expect(s.procedures.contains { $0.result != nil } && s.procedures.contains { $0.withdrawal != nil })
        #expect(s.procedures.contains { $0.steps.count >= 4 }, "an inter-agency route")
        #expect(!s.backlog.isEmpty)
        #expect(!s.load.isFlat && !s.load.surges.isEmpty, "seasonality and the pre-Tết surge")
        let volume = s.procedures.reduce(0) { $0 + $1.yearlyVolume }
        #expect(volume > 450_000 && volume < 650_000, "a district-year is about 0.5–0.6 million dossiers (docs/model.md §9)")
    }

    static let shipped = ["go-vap-2024", "binh-tan-2023", "quan-6-2024", "hcmc-two-level-2026"]

    @Test("every shipped scenario validates, with its plan's targets, and six weeks of it run balanced", arguments: shipped)
    func shippedScenario(_ name: String) async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/\(name).json"), overlays: [], settings: [("horizon.days", "42")])
        #expect(!scenario.targets.isEmpty)
        let result = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 3).run()
        #expect(result.conservation.isBalanced)
        #expect(result.conservation.received > 1000)
    }

    @Test("the what-if overlays apply to Gò Vấp", arguments: ["land-branch-minus-2", "tet-surge", "online-plus-20", "digitize-at-desk"])
    func overlays(_ name: String) throws {
        let base = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"))
        let changed = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"),
                                              overlays: [Repository.path("scenarios/what-if/\(name).json")], settings: [])
        #expect(changed.fingerprint != base.fingerprint)
    }

    @Test("the district scenarios carry their own plans' targets")
    func planTargets() throws {
        let bt = try ScenarioLoader.load(path: Repository.path("scenarios/binh-tan-2023.json"))
        #expect(bt.targets.contains { $0.id == "late-land" && $0.threshold == 0.03 })
        #expect(bt.targets.contains { $0.id == "on-time-land-branch" && $0.comparator == .above && $0.threshold == 0.97 })
        #expect(bt.targets.contains { $0.id == "digitization-ward" && $0.threshold == 0.35 })
        #expect(bt.offices.first { !$0.instances.isEmpty }?.instances.count == 10)
        let gv = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"))
        #expect(gv.targets.contains { $0.id == "late-land" && $0.threshold == 0.02 })
        #expect(gv.targets.contains { $0.id == "digitization-district" && $0.threshold == 0.60 })
        let q6 = try ScenarioLoader.load(path: Repository.path("scenarios/quan-6-2024.json"))
        #expect(q6.offices.first { !$0.instances.isEmpty }?.instances.count == 14)
        let two = try ScenarioLoader.load(path: Repository.path("scenarios/hcmc-two-level-2026.json"))
        #expect(!two.offices.contains { $0.level == .district })
    }

    @Test("one month of Gò Vấp runs with the dossier balance exact and every kind of outcome")
    func goVapMonth() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "45")])
        let result = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 1).run()
        #expect(result.conservation.isBalanced)
        var total = ProcedureTally()
        for t in result.procedures { total.add(t) }
        #expect(total.refused > 0 && total.withdrawn > 0 && total.incomplete > 0 && total.supplementRequests > 0)
        #expect(total.postal > 0 && total.online > 0 && total.digitized > 0 && total.ePaid > 0)
        #expect(result.offices.contains { $0.abandoned > 0 })
    }
}
