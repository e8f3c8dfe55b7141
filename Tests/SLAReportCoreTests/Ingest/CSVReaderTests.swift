import Foundation
import Testing

@testable import SLAReportCore

/// A record as the tests compare it.
private struct Row: Equatable, CustomStringConvertible {
    var fields: [String]
    var line: Int
    var flagged = false

    var description: String { "\(fields) @\(line)\(flagged ? " flagged" : "")" }
}

private struct Parsed {
    var rows: [Row]
    var indexes: [Int]
    var offsets: [Int]
    var warnings: [CSVReader.Warning]
}

private func parse(
    _ text: String, maxFieldBytes: Int = CSVReader.defaultMaxFieldBytes, separator: UInt8 = Byte.comma,
    chunk: Int? = nil
) -> Parsed {
    let source: InputSource
    if let chunk {
        source = InputSource(ChunkedSource(bytes: Array(text.utf8), maxChunk: chunk, seed: UInt64(chunk)))
    } else {
        source = InputSource(bytes: Array(text.utf8))
    }
    var reader = CSVReader(
        stream: source.stream(), separator: separator, limits: CSVCore.Limits(maxFieldBytes: maxFieldBytes),
        chunkBytes: chunk ?? CSVReader.defaultChunkBytes)
    var parsed = Parsed(rows: [], indexes: [], offsets: [], warnings: [])
    while reader.next() {
        parsed.rows.append(
            Row(fields: reader.record.strings, line: reader.position.line, flagged: reader.position.problem != nil))
        parsed.indexes.append(reader.position.index)
        parsed.offsets.append(reader.position.byteOffset)
    }
    parsed.warnings = reader.warnings
    return parsed
}

/// Named edge cases after rust-csv's list; each gives the records (fields and starting line) expected.
private struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let expected: [([String], Int)]
    var warningLines: [Int] = []
    var flagged: [Int] = []

    var testDescription: String { name }
}

private let cases: [Case] = [
    Case(name: "oneRowOneField", input: "a", expected: [(["a"], 1)]),
    Case(name: "oneRowOneFieldLF", input: "a\n", expected: [(["a"], 1)]),
    Case(name: "oneRowTrailingComma", input: "a,", expected: [(["a", ""], 1)]),
    Case(name: "oneRowTrailingCommaLF", input: "a,\n", expected: [(["a", ""], 1)]),
    Case(name: "oneRowTrailingCommaCRLF", input: "a,\r\n", expected: [(["a", ""], 1)]),
    Case(name: "oneRowTwoFields", input: "a,b", expected: [(["a", "b"], 1)]),
    Case(name: "onlyComma", input: ",", expected: [(["", ""], 1)]),
    Case(name: "twoRowsCRLF", input: "a,b\r\nc,d\r\n", expected: [(["a", "b"], 1), (["c", "d"], 2)]),
    Case(name: "lastRecordWithoutNewline", input: "a\nb", expected: [(["a"], 1), (["b"], 2)]),
    Case(name: "crOnly", input: "a,b\rc,d\r", expected: [(["a", "b"], 1), (["c", "d"], 2)]),
    Case(name: "bomAtStart", input: "\u{FEFF}a,b\nc", expected: [(["a", "b"], 1), (["c"], 2)]),
    Case(name: "bomOnly", input: "\u{FEFF}", expected: []),
    Case(name: "emptyInput", input: "", expected: []),
    Case(name: "emptyLines", input: "\n\na,b\n\n\nc\n\n", expected: [(["a", "b"], 3), (["c"], 6)]),
    Case(name: "emptyLinesCRLF", input: "\r\n\r\na\r\n\r\nb", expected: [(["a"], 3), (["b"], 5)]),
    Case(name: "spacesKept", input: " a , b ", expected: [([" a ", " b "], 1)]),
    Case(name: "quotedComma", input: "\"a,b\",c", expected: [(["a,b", "c"], 1)]),
    Case(name: "quotedEmpty", input: "\"\",x", expected: [(["", "x"], 1)]),
    Case(name: "escapedQuote", input: "\"a\"\"b\",c", expected: [(["a\"b", "c"], 1)]),
    Case(name: "onlyEscapedQuote", input: "\"\"\"\"", expected: [(["\""], 1)]),
    Case(
        name: "quotedNewline", input: "\"a\nb\",c\nd,e\n",
        expected: [(["a\nb", "c"], 1), (["d", "e"], 3)]),
    Case(
        name: "quotedCRLF", input: "\"a\r\nb\r\nc\",x\r\nd\r\n",
        expected: [(["a\r\nb\r\nc", "x"], 1), (["d"], 4)]),
    Case(name: "quotedCR", input: "\"a\rb\",x\rd", expected: [(["a\rb", "x"], 1), (["d"], 3)]),
    Case(name: "quotedFieldAtEndCRLF", input: "a,\"b\"\r\nc", expected: [(["a", "b"], 1), (["c"], 2)]),
    Case(
        name: "quoteInUnquotedField", input: "a\"b,c\nd", expected: [(["a\"b", "c"], 1), (["d"], 2)],
        warningLines: [1]),
    Case(
        name: "textAfterClosingQuote", input: "x\n\"a\"b,c", expected: [(["x"], 1), (["ab", "c"], 2)],
        warningLines: [2]),
    Case(
        name: "unterminatedQuoteAtEOF", input: "h\na,\"bc\nd",
        expected: [(["h"], 1), (["a", "bc\nd"], 2), (["d"], 3)],
        flagged: [1]),
    Case(
        name: "unterminatedQuoteOnLastLine", input: "h\na,\"bc", expected: [(["h"], 1), (["a", "bc"], 2)], flagged: [1]),
    Case(
        name: "strayQuoteCostsOneRecord", input: "h,v\nT1,\"oops\nT2,b\r\nT3,c\n",
        expected: [(["h", "v"], 1), (["T1", "oops\nT2,b\r\nT3,c\n"], 2), (["T2", "b"], 3), (["T3", "c"], 4)],
        flagged: [1]),
    Case(
        name: "strayQuoteAfterAMultiLineField", input: "\"a\nb\",\"x\ny\nz",
        expected: [(["a\nb", "x\ny\nz"], 2), (["y"], 3), (["z"], 4)], flagged: [0]),
    Case(
        name: "strayQuoteAfterCR", input: "a,\"b\rc\rd",
        expected: [(["a", "b\rc\rd"], 1), (["c"], 2), (["d"], 3)], flagged: [0]),
    Case(name: "emptyFieldsAtEnd", input: "a,,\n,,", expected: [(["a", "", ""], 1), (["", "", ""], 2)]),
    Case(name: "crlfAcrossLines", input: "a\r\n\r\nb\r", expected: [(["a"], 1), (["b"], 3)]),
    Case(name: "unicodeKept", input: "é,日本\n", expected: [(["é", "日本"], 1)]),
]

