import Foundation
import MotCua

/// The workbench started: the HTTP server, the workbench behind it and the address to open.
public final class WorkbenchServer: Sendable {
    public let http: HTTPServer
    public let workbench: Workbench
    /// `http://127.0.0.1:PORT/?token=…`: the address with this start's key.
    public let url: String

    /// Starts the workbench on `address:port` (port 0: any free port).
    /// - Parameters:
    ///   - shipped: the shipped scenarios' folder, when there is one.
    ///   - scenarios: the user's scenarios (`--scenarios DIR`).
    ///   - results: the history, the saved overlays and the result store (`--results DIR`).
    public init(address: String, port: Int, shipped: String?, scenarios: String?, results: String,
                limits: HTTPLimits = HTTPLimits(), parallel: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ServerError) {
        do {
            try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        } catch {
            throw ServerError(message: "--results \(results): cannot create the folder: \(error.localizedDescription)")
        }
        let catalog = ScenarioCatalog(shipped: shipped, user: scenarios,
                                      overlayFolder: (results as NSString).appendingPathComponent("scenarios"))
        let board = JobBoard(results: results, catalog: catalog, parallel: parallel)
        // The workbench needs the port for its Host check before the server knows it: a box
        // filled in once the socket is bound.
        let box = WorkbenchBox()
        let http = try HTTPServer(address: address, port: port, limits: limits) { request in
            box.workbench?.handle(request) ?? .text("starting\n", status: 503)
        }
        let loopback = address == "127.0.0.1"
        let hosts: Set<String>? = address == "0.0.0.0" ? nil
            : Set(["\(address):\(http.port)"] + (loopback ? ["localhost:\(http.port)"] : []))
        let workbench = Workbench(catalog: catalog, board: board, hosts: hosts)
        box.set(workbench)
        self.http = http
        self.workbench = workbench
        url = "http://\(address):\(http.port)/?token=\(workbench.token)"
    }

    public func stop() { http.stop() }
}

/// The workbench, set once the server is bound.
final class WorkbenchBox: @unchecked Sendable {
    // @unchecked: `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value: Workbench?
    var workbench: Workbench? { lock.withLock { value } }
    func set(_ workbench: Workbench) { lock.withLock { value = workbench } }
}
