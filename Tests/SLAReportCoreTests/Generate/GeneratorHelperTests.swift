import Foundation
import Testing

@testable import SLAReportCore

@Suite struct GeneratorHelperTests {
    @Test func portableMathMatchesTheCLibrary() {
        var x = -30.0
        while x < 30 {
            let e = PortableMath.exp(x)
            #expect(abs(e - Foundation.exp(x)) <= 1e-14 * Foundation.exp(x), "exp(\(x))")
            x += 0.173
        }
        for v in [1e-300, 1e-9, 0.001, 0.5, 0.999, 1, 1.5, 2, 10, 12345.678, 1e200] {
            #expect(abs(PortableMath.log(v) - Foundation.log(v)) <= 1e-14 * max(1, abs(Foundation.log(v))), "log(\(v))")
        }
        #expect(PortableMath.log(0) == -745)
    }

    @Test func splitMixIsTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0 (the reference implementation by Vigna).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        var bounded = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            let v = bounded.below(7)
            #expect(v >= 0 && v < 7)
            let u = bounded.unit()
            #expect(u >= 0 && u < 1)
        }
        #expect(bounded.below(0) == 0)
    }

    @Test func normalDeviatesHaveUnitVariance() {
        var rng = SplitMix64(seed: 9)
        var sum = 0.0
        var squares = 0.0
        let n = 20_000
        for _ in 0..<n {
            let z = rng.normal()
            sum += z
            squares += z * z
        }
        #expect(abs(sum / Double(n)) < 0.05)
        #expect(abs(squares / Double(n) - 1) < 0.05)
    }

    @Test func workingHoursAdvance() {
        func at(_ d: Int, _ h: Int, _ m: Int = 0) -> Int64 {
            CivilDateTime(year: 2016, month: 11, day: d, hour: h, minute: m).utcSeconds
        }
        // 2016-11-25 is a Friday, 2016-11-28 the Monday after.
        #expect(SyntheticWorkingHours.advance(at(25, 16), by: 2 * 3600) == at(28, 10))
        #expect(SyntheticWorkingHours.advance(at(26, 11), by: 30 * 60) == at(28, 9, 30))
        #expect(SyntheticWorkingHours.advance(at(24, 7), by: 3600) == at(24, 10))
        #expect(SyntheticWorkingHours.advance(at(24, 12), by: 0) == at(24, 12))
        #expect(SyntheticWorkingHours.advance(at(24, 17), by: 60) == at(25, 9, 1))
        #expect(SyntheticWorkingHours.advance(at(21, 9), by: 5 * 8 * 3600) == at(25, 17))
        #expect(SyntheticWorkingHours.contains(at(25, 16, 59)) && !SyntheticWorkingHours.contains(at(26, 12)))
    }

    @Test func writerFormatsTimestampsAndNumbersLikeTheModel() {
        var writer = ChunkedByteWriter(chunkSize: 4096)
        var expected = ""
        var rng = SplitMix64(seed: 1)
        for _ in 0..<2000 {
            let t = Int64(rng.below(4_102_444_800))  // 1970 … 2100
            writer.append(timestamp: t)
            expected += Instant(seconds: t).rfc3339
            let n = rng.below(Int.max / 2)
            writer.append(decimal: n)
            expected += String(n)
        }
        writer.append(base36: 35)
        writer.append(base36: 36)
        writer.append(base36: 0)
        expected += "z100"
        var output: [UInt8] = []
        writer.flush { output.append(contentsOf: $0) }
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test func writerGrowsInsteadOfOverflowing() {
        var writer = ChunkedByteWriter(chunkSize: 4096)
        let big = [UInt8](repeating: 65, count: 1_000_000)
        big.withUnsafeBufferPointer { writer.append($0) }
        writer.append(byte: 66)
        var count = 0
        writer.flush { count += $0.count }
        #expect(count == 1_000_001)
    }
}
