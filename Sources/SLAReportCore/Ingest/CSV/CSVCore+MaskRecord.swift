import CByteScan

extension CSVCore {
    /// ``plainRecord(_:from:count:separator:separatorWord:limits:into:)`` for a record whose bytes lie in
    /// whole blocks of 64 inside `base[start..<count]`, read off the blocks' stop masks
    /// (``slareport_csv_stops64``) bit by bit: every set bit is a separator, a quote, a line feed or a
    /// carriage return, in order, so a field ends at the next bit and costs a few instructions, instead of a
    /// search from its start into the mask. Gives exactly what `plainRecord` gives, or nil where that would
    /// be nil or where the record runs past the last whole block (near the end of the bytes at hand);
    /// `plainRecord` then reads it. A seeded test compares the two on random records, limits and blocks.
    @inline(__always)
    static func maskRecord(
        _ base: UnsafePointer<UInt8>, from start: Int, count: Int, separator sep: UInt8, limits: Limits,
        into buffers: inout ByteRecord.Buffers
    ) -> (end: Int, afterLoneCR: Bool)? {
        guard start &+ 64 <= count else { return nil }
        buffers.clear()
        buffers.base = base
        // The field offsets are written through local copies of the buffers' pointers and count (stored
        // back on the way out), so that the count stays in a register instead of being stored and the
        // pointers reloaded after every field.
        var fields = buffers.endCount
        var starts = buffers.starts
        var ends = buffers.ends
        var capacity = buffers.fieldCapacity
        defer { buffers.endCount = fields }
        @inline(__always) func addField(from a: Int, to b: Int) {
            if fields == capacity {
                buffers.endCount = fields
                buffers.growFields()
                starts = buffers.starts
                ends = buffers.ends
                capacity = buffers.fieldCapacity
            }
            starts[fields] = a
            ends[fields] = b
            fields &+= 1
        }
        var blockStart = start
        var mask = slareport_csv_stops64(base + start, sep)
        var q = start
        // The next stop at or after the last one taken: its offset, the block loaded on as needed (nil when
        // the next block is not whole inside the bytes).
        @inline(__always) func nextStop() -> Int? {
            while mask == 0 {
                blockStart &+= 64
                guard blockStart &+ 64 <= count else { return nil }
                mask = slareport_csv_stops64(base + blockStart, sep)
            }
            let at = blockStart &+ mask.trailingZeroBitCount
            mask &= mask &- 1
            return at
        }
        while true {
            guard fields < limits.maxFields, let first = nextStop() else { return nil }
            var stop = first
            if first == q && base[q] == Byte.quote {
                // A quoted field: its closing quote is the next quote (separators inside are text); a line
                // break inside, or anything but a separator or a line break right after it, is the machine's.
                var close = q
                while true {
                    guard let r = nextStop() else { return nil }
                    let b = base[r]
                    if b == Byte.quote {
                        close = r
                        break
                    }
                    if b != sep { return nil }
                }
                guard let after = nextStop(), after == close &+ 1 else { return nil }
                addField(from: q &+ 1, to: close)
                stop = after
            } else {
                addField(from: q, to: first)
            }
            if base[stop] == sep {
                q = stop &+ 1
                continue
            }
            return recordEnd(
                base, at: stop, from: start, count: count, limits: limits, starts: starts, ends: ends, fields: fields)
        }
    }
}
