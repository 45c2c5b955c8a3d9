import Foundation

/// The threads the workbench's jobs run on: a task executor of its own, so that a job (its task
/// and the replications' child tasks) never waits for Swift's shared cooperative threads, which
/// blocking callers in the same process (a test, a host program) may hold. The simulation itself
/// runs on each replication's own executor, as in the commands.
final class JobThreads: TaskExecutor, @unchecked Sendable {
    // @unchecked: `pending` is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [UnownedJob] = []

    /// The process's one pool: a thread per core, and one more for the job's own task.
    static let shared = JobThreads(threads: ProcessInfo.processInfo.activeProcessorCount + 1)

    init(threads: Int) {
        for i in 0..<max(2, threads) {
            let thread = Thread { [self] in work() }
            thread.name = "motcua-job-\(i)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        pending.append(unowned)
        condition.signal()
        condition.unlock()
    }

    func asUnownedTaskExecutor() -> UnownedTaskExecutor { UnownedTaskExecutor(ordinary: self) }

    private func work() {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            let job = pending.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
