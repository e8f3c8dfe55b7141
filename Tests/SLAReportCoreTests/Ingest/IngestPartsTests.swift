import Testing

@testable import SLAReportCore

/// Reading a file in two parts must give exactly what reading it whole gives.
@Suite struct IngestPartsTests {
    /// `text` read whole or in parts; `mergeOnTwoCores`: the parts appended on two cores however few their
    /// events (``EventLog/absorb(_:sameFile:lineShift:parallelFrom:)``), else on one.
    private func read(_ text: String, parts: Bool, mergeOnTwoCores: Bool = false) -> JoinedInput {
        var options = IngestOptions()
        options.partThreshold = parts ? 0 : Int.max
        options.parallelMergeFrom = mergeOnTwoCores ? 0 : Int.max
        return Ingest.readAndJoin([InputFile(path: "e.csv", text: text)], options: options)
    }

    private func expectSame(_ text: String) {
        let whole = read(text, parts: false)
        for mergeOnTwoCores in [false, true] {
            expectSame(read(text, parts: true, mergeOnTwoCores: mergeOnTwoCores), whole)
        }
    }

    private func expectSame(_ split: JoinedInput, _ whole: JoinedInput) {
        #expect(split.log.events == whole.log.events)
        #expect(split.log.symbols.strings == whole.log.symbols.strings)
        #expect(split.log.ledger.locations.lines == whole.log.ledger.locations.lines)
        #expect(split.log.ledger.locations.files == whole.log.ledger.locations.files)
        #expect(split.log.ledger.fate == whole.log.ledger.fate)
        #expect(split.log.rejections == whole.log.rejections)
        #expect(split.diagnostics == whole.diagnostics)
        #expect(split.log.files == whole.log.files)
    }

    static func rows(_ count: Int, quoteEvery: Int) -> String {
        var text = "ticket,channel,event,at,actor,value,via\r\n"
        for i in 0..<count {
            let subject = i % quoteEvery == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "plain \(i)"
            text += "T\(i % 37),Email,created,2016-01-0\(1 + i % 9)T10:00:00Z,user\(i % 5),\(subject),\r\n"
            text += "T\(i % 37),email,reply,2016-01-0\(1 + i % 9)T11:00:00Z,agent\(i % 3),,zendesk\n"
            if i % 11 == 0 { text += "T\(i),email,bogus,2016-01-01T10:00:00Z,,,\n" }
            if i % 13 == 0 { text += "\n" }
        }
        return text
    }

    @Test func partsEqualWholeRead() {
        expectSame(Self.rows(300, quoteEvery: 7))
        expectSame(Self.rows(301, quoteEvery: 1))
        expectSame(Self.rows(2, quoteEvery: 100))
    }

    @Test func thePartsAreReallyReadApart() {
        let text = Self.rows(300, quoteEvery: 7)
        var options = IngestOptions()
        options.partThreshold = 0
        options.partCount = 3
        let sniff = InputSniff(InputFile(path: "e.csv", text: text))
        let parts = Ingest.readInParts(sniff, with: CanonicalEventsAdapter(), options: options)
        let whole = read(text, parts: false)
        #expect(parts?.log.events == whole.log.events)
        #expect(parts?.log.ledger.locations.lines == whole.log.ledger.locations.lines)
        // Not worth cutting: a header alone.
        let header = InputSniff(InputFile(path: "h.csv", text: "ticket,event,at\n"))
        #expect(Ingest.readInParts(header, with: CanonicalEventsAdapter(), options: options) == nil)
    }

    @Test func aCutInsideQuotesIsReadPast() {
        // One quoted field spans the middle of the file: the cut lands inside it.
        let long = String(repeating: "line\n", count: 400)
        let text =
            "ticket,channel,event,at,actor,value,via\nT1,email,created,2016-01-01T10:00:00Z,u,\"\(long)\",\n"
            + "T1,email,reply,2016-01-01T11:00:00Z,a,,\n"
        expectSame(text)
        #expect(read(text, parts: true).log.events.count == 2)
    }

