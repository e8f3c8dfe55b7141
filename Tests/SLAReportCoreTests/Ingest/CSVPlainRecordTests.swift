import Testing

@testable import SLAReportCore

/// The CSV parser's fast path (``CSVCore/plainRecord(_:from:count:separator:separatorWord:limits:into:)``)
/// reads whole plain records in one go and leaves everything else to the byte-by-byte machine: reading any
/// input with it must give exactly what reading it without it gives — fields, positions, problems, warnings
/// and lines — however the bytes arrive.
struct CSVPlainRecordTests {
    private struct Read: Equatable {
        var records: [[String]] = []
        var positions: [String] = []
        var warnings: [String] = []
        var line = 0
    }

    private static func read(
        _ bytes: [UInt8], fastPath: Bool, chunk: Int, seed: UInt64, limits: CSVCore.Limits, separator: UInt8
    ) -> Read {
        var reader = CSVReader(
            stream: InputSource(ChunkedSource(bytes: bytes, maxChunk: chunk, seed: seed)).stream(),
            separator: separator, limits: limits, chunkBytes: chunk, usesFastPath: fastPath)
        var out = Read()
        while reader.next() {
            out.records.append(reader.record.strings)
            let p = reader.position
            out.positions.append("\(p.byteOffset) \(p.line) \(p.index) \(p.problem ?? "-") \(p.endedByInputEnd)")
        }
        out.warnings = reader.warnings.map { "\($0.line) \($0.byteOffset) \($0.message)" }
        out.line = reader.line
        return out
    }

    /// A random CSV text: mostly plain rows, with quoted fields (separators, doubled quotes, line breaks
    /// inside), stray quotes, empty lines, CRLF and lone CR line breaks, long fields, a missing last break.
    private static func text(_ random: inout TestRandom, separator: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        // With the bytes just above the quote, comma, semicolon and the control bytes (`#`, `-`, `<`, 0x0E)
        // and other control bytes (0x0B, tab): those a word-at-a-time scan may flag falsely above a true one.
        let plain = Array("abcxyz019 -:T.Z#<".utf8) + [0x0E, 0x0B, Byte.tab]
        for _ in 0..<random.int(0...60) {
            if random.chance(5) {
                out.append(Byte.lf)
                continue
            }
            for f in 0..<random.int(1...7) {
                if f > 0 { out.append(separator) }
                let length = random.chance(5) ? random.int(20...80) : random.int(0...8)
                func someBytes() -> [UInt8] { (0..<length).map { _ in random.pick(plain) } }
                switch random.int(0...99) {
                case 0..<70: out += someBytes()
                case 70..<82: out += [Byte.quote] + someBytes() + [separator] + someBytes() + [Byte.quote]
                case 82..<86: out += [Byte.quote] + someBytes() + [Byte.quote, Byte.quote] + [Byte.quote]
                case 86..<90: out += [Byte.quote] + someBytes() + [Byte.lf] + someBytes() + [Byte.quote]
                case 90..<93: out += someBytes() + [Byte.quote] + someBytes()
                case 93..<96: out += [Byte.quote] + someBytes() + [Byte.quote] + someBytes()
                case 96..<98: out += [Byte.quote] + someBytes()
                default: out += [0xC3, 0xA9] + someBytes()
                }
            }
            switch random.int(0...9) {
            case 0: out += [Byte.cr, Byte.lf]
            case 1: out.append(Byte.cr)
            default: out.append(Byte.lf)
            }
        }
        if random.chance(30), out.last == Byte.lf { out.removeLast() }
        return out
    }

    /// A separator, a random text with it (``text(_:separator:)``) and, three times in ten, tight limits.
    private static func randomCase(_ random: inout TestRandom) -> (UInt8, [UInt8], CSVCore.Limits) {
        let separator = random.chance(80) ? Byte.comma : random.pick([Byte.semicolon, Byte.tab])
        let bytes = text(&random, separator: separator)
        let limits =
            random.chance(30)
            ? CSVCore.Limits(
                maxFieldBytes: random.int(4...60), maxRecordBytes: random.int(10...200), maxFields: random.int(2...6))
            : .standard
        return (separator, bytes, limits)
    }

    @Test func theFastPathReadsAsTheByteMachineDoes() {
        for round in 0..<400 {
            var random = TestRandom(0xFA57_0000 &+ UInt64(round))
            let (separator, bytes, limits) = Self.randomCase(&random)
            let chunk = random.chance(50) ? random.int(1...64) : 1 << 16
            let seed = random.next()
            let slow = Self.read(bytes, fastPath: false, chunk: chunk, seed: seed, limits: limits, separator: separator)
            let fast = Self.read(bytes, fastPath: true, chunk: chunk, seed: seed, limits: limits, separator: separator)
            #expect(fast == slow, "round \(round), \(random.note), \(bytes.count) bytes")
        }
    }

