import Testing

@testable import SLAReportCore

/// What format detection makes of a file's first bytes: binary files are recognised early, the CSV
/// separator comes from the header row.
@Suite struct SniffTests {
    private func sniff(_ bytes: [UInt8]) -> InputSniff { InputSniff(InputFile(path: "f", bytes: bytes)) }

    @Test func binaryFilesAreRecognisedFromTheirFirstBytes() {
        #expect(sniff([UInt8](repeating: 0, count: 3 << 20)).syntax == .binary)
        #expect(sniff([0x1F, 0x8B, 0x08, 0x00]).binaryKind == "a gzip-compressed file (decompress it first)")
        #expect(sniff(Array("PK\u{3}\u{4}rest".utf8)).binaryKind?.hasPrefix("a ZIP archive") == true)
        #expect(sniff([0xFF, 0xFE, 0x74, 0x00]).binaryKind == "UTF-16 text (save it as UTF-8)")
        // A NUL in a record, below the header row, is data (a rejected field), not a binary file.
        var text = Array(String(repeating: "ticket,event,at\n", count: 200).utf8)
        text.append(0)
        text += Array(String(repeating: "T1,created,2016-11-14T09:00:00Z\n", count: 200).utf8)
        #expect(sniff(text).syntax == .csv)
        // Latin-1 text is text.
        #expect(sniff([0x74, 0x69, 0x63, 0x6B, 0x65, 0x74, 0xE9, 0x2C, 0x61, 0x0A]).syntax == .csv)
    }

    @Test func aBinaryFileIsAFailureThatSaysSo() {
        let result = Ingest.readAndJoin([InputFile(path: "zeros.csv", bytes: [UInt8](repeating: 0, count: 1 << 20))])
        #expect(result.log.recordCount == 0)
        #expect(
            result.failures.map(\.message) == ["unrecognised input format: found binary data (NUL bytes), not text"])
        #expect(result.failures.first?.kind == .unrecognised)
    }

    @Test func theSeparatorComesFromTheHeaderRow() {
        let semicolons = sniff(Array("ticket;channel;event;at\nT1;email;created;2016-11-14 09:00:00 UTC\n".utf8))
        #expect(semicolons.separator == Byte.semicolon)
        #expect(semicolons.csvHeader == ["ticket", "channel", "event", "at"])
        #expect(semicolons.summary == "a CSV header (separated by ;) with columns ticket, channel, event, at")
        let tabs = sniff(Array("\u{FEFF}ticket\tevent\tat\n".utf8))
        #expect(tabs.separator == Byte.tab)
        #expect(tabs.csvHeader == ["ticket", "event", "at"])
    }

    @Test func semicolonAndTabFilesAreRead() {
        for (separator, name) in [(";", "semicolons.csv"), ("\t", "tabs.tsv")] {
            let rows = [
                ["ticket", "channel", "event", "at", "value"],
                ["T1", "email", "created", "2016-11-14T09:00:00Z", "\"a, b\(separator) c\""],
                ["T1", "", "reply", "2016-11-14T10:00:00Z", ""],
            ]
            let text = rows.map { $0.joined(separator: separator) }.joined(separator: "\n")
            // The value's text is kept (as `slareport explain` reads it; the report keeps a fingerprint).
            var options = IngestOptions()
            options.keepsUnusedText = true
            let result = Ingest.readAndJoin([InputFile(path: name, text: text)], options: options)
            #expect(result.failures.isEmpty, "\(name)")
            #expect(result.log.rejections.isEmpty)
            #expect(result.log.events.map(\.kind) == [.created, .reply])
            #expect(result.log.symbols[result.log.events[0].value] == "a, b\(separator) c")
        }
    }

    @Test func aHeaderWithAStrayQuoteIsAFileError() {
        let text = "ticket,event,at,\"note\nT1,created,2016-11-14T09:00:00Z,x\n"
        let result = Ingest.readAndJoin([InputFile(path: "h.csv", text: text)])
        #expect(result.failures.count == 1)
        #expect(
            result.failures.first?.message.hasPrefix("canonical-events: the header row is unusable: the quote") == true)
    }
}
