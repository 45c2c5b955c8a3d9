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
        var k: Int
        if x < heights[0] {
            heights[0] = x; k = 0
        } else if x >= heights[4] {
            heights[4] = x; k = 3
        } else {
            k = 0
            while k < 3 && x >= heights[k + 1] { k += 1 }
        }
        for i in (k + 1)..<5 { positions[i] += 1 }
        for i in 0..<5 { desired[i] += increments[i] }
        for i in 1...3 {
            let d = desired[i] - positions[i]
            if (d >= 1 && positions[i + 1] - positions[i] > 1) || (d <= -1 && positions[i - 1] - positions[i] < -1) {
                let s: Double = d >= 0 ? 1 : -1
                let parabolic = heights[i] + s / (positions[i + 1] - positions[i - 1])
                    * ((positions[i] - positions[i - 1] + s) * (heights[i + 1] - heights[i]) / (positions[i + 1] - positions[i])
                       + (positions[i + 1] - positions[i] - s) * (heights[i] - heights[i - 1]) / (positions[i] - positions[i - 1]))
                if heights[i - 1] < parabolic && parabolic < heights[i + 1] {
                    heights[i] = parabolic
                } else {
                    let j = i + Int(s)
                    heights[i] += s * (heights[j] - heights[i]) / (positions[j] - positions[i])
                }
                positions[i] += s
            }
        }
    }
}
