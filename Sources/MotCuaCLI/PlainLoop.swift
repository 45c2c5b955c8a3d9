import Foundation
import MotCua

/// The yardstick of `motcua bench`: the M/M/c benchmark workload (λ = 3.6, μ = 1, c = 4,
/// 1,000,000 customers, FIFO, starting empty) as a plain hand-written event loop — a binary
/// heap of events, a FIFO of arrival times, no actors, calendar, dossiers or statistics beyond
/// the mean wait. The performance issue states its targets against such a loop; timing it on
/// the machine at hand shows how much of a figure is the machine and how much the simulator.
enum PlainLoop {
    /// Times `repeats` runs of the workload.
    /// - Returns: the fastest and the median run in seconds, the customers, and the mean wait
    ///   (Erlang C gives 1.97 minutes: a check that the yardstick simulates the same queue).
    static func measure(repeats: Int) -> (best: Double, median: Double, customers: Int, meanWait: Double) {
        var times: [Double] = []
        var meanWait = 0.0
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            meanWait = simulate(customers: 1_000_000, arrivalRate: 3.6, serviceRate: 1, servers: 4)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return (times[0], times[times.count / 2], 1_000_000, meanWait)
    }

    private struct Event {
        var time: Double
        var sequence: Int
        var isArrival: Bool
        func precedes(_ other: Event) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    /// One run; returns the mean wait in the queue.
    @inline(never)
    static func simulate(customers: Int, arrivalRate: Double, serviceRate: Double, servers: Int) -> Double {
        var arrivals = RandomStream(seed: 1), services = RandomStream(seed: 2)
        var heap: [Event] = []
        heap.reserveCapacity(servers + 2)
        var sequence = 0
        func push(_ time: Double, arrival: Bool) {
            heap.append(Event(time: time, sequence: sequence, isArrival: arrival))
            sequence += 1
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child].precedes(heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }
        func pop() -> Event {
            let first = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var best = parent
                    if left < heap.count && heap[left].precedes(heap[best]) { best = left }
                    if right < heap.count && heap[right].precedes(heap[best]) { best = right }
                    if best == parent { break }
                    heap.swapAt(parent, best)
                    parent = best
                }
            }
            return first
        }
        var waiting: [Double] = []
        waiting.reserveCapacity(1024)
        var head = 0
        var busy = 0, arrived = 0, served = 0
        var waitSum = 0.0
        push(-log(arrivals.nextUnit()) / arrivalRate, arrival: true)
        while !heap.isEmpty {
            let event = pop()
            let now = event.time
            if event.isArrival {
                arrived += 1
                if arrived < customers { push(now - log(arrivals.nextUnit()) / arrivalRate, arrival: true) }
                if busy < servers {
                    busy += 1
                    served += 1
                    push(now - log(services.nextUnit()) / serviceRate, arrival: false)
                } else {
                    waiting.append(now)
                }
            } else if head < waiting.count {
                waitSum += now - waiting[head]
                head += 1
                if head == waiting.count { waiting.removeAll(keepingCapacity: true); head = 0 }
                served += 1
                push(now - log(services.nextUnit()) / serviceRate, arrival: false)
            } else {
                busy -= 1
            }
        }
        return waitSum / Double(served)
    }
}
