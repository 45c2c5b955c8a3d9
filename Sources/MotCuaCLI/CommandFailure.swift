import Foundation
import MotCua

/// Exit statuses, documented in the README.
enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case badInput = 2
    case internalError = 3
    case interrupted = 130
}

/// Why a command stopped. ``stop(_:)`` is the one place that turns each case into its message
/// and exit status.
enum CommandFailure: Error {
    /// Arguments the command does not understand: the message and the command's help, status 2.
    case usage(String, command: CommandSpec?)
    /// A file or value the user gave is wrong (unreadable scenario, inconsistent slices): status 2.
    case badInput(String)
    /// An output could not be written (the message names the path and the system's reason): status 1.
    case output(String)
    /// The work could not be done, though the input was right (a benchmark workload failed): status 1.
    case failed(String)
    /// A broken invariant: a bug in MotCua, status 3.
    case bug(String)

    var status: ExitStatus {
        switch self {
        case .usage, .badInput: .badInput
        case .output, .failed: .failure
        case .bug: .internalError
        }
    }

    var message: String {
        switch self {
        case .usage(let message, let command):
            "error: \(message)\n\n\(command?.help ?? Commands.usage)"
        case .badInput(let message), .output(let message), .failed(let message):
            "error: \(message)"
        case .bug(let message):
            "internal error: \(message)\nThis is a bug in MotCua, not in the scenario; please report it with the scenario and seed."
        }
    }

    /// A failure of the simulation: a write that failed during it (results, the dossier log) is
    /// an output failure; anything else broke an invariant.
    static func simulation(_ error: SimulationError) -> CommandFailure {
        if let write = OutputFile.failures.first { return .output(write.description) }
        return .bug(error.description)
    }
}

/// Prints the failure's message and exits with its status, removing any output half written.
func stop(_ failure: CommandFailure) -> Never {
    PartialFiles.removeAll()
    flushStandardOutput()
    printError(failure.message)
    exit(failure.status.rawValue)
}

/// Ends a command that succeeded: standard output is flushed, and a failed write to it (a full
/// disk, `> /dev/full`) is exit status 1 rather than a report silently cut short.
func succeed() -> Never {
    if !flushStandardOutput() {
        let reason = String(cString: strerror(errno))
        printError("error: cannot write the standard output: \(reason)")
        exit(ExitStatus.failure.rawValue)
    }
    exit(ExitStatus.success.rawValue)
}

/// The C library's standard output stream, which `print` writes to. Swift 6 refuses a reference
/// to the C global `stdout` (shared mutable state); it never changes in this program, so it is
/// read once through the dynamic linker.
nonisolated(unsafe) let standardOutput = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stdout")?
    .assumingMemoryBound(to: UnsafeMutablePointer<FILE>.self).pointee

/// Flushes what `print` has buffered; false when a write to standard output failed, now or before.
@discardableResult
func flushStandardOutput() -> Bool {
    guard let standardOutput else { return fflush(nil) == 0 }
    return fflush(standardOutput) == 0 && ferror(standardOutput) == 0
}

/// Writes a message on standard error, ending the line.
func printError(_ text: String) {
    writeStandardError(text.hasSuffix("\n") ? text : text + "\n")
}

/// Writes on standard error, unbuffered. (Not `FileHandle.standardError.write`, which traps when
/// the write fails; a failure here has nowhere to be reported and is ignored.)
func writeStandardError(_ text: String) {
    Data(text.utf8).withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let n = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
