import Foundation

/// Closed-form results of queueing theory, against which the kernel is validated.
public enum QueueingTheory {
    /// Erlang C: the probability that an arrival waits in an M/M/c queue.
    /// - Parameters:
    ///   - servers: c.
    ///   - offeredLoad: a = λ/μ (must be below c).
    public static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        precondition(a < Double(c), "unstable queue")
        // Erlang B by its stable recursion, then C from B.
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        let rho = a / Double(c)
        return b / (1 - rho + rho * b)
    }

    /// Mean wait in queue of M/M/c: C(c, a) / (cμ − λ).
    public static func mmcMeanWait(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
        erlangC(servers: c, offeredLoad: lambda / mu) / (Double(c) * mu - lambda)
    }

    /// The `p`-quantile of the wait in queue of M/M/c (FIFO). A customer waits longer than t with
    /// probability C(c, a)·e^(−(cμ − λ)t), so the quantile is ln(C / (1 − p)) / (cμ − λ), or 0
    /// when at most a share 1 − p waits at all.
    public static func mmcWaitQuantile(_ p: Double, arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
        let waiting = erlangC(servers: c, offeredLoad: lambda / mu)
        guard waiting > 1 - p else { return 0 }
        return log(waiting / (1 - p)) / (Double(c) * mu - lambda)
    }

    /// Mean wait in queue of M/G/1 (Pollaczek–Khinchine): λ E[S²] / (2 (1 − ρ)).
    public static func mg1MeanWait(arrivalRate lambda: Double, service: Distribution) -> Double {
        let rho = lambda * service.mean
        precondition(rho < 1, "unstable queue")
        return lambda * service.secondMoment / (2 * (1 - rho))
    }
}
