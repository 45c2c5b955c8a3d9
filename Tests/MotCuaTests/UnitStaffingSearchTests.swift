import Foundation
import Testing
@testable import MotCua

/// The per-unit staffing search (`staff --per-unit`, issues #19 and #20): one understaffed unit
/// among twenty gets one more officer, no other unit changes, and one fewer fails there.
@Suite("Per-unit staffing search")
struct UnitStaffingSearchTests {
    /// Twenty units, each with one officer deciding (4 hours a dossier, 2 working days' deadline,
    /// open round the clock): the nineteen with weight 1 are 10% busy; `u07`, with weight 9, is
    /// 90% busy, so about 30% of its dossiers are late with one officer and almost none with two.
    /// With `unmovable`, a second field ("land") also passes through each unit's office but
    /// waits about 3 days (exponential) at a city office on a 1-day deadline: mostly late at any unit staff, so left out.
    static func scenario(heavy: Int = 9, staff: Int = 1, unmovable: Bool = false) throws -> Scenario {
        let units = (1...20).map { n -> String in
            let id = String(format: "u%02d", n)
            return #"{"id": "\#(id)", "name": "Unit \#(n)", "group": "\#(n <= 10 ? "North" : "South")", "weight": \#(id == "u07" ? heavy : 1)}"#
        }.joined(separator: ", ")
        let perDay = 0.6 * Double(19 + heavy)
        let json = """
        {
          "name": "Twenty units, one understaffed",
          "horizon": {"start": "2026-01-01", "days": 200},
          "calendar": {"mode": "always-open"},
          "units": [\(units)],
          "fields": [{"id": "civil-status", "name": "Civil status"}\(unmovable ? #", {"id": "land", "name": "Land"}"# : "")],
          "offices": [
            {"id": "unit-desk", "kind": "desk", "level": "ward", "name": "Unit desk", "staff": 2, "instances": "units"},
            {"id": "unit-office", "kind": "department", "level": "ward", "name": "Unit office", "staff": \(staff), "instances": "units"}\(unmovable ? #", {"id": "city-office", "kind": "department", "level": "city", "name": "City office", "staff": 50}"# : "")
          ],
          "procedures": [{
            "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": \(perDay * 365),
            "deadline": {"workingDays": 2},
            "intake": {"office": "unit-desk", "service": {"type": "exponential", "mean": 5}},
            "steps": [{"office": "unit-office", "service": {"type": "exponential", "mean": 240}}]
          }\(unmovable ? Self.unmovableProcedure : "")],
          "targets": [{"id": "on-time", "label": "On time ≥ 98%", "measure": "onTimeRate", "field": "*", "comparator": ">=", "threshold": 0.98}]
        }
        """
        return try decodeScenario(json)
    }

