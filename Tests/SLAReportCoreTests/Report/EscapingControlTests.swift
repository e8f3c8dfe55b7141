import Testing

@testable import SLAReportCore

/// No escaper lets a control character through (issue 10): what is printed to a terminal, written to a CSV,
/// an XML or an OpenMetrics file carries no C0, DEL, C1 or bidirectional control; JSON keeps them escaped.
@Suite struct EscapingControlTests {
    /// Every scalar the plain-text escapers must not let through.
    static let controls: [Unicode.Scalar] =
        (0x00...0x1F).compactMap(Unicode.Scalar.init) + (0x7F...0x9F).compactMap(Unicode.Scalar.init)
        + (0x202A...0x202E).compactMap(Unicode.Scalar.init) + (0x2066...0x2069).compactMap(Unicode.Scalar.init)

    static func hasControl(_ text: String, allowing allowed: Set<Unicode.Scalar> = []) -> Bool {
        text.unicodeScalars.contains { Self.controls.contains($0) && !allowed.contains($0) }
    }

    @Test(arguments: [
        ("\u{1B}[2Jname", "[2Jname"),
        ("a\u{0}\u{0}b", "ab"),
        ("bell\u{7}", "bell"),
        ("a\tb", "a b"),
        ("a\r\nb\nc\rd\u{85}e\u{2028}f", "a b c d e f"),
        ("\u{9B}31mred", "31mred"),
        ("abc\u{202E}fed\u{2066}x\u{2069}", "abcfedx"),
        ("plain — é ✓", "plain — é ✓"),
        ("", ""),
    ])
    func terminalText(input: String, expected: String) {
        #expect(Escape.terminal(input) == expected)
        #expect(Escape.plainText(input) == expected)
    }

    @Test func terminalLinesKeepTheirBreaksOnly() {
        #expect(Escape.terminalLines("one\u{1B}[2J\ntwo\tcols\n") == "one[2J\ntwo cols\n")
        #expect(Escape.terminalLines("x.csv: warning: header \u{0}\u{1}bin") == "x.csv: warning: header bin")
        let untouched = "a\nb — c"
        #expect(Escape.terminalLines(untouched) == untouched)
    }

    @Test func everyControlIsRemovedByEveryPlainEscaper() {
        for scalar in Self.controls {
            let text = "a" + String(Character(scalar)) + "b"
            #expect(!Self.hasControl(Escape.terminal(text)), "terminal U+\(String(scalar.value, radix: 16))")
            #expect(!Self.hasControl(Escape.csv(text)), "csv U+\(String(scalar.value, radix: 16))")
            #expect(!Self.hasControl(Escape.xml(text)), "xml U+\(String(scalar.value, radix: 16))")
            #expect(!Self.hasControl(Escape.openMetricsLabel(text)), "metrics U+\(String(scalar.value, radix: 16))")
            #expect(
                !Self.hasControl(Escape.html(text), allowing: ["\t", "\n", "\r"]),
                "html U+\(String(scalar.value, radix: 16))")
            #expect(!Self.hasControl(Escape.json(text)), "json U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func jsonKeepsControlsAsEscapes() {
        #expect(Escape.json("a\u{7F}b\u{85}c\u{9B}d") == #""a\u007fb\u0085c\u009bd""#)
        #expect(Escape.json("x\u{202E}y\u{2066}z\u{2069}") == #""x\u202ey\u2066z\u2069""#)
        #expect(Escape.json("\u{2028}\u{2029}") == #""\u2028\u2029""#)
        // Neighbours of the escaped ranges stay as UTF-8.
        #expect(Escape.json("\u{A0}\u{2027}\u{202F}\u{2065}\u{206A}—") == "\"\u{A0}\u{2027}\u{202F}\u{2065}\u{206A}—\"")
    }

    @Test func xmlAndOpenMetricsEscapes() {
        #expect(Escape.xml("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(Escape.xml("line\none\u{0}") == "line one")
        #expect(Escape.openMetricsLabel("a\"b\\c\nd") == #"a\"b\\c d"#)
        #expect(Escape.openMetricsLabel("email") == "email")
    }

    @Test func htmlDropsControlsButKeepsWhiteSpace() {
        #expect(Escape.html("a\u{1B}[2J\u{0}b\tc\nd") == "a[2Jb\tc\nd")
        #expect(Escape.html("\u{202E}<x>") == "&lt;x&gt;")
    }
}
