/// An interned string: an index into a ``SymbolTable``.
///
/// Channels, agents, ticket ids and event values repeat millions of times in a large export; storing each
/// once and passing a 4-byte index keeps events compact. ``Symbol/none`` stands for an absent or empty value.
public struct Symbol: Hashable, Comparable, Sendable {
    public var raw: UInt32

    public init(raw: UInt32) { self.raw = raw }

    /// The empty / absent value; always index 0 of every table.
    public static let none = Symbol(raw: 0)

    public var isNone: Bool { raw == 0 }

    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.raw < rhs.raw }
}
