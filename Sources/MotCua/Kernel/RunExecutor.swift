import Dispatch

/// The serial executor shared by all actors of one run.
///
/// The scheduler and every office of a run are actors whose `unownedExecutor` is this one,
/// so a call from the scheduler to an office never suspends or changes thread: it costs a
/// function call, not a context switch. Different runs (replications) have different
/// executors and proceed in parallel on the machine's cores.
final class RunExecutor: SerialExecutor, @unchecked Sendable {
    // The queue gives the executor its serial guarantee; @unchecked because DispatchQueue
    // carries that guarantee, not the type system.
    private let queue: DispatchQueue

    /// Creates the executor of one run.
    init(label: String = "motcua.run") {
        queue = DispatchQueue(label: label)
    }

    /// Runs `job` on this executor's queue.
    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { unowned.runSynchronously(on: executor) }
    }

    /// This executor, as the runtime refers to it.
    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}

extension Actor {
    /// Runs `body` in this actor's isolation at once, from code already running on the run's
    /// ``RunExecutor`` (the scheduler, or another actor of the same run).
    ///
    /// Every actor of a run shares that one serial executor, so being on it already gives the
    /// exclusive access that actor isolation promises: entering another actor of the run needs
    /// no hop, no suspension and no check. That is what lets the scheduler call an office for
    /// each event at the cost of a function call (an `await` per event cost about a tenth of
    /// the kernel's time, measured with `perf` on `scenarios/validation/mmc-bench.json`).
    /// Debug builds verify the precondition; release builds trust the run's construction,
    /// where every actor is created on the run's executor and nothing else calls this.
    ///
    /// `body` takes its inputs as `argument` instead of capturing them: a closure that
    /// captures nothing has no context to allocate.
    @inline(__always)
    nonisolated func onSharedExecutor<Argument, Result>(_ argument: Argument,
                                                        _ body: @escaping (isolated Self, Argument) -> Result) -> Result {
        #if DEBUG
        preconditionIsolated("an actor of a run was entered from outside the run's executor")
        #endif
        // The same conversion `Actor.assumeIsolated` makes once its check has passed: a
        // function of an isolated parameter has the ABI of one of a plain parameter.
        return unsafeBitCast(body, to: ((Self, Argument) -> Result).self)(self, argument)
    }
}
