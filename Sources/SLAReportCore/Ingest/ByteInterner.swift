/// A fast front for ``SymbolTable``: finds the symbol of a byte string by hashing the bytes (8 at a time)
/// and comparing them with the interned text, with no allocation; only a value never seen before goes on to
/// ``SymbolTable/intern(bytes:)``.
///
/// Open addressing over one array of 64-bit slots (the hash's high 32 bits, which also pick the slot, and
/// the 32-bit symbol). The hash seed is
/// random per interner, so crafted inputs cannot aim at collisions; symbols are still numbered in first-seen
/// order, so results do not depend on the seed. Memory: 16 bytes per distinct value at most (load ≤ ½).
/// Values that are not valid UTF-8 (stored repaired, so never equal to their bytes) take the slow path
/// each time and are not cached.
struct ByteInterner {
    /// The slot array; replaced as a whole when it grows (copies of an interner share it, so use one copy).
    private final class Table {
        let slots: UnsafeMutablePointer<UInt64>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            slots = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
            slots.initialize(repeating: 0, count: capacity)
        }

        deinit { slots.deallocate() }
    }

    private var table: Table
    private var used = 0
    private let seed: UInt64

    init(capacity: Int = 1024) {
        var c = 64
        while c < capacity * 2 { c *= 2 }
        table = Table(capacity: c)
        seed = UInt64.random(in: 1...UInt64.max)
    }

    /// The symbol of `bytes`, interning them in `symbols` when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, in symbols: inout SymbolTable) -> Symbol {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .none }
        let hash = ByteInterner.hash(base, bytes.count, seed: seed)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash >> 32)) << 32
        let slots = table.slots
        let mask = table.capacity - 1
        var i = Int(truncatingIfNeeded: hash >> 32) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let symbol = Symbol(raw: UInt32(truncatingIfNeeded: slot))
                if ByteInterner.equal(symbols.strings[Int(symbol.raw)], bytes) { return symbol }
            }
            i = (i + 1) & mask
        }
        let before = symbols.count
        let symbol = symbols.intern(bytes: bytes)
        // A value seen before that did not compare equal was repaired (invalid UTF-8): do not cache it.
        if Int(symbol.raw) < before && !ByteInterner.equal(symbols.strings[Int(symbol.raw)], bytes) { return symbol }
        slots[i] = tag | UInt64(symbol.raw)
        used += 1
        if used * 2 > table.capacity { grow() }
        return symbol
    }

    private mutating func grow() {
        let old = table
        table = Table(capacity: old.capacity * 2)
        let slots = table.slots
        let mask = table.capacity - 1
        for j in 0..<old.capacity where old.slots[j] != 0 {
            let slot = old.slots[j]
            var i = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = string.utf8
        guard utf8.count == bytes.count else { return false }
        if let same = utf8.withContiguousStorageIfAvailable({ stored -> Bool in
            guard let a = stored.baseAddress, let b = bytes.baseAddress else { return stored.isEmpty }
            for k in 0..<stored.count where a[k] != b[k] { return false }
            return true
        }) {
            return same
        }
        return utf8.elementsEqual(bytes)
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