@Suite struct CSVReaderTests {
    @Test(arguments: cases) fileprivate func edgeCase(_ c: Case) {
        // Whole, and in chunks of 1, 2, 3 and 5 bytes: the same records, lines and warnings.
        for chunk in [nil, 1, 2, 3, 5] {
            let parsed = parse(c.input, chunk: chunk)
            let how = "\(c.name), chunks of \(chunk.map(String.init) ?? "all")"
            #expect(parsed.rows.map(\.fields) == c.expected.map(\.0), "\(how): fields")
            #expect(parsed.rows.map(\.line) == c.expected.map(\.1), "\(how): lines")
            #expect(parsed.warnings.map(\.line) == c.warningLines, "\(how): warnings")
            let flagged = parsed.rows.indices.filter { parsed.rows[$0].flagged }
            #expect(flagged == c.flagged, "\(how): flagged records")
        }
    }

    @Test func fieldTooLargeIsFlaggedAndCut() {
        let parsed = parse("abcdefg,h\nx,y\n\"0123456789\",z\nlast", maxFieldBytes: 4)
        #expect(parsed.rows.count == 4)
        #expect(parsed.rows[0].fields == ["abcd", "h"])
        #expect(parsed.rows[0].flagged)
        #expect(parsed.rows[1] == Row(fields: ["x", "y"], line: 2))
        // A quoted field over the limit is given up: the rest of its line is skipped, reading resumes below.
        #expect(parsed.rows[2].fields == ["0123"])
        #expect(parsed.rows[2].flagged)
        #expect(parsed.rows[3] == Row(fields: ["last"], line: 4))
    }

    @Test func quotedFieldReachingTheLimitResumesAfterTheQuoteLine() {
        let text = "h\nT1,\"stray\nT2,ok\nT3,ok\nT4,ok\n"
        for chunk in [nil, 1, 4] {
            let parsed = parse(text, maxFieldBytes: 12, chunk: chunk)
            #expect(parsed.rows.map(\.fields.first) == ["h", "T1", "T2", "T3", "T4"], "chunks \(chunk ?? 0)")
            #expect(parsed.rows.map(\.line) == [1, 2, 3, 4, 5])
            #expect(parsed.rows.map(\.flagged) == [false, true, false, false, false])
        }
        var reader = CSVReader(bytes: UnsafeBufferPointer(start: nil, count: 0))
        #expect(reader.next() == false)
    }

