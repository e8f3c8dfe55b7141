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

    /// A 64-bit hash of `count` bytes, reading 8 at a time.
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
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                v |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ v) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
