import Foundation

/// One HTTP/1.1 request as the parser accepted it: the method, the decoded path and query, the
/// headers (names in lower case) and the body.
public struct HTTPRequest: Sendable {
    public let method: String
    /// The path, percent-decoded (`/api/jobs/20261130-1`).
    public let path: String
    /// The query's parameters, percent-decoded; the last of a repeated name wins.
    public let query: [String: String]
    /// Header names in lower case; a repeated header keeps its last value.
    public let headers: [String: String]
    public let body: [UInt8]
    /// HTTP/1.0, or `Connection: close`: the connection ends after the response.
    public let closes: Bool

    /// The value of header `name` (any case).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The value of cookie `name`, if the request carries it.
    public func cookie(_ name: String) -> String? {
        guard let line = header("cookie") else { return nil }
        for part in line.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 && pair[0] == name { return pair[1] }
        }
        return nil
    }
}

/// A response: status, headers and body. The server adds `Content-Length`, `Connection` and the
/// security headers every response carries.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body (already encoded).
    public static func json(_ data: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: Array(data))
    }

    /// A plain-text body, for errors and text reports.
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    /// An HTML page.
    public static func html(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }

    /// A file to download under `filename`.
    public static func download(_ bytes: [UInt8], contentType: String, filename: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [("Content-Type", contentType),
                                            ("Content-Disposition", "attachment; filename=\"\(filename)\"")], body: bytes)
    }

    /// The reason phrase of the statuses this server sends.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 421: "Misdirected Request"
        case 422: "Unprocessable Content"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }

    /// The bytes on the wire: status line, headers, blank line, body.
    func serialized(closing: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += "Connection: \(closing ? "close" : "keep-alive")\r\n"
        // Nothing from this server may be framed by another site, sniffed as another type or cached.
        head += "X-Content-Type-Options: nosniff\r\nX-Frame-Options: SAMEORIGIN\r\nCache-Control: no-store\r\n"
        head += "Referrer-Policy: no-referrer\r\n\r\n"
        return Array(head.utf8) + body
    }
}

/// The limits on what a client may send: beyond them the request is refused with its status,
/// before it costs memory or time.
public struct HTTPLimits: Sendable {
    /// The request line and headers together.
    public var headerBytes = 16_384
    public var headerCount = 100
    /// The request target (path and query).
    public var targetBytes = 4_096
    public var bodyBytes = 1_048_576
    /// Seconds a client has to send a whole request once it has begun (slow clients are dropped).
    public var requestSeconds = 10.0
    /// Seconds a kept-alive connection may stay idle between requests.
    public var idleSeconds = 5.0
    /// Connections served at once; beyond, a new connection gets 503 at once.
    public var connections = 96

    public init() {}
}

/// Parses HTTP/1.1 requests from the bytes received so far. Pure and total: any input gives
/// `.incomplete`, a request, or a refusal with its status — never a trap (fuzzed in the tests).
public enum RequestParser {
    public enum Outcome: Sendable {
        /// More bytes are needed.
        case incomplete
        /// A whole request, and how many bytes of the buffer it took.
        case complete(HTTPRequest, consumed: Int)
        /// A request the server will not serve: the status and why.
        case refused(status: Int, reason: String)
    }

    public static func parse(_ buffer: [UInt8], limits: HTTPLimits = HTTPLimits()) -> Outcome {
        guard let headEnd = endOfHead(buffer, within: limits.headerBytes) else {
            return buffer.count > limits.headerBytes ? .refused(status: 431, reason: "request head over \(limits.headerBytes) bytes")
                                                     : .incomplete
        }
        let head = buffer[..<headEnd]
        // Only printable ASCII, tabs and line ends in a request head.
        if head.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A) || $0 > 0x7E }) {
            return .refused(status: 400, reason: "control or non-ASCII bytes in the request head")
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard requestLine.count == 3 else { return .refused(status: 400, reason: "malformed request line") }
        let (method, target, version) = (requestLine[0], requestLine[1], requestLine[2])
        guard !method.isEmpty, method.count <= 16, method.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            return .refused(status: 400, reason: "malformed method")
        }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .refused(status: version.hasPrefix("HTTP/") ? 505 : 400, reason: "unsupported version")
        }
        guard target.utf8.count <= limits.targetBytes else { return .refused(status: 414, reason: "request target too long") }
        guard target.hasPrefix("/") else { return .refused(status: 400, reason: "the request target must be a path") }
        var headers: [String: String] = [:]
        let fields = lines.dropFirst()
        guard fields.count <= limits.headerCount else { return .refused(status: 431, reason: "more than \(limits.headerCount) headers") }
        for line in fields {
            guard let colon = line.firstIndex(of: ":") else { return .refused(status: 400, reason: "header without a colon") }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_!#$%&'*+.^`|~".contains($0) }) else {
                return .refused(status: 400, reason: "malformed header name")
            }
            let key = name.lowercased(), value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "content-length", let earlier = headers[key], earlier != value {
                return .refused(status: 400, reason: "conflicting Content-Length headers")
            }
            headers[key] = value
        }
        if headers["transfer-encoding"] != nil { return .refused(status: 501, reason: "Transfer-Encoding is not supported; send Content-Length") }
        var length = 0
        if let text = headers["content-length"] {
            guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text) else {
                return .refused(status: 400, reason: "malformed Content-Length")
            }
            guard n <= limits.bodyBytes else { return .refused(status: 413, reason: "body over \(limits.bodyBytes) bytes") }
            length = n
        }
        let bodyStart = headEnd + 4
        guard buffer.count >= bodyStart + length else { return .incomplete }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = percentDecoded(String(parts[0]), plusIsSpace: false), !path.contains("\0") else {
            return .refused(status: 400, reason: "malformed percent-encoding in the path")
        }
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard let key = percentDecoded(kv[0], plusIsSpace: true),
                      let value = percentDecoded(kv.count == 2 ? kv[1] : "", plusIsSpace: true) else {
                    return .refused(status: 400, reason: "malformed percent-encoding in the query")
                }
                query[key] = value
            }
        }
        let closes = version == "HTTP/1.0" ? headers["connection"]?.lowercased() != "keep-alive"
                                           : headers["connection"]?.lowercased() == "close"
        let request = HTTPRequest(method: method, path: path, query: query, headers: headers,
                                  body: Array(buffer[bodyStart..<(bodyStart + length)]), closes: closes)
        return .complete(request, consumed: bodyStart + length)
    }

    /// Where the blank line ending the head starts, if it lies within the limit.
    static func endOfHead(_ buffer: [UInt8], within limit: Int) -> Int? {
        let end = min(buffer.count, limit + 4)
        guard end >= 4 else { return nil }
        var i = 0
        while i + 3 < end {
            if buffer[i] == 0x0D && buffer[i + 1] == 0x0A && buffer[i + 2] == 0x0D && buffer[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    /// `text` with `%XX` escapes decoded (and `+` as a space in a query), or nil when an escape is
    /// malformed or the bytes are not UTF-8.
    public static func percentDecoded(_ text: String, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let high = hexValue(utf8.popFirst()!), let low = hexValue(utf8.popFirst()!) else { return nil }
                bytes.append(high << 4 | low)
            } else if plusIsSpace && byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
