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
        #expect(volume > 450_000 && volume < 650_000, "a district-year is about 0.5–0.6 million dossiers (DOMAIN.md §6)")
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
