import Foundation
import Testing
import MotCua
import MotCuaServe

/// 50 clients at once on loopback: pages and API calls, with a job running meanwhile.
/// MOTCUA_SERVE_LOAD_SECONDS sets how long (default 2 s; e.g. 120 for the long version, run
/// alone: `MOTCUA_SERVE_LOAD_SECONDS=120 swift test --filter ServeLoadTests`, which also checks
/// the process's memory).
@Suite("serve: load", .serialized)
struct ServeLoadTests {
    final class Counts: @unchecked Sendable {
        // @unchecked: guarded by `lock`.
        let lock = NSLock()
        var ok = 0, refused = 0, failed = 0
        var failures: [String] = []
        func add(ok: Int = 0, refused: Int = 0, failure: String? = nil) {
            lock.withLock {
                self.ok += ok
                self.refused += refused
                if let failure { failed += 1; if failures.count < 5 { failures.append(failure) } }
            }
        }
    }

    @Test("50 concurrent clients: no failed request except the deliberate refusals, memory flat")
    func fiftyClients() async throws {
        let given = ProcessInfo.processInfo.environment["MOTCUA_SERVE_LOAD_SECONDS"].flatMap { Double($0) }
        let seconds = given ?? 2, long = given != nil
        let fixture = try ServeFixture()
        let job = try fixture.submit(#"{"kind":"run","scenario":"user/small","replications":2}"#)
        let port = fixture.port, token = fixture.token
        let calls: [(String, [(String, String)], Int)] = [
            ("/?token=\(token)", [], 200),
            ("/api/scenarios", [("X-MotCua-Token", token)], 200),
            ("/api/jobs", [("X-MotCua-Token", token)], 200),
            ("/api/scenario?id=user/small", [("X-MotCua-Token", token)], 200),
            ("/api/jobs/\(job)", [("X-MotCua-Token", token)], 200),
            ("/api/jobs", [], 403),  // deliberate: no token
        ]
        @Sendable func hammer(for duration: Double, counts: Counts) {
            runConcurrently(50) { client in
                let end = Date().addingTimeInterval(duration)
                var i = client
                while Date() < end {
                    let (path, headers, expected) = calls[i % calls.count]
                    i += 1
                    do {
                        let reply = try HTTPClient.request(port: port, method: "GET", path: path, headers: headers, body: [])
                        if reply.status == expected {
                            counts.add(ok: expected == 200 ? 1 : 0, refused: expected == 200 ? 0 : 1)
                        } else {
                            counts.add(failure: "\(path): \(reply.status)")
                        }
                    } catch {
                        counts.add(failure: "\(path): \(error)")
                    }
                }
            }
        }
        try await offPool { hammer(for: min(1, seconds / 4), counts: Counts()) }  // warm-up: threads, caches
        let before = residentBytes()
        let counts = Counts()
        let started = Date()
        try await offPool { hammer(for: seconds, counts: counts) }
        let elapsed = Date().timeIntervalSince(started)
        let after = residentBytes()
        let record = try await fixture.wait(job)
        print("serve load: \(counts.ok + counts.refused) requests in \(String(format: "%.1f", elapsed)) s "
              + "(\(Int(Double(counts.ok + counts.refused) / elapsed))/s) by 50 clients; \(counts.refused) deliberate refusals; "
              + "\(counts.failed) failed; resident memory \(before / 1_048_576) → \(after / 1_048_576) MiB")
        #expect(counts.failed == 0, "\(counts.failures)")
        #expect(counts.ok > 50 && counts.refused > 5)
        // Every connection is closed and its thread gone once the clients stop.
        var open = fixture.server.http.openConnections
        for _ in 0..<50 where open > 0 {
            try await Task.sleep(for: .milliseconds(100))
            open = fixture.server.http.openConnections
        }
        #expect(open == 0, "\(open) connections still open")
        // The process's memory is the server's only when the test runs alone (the long version,
        // run by itself); in the whole suite other tests' simulations share it.
        if long { #expect(after - before < 40 * 1_048_576, "memory grew from \(before) to \(after)") }
        #expect(record["status"] as? String == "done")
    }
}
