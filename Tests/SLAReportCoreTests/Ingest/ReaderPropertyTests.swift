import Testing

@testable import SLAReportCore

/// Laws the readers keep on random inputs (seeded; a failure names its seed): the same records, positions
/// and warnings however the bytes arrive (whole, or in chunks of any size), and every line they report is
/// the line of the byte it points at, counted in the raw bytes.
@Suite struct ReaderPropertyTests {
    /// A random CSV document: quoted fields with separators, doubled quotes and line breaks of every kind,
    /// quotes inside unquoted fields, text after closing quotes, blank lines, a byte order mark, and now and
    /// then a stray quote that never closes.
    static func randomCSV(_ random: inout TestRandom, separator: UInt8, strayQuotes: Bool) -> [UInt8] {
        let sep = Character(UnicodeScalar(separator))
        let breaks = ["\n", "\r\n", "\r"]
        var text = random.chance(20) ? "\u{FEFF}" : ""
        for _ in 0..<random.int(0...40) {
            if random.chance(10) { text += random.pick(breaks) }
            var fields: [String] = []
            for _ in 0..<random.int(1...6) {
                switch random.int(0...9) {
                case 0: fields.append("")
                case 1: fields.append("\"a\(sep)b\"\"c\(random.pick(breaks))d\"")
                case 2: fields.append("\"\(random.pick(breaks))\"")
                case 3: fields.append("x\"y")
                case 4: fields.append("\"q\"tail")
                case 5 where strayQuotes && random.chance(30): fields.append("\"stray")
                default: fields.append(String(repeating: "v", count: random.int(1...12)))
                }
            }
            text += fields.joined(separator: String(sep))
            text += random.pick(breaks)
        }
        return Array(text.utf8)
    }

    private struct Read: Equatable {
        var records: [[String]] = []
        var positions: [CSVReader.RecordPosition] = []
        var warnings: [CSVReader.Warning] = []
    }

    private func read(_ bytes: [UInt8], separator: UInt8, limits: CSVCore.Limits, chunks: Int?, seed: UInt64) -> Read {
        let source =
            chunks.map { InputSource(ChunkedSource(bytes: bytes, maxChunk: $0, seed: seed)) }
            ?? InputSource(bytes: bytes)
        var reader = CSVReader(
            stream: source.stream(), separator: separator, limits: limits,
            chunkBytes: chunks ?? CSVReader.defaultChunkBytes)
        var result = Read()
        while reader.next() {
            result.records.append(reader.record.strings)
            result.positions.append(reader.position)
        }
        result.warnings = reader.warnings
        return result
    }

