import Testing

@testable import SLAReportCore

/// The byte helpers every adapter row goes through: trimming, ids written as floats, messy booleans (one-letter
/// words among them).
struct FieldBytesTests {
    private func trimmed(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { String(decoding: FieldBytes.trimmed($0), as: UTF8.self) }
    }

    private func whole(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { String(decoding: $0.prefix(FieldBytes.wholeIdLength($0)), as: UTF8.self) }
    }

    @Test func trimmingSpacesAndTabsOnly() {
        let cases = [
            ("", ""), ("a", "a"), (" ", ""), ("\t\t", ""), (" a", "a"), ("a ", "a"), ("\ta b\t ", "a b"),
            ("a\n", "a\n"), ("\u{A0}a", "\u{A0}a"), ("ab", "ab"),
        ]
        for (text, expected) in cases { #expect(trimmed(text) == expected, "\(text.debugDescription)") }
        // An empty field inside a buffer (an address but no byte) is empty trimmed. The first version of the
        // two-byte check read the bytes at such a field's ends, outside it: the result was right, the read was
        // not, and only the AddressSanitizer build of the fuzz targets (`make fuzz`) sees such a read.
        let bytes: [UInt8] = Array("a,b".utf8)
        for k in 0...bytes.count {
            let count = bytes.withUnsafeBufferPointer {
                FieldBytes.trimmed(UnsafeBufferPointer(rebasing: $0[k..<k])).count
            }
            #expect(count == 0)
        }
    }

    @Test func idsWrittenAsFloatsBecomeWhole() {
        let cases = [
            ("3.0", "3"), ("3.000", "3"), ("-12.0", "-12"), ("30", "30"), ("3.5", "3.5"), ("3.", "3."),
            (".0", ".0"), ("a.0", "a.0"), ("user0", "user0"), ("agent30", "agent30"), ("10.10", "10.10"),
            ("1.0.0", "1.0.0"), ("0", "0"), ("", ""), ("00.00", "00"),
        ]
        for (text, expected) in cases { #expect(whole(text) == expected, "\(text)") }
    }

    @Test func messyBooleans() {
        for text in ["true", "TRUE", "t", "T", "yes", "y", "1", "1.0", " Yes "] {
            #expect(FieldBytes.boolean(text) == true, "\(text)")
        }
        for text in ["false", "f", "F", "no", "N", "0", "0.0"] { #expect(FieldBytes.boolean(text) == false, "\(text)") }
        for text in ["", "tru", "yess", "2", "x", "1.5"] { #expect(FieldBytes.boolean(text) == nil, "\(text)") }
    }
}
