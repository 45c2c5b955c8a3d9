import Foundation
import Testing
@testable import MotCua

/// One run of 60 days of Gò Vấp with the land branch's staff set (and, optionally, no desk
/// patience), its tallies and its per-dossier log rows by code.
private func goVap(landBranchStaff: Int, patience: Bool = true, days: Int = 60,
                   seed: UInt64 = 2024) async throws -> (RunResult, [String: [String: String]]) {
    var scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                           settings: [("horizon.days", "\(days)")])
    for i in scenario.offices.indices {
        if scenario.offices[i].id == "land-branch" {
            scenario.offices[i].staff = landBranchStaff
            scenario.offices[i].staffChanges = []
        }
        if !patience { scenario.offices[i].patience = nil }
    }
    let path = NSTemporaryDirectory() + "motcua-decisions-\(landBranchStaff)-\(patience)-\(getpid()).csv"
    defer { unlink(path) }
    let log = try DossierLog(path: path, start: scenario.horizon.start)
    let result = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: seed, log: log).run()
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = lines[0]
    var rows: [String: [String: String]] = [:]
    for line in lines.dropFirst() {
        rows[line[0]] = Dictionary(uniqueKeysWithValues: zip(header, line))
    }
    return (result, rows)
}

/// What the desk check decided for a logged dossier: refused, accepted (it has an appointment),
/// or nil when it never got a final desk outcome (gave up, still at the desk).
private func deskOutcome(_ row: [String: String]) -> String? {
    if row["status"] == "refused" { return "refused" }
    return row["appointment"]?.isEmpty == false ? "accepted" : nil
}

@Suite("Dossier decisions: common random numbers, fees and digitization once per dossier")
struct DecisionTests {
    @Test("a staffing change at the land branch leaves every desk decision of every dossier as it was")
    func staffingLeavesDeskDecisions() async throws {
        let (fewer, fewerRows) = try await goVap(landBranchStaff: 20)
        let (more, moreRows) = try await goVap(landBranchStaff: 24)
        // Arrivals depend on the arrival streams alone, so each dossier keeps its number.
        #expect(fewerRows.count == moreRows.count)
        var compared = 0, differing = 0
        for (code, a) in fewerRows {
            guard let b = moreRows[code] else { Issue.record("\(code) missing with 24 staff"); continue }
            #expect(a["procedure"] == b["procedure"] && a["received"] == b["received"] && a["channel"] == b["channel"])
            guard let x = deskOutcome(a), let y = deskOutcome(b) else { continue }
            compared += 1
            if x != y { differing += 1 }
        }
        #expect(differing == 0, "\(differing) of \(compared) desk outcomes changed with the land branch's staff")
        #expect(compared > fewerRows.count * 9 / 10)
        // The land branch did change something downstream.
        #expect(fewer.procedures.map(\.finishedLate) != more.procedures.map(\.finishedLate))
    }