    @Test func csvReadsTheSameInChunksAndReportsTrueLines() {
        var random = TestRandom(9_001)
        for round in 0..<300 {
            let separator = random.pick([Byte.comma, Byte.semicolon, Byte.tab])
            let bytes = Self.randomCSV(&random, separator: separator, strayQuotes: true)
            let limits = CSVCore.Limits(
                maxFieldBytes: random.pick([6, 40, 1 << 20]), maxFields: random.pick([4, 100]))
            let whole = read(bytes, separator: separator, limits: limits, chunks: nil, seed: 0)
            let chunk = random.int(1...9)
            let chunked = read(bytes, separator: separator, limits: limits, chunks: chunk, seed: random.next())
            #expect(chunked == whole, "round \(round), chunks of \(chunk), \(random.note)")
            for (index, position) in whole.positions.enumerated() {
                #expect(
                    position.line == lineOfOffset(bytes, position.byteOffset),
                    "record \(index) of round \(round): line \(position.line), \(random.note)")
                #expect(position.index == index)
            }
            for warning in whole.warnings {
                #expect(warning.line == lineOfOffset(bytes, warning.byteOffset), "round \(round), \(random.note)")
            }
        }
    }

    /// A canonical-events CSV and the lines of the rows that must be rejected (unknown events), counted as
    /// the rows are written: blank lines before the header, a header with a quoted line break, quoted line
    /// breaks in values, CRLF and LF.
    static func randomEvents(_ random: inout TestRandom, rows: Int) -> (bytes: [UInt8], badLines: [Int]) {
        var text = ""
        var line = 1
        for _ in 0..<random.int(0...2) {
            text += random.pick(["\n", "\r\n"])
            line += 1
        }
        if random.chance(50) {
            text += "ticket,channel,event,at,actor,value,via,\"notes\nmore\"\r\n"
            line += 2
        } else {
            text += "ticket,channel,event,at,actor,value,via\n"
            line += 1
        }
        var bad: [Int] = []
        for i in 0..<rows {
            let ticket = "T\(random.int(0...50))"
            let day = String(format2: random.int(1...28))
            if random.chance(8) {
                bad.append(line)
                text += "\(ticket),email,bogus,2016-11-\(day)T10:00:00Z,x,,\n"
                line += 1
                continue
            }
            let event = i % 3 == 0 ? "created" : random.pick(["reply", "comment", "note"])
            var value = "v\(i)"
            if random.chance(15) {
                let lines = random.int(1...3)
                value = "\"" + (0..<lines).map { "part \($0)" }.joined(separator: random.pick(["\n", "\r\n"])) + "\""
                line += lines - 1
            }
            text += "\(ticket),email,\(event),2016-11-\(day)T1\(random.int(0...9)):00:00Z,u\(i % 7),\(value),"
            text += random.pick(["\n", "\r\n"])
            line += 1
            if random.chance(5) {
                text += random.pick(["\n", "\r\n"])
                line += 1
            }
        }
        return (Array(text.utf8), bad)
    }

    private func ingest(_ bytes: [UInt8], parts: Int?, chunks: Int? = nil, seed: UInt64 = 0) -> JoinedInput {
        var options = IngestOptions()
        options.partThreshold = parts == nil ? Int.max : 0
        options.partCount = parts ?? 2
        let source =
            chunks.map { InputSource(ChunkedSource(bytes: bytes, maxChunk: $0, seed: seed)) }
            ?? InputSource(bytes: bytes)
        return Ingest.readAndJoin([InputFile(path: "e.csv", source: source)], options: options)
    }

    @Test func partsAndChunksGiveTheWholeReadWithAbsoluteLines() {
        var random = TestRandom(4_242)
        for round in 0..<60 {
            let (bytes, badLines) = Self.randomEvents(&random, rows: random.int(5...120))
            let whole = ingest(bytes, parts: nil)
            let rejectedLines = whole.log.rejections.keys.map { Int(whole.log.ledger.locations.line(Int($0))) }.sorted()
            #expect(rejectedLines == badLines, "round \(round), \(random.note)")
            let partCount = random.int(2...5)
            let chunk = random.int(1...64)
            for other in [
                ingest(bytes, parts: partCount), ingest(bytes, parts: nil, chunks: chunk, seed: random.next()),
                ingest(bytes, parts: partCount, chunks: chunk, seed: random.next()),
            ] {
                #expect(other.log.events == whole.log.events, "round \(round), \(partCount) parts, \(random.note)")
                #expect(other.log.symbols.strings == whole.log.symbols.strings)
                #expect(
                    other.log.ledger.locations.lines == whole.log.ledger.locations.lines,
                    "round \(round), \(random.note)")
                #expect(other.log.rejections == whole.log.rejections, "round \(round), \(random.note)")
                #expect(other.diagnostics == whole.diagnostics, "round \(round), \(random.note)")
            }
        }
    }

    @Test func strayQuotesReadTheSameInPartsAsWhole() {
        var random = TestRandom(77)
        for round in 0..<40 {
            var (bytes, _) = Self.randomEvents(&random, rows: random.int(20...80))
            // A stray quote somewhere after the header: it runs to the next quote, or to the end.
            if let lf = bytes.indices.filter({ bytes[$0] == Byte.lf }).dropFirst(random.int(2...8)).first {
                bytes.insert(Byte.quote, at: lf + 1 + random.int(0...3))
            }
            let whole = ingest(bytes, parts: nil)
            let parts = ingest(bytes, parts: random.int(2...4))
            #expect(parts.log.events == whole.log.events, "round \(round), \(random.note)")
            #expect(
                parts.log.ledger.locations.lines == whole.log.ledger.locations.lines, "round \(round), \(random.note)")
            #expect(parts.log.rejections == whole.log.rejections, "round \(round), \(random.note)")
            #expect(parts.diagnostics == whole.diagnostics, "round \(round), \(random.note)")
            for d in whole.diagnostics {
                #expect((d.location?.line ?? 0) <= lineOfOffset(bytes, bytes.count), "\(random.note)")
            }
        }
    }

    /// A random JSON document: NDJSON lines, a pretty top-level array, or concatenated pages with record
    /// arrays; some records broken (bad syntax, nested too deep, over-long strings).
    static func randomJSON(_ random: inout TestRandom) -> [UInt8] {
        func record(_ i: Int, _ random: inout TestRandom) -> String {
            switch random.int(0...14) {
            case 0: return "{\"id\": \(i), \"bad\": tru}"
            case 1: return String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
            case 2: return "{\"id\": \(i), \"text\": \"\(String(repeating: "x", count: 80))\"}"
            case 3: return "{\"id\": \(i),\r\n \"nested\": {\"a\": [1, 2, {\"b\": \"}\\\"\"}]}}"
            case 4: return "nope"
            default: return "{\"id\": \(i), \"name\": \"n\\u00e9\\n\(i)\"}"
            }
        }
        var text = ""
        switch random.int(0...2) {
        case 0:
            for i in 0..<random.int(0...20) {
                text += record(i, &random).replacingOccurrences(of: "\r\n", with: " ") + random.pick(["\n", "\r\n"])
                if random.chance(10) { text += "\n" }
            }
        case 1:
            text = "[\n"
            let count = random.int(0...20)
            for i in 0..<count {
                text += "  " + record(i, &random) + (i + 1 < count ? "," : "") + random.pick(["\n", "\r\n"])
            }
            text += "]\n"
        default:
            for page in 0..<random.int(1...4) {
                let key = random.pick(["tickets", "audits", "users", "items", "other"])
                text += "{\"\(key)\": [\n"
                let count = random.int(0...12)
                for i in 0..<count {
                    text += "    " + record(page * 100 + i, &random) + (i + 1 < count ? ",\n" : "\n")
                }
                text +=
                    "  ],\n  \"next_page\": \(random.chance(20) ? "\"\(String(repeating: "u", count: 90))\"" : "null"),"
                text += "\n  \"count\": \(count)\n}\n"
            }
        }
        return Array(text.utf8)
    }

    private struct JSONRead: Equatable {
        var lines: [Int] = []
        var offsets: [Int] = []
        var values: [JSONValue?] = []
        var errors: [JSONError?] = []
        var failureLines: [[Int]] = []
        var failureOffsets: [[Int]] = []
        var elementLines: [[String: Int]] = []

        mutating func add(_ page: JSONPage) {
            lines.append(page.line)
            offsets.append(page.offset)
            values.append(try? page.result.get())
            if case .failure(let error) = page.result { errors.append(error) } else { errors.append(nil) }
            failureLines.append(page.failures.map(\.line))
            failureOffsets.append(page.failures.map(\.offset))
            elementLines.append(page.elementLines)
        }
    }

    private func readJSON(_ bytes: [UInt8], pages: Bool, chunks: Int?, seed: UInt64) -> JSONRead {
        let source =
            chunks.map { InputSource(ChunkedSource(bytes: bytes, maxChunk: $0, seed: seed)) }
            ?? InputSource(bytes: bytes)
        var reader = JSONReader(
            stream: source.stream(), maxStringBytes: 64,
            chunkBytes: chunks.map { $0 * 3 } ?? CSVReader.defaultChunkBytes)
        var result = JSONRead()
        var guardCount = 0
        while guardCount < 10_000 {
            guardCount += 1
            if pages {
                guard let page = reader.nextPage(recordKeys: NativeJSONPages.recordKeys) else { break }
                result.add(page)
            } else {
                guard let item = reader.nextRecord() else { break }
                result.add(JSONPage(item))
            }
        }
        return result
    }

    @Test func jsonReadsTheSameFromAWindowAndReportsTrueLines() {
        var random = TestRandom(31_337)
        for round in 0..<250 {
            let bytes = Self.randomJSON(&random)
            for pages in [false, true] {
                let whole = readJSON(bytes, pages: pages, chunks: nil, seed: 0)
                let chunk = random.int(1...20)
                let windowed = readJSON(bytes, pages: pages, chunks: chunk, seed: random.next())
                #expect(windowed == whole, "round \(round), pages \(pages), chunks of \(chunk), \(random.note)")
                for (i, line) in whole.lines.enumerated() {
                    #expect(line == lineOfOffset(bytes, whole.offsets[i]), "round \(round) item \(i), \(random.note)")
                    for (j, failureLine) in whole.failureLines[i].enumerated() {
                        #expect(failureLine == lineOfOffset(bytes, whole.failureOffsets[i][j]), "\(random.note)")
                    }
                }
            }
        }
    }
}

extension String {
    /// A number as two digits (`03`), without Foundation's formatting.
    fileprivate init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