    @Test func aSecondStrayQuoteInsideTheReplayedBytes() {
        // The first quote gives up at the 5-byte limit on line 2; the bytes from line 2 are read again, and
        // hold a quote of their own that never closes.
        for chunk in [nil, 1, 3] {
            let parsed = parse("a,\"1\nbbbbbbbbbb,\"2\nc\n", maxFieldBytes: 5, chunk: chunk)
            #expect(parsed.rows.map(\.fields) == [["a", "1\nbbb"], ["bbbbb", "2\nc\n"], ["c"]])
            #expect(parsed.rows.map(\.line) == [1, 2, 3])
            #expect(parsed.rows.map(\.flagged) == [true, true, false])
        }
    }

    @Test func aPartialByteOrderMarkIsData() {
        for chunk in [nil, 1] {
            let source = ChunkedSource(bytes: [0xEF, 0xBB, 0x78, 0x0A, 0x79], maxChunk: chunk ?? 8, seed: 1)
            var reader = CSVReader(stream: InputSource(source).stream(), chunkBytes: chunk ?? 64)
            var rows: [[UInt8]] = []
            while reader.next() { rows.append(Array(reader.record.field(0))) }
            #expect(rows == [[0xEF, 0xBB, 0x78], [0x79]])
        }
    }

    @Test func recoveryMessagesSayHowFarTheQuoteRan() {
        func problem(_ text: String, maxFieldBytes: Int = 1 << 20) -> String? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer -> String? in
                var reader = CSVReader(bytes: buffer, limits: CSVCore.Limits(maxFieldBytes: maxFieldBytes))
                while reader.next() { if let problem = reader.position.problem { return problem } }
                return nil
            }
        }
        #expect(
            problem("a,\"b\nc\nd\n")
                == "the quote that opens field 2 never closes: it runs over 3 more lines to the end of the input; "
                + "it is taken as text and reading resumes on the next line")
        #expect(problem("a,\"bcd") == "the quote that opens field 2 never closes (it runs to the end of the input)")
        #expect(
            problem("\"0123456789\nx\n", maxFieldBytes: 4)
                == "the quoted field 1 is not closed within 4 bytes on its line; "
                + "it is taken as text and reading resumes on the next line")
        #expect(
            problem("\"01\n23\n45\n67\n", maxFieldBytes: 8)
                == "the quoted field 1 is not closed within 8 bytes (it ran over 3 more lines); "
                + "it is taken as text and reading resumes on the next line")
    }

    @Test func tooManyFieldsAndTooLongRecordsAreFlagged() {
        let bytes = Array("a,b,c,d,e\nx,y\n0123456789,0123456789\nz".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(
                bytes: buffer, limits: CSVCore.Limits(maxFieldBytes: 100, maxRecordBytes: 12, maxFields: 3))
            var rows: [([String], String?)] = []
            while reader.next() { rows.append((reader.record.strings, reader.position.problem)) }
            #expect(rows.map(\.0) == [["a", "b", "c"], ["x", "y"], ["0123456789", "01"], ["z"]])
            #expect(
                rows.map(\.1) == ["the record has more than 3 fields", nil, "the record is longer than 12 bytes", nil])
        }
        // Fifty thousand commas: the record is flagged, and only the first fields are kept.
        let commas = Array((String(repeating: ",", count: 50_000) + "\nok").utf8)
        commas.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            #expect(reader.next() == true)
            #expect(reader.record.count == CSVCore.Limits.standard.maxFields)
            #expect(reader.position.problem == "the record has more than 16384 fields")
            #expect(reader.next() == true)
            #expect(reader.record.strings == ["ok"])
        }
    }

    /// Found by the CSV fuzzer: which limit a record broke first depended on how its bytes were chunked.
    @Test func theFirstLimitCrossedNamesTheProblemWhateverTheChunks() {
        let limits = CSVCore.Limits(maxFieldBytes: 16, maxRecordBytes: 8, maxFields: 2)
        for chunk in [1, 3, 64] {
            let bytes = Array("ab,cdefghijklmnopqrstu\nx,0123456789abcdefgh\n".utf8)
            var reader = CSVReader(
                stream: InputSource(ChunkedSource(bytes: bytes, maxChunk: chunk, seed: 1)).stream(), limits: limits,
                chunkBytes: chunk)
            var problems: [String?] = []
            while reader.next() { problems.append(reader.position.problem) }
            #expect(problems == ["the record is longer than 8 bytes", "the record is longer than 8 bytes"], "\(chunk)")
        }
        // Past the field count limit, bytes are not kept, but a field over its size is still noticed first.
        let wide = Array("a,b,c0123456789012345678901234567890,d\n".utf8)
        wide.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(
                bytes: buffer, limits: CSVCore.Limits(maxFieldBytes: 4, maxRecordBytes: 3, maxFields: 2))
            #expect(reader.next() == true)
            #expect(reader.record.strings == ["a", "b"])
            #expect(reader.position.problem == "field 3 is longer than 4 bytes")
        }
    }

    @Test func separators() {
        let semicolons = parse("a;\"b;c\";d\n1;2;3", separator: Byte.semicolon)
        #expect(semicolons.rows.map(\.fields) == [["a", "b;c", "d"], ["1", "2", "3"]])
        let tabs = parse("a\t\"b\tc\"\td\n1\t2", separator: Byte.tab, chunk: 2)
        #expect(tabs.rows.map(\.fields) == [["a", "b\tc", "d"], ["1", "2"]])
    }

    @Test func separatorDetection() {
        func detect(_ text: String) -> UInt8 {
            Array(text.utf8).withUnsafeBufferPointer { CSVSeparator.detect($0) }
        }
        #expect(detect("ticket,channel,event\n") == Byte.comma)
        #expect(detect("ticket;channel;event\na,b,c,d,e,f") == Byte.semicolon)
        #expect(detect("\u{FEFF}\r\nticket\tchannel\tevent") == Byte.tab)
        #expect(detect("\"a,b,c\";x;y") == Byte.semicolon)
        #expect(detect("a;b,c") == Byte.comma)
        #expect(detect("single") == Byte.comma)
    }

    @Test func truncatedInputFlagsTheLastRecord() {
        let bytes = Array("h\nT1,a\nT2,b\nT3,cut".utf8)
        var source = ChunkedSource(bytes: bytes, maxChunk: 3, seed: 7)
        source.shrinkTo = bytes.count - 2
        var reader = CSVReader(stream: InputSource(source).stream(), chunkBytes: 4)
        var rows: [([String], String?)] = []
        while reader.next() { rows.append((reader.record.strings, reader.position.problem)) }
        #expect(rows.map(\.0) == [["h"], ["T1", "a"], ["T2", "b"], ["T3", "c"]])
        #expect(rows.map { $0.1 == nil } == [true, true, true, false])
        #expect(rows.last?.1?.hasPrefix("the record is cut off: the file ended after") == true)
        #expect(reader.ending == .shrank(expected: bytes.count))
    }

    @Test func stopsOnARecordBoundaryOnly() {
        let text = "a\n\"b\nc\"\nd\ne\n"
        let bytes = Array(text.utf8)
        // Offset 4 is inside the quoted field: the reader reads past it and stops at 10 ("e").
        let inside = 4
        let boundary = bytes.count - 2
        var reader = CSVReader(stream: InputSource(bytes: bytes).stream(), stops: [inside, boundary])
        var rows: [[String]] = []
        while reader.next() { rows.append(reader.record.strings) }
        #expect(rows == [["a"], ["b\nc"], ["d"]])
        #expect(reader.stoppedAt == boundary)
        #expect(reader.line == 5)
    }

    @Test func fieldAtTheLimitIsFine() {
        let parsed = parse("abcd,h", maxFieldBytes: 4)
        #expect(parsed.rows == [Row(fields: ["abcd", "h"], line: 1)])
    }

    @Test func problemNamesTheLimit() {
        var reader = CSVReader(
            stream: InputSource(bytes: Array("a,bbbbbbbb".utf8)).stream(), limits: CSVCore.Limits(maxFieldBytes: 2048))
        #expect(reader.next() == true)
        #expect(reader.position.problem == nil)
        let big = String(repeating: "x", count: (1 << 20) + 1)
        var large = CSVReader(stream: InputSource(bytes: Array("a,\(big)\nb".utf8)).stream())
        #expect(large.next() == true)
        #expect(large.position.problem == "field 2 is longer than 1 MiB")
        #expect(large.record.field(1).count == 1 << 20)
        #expect(large.next() == true)
        #expect(large.record.strings == ["b"])
        #expect(large.position.line == 2)
    }

    @Test func byteOffsets() {
        let parsed = parse("a\n\nbc,\"d\ne\"\nf")
        #expect(parsed.offsets == [0, 3, 12])
        #expect(parsed.rows.map(\.line) == [1, 3, 5])
    }

    @Test func fieldOutOfRangeIsEmpty() {
        var reader = CSVReader(stream: InputSource(bytes: Array("a,b".utf8)).stream())
        #expect(reader.next() == true)
        #expect(reader.record.field(2).isEmpty)
        #expect(reader.record.field(-1).isEmpty)
        #expect(reader.next() == false)
        #expect(reader.next() == false)
    }
}
