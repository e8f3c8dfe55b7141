import Testing

@testable import SLAReportCore

/// Reads every top-level value (or record) of `text`.
private func items(_ text: String, records: Bool = false, maxDepth: Int = 64, maxString: Int = 1 << 20) -> [JSONItem] {
    var reader = JSONReader(
        stream: InputSource(bytes: Array(text.utf8)).stream(), maxDepth: maxDepth, maxStringBytes: maxString)
    var out: [JSONItem] = []
    while let item = records ? reader.nextRecord() : reader.nextValue() {
        out.append(item)
        if out.count > 1000 { break }
    }
    return out
}

private func value(_ text: String) -> JSONValue? { items(text).first?.value }

@Suite struct JSONReaderTests {
    @Test func scalarsAndContainers() {
        #expect(value("null") == .null)
        #expect(value("true") == .bool(true))
        #expect(value(" false ") == .bool(false))
        #expect(value("-12.50e+3") == .number("-12.50e+3"))
        #expect(value("[1, \"a\", [], {}]") == .array([.number("1"), .string("a"), .array([]), .object(JSONObject())]))
    }

    @Test func objectsKeepOrderAndDuplicates() throws {
        let object = try #require(value("{\"b\": 1, \"a\": 2, \"b\": 3}")?.object)
        #expect(object.keys == ["b", "a", "b"])
        #expect(object["b"] == .number("3"))
        #expect(object["B"] == nil)
        #expect(object.value(forKeyIgnoringCase: "B") == .number("3"))
        #expect(value("{\"x\": {\"y\": [10, 20]}}")?["x"]?["y"]?[1] == .number("20"))
    }

    @Test func numberAccessors() {
        #expect(JSONValue.number("3").int == 3)
        #expect(JSONValue.number("3.0").int == 3)
        #expect(JSONValue.number("1e3").int == 1000)
        #expect(JSONValue.number("3.5").int == nil)
        #expect(JSONValue.number("12345678901234567890").int == nil)
        #expect(JSONValue.number("361089721035").int == 361_089_721_035)
        #expect(JSONValue.string("42").int == 42)
        #expect(JSONValue.number("2.5").double == 2.5)
        #expect(JSONValue.number("3.0").scalarText == "3.0")
        #expect(JSONValue.string("TRUE").bool == true)
        #expect(JSONValue.string("False").bool == false)
        #expect(JSONValue.bool(true).bool == true)
        #expect(JSONValue.string("maybe").bool == nil)
    }

    @Test func stringEscapes() {
        #expect(value(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(value(#""caf\u00e9 \u65E5""#) == .string("café 日"))
        #expect(value(#""\ud83d\ude00!""#) == .string("😀!"))
        #expect(value(#""x\ud83dy""#) == .string("x\u{FFFD}y"))
        #expect(value(#""\ude00""#) == .string("\u{FFFD}"))
        #expect(value(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
        #expect(value("\"é日本\"") == .string("é日本"))
    }

    @Test func syntaxErrorsCarryTheLine() {
        for bad in [
            "{\"a\" 1}", "[1,,2]", "\"abc", "{\"a\":tru}", "01", "-", "1.", "\"a\\x\"", "{\"a\":1,}", "\"a\nb\"",
        ] {
            let item = items(bad).first
            guard case .failure(let error) = item?.result else {
                Issue.record("expected an error for \(bad)")
                continue
            }
            #expect(error.kind == .syntax, "\(bad)")
            #expect(error.line >= 1)
        }
        guard case .failure(let e) = items("\n\n{\"a\":\n  nope}").first?.result else {
            Issue.record("expected an error")
            return
        }
        #expect(e.line == 4)
        #expect(e.description.hasPrefix("line 4: "))
    }

    @Test func depthLimit() {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(items(ok).first?.value != nil)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        guard case .failure(let error) = items(deep).first?.result else {
            Issue.record("65 levels must fail")
            return
        }
        #expect(error.kind == .tooDeep)
        #expect(error.message == "JSON nested deeper than 64 levels")
        // Far deeper than any stack could take by recursion: still an error, not a crash.
        let hostile = String(repeating: "{\"a\":[", count: 200_000)
        guard case .failure(let hostileError) = items(hostile).first?.result else {
            Issue.record("hostile nesting must fail")
            return
        }
        #expect(hostileError.kind == .tooDeep)
    }

