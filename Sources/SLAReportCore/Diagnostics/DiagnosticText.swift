/// The limits every message about the inputs goes through: a message is one line of bounded length, and
/// text echoed from an input (a field, a key, a header name) is shortened and made printable, so that no
/// input can flood the terminal or a report with a megabyte of data, NUL bytes or escape sequences.
///
/// ``Diagnostic``, ``IngestFailure`` and ``RejectedRecord`` pass their messages through ``clip(_:)``; code
/// that quotes input text inside a message uses ``echo(_:limit:)`` (or ``FieldBytes/quoted(_:limit:)``).
public enum DiagnosticText {
    /// The longest message kept, in characters (longer ones end in `…`).
    public static let maxMessageCharacters = 400

    /// `message` as one printable line of at most `limit` characters: control characters (C0, DEL, C1,
    /// line breaks included) and bidirectional overrides become `\u{…}` escapes (`\n`, `\r`, `\t` for the
    /// usual three), and what is over the limit is cut, ending in `…`.
    public static func clip(_ message: String, limit: Int = maxMessageCharacters) -> String {
        var needs = message.utf8.count > limit
        if !needs {
            for byte in message.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
                needs = true
                break
            }
        }
        guard needs else { return message }
        var out = ""
        var characters = 0
        for scalar in message.unicodeScalars {
            let piece: String
            switch scalar.value {
            case 0x0A: piece = "\\n"
            case 0x0D: piece = "\\r"
            case 0x09: piece = "\\t"
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                piece = "\\u{\(String(scalar.value, radix: 16))}"
            default: piece = String(scalar)
            }
            if characters + piece.count > limit {
                while out.count > limit - 1 { out.removeLast() }
                return out + "…"
            }
            out += piece
            characters += piece.count
        }
        return out
    }

    /// Input text for a message: printable (see ``clip(_:limit:)``) and at most `limit` characters.
    public static func echo(_ text: String, limit: Int = 60) -> String { clip(text, limit: limit) }
}
