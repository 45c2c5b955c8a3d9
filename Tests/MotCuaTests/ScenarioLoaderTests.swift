import Testing
@testable import MotCua

/// A small valid scenario; tests break one thing at a time.
let minimalScenario = """
{
  "name": "Minimal",
  "horizon": {"start": "2024-01-01", "days": 10},
  "calendar": {"mode": "always-open"},
  "fields": [{"id": "civil-status", "name": "Civil status"}],
  "offices": [
    {"id": "desk", "kind": "desk", "level": "ward", "name": "Desk", "staff": 2},
    {"id": "justice", "kind": "department", "level": "district", "name": "Justice", "staff": 1}
  ],
  "procedures": [{
    "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": 1000,
    "deadline": {"workingDays": 3},
    "intake": {"office": "desk", "service": {"type": "exponential", "mean": 10}},
    "steps": [{"office": "justice", "service": {"type": "triangular", "min": 5, "mode": 10, "max": 30}}]
  }],
  "targets": [{"id": "t", "label": "On time", "measure": "onTimeRate", "field": "*", "comparator": ">=", "threshold": 0.98}]
}
"""

@Suite("Scenario loading and checking")
struct ScenarioLoaderTests {
    /// The problems reported for `minimalScenario` after replacing `old` by `new`.
    func problems(replacing old: String, with new: String) -> [ScenarioIssue] {
        precondition(minimalScenario.contains(old), "test setup: \(old) not found")
        do {
            _ = try decodeScenario(minimalScenario.replacingOccurrences(of: old, with: new))
            return []
        } catch {
            return error.issues
        }
    }

    @Test("the minimal scenario is valid")
    func minimalIsValid() throws {
        let scenario = try decodeScenario(minimalScenario)
        #expect(scenario.procedures[0].steps.count == 1)
        #expect(scenario.offices.count == 2)
    }

