import Testing

@testable import SLAReportCore

/// The percentiles found by selection are exactly the nearest-rank values of the sorted list (SPEC §4), on
/// seeded random lists of every size up to a few hundred, with many ties, negative values and runs.
@Suite struct PercentileSelectionTests {
    /// Nearest rank from a full sort: the definition, written out.
    static func bySorting(_ values: [Int64]) -> DurationStats {
        guard !values.isEmpty else { return .empty }
        let sorted = values.sorted()
        let n = sorted.count
        func rank(_ p: Int) -> Int64 {
            let r = Int((Double(p) / 100 * Double(n)).rounded(.up))
            return sorted[max(r, 1) - 1]
        }
        let sum = sorted.reduce(0, +)
        let mean = Int64((Double(sum) / Double(n)).rounded(.toNearestOrAwayFromZero))
        return DurationStats(count: n, p50: rank(50), p90: rank(90), p95: rank(95), max: sorted.last, mean: mean)
    }

    @Test(arguments: [UInt64(1), 7, 42, 2016])
    func selectionEqualsTheSortedDefinition(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for n in 0..<400 {
            let spread = [2, 10, 1000, 1 << 40][Int(random.next() % 4)]
            var values = (0..<n).map { _ in Int64(random.next() % UInt64(spread)) - Int64(spread / 4) }
            if n % 7 == 0 { values.sort() }
            if n % 11 == 0 { values.reverse() }
            let expected = Self.bySorting(values)
            #expect(DurationStats.compute(values) == expected, "seed \(seed), n \(n)")
        }
    }

    /// Lists long enough for the buckets to be gathered and cut again: wide spans with a far outlier (one
    /// bucket holds nearly everything), the ends of `Int64`, a few values repeated, clustered values, sorted.
    @Test(arguments: [UInt64(3), 2026])
    func longListsEqualTheSortedDefinition(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for n in [65, 100, 1000, 4097, 70_000] {
            for shape in 0..<6 {
                var values: [Int64] = (0..<n).map { _ in
                    let r = random.next()
                    switch shape {
                    case 0: return Int64(r % 86_400)
                    case 1: return Int64(bitPattern: r)
                    case 2: return Int64(r % 3) * 1_000_000_007
                    case 3: return 1_000_000 + Int64(r % 50)
                    case 4: return Int64(r % 600) - 300
                    default: return Int64(r % (1 << 20))
                    }
                }
                if shape == 0 { values[Int(random.next() % UInt64(n))] = Int64.max }
                if shape == 3 { values[0] = Int64.min }
                // The selection itself on the whole range of Int64 (the bucket arithmetic must not overflow).
                let sorted = values.sorted()
                let ranks = [0, n / 3, n / 2, n - 2, n - 1]
                let found = values.withUnsafeBufferPointer {
                    DurationStats.ranked($0, ranks, smallest: sorted[0], largest: sorted[n - 1])
                }
                #expect(found == ranks.map { sorted[$0] }, "seed \(seed), n \(n), shape \(shape)")
                // compute() on lists whose sum fits: the extremes replaced by far but summable outliers.
                values = values.map { Swift.min(Swift.max($0, -(1 << 40)), 1 << 40) }
                if shape == 5 { values.sort() }
                let expected = Self.bySorting(values)
                #expect(DurationStats.compute(values) == expected, "seed \(seed), n \(n), shape \(shape)")
            }
        }
    }

    /// The mean of values whose sum does not fit 64 bits: rounded to the nearest, halves away from zero.
    @Test func theMeanOfHugeValuesDoesNotOverflow() {
        let big = Int64.max
        var values = [big, big, big - 2]
        #expect(DurationStats.compute(values).mean == big - 1)
        values = [Int64.min, Int64.min, Int64.min + 1]
        #expect(DurationStats.compute(values).mean == Int64.min)
        values = [Int64.min, Int64.max]
        #expect(DurationStats.compute(values).mean == -1, "-0.5 rounds away from zero")
        values = [-3, -2]
        #expect(DurationStats.compute(values).mean == -3)
        values = [2, 3]
        #expect(DurationStats.compute(values).mean == 3)
        values = [1, 2, 2]
        #expect(DurationStats.compute(values).mean == 2, "1.67 rounds to 2")
        values = [Int64](repeating: big / 2, count: 7)
        #expect(DurationStats.compute(values).mean == big / 2)
    }

    @Test func aMillionTimesOneValue() {
        var values = [Int64](repeating: 3600, count: 1_000_000)
        values[999_999] = 7200
        let stats = DurationStats.compute(values)
        #expect(stats.p50 == 3600 && stats.p90 == 3600 && stats.p95 == 3600 && stats.max == 7200)
    }
}