    static let unmovableProcedure = #"""
        , {"id": "land-note", "name": "Land note", "field": "land", "yearlyVolume": 730, "deadline": {"workingDays": 1},
           "intake": {"office": "unit-desk", "service": {"type": "exponential", "mean": 5}},
           "steps": [{"office": "unit-office", "service": {"type": "exponential", "mean": 10}},
                     {"office": "city-office", "service": {"type": "exponential", "mean": 4320}}]}
        """#

    static func search(_ scenario: Scenario, reduces: Bool = false, jobs: Int = 2) async throws -> UnitStaffingSearch {
        try await UnitStaffingSearch.run(scenario: scenario, office: "unit-office", target: scenario.targets[0], reduces: reduces,
                                         seed: 11, plan: .fixed(4), jobs: jobs)
    }

    @Test("the understaffed unit gets one more officer, and no other unit changes")
    func onlyTheUnderstaffedUnit() async throws {
        let search = try await Self.search(Self.scenario())
        #expect(search.units.count == 20)
        let changed = search.changed
        #expect(changed.map(\.id) == ["u07"])
        #expect(changed.first?.staff == 2)
        #expect(search.totalChange == 1)
        #expect(search.unmet.isEmpty)
        #expect(search.settled)
        let u07 = try #require(search.units.first { $0.id == "u07" })
        #expect(u07.worstToday.map { $0.verdict != .pass } == true, "today's single officer leaves many of its dossiers late")
        #expect(u07.passes && u07.worst?.verdict == .pass)
        #expect(search.units.filter { $0.id != "u07" }.allSatisfy { $0.passes && $0.staff == $0.today })
    }

    @Test("minimality: one fewer is tried at the unit raised, and fails there; units at today's staff are not lowered")
    func minimality() async throws {
        let search = try await Self.search(Self.scenario())
        let u07 = try #require(search.units.first { $0.id == "u07" })
        #expect(u07.oneFewerFails == true)
        #expect(u07.oneFewer.map { $0.verdict != .pass } == true)
        #expect(search.units.filter { $0.id != "u07" }.allSatisfy { $0.oneFewerFails == nil })
        #expect(search.rounds.contains { $0.purpose == .minimality })
        // With every unit given three officers and --reduce, the search removes the slack down to
        // the answer above: two at u07, one elsewhere, and one fewer fails at u07.
        let reduced = try await Self.search(Self.scenario(staff: 3), reduces: true)
        #expect(reduced.units.map(\.staff) == search.units.map(\.staff))
        #expect(reduced.units.first { $0.id == "u07" }?.oneFewerFails == true)
        #expect(reduced.totalChange == -39)
    }

    @Test("the evaluations table counts units on one basis from its first row: figures left out are not counted today either")
    func oneCountFromTheFirstRow() async throws {
        let search = try await Self.search(Self.scenario(unmovable: true))
        #expect(search.changed.map(\.id) == ["u07"])
        let today = try #require(search.rounds.first { $0.purpose == .today })
        let large = try #require(search.rounds.first { $0.purpose == .large })
        // Land is late everywhere at any unit staff: left out in all 20 units, so today only u07 does not pass.
        #expect(today.failing == 1)
        #expect(large.failing == 0)
    }

    @Test("when every unit passes today, no very large run is made and nobody is raised")
    func nothingToDo() async throws {
        let search = try await Self.search(Self.scenario(heavy: 1))
        #expect(search.changed.isEmpty && search.unmet.isEmpty && search.settled)
        #expect(search.rounds.map(\.purpose) == [.today, .confirmation])
    }

    @Test("the answer and its evaluations do not depend on the jobs")
    func coreIndependent() async throws {
        let one = try await Self.search(Self.scenario(), jobs: 1)
        let two = try await Self.search(Self.scenario(), jobs: 2)
        #expect(one.units.map(\.staff) == two.units.map(\.staff))
        #expect(one.evaluations == two.evaluations)
        #expect(one.rounds.map(\.failing) == two.rounds.map(\.failing))
    }

    @Test("a target that is not a unit's on-time rate, or an office without units, is refused with why")
    func problems() throws {
        let scenario = try Self.scenario()
        var online = scenario.targets[0]
        online.measure = .onlineRate
        #expect(UnitStaffingSearch.problem(office: "unit-office", target: online, in: scenario)?.contains("onTimeRate") == true)
        #expect(UnitStaffingSearch.problem(office: "nowhere", target: scenario.targets[0], in: scenario)?.contains("unknown office") == true)
        #expect(UnitStaffingSearch.problem(office: "unit-office", target: scenario.targets[0], in: scenario) == nil)
    }

    @Test("staff --per-unit: what a user can get wrong exits with status 2 and says why")
    func commandErrors() throws {
        let cli = CommandLineTests()
        let noUnits = try cli.motcua(["staff", "scenarios/validation/mm1.json", "--per-unit"])
        #expect(noUnits.status == 2 && noUnits.errors.contains("no office with an instance per unit"))
        let twoOffices = try cli.motcua(["staff", "scenarios/hcmc-2026.json", "--per-unit", "--office", "unit-centre",
                                         "--office", "unit-economy"])
        #expect(twoOffices.status == 2 && twoOffices.errors.contains("give --office once"))
        let online = try cli.motcua(["staff", "scenarios/hcmc-2026.json", "--per-unit", "--target", "online"])
        #expect(online.status == 2 && online.errors.contains("not a unit's on-time rate"))
        let cityOffice = try cli.motcua(["staff", "scenarios/hcmc-2026.json", "--per-unit", "--office", "city-centre"])
        #expect(cityOffice.status == 2 && cityOffice.errors.contains("has no instance per unit"))
    }

    @Test("the report groups units, lists the changed unit and reads in Vietnamese")
    func report() async throws {
        let search = try await Self.search(Self.scenario())
        let provenance = Provenance(scenarioName: "t", scenarioNameVi: nil, file: "t.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 11, replications: 4, warmUpDays: 0, produced: try #require(CivilDate(year: 2026, month: 11, day: 30)))
        let english = DocumentText.render(UnitStaffDocument.document(search, provenance: provenance, language: .en))
        #expect(english.contains("1 of 20 units need more Unit office staff"))
        #expect(english.contains("Unit 7 (North) 1 → 2"))
        #expect(english.contains("Minimality check: with one fewer"))
        let vietnamese = DocumentText.render(UnitStaffDocument.document(search, provenance: provenance, language: .vi))
        #expect(vietnamese.contains("1 trong 20 đơn vị cần thêm cán bộ"))
        #expect(vietnamese.contains("Kiểm tra tối thiểu"))
    }

    @Test("units left as they are that do not pass are not listed as staff changes; undecided units are counted apart; raised units still open are named")
    func openUnitsApart() async throws {
        let search = try await Self.search(Self.scenario())
        let u07 = try #require(search.units.first { $0.id == "u07" })
        let undecided = StaffingUndecided(replications: 4, halfWidth: 0.02, margin: 0.004, suggested: 400)
        func unit(_ u: UnitStaffingSearch.Unit, staff: Int, passes: Bool, undecided: StaffingUndecided?) -> UnitStaffingSearch.Unit {
            UnitStaffingSearch.Unit(id: u.id, name: u.name, nameVi: u.nameVi, group: u.group, kind: u.kind, today: u.today, low: u.low, high: u.high,
                                    staff: staff, passes: passes, worst: u.worst, worstToday: u.worstToday, setAside: u.setAside,
                                    oneFewerFails: u.oneFewerFails, oneFewer: u.oneFewer, neededFor: u.neededFor, undecided: undecided)
        }
        // u07 raised but still undecided; u01 left at today's staff, undecided.
        let units = search.units.map { u -> UnitStaffingSearch.Unit in
            u.id == "u07" ? unit(u, staff: u07.staff, passes: false, undecided: undecided)
                : u.id == "u01" ? unit(u, staff: u.today, passes: false, undecided: undecided) : u
        }
        let open = UnitStaffingSearch(office: search.office, officeName: search.officeName, officeNameVi: search.officeNameVi, target: search.target,
                                      figures: search.figures, units: units, rounds: search.rounds, reduces: false, settled: true,
                                      distinctStaffings: search.distinctStaffings, simulatedReplications: 10, storedReplications: 0,
                                      replications: 4, screening: 3, confidence: 0.95, seconds: 36_000)
        let provenance = Provenance(scenarioName: "t", scenarioNameVi: nil, file: "t.json", fingerprint: 0, overlays: [], settings: [],
                                    load: 1, seed: 11, replications: 4, warmUpDays: 0, produced: try #require(CivilDate(year: 2026, month: 11, day: 30)))
        let document = UnitStaffDocument.document(open, provenance: provenance, language: .en)
        let changes = try #require(document.sections.first { $0.id == "changes" })
        #expect(changes.title.hasSuffix("(1)"), "only u07's staff changes")
        #expect(document.sections.first { $0.id == "not_passing" }?.title.hasSuffix("(1)") == true, "u01 is listed apart")
        let text = DocumentText.render(document)
        #expect(text.contains("Of the units raised, 1 do not pass at the staff recommended either"))
        // 400 replications at 3,600 s a replication (36,000 s for 10): 400 hours.
        #expect(text.contains("about 400.0 hours of computing"))
        let groups = try #require(document.sections.first { $0.id == "groups" })
        guard case .table(let table)? = groups.blocks.first else { Issue.record("no group table"); return }
        let notMet = try #require(table.columns.firstIndex { $0.key == "not_met" })
        let undecidedColumn = try #require(table.columns.firstIndex { $0.key == "undecided" })
        let north = try #require(table.rows.first { if case .text("North") = $0[0] { true } else { false } })
        func count(_ cell: ReportCell) -> Double? { if case .value(let v, _) = cell { v } else { nil } }
        #expect(count(north[notMet]) == 0)
        #expect(count(north[undecidedColumn]) == 2)
    }
}
