/// The future-event list (agenda) of one run: the current simulated day's events in slots of
/// ``Agenda/slotsPerMinute`` a minute, unsorted, each poured into a small 4-ary min-heap when its
/// time comes — those known when the day began laid out by slot in one run, those scheduled
/// during the day on their slots' lists — and a ring of unsorted per-day buckets for the events
/// of later days, which become the next day's run.
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
/// Why the slots: a day's bucket used to be pushed into the heap when its day came, then sorted
/// once into a run read in order beside a heap of the events scheduled during the day; that
/// heap still held a few thousand events at city scale, and sifting through it at every
/// removal, with the day's sort, was the largest cost of the city year (16% of its
/// instructions, measured with callgrind). Now the heap holds only the current slot's events
/// (``slotEnd``), a few dozen: a day's bucket is laid out by slot (a counting sort, not a
/// comparison sort), and an event scheduled during the day for a later slot goes on that
/// slot's list in O(1); a bucket of at most ``smallBucket`` events goes into the heap instead
/// (laying it out clears, counts and shifts all the day's slots). The order is the one a single
/// heap gives, because keys are unique and every event before ``slotEnd`` is in the heap; every
/// event of a later slot of the day is in the heap, in its slot's part of the run or on its
/// list, poured into the heap when the slot comes; every
/// bucketed event lies at or after ``windowEnd``; and a slot is poured, or a bucket loaded,
/// only when the heap holds nothing before the slot's (the window's) end.
struct Agenda: ~Copyable {
    /// The events of the window's day known when it began, by slot (unsorted within a slot):
    /// slot `s` holds `run[runEnds[s - 1] ..< runEnds[s]]` (from 0 for slot 0), and the slots
    /// from ``runNext`` on are still to be poured. Kept from day to day, at the largest day's size.
    private var run = PlainBuffer<Event>(repeating: .vacant, count: 1024)
    private var runCount = 0
    private var runNext = 0
    private var runEnds = PlainBuffer<Int32>(repeating: 0, count: Agenda.slotsPerDay)
    /// Whether every slot of ``runEnds`` is 0 (no day laid out since they were cleared).
    private var runEndsCleared = true
    /// The heap, followed by at least four vacant slots (see ``Event/vacant``): every node in
    /// the heap then has four children to compare, real or vacant, and picking the earliest
    /// needs neither a count nor a jump. An empty heap's top is vacant.
    private var heap = PlainBuffer<Event>(repeating: .vacant, count: 1024)
    /// Number of events in the heap.
    private var heapCount = 0
    /// Number of pending events (in the run, the heap, the lists and the buckets).
    private(set) var count = 0
    private var nextSequence: UInt64 = 0
    /// The day (of ``Agenda/dayLength`` minutes) whose end bounds the run and the lists: every
    /// event before ``windowEnd`` is in the run, the heap or a list; the heap may also hold later
    /// ones (those beyond the ring).
    private var windowDay = 0
    private var dayStart: SimTime = 0
    private var windowEnd: SimTime = Agenda.dayLength
    private var windowEndKey = Agenda.key(before: Agenda.dayLength)
    /// The current slot of the window's day (-1 before its first): every event before its end
    /// (``slotEnd``) is in the heap.
    private var slot = 0
    private var slotEnd: SimTime = 1 / Agenda.slotsPerMinute
    private var slotEndKey = Agenda.key(before: 1 / Agenda.slotsPerMinute)
    /// Per slot of the day, the first node of its list (-1: empty): the events scheduled during
    /// the day for that slot.
    private var slotFirst = PlainBuffer<Int32>(repeating: -1, count: Agenda.slotsPerDay)
    /// The slots' lists: each node's event and the next node of its list (or of the free list).
    private var nodes = PlainBuffer<Event>(repeating: .vacant, count: 1024)
    private var nodeNext = PlainBuffer<Int32>(repeating: -1, count: 1024)
    /// Nodes ever used, and the first free one (-1: none).
    private var nodesUsed = 0
    private var freeNode: Int32 = -1
    /// Events on the slots' lists.
    private var slotted = 0
    /// The events of days `windowDay + 1 ..< windowDay + ringDays`, by day modulo ``ringDays``.
    private var buckets = [ContiguousArray<Event>](repeating: [], count: Agenda.ringDays)
    /// Events in the buckets.
    private var bucketed = 0
    /// Minutes of a bucket's day.
    static let dayLength: SimTime = 1440
    /// Days ahead kept in buckets (a power of two); events further ahead go to the heap.
    static let ringDays = 512
    /// Slots of a minute (a power of two, so that a time's slot is computed exactly).
    static let slotsPerMinute: SimTime = 8
    static let slotsPerDay = Int(dayLength * slotsPerMinute)
    /// A day's bucket of at most this many events goes straight into the heap (which may hold
    /// later events) instead of being laid out by slot.
    static let smallBucket = 16

