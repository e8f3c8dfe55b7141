/// Small byte-level helpers for field values, shared by the adapters: trimming, case-insensitive matching,
/// integers, messy booleans and ids written as floats.
public enum FieldBytes {
    /// `bytes` without leading and trailing ASCII spaces and tabs.
    @inline(__always)
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return bytes }
        // Most fields have nothing to trim: two bytes looked at, each with one comparison (a space or a tab is
        // at most 0x20; the loops below trim only those two).
        if base[0] > Byte.space && base[bytes.count - 1] > Byte.space { return bytes }
        var start = 0
        var end = bytes.count
        while start < end && (base[start] == Byte.space || base[start] == Byte.tab) { start += 1 }
        while end > start && (base[end - 1] == Byte.space || base[end - 1] == Byte.tab) { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// The index of the first of `words` equal to `bytes` ignoring ASCII case, nil when none is: by length
    /// first, then byte by byte (no `String`: this runs for every status and priority event).
    public static func index(ofIgnoringCase bytes: UnsafeBufferPointer<UInt8>, in words: [StaticString]) -> Int? {
        for (k, word) in words.enumerated() where word.utf8CodeUnitCount == bytes.count {
            let equal = word.withUTF8Buffer { w in
                for i in 0..<w.count where lower(bytes[i]) != lower(w[i]) { return false }
                return true
            }
            if equal { return k }
        }
        return nil
    }

    /// The ASCII lower case of a byte (other bytes unchanged).
    @inline(__always) public static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// Whether any byte is an ASCII capital letter.
    public static func hasUpperASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// A decimal integer with an optional sign (`-12`, `+3`), nil when not exactly that or out of range.
    public static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == Byte.minus || bytes[0] == Byte.plus {
            negative = bytes[0] == Byte.minus
            i = 1
        }
        guard i < bytes.count, bytes.count - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b >= Byte.zero && b <= Byte.nine else { return nil }
            value = value * 10 + Int64(b - Byte.zero)
            i += 1
        }
        return negative ? -value : value
    }

    /// The length of `bytes` once an id written as a float is made whole: `3.0` and `3.000` → `3`; other
    /// values keep their length. Only digits followed by `.` and zeros are shortened (`3.5` stays).
    @inline(__always)
    public static func wholeIdLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // A float-written id has a dot, a digit before it and zeros after: it ends with a zero.
        guard bytes.count >= 3, bytes[bytes.count - 1] == Byte.zero else { return bytes.count }
        guard let dot = bytes.firstIndex(of: Byte.dot), dot > 0, dot + 1 < bytes.count else { return bytes.count }
        for i in 0..<dot {
            let b = bytes[i]
            guard (b >= Byte.zero && b <= Byte.nine) || (i == 0 && b == Byte.minus) else { return bytes.count }
        }
        for i in (dot + 1)..<bytes.count where bytes[i] != Byte.zero { return bytes.count }
        return dot
    }

    /// A messy boolean: `true`/`TRUE`/`True`/`t`/`yes`/`y`/`1` and their false counterparts (`false`, `f`,
    /// `no`, `n`, `0`); nil for anything else, empty included.
    public static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let t = trimmed(bytes)
        if index(ofIgnoringCase: t, in: ["true", "t", "yes", "y", "1", "1.0"]) != nil { return true }
        if index(ofIgnoringCase: t, in: ["false", "f", "no", "n", "0", "0.0"]) != nil { return false }
        return nil
    }

    /// A messy boolean from a string; see ``boolean(_:)-(UnsafeBufferPointer<UInt8>)``.
    public static func boolean(_ string: String) -> Bool? {
        var copy = string
        return copy.withUTF8 { boolean($0) }
    }

    /// `bytes` as text for a message: at most `limit` characters, quoted, with control characters escaped.
    public static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 60) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        var cut = false
        if text.count > limit {
            text = String(text.prefix(limit))
            cut = true
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + (cut ? "…\"" : "\"")
    }
}
