/// A streaming estimate of one quantile (the P² algorithm of Jain and Chlamtac, 1985): five
/// markers, constant memory, no stored observations — so a year of waits costs 40 bytes.
public struct P2Quantile: Sendable, Codable, Equatable {
    /// The quantile estimated, e.g. 0.9.
    public let p: Double
    private var heights: [Double] = []
    private var positions: [Double] = [1, 2, 3, 4, 5]
    private var desired: [Double]
    private var increments: [Double]
    /// Observations so far.
    public private(set) var count = 0

    /// An estimator of the `p`-quantile.
    public init(p: Double) {
        self.p = p
        desired = [1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5]
        increments = [0, p / 2, p, (1 + p) / 2, 1]
    }

    /// The current estimate (exact while fewer than five observations), NaN when empty.
    public var value: Double {
        guard count > 0 else { return .nan }
        if count < 5 {
            let sorted = heights.sorted()
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
            heights.append(x)
            if count == 5 { heights.sort() }
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
