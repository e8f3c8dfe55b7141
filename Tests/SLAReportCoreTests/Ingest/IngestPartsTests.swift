import Testing

@testable import SLAReportCore

/// Reading a file in two parts must give exactly what reading it whole gives.
@Suite struct IngestPartsTests {
    private func read(_ text: String, parts: Bool) -> JoinedInput {
        var options = IngestOptions()
        options.partThreshold = parts ? 0 : Int.max
        return Ingest.readAndJoin([InputFile(path: "e.csv", text: text)], options: options)
    }

    private func expectSame(_ text: String) {
        let whole = read(text, parts: false)
        let split = read(text, parts: true)
        #expect(split.log.events == whole.log.events)
        #expect(split.log.symbols.strings == whole.log.symbols.strings)
        #expect(split.log.ledger.line == whole.log.ledger.line)
        #expect(split.log.ledger.file == whole.log.ledger.file)
        #expect(split.log.ledger.fate == whole.log.ledger.fate)
        #expect(split.log.rejections == whole.log.rejections)
        #expect(split.diagnostics == whole.diagnostics)
        #expect(split.log.files == whole.log.files)
    }

    private func rows(_ count: Int, quoteEvery: Int) -> String {
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
        expectSame(rows(300, quoteEvery: 7))
        expectSame(rows(301, quoteEvery: 1))
        expectSame(rows(2, quoteEvery: 100))
    }

    @Test func cutInsideQuotesFallsBackToWholeRead() {
        // One quoted field spans the middle of the file: the cut lands inside it.
        let long = String(repeating: "line\n", count: 400)
        let text =
            "ticket,channel,event,at,actor,value,via\nT1,email,created,2016-01-01T10:00:00Z,u,\"\(long)\",\n"
            + "T1,email,reply,2016-01-01T11:00:00Z,a,,\n"
        expectSame(text)
        #expect(read(text, parts: true).log.events.count == 2)
    }
}
