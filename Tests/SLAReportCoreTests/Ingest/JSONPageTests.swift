import Testing

@testable import SLAReportCore

/// Native JSON pages lose the bad record, not the page; JSON positions stay right after a bad element; the
/// reader holds at most one record of a stream.
@Suite struct JSONPageTests {
    /// A Zendesk incremental page of `count` tickets, one per line range; ticket `bad` (1-based) broken by
    /// `breakage`. Returns the text and the line where each ticket starts.
    static func page(count: Int, bad: Int, breakage: String) -> (text: String, lines: [Int]) {
        var text = "{\n  \"tickets\": [\n"
        var lines: [Int] = []
        var line = 3
        for i in 1...count {
            lines.append(line)
            let extra = i == bad ? breakage : "\"tags\": [\"t\(i)\"]"
            text += "    {\"id\": \(i), \"created_at\": \"2016-11-14T09:00:00Z\", \"status\": \"open\",\n"
            text += "     \"subject\": \"s\(i)\", \(extra)}\(i < count ? "," : "")\n"
            line += 2
        }
        text += "  ],\n  \"end_time\": 1479124800,\n  \"end_of_stream\": true\n}\n"
        return (text, lines)
    }

    static func ingest(_ text: String, chunks: Int? = nil, maxFieldBytes: Int = 1 << 20) -> JoinedInput {
        let bytes = Array(text.utf8)
        let source =
            chunks.map { InputSource(ChunkedSource(bytes: bytes, maxChunk: $0, seed: 5)) } ?? InputSource(bytes: bytes)
        var options = IngestOptions()
        options.maxFieldBytes = maxFieldBytes
        return Ingest.readAndJoin([InputFile(path: "page.json", source: source)], options: options)
    }