    static let broken: [(old: String, new: String, path: String, words: String)] = [
        ("\"staff\": 2", "\"staff\": -1", "offices[desk].staff", "≥ 0"),
        ("\"staff\": 2", "\"staff\": \"two\"", "offices[desk].staff", "whole number"),
        ("\"yearlyVolume\": 1000", "\"yearlyVolume\": -1", "procedures[birth].yearlyVolume", "≥ 0"),
        ("\"office\": \"justice\"", "\"office\": \"justise\"", "procedures[birth].steps[0].office", "unknown office"),
        ("\"field\": \"civil-status\", \"yearly", "\"field\": \"land\", \"yearly", "procedures[birth].field", "unknown field"),
        ("\"kind\": \"desk\"", "\"kind\": \"counter\"", "offices[desk].kind", "expected one of"),
        ("\"mean\": 10}", "\"mean\": 10, \"sd\": 2}", "procedures[birth].intake.service.sd", "not a parameter"),
        ("\"days\": 10", "\"dayz\": 10", "horizon.dayz", "did you mean \"days\""),
        ("\"start\": \"2024-01-01\"", "\"start\": \"2024-02-30\"", "horizon.start", "YYYY-MM-DD"),
        ("\"min\": 5, \"mode\": 10, \"max\": 30", "\"min\": 5, \"mode\": 40, \"max\": 30", "procedures[birth].steps[0].service", "min ≤ mode ≤ max"),
        ("\"threshold\": 0.98", "\"threshold\": 98", "targets[t].threshold", "≤ 1"),
        ("{\"id\": \"justice\", \"kind\": \"department\", \"level\": \"district\", \"name\": \"Justice\", \"staff\": 1}",
         "{\"id\": \"justice\", \"kind\": \"department\", \"level\": \"district\", \"name\": \"Justice\", \"staff\": 0}",
         "procedures[birth].steps[0].office", "no staff"),
        ("\"workingDays\": 3", "\"workingDays\": 3.5", "procedures[birth].deadline.workingDays", "whole number"),
        ("\"mode\": \"always-open\"", "\"mode\": \"working-days\", \"holidays\": \"calendars/none.json\"", "calendar.holidays", "no such file"),
        ("\"id\": \"justice\"", "\"id\": \"desk\"", "offices[1].id", "duplicate office id"),
        ("\"deadline\": {\"workingDays\": 3}", "\"deadline\": {\"workingDays\": 3}, \"online\": 1.5", "procedures[birth].online", "≤ 1"),
        ("\"name\": \"Minimal\",", "\"name\": \"Minimal\", \"seeds\": 3,", "seeds", "did you mean \"seed\""),
        ("\"name\": \"Minimal\",", "", "name", "missing"),
        ("\"mode\": \"always-open\"", "\"mode\": \"sometimes\"", "calendar.mode", "expected one of"),
        ("\"mode\": \"always-open\"", "\"mode\": \"working-days\", \"holidays\": \"calendars/vietnam.json\", \"hours\": [[\"07:30\", \"25:00\"]]", "calendar.hours[0]", "HH:MM"),
        ("\"mode\": \"always-open\"", "\"mode\": \"working-days\", \"holidays\": \"calendars/vietnam.json\", \"hours\": [[\"13:00\", \"17:00\"], [\"07:30\", \"11:30\"]]", "calendar.hours[1]", "in order"),
        ("\"mode\": \"always-open\"", "\"mode\": \"working-days\", \"holidays\": \"calendars/vietnam.json\", \"sameDayCutOff\": \"3pm\"", "calendar.sameDayCutOff", "HH:MM"),
        ("\"fields\": [{\"id\": \"civil-status\", \"name\": \"Civil status\"}]", "\"fields\": []", "fields", "at least one"),
        ("\"level\": \"ward\"", "\"level\": \"province\"", "offices[desk].level", "expected one of"),
        ("\"name\": \"Desk\", \"staff\": 2}", "\"name\": \"Desk\", \"staff\": 2, \"instances\": [{\"id\": \"w1\", \"name\": \"W1\", \"weight\": -1}]}", "offices[desk].instances[w1].weight", "≥ 0"),
        ("\"name\": \"Justice\", \"staff\": 1}", "\"name\": \"Justice\", \"staff\": 1, \"patience\": {\"type\": \"exponential\", \"mean\": 5}}", "offices[justice].patience", "only citizens queueing at a desk"),
        ("\"name\": \"Justice\", \"staff\": 1}", "\"name\": \"Justice\", \"staff\": 1, \"sessions\": [\"16:00\", \"10:00\"]}", "offices[justice].sessions[1]", "increasing order"),
        ("\"name\": \"Justice\", \"staff\": 1}", "\"name\": \"Justice\", \"staff\": 1, \"absences\": [{\"from\": \"2024-01-05\", \"to\": \"2024-01-02\", \"staff\": 1}]}", "offices[justice].absences[0].to", "on or after"),
        ("\"intake\": {\"office\": \"desk\"", "\"intake\": {\"office\": \"justice\"", "procedures[birth].intake.office", "one-stop desk"),
        ("{\"office\": \"justice\", \"service\": {\"type\": \"triangular\", \"min\": 5, \"mode\": 10, \"max\": 30}}", "{\"office\": \"justice\"}", "procedures[birth].steps[0]", "needs a service"),
        ("{\"office\": \"justice\", \"service\": {\"type\": \"triangular\", \"min\": 5, \"mode\": 10, \"max\": 30}}", "{\"office\": \"justice\", \"service\": {\"type\": \"deterministic\", \"value\": 9000}}", "procedures[birth].deadline.workingDays", "every dossier would be late"),
        ("{\"office\": \"justice\", \"service\": {\"type\": \"triangular\", \"min\": 5, \"mode\": 10, \"max\": 30}}", "{\"office\": \"justice\", \"service\": {\"type\": \"empirical\", \"values\": [1, 2], \"weights\": [1]}}", "procedures[birth].steps[0].service.weights", "as many weights"),
        ("{\"office\": \"justice\", \"service\": {\"type\": \"triangular\", \"min\": 5, \"mode\": 10, \"max\": 30}}", "{\"office\": \"justice\", \"service\": {\"type\": \"gamma\", \"shape\": 2, \"scale\": 5}, \"supplement\": {\"share\": 0.1, \"repeatShare\": 1, \"delay\": {\"type\": \"exponential\", \"mean\": 10}}}", "procedures[birth].steps[0].supplement.repeatShare", "≤ 0.95"),
        ("\"deadline\": {\"workingDays\": 3}", "\"deadline\": {\"workingDays\": 3}, \"load\": {\"weekday\": [1, 1, 1]}", "procedures[birth].load.weekday", "expected 7 factors"),
        ("\"deadline\": {\"workingDays\": 3}", "\"deadline\": {\"workingDays\": 3}, \"load\": {\"month\": [0,0,0,0,0,0,0,0,0,0,0,0]}", "procedures[birth].load.month", "at least one factor above 0"),
        ("\"field\": \"*\"", "\"field\": \"land\"", "targets[t].field", "unknown field"),
        ("\"field\": \"*\"", "\"field\": \"*\", \"office\": \"nowhere\"", "targets[t].office", "unknown office"),
        ("\"measure\": \"onTimeRate\"", "\"measure\": \"speed\"", "targets[t].measure", "expected one of"),
        ("\"targets\": [", "\"backlog\": [{\"procedure\": \"death\", \"count\": 5}], \"targets\": [", "backlog[0].procedure", "unknown procedure"),
        ("\"targets\": [", "\"policies\": {\"apology\": {\"onTimeShare\": 2}}, \"targets\": [", "policies.apology.onTimeShare", "≤ 1"),
    ]

