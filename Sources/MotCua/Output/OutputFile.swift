import Foundation
import Synchronization

/// Writes output files atomically: the text goes to a temporary file next to the target, which
/// is then renamed over it. An interrupted run leaves either the old file or the new one, never
/// half of one.
///
/// A user's files are never replaced by something else: a symbolic link is followed (the file
/// it points to is written, the link stays), and a character device or FIFO (`/dev/null`, a
/// named pipe) is written through, not renamed over.
public enum OutputFile {
    /// An output could not be written.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    private static let seenFailures = Mutex<[WriteError]>([])
    private static let devicesStaged = Mutex<Int>(0)

    /// The write failures of this process so far, first first: a command tells by them an I/O
    /// failure met during a simulation (a result kept with `--results`, the dossier log) from a
    /// broken invariant, which both reach it as a ``SimulationError``.
    public static var failures: [WriteError] { seenFailures.withLock { $0 } }

    /// A write error, recorded in ``failures``.
    static func failure(_ path: String, _ reason: String) -> WriteError {
        let error = WriteError(path: path, reason: reason)
        seenFailures.withLock { $0.append(error) }
        return error
    }

    /// The reason of the last failed system call.
    static var systemReason: String { String(cString: strerror(errno)) }

    /// Where an output goes once symbolic links are followed, and how it is written.
    public struct Target: Sendable {
        /// The path as the user gave it.
        public let path: String
        /// The path with every symbolic link resolved.
        public let resolved: String
        /// A character device or FIFO: written through, never renamed over.
        public let isDevice: Bool
        /// The temporary file the output is written to before it is put in place: next to the
        /// target (so that the rename is atomic), or in the temporary folder for a device (named
        /// apart, as several outputs may go to one device).
        public let partial: String

        init(path: String, resolved: String, isDevice: Bool) {
            self.path = path
            self.resolved = resolved
            self.isDevice = isDevice
            let (folder, name) = OutputFile.split(resolved)
            if isDevice {
                let number = OutputFile.devicesStaged.withLock { count in count += 1; return count }
                partial = NSTemporaryDirectory() + "/.\(name)-\(number).\(getpid()).partial"
            } else {
                partial = (folder == "/" ? "" : folder) + "/.\(name).\(getpid()).partial"
            }
        }

        /// The folder the output is written in.
        public var folder: String { OutputFile.split(resolved).folder }

        /// Device and inode of the file when it exists, to tell whether two paths name one file.
        public var identity: FileIdentity? { FileIdentity(path: resolved) }
    }

    /// Resolves `path` and checks that it can be written: its folder exists and is writable, and
    /// it is not a folder. Nothing is written.
    public static func target(_ path: String) throws(WriteError) -> Target {
        let resolved = resolvingLinks(path)
        var info = stat()
        if stat(resolved, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw failure(path, "it is a folder") }
            if type == S_IFCHR || type == S_IFIFO {
                guard access(resolved, W_OK) == 0 else { throw failure(path, systemReason) }
                return Target(path: path, resolved: resolved, isDevice: true)
            }
            if type != S_IFREG { throw failure(path, "not a regular file, a character device or a FIFO") }
        }
        let folder = split(resolved).folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw failure(path, "the folder \(folder) does not exist")
        }
        guard access(folder, W_OK | X_OK) == 0 else { throw failure(path, "the folder \(folder): \(systemReason)") }
        return Target(path: path, resolved: resolved, isDevice: false)
    }

    /// `path` with its symbolic links resolved; a path that does not exist yet resolves through
    /// its folder (and through a link that points to a file not yet written).
    public static func resolvingLinks(_ path: String) -> String {
        var current = path.isEmpty ? "." : path
        for _ in 0..<40 {
            if let real = realpath(current, nil) {
                defer { free(real) }
                return String(cString: real)
            }
            var info = stat()
            if lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
               let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) {
                current = destination.hasPrefix("/") ? destination : split(current).folder + "/" + destination
                continue
            }
            let (folder, name) = split(current)
            guard let real = realpath(folder, nil) else { return current }
            defer { free(real) }
            let realFolder = String(cString: real)
            return (realFolder == "/" ? "" : realFolder) + "/" + name
        }
        return current
    }

    /// The folder (`.` for a bare name) and the last component of a path. (Foundation's
    /// `deletingLastPathComponent` traps on some short relative paths.)
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Writes `data` to the target's temporary file, registered with ``PartialFiles`` until it is
    /// put in place by ``commit(_:)`` or removed.
    public static func stage(_ data: Data, to target: Target) throws(WriteError) {
        let partial = target.partial
        PartialFiles.register(partial)
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            PartialFiles.unregister(partial)
            throw failure(target.path, systemReason)
        }
        let written = writeAll(data, to: descriptor)
        let closed = close(descriptor) == 0
        guard written == nil, closed else {
            let reason = written ?? systemReason
            unlink(partial)
            PartialFiles.unregister(partial)
            throw failure(target.path, reason)
        }
    }

    /// Puts a staged output in place: renamed over the target, or copied into a device.
    public static func commit(_ target: Target) throws(WriteError) {
        let partial = target.partial
        defer { PartialFiles.unregister(partial) }
        guard target.isDevice else {
            guard rename(partial, target.resolved) == 0 else {
                let reason = systemReason
                unlink(partial)
                throw failure(target.path, reason)
            }
            return
        }
        defer { unlink(partial) }
        guard let data = FileManager.default.contents(atPath: partial) else { throw failure(target.path, "the staged copy vanished") }
        let descriptor = open(target.resolved, O_WRONLY)
        guard descriptor >= 0 else { throw failure(target.path, systemReason) }
        let written = writeAll(data, to: descriptor)
        let closed = close(descriptor) == 0
        if let written { throw failure(target.path, written) }
        if !closed { throw failure(target.path, systemReason) }
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let target = try target(path)
        try stage(Data(text.utf8), to: target)
        try commit(target)
    }

    /// Writes all of `data`; the system's reason when it fails.
    static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return systemReason
                }
                offset += n
            }
            return nil
        }
    }
}

/// The device and inode of a file: two paths name the same file exactly when these are equal.
public struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path` (links followed), or nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
