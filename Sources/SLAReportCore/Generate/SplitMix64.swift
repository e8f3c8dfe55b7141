/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast 64-bit pseudo-random generator.
///
/// The synthetic generator uses it instead of `SystemRandomNumberGenerator` so that the same seed gives the
/// same bytes on every run and every machine. It deliberately does not conform to `RandomNumberGenerator`:
/// the standard library's `shuffle(using:)` / `random(in:using:)` do not promise how many values they draw,
/// so only the draws below, whose consumption is fixed, are used.
struct SplitMix64: Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for item `index` of a stream keyed by `seed`, independent of the other items' draws.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        state = SplitMix64.mix(
            seed ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019) ^ (index &* 0xD1B5_4A32_D192_ED03))
    }

    /// The SplitMix64 output function (a strong 64-bit finaliser).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// Uniform in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `0..<bound` (`bound > 0`; 0 otherwise), by the multiply-high method.
    mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in `range` (inclusive bounds).
    mutating func between(_ low: Int64, _ high: Int64) -> Int64 {
        guard high > low else { return low }
        return low + Int64(below(Int(high - low) + 1))
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Marsaglia's polar method; needs only `log` and `sqrt`).
    mutating func normal() -> Double {
        while true {
            let u = 2 * unit() - 1
            let v = 2 * unit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Log-normal with the given median and log-space standard deviation.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * PortableMath.exp(sigma * normal())
    }

    /// Log-normal seconds, rounded down and clamped to `[minimum, maximum]`.
    mutating func seconds(median: Double, sigma: Double, minimum: Int64 = 1, maximum: Int64 = 60 * 86_400)
        -> Int64
    {
        let x = logNormal(median: median, sigma: sigma)
        guard x.isFinite, x < Double(maximum) else { return maximum }
        return max(minimum, Int64(x))
    }

    /// Index drawn from cumulative weights (`cumulative.last` is the total; every step is non-negative).
    mutating func pick(cumulative: [Double]) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let x = unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
