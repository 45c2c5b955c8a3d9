import Foundation
import Testing
@testable import MotCua

/// Three units in two groups (only the first has residents): a per-unit desk, a per-unit land
/// office served by branches where `landExtra` says so, two branch offices and one procedure.
private func branchScenario(units: String, anywhere: String = "{}", landExtra: String = "") -> String {
    """
    {
      "name": "Branches and neighbours",
      "horizon": {"start": "2026-01-01", "days": 60},
      "calendar": {"mode": "always-open"},
      "units": \(units),
      "fields": [{"id": "land", "name": "Land"}],
      "offices": [
        {"id": "unit-desk", "kind": "desk", "level": "ward", "name": "Unit centre", "staff": 2, "instances": "units"},
        {"id": "land", "kind": "land-branch", "level": "city", "name": "Land registration", "staff": 2,
         "instances": "units"\(landExtra)},
        {"id": "land-1", "kind": "land-branch", "level": "city", "name": "Land branch 1", "staff": 2},
        {"id": "land-2", "kind": "land-branch", "level": "city", "name": "Land branch 2", "staff": 2}
      ],
      "procedures": [{
        "id": "transfer", "name": "Land transfer", "field": "land", "yearlyVolume": 20000,
        "deadline": {"workingDays": 8},
        "intake": {"office": "unit-desk", "service": {"type": "exponential", "mean": 5}},
        "steps": [{"office": "land", "service": {"type": "exponential", "mean": 10}}],
        "filingAnywhere": \(anywhere)
      }]
    }
    """
}

/// A (residents, group X), B (group Y), C (group X).
private let groupedUnits = """
    [{"id": "a", "name": "A", "group": "X", "weight": 1, "offices": {"land": {"branch": "land-1"}}},
     {"id": "b", "name": "B", "group": "Y", "weight": 0, "offices": {"land": {"branch": "land-2"}}},
     {"id": "c", "name": "C", "group": "X", "weight": 0, "offices": {"land": {"branch": "land-2"}}}]
    """

@Suite("City units: land branches by area, neighbours within the former district")
struct CityBranchTests {
    func served(_ json: String) async throws -> (served: [String: Int], result: RunResult) { try await servedByOffice(json) }

    @Test("a unit's land dossiers go to the branch it names, one office shared by the units it serves")
    func branch() async throws {
        let (served, result) = try await served(branchScenario(units: groupedUnits))
        #expect((served["land-1"] ?? 0) > 500, "\(served)")
        #expect(served["land-2"] == 0, "only A has residents, and A is served by branch 1")
        #expect(!served.keys.contains { $0.hasPrefix("land/") }, "units served by a branch have no land office of their own")
        #expect(result.conservation.isBalanced)
    }

    @Test("a citizen filing at a neighbour goes to the next unit of the same group, not the next in the list")
    func neighbourInGroup() async throws {
        let (served, result) = try await served(branchScenario(units: groupedUnits, anywhere: "{\"neighbourShare\": 1}"))
        #expect(served["unit-desk/a"] == 0)
        #expect((served["unit-desk/c"] ?? 0) > 500, "C is A's neighbour in group X: \(served)")
        #expect(served["unit-desk/b"] == 0, "B is next in the list but of another group")
        #expect(result.conservation.isBalanced)
    }

    @Test("a unit alone in its group has no neighbour: its citizens file at home")
    func aloneInGroup() async throws {
        let units = groupedUnits.replacingOccurrences(of: "\"group\": \"X\", \"weight\": 0", with: "\"group\": \"Z\", \"weight\": 0")
        let (served, _) = try await served(branchScenario(units: units, anywhere: "{\"neighbourShare\": 1}"))
        #expect((served["unit-desk/a"] ?? 0) > 500 && served["unit-desk/b"] == 0 && served["unit-desk/c"] == 0, "\(served)")
    }

    @Test("neighbours: next of the same group cyclically; the next in the list without groups")
    func neighbourTable() {
        func unit(_ id: String, _ group: String?) -> InstanceSpec {
            var u = InstanceSpec(id: id, name: id, nameVi: nil, staff: nil, weight: 1)
            u.group = group
            return u
        }
        #expect(SimulationModel.neighbours(of: [unit("a", "X"), unit("b", "Y"), unit("c", "X"), unit("d", "Z")])
                == [2, nil, 0, nil])
        #expect(SimulationModel.neighbours(of: [unit("a", nil), unit("b", nil), unit("c", nil)]) == [1, 2, 0])
        #expect(SimulationModel.neighbours(of: [unit("a", "X")]) == [nil])
    }

    @Test("a unit naming an unknown branch is reported with its path")
    func unknownBranch() {
        let units = groupedUnits.replacingOccurrences(of: "\"branch\": \"land-2\"}}}]", with: "\"branch\": \"land-3\"}}}]")
        do {
            _ = try decodeScenario(branchScenario(units: units))
            Issue.record("a unit naming an unknown branch was accepted")
        } catch {
            #expect(error.file == "test.json")
            #expect(error.issues.contains { $0.path == "offices[land].instances[2].branch"
                && $0.message.contains("\"c\" names the branch \"land-3\"") && $0.message.contains("land-1") },
                    "\(error.issues)")
        }
    }

    @Test("a unit table's column OFFICE.branch names the unit's branch")
    func branchColumn() throws {
        let dir = NSTemporaryDirectory() + "motcua-branches-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = "id,name,group,weight,land.branch,unit-desk.staff\na,A,X,1,land-2,3\nb,B,Y,1,land-1,\n"
        FileManager.default.createFile(atPath: dir + "/units.csv", contents: Data(csv.utf8))
        let json = branchScenario(units: "[]").replacingOccurrences(of: "\"units\": [],", with: "\"unitTable\": \"units.csv\",")
        let scenario = try ScenarioLoader.decode(Array(json.utf8), file: "test.json", directory: dir)
        let land = scenario.offices[1], desk = scenario.offices[0]
        #expect(land.instances.map(\.branch) == ["land-2", "land-1"])
        #expect(desk.instances.map(\.staff) == [3, nil])
    }
}
