extension DurationStats {
    /// Nearest-rank percentiles of `values` (SPEC §4): for `n` sorted values, `pN` is the value at 1-based
    /// rank `ceil(N/100 × n)`; `mean` is rounded to the nearest second, halves away from zero.
    ///
    /// Exact, without sorting: the three ranks are found by selection (``ranked(_:_:smallest:largest:)``, a
    /// histogram pass and a pass gathering the values of the buckets that hold them), O(n), so a channel of
    /// a million first replies costs a few passes instead of a sort.
    public static func compute(_ values: [Int64]) -> DurationStats {
        guard let first = values.first else { return .empty }
        let n = values.count
        func rank(_ p: Int) -> Int { Swift.max(0, (p * n + 99) / 100 - 1) }
        // The sum in 128 bits (two's complement, `high` and `low` words): no list of durations overflows it.
        var (high, low): (Int64, UInt64) = (0, 0)
        var (smallest, largest) = (first, first)
        for v in values {
            let (sum, carry) = low.addingReportingOverflow(UInt64(bitPattern: v))
            low = sum
            high &+= (v < 0 ? -1 : 0) &+ (carry ? 1 : 0)
            if v > largest { largest = v }
            if v < smallest { smallest = v }
        }
        let found = values.withUnsafeBufferPointer {
            ranked($0, [rank(50), rank(90), rank(95)], smallest: smallest, largest: largest)
        }
        // The mean lies between the smallest and the largest value, so the quotient fits; a remainder of half
        // the count or more rounds it away from zero.
        let count = Int64(n)
        var (mean, remainder) = count.dividingFullWidth((high: high, low: low))
        if remainder.magnitude >= count.magnitude - remainder.magnitude { mean += high < 0 ? -1 : 1 }
        return DurationStats(count: n, p50: found[0], p90: found[1], p95: found[2], max: largest, mean: mean)
    }

    /// The values of ranks `ranks` (0-based, ascending, each below `values.count`) among `values`, all of
    /// them in `smallest...largest`.
    ///
    /// A radix selection: the span `smallest...largest` is cut into at most 2^16 buckets of equal width, one
    /// pass counts the values of each bucket, the counts summed up to a rank name its bucket, and a second
    /// pass gathers the values of the (at most `ranks.count`) buckets named; a bucket's values are narrower
    /// by the bucket count, so the same steps on them end after at most four rounds (64 bits, 16 a round),
    /// or at once when the bucket holds one value however often (ties) or few values (sorted). Two passes
    /// with no data-dependent branch but the bucket test, where a partitioning selection swaps on every
    /// unpredictable comparison.
    static func ranked(_ values: UnsafeBufferPointer<Int64>, _ ranks: [Int], smallest: Int64, largest: Int64)
        -> [Int64]
    {
        let span = UInt64(bitPattern: largest &- smallest)
        if span == 0 { return ranks.map { _ in smallest } }
        if values.count <= 64 {
            let sorted = values.sorted()
            return ranks.map { sorted[$0] }
        }
        // Enough buckets for a few values each, at most 2^16; `shift` maps the span onto them.
        let bucketBits = Swift.min(16, Swift.max(4, Int.bitWidth - values.count.leadingZeroBitCount - 2))
        let spanBits = UInt64.bitWidth - span.leadingZeroBitCount
        let shift = UInt64(Swift.max(0, spanBits - bucketBits))
        @inline(__always) func bucket(_ v: Int64) -> Int {
            Int(truncatingIfNeeded: UInt64(bitPattern: v &- smallest) >> shift)
        }
        var counts = [Int](repeating: 0, count: bucket(largest) + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            for v in values { counts[bucket(v)] += 1 }
        }
        // Per rank: its bucket and its rank among that bucket's values.
        var targets: [(bucket: Int, rank: Int)] = []
        var below = 0
        var b = 0
        for r in ranks {
            while below + counts[b] <= r {
                below += counts[b]
                b += 1
            }
            targets.append((b, r - below))
        }
        var buckets: [Int] = []
        for t in targets where buckets.last != t.bucket { buckets.append(t.bucket) }
        var gathered = buckets.map { k -> [Int64] in
            var values: [Int64] = []
            values.reserveCapacity(counts[k])
            return values
        }
        for v in values {
            let k = bucket(v)
            for j in buckets.indices where buckets[j] == k { gathered[j].append(v) }
        }
        var found: [Int64] = []
        found.reserveCapacity(ranks.count)
        for (j, k) in buckets.enumerated() {
            // The bucket's bounds: its first value, and its last one or `largest` (no overflow either way).
            let low = smallest &+ Int64(bitPattern: UInt64(k) << shift)
            let width = UInt64(1) << shift
            let high = UInt64(bitPattern: largest &- low) < width ? largest : low &+ Int64(bitPattern: width - 1)
            let inner = targets.filter { $0.bucket == k }.map(\.rank)
            found += gathered[j].withUnsafeBufferPointer { ranked($0, inner, smallest: low, largest: high) }
        }
        return found
    }
}
