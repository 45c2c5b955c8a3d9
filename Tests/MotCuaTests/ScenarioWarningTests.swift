import Foundation
import Testing
@testable import MotCua

@Suite("Warnings: allowed, but probably not meant")
struct ScenarioWarningTests {
    func warnings(replacing old: String, with new: String) throws -> [ScenarioIssue] {
        precondition(minimalScenario.contains(old), "test setup: \(old) not found")
        return try decodeScenario(minimalScenario.replacingOccurrences(of: old, with: new)).warnings
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = NSTemporaryDirectory() + "motcua-warnings-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the minimal scenario has no warnings")
    func minimalHasNone() throws {
        #expect(try decodeScenario(minimalScenario).warnings.isEmpty)
    }

    @Test("Gò Vấp copied to 2025: its 2024 dates (a surge, three absences, a staff change, two deadline versions) warn, one each")
    func staleDates() throws {
        let path = Repository.path("scenarios/go-vap-2024.json")
        #expect(try ScenarioLoader.load(path: path).warnings.filter { $0.message.contains("horizon") }.isEmpty)
        let copied = try ScenarioLoader.load(path: path, overlays: [], settings: [("horizon.start", "2025-01-01")])
        // The whole of 2025 also crosses 1 July, when the districts were abolished: that warning is apart.
        let dated = copied.warnings.filter { $0.message.contains("horizon") && !$0.path.hasSuffix(".level") }
        #expect(dated.count == 7, "\(dated)")
        #expect(copied.warnings.filter { $0.path.hasSuffix(".level") }.count == 1)
        #expect(dated.filter { $0.path.hasSuffix(".versions[0].from") && $0.message.contains("applies to every dossier") }.count == 2)
        #expect(dated.contains { $0.path == "load.surges[0]" && $0.message.contains("surge has no effect") })
        #expect(dated.filter { $0.path.contains(".absences[") && $0.message.contains("absence has no effect") }.count == 3)
        #expect(dated.contains { $0.path == "offices[land-branch].staffChanges[0].from" && $0.message.contains("21 staff from the first day") })
        #expect(copied.warnings.count == Set(copied.warnings.map(\.description)).count, "one warning per problem")
    }

