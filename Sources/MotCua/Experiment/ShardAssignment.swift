import Foundation

/// Which slice of an experiment's replications one process of a cluster run computes: shard
/// `index` of `count` runs replications `index, index + count, index + 2·count, …`.
///
/// The shard comes from the command line (`--shard I/N`) or from the environment a batch
/// system gives each task (`--shard env`, `--shard env/N`, `--shard env-B/N`); `resolve` reads
/// both as a pure function of the text and an environment dictionary, so every mapping can be
/// tested without a cluster.
public struct ShardAssignment: Equatable, Sendable, CustomStringConvertible {
    /// The shard's number, `0 ≤ index < count`.
    public let index: Int
    /// How many shards share the experiment.
    public let count: Int

    /// Shard `index` of `count`; nil unless `0 ≤ index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// Why a shard could not be determined.
    public struct Problem: Error, Equatable, Sendable {
        /// Whose fault it is.
        public enum Kind: Sendable {
            /// The text after `--shard` is malformed (the command line's: show the usage).
            case syntax
            /// The text is well formed, but the batch system's variables do not give a shard.
            case environment
        }

        /// Whose fault it is.
        public let kind: Kind
        /// One line naming the values found and what to use instead.
        public let message: String
    }

    /// The shard that `text` (the value of `--shard`) names in `environment`.
    ///
    /// - `I/N`: shard I of N.
    /// - `env`: Kubernetes' `JOB_COMPLETION_INDEX` when set (it gives no count, so this is
    ///   refused there: use `env/N`); otherwise the task's position in its Slurm array, from
    ///   `SLURM_ARRAY_TASK_ID`, `_MIN`, `_MAX`, `_STEP` and `_COUNT` — any evenly spaced array
    ///   (`--array=1-4`, `--array=0-6:2`) maps onto shards 0 … COUNT−1. A one-task array is
    ///   refused: it is almost always the re-run of one task, whose position in the original
    ///   array Slurm no longer tells.
    /// - `env/N`, `env-B/N`: shard `ID − B` of N, where ID is `JOB_COMPLETION_INDEX` when set,
    ///   otherwise `SLURM_ARRAY_TASK_ID` (B defaults to 0). The task ID alone fixes the shard,
    ///   so re-running one task (`sbatch --array=2 …`) computes the same slice as the first run.
    ///   A whole Slurm array (COUNT = N) that is not numbered B … B+N−1 is refused in every task
    ///   before any work, rather than leaving a shard out.
    public static func resolve(_ text: String, environment: [String: String]) throws(Problem) -> ShardAssignment {
        func syntax() -> Problem {
            Problem(kind: .syntax, message: "--shard expects I/N with 0 ≤ I < N, env, env/N or env-B/N, found \"\(text)\"")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts[0].hasPrefix("env") else {
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw syntax() }
            guard let shard = ShardAssignment(index: index, count: count) else { throw syntax() }
            return shard
        }
        let baseText = parts[0].dropFirst("env".count)
        let base: Int
        if baseText.isEmpty {
            base = 0
        } else {
            guard baseText.hasPrefix("-"), let value = Int(baseText.dropFirst()), value >= 0 else { throw syntax() }
            base = value
        }
        switch parts.count {
        case 1 where baseText.isEmpty:
            return try arrayPosition(environment)
        case 2:
            guard let count = Int(parts[1]), count >= 1 else { throw syntax() }
            return try taskNumber(environment, base: base, count: count, spelled: text)
        default:
            throw syntax()
        }
    }