    @Test("a change in one procedure's volume and online share leaves every decision of another procedure's dossiers as it was")
    func otherProcedureLeavesDecisions() async throws {
        // Land-change's volume +20% and online share 0.3 → 0.5; compare construction permits, whose
        // desk (district construction counters) land-change does not use, so its timing is unchanged.
        func run(_ settings: [(String, String)]) async throws -> [String: [String: String]] {
            let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                                   settings: [("horizon.days", "60")] + settings)
            let path = NSTemporaryDirectory() + "motcua-decisions-other-\(settings.count)-\(getpid()).csv"
            defer { unlink(path) }
            let log = try DossierLog(path: path, start: scenario.horizon.start)
            _ = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 2024, log: log).run()
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            var rows: [String: [String: String]] = [:], seen: [String: Int] = [:]
            for line in lines.dropFirst() {
                let row = Dictionary(uniqueKeysWithValues: zip(lines[0], line))
                // Codes are run-wide numbers and move; a dossier is its procedure and arrival.
                if row["procedure"] == "construction-permit" {
                    let key = row["received"]! + "|" + row["channel"]!
                    rows[key] = row
                    seen[key, default: 0] += 1
                }
            }
            // Two dossiers of one minute and channel cannot be told apart (rows come in order of
            // finishing, which may differ between the runs): leave them out.
            return rows.filter { seen[$0.key] == 1 }
        }
        let base = try await run([])
        let changed = try await run([("procedures.land-change.yearlyVolume", "30000"), ("procedures.land-change.online", "0.5")])
        #expect(base.count > 300 && base.count == changed.count)
        // Timing may move through offices both use (service times are drawn in order of service,
        // citizens give up in shared lines), so compare the decisions of the dossiers accepted in
        // both runs: scanned or not, paid electronically or not, and the result's way back.
        var differing: [String] = [], compared = 0
        for (key, a) in base {
            guard let b = changed[key] else { differing.append(key); continue }
            guard a["appointment"]?.isEmpty == false, b["appointment"]?.isEmpty == false else { continue }
            compared += 1
            var columns = ["digitized", "e_paid"]
            if a["result"]?.isEmpty == false && b["result"]?.isEmpty == false { columns.append("result") }
            for column in columns where a[column] != b[column] {
                differing.append("\(key) \(column): \(a[column] ?? "") → \(b[column] ?? "")")
            }
        }
        #expect(compared > base.count * 8 / 10)
        #expect(differing.isEmpty, "\(differing.count) of \(compared) differ, e.g. \(differing.prefix(3))")
    }

    @Test("without citizens giving up at the desks, the desk counts are identical whatever the land branch's staff")
    func staffingLeavesDeskCounts() async throws {
        let (fewer, _) = try await goVap(landBranchStaff: 20, patience: false)
        let (more, _) = try await goVap(landBranchStaff: 24, patience: false)
        for (a, b) in zip(fewer.procedures, more.procedures) {
            #expect(a.received == b.received && a.online == b.online && a.postal == b.postal)
            #expect(a.refused == b.refused && a.incomplete == b.incomplete)
            // Result pickups (downstream-driven) share the desk counters, so a dossier may be
            // received just before the end in one run and just after in the other.
            let edge = abs(a.accepted - b.accepted)
            #expect(edge <= 2)
            #expect(abs(a.digitized - b.digitized) <= edge && abs(a.feePaying - b.feePaying) <= edge
                    && abs(a.ePaid - b.ePaid) <= edge)
        }
    }

    @Test("a dossier pays its fee once and is digitized once: online dossiers are electronic and paid online")
    func feeAndDigitizationOncePerDossier() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "60")])
        let result = try await SimulationRun(model: SimulationModel(scenario: scenario), seed: 2024).run()
        var checked = 0
        for (spec, t) in zip(scenario.procedures, result.procedures) where t.accepted > 500 {
            #expect(t.digitized <= t.accepted && t.feePaying <= t.accepted && t.ePaid <= t.feePaying)
            let online = Double(t.online) / Double(t.received)
            let scanned = spec.digitization?.share ?? 0
            let digitized = Double(t.digitized) / Double(t.accepted)
            // Four binomial standard deviations (construction's 560 dossiers in 60 days give ±0.063).
            let expected = online + (1 - online) * scanned
            let bound = Swift.max(0.01, 4 * (expected * (1 - expected) / Double(t.accepted)).squareRoot())
            #expect(abs(digitized - expected) < bound, "\(spec.id): digitized \(digitized), expected \(expected) ± \(bound)")
            if let fee = spec.fee {
                #expect(t.feePaying == t.accepted, "\(spec.id): every accepted dossier pays, once")
                let ePaid = Double(t.ePaid) / Double(t.feePaying)
                #expect(abs(ePaid - (online + (1 - online) * fee.ePaymentShare)) < 0.05, "\(spec.id): e-paid \(ePaid)")
            } else {
                #expect(t.feePaying == 0)
            }
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("apologies only for dossiers past their appointment, and every one of them accounted for",
          arguments: ScenarioFilesTests.shipped)
    func apologyInvariants(_ name: String) async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/\(name).json"), overlays: [],
                                               settings: [("horizon.days", "40")])
        let model = SimulationModel(scenario: scenario)
        var owed = 0
        for seed: UInt64 in [1, 2] {
            let result = try await SimulationRun(model: model, seed: seed).run()
            for t in result.procedures {
                #expect(t.apologiesSent == t.lateApologisedOnTime + t.lateApologisedLate)
                #expect(t.apologiesSent <= t.late)
                // Counted where the outcome is judged (finish, end of horizon) on one side, where
                // the apology is decided on the other.
                #expect(t.pastDue == t.late - t.lateByRepeatedSupplements)
                #expect(t.newDateMet + t.newDateMissed + t.newDatePending == t.lateApologisedOnTime)
                owed += t.pastDue
            }
        }
        #expect(owed > 0)
    }

    @Test("decision draws depend on the dossier and the decision only, and are uniform")
    func keyedDraws() {
        let decisions = DecisionRandom(seed: 7)
        let u = decisions.unit(.refusal, procedure: 3, serial: 41)
        #expect(u == DecisionRandom(seed: 7).unit(.refusal, procedure: 3, serial: 41))
        #expect(u != decisions.unit(.incomplete, procedure: 3, serial: 41))
        #expect(u != decisions.unit(.refusal, procedure: 3, serial: 42))
        #expect(u != decisions.unit(.refusal, procedure: 3, serial: 41, occurrence: 1))
        #expect(u != DecisionRandom(seed: 8).unit(.refusal, procedure: 3, serial: 41))
        let n = 100_000
        var sum = 0.0, below = 0
        for serial in 1...n {
            let v = decisions.unit(.supplement, procedure: 0, serial: UInt32(serial))
            sum += v
            if v < 0.1 { below += 1 }
        }
        #expect(abs(sum / Double(n) - 0.5) < 0.005)
        #expect(abs(Double(below) / Double(n) - 0.1) < 0.005)
    }
}

