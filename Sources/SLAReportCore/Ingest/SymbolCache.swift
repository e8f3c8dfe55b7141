/// Interning for one column: remembers the last value so that runs of the same bytes (a ticket's rows, a
/// channel) cost one comparison, and otherwise asks the file's ``ByteInterner``. Optionally lower-cases
/// ASCII letters first (channels).
struct SymbolCache {
    private var last: [UInt8] = []
    private var lastSymbol = Symbol.none
    private var valid = false
    private var lowered: [UInt8] = []
    private let lowercase: Bool

    init(lowercase: Bool = false) { self.lowercase = lowercase }

    mutating func intern(
        _ bytes: UnsafeBufferPointer<UInt8>, in symbols: inout SymbolTable, interner: inout ByteInterner
    ) -> Symbol {
        if bytes.isEmpty { return .none }
        if valid && last.count == bytes.count && last.withUnsafeBufferPointer({ Self.equal($0, bytes) }) {
            return lastSymbol
        }
        last.removeAll(keepingCapacity: true)
        last.append(contentsOf: bytes)
        valid = true
        if lowercase && FieldBytes.hasUpperASCII(bytes) {
            lowered.removeAll(keepingCapacity: true)
            for b in bytes { lowered.append(FieldBytes.lower(b)) }
            lastSymbol = lowered.withUnsafeBufferPointer { interner.intern($0, in: &symbols) }
        } else {
            lastSymbol = interner.intern(bytes, in: &symbols)
        }
        return lastSymbol
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return a.count == 0 }
        var i = 0
        while i < a.count {
            if pa[i] != pb[i] { return false }
            i += 1
        }
        return true
    }
}
