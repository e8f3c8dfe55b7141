/// The one normalisation names are compared after (SPEC §4, "Who is who"): letter case, a leading `@`,
/// spaces, dots, dashes and underscores are ignored, so `Ana Souza`, `ana.souza`, `@ana_souza` and
/// `ANA-SOUZA` are one name. A name without any letter (`-1`, `3003`) is an id and compares as written
/// (trimmed), so the Zendesk system user `-1` never matches a user `1`.
///
/// Works on bytes: the key of a symbol is computed from the symbol table's arena without building a
/// `String` (non-ASCII names are lower-cased through `String` once).
enum NameKey {
    /// The key of `bytes` into `out` (emptied first); empty when nothing is left.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return }
        var hasLetter = false
        var ascii = true
        for i in start..<end {
            let b = bytes[i]
            if b >= 0x80 {
                ascii = false
                hasLetter = true
            } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                hasLetter = true
            }
        }
        if !hasLetter {
            for i in start..<end { out.append(bytes[i]) }
            return
        }
        if !ascii {
            let lowered = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                .lowercased()
            var skippedAt = false
            for b in lowered.utf8 {
                if !skippedAt && out.isEmpty && b == UInt8(ascii: "@") {
                    skippedAt = true
                    continue
                }
                if isSeparator(b) { continue }
                out.append(b)
            }
            return
        }
        var i = start
        if bytes[i] == UInt8(ascii: "@") { i += 1 }
        while i < end {
            let b = bytes[i]
            i += 1
            if isSeparator(b) { continue }
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
    }

    /// The key of `text` as a string (for tests and policy names).
    static func key(_ text: String) -> String {
        var copy = text
        var out: [UInt8] = []
        copy.withUTF8 { key($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A 64-bit hash of a key (never 0).
    static func hash(_ key: [UInt8]) -> UInt64 {
        key.withUnsafeBufferPointer { buffer -> UInt64 in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return 1 }
            return ByteInterner.hash(base, buffer.count, seed: 0x5EED_0F_9EA5_0001) | 1
        }
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    @inline(__always)
    private static func isSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x2E || b == 0x2D || b == 0x5F || b == 0x09
    }
}
