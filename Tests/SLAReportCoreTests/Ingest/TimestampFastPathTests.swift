import Testing

@testable import SLAReportCore

/// The fast path for `YYYY-MM-DDTHH:MM:SSZ` gives the general parser's value or leaves the input to it, on
/// random near-miss inputs (a seeded generator, named on failure) and on the edges.
@Suite struct TimestampFastPathTests {
    private static let zones = [ZoneClock.utc, ZoneClock(identifier: "America/New_York") ?? .utc]

    /// The full parser (fast path first) and the general one alone agree on `text`, in every zone.
    private func agree(_ text: String, _ note: String) {
        var copy = text
        copy.withUTF8 { bytes in
            for zone in Self.zones {
                #expect(
                    Timestamp.parse(bytes, zone: zone) == Timestamp.parseGeneral(bytes, zone: zone),
                    "\(text.debugDescription), \(note)")
            }
        }
    }

    private func fast(_ text: String) -> Int64? {
        var copy = text
        return copy.withUTF8 { Timestamp.utcSecondsFast($0) }
    }

    @Test func edgesAgreeWithTheGeneralParser() {
        let edges = [
            "2016-11-21T09:14:03Z", "0001-01-01T00:00:00Z", "0001-01-01T00:00:01Z", "1900-01-01T00:00:00Z",
            "1900-01-01T00:00:01Z", "0000-00-00T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2016-02-29T12:00:00Z", "2017-02-29T12:00:00Z",
            "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2016-12-31T23:59:60Z", "2016-11-21T24:00:00Z",
            "2016-11-21T23:60:00Z", "2016-13-01T00:00:00Z", "2016-00-10T00:00:00Z", "2016-04-31T00:00:00Z",
            "2016-11-00T00:00:00Z", "2016-11-21t09:14:03Z", "2016-11-21T09:14:03z", "2016-11-21 09:14:03Z",
            "2016-11-21T09:14:03+00", "2016-11-21T09:14Z", " 2016-11-21T09:14:03Z", "2016-11-21T09:14:03Z ",
            "2016/11/21T09:14:03Z", "2016-11-21T09:14:0xZ", "2016-11-21T09:1:03ZZ", "+016-11-21T09:14:03Z",
            "2016-11-21T09:14:03.5Z", "",
        ]
        for text in edges { agree(text, "edge") }
        // The fast path is taken for the ordinary form (so it cannot be dead code that always defers).
        #expect(fast("2016-11-21T09:14:03Z") == 1_479_719_643)
        #expect(fast("9999-12-31T23:59:59Z") == 253_402_300_799)
        #expect(fast("1900-01-01T00:00:00Z") == nil)
        #expect(fast("2016-12-31T23:59:60Z") == nil)
    }

    @Test(arguments: [0, 1, 4, 512])
    func theDaysRememberedChangeNoValue(slots: Int) {
        // One cache over a run of timestamps: mostly the same few days (sentinel days too), then any of some
        // hundred, the time valid or not, the date sometimes broken. Every value must be the one read without
        // a cache: with the last day only (0), and with tables small enough to collide (1, 4) or not (512).
        var random = TestRandom(20_261_202)
        var cache = slots == 0 ? Timestamp.DayCache() : Timestamp.DayCache(slots: slots)
        var hits = 0
        let days =
            ["2016-11-21", "2016-11-22", "1900-01-01", "0001-01-01", "2016-02-30", "2016-1x-21", "0000-01-01"]
            + (1...28).flatMap { d in (1...12).map { m in "2017-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)" } }
        var last = ""
        for _ in 0..<10_000 {
            let day = random.chance(60) && !last.isEmpty ? last : random.pick(days)
            last = day
            let time =
                random.chance(20)
                ? "00:00:00" : random.chance(90) ? "09:14:03" : random.pick(["24:00:00", "23:59:60", "0x:00:00"])
            let text = "\(day)T\(time)Z"
            var copy = text
            let (cached, plain) = copy.withUTF8 {
                (Timestamp.utcSecondsFast($0, days: &cache), Timestamp.utcSecondsFast($0))
            }
            #expect(cached == plain, "\(text), \(slots) slots, \(random.note)")
            if cached != nil { hits += 1 }
        }
        #expect(hits > 1_000, "\(hits) timestamps read, \(random.note)")
    }

    @Test func randomInputsAgreeWithTheGeneralParser() {
        var random = TestRandom(20_261_201)
        var taken = 0
        let digits = Array("0123456789".utf8)
        let others = Array("T Z:-+/.tz9x\u{7F}".utf8)
        for _ in 0..<20_000 {
            // A valid-looking instant with fields in and just out of range…
            let year = random.pick([random.int(0...9999), random.int(1899...1901), random.int(0...2), 2016])
            let month = random.chance(90) ? random.int(1...12) : random.pick([0, 13, 99])
            let day = random.chance(90) ? random.int(1...31) : random.pick([0, 32, 99])
            let hour = random.chance(90) ? random.int(0...23) : random.pick([24, 99])
            let minute = random.chance(90) ? random.int(0...59) : random.pick([60, 99])
            let second = random.chance(90) ? random.int(0...59) : random.pick([60, 61, 99])
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            var bytes = Array(
                "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
                    .utf8)
            // …sometimes with a byte replaced, removed or added.
            if random.chance(25) {
                let i = random.int(0...(bytes.count - 1))
                switch random.int(0...2) {
                case 0: bytes[i] = random.chance(50) ? random.pick(digits) : random.pick(others)
                case 1: bytes.remove(at: i)
                default: bytes.insert(random.pick(others), at: i)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if fast(text) != nil { taken += 1 }
            agree(text, random.note)
        }
        #expect(taken > 6_000, "the fast path took \(taken) of 20,000 inputs, \(random.note)")
    }
}
