/// A first-in-first-out queue on a growable circular plain buffer: O(1) push and pop, no
/// shifting, no reference counting.
struct RingBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var storage: PlainBuffer<Element>
    private var head = 0
    private(set) var count = 0

    /// An empty queue; `placeholder` fills the slots not in use.
    init(placeholder: Element) {
        storage = PlainBuffer(repeating: placeholder, count: 16)
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == storage.count { grow(filling: element) }
        storage[(head + count) & (storage.count - 1)] = element
        count += 1
    }

    /// The element ``popFirst()`` would return, left in place.
    @inline(__always)
    var first: Element? { count > 0 ? storage[head] : nil }

    @inline(__always)
    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return element
    }

    /// Doubles the capacity (a power of two, so positions wrap with a mask), unrolling the
    /// queue to the start.
    private mutating func grow(filling element: Element) {
        let capacity = storage.count
        var bigger = PlainBuffer<Element>(repeating: element, count: 2 * capacity)
        for i in 0..<count { bigger[i] = storage[(head + i) & (capacity - 1)] }
        storage = bigger
        head = 0
    }

    /// The elements in queue order.
    func forEach(_ body: (Element) -> Void) {
        for i in 0..<count { body(storage[(head + i) & (storage.count - 1)]) }
    }
}
