/// Five numbers stored inline: the markers of ``P2Quantile`` without heap arrays on the hot path.
struct Five: Sendable, Codable, Equatable {
    var a, b, c, d, e: Double
    init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double) { (self.a, self.b, self.c, self.d, self.e) = (a, b, c, d, e) }
    @inline(__always)
    subscript(i: Int) -> Double {
        get { switch i { case 0: return a; case 1: return b; case 2: return c; case 3: return d; default: return e } }
        set { switch i { case 0: a = newValue; case 1: b = newValue; case 2: c = newValue; case 3: d = newValue; default: e = newValue } }
    }
}

/// A streaming estimate of one quantile (the P² algorithm of Jain and Chlamtac, 1985): five
/// markers, constant memory, no stored observations — so a year of waits costs 40 bytes.
public struct P2Quantile: Sendable, Codable, Equatable {
    /// The quantile estimated, e.g. 0.9.
    public let p: Double
    private var heights = Five(0, 0, 0, 0, 0)
    private var positions = Five(1, 2, 3, 4, 5)
    private var desired: Five
    private var increments: Five
    /// Observations so far.
    public private(set) var count = 0

    /// An estimator of the `p`-quantile.
    public init(p: Double) {
        self.p = p
        desired = Five(1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5)
        increments = Five(0, p / 2, p, (1 + p) / 2, 1)
    }

    /// The current estimate (exact while fewer than five observations), NaN when empty.
    public var value: Double {
        guard count > 0 else { return .nan }
        if count < 5 {
            let sorted = (0..<count).map { heights[$0] }.sorted()
            let rank = Swift.min(sorted.count - 1, Swift.max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
            return sorted[rank]
        }
        return heights[2]
    }

    /// Adds an observation.
    /// - Complexity: O(1).
    public mutating func add(_ x: Double) {
        count += 1
        if count <= 5 {
            heights[count - 1] = x
            if count == 5 {
                let sorted = (0..<5).map { heights[$0] }.sorted()
                heights = Five(sorted[0], sorted[1], sorted[2], sorted[3], sorted[4])
            }
            return
        }
        // Unrolled over the five markers, without branches on `x` (which follow the random
        // waits and were mispredicted half the time): the heights are in order, so `x` is below
        // every marker from the first one it is below, and each of those moves up one place.
        // The arithmetic and its order are those of the published algorithm.
        let one = 1.0, none = 0.0
        positions.b += x < heights.b ? one : none
        positions.c += x < heights.c ? one : none
        positions.d += x < heights.d ? one : none
        positions.e += 1
        heights.a = x < heights.a ? x : heights.a
        heights.e = x >= heights.e ? x : heights.e
        desired.a += increments.a; desired.b += increments.b; desired.c += increments.c
        desired.d += increments.d; desired.e += increments.e
        P2Quantile.adjust(desired.b - positions.b, heights.a, &heights.b, heights.c, positions.a, &positions.b, positions.c)
        P2Quantile.adjust(desired.c - positions.c, heights.b, &heights.c, heights.d, positions.b, &positions.c, positions.d)
        P2Quantile.adjust(desired.d - positions.d, heights.c, &heights.d, heights.e, positions.c, &positions.d, positions.e)
    }

    /// Moves a middle marker (height `q`, position `n`) one step towards its desired position
    /// when it is off by `offset` ≥ 1, by the piecewise-parabolic formula, or linearly when that
    /// would leave the neighbours' heights.
    @inline(__always)
    private static func adjust(_ offset: Double, _ qBelow: Double, _ q: inout Double, _ qAbove: Double,
                               _ nBelow: Double, _ n: inout Double, _ nAbove: Double) {
        guard (offset >= 1 && nAbove - n > 1) || (offset <= -1 && nBelow - n < -1) else { return }
        let s: Double = offset >= 0 ? 1 : -1
        let parabolic = q + s / (nAbove - nBelow)
            * ((n - nBelow + s) * (qAbove - q) / (nAbove - n)
               + (nAbove - n - s) * (q - qBelow) / (n - nBelow))
        if qBelow < parabolic && parabolic < qAbove {
            q = parabolic
        } else if s > 0 {
            q += s * (qAbove - q) / (nAbove - n)
        } else {
            q += s * (qBelow - q) / (nBelow - n)
        }
        n += s
    }
}
