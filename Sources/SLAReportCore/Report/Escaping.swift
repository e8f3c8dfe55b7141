/// The one escaping choke point of every output format (SPEC §7: input data is hostile by default).
///
/// Every string that comes from the inputs (ticket ids, agent names, reasons, paths, URLs, policy names)
/// reaches an output only through one of these functions:
/// - ``html(_:)`` for HTML text and attribute values (`& < > " '`),
/// - ``markdown(_:)`` for Markdown table cells and inline text,
/// - ``markdownURL(_:)`` for a Markdown link destination (after ``safeURL(_:)``),
/// - ``csv(_:)`` for a CSV cell (RFC 4180 quoting plus the spreadsheet formula-injection guard),
/// - ``json(_:)`` for a JSON string literal,
/// - ``safeURL(_:)`` to decide whether a URL may become a link at all.
public enum Escape {
    // MARK: HTML

    /// HTML-escapes `& < > " '` so the result is safe both as element text and as a quoted attribute value.
    public static func html(_ string: String) -> String {
        var needs = false
        for byte in string.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
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
            default: out.unicodeScalars.append(scalar)
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

    /// One CSV cell (RFC 4180): a cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`
    /// (spreadsheet formula injection); a cell holding `,`, `"`, CR or LF is quoted with `"` doubled.
    public static func csv(_ string: String) -> String {
        var sink = ByteSink()
        csv(string, to: &sink)
        return sink.string
    }

    /// ``csv(_:)`` written straight into `sink`, byte by byte (the guard and the quoting only look at ASCII
    /// bytes, which never occur inside a multi-byte UTF-8 sequence).
    static func csv(_ string: String, to sink: inout ByteSink) {
        var string = string
        string.withUTF8 { utf8 in
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
    }

    // MARK: JSON

    /// A JSON string literal with its quotes: `"` and `\` escaped, `\n \r \t` in short form, every other
    /// control character (U+0000–U+001F) as `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` (so the text
    /// is also safe inside JavaScript). Everything else is written as UTF-8.
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
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
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
                case 0x00..<0x20:
                    sink.write("\\u00")
                    sink.write(byte: hexDigit(byte >> 4))
                    sink.write(byte: hexDigit(byte & 0xF))
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    sink.write(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
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
