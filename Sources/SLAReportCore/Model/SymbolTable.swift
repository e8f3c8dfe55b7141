import CPrefetch
import Foundation

/// Interns strings so that each distinct value is stored once; index 0 is the empty string.
///
/// The text of every symbol lives in one byte arena (UTF-8, invalid sequences repaired to U+FFFD before
/// storing), found through an open-addressing index of 64-bit slots (32 bits of hash, 32 bits of symbol).
/// Lookup by bytes (``intern(bytes:)``) hashes 8 bytes at a time and compares with the arena, allocating
/// nothing; a `String` is built only when one is asked for (``subscript(_:)``). A symbol costs its bytes
/// plus about 24 bytes of index, instead of a `String` and a dictionary key each.
///
/// The hash seed is random per table, so crafted inputs cannot aim at collisions; symbols are numbered in
/// first-seen order, so nothing observable depends on the seed. Copies share storage until one of them
/// adds a symbol (copy on write).
public struct SymbolTable: @unchecked Sendable {
    private var storage: Storage

    public init() { storage = Storage(byteCapacity: 256, symbolCapacity: 64) }

    /// The number of symbols, the empty one included.
    public var count: Int { storage.count }

    /// The text of `symbol` (a new `String` per call; short ones need no allocation).
    public subscript(symbol: Symbol) -> String {
        String(decoding: bytes(symbol), as: UTF8.self)
    }

    /// The stored UTF-8 of `symbol`; valid while this table (or a copy) is alive and unchanged.
    @inline(__always)
    func bytes(_ symbol: Symbol) -> UnsafeBufferPointer<UInt8> {
        let s = storage
        let i = Int(symbol.raw)
        guard i < s.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = i == 0 ? 0 : s.ends[i - 1]
        return UnsafeBufferPointer(start: s.bytes + start, count: s.ends[i] - start)
    }

    /// Every symbol's text, in symbol order (builds them all: for tests and small tables).
    public var strings: [String] { (0..<count).map { self[Symbol(raw: UInt32($0))] } }

    /// The symbol of `string`, adding it when new. The empty string is ``Symbol/none``.
    public mutating func intern(_ string: String) -> Symbol {
        if string.isEmpty { return .none }
        var copy = string
        return copy.withUTF8 { intern(bytes: $0) }
    }

    /// The symbol of the UTF-8 `bytes`, adding them when new. Invalid UTF-8 is repaired (U+FFFD) first, so
    /// byte strings that repair to the same text share a symbol.
    public mutating func intern(bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        intern(bytes: bytes, hash: nil)
    }