    @Test func oneOverDeepCustomFieldCostsOneTicketNotThePage() {
        let deep = "\"custom_fields\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        let (text, lines) = Self.page(count: 36, bad: 17, breakage: deep)
        for chunks in [nil, 7] {
            let result = Self.ingest(text, chunks: chunks)
            #expect(result.log.recordCount == 36, "chunks \(chunks ?? 0)")
            #expect(result.log.rejections.count == 1)
            let rejected = result.log.rejections.keys.map { Int(result.log.ledger.locations.line(Int($0))) }
            #expect(rejected == [lines[16]])
            // The custom field is on the ticket's second line.
            #expect(
                result.log.rejections.values.first
                    == "invalid JSON: line \(lines[16] + 1): JSON nested deeper than 64 levels")
            let created = Set(result.log.events.filter { $0.kind == .created }.map { result.log.symbols[$0.ticket] })
            #expect(created.count == 35)
            #expect(!created.contains("zendesk:17"))
            // Every ticket kept is recorded at its own line.
            let recordLines = result.log.ledger.locations.lines.map(Int.init).sorted()
            #expect(recordLines == lines)
        }
    }

    @Test func oneOversizedDescriptionCostsOneTicket() {
        let long = "\"description\": \"" + String(repeating: "d", count: 300) + "\""
        let (text, lines) = Self.page(count: 5, bad: 2, breakage: long)
        let result = Self.ingest(text, maxFieldBytes: 256)
        #expect(result.log.recordCount == 5)
        #expect(result.log.rejections.count == 1)
        #expect(result.log.rejections.keys.map { Int(result.log.ledger.locations.line(Int($0))) } == [lines[1]])
        #expect(
            result.log.rejections.values.first == "invalid JSON: line \(lines[1] + 1): string longer than 256 bytes")
    }

    @Test func aBrokenPageMemberIsItsOwnRejectionAndTheTicketsStay() throws {
        var reader = JSONReader(
            stream: InputSource(text: "{\"tickets\": [{\"id\": 1}, {\"id\": 2}],\n \"next_page\": nope}\n").stream())
        let pageRead = reader.nextPage(recordKeys: NativeJSONPages.recordKeys)
        let page = try #require(pageRead)
        #expect(page.result.map { $0["tickets"]?.array?.count } == .success(2))
        #expect(page.failures.map(\.line) == [2])
        if case .failure(let error)? = page.failures.first?.result {
            #expect(error.message.hasPrefix("page member next_page: "))
        } else {
            Issue.record("expected the member's failure")
        }
        let after = reader.nextPage(recordKeys: NativeJSONPages.recordKeys)
        #expect(after == nil)
    }

    @Test func aBareRecordWithABadMemberFailsAsOneRecord() throws {
        var reader = JSONReader(
            stream: InputSource(text: "{\"id\": 1, \"custom_fields\": [1, nope]}\n{\"id\": 2}\n").stream())
        let firstRead = reader.nextPage(recordKeys: NativeJSONPages.recordKeys)
        let first = try #require(firstRead)
        #expect(first.failures.isEmpty)
        #expect((try? first.result.get()) == nil)
        let secondRead = reader.nextPage(recordKeys: NativeJSONPages.recordKeys)
        let second = try #require(secondRead)
        #expect(second.line == 2)
        #expect(second.result.map { $0["id"] } == .success(.number("2")))
    }

    @Test func aPageWhoseStructureBreaksKeepsWhatWasRead() throws {
        let text = "{\"tickets\": [\n{\"id\": 1},\n{\"id\": 2}\n{\"id\": 3}\n]\n}\n{\"tickets\": []}"
        var reader = JSONReader(stream: InputSource(text: text).stream())
        let pageRead = reader.nextPage(recordKeys: NativeJSONPages.recordKeys)
        let page = try #require(pageRead)
        #expect(page.result.map { $0["tickets"]?.array?.count } == .success(2))
        #expect(page.elementLines == ["tickets.0": 2, "tickets.1": 3])
        #expect(page.failures.map(\.line) == [4])
        // Found by the JSON fuzzer: the failure's offset was taken after skipping the rest of the page.
        #expect(page.failures.map { lineOfOffset(Array(text.utf8), $0.offset) } == [4])
        let nextRead = reader.nextPage(recordKeys: NativeJSONPages.recordKeys)
        let next = try #require(nextRead)
        #expect(next.line == 7)
    }

    @Test func aBadScalarElementDoesNotShiftTheLinesAfterIt() {
        let one = JSONValue.object(JSONObject(members: [JSONMember(key: "a", value: .number("1"))]))
        let three = JSONValue.object(JSONObject(members: [JSONMember(key: "a", value: .number("3"))]))
        for (text, expected) in [
            ("[\n{\"a\": 1},\nNaN\n,\n{\"a\": 3}\n]", [2, 3, 5]),
            ("[\r\n{\"a\": 1},\r\nundefined\r\n, {\"a\": 3}\r\n]", [2, 3, 4]),
        ] {
            var reader = JSONReader(stream: InputSource(text: text).stream())
            var lines: [Int] = []
            var values: [JSONValue?] = []
            while let item = reader.nextRecord() {
                lines.append(item.line)
                values.append(item.value)
            }
            #expect(lines == expected, "\(text.debugDescription)")
            #expect(values == [one, nil, three])
        }
    }

    @Test func aRecordOverTheLimitIsSkippedWithoutBeingHeld() {
        let big =
            "{\"id\": 2, \"blob\": [" + Array(repeating: "\"0123456789\"", count: 400).joined(separator: ",") + "]}"
        let text = "{\"id\": 1}\n" + big + "\n{\"id\": 3}\n"
        let bytes = Array(text.utf8)
        var reader = JSONReader(
            stream: InputSource(ChunkedSource(bytes: bytes, maxChunk: 50, seed: 3)).stream(), maxRecordBytes: 1000,
            chunkBytes: 64)
        var items: [JSONItem] = []
        while let item = reader.nextRecord() { items.append(item) }
        #expect(items.map(\.line) == [1, 2, 3])
        #expect(items[0].value?["id"] == .number("1"))
        if case .failure(let error) = items[1].result {
            #expect(error.kind == .tooLarge)
            #expect(error.message == "a record larger than 1000 bytes")
        } else {
            Issue.record("expected the record to be too large")
        }
        #expect(items[2].value?["id"] == .number("3"))
        #expect(reader.window.map { $0.capacity <= 2048 } == true)
    }

    @Test func aCutOffStreamSaysSo() {
        let bytes = Array("[{\"id\": 1},\n{\"id\": 2, \"name\": \"cut here\"}]".utf8)
        var source = ChunkedSource(bytes: bytes, maxChunk: 9, seed: 1)
        source.shrinkTo = 30
        var reader = JSONReader(stream: InputSource(source).stream(), chunkBytes: 16)
        var items: [JSONItem] = []
        while let item = reader.nextRecord() { items.append(item) }
        #expect(items.first?.value?["id"] == .number("1"))
        if case .failure(let error)? = items.dropFirst().first?.result {
            #expect(error.message.hasPrefix("the record is cut off: the file ended after 30 of its"))
        } else {
            Issue.record("expected the cut record to fail")
        }
        #expect(reader.earlyEndMessage != nil)
    }

    @Test func theIngestStageWarnsAboutAFileThatShrank() {
        let text =
            "ticket,channel,event,at\nT1,email,created,2016-11-14T09:00:00Z\nT1,email,reply,2016-11-14T10:00:00Z\n"
        let bytes = Array(text.utf8)
        var source = ChunkedSource(bytes: bytes, maxChunk: 11, seed: 2)
        source.shrinkTo = bytes.count - 10
        let result = Ingest.readAndJoin([InputFile(path: "e.csv", source: InputSource(source))])
        #expect(result.log.recordCount == 2)
        #expect(result.log.rejections.count == 1)
        #expect(result.log.rejections.values.first?.hasPrefix("the record is cut off: the file ended after") == true)
        #expect(result.diagnostics.map(\.location?.line) == [3])
        #expect(result.diagnostics.first?.message.contains("it shrank while it was read") == true)
    }

    /// Found by the JSON fuzzer: a literal or `\\u` escape cut short by its value's end was "unexpected end of
    /// input" in a window and "invalid literal" in memory.
    @Test func aShortLiteralFailsTheSameInAWindow() {
        for text in ["{\"a\": nu}\n{\"b\": 1}\n", "[\"\\u12\"]\n", "{\"a\": [tr]}\n"] {
            let bytes = Array(text.utf8)
            func errors(_ source: InputSource) -> [String] {
                var reader = JSONReader(stream: source.stream(), chunkBytes: 2)
                var found: [String] = []
                while let item = reader.nextRecord() {
                    if case .failure(let error) = item.result { found.append(error.description) }
                }
                return found
            }
            let whole = errors(InputSource(bytes: bytes))
            #expect(!whole.isEmpty)
            #expect(errors(InputSource(ChunkedSource(bytes: bytes, maxChunk: 2, seed: 4))) == whole, "\(text)")
        }
    }
}
