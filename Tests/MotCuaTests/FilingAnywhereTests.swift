import Testing
@testable import MotCua

/// Three units (only the first has residents), a city branch desk, one procedure decided by the
/// citizen's own unit; `anywhere` is the procedure's `filingAnywhere` object.
private func unitsScenario(anywhere: String) -> String {
    let units = """
        [{"id": "a", "name": "A", "weight": 1}, {"id": "b", "name": "B", "weight": 0}, {"id": "c", "name": "C", "weight": 0}]
        """
    return """
    {
      "name": "Filing anywhere",
      "horizon": {"start": "2026-01-01", "days": 60},
      "calendar": {"mode": "always-open"},
      "fields": [{"id": "civil-status", "name": "Civil status"}],
      "offices": [
        {"id": "ward-desk", "kind": "desk", "level": "ward", "name": "Ward centre", "staff": 2, "instances": \(units)},
        {"id": "ward-office", "kind": "department", "level": "ward", "name": "Ward office", "staff": 2, "instances": \(units)},
        {"id": "city-branch", "kind": "desk", "level": "city", "name": "City branch", "staff": 2}
      ],
      "procedures": [{
        "id": "birth", "name": "Birth registration", "field": "civil-status", "yearlyVolume": 20000,
        "deadline": {"workingDays": 3},
        "intake": {"office": "ward-desk", "service": {"type": "exponential", "mean": 5}},
        "steps": [{"office": "ward-office", "service": {"type": "exponential", "mean": 10}}],
        "result": {"service": {"type": "deterministic", "value": 2},
                   "pickupDelay": {"type": "deterministic", "value": 30}},
        "filingAnywhere": \(anywhere)
      }]
    }
    """
}

@Suite("Filing anywhere (phi địa giới hành chính)")
struct FilingAnywhereTests {
    /// Runs the scenario and returns what each office served and the dossier balance.
    func run(_ json: String) async throws -> (served: [String: Int], result: RunResult) { try await servedByOffice(json) }

    @Test("filed at the neighbouring unit: checked and collected there, decided at home, balance exact")
    func neighbour() async throws {
        let (served, result) = try await run(unitsScenario(anywhere: "{\"neighbourShare\": 1}"))
        let received = result.conservation.received
        #expect(received > 2000)
        #expect(served["ward-desk/a"] == 0, "no citizen of A files at A's own desk")
        #expect((served["ward-desk/b"] ?? 0) > received, "B's desk checks A's dossiers and hands back their results")
        #expect(served["ward-desk/c"] == 0 && served["city-branch"] == 0)
        #expect((served["ward-office/a"] ?? 0) > 0, "A's own office decides")
        #expect(served["ward-office/b"] == 0 && served["ward-office/c"] == 0)
        #expect(result.conservation.isBalanced)
        #expect(result.procedures[0].received == received)
    }

    @Test("a dossier's record stays within one cache line with the filing desk")
    func recordSize() {
        #expect(MemoryLayout<DossierRecord>.stride <= 64)
    }

    @Test("filed at the city branch: decided by the home unit")
    func cityBranch() async throws {
        let (served, result) = try await run(unitsScenario(anywhere: "{\"cityShare\": 1, \"cityDesk\": \"city-branch\"}"))
        #expect((served["city-branch"] ?? 0) > result.conservation.received)
        #expect(served["ward-desk/a"] == 0 && served["ward-desk/b"] == 0)
        #expect((served["ward-office/a"] ?? 0) > 0 && served["ward-office/b"] == 0)
        #expect(result.conservation.isBalanced)
    }

    @Test("shares split the paper dossiers between home, neighbour and branch")
    func split() async throws {
        let (served, result) = try await run(unitsScenario(
            anywhere: "{\"neighbourShare\": 0.25, \"cityShare\": 0.25, \"cityDesk\": \"city-branch\"}"))
        let home = Double(served["ward-desk/a"] ?? 0), neighbour = Double(served["ward-desk/b"] ?? 0)
        let branch = Double(served["city-branch"] ?? 0)
        let total = home + neighbour + branch
        #expect(abs(home / total - 0.5) < 0.03 && abs(neighbour / total - 0.25) < 0.03 && abs(branch / total - 0.25) < 0.03,
                "home \(home), neighbour \(neighbour), branch \(branch)")
        #expect(result.conservation.isBalanced)
    }

    @Test("wrong filing-anywhere settings are reported with their path", arguments: [
        ("{\"neighbourShare\": 0.6, \"cityShare\": 0.6, \"cityDesk\": \"city-branch\"}", "procedures[birth].filingAnywhere", "must not exceed 1"),
        ("{\"cityShare\": 0.1, \"cityDesk\": \"ward-office\"}", "procedures[birth].filingAnywhere.cityDesk", "one-stop desk without instances"),
        ("{\"cityShare\": 0.1, \"cityDesk\": \"nowhere\"}", "procedures[birth].filingAnywhere.cityDesk", "unknown office"),
        ("{\"cityShare\": 0.1}", "procedures[birth].filingAnywhere.cityDesk", "missing"),
    ])
    func broken(_ anywhere: String, _ path: String, _ words: String) {
        do {
            _ = try decodeScenario(unitsScenario(anywhere: anywhere))
            Issue.record("accepted \(anywhere)")
        } catch {
            #expect(error.issues.contains { $0.path == path && $0.message.contains(words) }, "\(error.issues)")
        }
    }
}
