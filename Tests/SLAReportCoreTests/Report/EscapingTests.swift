import Testing

@testable import SLAReportCore

@Suite struct EscapingTests {
    @Test func htmlEscapesTheFiveCharacters() {
        #expect(Escape.html(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(Escape.html("plain é ✓") == "plain é ✓")
        #expect(Escape.html("&amp;") == "&amp;amp;")
    }

    static let markdownCases: [(String, String)] = [
        ("| pipes |", #"\| pipes \|"#),
        ("a\r\nb\nc\rd\u{2028}e\u{2029}f\u{85}g", "a b c d e f g"),
        ("*b* _i_ `c` [x](y) # h <t> ~s~ \\", ##"\*b\* \_i\_ \`c\` \[x\](y) \# h \<t\> \~s\~ \\"##),
        ("a\u{0}b\u{7}c\u{7F}d\u{9B}e\u{202E}f", "abcdef"),
        ("\tx", " x"),
        ("AT&T &amp; &#124; a & b", ##"AT&T \&amp; \&\#124; a & b"##),
        ("<script>alert(1)</script>", #"\<script\>alert(1)\</script\>"#),
        ("=SUM(A1)", "=SUM(A1)"),
        ("", ""),
    ]

    @Test(arguments: markdownCases)
    func markdownCell(input: String, expected: String) {
        #expect(Escape.markdown(input) == expected)
    }

    @Test func markdownURLEncodesWhatEndsADestinationOrACell() {
        #expect(Escape.markdownURL("https://x/a(b)|c[d]") == "https://x/a%28b%29%7Cc%5Bd%5D")
        #expect(Escape.markdownURL("https://x/?a=1&b=2") == "https://x/?a=1&b=2")
    }

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        // Control characters never reach a CSV cell (it is printed to terminals too): tabs and line breaks
        // become a space, the rest is removed; what is left is guarded and quoted as usual.
        ("\tx", " x"),
        ("\rx", " x"),
        ("\u{1B}[2Jx", "[2Jx"),
        ("id\u{0}\u{7}", "id"),
        ("\u{202E}=1", "'=1"),
        ("a\u{85}b\u{9B}c", "a bc"),
        ("a\r\nb,c", "\"a b,c\""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "line break"),
        ("=1,2", "\"'=1,2\""),
        ("x=1", "x=1"),
        ("plain", "plain"),
        ("", ""),
    ])
    func csvCell(input: String, expected: String) {
        #expect(Escape.csv(input) == expected)
    }

    @Test func jsonStringEscaping() {
        #expect(Escape.json("a\"b\\c\n\r\t\u{1}\u{1F}\u{2028}é/") == #""a\"b\\c\n\r\t\u0001\u001f\u2028é/""#)
        #expect(Escape.json("plain") == "\"plain\"")
        #expect(Escape.json("") == "\"\"")
        #expect(Escape.json("€") == "\"€\"")
    }

    @Test(arguments: [
        ("https://example.com/t/1", true),
        ("HTTP://EXAMPLE.COM", true),
        ("HtTpS://example.com/a?b=c#d", true),
        ("http://x", true),
        ("javascript:alert(1)", false),
        ("JaVaScRiPt:alert(1)", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("/relative/path", false),
        ("//host/path", false),
        ("ftp://example.com", false),
        ("https://", false),
        ("https:///path", false),
        ("https:/x", false),
        (" https://example.com", false),
        ("https://exa mple.com", false),
        ("https://example.com/\n", false),
        ("https://example.com/\u{0}", false),
        ("https://example.com/\"onmouseover=\"x", false),
        ("https://example.com/<script>", false),
        ("https://example.com/\u{202E}fdp.exe", false),
        ("", false),
    ])
    func safeURL(input: String, accepted: Bool) {
        #expect((Escape.safeURL(input) == input) == accepted)
        #expect((Escape.safeURL(input) == nil) == !accepted)
    }
}
