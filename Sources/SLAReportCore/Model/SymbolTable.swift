/// Interns strings so that each distinct value is stored once; index 0 is the empty string.
///
/// Lookup by bytes (``intern(bytes:)``) hashes the raw UTF-8 without building a `String` first, so the
/// CSV reader can intern a field straight from its buffer and allocate only for values never seen before.
public struct SymbolTable: Sendable {
    public private(set) var strings: [String] = [""]
    private var index: [Key: UInt32] = [:]

    public init() {}

    /// The number of symbols, the empty one included.
    public var count: Int { strings.count }

    public subscript(symbol: Symbol) -> String { strings[Int(symbol.raw)] }

    /// The symbol of `string`, adding it when new. The empty string is ``Symbol/none``.
    public mutating func intern(_ string: String) -> Symbol {
        if string.isEmpty { return .none }
        var copy = string
        return copy.withUTF8 { intern(bytes: $0) }
    }

    /// The symbol of the UTF-8 `bytes`, adding them when new. Invalid UTF-8 is repaired (U+FFFD).
    public mutating func intern(bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        if bytes.isEmpty { return .none }
        let key = Key(bytes: bytes)
        if let found = index[key] { return Symbol(raw: found) }
        let id = UInt32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        index[Key(owned: key.bytes)] = id
        return Symbol(raw: id)
    }

    /// The symbol of `string` if it was interned, without adding it.
    public func lookup(_ string: String) -> Symbol? {
        if string.isEmpty { return Symbol.none }
        var copy = string
        return copy.withUTF8 { index[Key(bytes: $0)].map { Symbol(raw: $0) } }
    }

    /// A key that owns its bytes (stored in the table) or borrows them for a lookup.
    private struct Key: Hashable, @unchecked Sendable {
        let bytes: [UInt8]

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = Array(bytes) }
        init(owned: [UInt8]) { self.bytes = owned }
    }
}