    /// The stop masks' reading (``CSVCore/maskRecord(_:from:count:separator:limits:into:)``) gives what the
    /// plain-record reading gives, fields included, or leaves the record to it: random texts (every kind of
    /// field and break above), read from every record start, with random limits and the bytes cut short at
    /// random (so that records run past the last whole block of 64). And it does read the records it is
    /// for: rows of a generated export, far from the end, are all read by it.
    @Test func theStopMasksReadAsThePlainRecordsDo() {
        typealias Fields = [[Int]]
        func fields(_ buffers: ByteRecord.Buffers) -> Fields {
            (0..<buffers.endCount).map { [buffers.starts[$0], buffers.ends[$0]] }
        }
        var buffers = ByteRecord.Buffers(byteCapacity: 64, fieldCapacity: 4)
        defer { buffers.deallocate() }
        var taken = 0
        for round in 0..<300 {
            var random = TestRandom(0x3A5C_0000 &+ UInt64(round))
            let (separator, bytes, limits) = Self.randomCase(&random)
            let cut = random.chance(50) ? bytes.count : random.int(0...bytes.count)
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                for start in 0..<cut where start == 0 || all[start - 1] == Byte.lf {
                    let plain = CSVCore.plainRecord(
                        base, from: start, count: cut, separator: separator,
                        separatorWord: UInt64(separator) &* 0x0101_0101_0101_0101, limits: limits, into: &buffers)
                    let plainFields = fields(buffers)
                    guard
                        let masked = CSVCore.maskRecord(
                            base, from: start, count: cut, separator: separator, limits: limits, into: &buffers)
                    else { continue }
                    taken += 1
                    #expect(
                        plain?.end == masked.end && plain?.afterLoneCR == masked.afterLoneCR,
                        "round \(round), record at \(start) of \(cut), \(random.note)")
                    #expect(fields(buffers) == plainFields, "round \(round), record at \(start), \(random.note)")
                }
            }
        }
        #expect(taken > 1_000, "\(taken) records read off the masks")
        // Generated rows: every one but those near the end is read off the masks, with plainRecord's fields.
        let row = "T1,email,created,2016-01-04T00:00:05Z,user0,\"Subject, with comma 0\",\r\nT1,email,reply,x,a,,z\n"
        let rows = Array(String(repeating: row, count: 20).utf8)
        rows.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var start = 0
            var read = 0
            while start + 128 <= all.count {
                let next = CSVCore.maskRecord(
                    base, from: start, count: all.count, separator: Byte.comma, limits: .standard, into: &buffers)
                guard let next else {
                    Issue.record("the row at \(start) is left to plainRecord")
                    return
                }
                #expect(buffers.endCount == 7)
                start = next.end
                read += 1
            }
            #expect(read >= 30)
        }
    }

    @Test func plainRowsAreReadWhole() {
        // Rows a generated export is made of: the fast path reads every one of them, in one call each.
        let text = "T1,email,created,2016-01-04T00:00:05Z,user0,\"Subject, with comma 0\",\r\nT1,email,reply,x,a,,z\n"
        let bytes = Array(text.utf8)
        var buffers = ByteRecord.Buffers(byteCapacity: 64, fieldCapacity: 4)
        defer { buffers.deallocate() }
        let read = bytes.withUnsafeBufferPointer { b -> (next: (end: Int, afterLoneCR: Bool)?, subject: String) in
            guard let base = b.baseAddress else { return (nil, "") }
            let next = CSVCore.plainRecord(
                base, from: 0, count: b.count, separator: Byte.comma,
                separatorWord: UInt64(Byte.comma) &* 0x0101_0101_0101_0101,
                limits: .standard, into: &buffers)
            // Read in place: the fields point into the input, no byte copied.
            #expect(buffers.base == UnsafePointer(base))
            #expect(buffers.byteCount == 0)
            let subject = UnsafeBufferPointer(
                start: base + buffers.starts[5], count: buffers.ends[5] - buffers.starts[5])
            return (next, String(decoding: subject, as: UTF8.self))
        }
        let next = read.next
        let subject = read.subject
        #expect(next?.end == bytes.firstIndex(of: Byte.lf).map { $0 + 1 })
        #expect(next?.afterLoneCR == false)
        #expect(buffers.endCount == 7)
        #expect(subject == "Subject, with comma 0")
    }
}
