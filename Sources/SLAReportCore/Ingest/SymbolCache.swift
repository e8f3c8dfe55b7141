/// Interning for one column: remembers the last symbol so that runs of the same bytes (a ticket's rows, a
/// channel) cost one comparison with the stored text, and otherwise asks the ``SymbolTable``. Optionally
/// lower-cases ASCII letters first (channels).
struct SymbolCache {
    private var lastSymbol = Symbol.none
    private var lowered: [UInt8] = []
    private let lowercase: Bool

    init(lowercase: Bool = false) { self.lowercase = lowercase }

    @inline(__always)
    mutating func intern(
        _ bytes: UnsafeBufferPointer<UInt8>, in symbols: inout SymbolTable, interner: inout ByteInterner
    ) -> Symbol {
        if bytes.isEmpty { return .none }
        // Equal to the last symbol's stored text: the same symbol (for a lower-casing column, equal bytes
        // are already lower case).
        if !lastSymbol.isNone && SymbolTable.equal(symbols.bytes(lastSymbol), bytes) { return lastSymbol }
        if lowercase && FieldBytes.hasUpperASCII(bytes) {
            lowered.removeAll(keepingCapacity: true)
            for b in bytes { lowered.append(FieldBytes.lower(b)) }
            lastSymbol = lowered.withUnsafeBufferPointer { interner.intern($0, in: &symbols) }
        } else {
            lastSymbol = interner.intern(bytes, in: &symbols)
        }
        return lastSymbol
    }
}
