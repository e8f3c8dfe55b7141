/// Interning for one column: remembers the last symbol so that runs of the same bytes (a ticket's rows, a
/// channel) cost one comparison — with the last bytes' ``ShortBytes`` when they are short, with the symbol's
/// stored text otherwise — and otherwise asks the ``SymbolTable``. Optionally lower-cases ASCII letters first
/// (channels).
struct SymbolCache {
    private var lastSymbol = Symbol.none
    /// The bytes ``lastSymbol`` was last found for, when at most 16 (equal bytes give the same symbol).
    private var lastKey = ShortBytes.none
    private var lowered: [UInt8] = []
    private let lowercase: Bool

    init(lowercase: Bool = false) { self.lowercase = lowercase }

    /// What ``prefetch(_:in:)`` made of a field for ``intern(_:in:interner:lookahead:)``: its short key (so that
    /// it is made once) and, when the last bytes will not answer, its hash.
    struct Lookahead {
        let key: ShortBytes?
        let hash: UInt64?
    }

    /// Starts loading what interning `bytes` will read when the last bytes will not answer it
    /// (``SymbolTable/prefetch(bytes:)``), for a row's columns before any of them is interned; returns what
    /// to pass to ``intern(_:in:interner:lookahead:)`` with the same table, before this cache interns anything
    /// else (the hash is nil when none was made).
    @inline(__always)
    func prefetch(_ bytes: UnsafeBufferPointer<UInt8>, in symbols: SymbolTable) -> Lookahead {
        let key = ShortBytes(bytes)
        if bytes.isEmpty || lowercase { return Lookahead(key: key, hash: nil) }
        if let key, key == lastKey { return Lookahead(key: key, hash: nil) }
        return Lookahead(key: key, hash: symbols.prefetch(bytes: bytes))
    }

    /// The symbol of `bytes`; `hash`, when given, is theirs from ``SymbolTable/prefetch(bytes:)`` on `symbols`.
    /// The short bytes equal to the last ones (most rows' ticket, channel and via) are answered inline; the
    /// rest is one call (``lookUp(_:key:in:interner:hash:)``), so that the answers from the last bytes do not
    /// pay for saving the registers the table's lookup needs.
    @inline(__always)
    mutating func intern(
        _ bytes: UnsafeBufferPointer<UInt8>, in symbols: inout SymbolTable, interner: inout ByteInterner,
        hash: UInt64? = nil
    ) -> Symbol {
        intern(bytes, in: &symbols, interner: &interner, lookahead: Lookahead(key: ShortBytes(bytes), hash: hash))
    }

    /// ``intern(_:in:interner:hash:)`` with what ``prefetch(_:in:)`` made of the same bytes.
    @inline(__always)
    mutating func intern(
        _ bytes: UnsafeBufferPointer<UInt8>, in symbols: inout SymbolTable, interner: inout ByteInterner,
        lookahead: Lookahead
    ) -> Symbol {
        if bytes.isEmpty { return .none }
        if let key = lookahead.key, key == lastKey { return lastSymbol }
        return lookUp(bytes, key: lookahead.key, in: &symbols, interner: &interner, hash: lookahead.hash)
    }

    /// ``intern(_:in:interner:hash:)`` when the bytes are long or not the last short ones.
    @inline(never)
    private mutating func lookUp(
        _ bytes: UnsafeBufferPointer<UInt8>, key: ShortBytes?, in symbols: inout SymbolTable,
        interner: inout ByteInterner, hash: UInt64?
    ) -> Symbol {
        if key == nil && !lastSymbol.isNone && SymbolTable.equal(symbols.bytes(lastSymbol), bytes) {
            // Equal to the last symbol's stored text: the same symbol (for a lower-casing column, equal bytes
            // are already lower case).
            return lastSymbol
        }
        lastKey = key ?? .none
        if lowercase && FieldBytes.hasUpperASCII(bytes) {
            lowered.removeAll(keepingCapacity: true)
            for b in bytes { lowered.append(FieldBytes.lower(b)) }
            lastSymbol = lowered.withUnsafeBufferPointer { interner.intern($0, in: &symbols) }
        } else {
            lastSymbol = interner.intern(bytes, in: &symbols, hash: hash)
        }
        return lastSymbol
    }
}