    @Test func oneStrayQuoteNearTheTopCostsOneRecord() {
        var text = "ticket,channel,event,at,actor,value,via\n"
        for i in 0..<5000 {
            text += "T\(i),email,created,2016-11-14T09:00:00Z,u\(i),\(i == 2 ? "\"oops" : "subject \(i)"),\n"
        }
        for parts in [false, true] {
            let result = read(text, parts: parts)
            #expect(result.log.recordCount == 5000, "parts: \(parts)")
            #expect(result.log.events.count == 4999)
            #expect(result.log.rejections.count == 1)
            let rejected = result.log.rejections.first.map {
                (Int(result.log.ledger.locations.line(Int($0.key))), $0.value)
            }
            #expect(rejected?.0 == 4)
            #expect(
                rejected?.1
                    == "the quote that opens field 6 never closes: it runs over 4998 more lines to the end of the input; "
                    + "it is taken as text and reading resumes on the next line")
        }
    }

    @Test func blankLinesAndAQuotedLineBreakInTheHeaderKeepLinesAbsolute() {
        var text = "\r\n\n\"ticket\",channel,event,at,actor,value,via,\"note\nabout\"\n"
        var bad: [Int] = []
        for i in 0..<400 {
            if i % 97 == 5 {
                bad.append(5 + i)
                text += "T\(i),email,bogus,2016-11-14T09:00:00Z,,,,\n"
            } else {
                text += "T\(i),email,created,2016-11-14T09:00:00Z,u,s,,\n"
            }
        }
        for parts in [false, true] {
            let result = read(text, parts: parts)
            let lines = result.log.rejections.keys.map { Int(result.log.ledger.locations.line(Int($0))) }.sorted()
            #expect(lines == bad, "parts: \(parts)")
        }
    }

    @Test func aQuoteWarningInALaterPartNamesItsAbsoluteLine() {
        var text = "ticket,channel,event,at,actor,value,via\n"
        for i in 0..<300 { text += "T\(i),email,created,2016-11-14T09:00:00Z,u,\(i == 250 ? "a\"b" : "s"),\n" }
        for parts in [false, true] {
            let result = read(text, parts: parts)
            #expect(result.diagnostics.map(\.location?.line) == [252], "parts: \(parts)")
            #expect(result.diagnostics.map(\.message) == ["quote inside an unquoted field; kept as text"])
        }
    }

    /// Found by the ingest fuzzer: each part capped its own quote warnings, so a file read in parts kept more
    /// of them than the same file read whole.
    @Test func quoteWarningsAreCappedPerFileHoweverTheFileIsRead() {
        var text = "ticket,channel,event,at,actor,value,via\n"
        for i in 0..<400 { text += "T\(i),email,created,2016-11-14T09:00:00Z,u,a\"b,\n" }
        let whole = read(text, parts: false)
        #expect(whole.diagnostics.count == CSVCore.maxWarnings + 1)
        #expect(
            whole.diagnostics.last?.description
                == "e.csv: warning: 300 more warnings about quotes in this file are not shown")
        for count in [2, 3, 5] {
            var options = IngestOptions()
            options.partThreshold = 0
            options.partCount = count
            let parts = Ingest.readAndJoin([InputFile(path: "e.csv", text: text)], options: options)
            #expect(parts.diagnostics == whole.diagnostics, "\(count) parts")
        }
    }
}

/// Reading over all cores: any number of parts, from one to more than the machine has, gives the whole read.
@Suite struct IngestAllCoresTests {
    @Test func theDefaultIsOnePartPerActiveCore() {
        #expect(IngestOptions().partCount == Parallel.cores())
        #expect(Parallel.cores() >= 1 && Parallel.cores() <= 8)
        #expect(Parallel.cores(limit: 1) == 1)
    }

    /// Parts cut while their readers are in the middle of them, on all cores at once: the file is served in
    /// small chunks and read 64 bytes at a time, and any part with 128 bytes left may be cut, so cuts race
    /// with the readers' fills. Whatever the timing, the read is the single-threaded one.
    /// `read` (in parts) is `whole` (single-threaded): events, symbols, lines, rejections, diagnostics and the
    /// number of records.
    private func expectSameRead(_ read: JoinedInput, _ whole: JoinedInput, _ note: String) {
        #expect(read.log.events == whole.log.events, "\(note)")
        #expect(read.log.symbols.strings == whole.log.symbols.strings, "\(note)")
        #expect(read.log.ledger.locations.lines == whole.log.ledger.locations.lines, "\(note)")
        #expect(read.log.rejections == whole.log.rejections, "\(note)")
        #expect(read.diagnostics == whole.diagnostics, "\(note)")
        #expect(read.log.recordCount == whole.log.recordCount, "\(note)")
    }

    @Test func partsCutWhileTheyAreReadGiveTheSingleThreadedRead() {
        var random = TestRandom(20_261_203)
        for round in 0..<10 {
            let (bytes, _) = ReaderPropertyTests.randomEvents(&random, rows: random.int(300...800))
            let source = InputSource(ChunkedSource(bytes: bytes, maxChunk: 97, seed: UInt64(round)))
            var single = IngestOptions()
            single.partThreshold = Int.max
            let whole = Ingest.readAndJoin([InputFile(path: "e.csv", source: source)], options: single)
            for parts in 2...4 {
                var options = IngestOptions()
                options.partThreshold = 0
                options.partCount = parts
                options.partSplitBytes = 128
                options.readChunkBytes = 64
                let read = Ingest.readAndJoin([InputFile(path: "e.csv", source: source)], options: options)
                let note = "round \(round), \(parts) parts, \(random.note)"
                expectSameRead(read, whole, note)
            }
        }
    }

    @Test func everyPartCountGivesTheSingleThreadedRead() {
        var random = TestRandom(8_008)
        for round in 0..<12 {
            let (bytes, _) = ReaderPropertyTests.randomEvents(&random, rows: random.int(150...500))
            var single = IngestOptions()
            single.partThreshold = Int.max
            let whole = Ingest.readAndJoin([InputFile(path: "e.csv", bytes: bytes)], options: single)
            for parts in 1...max(9, Parallel.cores() + 1) {
                var options = IngestOptions()
                options.partThreshold = 0
                options.partCount = parts
                // Parts cut while reading too, when a core is free before the others are done.
                options.partSplitBytes = 64
                let read = Ingest.readAndJoin([InputFile(path: "e.csv", bytes: bytes)], options: options)
                let note = "round \(round), \(parts) parts, \(random.note)"
                expectSameRead(read, whole, note)
            }
        }
    }
}
