/// The future-event list (agenda) of one run: the current simulated day's events in two parts —
/// those known when the day began, sorted once into a run read in order, and those scheduled
/// during the day for the same day, in a small 4-ary min-heap — and a ring of unsorted per-day
/// buckets for the events of later days, which become the next day's sorted run.
///
/// Events are taken in (time, sequence) order, so simultaneous events happen in the order they
/// were scheduled, which makes every run reproducible. The agenda belongs to one run and is only
/// touched from that run's serial executor (see ``RunContext``); it is non-copyable, so its
/// storage is never shared.
///
/// Why the buckets: at city scale hundreds of thousands of events wait days ahead (lags,
/// forwarding the next morning, citizens coming back, withdrawals), and a heap of all of them
/// outgrows the cache, so that every removal missed it several times (a tenth of the city
/// year's time, measured with `perf`). A later day's event is appended to its bucket instead, at
/// the cost of one comparison.
///
/// Why the sorted run: the buckets used to be pushed into the heap when their day came, so the
/// heap still held a whole day's events (a megabyte at city scale) and each removal sifted
/// through it, missing the cache at every level (a sixth of the city year's time). Sorted once,
/// contiguously, the day's bucket is read in order; the heap holds only the events scheduled
/// during the day for the same day (services ending, arrivals), a few thousand. The next event
/// is the earlier of the run's head and the heap's top, so the order is the one a single heap
/// gives: keys are unique, and every event before the end of the current day (``windowEnd``) is
/// in the run or the heap, every bucketed event lies at or after it, and a bucket is loaded only
/// when neither holds anything before that end.
struct Agenda: ~Copyable {
    /// The current day's bucket, sorted by key: the events of the window's day known when it
    /// began, taken from ``runNext`` on.
    private var run = ContiguousArray<Event>()
    private var runNext = 0
    /// The heap, followed by at least four vacant slots (see ``Event/vacant``): every node in
    /// the heap then has four children to compare, real or vacant, and picking the earliest
    /// needs neither a count nor a jump.
    private var heap = PlainBuffer<Event>(repeating: .vacant, count: 1024)
    /// Number of events in the heap.
    private var heapCount = 0
    /// Number of pending events (in the run, the heap and the buckets).
    private(set) var count = 0
    private var nextSequence: UInt64 = 0
    /// The day (of ``Agenda/dayLength`` minutes) whose end bounds the heap: every event before
    /// ``windowEnd`` is in the run or the heap; the heap may also hold later ones (those beyond
    /// the ring).
    private var windowDay = 0
    private var windowEnd: SimTime = Agenda.dayLength
    /// The events of days `windowDay + 1 ..< windowDay + ringDays`, by day modulo ``ringDays``.
    private var buckets = [ContiguousArray<Event>](repeating: [], count: Agenda.ringDays)
    /// Events in the buckets.
    private var bucketed = 0
    /// Minutes of a bucket's day.
    static let dayLength: SimTime = 1440
    /// Days ahead kept in buckets (a power of two); events further ahead go to the heap.
    static let ringDays = 512

    /// Creates an empty agenda.
    init() {}

    /// Adds an event.
    /// - Complexity: O(1) for a later day's event, O(log n) for one of the current day.
    @inline(__always)
    mutating func schedule(at time: SimTime, _ kind: EventKind, target: Int32, dossier: Int32 = -1) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, target: target, dossier: dossier)
        nextSequence &+= 1
        count += 1
        if time < windowEnd {
            push(event)
            return
        }
        let dayFloat = (time / Agenda.dayLength).rounded(.down)
        // Too far ahead (or not finite): the heap, which may hold later events.
        guard dayFloat - Double(windowDay) < Double(Agenda.ringDays) else {
            push(event)
            return
        }
        // The division may round up onto the next day at a boundary; a bucket must never be
        // later than the event's day (an earlier one would only load it sooner).
        var day = Int(dayFloat)
        if Double(day) * Agenda.dayLength > time { day -= 1 }
        buckets[day & (Agenda.ringDays - 1)].append(event)
        bucketed += 1
    }

    /// Removes and returns the earliest event, or `nil` when the agenda is empty.
    /// - Complexity: O(1) from the run, O(log n) from the heap (n: the heap's events), plus
    ///   sorting the bucket of each day the window moves to.
    @inline(__always)
    mutating func next() -> Event? {
        while runNext == run.count && (heapCount == 0 || heap[0].time >= windowEnd) {
            // Nothing before the window's end: the next day's bucket comes in, or, with every
            // bucket empty, the heap's earliest is the earliest of all.
            guard bucketed > 0 else { break }
            advanceWindow()
        }
        if runNext < run.count {
            let head = run[runNext]
            if heapCount == 0 || head.key < heap[0].key {
                runNext += 1
                count -= 1
                return head
            }
        }
        guard heapCount > 0 else { return nil }
        count -= 1
        let first = heap[0]
        heapCount -= 1
        let last = heap[heapCount]
        heap[heapCount] = .vacant
        if heapCount > 0 { siftDown(last, from: 0) }
        return first
    }

    /// Moves the window one day on (the run is used up): that day's bucket, sorted, becomes the run.
    private mutating func advanceWindow() {
        windowDay += 1
        windowEnd = Double(windowDay + 1) * Agenda.dayLength
        let slot = windowDay & (Agenda.ringDays - 1)
        guard !buckets[slot].isEmpty else { return }
        bucketed -= buckets[slot].count
        // The bucket's storage becomes the run's, and the used-up run's is freed, not kept in
        // the ring: a bucket comes round again only after ``ringDays`` days (never in a year's
        // run), and kept, the ring held every day's peak at once (a district year's memory went
        // from 31 to 56 MiB).
        run = []
        swap(&run, &buckets[slot])
        runNext = 0
        // Keys are unique, so any sort gives the one (time, sequence) order.
        run.sort { $0.key < $1.key }
    }

    /// Adds an event to the heap.
    @inline(__always)
    private mutating func push(_ event: Event) {
        if heapCount + 5 > heap.count { heap.grow(to: 2 * heap.count, filling: .vacant) }
        heapCount += 1
        siftUp(event, from: heapCount - 1)
    }

    /// Places `moving` at the hole `start` or above it.
    @inline(__always)
    private mutating func siftUp(_ moving: Event, from start: Int) {
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

    /// Places `moving` at the hole `start` or below it. Mutating, though the buffer's elements
    /// could be written without: a non-mutating call copied the whole agenda out of the run's
    /// context at every removal.
    private mutating func siftDown(_ moving: Event, from start: Int) {
        let n = heapCount
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
