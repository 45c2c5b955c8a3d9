/// Storage for a run's hot path: a growable, contiguous buffer of plain values owned by one run.
///
/// A Swift `Array` mutated in place checks that its storage is not shared (copy-on-write) and
/// may retain it around the access; over millions of events those checks were a tenth of the
/// kernel's time. A plain buffer is non-copyable, so it is never shared and needs neither, and
/// its elements are `BitwiseCopyable`, so reading or writing one never counts references.
/// Indexes are checked in debug builds (where the tests run) and trusted in release builds.
struct PlainBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    /// Number of elements the buffer holds; all of them are initialized.
    private(set) var count: Int

    /// A buffer of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        base = PlainBuffer.allocate(count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    /// A buffer holding the elements of `elements`, in order.
    init(_ elements: [Element]) {
        base = PlainBuffer.allocate(elements.count)
        count = elements.count
        elements.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
        }
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    /// Uninitialized room for `count` elements (at least one), starting on a 128-byte boundary:
    /// a run's 64-byte records then each lie in one cache line, not across two (the allocator
    /// alone puts a large buffer 16 bytes past a page), and pairs of lines are fetched together.
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        let capacity = Swift.max(count, 1)
        return UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Element>.stride,
                                                alignment: Swift.max(128, MemoryLayout<Element>.alignment))
            .bindMemory(to: Element.self, capacity: capacity)
    }

    /// The element at `index`.
    /// - Complexity: O(1), no reference counting.
    @inline(__always)
    subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            assert(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
            return base + index
        }
    }

    /// The address of the element at `index`, for a type that lays its own accessors over a
    /// plain buffer; valid until the buffer grows or ends.
    @inline(__always)
    func address(_ index: Int) -> UnsafeMutablePointer<Element> {
        assert(index >= 0 && index < count, "index \(index) outside 0..<\(count)")
        return base + index
    }

    /// Grows the buffer to `newCount` elements (at least the current count), filling the new
    /// ones with `value`; earlier elements keep their values.
    /// - Complexity: O(`newCount`).
    mutating func grow(to newCount: Int, filling value: Element) {
        guard newCount > count else { return }
        let bigger = PlainBuffer.allocate(newCount)
        bigger.moveInitialize(from: base, count: count)
        (bigger + count).initialize(repeating: value, count: newCount - count)
        UnsafeMutableRawPointer(base).deallocate()
        base = bigger
        count = newCount
    }

    /// The elements as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