    @Test func depthCountsFromTheTopInRecordMode() {
        let element = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        let tooDeep = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let records = items("[\(element),\n\(tooDeep),\n{\"ok\":1}]", records: true)
        #expect(records.count == 3)
        #expect(records[0].value != nil)
        if case .failure(let error) = records[1].result { #expect(error.kind == .tooDeep) } else { Issue.record() }
        #expect(records[1].line == 2)
        #expect(records[2].value?["ok"] == .number("1"))
        #expect(records[2].line == 3)
    }

    @Test func stringLimit() {
        let result = items("[\"short\", \"this is too long\"]\n{\"k\":\"ok\"}", records: true, maxString: 8)
        #expect(result.count == 3)
        #expect(result[0].value == .string("short"))
        if case .failure(let error) = result[1].result {
            #expect(error.kind == .tooLong)
            #expect(error.message == "string longer than 8 bytes")
        } else {
            Issue.record("expected tooLong")
        }
        #expect(result[2].value?["k"] == .string("ok"))
        #expect(result[2].line == 2)
        let escaped = items(#""abcdefg\n\n""#, maxString: 8)
        if case .failure(let error) = escaped.first?.result { #expect(error.kind == .tooLong) } else { Issue.record() }
    }

    @Test func ndjsonWithABadLine() {
        let text = "{\"t\":1}\n{\"t\":2, oops}\n\n{\"t\":3}\r\n{\"t\":\"4\n{\"t\":5}\n"
        let result = items(text)
        #expect(result.map(\.line) == [1, 2, 4, 5, 6])
        #expect(result[0].value?["t"] == .number("1"))
        #expect(result[1].value == nil)
        #expect(result[2].value?["t"] == .number("3"))
        #expect(result[3].value == nil)
        #expect(result[4].value?["t"] == .number("5"))
    }

    @Test func concatenatedValues() {
        let text = "{\"page\":1}{\"page\":2}\n{\n  \"page\": 3\n}\n\n[4]"
        let result = items(text)
        #expect(result.map(\.line) == [1, 1, 2, 6])
        #expect(result.map { $0.value?["page"] } == [.number("1"), .number("2"), .number("3"), nil])
        #expect(result[3].value == .array([.number("4")]))
    }

    @Test func multiLineValueWithAnErrorIsSkippedToItsEnd() {
        let text = "{\n  \"a\": [1, 2,\n  nope],\n  \"b\": {\"c\": \"}\"}\n}\n{\"after\": true}"
        let result = items(text)
        #expect(result.count == 2)
        #expect(result[0].value == nil)
        #expect(result[0].line == 1)
        #expect(result[1].value?["after"] == .bool(true))
        #expect(result[1].line == 6)
    }

    @Test func arrayRecordsWithLines() {
        let text = "\u{FEFF}[\n  {\"a\": 1},\n  {\"a\": tru},\n  {\"a\": 3},\n]\n{\"a\": 5}\n[]\n[{\"a\": 6}]"
        let result = items(text, records: true)
        #expect(result.map(\.line) == [2, 3, 4, 6, 8])
        #expect(result.map { $0.value?["a"] } == [.number("1"), nil, .number("3"), .number("5"), .number("6")])
    }

    @Test func unterminatedArrayIsReported() {
        let result = items("[\n{\"a\":1},\n", records: true)
        #expect(result.count == 2)
        #expect(result[0].value != nil)
        if case .failure(let error) = result[1].result {
            #expect(error.message.contains("array opened on line 1"))
        } else {
            Issue.record("expected an error")
        }
    }

    @Test func firstObjectKeys() {
        func keys(_ text: String) -> [String]? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { JSONReader.firstObjectKeys($0) }
        }
        #expect(
            keys("{\"tickets\": [{\"id\": 1}], \"end_time\": 5, \"end_of_stream\": true}") == [
                "tickets", "end_time", "end_of_stream",
            ])
        #expect(
            keys(" [ {\"ticket\": \"1\", \"event\": \"x\\\"y\", \"at\": [1, {\"z\": 2}]}, {\"other\": 1}]") == [
                "ticket", "event", "at",
            ])
        #expect(keys("{\"ticket\":1}\n{\"x\":2}") == ["ticket"])
        #expect(keys("[1, 2]") == nil)
        #expect(keys("ticket,event") == nil)
    }
}
