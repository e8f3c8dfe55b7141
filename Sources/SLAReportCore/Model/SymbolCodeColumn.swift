/// A column of symbols that take few distinct values (an event's channel and via, a result's channel,
/// status, priority, assignee and first replier): one byte a row, a code into a table of the distinct
/// symbols in first-seen order, widened to the symbols themselves (4 bytes) for the whole column once a
/// 257th distinct symbol arrives. Reads give the symbol's raw id either way; the codes never leave the
/// column.
public struct SymbolCodeColumn: Sendable {
    /// Per row: the code of its symbol (index into ``table``), while the column is narrow.
    private(set) var codes: [UInt8] = []
    /// The distinct symbols, by code.
    private(set) var table: [UInt32] = []
    /// Per row: its symbol, once the column is wide.
    private(set) var wide: [UInt32] = []
    public private(set) var isWide = false
    /// The code of the last symbol coded (most rows repeat the one before).
    private var lastSymbol = UInt32.max
    private var lastCode: UInt8 = 0
    /// Once the table has ``indexedFrom`` symbols: an open-addressing index of ``indexSlots`` slots, each 0
    /// (empty) or a code + 1, so that a column of many distinct symbols (assignees) finds a code without
    /// scanning the table.
    private var index: [UInt16] = []
    private static let indexedFrom = 8
    private static let indexSlots = 512

    public init() {}

    mutating func reserveCapacity(_ n: Int) {
        if isWide { wide.reserveCapacity(n) } else { codes.reserveCapacity(n) }
    }

    /// The raw symbol id of row `i`.
    @inline(__always)
    public subscript(i: Int) -> UInt32 {
        get { isWide ? wide[i] : table[Int(codes[i])] }
        set {
            if isWide {
                wide[i] = newValue
            } else if let code = code(of: newValue) {
                codes[i] = code
            } else {
                widen()
                wide[i] = newValue
            }
        }
    }

    @inline(__always)
    mutating func append(_ symbol: UInt32) {
        if isWide {
            wide.append(symbol)
        } else if let code = code(of: symbol) {
            codes.append(code)
        } else {
            widen()
            wide.append(symbol)
        }
    }

    /// Appends `k` symbols, symbol `j` being `symbol(j)` (which may be called more than once per `j`): the
    /// same column as appending them one by one, with one check of the storage for the batch instead of one
    /// per row.
    @inline(__always)
    mutating func append(count k: Int, _ symbol: (Int) -> UInt32) {
        guard !isWide else {
            wide.append(count: k, symbol)
            return
        }
        var coded = 0
        let old = codes.count
        // The new rows' room is filled outside `self` (coding a symbol may add to the table, part of `self`).
        var room: [UInt8] = []
        swap(&room, &codes)
        room.append(contentsOf: repeatElement(0, count: k))
        room.withUnsafeMutableBufferPointer { room in
            while coded < k, let code = code(of: symbol(coded)) {
                room[old + coded] = code
                coded += 1
            }
        }
        swap(&room, &codes)
        // A 257th distinct symbol: the column widens and takes the rest one by one.
        if coded < k {
            codes.removeLast(k - coded)
            for j in coded..<k { append(symbol(j)) }
        }
    }

    /// The code of `symbol`, added to the table when new; nil when the table is full.
    @inline(__always)
    private mutating func code(of symbol: UInt32) -> UInt8? {
        if symbol == lastSymbol { return lastCode }
        let code: UInt8
        if let k = find(symbol) {
            code = UInt8(truncatingIfNeeded: k)
        } else {
            guard table.count <= Int(UInt8.max) else { return nil }
            code = UInt8(truncatingIfNeeded: table.count)
            table.append(symbol)
            if table.count == Self.indexedFrom {
                index = [UInt16](repeating: 0, count: Self.indexSlots)
                for k in table.indices { place(k) }
            } else if !index.isEmpty {
                place(table.count - 1)
            }
        }
        lastSymbol = symbol
        lastCode = code
        return code
    }

