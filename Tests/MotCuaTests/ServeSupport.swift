import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MotCua
import MotCuaServe

/// A workbench on a free port of 127.0.0.1 with its own results folder and a short scenario
/// (Gò Vấp 2024 cut to a few days) in a `--scenarios` folder, for the serve tests.
final class ServeFixture: @unchecked Sendable {
    let server: WorkbenchServer
    let results: String
    let scenarios: String
    var port: Int { server.http.port }
    var token: String { server.workbench.token }

    init(days: Int = 10, limits: HTTPLimits = HTTPLimits(), results existing: String? = nil) throws {
        let root = NSTemporaryDirectory() + "motcua-serve-\(getpid())-\(UUID().uuidString.prefix(8))"
        scenarios = root + "/scenarios"
        results = existing ?? root + "/results"
        try FileManager.default.createDirectory(atPath: scenarios + "/calendars", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("scenarios/calendars/vietnam.json"), toPath: scenarios + "/calendars/vietnam.json")
        let base = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("scenarios/go-vap-2024.json")))))
        let small = try base.setting("horizon.days", to: .number(Double(days)))
        try JSONWriter.text(small).write(toFile: scenarios + "/small.json", atomically: true, encoding: .utf8)
        server = try WorkbenchServer(address: "127.0.0.1", port: 0, shipped: Repository.path("scenarios"), scenarios: scenarios,
                                     results: results, limits: limits, parallel: 2)
    }

    deinit { server.stop() }

    /// A request with the token header (unless `token` is false).
    func call(_ method: String, _ path: String, json body: String? = nil, token useToken: Bool = true,
              headers: [(String, String)] = []) throws -> HTTPReply {
        var all = headers
        if useToken { all.append(("X-MotCua-Token", token)) }
        if body != nil { all.append(("Content-Type", "application/json")) }
        return try HTTPClient.request(port: port, method: method, path: path, headers: all, body: Array((body ?? "").utf8))
    }

    /// The JSON object of a reply.
    func object(_ reply: HTTPReply) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] ?? [:]
    }

    /// Submits a job and returns its id (or fails with the reply).
    func submit(_ body: String) throws -> String {
        let reply = try call("POST", "/api/jobs", json: body)
        guard reply.status == 201, let id = object(reply)["id"] as? String else {
            throw ServeTestError(message: "submit: \(reply.status) \(reply.text)")
        }
        return id
    }

    /// Waits until job `id` is no longer queued or running; its record. It sleeps as a task, not
    /// a thread: the suite's other tests share the cooperative threads.
    func wait(_ id: String, seconds: Double = 300) async throws -> [String: Any] {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let record = object(try call("GET", "/api/jobs/\(id)"))
            if let status = record["status"] as? String, status != "queued" && status != "running" { return record }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeTestError(message: "job \(id) did not finish in \(seconds) s")
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// An HTTP reply as a test reads it.
struct HTTPReply {
    let status: Int
    let head: String
    let body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? {
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces) }
    }
}

/// A plain socket client: the tests control every byte sent, malformed ones included.
enum HTTPClient {
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw ServeTestError(message: "cannot connect to port \(port)") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func write(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Reads until the server closes the connection (every test request says `Connection: close`).
    static func readAll(_ fd: Int32) -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += chunk[0..<count]
        }
        return received
    }

    static func reply(_ bytes: [UInt8]) -> HTTPReply {
        guard let end = RequestParserProbe.endOfHead(bytes) else { return HTTPReply(status: 0, head: String(decoding: bytes, as: UTF8.self), body: []) }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return HTTPReply(status: status, head: head, body: Array(bytes[(end + 4)...]))
    }

    /// Sends raw bytes and reads the reply.
    static func raw(port: Int, _ bytes: [UInt8]) throws -> HTTPReply {
        let fd = try connect(port: port)
        defer { close(fd) }
        write(fd, bytes)
        return reply(readAll(fd))
    }

    static func request(port: Int, method: String, path: String, headers: [(String, String)], body: [UInt8],
                        host: String? = nil) throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        return try raw(port: port, Array((head + "\r\n").utf8) + body)
    }
}

enum RequestParserProbe {
    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 { return i }
        return nil
    }
}

/// The resident memory of this process, in bytes (Linux), for the load test.
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
}

/// Runs `body(0..<count)` on `count` threads of their own and waits for them all (blocking
/// socket clients: a dispatch queue would run only as many at once as there are cores).
func runConcurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for lane in 0..<count {
        group.enter()
        let thread = Thread {
            body(lane)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// Runs blocking `body` (socket clients, a browser) on a thread of its own and awaits it, so
/// that it does not hold one of the cooperative threads the whole suite shares.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
