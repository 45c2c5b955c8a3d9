/// The future-event list (agenda) of one run: a 4-ary min-heap ordered by (time, sequence).
///
/// Simultaneous events therefore happen in the order they were scheduled, which makes every
/// run reproducible. The agenda belongs to one run and is only touched from that run's
/// serial executor (see ``RunContext``); it is non-copyable, so its storage is never shared.
public struct Agenda: ~Copyable {
    private var heap = PlainBuffer<Event>(repeating: Event(time: 0, sequence: 0, kind: .arrival, target: 0, dossier: 0), count: 1024)
    /// Number of pending events.
    public private(set) var count = 0
    private var nextSequence: UInt64 = 0

    /// Creates an empty agenda.
    public init() {}

    /// Adds an event.
    /// - Complexity: O(log n).
    @inline(__always)
    public mutating func schedule(at time: SimTime, _ kind: EventKind, target: Int32, dossier: Int32 = -1) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, target: target, dossier: dossier)
        nextSequence &+= 1
        if count == heap.count { heap.grow(to: 2 * count, filling: event) }
        count += 1
        siftUp(event, from: count - 1)
    }

    /// Removes and returns the earliest event, or `nil` when the agenda is empty.
    /// - Complexity: O(log n).
    @inline(__always)
    public mutating func next() -> Event? {
        guard count > 0 else { return nil }
        let first = heap[0]
        count -= 1
        if count > 0 { siftDown(heap[count], from: 0) }
        return first
    }

    /// Places `moving` at the hole `start` or above it.
    @inline(__always)
    private func siftUp(_ moving: Event, from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) >> 2
            let above = heap[parent]
            guard moving.precedes(above) else { break }
            heap[child] = above
            child = parent
        }
        heap[child] = moving
    }

    /// Places `moving` at the hole `start` or below it.
    private func siftDown(_ moving: Event, from start: Int) {
        let n = count
        var parent = start
        while true {
            let first = 4 * parent + 1
            if first >= n { break }
            // The earliest child, chosen by key and index alone, so the choice needs no jump.
            var best = first
            var bestKey = heap[first].key
            let last = Swift.min(first + 4, n)
            var c = first + 1
            while c < last {
                let key = heap[c].key
                if key < bestKey { best = c; bestKey = key }
                c += 1
            }
            guard bestKey < moving.key else { break }
            heap[parent] = heap[best]
            parent = best
        }
        heap[parent] = moving
    }
}
