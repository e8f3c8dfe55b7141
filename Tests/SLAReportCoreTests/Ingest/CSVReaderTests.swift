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

private func parse(_ text: String, maxFieldBytes: Int = CSVReader.defaultMaxFieldBytes) -> Parsed {
    let input = InputBytes(copying: Array(text.utf8))
    var reader = CSVReader(input: input, maxFieldBytes: maxFieldBytes)
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
        name: "unterminatedQuoteAtEOF", input: "h\na,\"bc\nd", expected: [(["h"], 1), (["a", "bc\nd"], 2)],
        warningLines: [2], flagged: [1]),
    Case(name: "unicodeKept", input: "é,日本\n", expected: [(["é", "日本"], 1)]),
]

@Suite struct CSVReaderTests {
    @Test(arguments: cases) fileprivate func edgeCase(_ c: Case) {
        let parsed = parse(c.input)
        #expect(parsed.rows.map(\.fields) == c.expected.map(\.0), "\(c.name) fields")
        #expect(parsed.rows.map(\.line) == c.expected.map(\.1), "\(c.name) lines")
        #expect(parsed.indexes == Array(0..<c.expected.count), "\(c.name) record indexes")
        #expect(parsed.warnings.map(\.line) == c.warningLines, "\(c.name) warnings")
        let flagged = parsed.rows.indices.filter { parsed.rows[$0].flagged }
        #expect(flagged == c.flagged, "\(c.name) flagged records")
    }

    @Test func fieldTooLargeIsFlaggedAndCut() {
        let parsed = parse("abcdefg,h\nx,y\n\"0123456789\",z", maxFieldBytes: 4)
        #expect(parsed.rows.count == 3)
        #expect(parsed.rows[0].fields == ["abcd", "h"])
        #expect(parsed.rows[0].flagged)
        #expect(parsed.rows[1] == Row(fields: ["x", "y"], line: 2))
        #expect(parsed.rows[2].fields == ["0123", "z"])
        #expect(parsed.rows[2].flagged)
    }

    @Test func fieldAtTheLimitIsFine() {
        let parsed = parse("abcd,h", maxFieldBytes: 4)
        #expect(parsed.rows == [Row(fields: ["abcd", "h"], line: 1)])
    }

    @Test func problemNamesTheLimit() {
        let small = InputBytes(copying: Array("a,bbbbbbbb".utf8))
        var reader = CSVReader(input: small, maxFieldBytes: 2048)
        #expect(reader.next() == true)
        #expect(reader.position.problem == nil)
        let big = String(repeating: "x", count: (1 << 20) + 1)
        let input = InputBytes(copying: Array("a,\(big)\nb".utf8))
        var large = CSVReader(input: input)
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
        let input = InputBytes(copying: Array("a,b".utf8))
        var reader = CSVReader(input: input)
        #expect(reader.next() == true)
        #expect(reader.record.field(2).isEmpty)
        #expect(reader.record.field(-1).isEmpty)
        #expect(reader.next() == false)
        #expect(reader.next() == false)
    }

    @Test func releasesPagesAsItReads() {
        final class Calls: @unchecked Sendable {
            let lock = NSLock()
            var offsets: [Int] = []
            func add(_ offset: Int) { lock.withLock { offsets.append(offset) } }
        }
        let calls = Calls()
        let row = Array("ticket-1,reply,2016-11-21T09:14:03Z\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(row.count * 600_000)
        for _ in 0..<600_000 { bytes.append(contentsOf: row) }  // about 21 MB
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        nonisolated(unsafe) let owned = storage
        let input = InputBytes(
            buffer: UnsafeBufferPointer(storage), release: { calls.add($0) }, free: { owned.deallocate() })
        var reader = CSVReader(input: input)
        var count = 0
        while reader.next() { count += 1 }
        #expect(count == 600_000)
        #expect(calls.offsets.count == 2)
        #expect(calls.offsets == calls.offsets.sorted())
        #expect(calls.offsets.allSatisfy { $0 >= 8 << 20 && $0 <= bytes.count })
    }
}
