import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem starting the server: the address, and what the system said.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A small HTTP/1.1 server on the platform's sockets: a thread accepts connections, each
/// connection is served on a thread of its own, with the limits of ``HTTPLimits``. Requests are
/// handed to `handler`, which must not block for long (long work goes to the job board).
public final class HTTPServer: @unchecked Sendable {
    // @unchecked: the mutable state (`stopping`, `open`) is guarded by `lock`.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The address the server listens on (`127.0.0.1`) and its port (the one given, or the
    /// one the system chose for port 0).
    public let address: String
    public private(set) var port: Int = 0
    let limits: HTTPLimits
    let handler: Handler
    private let listener: Int32
    private let lock = NSLock()
    private var stopping = false
    private var open = 0
    private var acceptThread: Thread?

    /// Binds `address:port` and starts accepting connections.
    public init(address: String, port: Int, limits: HTTPLimits = HTTPLimits(), handler: @escaping Handler) throws(ServerError) {
        self.address = address
        self.limits = limits
        self.handler = handler
        signal(SIGPIPE, SIG_IGN)
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        guard inet_pton(AF_INET, address, &socketAddress.sin_addr) == 1 else {
            throw ServerError(message: "--bind \(address): expected an IPv4 address such as 127.0.0.1")
        }
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ServerError(message: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServerError(message: "cannot listen on \(address):\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
        }
        listener = fd
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "motcua-serve-accept"
        acceptThread = thread
        thread.start()
    }

    /// Stops accepting; connections being served finish on their own (within their timeouts).
    public func stop() {
        lock.withLock { stopping = true }
    }

    /// Connections being served now.
    public var openConnections: Int { lock.withLock { open } }

    private func acceptLoop() {
        while !lock.withLock({ stopping }) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let admitted = lock.withLock { () -> Bool in
                guard open < limits.connections else { return false }
                open += 1
                return true
            }
            guard admitted else {
                // Too many at once: say so at once instead of queueing without bound.
                transmit(HTTPResponse.text("busy: too many connections\n", status: 503).serialized(closing: true), to: client)
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                close(client)
                lock.withLock { open -= 1 }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        close(listener)
    }

    /// Serves the requests of one connection until it closes, errs or idles out.
    private func serve(_ client: Int32) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var served = 0
        // A request must arrive whole within `requestSeconds` of its first byte; an idle kept-alive
        // connection is closed after `idleSeconds`.
        var deadline = Date().addingTimeInterval(limits.idleSeconds)
        var started = false
        while served < 1000 {
            switch RequestParser.parse(buffer, limits: limits) {
            case .refused(let status, let reason):
                transmit(HTTPResponse.text("\(reason)\n", status: status).serialized(closing: true), to: client)
                return
            case .complete(let request, let consumed):
                var response = handler(request)
                if request.method == "HEAD" { response.body = [] }
                guard transmit(response.serialized(closing: request.closes), to: client), !request.closes else { return }
                buffer.removeFirst(consumed)
                served += 1
                started = !buffer.isEmpty
                deadline = Date().addingTimeInterval(started ? limits.requestSeconds : limits.idleSeconds)
            case .incomplete:
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else {
                    if started { transmit(HTTPResponse.text("request not received in time\n", status: 408).serialized(closing: true), to: client) }
                    return
                }
                var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, Int32(min(remaining * 1000, 1000)) + 1) > 0 else { continue }
                let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return }
                if !started {
                    started = true
                    deadline = Date().addingTimeInterval(limits.requestSeconds)
                }
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }

    /// Writes all of `bytes`; false when the client has gone or stopped reading.
    @discardableResult
    private func transmit(_ bytes: [UInt8], to client: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let sent = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, bytes.count - offset, flags) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
