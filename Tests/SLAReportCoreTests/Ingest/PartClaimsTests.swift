import Testing

@testable import SLAReportCore

/// A free core cuts the part with the most left to read in two and reads its back half: cuts only where the
/// reader has not been, and the file reads the same however it was cut.
@Suite struct PartClaimsTests {
    @Test func aCutLiesPastTheHorizonAndBeforeTheNextStop() {
        let claims = PartClaims(starts: [0, 100], size: 200, minimum: 10)
        #expect(claims.advance(1, to: 120, from: 100) == [])
        #expect(claims.cut(1, at: 120) == nil, "at the horizon")
        #expect(claims.cut(1, at: 110) == nil, "behind the horizon")
        #expect(claims.cut(1, at: 200) == nil, "the end of the file")
        #expect(claims.cut(0, at: 100) == nil, "the next part's start")
        #expect(claims.cut(0, at: 150) == nil, "past the next stop")
        #expect(claims.cut(1, at: 150) == PartClaims.Claim(part: 2, start: 150, stops: []))
        // The reader of part 1 takes the cut at its next fill; the new part stops where part 1 did.
        #expect(claims.advance(1, to: 140, from: 130) == [150])
        #expect(claims.cut(0, at: 40) == PartClaims.Claim(part: 3, start: 40, stops: [100]))
        #expect(claims.advance(0, to: 30, from: 0) == [40, 100])
        // Stops already passed are not handed out again.
        #expect(claims.advance(0, to: 30, from: 41) == [100])
        #expect((0..<claims.count).map { claims.claim($0)?.start } == [0, 100, 150, 40])
        #expect(claims.count == 4)
    }

    @Test func bytesBufferedPastAStopAreTheNextPartsNotThisOnes() {
        let claims = PartClaims(starts: [0, 100], size: 400, minimum: 10)
        // Part 0's reader is at 90 with its buffer filled to 150, past its stop at 100; part 1 is done.
        #expect(claims.advance(0, to: 150, from: 90) == [100])
        claims.finish(1)
        #expect(claims.candidate() == nil, "what lies past 100 is part 1's")
        #expect(claims.cut(0, at: 200) == nil)
        #expect(claims.cut(0, at: 95) == nil, "behind the horizon")
    }

    @Test func theCandidateIsTheMiddleOfTheMostLeftAndNothingBelowTheMinimum() {
        let claims = PartClaims(starts: [0, 100], size: 400, minimum: 50)
        // Part 0 has 100 left, part 1 300.
        #expect(claims.candidate().map { [$0.part, $0.target] } == [1, 250])
        _ = claims.advance(1, to: 390, from: 100)
        #expect(claims.candidate().map { [$0.part, $0.target] } == [0, 50])
        _ = claims.advance(0, to: 60, from: 0)
        #expect(claims.candidate() == nil, "40 left, 10 left: below the minimum")
        let finished = PartClaims(starts: [0, 100], size: 400, minimum: 50)
        finished.finish(1)
        finished.finish(0)
        #expect(finished.candidate() == nil, "a finished part is not cut")
        #expect(finished.cut(1, at: 300) == nil)
    }

    @Test func aReaderStopsAtACutMadeWhileItReads() {
        var text = "ticket,event,at\n"
        for i in 0..<200 { text += "T\(i),created,2016-01-01T10:00:00Z\n" }
        let bytes = Array(text.utf8)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == Byte.lf }.map { $0 + 1 }.dropLast()
        for seed: UInt64 in [1, 2, 3] {
            let source = ChunkedSource(bytes: bytes, maxChunk: 64, seed: seed)
            var reader = CSVReader(stream: InputSource(source).stream(), chunkBytes: 64)
            let claims = PartClaims(starts: [0], size: bytes.count, minimum: 2)
            reader.claims = (claims, 0)
            let header = reader.next()
            #expect(header)
            // The reader has at most its first 64 bytes: a cut there is refused, one further on is taken.
            #expect(claims.cut(0, at: lineStarts[1]) == nil, "seed \(seed)")
            let cut = lineStarts[150]
            #expect(claims.cut(0, at: cut) == PartClaims.Claim(part: 1, start: cut, stops: []), "seed \(seed)")
            var records = 1
            while reader.next() { records += 1 }
            #expect(records == 150, "seed \(seed)")
            #expect(reader.stoppedAt == cut, "seed \(seed)")
        }
    }

    /// Reads `text` through a plan whose parts are read one after the other in `order`: each core in turn
    /// reads its own part, then cuts and reads the back half of the largest part left (deterministic, as
    /// nothing runs beside it).
    private func readInTurn(_ text: String, order: [Int], splitBytes: Int) -> (FileRecords?, parts: Int) {
        var options = IngestOptions()
        options.partThreshold = 0
        options.partCount = order.count
        options.partSplitBytes = splitBytes
        let sniff = InputSniff(InputFile(path: "e.csv", text: text))
        guard let plan = Ingest.PartPlan(sniff, with: CanonicalEventsAdapter(), options: options) else {
            return (nil, 0)
        }
        var read = order.flatMap { plan.readParts(from: $0) }
        let count = read.count
        return (plan.assemble(&read), count)
    }

    @Test func partsCutWhileReadingGiveTheWholeRead() throws {
        for quoteEvery in [7, 1] {
            let text = IngestPartsTests.rows(300, quoteEvery: quoteEvery)
            var single = IngestOptions()
            single.partThreshold = Int.max
            let whole = Ingest.read(
                InputSniff(InputFile(path: "e.csv", text: text)), with: CanonicalEventsAdapter(), options: single)
            let expected = Ingest.finished(whole.records, whole.context)
            for order in [[0, 1], [1, 0], [2, 0, 1]] {
                let (read, count) = readInTurn(text, order: order, splitBytes: 256)
                let note = "quote every \(quoteEvery), order \(order)"
                let file = try #require(read, "\(note)")
                #expect(count > order.count + 3, "\(note): parts were cut while reading")
                #expect(file.log.events == expected.log.events, "\(note)")
                #expect(file.log.symbols.strings == expected.log.symbols.strings, "\(note)")
                #expect(file.log.ledger.locations.lines == expected.log.ledger.locations.lines, "\(note)")
                #expect(file.log.ledger.fate == expected.log.ledger.fate, "\(note)")
                #expect(file.log.rejections == expected.log.rejections, "\(note)")
                #expect(file.diagnostics == expected.diagnostics, "\(note)")
            }
            // Nothing is cut below the minimum.
            #expect(readInTurn(text, order: [0, 1], splitBytes: Int.max).parts == 2)
        }
    }
}
