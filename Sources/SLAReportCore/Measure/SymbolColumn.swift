/// Symbol ids (`UInt32`), one per row, in 2 bytes a row while every id is below 65,536 — the ids of the
/// values a report repeats (channels, statuses, priorities, agents) are interned with the first records
/// that name them, so they usually are — and widened to 4 bytes for the whole column when one is not.
/// Every id reads back exactly.
public struct SymbolColumn: Sendable {
    private var narrow: [UInt16] = []
    /// Used instead of `narrow` once any id did not fit it.
    private var wide: [UInt32] = []
    public private(set) var isWide = false

    public init() {}

    mutating func reserveCapacity(_ n: Int) {
        if isWide { wide.reserveCapacity(n) } else { narrow.reserveCapacity(n) }
    }

    @inline(__always)
    mutating func append(_ id: UInt32) {
        if isWide {
            wide.append(id)
        } else if let small = UInt16(exactly: id) {
            narrow.append(small)
        } else {
            var w = [UInt32]()
            w.reserveCapacity(Swift.max(narrow.capacity, narrow.count + 1))
            for x in narrow { w.append(UInt32(x)) }
            narrow = []
            w.append(id)
            wide = w
            isWide = true
        }
    }
}

extension SymbolColumn: RandomAccessCollection {
    public typealias Index = Int
    public var startIndex: Int { 0 }
    public var endIndex: Int { isWide ? wide.count : narrow.count }

    @inline(__always)
    public subscript(i: Int) -> UInt32 { isWide ? wide[i] : UInt32(narrow[i]) }
}