    /// The index slot where the search for `symbol` starts (the top bits of a multiplicative hash).
    @inline(__always)
    private static func slot(_ symbol: UInt32) -> Int {
        Int(truncatingIfNeeded: (symbol &* 0x9E37_79B1) >> 23)
    }

    /// The code of `symbol` in the table, nil when it is not there.
    @inline(__always)
    private func find(_ symbol: UInt32) -> Int? {
        guard !index.isEmpty else { return table.firstIndex(of: symbol) }
        var i = Self.slot(symbol)
        while true {
            let entry = Int(index[i])
            if entry == 0 { return nil }
            if table[entry - 1] == symbol { return entry - 1 }
            i = (i + 1) & (Self.indexSlots - 1)
        }
    }

    /// Enters code `k` in the index (at most 256 codes in 512 slots: there is always an empty one).
    private mutating func place(_ k: Int) {
        var i = Self.slot(table[k])
        while index[i] != 0 { i = (i + 1) & (Self.indexSlots - 1) }
        index[i] = UInt16(k + 1)
    }

    private mutating func widen() {
        guard !isWide else { return }
        var w = [UInt32]()
        w.reserveCapacity(Swift.max(codes.capacity, codes.count + 1))
        table.withUnsafeBufferPointer { t in
            for c in codes { w.append(t[Int(c)]) }
        }
        codes = []
        table = []
        index = []
        wide = w
        isWide = true
    }

    /// Appends `other`'s symbols mapped through `map` (its symbol ids → this log's) and empties it.
    ///
    /// When both columns are narrow and this one's table has room for `other`'s symbols, each of `other`'s
    /// codes is translated once (its table is in first-seen order, so the new symbols get the codes that
    /// appending row by row gives them) and the rows are copied through the translation.
    mutating func append(moving other: inout SymbolCodeColumn, map: [Symbol]) {
        defer { other = SymbolCodeColumn() }
        func mapped(_ s: UInt32) -> UInt32 { Int(s) < map.count ? map[Int(s)].raw : s }
        if other.isWide {
            other.wide.withUnsafeBufferPointer { rows in append(count: rows.count) { mapped(rows[$0]) } }
            return
        }
        let symbols = other.table.map(mapped)
        if !isWide, let translation = translation(of: symbols) {
            other.codes.withUnsafeBufferPointer { rows in
                codes.append(count: rows.count) { translation[Int(rows[$0])] }
            }
            return
        }
        other.codes.withUnsafeBufferPointer { rows in append(count: rows.count) { symbols[Int(rows[$0])] } }
    }

    /// This column's codes for `symbols` (distinct), the new ones added to the table in order; nil, with
    /// the table unchanged, when they do not all fit in it (counted before any is added).
    private mutating func translation(of symbols: [UInt32]) -> [UInt8]? {
        let fresh = symbols.count(where: { find($0) == nil })
        guard table.count + fresh <= Int(UInt8.max) + 1 else { return nil }
        var translation: [UInt8] = []
        translation.reserveCapacity(symbols.count)
        for s in symbols {
            guard let code = code(of: s) else { return nil }
            translation.append(code)
        }
        return translation
    }

    mutating func truncate(to n: Int) {
        guard n < count else { return }
        if isWide { wide.removeSubrange(n...) } else { codes.removeSubrange(n...) }
    }

    @inline(__always)
    public mutating func swapAt(_ i: Int, _ j: Int) {
        if isWide { wide.swapAt(i, j) } else { codes.swapAt(i, j) }
    }

    /// Reorders the column by `order` (`order[j]` = the event that goes to `j`).
    mutating func gather(_ order: UnsafeBufferPointer<UInt32>) {
        if isWide { EventColumns.gather(&wide, by: order) } else { EventColumns.gather(&codes, by: order) }
    }
}

extension SymbolCodeColumn: RandomAccessCollection, MutableCollection {
    public typealias Index = Int
    public var startIndex: Int { 0 }
    public var endIndex: Int { isWide ? wide.count : codes.count }
}

extension SymbolCodeColumn: Equatable {
    /// The same symbols in the same order, however they are stored.
    public static func == (a: SymbolCodeColumn, b: SymbolCodeColumn) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }
}
