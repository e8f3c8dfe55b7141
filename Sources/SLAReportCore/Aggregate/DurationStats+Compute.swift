extension DurationStats {
    /// Nearest-rank percentiles of `values` (SPEC §4): for `n` sorted values, `pN` is the value at 1-based
    /// rank `ceil(N/100 × n)`; `mean` is rounded to the nearest second, halves away from zero. Sorts `values`.
    public static func compute(_ values: inout [Int64]) -> DurationStats {
        guard !values.isEmpty else { return .empty }
        values.sort()
        let n = values.count
        func rank(_ p: Int) -> Int64 { values[Swift.max(0, (p * n + 99) / 100 - 1)] }
        var sum: Int64 = 0
        for v in values { sum &+= v }
        let count = Int64(n)
        let mean = sum >= 0 ? (2 * sum + count) / (2 * count) : -((-2 * sum + count) / (2 * count))
        return DurationStats(count: n, p50: rank(50), p90: rank(90), p95: rank(95), max: values[n - 1], mean: mean)
    }

    /// Stats of a copy of `values`.
    public static func of(_ values: [Int64]) -> DurationStats {
        var copy = values
        return compute(&copy)
    }
}
