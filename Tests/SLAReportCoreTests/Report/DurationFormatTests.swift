import Testing

@testable import SLAReportCore

@Suite struct DurationFormatTests {
    @Test(
        arguments: [
            (nil, "—"),
            (0, "0s"),
            (30, "30s"),
            (59, "59s"),
            (60, "1m"),
            (2700, "45m"),
            (2730, "45m 30s"),
            (3600, "1h"),
            (3605, "1h"),
            (3660, "1h 1m"),
            (11_520, "3h 12m"),
            (11_579, "3h 12m"),
            (86_400, "1d"),
            (86_460, "1d"),
            (100_800, "1d 4h"),
            (100_859, "1d 4h"),
            (1_209_600, "14d"),
            (-90, "-1m 30s"),
        ] as [(Int64?, String)])
    func human(seconds: Int64?, expected: String) {
        #expect(DurationFormat.human(seconds) == expected)
    }

    @Test func instants() {
        #expect(DurationFormat.instant(Instant(seconds: 1_479_719_643)) == "2016-11-21 09:14 UTC")
        #expect(DurationFormat.instant(Instant(seconds: 0)) == "1970-01-01 00:00 UTC")
        #expect(DurationFormat.instant(nil) == "—")
    }

    @Test func percents() {
        #expect(DurationFormat.percent(Percent(100, of: 112)) == "89.29%")
        #expect(DurationFormat.percent(Percent(value: 90)) == "90%")
        #expect(DurationFormat.percent(Percent(value: 92.5)) == "92.5%")
        #expect(DurationFormat.percent(Percent(hundredths: 5)) == "0.05%")
        #expect(DurationFormat.percent(Percent(0, of: 3)) == "0%")
        #expect(DurationFormat.percent(nil) == "—")
    }

    @Test func trends() {
        let p = { (h: Int) in Percent(hundredths: h) }
        #expect(DurationFormat.trend(current: p(8929), previous: p(9250)) == "▼ 3.21 pts")
        #expect(DurationFormat.trend(current: p(8000), previous: p(7750)) == "▲ 2.5 pts")
        #expect(DurationFormat.trend(current: p(10000), previous: p(9999)) == "▲ 0.01 pts")
        #expect(DurationFormat.trend(current: p(5000), previous: p(5000)) == "= 0 pts")
        #expect(DurationFormat.trend(current: nil, previous: p(5000)) == "—")
        #expect(DurationFormat.trend(current: p(5000), previous: nil) == "—")
    }
}
