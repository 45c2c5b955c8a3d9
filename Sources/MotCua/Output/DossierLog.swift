import Foundation

/// The per-dossier log of one replication (`--events FILE`): one CSV row per dossier when it
/// leaves the system (finished, refused, withdrawn) and for each dossier still in progress at
/// the end. Rows are streamed to disk through a small buffer, never held in memory, and the
/// file is renamed into place only when the run is complete. Its columns are those of a
/// one-stop information-system export, so it is also a valid records file for calibration.
public final class DossierLog: @unchecked Sendable {
    // @unchecked: used only from the run's serial executor (like RunContext).
    private let handle: FileHandle
    private let temporary: String
    private let path: String
    private var buffer = Data()
    /// The first failed write (a full disk): reported by ``close()``, which then removes the file.
    private var failure: String?
    private let start: CivilDate

    /// The header row.
    public static let columns = ["code", "procedure", "field", "office", "channel", "received", "appointment", "finished", "status", "supplements"]

    /// Opens the log for a run starting on `start`.
    public init(path: String, start: CivilDate) throws(OutputFile.WriteError) {
        self.path = path
        self.start = start
        let directory = (path as NSString).deletingLastPathComponent
        temporary = (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent + ".\(getpid()).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw OutputFile.failure(path, "cannot create the file \(temporary): \(OutputFile.systemReason)")
        }
        self.handle = handle
        PartialFiles.register(temporary)
        buffer.append(contentsOf: Array((DossierLog.columns.joined(separator: ",") + "\n").utf8))
    }

    /// `dd/MM/yyyy HH:mm`, as the one-stop system exports dates.
    func stamp(_ time: SimTime) -> String {
        guard time.isFinite else { return "" }
        let day = Int((time / 1440).rounded(.down))
        let minute = Int((time - Double(day) * 1440).rounded(.down))
        let (y, m, d) = start.adding(days: day).components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(d))/\(two(m))/\(y) \(two(minute / 60)):\(two(minute % 60))"
    }

    /// Appends one dossier's row.
    func write(code: UInt32, procedure: String, field: String, office: String, channel: String, received: SimTime,
               appointment: SimTime, finished: SimTime?, status: String, supplements: Int) {
        let row = "GV\(code),\(procedure),\(field),\(office),\(channel),\(stamp(received)),\(stamp(appointment)),"
            + "\(finished.map(stamp) ?? ""),\(status),\(supplements)\n"
        buffer.append(contentsOf: Array(row.utf8))
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        // Not `handle.write(_:)`, which traps on a full disk.
        if failure == nil { failure = OutputFile.writeAll(buffer, to: handle.fileDescriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place.
    func close() throws(OutputFile.WriteError) {
        flush()
        try? handle.close()
        defer { PartialFiles.unregister(temporary) }
        if let failure {
            unlink(temporary)
            throw OutputFile.failure(path, failure)
        }
        if rename(temporary, path) != 0 {
            let reason = OutputFile.systemReason
            unlink(temporary)
            throw OutputFile.failure(path, reason)
        }
    }
}
