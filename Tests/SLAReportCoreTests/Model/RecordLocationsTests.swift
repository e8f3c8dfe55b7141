import Testing

@testable import SLAReportCore

/// ``RecordLocations`` keeps files and lines as runs: every way of building it must answer as the plain
/// per-record columns it replaced would.
struct RecordLocationsTests {
    /// Random records: mostly consecutive lines, some jumps (multi-line records, blank lines), file changes.
    private static func records(_ random: inout TestRandom, count: Int) -> [(file: UInt32, line: Int)] {
        var out: [(file: UInt32, line: Int)] = []
        var file: UInt32 = 0
        var line = 2
        for _ in 0..<count {
            if random.chance(3) {
                file += UInt32(random.int(1...2))
                line = random.int(1...3)
            } else if random.chance(20) {
                line += random.int(2...5)
            } else {
                line += 1
            }
            out.append((file, line))
        }
        return out
    }

    @Test func everyRecordsFileAndLineAsAppended() {
        for round in 0..<40 {
            var random = TestRandom(0x10CA_7105 &+ UInt64(round))
            let records = Self.records(&random, count: random.int(0...400))
            var locations = RecordLocations()
            for r in records { locations.append(file: r.file, line: r.line) }
            #expect(locations.count == records.count, "\(random.note)")
            #expect(locations.files == records.map(\.file), "\(random.note)")
            #expect(locations.lines == records.map { UInt32($0.line) }, "\(random.note)")
            var fromRuns = [UInt32](repeating: .max, count: records.count)
            for run in locations.fileRuns { for r in run.records { fromRuns[r] = run.file } }
            #expect(fromRuns == records.map(\.file), "runs cover every record once: \(random.note)")
            #expect(locations.file(records.count) == 0 && locations.line(-1) == 0)
        }
    }

    @Test func appendingPartsEqualsAppendingRecordByRecord() {
        for round in 0..<40 {
            var random = TestRandom(0x9A27_5000 &+ UInt64(round))
            let records = Self.records(&random, count: random.int(1...300))
            let cut = random.int(0...records.count)
            // A later part counts its lines from 1: the shift is at most what keeps them there.
            let lowest = records[cut...].map(\.line).min() ?? 1
            let shift = random.int(0...(lowest - 1))
            let sameFile = random.chance(50)
            var first = RecordLocations()
            for r in records[..<cut] { first.append(file: r.file, line: r.line) }
            var second = RecordLocations()
            for r in records[cut...] { second.append(file: r.file, line: r.line - shift) }
            let rename: (UInt32) -> UInt32 = { sameFile ? 7 : $0 + 3 }
            var joined = first
            joined.append(second, file: rename, lineShift: shift)
            var expected = RecordLocations()
            for r in records[..<cut] { expected.append(file: r.file, line: r.line) }
            for r in records[cut...] { expected.append(file: rename(r.file), line: r.line) }
            #expect(joined == expected, "\(random.note)")
            #expect(joined.lines == expected.lines && joined.files == expected.files, "\(random.note)")
            // A record appended afterwards goes on with the last run or starts one, as record by record.
            let last = records[records.count - 1]
            let next = (file: random.chance(50) ? last.file : last.file + 1, line: last.line + random.int(1...2))
            joined.append(file: rename(next.file), line: next.line)
            expected.append(file: rename(next.file), line: next.line)
            #expect(joined == expected, "\(random.note)")
            #expect(joined.lines.last == UInt32(next.line), "\(random.note)")
        }
    }

    @Test func truncatingKeepsThePrefix() {
        var random = TestRandom(0x7A0C_A7E5)
        let records = Self.records(&random, count: 200)
        for n in [0, 1, 57, 199, 200, 250] {
            var locations = RecordLocations()
            for r in records { locations.append(file: r.file, line: r.line) }
            locations.truncate(to: n)
            var prefix = RecordLocations()
            for r in records.prefix(n) { prefix.append(file: r.file, line: r.line) }
            #expect(locations == prefix, "n \(n), \(random.note)")
            // A record that goes on with the last one kept (same file, next line) joins its runs.
            if let last = records.prefix(n).last {
                var more = locations
                var expected = prefix
                more.append(file: last.file, line: last.line + 1)
                expected.append(file: last.file, line: last.line + 1)
                #expect(more == expected, "n \(n), \(random.note)")
            }
            locations.append(file: 99, line: 5)
            #expect(locations.file(min(n, 200)) == 99 && locations.line(min(n, 200)) == 5)
        }
    }

    @Test func oneLineRowsOfOneFileAreOneRun() {
        var locations = RecordLocations()
        for line in 2..<100_002 { locations.append(file: 0, line: line) }
        #expect(locations.fileRuns.count == 1)
        #expect(locations.line(99_999) == 100_001)
        // A line beyond UInt32 is clamped, as the ledger always did.
        locations.append(file: 0, line: Int(UInt32.max) + 10)
        #expect(locations.line(100_000) == UInt32.max)
    }
}
