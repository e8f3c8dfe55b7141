import Testing

@testable import SLAReportCore

/// Messages about the inputs are one printable line of bounded length, whatever the input holds.
@Suite struct DiagnosticTextTests {
    @Test func aMessageIsOneLine() {
        #expect(DiagnosticText.clip("a\nb\r\nc\rd\u{85}e\u{2028}f") == "a b c d e f")
        #expect(DiagnosticText.clip("plain text, é and 日本 …") == "plain text, é and 日本 …")
    }

    @Test func longMessagesAreCut() {
        let long = String(repeating: "x", count: 10_000)
        let clipped = DiagnosticText.clip(long)
        #expect(clipped.count == DiagnosticText.maxMessageCharacters)
        #expect(clipped.hasSuffix("…"))
        #expect(DiagnosticText.clip(String(repeating: "y", count: 400)) == String(repeating: "y", count: 400))
        let lines = DiagnosticText.clip(String(repeating: "\n", count: 1 << 20))
        #expect(lines == String(repeating: " ", count: DiagnosticText.maxMessageCharacters - 1) + "…")
        #expect(DiagnosticText.clip("abcdef", limit: 4) == "abc…")
        #expect(DiagnosticText.clip("abcd", limit: 4) == "abcd")
    }

    @Test func everyMessageCarrierClips() {
        let hostile = "bad\n" + String(repeating: "z", count: 5000)
        let diagnostic = Diagnostic(.warning, hostile, at: SourceLocation(path: "f.csv", line: 3))
        #expect(diagnostic.message.count == DiagnosticText.maxMessageCharacters)
        #expect(diagnostic.message.hasPrefix("bad zz"))
        let failure = IngestFailure(path: "f", kind: .unusable, tried: [], message: hostile)
        #expect(failure.message.count == DiagnosticText.maxMessageCharacters)
        let rejected = RejectedRecord(path: "f", line: 1, reason: hostile)
        #expect(rejected.reason.count == DiagnosticText.maxMessageCharacters)
    }

    @Test func aHugeHeaderMakesAShortMessage() {
        let names = (0..<20_000).map { "column_\($0)_" + String(repeating: "n", count: 50) }
        let text = names.joined(separator: ",") + "\n1,2\n"
        let result = Ingest.readAndJoin([InputFile(path: "wide.csv", text: text)])
        let message = result.failures.first?.message ?? ""
        #expect(message.hasPrefix("unrecognised input format: found a CSV header with columns column_0_"))
        #expect(message.count <= DiagnosticText.maxMessageCharacters)
    }
}
