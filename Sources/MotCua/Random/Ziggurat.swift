import Foundation

/// The ziggurat method (Marsaglia and Tsang, 2000) for the standard exponential and the standard
/// normal: the area under a decreasing density is cut into 256 layers of equal area, each a
/// rectangle with a thin wedge beyond it, plus the tail. A draw picks a layer and a point
/// across it; about 99% of draws land inside a rectangle and cost one random number, a
/// multiplication and a comparison, instead of a logarithm (exponential) or a logarithm and a
/// cosine (Box–Muller). The rest are decided by the exact density, so the draws follow the
/// distribution exactly.
///
/// A draw consumes one random number, sometimes more; each random source has its own stream,
/// so this shifts nothing between sources.
@usableFromInline
final class Ziggurat: @unchecked Sendable {
    // @unchecked: the tables are written once, by `init`, and only read afterwards.

    /// The published edges of 256 layers: where the tail starts.
    static let exponentialEdge = 7.69711747013104972
    static let normalEdge = 3.6541528853610088

    /// The densities, up to a factor: e^(−x) and e^(−x²/2), x ≥ 0 (the normal's sign is drawn apart).
    static func exponentialDensity(_ x: Double) -> Double { exp(-x) }
    static func normalDensity(_ x: Double) -> Double { exp(-0.5 * x * x) }

    /// Layers under the exponential density.
    static let exponentialTables = Ziggurat(edge: exponentialEdge, density: exponentialDensity,
                                            inverse: { -log($0) }, tailArea: exponentialDensity)
    /// Layers under the normal density.
    static let normalTables = Ziggurat(edge: normalEdge, density: normalDensity,
                                       inverse: { (-2 * log($0)).squareRoot() },
                                       tailArea: { (Double.pi / 2).squareRoot() * erfc($0 / 2.0.squareRoot()) })

    static let layerCount = 256
    /// The tables as plain pointers, for samplers to hold without reference counting (the
    /// tables live as long as the program).
    let layers: Layers
    /// Where the recurrence of the edges ends: the density at the top of the last layer, 1 when
    /// the published edge is right. Kept for the test of the tables.
    let top: Double

    /// Builds the tables of a decreasing `density` with f(0) = 1, its `inverse`, the area of its
    /// tail beyond x, and the published edge of 256 layers.
    private init(edge: Double, density: (Double) -> Double, inverse: (Double) -> Double, tailArea: (Double) -> Double) {
        let n = Ziggurat.layerCount
        let area = edge * density(edge) + tailArea(edge)
        let right = UnsafeMutablePointer<Double>.allocate(capacity: n + 1)
        let height = UnsafeMutablePointer<Double>.allocate(capacity: n + 1)
        right[0] = area / density(edge)
        right[1] = edge
        for i in 1..<n - 1 { right[i + 1] = inverse(area / right[i] + density(right[i])) }
        top = area / right[n - 1] + density(right[n - 1])
        right[n] = 0
        for i in 0...n { height[i] = density(right[i]) }
        layers = Layers(right: right, height: height)
    }

    /// The right edges and heights of the layers of one density.
    @usableFromInline
    struct Layers: BitwiseCopyable, @unchecked Sendable {
        /// `right[i]`: the right edge of layer i's rectangle (`right[0]` is the base layer's
        /// width as if its tail were a rectangle of the same area; `right[256]` is 0), 257 values.
        let right: UnsafePointer<Double>
        /// `height[i]`: the density at `right[i]`.
        let height: UnsafePointer<Double>
    }

    /// A standard exponential variate.
    @usableFromInline @inline(__always)
    static func exponential(_ rng: inout RandomStream, _ layers: Layers) -> Double {
        while true {
            let bits = rng.next()
            let i = Int(bits & 0xFF)
            let x = Double(bits >> 11) * 0x1.0p-53 * layers.right[i]
            if x < layers.right[i + 1] { return x }
            // The tail beyond the edge is the exponential again, shifted (memorylessness).
            if let y = outsideRectangle(i, x, layers, &rng, density: exponentialDensity,
                                               tail: { Ziggurat.exponentialEdge - log($0.nextUnit()) }) { return y }
        }
    }

    /// A standard normal variate.
    @usableFromInline @inline(__always)
    static func normal(_ rng: inout RandomStream, _ layers: Layers) -> Double {
        while true {
            let bits = rng.next()
            let i = Int(bits & 0xFF)
            let sign: Double = bits & 0x100 == 0 ? 1 : -1
            let x = Double(bits >> 11) * 0x1.0p-53 * layers.right[i]
            if x < layers.right[i + 1] { return sign * x }
            if let y = outsideRectangle(i, x, layers, &rng, density: normalDensity,
                                               tail: { Ziggurat.normalTail(&$0) }) { return sign * y }
        }
    }

    /// Decides a point `x` of layer `i` that fell outside its rectangle: a draw from the tail
    /// for the base layer, `x` when it lies under the density in the wedge, nil to draw again.
    @inline(never)
    private static func outsideRectangle(_ i: Int, _ x: Double, _ layers: Layers, _ rng: inout RandomStream, density: (Double) -> Double,
                                  tail: (inout RandomStream) -> Double) -> Double? {
        if i == 0 { return tail(&rng) }
        let y = layers.height[i] + rng.nextUnit() * (layers.height[i + 1] - layers.height[i])
        return y < density(x) ? x : nil
    }

    /// A normal variate beyond the edge (Marsaglia, 1964).
    private static func normalTail(_ rng: inout RandomStream) -> Double {
        while true {
            let a = -log(rng.nextUnit()) / normalEdge
            let b = -log(rng.nextUnit())
            if 2 * b > a * a { return normalEdge + a }
        }
    }
}
