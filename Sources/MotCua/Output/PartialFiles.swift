import Foundation
import Synchronization

/// Temporary files being written (outputs before their rename, the dossier log), so that an
/// interrupted run (Ctrl-C, SIGTERM) can remove them: a run leaves either complete outputs
/// or none, never half a file.
public enum PartialFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Records a temporary file.
    public static func register(_ path: String) { paths.withLock { _ = $0.insert(path) } }

    /// Forgets a temporary file that has been renamed or removed.
    public static func unregister(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Removes every temporary file still being written; returns how many.
    @discardableResult
    public static func removeAll() -> Int {
        let pending = paths.withLock { current -> Set<String> in
            let copy = current
            current.removeAll()
            return copy
        }
        for path in pending { unlink(path) }
        return pending.count
    }

    /// Removes the temporary files (`.NAME.PID.partial`) left in `folder` by processes that no
    /// longer exist (killed with SIGKILL, a crash, a power cut); returns how many. Files of a
    /// process still running are left alone: it may be writing them.
    @discardableResult
    public static func removeStale(in folder: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(".") && name.hasSuffix(".partial") {
            let stem = name.dropLast(".partial".count)
            guard let dot = stem.lastIndex(of: "."), let pid = Int32(stem[stem.index(after: dot)...]), pid > 0,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink((folder as NSString).appendingPathComponent(name)) == 0 { removed += 1 }
        }
        return removed
    }
}
