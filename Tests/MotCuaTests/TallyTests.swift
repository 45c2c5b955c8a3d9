import Testing
@testable import MotCua

/// `ProcedureTally.add` adds the tally as the `Int`s it is laid out as; these tests hold it to
/// the declared counters, read by name through reflection (code that does not add anything).
@Suite struct TallyTests {
    @Test func everyStoredPropertyOfAProcedureTallyIsAnIntCounter() {
        let counters = Mirror(reflecting: ProcedureTally()).children
        #expect(counters.allSatisfy { $0.value is Int })
        #expect(MemoryLayout<ProcedureTally>.size == counters.count * MemoryLayout<Int>.stride)
    }

    @Test func addingATallyAddsEveryCounterByName() {
        var sum = ProcedureTally(), other = ProcedureTally()
        withUnsafeMutableBytes(of: &sum) { bytes in
            for (n, offset) in stride(from: 0, to: bytes.count, by: 8).enumerated() {
                bytes.storeBytes(of: 1000 * (n + 1), toByteOffset: offset, as: Int.self)
            }
        }
        withUnsafeMutableBytes(of: &other) { bytes in
            for (n, offset) in stride(from: 0, to: bytes.count, by: 8).enumerated() {
                bytes.storeBytes(of: n + 1, toByteOffset: offset, as: Int.self)
            }
        }
        let before = Dictionary(uniqueKeysWithValues: Mirror(reflecting: sum).children.map { ($0.label!, $0.value as! Int) })
        let added = Dictionary(uniqueKeysWithValues: Mirror(reflecting: other).children.map { ($0.label!, $0.value as! Int) })
        sum.add(other)
        for child in Mirror(reflecting: sum).children {
            let name = child.label!
            #expect(child.value as? Int == before[name]! + added[name]!, "counter \(name)")
        }
    }
}
