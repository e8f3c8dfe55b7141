/// The limits every message about the inputs goes through: a message is one line of bounded length, so
/// that no input can flood the terminal or a report with a megabyte of echoed data, and every diagnostic
/// stays one `path:line: warning: message` line.
///
/// ``Diagnostic``, ``IngestFailure`` and ``RejectedRecord`` pass their messages through ``clip(_:limit:)``;
/// code that quotes input text inside a message shortens it first with ``echo(_:limit:)`` (or
/// ``FieldBytes/quoted(_:limit:)``). Control characters are left to the output's own escaping (``Escape``:
/// the terminal, HTML, Markdown and JSON escapers each make them harmless their way).
public enum DiagnosticText {
    /// The longest message kept, in characters (longer ones end in `…`).
    public static let maxMessageCharacters = 400

    /// `message` as one line of at most `limit` characters: line breaks (CR, LF, CRLF, NEL, U+2028, U+2029)
    /// become one space, and what is over the limit is cut, ending in `…`.
    public static func clip(_ message: String, limit: Int = maxMessageCharacters) -> String {
        var needs = message.utf8.count > limit
        if !needs {
            for byte in message.utf8 where byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2 {
                needs = true
                break
            }
        }
        guard needs else { return message }
        var out = ""
        var characters = 0
        var previousWasCR = false
        for scalar in message.unicodeScalars {
            let wasCR = previousWasCR
            previousWasCR = scalar == "\r"
            var piece = scalar
            switch scalar.value {
            case 0x0A where wasCR: continue
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: piece = " "
            default: break
            }
            if characters == limit - 1 {
                // One character left: the last one, or the ellipsis when more follow.
                out.unicodeScalars.append(piece)
                characters += 1
                continue
            }
            if characters >= limit {
                out.unicodeScalars.removeLast()
                return out + "…"
            }
            out.unicodeScalars.append(piece)
            characters += 1
        }
        return out
    }

    /// Input text for a message: one line of at most `limit` characters (see ``clip(_:limit:)``).
    public static func echo(_ text: String, limit: Int = 60) -> String { clip(text, limit: limit) }
}