    /// ``intern(bytes:)`` with the bytes' hash when ``prefetch(bytes:)`` has already made it.
    @inline(__always)
    mutating func intern(bytes: UnsafeBufferPointer<UInt8>, hash known: UInt64?) -> Symbol {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .none }
        let hash = known ?? ByteInterner.hash(base, bytes.count, seed: storage.seed)
        if let found = storage.find(base, bytes.count, hash: hash) { return found }
        if !SymbolTable.isASCII(base, bytes.count) {
            let text = String(decoding: bytes, as: UTF8.self)
            if !text.utf8.elementsEqual(bytes) {
                var repaired = text
                return repaired.withUTF8 { intern(bytes: $0) }
            }
        }
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage.insert(base, bytes.count, hash: hash)
    }

    /// Starts loading the index slot where a lookup of `bytes` begins, so that interning them a little
    /// later does not wait for memory: with a million distinct ids the index is far larger than the cache,
    /// and a row's new ticket and new requester would otherwise each wait in turn. Changes nothing; returns
    /// the bytes' hash for ``intern(bytes:hash:)`` on this table (nil for no bytes).
    @inline(__always)
    func prefetch(bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let s = storage
        let hash = ByteInterner.hash(base, bytes.count, seed: s.seed)
        s.prefetch(hash: hash)
        return hash
    }

    /// The symbol of `string` if it was interned, without adding it.
    public func lookup(_ string: String) -> Symbol? {
        if string.isEmpty { return Symbol.none }
        var copy = string
        return copy.withUTF8 { utf8 -> Symbol? in
            guard let base = utf8.baseAddress else { return nil }
            return storage.find(base, utf8.count, hash: ByteInterner.hash(base, utf8.count, seed: storage.seed))
        }
    }

    /// Whether the texts of `a` and `b` are in UTF-8 byte order (`a` before `b`).
    @inline(__always)
    func precedes(_ a: Symbol, _ b: Symbol) -> Bool {
        SymbolTable.compare(bytes(a), bytes(b)) < 0
    }

    /// Three-way comparison of two byte strings in lexicographic byte order.
    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = Int(memcmp(pa, pb, n))
            if c != 0 { return c }
        }
        return a.count - b.count
    }

    /// Whether the `n` bytes at `a` and at `b` are the same, read 8 at a time: the fields compared here
    /// are short (ids, names), where a call to `memcmp` costs more than the comparison.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let ra = UnsafeRawPointer(a)
        let rb = UnsafeRawPointer(b)
        var i = 0
        while i &+ 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            {
                return false
            }
            i &+= 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i &+= 1
        }
        return true
    }

    /// Whether two byte strings are the same (``equal(_:_:_:)`` after their lengths).
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return equal(pa, pb, a.count)
    }

    @inline(__always)
    static func isASCII(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let raw = UnsafeRawPointer(p)
        var i = 0
        var acc: UInt64 = 0
        while i + 8 <= count {
            acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < count {
            acc |= UInt64(p[i])
            i += 1
        }
        return acc & 0x8080_8080_8080_8080 == 0
    }

    /// Adds every symbol of `other` (in its order) and returns, per symbol of `other`, its symbol here.
    /// Merging the tables of consecutive parts of an input numbers symbols exactly as reading it whole would.
    ///
    /// `other` is emptied: its index is freed first (merging reads only its texts) and this table grows once,
    /// so that the two indexes are never held with a regrowing one.
    ///
    /// In three steps: every symbol of `other` is looked up here on all cores (this table is only read);
    /// then, in order, the ones found take their symbol and the others are appended to the arena, numbered
    /// as reading would number them; then the new ones enter the index in the order of their home slots, so
    /// that the writes walk the index forward instead of landing anywhere in it.
    mutating func merge(taking other: inout SymbolTable) -> [Symbol] {
        let found = lookUpForMerge(&other)
        return merge(taking: &other, found: found)
    }

    /// The first step of ``merge(taking:)``, which only reads this table: `other`'s index freed, then every
    /// symbol of `other` after the empty one looked up here on all cores (its hash with this table's seed and
    /// its symbol here, 0 when it has none). The rest of the merge may then run beside other work.
    func lookUpForMerge(_ other: inout SymbolTable) -> [(symbol: UInt32, hash: UInt64)] {
        other.dropIndex()
        return other.count > 1 ? lookUp(other) : []
    }

    /// The rest of ``merge(taking:)``, given `found` from ``lookUpForMerge(_:)`` on the same two tables.
    mutating func merge(taking other: inout SymbolTable, found: [(symbol: UInt32, hash: UInt64)]) -> [Symbol] {
        defer { other = SymbolTable() }
        reserve(symbols: other.count, bytes: other.byteCount)
        var map = [Symbol](repeating: .none, count: other.count)
        guard other.count > 1 else { return map }
        precondition(found.count == other.count - 1, "every symbol of the other table looked up")
        var entries: [UInt64] = []
        entries.reserveCapacity(other.count - 1)
        for i in 1..<other.count {
            let here = found[i - 1]
            if here.symbol != 0 {
                map[i] = Symbol(raw: here.symbol)
            } else {
                let symbol = storage.append(other.bytes(Symbol(raw: UInt32(i))))
                map[i] = Symbol(raw: UInt32(symbol))
                entries.append(here.hash & 0xFFFF_FFFF_0000_0000 | UInt64(symbol))
            }
        }
        storage.place(entries)
        return map
    }

    /// Per symbol of `other` after the empty one: its hash with this table's seed and its symbol here (0
    /// when it has none), looked up in one slice of `other` per core.
    private func lookUp(_ other: SymbolTable) -> [(symbol: UInt32, hash: UInt64)] {
        let n = other.count - 1
        let parts = max(1, min(Parallel.cores(), n / (1 << 15)))
        let table = self
        return Parallel.map(parts) { k -> [(symbol: UInt32, hash: UInt64)] in
            let s = table.storage
            let slice = n * k / parts..<n * (k + 1) / parts
            // Hashed first, so that each lookup's slot is asked for `ahead` lookups before it is read.
            let hashes = slice.map { i -> UInt64 in
                let bytes = other.bytes(Symbol(raw: UInt32(i + 1)))
                guard let base = bytes.baseAddress else { return 0 }
                return ByteInterner.hash(base, bytes.count, seed: s.seed)
            }
            let ahead = 16
            return hashes.indices.map { j in
                if j + ahead < hashes.count { s.prefetch(hash: hashes[j + ahead]) }
                let bytes = other.bytes(Symbol(raw: UInt32(slice.lowerBound + j + 1)))
                guard let base = bytes.baseAddress else { return (0, 0) }
                return (s.find(base, bytes.count, hash: hashes[j])?.raw ?? 0, hashes[j])
            }
        }.flatMap { $0 }
    }

    /// Bytes of text in the arena, the empty symbol's none.
    var byteCount: Int { storage.byteCount }

    /// Frees the index when this table holds its storage alone: it can no longer find a symbol, and only its
    /// texts are read after this (a table about to be merged into another, ``merge(taking:)``; the tables
    /// of a file read in parts are all dropped first, so that the first part's grows once for all of them).
    mutating func dropIndex() {
        if isKnownUniquelyReferenced(&storage) { storage.dropIndex() }
    }

    /// Grows the table once for up to `symbols` more symbols of `bytes` more bytes, so that adding them
    /// never regrows it (regrowing holds the old and the new arrays at once, and copies them).
    mutating func reserve(symbols: Int, bytes: Int) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.reserve(symbols: symbols, bytes: bytes)
    }

    /// The arena, the end offset of every symbol, and the index.
    ///
    /// Its properties are read on every symbol looked up (several times a record), so they are exempt from
    /// the runtime's dynamic exclusivity checks, which a class's `var`s otherwise pay on every access (they
    /// took about a sixth of the CPU of reading a large file). Safe: a storage is only reached through its
    /// ``SymbolTable``, which writes it only when it holds the one reference (copy on write, checked with
    /// `isKnownUniquelyReferenced`) and whose methods never hold an access to one property across a call
    /// that touches it; shared storage is only read.
    private final class Storage {
        @exclusivity(unchecked) var bytes: UnsafeMutablePointer<UInt8>
        @exclusivity(unchecked) var byteCount = 0
        @exclusivity(unchecked) var byteCapacity: Int
        /// `ends[i]`: end offset of symbol `i` in `bytes` (symbol 0 is empty: `ends[0] == 0`).
        @exclusivity(unchecked) var ends: UnsafeMutablePointer<Int>
        @exclusivity(unchecked) var count = 1
        @exclusivity(unchecked) var symbolCapacity: Int
        @exclusivity(unchecked) var slots: UnsafeMutablePointer<UInt64>
        @exclusivity(unchecked) var slotCapacity: Int
        let seed: UInt64

        init(byteCapacity: Int, symbolCapacity: Int, seed: UInt64 = UInt64.random(in: 1...UInt64.max)) {
            self.byteCapacity = max(byteCapacity, 16)
            self.symbolCapacity = max(symbolCapacity, 4)
            bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: self.byteCapacity)
            ends = UnsafeMutablePointer<Int>.allocate(capacity: self.symbolCapacity)
            ends[0] = 0
            var c = 64
            while c < self.symbolCapacity * 2 { c *= 2 }
            slotCapacity = c
            slots = IndexMemory.zeroed(c)
            self.seed = seed
        }

        deinit {
            bytes.deallocate()
            ends.deallocate()
            IndexMemory.release(slots)
        }

        func copy() -> Storage {
            let c = Storage(byteCapacity: byteCapacity, symbolCapacity: symbolCapacity, seed: seed)
            c.bytes.update(from: bytes, count: byteCount)
            c.byteCount = byteCount
            c.ends.update(from: ends, count: count)
            c.count = count
            IndexMemory.release(c.slots)
            c.slots = IndexMemory.copy(slots, count: slotCapacity)
            c.slotCapacity = slotCapacity
            return c
        }

        /// The slot where the probe for a hash (or an index entry, which keeps the hash's upper half) starts.
        @inline(__always)
        static func home(_ hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash >> 32) & mask }

        /// Asks for the cache line of `hash`'s home slot (a hint: nothing is read or written).
        @inline(__always)
        func prefetch(hash: UInt64) { slareport_prefetch(slots + Self.home(hash, mask: slotCapacity - 1)) }

        @inline(__always)
        func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> Symbol? {
            let tag = hash & 0xFFFF_FFFF_0000_0000
            let mask = slotCapacity - 1
            var i = Self.home(hash, mask: mask)
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                if slot & 0xFFFF_FFFF_0000_0000 == tag {
                    let s = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF)
                    let start = ends[s - 1]
                    if ends[s] - start == n && SymbolTable.equal(bytes + start, p, n) { return Symbol(raw: UInt32(s)) }
                }
                i = (i + 1) & mask
            }
        }

        /// Moves the first `count` elements at `pointer` into a new buffer of `capacity` elements.
        private static func move<T>(_ pointer: inout UnsafeMutablePointer<T>, count: Int, capacity: Int) {
            let grown = UnsafeMutablePointer<T>.allocate(capacity: capacity)
            grown.update(from: pointer, count: count)
            pointer.deallocate()
            pointer = grown
        }

        /// Frees the index (the table can no longer find a symbol: only its texts are read after this).
        func dropIndex() {
            IndexMemory.release(slots)
            slotCapacity = 1
            slots = IndexMemory.zeroed(1)
        }

        func reserve(symbols: Int, bytes extra: Int) {
            if byteCount + extra > byteCapacity {
                Self.move(&bytes, count: byteCount, capacity: byteCount + extra)
                byteCapacity = byteCount + extra
            }
            if count + symbols > symbolCapacity {
                Self.move(&ends, count: count, capacity: count + symbols)
                symbolCapacity = count + symbols
            }
            var slots = slotCapacity
            while (count + symbols) * 2 > slots { slots *= 2 }
            if slots > slotCapacity { growIndex(to: slots) }
        }

        func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> Symbol {
            if byteCount + n > byteCapacity {
                var capacity = max(byteCapacity * 2, 16)
                while capacity < byteCount + n { capacity *= 2 }
                Self.move(&bytes, count: byteCount, capacity: capacity)
                byteCapacity = capacity
            }
            if count == symbolCapacity {
                let capacity = max(symbolCapacity * 2, 4)
                Self.move(&ends, count: count, capacity: capacity)
                symbolCapacity = capacity
            }
            let symbol = append(UnsafeBufferPointer(start: p, count: n))
            place(hash & 0xFFFF_FFFF_0000_0000 | UInt64(symbol), in: slots, mask: slotCapacity - 1)
            if count * 2 > slotCapacity { growIndex() }
            return Symbol(raw: UInt32(symbol))
        }

        /// Appends the bytes of a symbol not in the index yet (``insert(_:_:hash:)`` indexes it at once, a
        /// merge with ``place(_:)``); returns its number. The arena and the ends must have room.
        func append(_ text: UnsafeBufferPointer<UInt8>) -> Int {
            precondition(
                byteCount + text.count <= byteCapacity && count < symbolCapacity, "room reserved for the symbol")
            if let p = text.baseAddress { (bytes + byteCount).update(from: p, count: text.count) }
            byteCount += text.count
            ends[count] = byteCount
            count += 1
            return count - 1
        }

        /// Puts `entries` (a hash's upper half and a symbol each) into the index, in the order of their home
        /// slots (a counting sort by the home slot's upper 16 bits first). The index must have room
        /// (``reserve(symbols:bytes:)``).
        func place(_ entries: [UInt64]) {
            precondition(count * 2 <= slotCapacity, "room reserved in the index")
            let mask = slotCapacity - 1
            let shift = max(0, slotCapacity.trailingZeroBitCount - 16)
            @inline(__always) func bucket(_ entry: UInt64) -> Int { Self.home(entry, mask: mask) >> shift }
            var starts = [Int](repeating: 0, count: (mask >> shift) + 2)
            for e in entries { starts[bucket(e) + 1] += 1 }
            for b in 1..<starts.count { starts[b] += starts[b - 1] }
            var ordered = [UInt64](repeating: 0, count: entries.count)
            for e in entries {
                let b = bucket(e)
                ordered[starts[b]] = e
                starts[b] += 1
            }
            for e in ordered { place(e, in: slots, mask: mask) }
        }

        @inline(__always)
        private func place(_ slot: UInt64, in table: UnsafeMutablePointer<UInt64>, mask: Int) {
            var i = Self.home(slot, mask: mask)
            while table[i] != 0 { i = (i + 1) & mask }
            table[i] = slot
        }

        private func growIndex(to capacity: Int? = nil) {
            let capacity = capacity ?? slotCapacity * 2
            let grown = IndexMemory.zeroed(capacity)
            for j in 0..<slotCapacity where slots[j] != 0 { place(slots[j], in: grown, mask: capacity - 1) }
            IndexMemory.release(slots)
            slots = grown
            slotCapacity = capacity
        }
    }
}
