import Testing
@testable import MotCua

/// `--shard` read as a pure function of its text and the environment Slurm or Kubernetes gives
/// each task (the variables as Slurm 22.05 sets them, checked on a real single-node Slurm by
/// Tests/cluster/slurm-test.sh).
@Suite("Shard assignment from the command line and the batch system's environment")
struct ShardAssignmentTests {
    /// The variables Slurm sets in task `id` of an array of evenly spaced tasks `min…max:step`.
    static func slurm(_ id: Int, _ min: Int, _ max: Int, step: Int = 1) -> [String: String] {
        ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_MAX": "\(max)",
         "SLURM_ARRAY_TASK_STEP": "\(step)", "SLURM_ARRAY_TASK_COUNT": "\((max - min) / step + 1)", "SLURM_ARRAY_JOB_ID": "41"]
    }

    func shard(_ text: String, _ environment: [String: String] = [:]) -> String? {
        (try? ShardAssignment.resolve(text, environment: environment))?.description
    }

    func problem(_ text: String, _ environment: [String: String] = [:]) -> ShardAssignment.Problem? {
        do { _ = try ShardAssignment.resolve(text, environment: environment); return nil } catch { return error }
    }

    @Test("I/N from the command line, and malformed values refused as syntax")
    func explicit() {
        #expect(shard("0/1") == "0/1")
        #expect(shard("3/4") == "3/4")
        for bad in ["4/4", "-1/4", "1/0", "x/4", "3", "3/4/5", "", "env/0", "env/x", "env-/4", "env-x/4", "env+1/4", "envy", "env-1"] {
            #expect(problem(bad, Self.slurm(0, 0, 3))?.kind == .syntax, "\(bad)")
        }
    }

    @Test("env maps every task of an evenly spaced Slurm array onto shards 0…COUNT−1 once")
    func slurmArrays() {
        for (min, max, step) in [(0, 3, 1), (1, 4, 1), (0, 6, 2), (5, 29, 3), (7, 7 + 15, 1)] {
            let count = (max - min) / step + 1
            let shards = stride(from: min, through: max, by: step).map { shard("env", Self.slurm($0, min, max, step: step)) }
            #expect(shards == (0..<count).map { "\($0)/\(count)" }, "--array=\(min)-\(max):\(step)")
        }
    }

    @Test("env refuses what does not map, naming the ID and count found")
    func slurmRefusals() throws {
        // The re-run of one task (sbatch --array=2) would otherwise compute every replication.
        let rerun = try #require(problem("env", Self.slurm(2, 2, 2)))
        #expect(rerun.kind == .environment)
        #expect(rerun.message.contains("SLURM_ARRAY_TASK_ID=2") && rerun.message.contains("1 task") && rerun.message.contains("env/N"))
        // --array=0,3,7: three tasks, but not evenly spaced.
        var uneven = Self.slurm(3, 0, 7)
        uneven["SLURM_ARRAY_TASK_COUNT"] = "3"
        #expect(problem("env", uneven)?.message.contains("not an evenly spaced array") == true)
        #expect(problem("env")?.message.contains("neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID") == true)
        var partial = Self.slurm(1, 0, 3)
        partial["SLURM_ARRAY_TASK_MIN"] = nil
        #expect(problem("env", partial)?.message.contains("SLURM_ARRAY_TASK_ID=1") == true)
        var garbled = Self.slurm(1, 0, 3)
        garbled["SLURM_ARRAY_TASK_ID"] = "one"
        #expect(problem("env", garbled)?.message.contains("SLURM_ARRAY_TASK_ID=\"one\"") == true)
    }

    @Test("env/N takes the task ID itself, so re-running one task computes its first slice")
    func explicitCount() {
        for id in 0..<4 {
            #expect(shard("env/4", Self.slurm(id, 0, 3)) == "\(id)/4")
            #expect(shard("env/4", Self.slurm(id, id, id)) == "\(id)/4", "sbatch --array=\(id)")
            #expect(shard("env-1/4", Self.slurm(id + 1, 1, 4)) == "\(id)/4")
            #expect(shard("env-1/4", Self.slurm(id + 1, id + 1, id + 1)) == "\(id)/4", "sbatch --array=\(id + 1)")
        }
        // Re-running two of the tasks (sbatch --array=1,3) is not the whole array.
        var some = Self.slurm(3, 1, 3, step: 2)
        some["SLURM_ARRAY_TASK_COUNT"] = "2"
        #expect(shard("env/4", some) == "3/4")
    }

    @Test("env/N refuses a whole array numbered otherwise in every task, and an ID out of range")
    func explicitCountRefusals() throws {
        for id in 1...4 {
            let message = try #require(problem("env/4", Self.slurm(id, 1, 4))).message
            #expect(message.contains("SLURM_ARRAY_TASK_ID=\(id)") && message.contains("MIN=1"))
            #expect(message.contains("--shard env ") && message.contains("--array=0-3"))
        }
        for id in stride(from: 0, through: 6, by: 2) {
            #expect(problem("env/4", Self.slurm(id, 0, 6, step: 2))?.message.contains("STEP=2") == true, "--array=0-6:2")
        }
        let outside = try #require(problem("env/4", Self.slurm(4, 4, 4)))
        #expect(outside.message.contains("SLURM_ARRAY_TASK_ID=4") && outside.message.contains("0…3") && outside.message.contains("env-B/4"))
    }

    @Test("Kubernetes' JOB_COMPLETION_INDEX comes before Slurm's SLURM_ARRAY_TASK_ID")
    func kubernetes() throws {
        #expect(shard("env/16", ["JOB_COMPLETION_INDEX": "5"]) == "5/16")
        // A pod scheduled by a Slurm-aware operator, or a leftover variable: Kubernetes wins.
        #expect(shard("env/16", Self.slurm(9, 0, 15).merging(["JOB_COMPLETION_INDEX": "5"]) { $1 }) == "5/16")
        let outside = try #require(problem("env/16", ["JOB_COMPLETION_INDEX": "16"]))
        #expect(outside.message.contains("JOB_COMPLETION_INDEX=16") && outside.message.contains("0…15"))
        // Kubernetes gives no count; env alone must not fall back to Slurm's.
        let noCount = try #require(problem("env", Self.slurm(1, 0, 3).merging(["JOB_COMPLETION_INDEX": "1"]) { $1 }))
        #expect(noCount.message.contains("JOB_COMPLETION_INDEX=1") && noCount.message.contains("env/N"))
    }
}
