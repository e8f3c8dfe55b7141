import Testing

@testable import SLAReportCore

/// The eight-bytes-at-a-time scan of the CSV reader stops exactly at the first byte that could end a field
/// (or leaves at most the last seven bytes to the byte loop), on seeded random bytes.
@Suite struct CSVSkipPlainTests {
    @Test func stopsAtTheFirstCandidateByte() {
        var random = TestRandom(5_150)
        let specials: [UInt8] = [Byte.quote, Byte.lf, Byte.cr, Byte.comma, Byte.semicolon, Byte.tab, 0x00, 0x0D, 0x0E]
        for round in 0..<3_000 {
            let separator = random.pick([Byte.comma, Byte.semicolon, Byte.tab])
            let count = random.int(0...40)
            let bytes: [UInt8] = (0..<count).map { _ in
                random.chance(8) ? random.pick(specials) : UInt8(truncatingIfNeeded: random.int(0x0E...0xFF))
            }
            func candidate(_ b: UInt8) -> Bool { b < 0x0E || b == separator || b == Byte.quote }
            let start = count == 0 ? 0 : random.int(0...count)
            let p = bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return CSVCore.skipPlain(
                    base, from: start, to: count, separator: UInt64(separator) &* 0x0101_0101_0101_0101)
            }
            let note = "round \(round), \(bytes), from \(start): \(p), \(random.note)"
            #expect(p >= start && p <= count, "\(note)")
            #expect(!bytes[start..<p].contains(where: candidate), "nothing skipped may end a field: \(note)")
            let first = bytes[start...].firstIndex(where: candidate) ?? count
            #expect(p == first || (p > count - 8 && p <= first), "\(note)")
        }
    }
}