    /// The environment's value of `name` as an integer: nil when unset, a problem when not a number.
    private static func integer(_ name: String, _ environment: [String: String]) throws(Problem) -> Int? {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw Problem(kind: .environment, message: "--shard env: \(name)=\"\(text)\" is not a whole number")
        }
        return value
    }

    /// A Slurm array as Slurm describes it to each task.
    private struct SlurmArray {
        let id: Int, min: Int, max: Int, step: Int, count: Int
        var described: String { "SLURM_ARRAY_TASK_ID=\(id) in an array of \(count) task\(count == 1 ? "" : "s") (MIN=\(min), MAX=\(max), STEP=\(step))" }
        /// Whether the tasks are MIN, MIN+STEP, …, MAX with none left out (not `--array=0,3,7`).
        var evenlySpaced: Bool { step >= 1 && max >= min && (max - min) % step == 0 && (max - min) / step + 1 == count }
    }

    /// The Slurm array of this task, or nil outside one; a problem when its variables are partial.
    private static func slurmArray(_ environment: [String: String]) throws(Problem) -> SlurmArray? {
        guard let id = try integer("SLURM_ARRAY_TASK_ID", environment) else { return nil }
        guard let count = try integer("SLURM_ARRAY_TASK_COUNT", environment),
              let min = try integer("SLURM_ARRAY_TASK_MIN", environment),
              let max = try integer("SLURM_ARRAY_TASK_MAX", environment) else {
            throw Problem(kind: .environment, message: "--shard env: SLURM_ARRAY_TASK_ID=\(id) is set but SLURM_ARRAY_TASK_COUNT, _MIN or _MAX is not (an old Slurm?); give the shard as --shard I/N")
        }
        // Slurm leaves out SLURM_ARRAY_TASK_STEP when the step is 1 in some versions.
        let step = try integer("SLURM_ARRAY_TASK_STEP", environment) ?? 1
        return SlurmArray(id: id, min: min, max: max, step: step, count: count)
    }

    /// `--shard env`: the task's position in its (evenly spaced) Slurm array.
    private static func arrayPosition(_ environment: [String: String]) throws(Problem) -> ShardAssignment {
        if let index = try integer("JOB_COMPLETION_INDEX", environment) {
            throw Problem(kind: .environment, message: "--shard env: JOB_COMPLETION_INDEX=\(index) is set (a Kubernetes Indexed Job), which gives no shard count; use --shard env/N with N = the Job's completions")
        }
        guard let array = try slurmArray(environment) else {
            throw Problem(kind: .environment, message: "--shard env: neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set (not a Slurm array task or Kubernetes Indexed Job pod); use --shard I/N")
        }
        guard array.count >= 2 else {
            throw Problem(kind: .environment, message: "--shard env: \(array.described) is likely the re-run of one task, whose place in the original array Slurm no longer gives; use --shard env/N (arrays numbered 0…N−1), env-B/N (numbered B…B+N−1) or I/N")
        }
        guard array.evenlySpaced, array.id >= array.min, array.id <= array.max, (array.id - array.min) % array.step == 0,
              let shard = ShardAssignment(index: (array.id - array.min) / array.step, count: array.count) else {
            throw Problem(kind: .environment, message: "--shard env: \(array.described) is not an evenly spaced array (like --array=0-15 or 1-31:2) that maps onto shards; use --shard I/N")
        }
        return shard
    }

    /// `--shard env-B/N`: shard `ID − B` of N, ID from Kubernetes or else Slurm.
    private static func taskNumber(_ environment: [String: String], base: Int, count: Int, spelled text: String) throws(Problem) -> ShardAssignment {
        let id: Int, found: String
        if let index = try integer("JOB_COMPLETION_INDEX", environment) {
            (id, found) = (index, "JOB_COMPLETION_INDEX=\(index)")
        } else if let array = try slurmArray(environment) {
            // A whole array of N tasks numbered otherwise would compute some shards twice and
            // leave others out; refuse it in every task before the work, not at the merge.
            if array.count == count, array.count >= 2, array.min != base || array.step != 1 {
                throw Problem(kind: .environment, message: "--shard \(text): \(array.described), but \(text) expects tasks \(base)…\(base + count - 1); use --shard env (any evenly spaced array) or --array=\(base)-\(base + count - 1)")
            }
            (id, found) = (array.id, array.described)
        } else {
            throw Problem(kind: .environment, message: "--shard \(text): neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set (not a Kubernetes Indexed Job pod or Slurm array task); use --shard I/N")
        }
        guard let shard = ShardAssignment(index: id - base, count: count) else {
            let numbering = base == 0 ? "numbered 0…\(count - 1)" : "numbered \(base)…\(base + count - 1)"
            throw Problem(kind: .environment, message: "--shard \(text): \(found) gives shard \(id - base), outside 0…\(count - 1) (\(text) takes tasks \(numbering)); for tasks numbered from B use --shard env-B/\(count), for any evenly spaced array --shard env")
        }
        return shard
    }
}
