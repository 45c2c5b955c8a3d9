import Testing
@testable import MotCua

@Suite("Agenda (future-event list)")
struct AgendaTests {
    @Test("events come out by time, and simultaneous events in scheduling order")
    func ordering() {
        var agenda = Agenda()
        var rng = RandomStream(seed: 3)
        var expected: [(Double, Int32)] = []
        for i in 0..<5_000 {
            // Few distinct times, so ties are frequent.
            let time = Double(rng.next() % 50)
            agenda.schedule(at: time, .arrival, target: Int32(i))
            expected.append((time, Int32(i)))
        }
        expected.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var got: [(Double, Int32)] = []
        while let e = agenda.next() { got.append((e.time, e.target)) }
        #expect(got.count == expected.count)
        #expect(zip(got, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
    }

    @Test("interleaved scheduling and removal keep the order")
    func interleaved() {
        var agenda = Agenda()
        var rng = RandomStream(seed: 9)
        var now = 0.0
        for i in 0..<100 { agenda.schedule(at: rng.nextUnit() * 10, .arrival, target: Int32(i)) }
        var count = 0
        while let e = agenda.next() {
            #expect(e.time >= now)
            now = e.time
            count += 1
            if count < 20_000 { agenda.schedule(at: now + rng.nextUnit() * 10, .arrival, target: 0) }
        }
        #expect(count == 20_099)
    }

    /// Schedules `initial` events drawn by `draw` (given the present time), then one more at
    /// each removal up to `total`, and checks that they come out by time, ties in scheduling order.
    private func expectOrder(seed: UInt64, initial: Int, total: UInt64,
                             draw: (Double, inout RandomStream) -> Double) {
        var agenda = Agenda()
        var rng = RandomStream(seed: seed)
        var now = 0.0
        var expected: [(Double, UInt64)] = []
        var got: [(Double, UInt64)] = []
        var scheduled: UInt64 = 0
        func add(to agenda: inout Agenda) {
            let time = draw(now, &rng)
            agenda.schedule(at: time, .arrival, target: Int32(truncatingIfNeeded: scheduled))
            expected.append((time, scheduled))
            scheduled += 1
        }
        for _ in 0..<initial { add(to: &agenda) }
        while let e = agenda.next() {
            #expect(e.time >= now)
            now = e.time
            got.append((e.time, UInt64(UInt32(bitPattern: e.target))))
            if scheduled < total { add(to: &agenda) }
        }
        // The order is (time, scheduling order): the scheduling number is the target here.
        expected.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        #expect(got.count == expected.count)
        #expect(zip(got, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
    }

    @Test("events days ahead, beyond the ring of day buckets and on day boundaries come out in order")
    func acrossDays() {
        // Same-day, next-day, weeks ahead, beyond the ring (Agenda.ringDays days), exactly on a
        // midnight, and a minute's fraction before one, where dividing by the day's length
        // rounds up onto the next day.
        expectOrder(seed: 17, initial: 200, total: 30_000) { now, rng in
            switch rng.next() % 6 {
            case 0: return now + rng.nextUnit() * 30
            case 1: return now + 1440 + rng.nextUnit() * 1440
            case 2: return now + rng.nextUnit() * 40 * 1440
            case 3: return now + Double(Agenda.ringDays + 3) * 1440 * rng.nextUnit() * 2
            case 4: return ((now / 1440).rounded(.down) + Double(1 + rng.next() % 3)) * 1440
            default: return (((now / 1440).rounded(.down) + 1) * 1440).nextDown
            }
        }
    }

    @Test("events of the current day, on and around the boundaries of its slots, come out in order")
    func slotsWithinADay() {
        let slot = 1 / Agenda.slotsPerMinute
        // Within the current slot, on a later slot's start, a hair before it, later the same
        // day, at the present instant, and on the next days (the day's bucket, laid out by slot).
        expectOrder(seed: 29, initial: 300, total: 60_000) { now, rng in
            let nextBoundary = ((now / slot).rounded(.down) + Double(1 + rng.next() % 40)) * slot
            switch rng.next() % 7 {
            case 0: return now + rng.nextUnit() * slot
            case 1: return nextBoundary
            case 2: return nextBoundary.nextDown
            case 3: return now + rng.nextUnit() * 600
            case 4: return now
            case 5: return now + 1440 * rng.nextUnit() * 3
            default: return now + rng.nextUnit() * 2
            }
        }
    }

    @Test("a day's bucket and the events scheduled during that day merge by time, ties by scheduling order")
    func bucketAndSameDayMerge() {
        var agenda = Agenda()
        // Scheduled on day 0 for day 1: they wait in day 1's bucket, laid out when day 1 comes.
        agenda.schedule(at: 1540, .arrival, target: 1)
        agenda.schedule(at: 1540, .arrival, target: 2)
        agenda.schedule(at: 1490, .arrival, target: 3)
        agenda.schedule(at: 1600, .arrival, target: 4)
        #expect(agenda.next()?.target == 3)
        // Scheduled during day 1 for day 1: a tie with the bucket's 1540 comes after both, as it
        // was scheduled after them; an earlier one comes first.
        agenda.schedule(at: 1540, .arrival, target: 5)
        agenda.schedule(at: 1515, .arrival, target: 6)
        agenda.schedule(at: 1600, .arrival, target: 7)
        var order: [Int32] = []
        while let event = agenda.next() { order.append(event.target) }
        #expect(order == [6, 1, 2, 5, 4, 7])
    }
    @Test("a few events at a time, and a number of events swinging from none to hundreds, come out in order")
    func fewEventsAndSwings() {
        // A few events at a time (the M/M/c workload's case), over many days: each day's bucket
        // holds at most Agenda.smallBucket events and goes straight into the heap.
        expectOrder(seed: 41, initial: 5, total: 40_000) { now, rng in
            rng.next() % 9 == 0 ? now + 1440 * rng.nextUnit() * 2 : now + rng.nextUnit() * 90
        }
        // Growing to hundreds and back to a few: events in the heap, on the slots' lists and in the
        // run at once, and days whose bucket is laid out by slot between days whose bucket is not.
        var agenda = Agenda()
        var rng = RandomStream(seed: 43)
        var now = 0.0
        var scheduled: Int32 = 0
        var expected: [(Double, Int32)] = []
        var got: [(Double, Int32)] = []
        func add(_ time: Double) {
            agenda.schedule(at: time, .arrival, target: scheduled)
            expected.append((time, scheduled))
            scheduled += 1
        }
        for _ in 0..<3 { add(rng.nextUnit() * 30) }
        var removals = 0
        while let e = agenda.next() {
            #expect(e.time >= now)
            now = e.time
            got.append((e.time, e.target))
            removals += 1
            guard scheduled < 60_000 else { continue }
            // Phases of 3,000 removals: growing (two events a removal), then shrinking (none
            // every other removal).
            let growing = (removals / 3_000) % 2 == 0
            let adds = growing ? 2 : Int(rng.next() % 2)
            for _ in 0..<adds {
                add(rng.next() % 4 == 0 ? now + 1440 * rng.nextUnit() * 3 : now + rng.nextUnit() * 200)
            }
            if agenda.count == 0 { add(now + rng.nextUnit() * 1440) }
        }
        expected.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        #expect(got.count == expected.count)
        #expect(zip(got, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
    }
}