    /// Creates an empty agenda.
    init() {}

    /// The smallest key of an event at `time`: every event before `time` has a smaller key.
    private static func key(before time: SimTime) -> UInt128 {
        UInt128(time.bitPattern) << 64
    }

    /// Adds an event.
    /// - Complexity: O(1) for a later slot's event, O(log n) for one of the current slot (n: its events).
    @inline(__always)
    mutating func schedule(at time: SimTime, _ kind: EventKind, target: Int32, dossier: Int32 = -1) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, target: target, dossier: dossier)
        nextSequence &+= 1
        count += 1
        if time < slotEnd {
            push(event)
            return
        }
        if time < windowEnd {
            let index = slotIndex(of: time)
            guard index > slot && index < Agenda.slotsPerDay else {
                push(event)
                return
            }
            addToSlot(index, event)
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
    /// - Complexity: O(log n) (n: the events of the current slot), plus pouring each slot into
    ///   the heap and laying out the bucket of each day the window moves to.
    @inline(__always)
    mutating func next() -> Event? {
        while true {
            let top = heap[0].key
            if top < slotEndKey { return takeTop() }
            // Nothing before the slot's end: the day's next slot that holds events is poured.
            if slotted > 0 || runNext < runCount {
                if slotted == 0 { skipEmptySlots(heapTop: top) }
                pourNextSlot()
                continue
            }
            // The day is poured: its events left are in the heap, with the heap's top the earliest.
            if top < windowEndKey {
                moveSlot(to: top)
                return takeTop()
            }
            // Nothing before the window's end: the next day's bucket comes in, or, with every
            // bucket empty, the heap's earliest is the earliest of all.
            if bucketed > 0 {
                advanceWindow()
                continue
            }
            guard heapCount > 0 else { return nil }
            return takeTop()
        }
    }

    /// Removes the heap's top (an empty heap's top is vacant).
    @inline(__always)
    private mutating func takeTop() -> Event {
        count -= 1
        let first = heap[0]
        heapCount -= 1
        let last = heap[heapCount]
        heap[heapCount] = .vacant
        if heapCount > 0 { siftDown(last, from: 0) }
        return first
    }

    /// The slot of the window's day that `time` (within the day) falls in. Exact: the day's
    /// start is a whole number of minutes, the difference is exact (the time lies within a day
    /// of it) and the slots of a minute are a power of two.
    @inline(__always)
    private func slotIndex(of time: SimTime) -> Int {
        Int((time - dayStart) * Agenda.slotsPerMinute)
    }

    /// With every list empty, moves to just before the next slot holding events: the run's next
    /// slot or the heap's top's, whichever comes first (the slots between hold nothing).
    private mutating func skipEmptySlots(heapTop top: UInt128) {
        var target = runNext < runCount ? dayslot(run[runNext]) : Agenda.slotsPerDay - 1
        if top < windowEndKey {
            target = Swift.min(target, slotIndex(of: SimTime(bitPattern: UInt64(truncatingIfNeeded: top >> 64))))
        }
        if target - 1 > slot { slot = target - 1 }
    }

    /// Puts `event` on the list of slot `index` of the window's day.
    @inline(__always)
    private mutating func addToSlot(_ index: Int, _ event: Event) {
        var node = freeNode
        if node >= 0 {
            freeNode = nodeNext[Int(node)]
        } else {
            if nodesUsed == nodes.count {
                nodes.grow(to: 2 * nodes.count, filling: .vacant)
                nodeNext.grow(to: 2 * nodeNext.count, filling: -1)
            }
            node = Int32(nodesUsed)
            nodesUsed += 1
        }
        nodes[Int(node)] = event
        nodeNext[Int(node)] = slotFirst[index]
        slotFirst[index] = node
        slotted += 1
    }

    /// Moves to the next slot of the day and pours its part of the run and its list into the heap.
    /// Inlined: a day of few events pours about one slot per event (the M/M/c workload's 7.2
    /// events a minute, 8 slots), and the call's own cost was a sixth of pouring.
    @inline(__always)
    private mutating func pourNextSlot() {
        slot += 1
        setSlotEnd()
        let runEnd = Int(runEnds[slot])
        while runNext < runEnd {
            push(run[runNext])
            runNext += 1
        }
        var node = slotFirst[slot]
        slotFirst[slot] = -1
        while node >= 0 {
            let index = Int(node)
            push(nodes[index])
            slotted -= 1
            node = nodeNext[index]
            nodeNext[index] = freeNode
            freeNode = Int32(index)
        }
    }

    /// Moves to the slot of the event with key `key` (before the day's end), the day being poured.
    private mutating func moveSlot(to key: UInt128) {
        let index = slotIndex(of: SimTime(bitPattern: UInt64(truncatingIfNeeded: key >> 64)))
        guard index > slot && index < Agenda.slotsPerDay else { return }
        slot = index
        setSlotEnd()
    }

    @inline(__always)
    private mutating func setSlotEnd() {
        slotEnd = dayStart + Double(slot + 1) / Agenda.slotsPerMinute
        slotEndKey = Agenda.key(before: slotEnd)
    }

    /// Moves the window one day on (the day is poured and the heap holds nothing of it): that
    /// day's bucket, laid out by slot, becomes the run.
    private mutating func advanceWindow() {
        windowDay += 1
        dayStart = Double(windowDay) * Agenda.dayLength
        windowEnd = Double(windowDay + 1) * Agenda.dayLength
        windowEndKey = Agenda.key(before: windowEnd)
        // Before the day's first slot, which the next removal pours.
        slot = -1
        slotEnd = dayStart
        slotEndKey = Agenda.key(before: dayStart)
        runNext = 0
        runCount = 0
        if !runEndsCleared {
            for s in 0..<Agenda.slotsPerDay { runEnds[s] = 0 }
            runEndsCleared = true
        }
        let bucket = windowDay & (Agenda.ringDays - 1)
        guard !buckets[bucket].isEmpty else { return }
        // The bucket's storage is freed once laid out, not kept in the ring: a bucket comes round
        // again only after ``ringDays`` days (never in a year's run), and kept, the ring held
        // every day's peak at once (a district year's memory went from 31 to 56 MiB).
        let events = buckets[bucket]
        buckets[bucket] = []
        bucketed -= events.count
        // A few events go straight into the heap, which may hold later events: laying them out
        // would clear, count and shift every slot of the day for them.
        if events.count <= Agenda.smallBucket {
            for event in events { push(event) }
            return
        }
        runEndsCleared = false
        if run.count < events.count { run = PlainBuffer(repeating: .vacant, count: Swift.max(events.count, 2 * run.count)) }
        // A counting sort by slot: the slots' sizes, their ends, then each event in place, from
        // each slot's end down (which leaves each slot's entry at its start, put back to its end
        // below). A bucket is never later than its events' day; a later event, if any, would
        // wait in the heap from the day's last slot on.
        for event in events { runEnds[dayslot(event)] += 1 }
        var end: Int32 = 0
        for s in 0..<Agenda.slotsPerDay {
            end += runEnds[s]
            runEnds[s] = end
        }
        for event in events.reversed() {
            let s = dayslot(event)
            runEnds[s] -= 1
            run[Int(runEnds[s])] = event
        }
        for s in 0..<Agenda.slotsPerDay - 1 { runEnds[s] = runEnds[s + 1] }
        runEnds[Agenda.slotsPerDay - 1] = Int32(events.count)
        runCount = events.count
    }

    /// The slot of the window's day of a bucketed event of that day (the last slot for a later one).
    @inline(__always)
    private func dayslot(_ event: Event) -> Int {
        Swift.min(Swift.max(slotIndex(of: event.time), 0), Agenda.slotsPerDay - 1)
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
