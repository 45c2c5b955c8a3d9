import Testing
@testable import MotCua

/// The kernel against queueing theory: the theoretical mean wait must lie inside the 95%
/// confidence interval of the simulated mean wait over replications.
@Suite("Validation against queueing theory")
struct ValidationTests {
    func meanWait(_ scenario: String, replications: Int) async throws -> Estimate {
        let (_, results) = try await simulate(scenario, seed: 20_240_101, replications: replications)
        for result in results { #expect(result.conservation.isBalanced) }
        return Estimate(results.map { $0.offices[0].meanWait })
    }

    /// The three queues: scenario file, its theoretical mean wait, and a check of that value.
    static let queues: [(name: String, file: String, theory: Double, expected: Double)] = [
        ("M/M/1: λ = 0.8, μ = 1 — Wq = ρ/(μ − λ) = 4 minutes", "scenarios/validation/mm1.json",
         QueueingTheory.mmcMeanWait(arrivalRate: 0.8, serviceRate: 1, servers: 1), 4),
        ("M/M/4: λ = 3.6, μ = 1 — Erlang C", "scenarios/validation/mmc.json",
         QueueingTheory.mmcMeanWait(arrivalRate: 3.6, serviceRate: 1, servers: 4), 1.96938),
        ("M/D/1: λ = 0.8, D = 1 — Pollaczek–Khinchine Wq = 2 minutes", "scenarios/validation/md1.json",
         QueueingTheory.mg1MeanWait(arrivalRate: 0.8, service: .deterministic(value: 1)), 2),
    ]

    @Test("the theoretical mean wait lies inside the 95% interval of the simulated one", arguments: queues.indices)
    func meanWaitMatchesTheory(_ index: Int) async throws {
        let queue = ValidationTests.queues[index]
        #expect(abs(queue.theory - queue.expected) < 1e-4, "\(queue.name): formula gives \(queue.theory)")
        let estimate = try await meanWait(queue.file, replications: 20)
        #expect(estimate.contains(queue.theory), "\(queue.name): Wq \(queue.theory) outside [\(estimate.low), \(estimate.high)]")
        #expect(estimate.high - estimate.low < 0.15 * queue.theory, "interval too wide to be a test")
    }

    @Test("utilization of the M/M/4 queue is ρ = λ/(cμ) = 0.9")
    func utilization() async throws {
        let (_, results) = try await simulate("scenarios/validation/mmc.json", seed: 5, replications: 10)
        let estimate = Estimate(results.map { $0.offices[0].utilization })
        #expect(abs(estimate.mean - 0.9) < 0.01)
    }

    @Test("the 90% wait of the M/M/4 queue matches Erlang C's ln(C/0.1)/(cμ − λ)")
    func ninetiethPercentileWait() async throws {
        let theory = QueueingTheory.mmcWaitQuantile(0.9, arrivalRate: 3.6, serviceRate: 1, servers: 4)
        // C(4, 3.6) = 0.7878, so ln(7.878)/0.4 = 5.160 minutes.
        #expect(abs(theory - 5.1600) < 1e-3, "formula gives \(theory)")
        #expect(QueueingTheory.mmcWaitQuantile(0.2, arrivalRate: 3.6, serviceRate: 1, servers: 4) == 0)
        let (_, results) = try await simulate("scenarios/validation/mmc.json", seed: 5, replications: 20)
        let estimate = Estimate(results.map { $0.offices[0].waitP90 ?? .nan })
        #expect(estimate.contains(theory), "p90 \(theory) outside [\(estimate.low), \(estimate.high)]")
        #expect(estimate.high - estimate.low < 0.15 * theory, "interval too wide to be a test")
    }

    @Test("Erlang C agrees with a hand-computed value")
    func erlangC() {
        // c = 2, a = 1: C = (a^c/c!)(c/(c−a)) / (Σ_{k<c} a^k/k! + (a^c/c!)(c/(c−a))) = 1/3.
        #expect(abs(QueueingTheory.erlangC(servers: 2, offeredLoad: 1) - 1.0 / 3.0) < 1e-12)
    }
}
