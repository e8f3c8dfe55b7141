import CByteScan
import Testing

@testable import SLAReportCore

/// The CSV reader's scans for the end of a field's plain bytes, on seeded random bytes: sixteen bytes at a
/// time (exactly the separator, the quote, LF and CR), eight at a time (also any byte below 0x0E, which the
/// byte loop then looks at), and the 64-byte masks of ``CSVCore/Stops``.
@Suite struct CSVSkipPlainTests {
    private static let specials: [UInt8] = [
        Byte.quote, Byte.lf, Byte.cr, Byte.comma, Byte.semicolon, Byte.tab, 0x00, 0x0D, 0x0E,
    ]

    private static func bytes(_ count: Int, _ random: inout TestRandom) -> [UInt8] {
        (0..<count).map { _ in
            random.chance(8) ? random.pick(specials) : UInt8(truncatingIfNeeded: random.int(0x0E...0xFF))
        }
    }

    private static func isStop(_ b: UInt8, _ separator: UInt8) -> Bool {
        b == separator || b == Byte.quote || b == Byte.lf || b == Byte.cr
    }

    @Test func skipsToTheFirstStopOrACandidateBeforeIt() {
        var random = TestRandom(5_150)
        for round in 0..<3_000 {
            let separator = random.pick([Byte.comma, Byte.semicolon, Byte.tab])
            let count = random.int(0...100)
            let bytes = Self.bytes(count, &random)
            let start = count == 0 ? 0 : random.int(0...count)
            let p = bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return CSVCore.skipPlain(
                    base, from: start, to: count, separator: UInt64(separator) &* 0x0101_0101_0101_0101)
            }
            let note = "round \(round), \(bytes), from \(start): \(p), \(random.note)"
            #expect(p >= start && p <= count, "\(note)")
            #expect(!bytes[start..<p].contains { Self.isStop($0, separator) }, "no stop may be skipped: \(note)")
            let first = bytes[start...].firstIndex { Self.isStop($0, separator) } ?? count
            // At the first stop, or before it at a byte the byte loop must look at, or in the last 7 bytes.
            #expect(p == first || (p < first && (bytes[p] < 0x0E || p > count - 8)), "\(note)")
        }
    }

    @Test func sixteenByteMasksMarkExactlyTheStops() {
        var random = TestRandom(5_151)
        for round in 0..<2_000 {
            let separator = random.pick([Byte.comma, Byte.semicolon, Byte.tab, Byte.quote])
            let bytes = Self.bytes(64, &random)
            let (mask16, mask64) = bytes.withUnsafeBufferPointer { buffer -> (UInt32, UInt64) in
                guard let base = buffer.baseAddress else { return (0, 0) }
                return (slareport_csv_stops16(base, separator), slareport_csv_stops64(base, separator))
            }
            var expected: UInt64 = 0
            for (k, b) in bytes.enumerated() where Self.isStop(b, separator) { expected |= 1 << UInt64(k) }
            #expect(UInt64(mask16) == expected & 0xFFFF, "round \(round), \(bytes), \(random.note)")
            #expect(mask64 == expected, "round \(round), \(bytes), \(random.note)")
        }
    }

    /// One cursor asked for the fields' ends in order (as a record is read) and a fresh one for each offset
    /// give the offsets of the byte-at-a-time searches.
    @Test func stopsCursorGivesTheSearchesOffsets() {
        var random = TestRandom(5_152)
        for round in 0..<500 {
            let separator = random.pick([Byte.comma, Byte.semicolon, Byte.tab])
            let count = random.int(0...300)
            let bytes = Self.bytes(count, &random)
            let word = UInt64(separator) &* 0x0101_0101_0101_0101
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var ordered = CSVCore.Stops(base, count: count, separator: separator, separatorWord: word)
                var from = 0
                while from <= count {
                    let unquoted = CSVCore.unquotedEnd(
                        base, from: from, to: count, separator: separator, separatorWord: word)
                    let quoted = CSVCore.quotedEnd(base, from: from, to: count)
                    var fresh = CSVCore.Stops(base, count: count, separator: separator, separatorWord: word)
                    let note = "round \(round), \(bytes), from \(from), \(random.note)"
                    #expect(fresh.quotedEnd(from: from) == quoted, "\(note)")
                    let asQuoted = random.chance(30)
                    let got = asQuoted ? ordered.quotedEnd(from: from) : ordered.unquotedEnd(from: from)
                    #expect(got == (asQuoted ? quoted : unquoted), "\(note)")
                    from = max(from + 1, min(got, count) + 1)
                }
            }
        }
    }
}
