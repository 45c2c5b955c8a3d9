import Foundation
import Testing
import MotCua
import MotCuaServe

/// `motcua serve` over real HTTP on 127.0.0.1: the API as the page uses it.
@Suite("serve: the workbench's API", .serialized)
struct ServeTests {
    @Test("scenarios are listed, a form has the offices' staff, an edit is checked per field with the CLI's messages")
    func scenarioForm() async throws {
        let fixture = try ServeFixture()
        let list = try fixture.call("GET", "/api/scenarios")
        #expect(list.status == 200)
        #expect(list.text.contains("\"user\\/small\"") && list.text.contains("\"go-vap-2024\""), "\(list.text)")
        #expect(!list.text.contains("what-if"), "overlays are not offered as scenarios")
        let form = fixture.object(try fixture.call("GET", "/api/scenario?id=user/small"))
        let offices = form["offices"] as? [[String: Any]] ?? []
        #expect(offices.contains { $0["path"] as? String == "offices.land-branch.staff" && $0["value"] as? String == "20" })
        #expect((form["targets"] as? [Any])?.isEmpty == false && (form["loads"] as? [Any])?.count == 19)

        let bad = try fixture.call("POST", "/api/validate", json: #"{"scenario":"user/small","settings":{"offices.land-branch.staff":"-3"}}"#)
        #expect(bad.status == 422)
        let issue = (fixture.object(bad)["issues"] as? [[String: Any]])?.first
        #expect(issue?["field"] as? String == "offices.land-branch.staff")
        // The same message `motcua validate --set offices.land-branch.staff=-3` prints.
        var expected = ""
        do {
            _ = try ScenarioLoader.load(path: fixture.scenarios + "/small.json", overlays: [], settings: [("offices.land-branch.staff", "-3")])
        } catch {
            expected = error.issues.first?.message ?? ""
        }
        #expect(!expected.isEmpty && issue?["message"] as? String == expected, "\(String(describing: issue)) vs \(expected)")
        // A body of the wrong types names the field and what it expected (review 4 #16).
        for (body, path, words) in [(#"{"kind":"run","scenario":"user/small","seed":1.5}"#, "seed", ""),
                                    (#"{"kind":"run","scenario":"user/small","replications":"2"}"#, "replications", "expected a whole number"),
                                    (#"{"scenario":"user/small","settings":{"horizon.days":3}}"#, "settings.horizon.days", "expected a string")] {
            let reply = try fixture.call("POST", body.contains("kind") ? "/api/jobs" : "/api/validate", json: body)
            let problem = (fixture.object(reply)["issues"] as? [[String: Any]])?.first
            #expect(reply.status == 400 && problem?["path"] as? String == path && (words.isEmpty || (problem?["message"] as? String)?.contains(words) == true),
                    "\(body): \(reply.text)")
        }
        let good = try fixture.call("POST", "/api/validate", json: #"{"scenario":"user/small","settings":{"offices.land-branch.staff":"24"}}"#)
        #expect(good.status == 200 && fixture.object(good)["ok"] as? Bool == true)
    }

    @Test("an edit saved as an overlay leaves the base untouched; a run over it keeps its history, files and provenance; the same request reuses its replications; the history survives a restart")
    func runHistoryRestart() async throws {
        let fixture = try ServeFixture()
        let basePath = fixture.scenarios + "/small.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: basePath))
        let saved = try fixture.call("POST", "/api/overlays",
                                     json: #"{"scenario":"user/small","name":"land-24","settings":{"offices.land-branch.staff":"24"}}"#)
        #expect(saved.status == 201, "\(saved.text)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: basePath)) == before, "the base scenario was rewritten")
        let overlayFile = fixture.results + "/scenarios/land-24.json"
        #expect(try String(contentsOfFile: overlayFile, encoding: .utf8).contains("\"staff\": 24"))
        let form = fixture.object(try fixture.call("GET", "/api/scenario?id=user/small"))
        #expect(form["overlays"] as? [String] == ["land-24"])

        let request = #"{"kind":"run","scenario":"user/small","overlay":"land-24","replications":2,"seed":7,"language":"vi"}"#
        let first = try await fixture.wait(try fixture.submit(request))
        #expect(first["status"] as? String == "done", "\(first)")
        #expect((first["verdicts"] as? [[Any]])?.first?.isEmpty == false)
        // The page shows the value the server formatted in each language: 99.82% and 99,82%.
        let shown = (first["verdicts"] as? [[[String: Any]]])?.first?.first
        #expect((shown?["valueText"] as? String)?.wholeMatch(of: /\d+\.\d\d%/) != nil
                && (shown?["valueTextVi"] as? String)?.wholeMatch(of: /\d+,\d\d%/) != nil, "\(String(describing: shown))")
        #expect(first["reused"] as? Int == 0)
        let id = try #require(first["id"] as? String)
        let files = first["files"] as? [String] ?? []
        for name in ["report-en.html", "report-vi.html", "report.json", "report.xlsx", "table-targets.csv"] {
            #expect(files.contains(name), "\(name) missing: \(files)")
            let download = try fixture.call("GET", "/api/jobs/\(id)/files/\(name)")
            #expect(download.status == 200 && download.body.count > 100, "\(name): \(download.status)")
        }
        #expect(try fixture.call("GET", "/api/jobs/\(id)/files/report.xlsx").body.starts(with: Array("PK".utf8)))
        #expect(try fixture.call("GET", "/api/jobs/\(id)/report?lang=vi").text.contains("lang=\"vi\""))
        let provenance = try String(contentsOfFile: fixture.results + "/runs/\(id)/job.json", encoding: .utf8)
        for word in ["\"scenario\" : \"user\\/small\"", "\"overlay\" : \"land-24\"", "\"seed\" : 7", "\"replications\" : 2", "\"created\"", "\"fingerprints\""] {
            #expect(provenance.contains(word), "job.json lacks \(word)")
        }

        let again = try await fixture.wait(try fixture.submit(request))
        #expect(again["status"] as? String == "done" && again["reused"] as? Int == 2, "\(again)")

        let restarted = try ServeFixture(results: fixture.results)
        let history = try restarted.call("GET", "/api/jobs")
        #expect(history.text.contains(id))
        #expect(restarted.object(try restarted.call("GET", "/api/jobs/\(id)"))["status"] as? String == "done")
        #expect(try restarted.call("DELETE", "/api/jobs/\(id)").status == 200)
        #expect(try restarted.call("GET", "/api/jobs/\(id)").status == 404)
        #expect(!FileManager.default.fileExists(atPath: fixture.results + "/runs/\(id)"))
    }

    @Test("compare with the base shows both; two runs of the history compare")
    func compare() async throws {
        let fixture = try ServeFixture()
        let compared = try await fixture.wait(try fixture.submit(
            #"{"kind":"compare","scenario":"user/small","settings":{"offices.land-branch.staff":"12"},"replications":2}"#))
        #expect(compared["status"] as? String == "done", "\(compared)")
        #expect((compared["verdicts"] as? [Any])?.count == 2)
        let id = try #require(compared["id"] as? String)
        let page = try fixture.call("GET", "/api/jobs/\(id)/report").text
        #expect(page.contains("compare-verdicts") && page.contains("user/small + offices.land-branch.staff=12"))
        // The Vietnamese page writes 99,82%, never 99.82% (the verdicts table and the compare report alike).
        let vi = try fixture.call("GET", "/api/jobs/\(id)/report?lang=vi").text
        #expect(vi.contains(/\d,\d\d%/) && !vi.contains(/\d\.\d\d%/), "\(vi.prefix(3000))")

        let a = try await fixture.wait(try fixture.submit(#"{"kind":"run","scenario":"user/small","replications":2}"#))
        let b = try await fixture.wait(try fixture.submit(#"{"kind":"run","scenario":"user/small","replications":2,"settings":{"offices.land-branch.staff":"12"}}"#))
        // Both runs' replications are already stored by the comparison above: nothing is run again.
        #expect(a["reused"] as? Int == 2 && b["reused"] as? Int == 2)
        let runs = try await fixture.wait(try fixture.submit(#"{"kind":"compareRuns","runs":["\#(a["id"] as? String ?? "")","\#(b["id"] as? String ?? "")"]}"#))
        #expect(runs["status"] as? String == "done" && (runs["verdicts"] as? [Any])?.count == 2, "\(runs)")
    }

    @Test("a running job is cancelled within a second; a queued one at once")
    func cancel() async throws {
        let fixture = try ServeFixture()
        // A whole year of Gò Vấp: long enough to be caught running.
        let long = try fixture.submit(#"{"kind":"run","scenario":"go-vap-2024","replications":2}"#)
        let queued = try fixture.submit(#"{"kind":"run","scenario":"go-vap-2024","replications":2,"seed":5}"#)
        let end = Date().addingTimeInterval(30)
        while fixture.object(try fixture.call("GET", "/api/jobs/\(long)"))["status"] as? String != "running" && Date() < end {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(try fixture.call("POST", "/api/jobs/\(queued)/cancel").status == 200)
        #expect(fixture.object(try fixture.call("GET", "/api/jobs/\(queued)"))["status"] as? String == "cancelled")
        let asked = Date()
        #expect(try fixture.call("POST", "/api/jobs/\(long)/cancel").status == 200)
        let record = try await fixture.wait(long, seconds: 10)
        let took = Date().timeIntervalSince(asked)
        #expect(record["status"] as? String == "cancelled", "\(record)")
        // The job's own stop, measured by the server, within a second; as the page sees it (with
        // its polling and a busy machine's delays), within a few.
        let stopped = try #require(record["stoppedAfter"] as? Double)
        #expect(stopped < 1.0, "the job stopped \(stopped) s after the cancel")
        #expect(took < 3.0, "the cancel was seen \(took) s after it was asked")
    }

    @Test("a load sweep runs as motcua sweep does and shows its chart page; a staffing search without targets is refused as motcua staff refuses it")
    func sweepAndStaff() async throws {
        let fixture = try ServeFixture()
        let sweep = try await fixture.wait(try fixture.submit(#"{"kind":"sweep","scenario":"user/small","loads":"1:1.2:0.2","replications":2}"#))
        #expect(sweep["status"] as? String == "done" && sweep["total"] as? Int == 2, "\(sweep)")
        let id = try #require(sweep["id"] as? String)
        let page = try fixture.call("GET", "/api/jobs/\(id)/report")
        #expect(page.status == 200 && page.text.contains("<svg"))
        let staff = try fixture.call("POST", "/api/jobs", json: #"{"kind":"staff","scenario":"validation/mmc"}"#)
        #expect(staff.status == 422 && staff.text.contains("the scenario has no targets: nothing to staff for"))
    }

    @Test("a request the commands would refuse is refused with the same words")
    func refusals() async throws {
        let fixture = try ServeFixture()
        let many = try fixture.call("POST", "/api/jobs", json: #"{"kind":"run","scenario":"user/small","replications":0}"#)
        #expect(many.status == 422 && many.text.contains("replications expects a whole number from 1 to 1000"))
        let kind = try fixture.call("POST", "/api/jobs", json: #"{"kind":"explode","scenario":"user/small"}"#)
        #expect(kind.status == 400)
        let sweep = try fixture.call("POST", "/api/jobs", json: #"{"kind":"sweep","scenario":"user/small","loads":"2:1:0.1"}"#)
        #expect(sweep.status == 422 && sweep.text.contains("FROM:TO:STEP"))
        let notJSON = try fixture.call("POST", "/api/jobs", json: "{kind: run")
        #expect(notJSON.status == 400)
    }
}
