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
}
