/// The one escaping choke point of every output format (SPEC §7: input data is hostile by default).
///
/// Every string that comes from the inputs (ticket ids, agent names, reasons, paths, URLs, policy names)
/// reaches an output only through one of these functions:
/// - ``html(_:)`` for HTML text and attribute values (`& < > " '`),
/// - ``markdown(_:)`` for Markdown table cells and inline text,
/// - ``markdownURL(_:)`` for a Markdown link destination (after ``safeURL(_:)``),
/// - ``csv(_:)`` for a CSV cell (RFC 4180 quoting plus the spreadsheet formula-injection guard),
/// - ``json(_:)`` for a JSON string literal,
/// - ``xml(_:)`` for XML text and attribute values (the JUnit report),
/// - ``openMetricsLabel(_:)`` for an OpenMetrics label value (the metrics report),
/// - ``terminal(_:)`` and ``terminalLines(_:)`` for anything printed to a terminal (diagnostics, the check
///   summary),
/// - ``safeURL(_:)`` to decide whether a URL may become a link at all.
///
/// No escaper lets a control character through as such: C0, DEL and C1 controls and the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed (line breaks and tabs
/// become a space where the format has no use for them), except in JSON, which keeps them as `\uXXXX`
/// escapes. So any report printed to a terminal can neither move the cursor, clear the screen, nor reorder
/// the text shown (``plainText(_:)``).
public enum Escape {
    // MARK: HTML

