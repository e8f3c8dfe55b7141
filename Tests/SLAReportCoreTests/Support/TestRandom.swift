import Foundation

@testable import SLAReportCore

/// A seeded SplitMix64 generator for the property and determinism tests: every run checks the same cases,
/// and a failure message names the seed (``note``), so that `SLAREPORT_TEST_SEED=<seed> swift test` runs the
/// failing case again. Setting `SLAREPORT_TEST_SEED` also lets a run explore other cases.
struct TestRandom: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    /// Seeded with `SLAREPORT_TEST_SEED` when it is set, else with `fallback`.
    init(_ fallback: UInt64) {
        let environment = ProcessInfo.processInfo.environment["SLAREPORT_TEST_SEED"].flatMap { UInt64($0) }
        seed = environment ?? fallback
        state = seed
    }

    /// Seeded with exactly `seed` (for generators derived from another one's output).
    init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// For failure messages: the seed and how to run it again.
    var note: String { "seed \(seed) (rerun with SLAREPORT_TEST_SEED=\(seed))" }

    /// Uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// Uniform in `0..<n` (by remainder: fine for a test's small `n`).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// An element of `items` (which must not be empty).
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// An input served in chunks of random sizes (and, optionally, cut short as a file that shrinks while it is
/// read), to check that every reader gives the same result however its bytes arrive.
struct ChunkedSource: ByteSource {
    let bytes: [UInt8]
    let maxChunk: Int
    let seed: UInt64
    /// Serve only this many bytes although ``size`` says more (a file truncated while it is read).
    var shrinkTo: Int?
    /// A stream (no size: read once) instead of a regular file.
    var isStream = false

    var size: Int? { isStream ? nil : bytes.count }

    func open(at offset: Int) -> Result<any ByteReader, InputReadError> {
        .success(Reader(bytes: bytes, offset: offset, end: shrinkTo ?? bytes.count, maxChunk: maxChunk, seed: seed))
    }

    final class Reader: ByteReader {
        let bytes: [UInt8]
        var offset: Int
        let end: Int
        let maxChunk: Int
        var random: TestRandom

        init(bytes: [UInt8], offset: Int, end: Int, maxChunk: Int, seed: UInt64) {
            self.bytes = bytes
            self.offset = offset
            self.end = end
            self.maxChunk = max(maxChunk, 1)
            random = TestRandom(seed &+ UInt64(offset))
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, InputReadError> {
            let n = min(buffer.count, end - offset, random.int(1...maxChunk))
            guard n > 0 else { return .success(0) }
            bytes.withUnsafeBytes { raw in
                if let from = raw.baseAddress { buffer.baseAddress?.copyMemory(from: from + offset, byteCount: n) }
            }
            offset += n
            return .success(n)
        }
    }
}

/// The 1-based line of byte `offset` of `bytes`, counting CRLF, LF and a lone CR as one line break each.
func lineOfOffset(_ bytes: [UInt8], _ offset: Int) -> Int {
    var line = 1
    var i = 0
    while i < min(offset, bytes.count) {
        if bytes[i] == 0x0A {
            line += 1
        } else if bytes[i] == 0x0D {
            line += 1
            if i + 1 < offset && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
        }
        i += 1
    }
    return line
}
