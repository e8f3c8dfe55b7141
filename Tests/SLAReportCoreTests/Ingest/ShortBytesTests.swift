import Testing

@testable import SLAReportCore

/// ``ShortBytes`` keys are equal exactly when their bytes are, for every length up to 16 (seeded random pairs
/// that differ in one byte, or not at all), and there is no key for longer bytes.
struct ShortBytesTests {
    private func key(_ bytes: [UInt8]) -> ShortBytes? { bytes.withUnsafeBufferPointer { ShortBytes($0) } }

    @Test func equalKeysExactlyForEqualBytes() {
        var random = TestRandom(0x5B17_E500)
        for _ in 0..<20_000 {
            let n = random.int(0...16)
            let a = (0..<n).map { _ in UInt8(truncatingIfNeeded: random.int(0...3) + 0x61) }
            var b = a
            if n > 0, random.chance(70) { b[random.int(0...(n - 1))] ^= UInt8(1 << random.int(0...7)) }
            if random.chance(10) { b.append(0x61) }
            #expect((key(a) == key(b)) == (a == b), "\(a) \(b), \(random.note)")
            #expect(key(a) != nil)
            #expect(key(a) != ShortBytes.none)
        }
        #expect(key(Array(repeating: 0x61, count: 17)) == nil)
    }
}
