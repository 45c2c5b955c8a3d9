/// The future-event list (agenda) of one run: a 4-ary min-heap ordered by (time, sequence).
///
/// Simultaneous events therefore happen in the order they were scheduled, which makes every
/// run reproducible. The agenda belongs to one run and is only touched from that run's
/// serial executor (see ``RunContext``); it is non-copyable, so its storage is never shared.
struct Agenda: ~Copyable {
    /// The heap, followed by at least four vacant slots (see ``Event/vacant``): every node in
    /// the heap then has four children to compare, real or vacant, and picking the earliest
    /// needs neither a count nor a jump.
    private var heap = PlainBuffer<Event>(repeating: .vacant, count: 1024)
    /// Number of pending events.
    private(set) var count = 0
    private var nextSequence: UInt64 = 0

    /// Creates an empty agenda.
    init() {}

    /// Adds an event.
    /// - Complexity: O(log n).
    @inline(__always)
    mutating func schedule(at time: SimTime, _ kind: EventKind, target: Int32, dossier: Int32 = -1) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, target: target, dossier: dossier)
        nextSequence &+= 1
        if count + 5 > heap.count { heap.grow(to: 2 * heap.count, filling: .vacant) }
        count += 1
        siftUp(event, from: count - 1)
    }

    /// Removes and returns the earliest event, or `nil` when the agenda is empty.
    /// - Complexity: O(log n).
    @inline(__always)
    mutating func next() -> Event? {
        guard count > 0 else { return nil }
        let first = heap[0]
        count -= 1
        let last = heap[count]
        heap[count] = .vacant
        if count > 0 { siftDown(last, from: 0) }
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
            // The earliest of the four children by a tournament of keys and indices (keys are
            // unique): selections rather than jumps, which would mispredict on random times.
            let key0 = heap[first].key, key1 = heap[first + 1].key
            let key2 = heap[first + 2].key, key3 = heap[first + 3].key
            let left = key1 < key0 ? first + 1 : first, leftKey = Swift.min(key0, key1)
            let right = key3 < key2 ? first + 3 : first + 2, rightKey = Swift.min(key2, key3)
            let best = rightKey < leftKey ? right : left, bestKey = Swift.min(leftKey, rightKey)
            guard bestKey < moving.key else { break }
            heap[parent] = heap[best]
            parent = best
        }
        heap[parent] = moving
    }
}
