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
}
