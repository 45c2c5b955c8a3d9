import Dispatch

/// The serial executor shared by all actors of one run.
///
/// The scheduler and every office of a run are actors whose `unownedExecutor` is this one,
/// so a call from the scheduler to an office never suspends or changes thread: it costs a
/// function call, not a context switch. Different runs (replications) have different
/// executors and proceed in parallel on the machine's cores.
public final class RunExecutor: SerialExecutor, @unchecked Sendable {
    // The queue gives the executor its serial guarantee; @unchecked because DispatchQueue
    // carries that guarantee, not the type system.
    private let queue: DispatchQueue

    /// Creates the executor of one run.
    public init(label: String = "motcua.run") {
        queue = DispatchQueue(label: label)
    }

    /// Runs `job` on this executor's queue.
    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { unowned.runSynchronously(on: executor) }
    }

    /// This executor, as the runtime refers to it.
    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
