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
            #expect(DurationStats.compute(&values) == expected, "seed \(seed), n \(n)")
        }
    }

    @Test func aMillionTimesOneValue() {
        var values = [Int64](repeating: 3600, count: 1_000_000)
        values[999_999] = 7200
        let stats = DurationStats.compute(&values)
        #expect(stats.p50 == 3600 && stats.p90 == 3600 && stats.p95 == 3600 && stats.max == 7200)
    }
}
