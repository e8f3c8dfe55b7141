extension Array where Element: FixedWidthInteger {
    /// Appends `k` values, value `j` being `value(j)` (called once per `j`, in order): the room is made first,
    /// with one check of the storage for the batch, then filled through a pointer. The columns' batch appends
    /// (``TimeColumn/append(count:_:)``, ``SymbolCodeColumn/append(count:_:)``) are built on it.
    @inline(__always)
    mutating func append(count k: Int, _ value: (Int) -> Element) {
        guard k > 0 else { return }
        let old = count
        append(contentsOf: repeatElement(0, count: k))
        withUnsafeMutableBufferPointer { room in
            for j in 0..<k { room[old + j] = value(j) }
        }
    }
}

extension Array {
    /// Makes `index` a valid index, the elements added `filler` (nothing changes when it is one already): for
    /// the tables kept per symbol id, which grow to the highest id met.
    @inline(__always)
    mutating func pad(toInclude index: Int, with filler: Element) {
        if index >= count { append(contentsOf: repeatElement(filler, count: index + 1 - count)) }
    }
}
