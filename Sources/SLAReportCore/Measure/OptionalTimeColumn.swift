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

    /// Appends `batch` in order, ``absent`` meaning no value: the same rows as appending them one by one
    /// (a value equal to ``absent`` reads back as absent either way), with one check of the storage per
    /// array for the whole batch.
    mutating func append(contentsOf batch: UnsafeBufferPointer<Int64>) {
        guard !batch.isEmpty else { return }
        let row = count
        let words = (row + batch.count + 63) / 64 - present.count
        present.append(contentsOf: repeatElement(0, count: words))
        present.withUnsafeMutableBufferPointer { bits in
            for j in batch.indices where batch[j] != Self.absent {
                let r = row + j
                bits[r >> 6] |= 1 << UInt64(r & 63)
            }
        }
        count = row + batch.count
        // Rows before the column's first value keep nothing; absent rows after it keep a placeholder (the
        // column's base: it never widens the column).
        var rows = batch
        if values.count == 0 {
            guard let first = batch.firstIndex(where: { $0 != Self.absent }) else { return }
            leadingAbsent = row + first
            rows = UnsafeBufferPointer(rebasing: batch[first...])
        }
        values.append(contentsOf: rows, absentAs: values.count > 0 ? values.base : rows[0])
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
