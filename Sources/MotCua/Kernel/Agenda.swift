/// The future-event list (agenda) of one run: a 4-ary min-heap ordered by (time, sequence).
///
/// Simultaneous events therefore happen in the order they were scheduled, which makes every
/// run reproducible. The agenda belongs to one run and is only touched from that run's
/// serial executor (see ``RunContext``).
public struct Agenda: Sendable {
    private var heap: [Event] = []
    private var nextSequence: UInt64 = 0

    /// Creates an empty agenda.
    public init() { heap.reserveCapacity(1024) }

    /// Number of pending events.
    public var count: Int { heap.count }

    /// Adds an event.
    /// - Complexity: O(log n).
    @inline(__always)
    public mutating func schedule(at time: SimTime, _ kind: EventKind, target: Int32, dossier: Int32 = -1) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, target: target, dossier: dossier)
        nextSequence &+= 1
        heap.append(event)
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest event, or `nil` when the agenda is empty.
    /// - Complexity: O(log n).
    @inline(__always)
    public mutating func next() -> Event? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let first = heap[0]
        heap[0] = last
        siftDown(0)
        return first
    }

    private mutating func siftUp(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            var child = start
            let moving = h[child]
            while child > 0 {
                let parent = (child - 1) >> 2
                if moving.precedes(h[parent]) {
                    h[child] = h[parent]
                    child = parent
                } else { break }
            }
            h[child] = moving
        }
    }

    private mutating func siftDown(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var parent = start
            let moving = h[parent]
            while true {
                let first = 4 * parent + 1
                if first >= n { break }
                var best = first
                let last = Swift.min(first + 4, n)
                var c = first + 1
                while c < last {
                    if h[c].precedes(h[best]) { best = c }
                    c += 1
                }
                if h[best].precedes(moving) {
                    h[parent] = h[best]
                    parent = best
                } else { break }
            }
            h[parent] = moving
        }
    }
}
