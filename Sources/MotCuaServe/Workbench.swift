import Foundation
import MotCua

/// The planner's workbench: the page and its JSON API over the scenario catalog and the job
/// board. Every request but the page's first load must carry the per-start token (a header
/// for the API, the cookie for links and the report frame), come to the address the server
/// listens on (`Host`), and, when the browser says where it comes from (`Origin`), come from
/// the page itself: another web page in the user's browser cannot drive the workbench.
public final class Workbench: Sendable {
    public let token: String
    public let catalog: ScenarioCatalog
    public let board: JobBoard
    /// The `Host` values accepted (`127.0.0.1:8080`, `localhost:8080`): a DNS-rebound name is
    /// refused. Nil (bound to every interface) accepts any; the token is still needed.
    let hosts: Set<String>?

    public init(catalog: ScenarioCatalog, board: JobBoard, hosts: Set<String>?, token: String = Workbench.newToken()) {
        self.catalog = catalog
        self.board = board
        self.hosts = hosts
        self.token = token
    }

    /// 128 random bits as hex.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }.joined()
    }

    static let cookieName = "motcua_token"

    /// Answers one request; never throws and never traps on what a client sends.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let host = request.header("host")?.lowercased(), hosts?.contains(host) ?? true else {
            return .text("unknown Host: open the address motcua serve printed\n", status: 421)
        }
        if let origin = request.header("origin"), origin.lowercased() != "http://\(host)" {
            return .text("cross-origin request refused\n", status: 403)
        }
        if request.method == "GET" || request.method == "HEAD", request.path == "/" || request.path == "/index.html" {
            return page(request)
        }
        if request.path == "/favicon.ico" { return HTTPResponse(status: 204) }
        guard request.path.hasPrefix("/api/") else { return .text("not found\n", status: 404) }
        let viaHeader = request.header("x-motcua-token").map { constantTimeEqual($0, token) } ?? false
        let viaCookie = request.cookie(Workbench.cookieName).map { constantTimeEqual($0, token) } ?? false
        // Changes need the header, which only the page's own script can add; reading (the report
        // frame, downloads) may use the cookie, which the browser sends only from this origin.
        guard viaHeader || (viaCookie && (request.method == "GET" || request.method == "HEAD")) else {
            return .text("missing or wrong token: open the address motcua serve printed\n", status: 403)
        }
        return api(request)
    }

    func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func page(_ request: HTTPRequest) -> HTTPResponse {
        let fromLink = request.query["token"].map { constantTimeEqual($0, token) } ?? false
        let fromCookie = request.cookie(Workbench.cookieName).map { constantTimeEqual($0, token) } ?? false
        guard fromLink || fromCookie else {
            return .html("<!doctype html><meta charset=\"utf-8\"><title>MotCua</title><p>Open the address <code>motcua serve</code> printed "
                         + "(it carries this start's key). / Hãy mở địa chỉ mà <code>motcua serve</code> đã in ra.</p>", status: 403)
        }
        var response = HTTPResponse.html(WorkbenchPage.html(token: token))
        response.headers.append(("Set-Cookie", "\(Workbench.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"))
        response.headers.append(("Content-Security-Policy",
                                 "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; connect-src 'self'"))
        return response
    }

    // MARK: - The API

    func api(_ request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.dropFirst("/api/".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // Paths are matched word for word; nothing in them is joined to a file path.
        switch (request.method, parts.first ?? "", parts.count) {
        case ("GET", "scenarios", 1):
            return json(catalog.entries().map { ["id": $0.id] })
        case ("GET", "scenario", 1):
            guard let id = request.query["id"], let form = catalog.form(of: id) else { return problem(404, "scenario", "no scenario \(request.query["id"] ?? "")") }
            return json(form)
        case ("POST", "validate", 1):
            guard let body: EditBody = decode(request) else { return badBody(request, as: EditBody.self) }
            switch catalog.check(body.scenario, overlay: body.overlay, settings: body.settings ?? [:]) {
            case .success(let scenario):
                return json(CheckAnswer(ok: true, issues: [], warnings: scenario.warnings.map { "\($0.path): \($0.message)" }))
            case .failure(let failure):
                return json(CheckAnswer(ok: false, issues: failure.issues, warnings: []), status: failure.status)
            }
        case ("POST", "overlays", 1):
            guard let body: EditBody = decode(request) else { return badBody(request, as: EditBody.self) }
            guard let name = body.name else { return problem(400, "name", "is required: the name the overlay is saved under") }
            if case .failure(let failure) = catalog.check(body.scenario, overlay: nil, settings: body.settings ?? [:]) {
                return json(CheckAnswer(ok: false, issues: failure.issues, warnings: []), status: failure.status)
            }
            do throws(ScenarioCatalog.CheckFailure) {
                try catalog.save(name, of: body.scenario, settings: body.settings ?? [:], replace: body.replace ?? false)
            } catch {
                return json(CheckAnswer(ok: false, issues: error.issues, warnings: []), status: error.status)
            }
            return json(["saved": name], status: 201)
        case ("GET", "jobs", 1):
            return json(board.list())
        case ("POST", "jobs", 1):
            guard let body: JobRequest = decode(request) else { return badBody(request, as: JobRequest.self) }
            do throws(ScenarioCatalog.CheckFailure) {
                return json(try board.submit(body), status: 201)
            } catch {
                return json(CheckAnswer(ok: false, issues: error.issues, warnings: []), status: error.status)
            }
        case (_, "jobs", 2...4):
            let id = parts[1]
            guard JobBoard.isJobID(id), let record = board.record(id) else { return problem(404, "job", "no job \(id)") }
            switch (request.method, parts.count, parts.count > 2 ? parts[2] : "") {
            case ("GET", 2, _):
                return json(record)
            case ("DELETE", 2, _):
                return board.delete(id) ? json(["deleted": id]) : problem(409, "job", "a job waiting or running is cancelled first")
            case ("POST", 3, "cancel"):
                _ = board.cancel(id)
                return json(board.record(id))
            case ("GET", 3, "report"):
                let language = request.query["lang"] == "vi" ? "vi" : "en"
                guard let bytes = board.file(id, "report-\(language).html") else { return problem(404, "report", "no report yet") }
                var response = HTTPResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: bytes)
                response.headers.append(("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'"))
                return response
            case ("GET", 4, "files"):
                let name = parts[3]
                guard let bytes = board.file(id, name) else { return problem(404, "file", "no file \(name)") }
                return .download(bytes, contentType: Workbench.contentType(name), filename: "\(id)-\(name)")
            default:
                return problem(405, "method", "\(request.method) is not allowed on \(request.path)")
            }
        default:
            return problem(404, "path", "no API \(request.method) \(request.path)")
        }
    }

    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension {
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "html": "text/html; charset=utf-8"
        default: "text/plain; charset=utf-8"
        }
    }

    /// The body of a check or save: the scenario, a saved overlay, the edited values and a name.
    struct EditBody: Codable {
        let scenario: String
        let overlay: String?
        let settings: [String: String]?
        let name: String?
        /// Saving: whether an overlay already saved under `name` over the same scenario may be replaced.
        let replace: Bool?
    }

    struct CheckAnswer: Codable {
        let ok: Bool
        let issues: [ScenarioCatalog.Issue]
        let warnings: [String]
    }

    func decode<T: Decodable>(_ request: HTTPRequest) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(request.body))
    }

    /// The answer to a body that does not decode as `T`: the field that failed and what it
    /// expected (an outside review, 4 #16: every type error read "the body is not the JSON …").
    func badBody<T: Decodable>(_ request: HTTPRequest, as type: T.Type) -> HTTPResponse {
        do {
            _ = try JSONDecoder().decode(T.self, from: Data(request.body))
        } catch let error as DecodingError {
            let (path, message) = Self.describe(error)
            if path != "body" { return problem(400, path, message) }
            // Foundation reports some number errors (1.5 or −1 for a whole number ≥ 0) as "not valid
            // JSON" with no path: the field is the one whose removal lets the body decode.
            if let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] {
                for key in object.keys.sorted() {
                    var rest = object
                    rest[key] = nil
                    if let data = try? JSONSerialization.data(withJSONObject: rest), (try? JSONDecoder().decode(T.self, from: data)) != nil {
                        return problem(400, key, "not a value this field takes (docs/serve.md gives each field's type)")
                    }
                }
            }
            return problem(400, path, message)
        } catch {}
        return problem(400, "body", "the body is not the JSON this request expects")
    }

    /// A decoding error as the field's path (`settings.horizon.days`, `loads[1]`) and what was expected.
    static func describe(_ error: DecodingError) -> (path: String, message: String) {
        func path(_ keys: [any CodingKey]) -> String {
            let joined = keys.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }.joined()
            return joined.isEmpty ? "body" : String(joined.drop { $0 == "." })
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is Bool.Type: "true or false"
            case is Int.Type, is Int64.Type, is UInt64.Type, is UInt32.Type, is Int32.Type: "a whole number"
            case is Double.Type, is Float.Type: "a number"
            default: String(describing: type).hasPrefix("Array") ? "a list" : String(describing: type).hasPrefix("Dictionary") ? "an object" : "a value of another type"
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(expected(type)), found a value of another type")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(expected(type)), found null")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.codingPath.isEmpty ? "the body is not JSON: \(context.debugDescription)"
                        : "not a value this field takes: \(context.debugDescription)")
        @unknown default:
            return ("body", "the body is not the JSON this request expects")
        }
    }

    func problem(_ status: Int, _ path: String, _ message: String) -> HTTPResponse {
        json(CheckAnswer(ok: false, issues: [ScenarioCatalog.Issue(field: nil, path: path, message: message)], warnings: []), status: status)
    }

    func json<T: Encodable>(_ value: T, status: Int = 200) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return .text("cannot encode the answer\n", status: 500) }
        return .json(data, status: status)
    }
}