    @Test("a district-level scenario whose horizon reaches 1 July 2025 warns that the districts were abolished; one that ends by 30 June 2025 or has no district office does not")
    func districtLevelAfterAbolition() throws {
        let path = Repository.path("scenarios/go-vap-2024.json")
        func districtWarnings(_ start: String, _ days: Int, scenario: String = path) throws -> [ScenarioIssue] {
            try ScenarioLoader.load(path: scenario, overlays: [], settings: [("horizon.start", start), ("horizon.days", "\(days)")])
                .warnings.filter { $0.message.contains("districts were abolished") }
        }
        let crossing = try districtWarnings("2025-06-15", 40)
        #expect(crossing.count == 1, "\(crossing)")
        #expect(crossing.first?.path.hasPrefix("offices[") == true && crossing.first?.path.hasSuffix("].level") == true, "\(crossing)")
        let message = crossing.first?.message ?? ""
        for part in ["district level", "2025-07-01", "Resolution 1685/NQ-UBTVQH15", "Decree 118/2025/NĐ-CP", "reaches"] {
            #expect(message.contains(part), "\(part): \(message)")
        }
        let later = try districtWarnings("2030-02-01", 10)
        #expect(later.count == 1 && later.first?.message.contains("whole horizon") == true, "\(later)")
        #expect(try districtWarnings("2025-06-01", 30).isEmpty, "ends on 30 June 2025")
        #expect(try districtWarnings("2024-01-01", 366).isEmpty)
        #expect(try districtWarnings("2026-01-01", 20, scenario: Repository.path("scenarios/hcmc-two-level-2026.json")).isEmpty,
                "no district office")
        // A warning, not an error: the scenario still loads and runs.
        #expect(try ScenarioLoader.load(path: path, overlays: [], settings: [("horizon.start", "2025-06-15")]).horizon.days == 366)
    }

    @Test("the city of the two-level government warns when its horizon starts before 1 July 2025; from that day it does not")
    func twoLevelBeforeCreation() throws {
        func cityWarnings(_ start: String) throws -> [ScenarioIssue] {
            try ScenarioLoader.load(path: Repository.path("scenarios/hcmc-2026.json"), overlays: [],
                                    settings: [("horizon.start", start), ("horizon.days", "10")])
                .warnings.filter { $0.message.contains("structure that did not exist") }
        }
        let early = try cityWarnings("2025-06-27")
        #expect(early.count == 1 && early.first?.message.contains("168 units") == true && early.first?.message.contains("2025-07-01") == true,
                "\(early)")
        #expect(try cityWarnings("2025-07-01").isEmpty)
        #expect(try cityWarnings("2026-01-01").isEmpty)
    }

    @Test("a staff change in a year after the horizon never applies; later in the same year is a shortened run; a surge overlapping the horizon is fine")
    func datesAtTheEdges() throws {
        func staffChange(_ date: String) throws -> [ScenarioIssue] {
            try warnings(replacing: "\"name\": \"Justice\", \"staff\": 1}",
                         with: "\"name\": \"Justice\", \"staff\": 1, \"staffChanges\": [{\"from\": \"\(date)\", \"staff\": 2}]}")
        }
        let after = try staffChange("2025-03-01")
        #expect(after.map(\.path) == ["offices[justice].staffChanges[0].from"])
        #expect(after.first?.message.contains("never applies") == true)
        #expect(try staffChange("2024-03-01").isEmpty)
        let overlapping = try warnings(replacing: "\"targets\": [",
                                       with: "\"load\": {\"surges\": [{\"from\": \"2023-12-20\", \"to\": \"2024-01-03\", \"factor\": 2}]}, \"targets\": [")
        #expect(overlapping.isEmpty)
    }

    @Test("a procedure with no arrivals is allowed, with a warning")
    func noArrivals() throws {
        let found = try warnings(replacing: "\"yearlyVolume\": 1000", with: "\"yearlyVolume\": 0")
        #expect(found.contains { $0.path == "procedures[birth].yearlyVolume" && $0.message.contains("no dossier") })
        #expect(found.contains { $0.path == "targets[t]" && $0.message.contains("measures nothing") })
    }

    @Test("an office no route reaches")
    func unreachedOffice() throws {
        let found = try warnings(replacing: "{\"id\": \"justice\"",
                                 with: "{\"id\": \"archive\", \"kind\": \"department\", \"level\": \"district\", \"name\": \"Archive\", \"staff\": 1},\n    {\"id\": \"justice\"")
        #expect(found.map(\.path) == ["offices[archive]"])
    }

    @Test("a target whose field has no procedure at its level measures nothing")
    func targetWithoutDossiers() throws {
        let found = try warnings(replacing: "\"field\": \"*\"", with: "\"field\": \"civil-status\", \"level\": \"district\"")
        #expect(found.map(\.path) == ["targets[t].field"])
        #expect(found.first?.message.contains("received at district level") == true)
    }

    @Test("a holiday table that covers the horizon but lists no day off in one of its years")
    func holidaysMissing() throws {
        let table = try temporaryFile("holidays.json", """
            {"name": "t", "covers": {"from": "2024-01-01", "to": "2025-12-31"},
             "daysOff": [{"date": "2024-04-30"}], "makeUpWorkingDays": []}
            """)
        let text = minimalScenario
            .replacingOccurrences(of: "\"calendar\": {\"mode\": \"always-open\"}", with: "\"calendar\": {\"holidays\": \"\(table)\"}")
            .replacingOccurrences(of: "\"days\": 10}", with: "\"days\": 400}")
        let found = try decodeScenario(text).warnings
        #expect(found.map(\.path) == ["calendar.holidays"])
        #expect(found.first?.message.contains("no day off in 2025") == true)
    }

    @Test("an overlay that multiplies a volume by more than three warns; a modest change does not")
    func overlayVolumes() throws {
        let base = try temporaryFile("base.json", minimalScenario)
        let big = try temporaryFile("big.json", #"{"procedures": [{"id": "birth", "yearlyVolume": 12000}]}"#)
        let modest = try temporaryFile("modest.json", #"{"procedures": [{"id": "birth", "yearlyVolume": 2500}]}"#)
        let found = try ScenarioLoader.load(path: base, overlays: [big], settings: []).warnings
        #expect(found.map(\.path) == ["procedures[birth].yearlyVolume"])
        #expect(found.first?.message.contains("12 times the base's 1000") == true)
        #expect(try ScenarioLoader.load(path: base, overlays: [modest], settings: []).warnings.isEmpty)
    }
}