    @Test("each broken scenario is reported with the right JSON path", arguments: broken.indices)
    func brokenScenario(_ index: Int) {
        let c = ScenarioLoaderTests.broken[index]
        let issues = problems(replacing: c.old, with: c.new)
        #expect(issues.contains { $0.path == c.path && $0.message.contains(c.words) },
                "expected \(c.path) with “\(c.words)”, got \(issues)")
    }

    @Test("several problems are reported together")
    func severalAtOnce() {
        let text = minimalScenario
            .replacingOccurrences(of: "\"staff\": 2", with: "\"staff\": -2")
            .replacingOccurrences(of: "\"yearlyVolume\": 1000", with: "\"yearlyVolume\": -5")
        do {
            _ = try decodeScenario(text)
            Issue.record("accepted a broken scenario")
        } catch {
            #expect(error.issues.count >= 2)
            #expect(error.description.contains("test.json"))
        }
    }

    @Test("a JSON syntax error names the line and column")
    func syntaxError() {
        do {
            _ = try decodeScenario("{\n  \"name\": \"x\",\n  \"horizon\": {\"start\": 2024-01-01}\n}")
            Issue.record("accepted invalid JSON")
        } catch {
            #expect(error.issues.first?.message.contains("line 3") == true)
        }
    }

    @Test("truncated files and invalid UTF-8 are errors, not crashes")
    func damagedBytes() {
        let truncated = Array(minimalScenario.utf8.prefix(200))
        #expect(throws: ScenarioError.self) { try ScenarioLoader.decode(truncated, file: "t.json", directory: ".") }
        var bytes = Array(minimalScenario.utf8)
        let i = bytes.firstIndex(of: UInt8(ascii: "M"))!
        bytes[i] = 0xFF
        #expect(throws: ScenarioError.self) { try ScenarioLoader.decode(bytes, file: "t.json", directory: ".") }
    }
}

@Suite("Limits")
struct LimitTests {
    @Test("a run too large for one replication is refused up front, saying what horizon would fit")
    func tooLarge() {
        let json = minimalScenario.replacingOccurrences(of: "\"yearlyVolume\": 1000", with: "\"yearlyVolume\": 1e9")
            .replacingOccurrences(of: "\"days\": 10", with: "\"days\": 3660")
        do {
            _ = try decodeScenario(json)
            Issue.record("accepted ten billion dossiers in one replication")
        } catch {
            #expect(error.issues.contains { $0.path == "procedures" && $0.message.contains("fits") })
        }
    }

    @Test("too many replications are refused with how many would fit")
    func tooManyReplications() throws {
        let scenario = try decodeScenario(minimalScenario)
        #expect(RunLimits.replicationProblem(scenario, replications: 100) == nil)
        let message = try #require(RunLimits.replicationProblem(scenario, replications: 2_000_000_000))
        #expect(message.contains("at most"))
    }
}

extension ScenarioLoaderTests {
    @Test("shares may be written as percentages, in the JSON as in the CSV")
    func percentShares() throws {
        let replacements: [(String, String, String)] = [
            ("\"deadline\": {\"workingDays\": 3}", "\"deadline\": {\"workingDays\": 3}, \"online\": 0.35, \"refusal\": 0.015",
             "\"deadline\": {\"workingDays\": 3}, \"online\": \"35%\", \"refusal\": \"1,5%\""),
            ("\"threshold\": 0.98", "\"threshold\": 0.98", "\"threshold\": \"98%\""),
            ("\"targets\": [", "\"policies\": {\"apology\": {\"onTimeShare\": 0.9}}, \"targets\": [",
             "\"policies\": {\"apology\": {\"onTimeShare\": \"90 %\"}}, \"targets\": ["),
        ]
        var decimal = minimalScenario, percent = minimalScenario
        for (old, number, text) in replacements {
            decimal = decimal.replacingOccurrences(of: old, with: number)
            percent = percent.replacingOccurrences(of: old, with: text)
        }
        let a = try decodeScenario(decimal), b = try decodeScenario(percent)
        #expect(b.procedures[0].onlineShare == 0.35 && a.procedures[0].onlineShare == 0.35)
        #expect(abs(b.procedures[0].refusalShare - a.procedures[0].refusalShare) < 1e-12)
        #expect(b.targets[0].threshold == a.targets[0].threshold)
        #expect(b.policies.apologyOnTimeShare == a.policies.apologyOnTimeShare)
        let over = problems(replacing: "\"deadline\": {\"workingDays\": 3}", with: "\"deadline\": {\"workingDays\": 3}, \"online\": \"135%\"")
        #expect(over.contains { $0.path == "procedures[birth].online" && $0.message.contains("100%") })
        let words = problems(replacing: "\"deadline\": {\"workingDays\": 3}", with: "\"deadline\": {\"workingDays\": 3}, \"online\": \"half\"")
        #expect(words.contains { $0.path == "procedures[birth].online" && $0.message.contains("\"35%\"") })
    }

    @Test("paths name elements by id; an id used twice falls back to positions")
    func pathsByID() {
        let staff = problems(replacing: "\"staff\": 1}", with: "\"staff\": -1}")
        #expect(staff.map(\.path) == ["offices[justice].staff"])
        let twice = problems(replacing: "\"id\": \"justice\"", with: "\"id\": \"desk\"")
        #expect(twice.contains { $0.path == "offices[1].id" && $0.message.contains("first used at offices[0]") })
    }
}