    /// HTML-escapes `& < > " '` so the result is safe both as element text and as a quoted attribute value;
    /// control characters other than tab, LF and CR (never valid in HTML) and the bidirectional controls are
    /// removed.
    public static func html(_ string: String) -> String {
        var needs = false
        for byte in string.utf8
        where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || mayStartControl(byte) {
            needs = true
            break
        }
        guard needs else { return string }
        var out = ""
        out.reserveCapacity(string.utf8.count + 16)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if controlClass(scalar.value) == .keep { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    // MARK: Markdown

    /// Escapes a string for a GitHub/GitLab-flavoured Markdown table cell or inline text.
    ///
    /// - the Markdown specials `\ | * _ ` [ ] < > # ~` are backslash-escaped (CommonMark escapes any ASCII
    ///   punctuation, and GFM tables honour `\|` before splitting cells), so data can neither split a cell,
    ///   nor start emphasis, code, a link, raw HTML or a heading;
    /// - `&` is escaped when it could start an entity reference (`&lt;`, `&#124;`; not `AT&T`), so the text
    ///   shows as given;
    /// - CR, LF, CRLF, NEL, U+2028 and U+2029 collapse to one space (a newline would end the table row) and a
    ///   tab becomes a space;
    /// - every other control character (C0, DEL, C1) and the bidirectional overrides are removed.
    public static func markdown(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count + 8)
        var previousWasCR = false
        let scalars = Array(string.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let wasCR = previousWasCR
            previousWasCR = false
            switch scalar.value {
            case 0x0D:
                out += " "
                previousWasCR = true
            case 0x0A:
                if !wasCR { out += " " }
            case 0x09, 0x85, 0x2028, 0x2029:
                out += " "
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            case 0x5C, 0x7C, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x3C, 0x3E, 0x23, 0x7E:
                out += "\\"
                out.unicodeScalars.append(scalar)
            case 0x26:
                if startsEntity(scalars, at: index) { out += "\\" }
                out += "&"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A URL already accepted by ``safeURL(_:)``, made safe as a Markdown link destination inside a table:
    /// characters that could end the destination or split a cell (`( ) < > [ ] | \ `` ` ``) are percent-encoded.
    public static func markdownURL(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count)
        for scalar in url.unicodeScalars {
            switch scalar {
            case "(", ")", "<", ">", "[", "]", "|", "\\", "`":
                out += percentEncoded(UInt8(truncatingIfNeeded: scalar.value))
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: CSV

    /// One CSV cell (RFC 4180): first made ``plainText(_:)`` (tabs and line breaks become a space, other
    /// control characters are removed: the CSV is also printed to terminals, and no column holds more than a
    /// line); then a cell that starts with `=`, `+`, `-` or `@` gets a leading `'` (spreadsheet formula
    /// injection), and a cell holding `,` or `"` is quoted with `"` doubled.
    public static func csv(_ string: String) -> String {
        var sink = ByteSink()
        csv(string, to: &sink)
        return sink.string
    }

    /// ``csv(_:)`` written straight into `sink`, byte by byte (the guard and the quoting only look at ASCII
    /// bytes, which never occur inside a multi-byte UTF-8 sequence).
    static func csv(_ string: String, to sink: inout ByteSink) {
        var string = string
        if string.withUTF8({ $0.contains(where: mayStartControl) }) { string = plainText(string) }
        string.withUTF8 { csvCell($0, to: &sink) }
    }

    /// ``csv(_:)`` of a cell given as UTF-8 bytes (a symbol's stored text), written straight into `sink`
    /// without a `String` when the bytes hold no control character (else through ``csv(_:to:)``).
    static func csv(bytes utf8: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink) {
        if utf8.contains(where: mayStartControl) {
            csv(String(decoding: utf8, as: UTF8.self), to: &sink)
        } else {
            csvCell(utf8, to: &sink)
        }
    }

    /// The one rule of a CSV cell's bytes, once control characters are gone: the formula guard (`'` before
    /// a leading `=`, `+`, `-`, `@`, tab or CR) and RFC 4180 quoting (a cell holding `,`, `"`, CR or LF in
    /// quotes, `"` doubled).
    private static func csvCell(_ utf8: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink) {
        let guarded: Bool
        switch utf8.first {
        case 0x3D?, 0x2B?, 0x2D?, 0x40?, 0x09?, 0x0D?: guarded = true
        default: guarded = false
        }
        var needsQuotes = false
        for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
            needsQuotes = true
            break
        }
        if needsQuotes { sink.write(byte: 0x22) }
        if guarded { sink.write(byte: 0x27) }
        if needsQuotes {
            for byte in utf8 {
                sink.write(byte: byte)
                if byte == 0x22 { sink.write(byte: 0x22) }
            }
            sink.write(byte: 0x22)
        } else {
            sink.write(bytes: utf8)
        }
    }

    // MARK: JSON

    /// A JSON string literal with its quotes: `"` and `\` escaped, `\n \r \t` in short form, every other
    /// control character (U+0000–U+001F, DEL, U+0080–U+009F) as `\u00XX`, U+2028/U+2029 as
    /// `\u2028`/`\u2029` (so the text is also safe inside JavaScript) and the bidirectional controls
    /// (U+202A–U+202E, U+2066–U+2069) as `\u202a` … (so the JSON is safe on a terminal, with the value kept).
    /// Everything else is written as UTF-8.
    public static func json(_ string: String) -> String {
        var sink = ByteSink()
        json(string, to: &sink)
        return sink.string
    }

    /// ``json(_:)`` written straight into `sink`, byte by byte.
    static func json(_ string: String, to sink: inout ByteSink) {
        var string = string
        sink.write(byte: 0x22)
        string.withUTF8 { utf8 in
            var needs = false
            for byte in utf8 where byte == 0x22 || byte == 0x5C || mayStartControl(byte) {
                needs = true
                break
            }
            guard needs else {
                sink.write(bytes: utf8)
                return
            }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case 0x22: sink.write("\\\"")
                case 0x5C: sink.write("\\\\")
                case 0x0A: sink.write("\\n")
                case 0x0D: sink.write("\\r")
                case 0x09: sink.write("\\t")
                case 0x00..<0x20, 0x7F:
                    sink.write("\\u00")
                    sink.write(byte: hexDigit(byte >> 4))
                    sink.write(byte: hexDigit(byte & 0xF))
                case 0xC2 where index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]):
                    // U+0080–U+009F, encoded C2 80 … C2 9F.
                    sink.write("\\u00")
                    sink.write(byte: hexDigit(utf8[index + 1] >> 4))
                    sink.write(byte: hexDigit(utf8[index + 1] & 0xF))
                    index += 1
                case 0xE2
                where index + 2 < utf8.count
                    && ((utf8[index + 1] == 0x80 && (0xA8...0xAE).contains(utf8[index + 2]))
                        || (utf8[index + 1] == 0x81 && (0xA6...0xA9).contains(utf8[index + 2]))):
                    // U+2028–U+202E (E2 80 A8 … E2 80 AE) and U+2066–U+2069 (E2 81 A6 … E2 81 A9).
                    let scalar = 0x2000 | (UInt32(utf8[index + 1] & 0x3F) << 6) | UInt32(utf8[index + 2] & 0x3F)
                    sink.write("\\u")
                    for shift in [12, 8, 4, 0] { sink.write(byte: hexDigit(UInt8((scalar >> UInt32(shift)) & 0xF))) }
                    index += 2
                default:
                    sink.write(byte: byte)
                }
                index += 1
            }
        }
        sink.write(byte: 0x22)
    }

    // MARK: URLs

    /// The URL itself when it is an absolute `http` or `https` URL (scheme compared case-insensitively) with
    /// a host, and no whitespace, control character, bidirectional override, or any of `" < > \ `` ` ``
    /// (never valid in a URL, always suspicious); nil otherwise (`javascript:`, `data:`, `//host`, relative
    /// paths, `https:/x`, anything with a space). Only such URLs ever become links.
    public static func safeURL(_ string: String) -> String? {
        let lower = string.lowercased()
        let prefixLength: Int
        if lower.hasPrefix("https://") {
            prefixLength = 8
        } else if lower.hasPrefix("http://") {
            prefixLength = 7
        } else {
            return nil
        }
        for scalar in string.unicodeScalars {
            let v = scalar.value
            if v <= 0x20 || v == 0x22 || v == 0x3C || v == 0x3E || v == 0x5C || v == 0x60
                || (0x7F...0xA0).contains(v) || scalar.properties.isWhitespace
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            {
                return nil
            }
        }
        let host = string.unicodeScalars.dropFirst(prefixLength).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : string
    }

    // MARK: XML

    /// XML text and attribute values (the JUnit report): ``plainText(_:)`` (XML 1.0 cannot carry most
    /// control characters at all, not even as references), then `& < > " '` as entity references.
    public static func xml(_ string: String) -> String {
        let plain = plainText(string)
        guard plain.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return plain }
        var out = ""
        out.reserveCapacity(plain.utf8.count + 16)
        for scalar in plain.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: OpenMetrics

    /// An OpenMetrics label value, without its quotes: ``plainText(_:)``, then `\` and `"` backslash-escaped
    /// (the line breaks the format would write as `\n` are already spaces).
    public static func openMetricsLabel(_ string: String) -> String {
        let plain = plainText(string)
        guard plain.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 }) else { return plain }
        var out = ""
        for scalar in plain.unicodeScalars {
            if scalar == "\\" || scalar == "\"" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    // MARK: Terminal

    /// One line of text for a terminal: ``plainText(_:)``. Input can then neither clear the screen
    /// (`ESC[2J`), move the cursor, ring the bell, dump NUL bytes nor reorder the line (bidi overrides).
    public static func terminal(_ string: String) -> String { plainText(string) }

    /// ``terminal(_:)`` line by line: a message of several lines keeps its LF line breaks, and nothing else.
    public static func terminalLines(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 != 0x0A && mayStartControl($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { plainText(String($0)) }
            .joined(separator: "\n")
    }

    // MARK: Plain text

    /// The string with no control characters: tab, CR, LF, CRLF, NEL, U+2028 and U+2029 become one space;
    /// every other C0 control, DEL, C1 control and the bidirectional embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069) are removed. Everything else is kept as it is.
    public static func plainText(_ string: String) -> String {
        guard string.utf8.contains(where: mayStartControl) else { return string }
        var out = ""
        out.reserveCapacity(string.utf8.count)
        var previousWasCR = false
        for scalar in string.unicodeScalars {
            let wasCR = previousWasCR
            previousWasCR = scalar == "\r"
            switch controlClass(scalar.value) {
            case .keep: out.unicodeScalars.append(scalar)
            case .space: if !(wasCR && scalar == "\n") { out += " " }
            case .drop: continue
            }
        }
        return out
    }

    /// What the plain-text escapers do with a scalar.
    enum ControlClass {
        case keep
        /// A tab or a line break: one space.
        case space
        /// Any other control, and the bidirectional controls: removed.
        case drop
    }

    static func controlClass(_ value: UInt32) -> ControlClass {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return .space
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return .drop
        default: return .keep
        }
    }

    /// Whether a UTF-8 byte may begin a scalar ``controlClass(_:)`` does not keep: C0 and DEL bytes, `C2`
    /// (U+0080–U+00BF) and `E2` (U+2000–U+2FFF). A quick filter; the scalars decide.
    static func mayStartControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    // MARK: Helpers

    /// Whether the `&` at `index` starts something a Markdown parser could read as an entity: `&#…` or
    /// `&name;`.
    static func startsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var i = index + 1
        guard i < scalars.count else { return false }
        if scalars[i] == "#" { return true }
        while i < scalars.count && i - index <= 32, scalars[i].isASCII,
            scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i])
        {
            i += 1
        }
        return i > index + 1 && i < scalars.count && scalars[i] == ";"
    }

    /// A lowercase hexadecimal digit of `nibble` (0–15).
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }

    static func percentEncoded(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
