import Foundation
import Testing
@testable import MotCua

/// `scenarios/hcmc-2026.json`: Ho Chi Minh City's 168 units at full scale (issue 19).
@Suite("The HCMC 2026 city scenario")
struct CityScenarioTests {
    static let path = "scenarios/hcmc-2026.json"

    @Test("all 168 units of Resolution 1685: 113 wards, 54 communes, one special zone, each with a group")
    func units() throws {
        let scenario = try ScenarioLoader.load(path: Repository.path(Self.path))
        let desk = try #require(scenario.offices.first { $0.id == "unit-centre" })
        #expect(desk.instances.count == 168)
        let kinds = Dictionary(grouping: desk.instances, by: \.kind).mapValues(\.count)
        #expect(kinds == ["ward": 113, "commune": 54, "special-zone": 1])
        #expect(desk.instances.allSatisfy { !($0.group ?? "").isEmpty })
        #expect(Set(desk.instances.map(\.id)).count == 168)
        // Staff by kind: a commune's desk is smaller than a ward's.
        let commune = try #require(desk.instances.first { $0.kind == "commune" })
        let ward = try #require(desk.instances.first { $0.kind == "ward" })
        #expect((commune.staff ?? desk.staff) < (ward.staff ?? desk.staff))
    }

    @Test("every unit row and every number-bearing entry says where it comes from")
    func sources() throws {
        let text = try String(contentsOfFile: Repository.path("scenarios/tables/hcmc-2026-units.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count == 168)
        let published = ["vietnamnet", "plo.vn", "cafef.vn", "news.laodong.vn", "news.daisan.vn", "thanhnien.vn"]
        #expect(rows.allSatisfy { row in
            guard row.contains("Resolution 1685"), let population = row.range(of: "population: ") else { return false }
            let source = row[population.upperBound...]
            return source.hasPrefix("assumption: ") || published.contains { source.hasPrefix($0) }
        })
        // An equal share is no longer a basis: an assumed population says how it was derived.
        #expect(!rows.contains { $0.contains("shared equally") })
        let document = try JSONParser.parse(Array(Data(contentsOf: URL(fileURLWithPath: Repository.path(Self.path)))))
        for section in ["offices", "procedures", "targets", "backTest"] {
            guard case .array(let entries)? = document[section] else { Issue.record("no \(section)"); continue }
            for entry in entries {
                guard case .string(let source)? = entry["source"] else {
                    Issue.record("\(section): an entry has no source: \(entry)")
                    continue
                }
                #expect(!source.isEmpty)
            }
        }
    }

    @Test("each unit's land dossiers go to the branch of its former district: 38 branches, each serving some units")
    func landBranches() throws {
        let scenario = try ScenarioLoader.load(path: Repository.path(Self.path))
        let land = try #require(scenario.offices.first { $0.id == "land-registration" })
        let branches = Set(land.instances.compactMap(\.branch))
        #expect(land.instances.count == 168 && land.instances.allSatisfy { $0.branch != nil })
        #expect(branches.count == 38)
        #expect(branches.allSatisfy { id in scenario.offices.contains { $0.id == id && $0.instances.isEmpty } })
        let model = SimulationModel(scenario: scenario)
        #expect(model.offices.filter { $0.kind == .landBranch && $0.id.hasPrefix("land-branch-") }.count == 38)
        #expect(!model.offices.contains { $0.id.hasPrefix("land-registration/") })
        // Units of one former district share a branch.
        for (n, unit) in land.instances.enumerated() {
            let sameGroup = land.instances.enumerated().filter { $0.element.group == unit.group }
            #expect(sameGroup.allSatisfy { $0.element.branch == unit.branch }, "unit \(n)")
        }
    }

    @Test("a unit's neighbour is a unit of the same former district; Côn Đảo has none")
    func neighbours() throws {
        let scenario = try ScenarioLoader.load(path: Repository.path(Self.path))
        let desk = try #require(scenario.offices.first { $0.id == "unit-centre" })
        let neighbours = SimulationModel.neighbours(of: desk.instances)
        for (n, neighbour) in neighbours.enumerated() {
            if let neighbour { #expect(desk.instances[neighbour].group == desk.instances[n].group && neighbour != n) }
        }
        let conDao = try #require(desk.instances.firstIndex { $0.id == "dac-khu-con-dao" })
        #expect(neighbours[conDao] == nil)
        #expect(neighbours.compactMap { $0 }.count == 166, "all but the two units alone in their former district")
    }

    @Test("a short run: every unit receives, the balance holds, the report groups units and shows the back-test")
    func shortRun() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path(Self.path), overlays: [], settings: [("horizon.days", "8")])
        let model = SimulationModel(scenario: scenario)
        #expect(model.collectsUnitFigures)
        let result = try await SimulationRun(model: model, seed: 3).run()
        #expect(result.conservation.isBalanced)
        let summary = ExperimentSummary(model: model, seed: 3, results: [result])
        let units = try #require(summary.unitFigures)
        #expect(units.units.count == 168 && units.units.allSatisfy { $0.received > 0 })
        #expect(units.groups.count > 30 && units.groups.count < 60)
        let report = TextReport.render(summary)
        #expect(report.contains("Back-test against published figures") && report.contains("350/BC-UBND"))
        #expect(report.contains("Worst units by target"))
        // Not a line per unit; the 38 land registration branches are offices of their own, a line each,
        // and January's load (month factor 1.25) lists a few dozen unit offices as unstable.
        #expect(report.split(separator: "\n").count < 450, "a city report is not a line per unit")
    }
}