@Suite("Verdicts that repeat an input")
struct InputDrivenVerdictTests {
    @Test("the apology, digitization and e-payment verdicts name the input that sets them, in every report")
    func inputDrivenNotes() async throws {
        let scenario = try ScenarioLoader.load(path: Repository.path("scenarios/go-vap-2024.json"), overlays: [],
                                               settings: [("horizon.days", "30")])
        let model = SimulationModel(scenario: scenario)
        let results = try await Experiment.run(model: model, seed: 5, replications: 1, jobs: 1)
        let summary = ExperimentSummary(model: model, seed: 5, results: results)
        let apology = try #require(summary.targets.first { $0.measure == .apologyRate })
        #expect(apology.inputDriven == "policies.apology.onTimeShare = 0.9 (assumption)")
        let digitization = try #require(summary.targets.first { $0.measure == .digitizationRate })
        #expect(digitization.inputDriven?.hasPrefix("digitization.share = ") == true)
        // On-time and late verdicts repeat no input; one may rest on the assumed repeatShare (HonestyTests).
        #expect(summary.targets.filter { $0.measure == .onTimeRate || $0.measure == .lateRate }.allSatisfy {
            $0.inputDriven == nil || $0.inputDrivenKind == .restsOnAssumption })
        let text = TextReport.render(summary)
        #expect(text.contains("↳ repeats an input: policies.apology.onTimeShare = 0.9 (assumption)"))
        #expect(TextReport.render(summary, language: .vi).contains("↳ lặp lại tham số đầu vào: policies.apology.onTimeShare"))
        #expect(HTMLReport.render(summary).contains("policies.apology.onTimeShare = 0.9 (assumption)"))
        let json = JSONWriter.text(JSONReport.document(summary))
        #expect(json.contains("\"inputDriven\": \"policies.apology.onTimeShare = 0.9 (assumption)\""))
    }
}
