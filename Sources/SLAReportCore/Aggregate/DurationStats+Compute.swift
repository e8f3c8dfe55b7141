extension DurationStats {
    /// Nearest-rank percentiles of `values` (SPEC §4): for `n` sorted values, `pN` is the value at 1-based
    /// rank `ceil(N/100 × n)`; `mean` is rounded to the nearest second, halves away from zero.
    ///
    /// Exact, without sorting: the three ranks are found by selection (quickselect, each one inside the part
    /// the one above it left: p95 over all values, p90 below it, p50 below that), O(n) on average, so a
    /// channel of a million first replies costs a few passes instead of a sort. Reorders `values`.
    public static func compute(_ values: inout [Int64]) -> DurationStats {
        guard !values.isEmpty else { return .empty }
        let n = values.count
        func rank(_ p: Int) -> Int { Swift.max(0, (p * n + 99) / 100 - 1) }
        var sum: Int64 = 0
        var largest = Int64.min
        for v in values {
            sum &+= v
            if v > largest { largest = v }
        }
        let (r95, r90, r50) = (rank(95), rank(90), rank(50))
        let (p95, p90, p50) = values.withUnsafeMutableBufferPointer { buffer -> (Int64, Int64, Int64) in
            let p95 = select(buffer, r95, in: 0..<n)
            let p90 = select(buffer, r90, in: 0..<(r95 + 1))
            let p50 = select(buffer, r50, in: 0..<(r90 + 1))
            return (p95, p90, p50)
        }
        let count = Int64(n)
        let mean = sum >= 0 ? (2 * sum + count) / (2 * count) : -((-2 * sum + count) / (2 * count))
        return DurationStats(count: n, p50: p50, p90: p90, p95: p95, max: largest, mean: mean)
    }

    /// Stats of a copy of `values`.
    public static func of(_ values: [Int64]) -> DurationStats {
        var copy = values
        return compute(&copy)
    }

    /// The value of rank `k` (0-based) among `buffer[range]`, which is reordered so that every value before
    /// `k` is at most it and every value after is at least it. Quickselect with a median-of-three pivot and
    /// a three-way partition (runs of equal values, which response times have many of, end at once); small
    /// ranges are sorted.
    static func select(_ buffer: UnsafeMutableBufferPointer<Int64>, _ k: Int, in range: Range<Int>) -> Int64 {
        var lower = range.lowerBound
        var upper = range.upperBound
        while upper - lower > 16 {
            let mid = lower + (upper - lower) / 2
            let (a, b, c) = (buffer[lower], buffer[mid], buffer[upper - 1])
            let pivot = Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
            // Dutch flag: [lower, lt) < pivot, [lt, i) == pivot, (gt, upper) > pivot.
            var lt = lower
            var i = lower
            var gt = upper - 1
            while i <= gt {
                let v = buffer[i]
                if v < pivot {
                    buffer.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if v > pivot {
                    buffer.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if k < lt {
                upper = lt
            } else if k > gt {
                lower = gt + 1
            } else {
                return pivot
            }
        }
        // Insertion sort of the small rest.
        if lower < upper {
            for i in (lower + 1)..<upper {
                let v = buffer[i]
                var j = i
                while j > lower && buffer[j - 1] > v {
                    buffer[j] = buffer[j - 1]
                    j -= 1
                }
                buffer[j] = v
            }
        }
        return buffer[k]
    }
}
