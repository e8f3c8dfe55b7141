/// Whole seconds (an instant or a duration) or none, one per row: a ``TimeColumn`` (4 bytes a row, widened
/// to 8 for the whole column when a value lies 68 years or more from the first one) and one presence bit a
/// row. Read back, a row gives its value or ``absent`` (`Int64.min`, ``TicketResults/none``).
///
/// An absent row keeps a placeholder in the time column, the column's base (an offset of 0: it never widens
/// the column); absent rows before the first value present keep nothing (``leadingAbsent``).
public struct OptionalTimeColumn: Sendable {
    /// What an absent row reads as.
    public static let absent = Int64.min

    /// The values of the rows from ``leadingAbsent`` on (placeholders where absent).
    private(set) var values = TimeColumn()
    /// Bit `i % 64` of word `i / 64`: row `i` holds a value.
    private var present: [UInt64] = []
    /// Rows before the first value present (none of them in ``values``).
    private var leadingAbsent = 0
    public private(set) var count = 0

    public init() {}

    /// Whether the column is stored as 8-byte values (some value did not fit 4 bytes from the base).
    public var isWide: Bool { values.isWide }

    mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        present.reserveCapacity((n + 63) / 64)
    }

    /// Appends one row. The report appends in batches (``append(count:_:)``); this row-by-row form is the
    /// definition those batches are tested against (`BatchAppendTests`).
    @inline(__always)
    mutating func append(_ seconds: Int64?) {
        if count & 63 == 0 { present.append(0) }
        if let seconds {
            present[count >> 6] |= 1 << UInt64(count & 63)
            if values.count == 0 { leadingAbsent = count }
            values.append(seconds)
        } else if values.count > 0 {
            values.append(values.isWide ? 0 : values.base)
        }
        count += 1
    }

    /// Appends `k` rows, row `j` holding `value(j)` (which may be called more than once per `j`): the same
    /// rows as appending them one by one, with one check of the storage per array for the whole batch.
    @inline(__always)
    mutating func append(count k: Int, _ value: (Int) -> Int64?) {
        guard k > 0 else { return }
        let row = count
        var first: Int?
        present.append(count: (row + k + 63) / 64 - present.count) { _ in 0 }
        present.withUnsafeMutableBufferPointer { bits in
            for j in 0..<k where value(j) != nil {
                if first == nil { first = j }
                bits[(row + j) >> 6] |= 1 << UInt64((row + j) & 63)
            }
        }
        count = row + k
        // Rows before the column's first value keep nothing; absent rows after it keep a placeholder (the
        // column's base: it never widens the column).
        var start = 0
        if values.count == 0 {
            guard let first else { return }
            leadingAbsent = row + first
            start = first
        }
        let placeholder = values.count > 0 ? values.base : value(start) ?? 0
        values.append(count: k - start) { value(start + $0) ?? placeholder }
    }

    /// Row `i`'s value, or ``absent``.
    @inline(__always)
    public subscript(i: Int) -> Int64 {
        guard present[i >> 6] & (1 << UInt64(i & 63)) != 0 else { return Self.absent }
        return values[i - leadingAbsent]
    }

    /// Row `i`'s value, nil when absent.
    @inline(__always)
    public func optional(_ i: Int) -> Int64? {
        let v = self[i]
        return v == Self.absent ? nil : v
    }
}
