/// The byte-level front of ``SymbolTable``: interns a field straight from the reader's buffer.
///
/// The table itself now hashes bytes (8 at a time) into an open-addressing index over its byte arena, so
/// this type only forwards; it stays as the place that holds the hash function and as the adapters' seam.
struct ByteInterner {
    init(capacity: Int = 1024) {}

    /// The symbol of `bytes`, interning them in `symbols` when new.
    @inline(__always)
    mutating func intern(
        _ bytes: UnsafeBufferPointer<UInt8>, in symbols: inout SymbolTable, hash: UInt64? = nil
    ) -> Symbol {
        symbols.intern(bytes: bytes, hash: hash)
    }

    /// A 64-bit hash of `count` bytes, reading 8 at a time: each whole word mixed in turn, then the last
    /// 1–7 bytes as one little-endian word (``tail(_:_:)``), then a final mix. Its values are fixed (the
    /// fingerprints of unread values order equal-time events by them: ``EventColumns/fingerprint(_:)``).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int, seed: UInt64) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h = seed ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
        var i = 0
        while i + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < count {
            h = (h ^ tail(p, count)) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    /// The last `count % 8` bytes (1–7) of the `count` at `p` as a little-endian word, zero above them: the
    /// value a byte-by-byte loop would build, from at most three loads instead of a loop (an 8-byte load
    /// ending at the last byte when there are 8 or more, two overlapping 4-byte loads for 4–7 bytes in all,
    /// the first, middle and last byte for 1–3; a test compares it with the loop for every length).
    @inline(__always)
    static func tail(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        let r = count & 7
        if count >= 8 {
            let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return last >> UInt64(64 - 8 * r)
        }
        if r >= 4 {
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: r - 4, as: UInt32.self)))
            return low | high << UInt64(8 * (r - 4))
        }
        let middle = r >> 1
        return UInt64(p[0]) | UInt64(p[middle]) << UInt64(8 * middle) | UInt64(p[r - 1]) << UInt64(8 * (r - 1))
    }
}
