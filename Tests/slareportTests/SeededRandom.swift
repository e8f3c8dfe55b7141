import Foundation

/// SplitMix64 for the end-to-end tests: seeded, so every run checks the same cases; `SLAREPORT_TEST_SEED`
/// overrides the seed, and failure messages name it (``note``).
struct SeededRandom: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init(_ fallback: UInt64) {
        seed = ProcessInfo.processInfo.environment["SLAREPORT_TEST_SEED"].flatMap { UInt64($0) } ?? fallback
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    var note: String { "seed \(seed) (rerun with SLAREPORT_TEST_SEED=\(seed))" }
}
