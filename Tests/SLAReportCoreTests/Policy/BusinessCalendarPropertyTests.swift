import Foundation
import Testing

@testable import SLAReportCore

/// Laws that hold for every schedule and every instant, checked on random instants around the DST changes.
@Suite struct BusinessCalendarPropertyTests {
    static let calendars: [BusinessCalendar] = [
        BusinessCalendar(schedule: Policy.builtInDefaultSchedule),
        BusinessCalendar(
            schedule: Schedule(
                timezone: "America/New_York",
                hours: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [MinuteInterval(start: 540, end: 1020)]) }),
                holidays: ["2016-03-14", "2016-11-24", "2016-11-25"])),
        BusinessCalendar(
            schedule: Schedule(
                timezone: "Europe/Amsterdam",
                hours: Dictionary(
                    uniqueKeysWithValues: (1...7).map {
                        ($0, [MinuteInterval(start: 0, end: 150), MinuteInterval(start: 780, end: 1440)])
                    }),
                holidays: ["2016-03-28"])),
        BusinessCalendar(
            schedule: Schedule(
                timezone: "Asia/Jerusalem",
                hours: Dictionary(
                    uniqueKeysWithValues: [7, 1, 2, 3, 4].map { ($0, [MinuteInterval(start: 480, end: 960)]) })
            )),
    ]

    /// Instants spread over 2016-03-01 … 2016-11-30 (both DST changes of every zone above).
    fileprivate static func instant(_ generator: inout TestRandom) -> Instant {
        Instant(seconds: 1_456_790_400 + Int64.random(in: 0..<(275 * 86_400), using: &generator))
    }

    @Test(arguments: [Clock.businessHours, .businessDays])
    func additivity(clock: Clock) {
        var generator = TestRandom(1)
        for calendar in Self.calendars {
            for _ in 0..<250 {
                let points = [Self.instant(&generator), Self.instant(&generator), Self.instant(&generator)].sorted()
                let (a, b, c) = (points[0], points[1], points[2])
                let whole = calendar.elapsed(from: a, to: c, clock: clock)
                let parts =
                    calendar.elapsed(from: a, to: b, clock: clock) + calendar.elapsed(from: b, to: c, clock: clock)
                #expect(whole == parts, "\(calendar.schedule.timezone) \(a) \(b) \(c), \(generator.note)")
                #expect(whole <= c.seconds - a.seconds)
            }
        }
    }

    @Test(arguments: [Clock.businessHours, .businessDays])
    func advanceInvertsElapsed(clock: Clock) {
        var generator = TestRandom(2)
        for calendar in Self.calendars {
            for _ in 0..<250 {
                let a = Self.instant(&generator)
                let x = a.adding(seconds: Int64.random(in: 0..<(20 * 86_400), using: &generator))
                let run = calendar.elapsed(from: a, to: x, clock: clock)
                let back = calendar.advance(from: a, bySeconds: run, clock: clock)
                #expect(back <= x, "\(calendar.schedule.timezone) \(a) \(x), \(generator.note)")
                #expect(calendar.elapsed(from: a, to: back, clock: clock) == run)
                let s = Int64.random(in: 1..<(10 * 86_400), using: &generator)
                let reached = calendar.advance(from: a, bySeconds: s, clock: clock)
                #expect(calendar.elapsed(from: a, to: reached, clock: clock) == s, "\(a) + \(s), \(generator.note)")
                // Earliest: one second earlier the clock shows less.
                #expect(calendar.elapsed(from: a, to: reached.adding(seconds: -1), clock: clock) == s - 1)
            }
        }
    }

    @Test func deadlinesAreEarliestInstants() {
        var generator = TestRandom(3)
        let units: [SLADuration.Unit] = [.businessMinutes, .businessHours, .businessDays]
        for calendar in Self.calendars {
            for _ in 0..<250 {
                let a = Self.instant(&generator)
                let duration = SLADuration(
                    amount: Int.random(in: 1...30, using: &generator),
                    unit: units.randomElement(using: &generator) ?? .businessDays)
                let deadline = calendar.deadline(from: a, adding: duration)
                #expect(deadline > a)
                let run = calendar.elapsed(from: a, to: deadline, clock: duration.clock)
                #expect(
                    calendar.advance(from: a, bySeconds: run, clock: duration.clock) == deadline, "\(a) \(duration)")
                if duration.clock == .businessHours {
                    #expect(run == duration.seconds)
                } else {
                    // Counting whole days: off by at most an hour per DST change crossed.
                    #expect(
                        abs(run - duration.seconds) <= 3600,
                        "\(calendar.schedule.timezone) \(a) \(duration), \(generator.note)")
                }
            }
        }
    }

    @Test func zoneTableMatchesFoundation() throws {
        var generator = TestRandom(4)
        for identifier in ["America/New_York", "Europe/Amsterdam", "Asia/Jerusalem", "Europe/Moscow", "Pacific/Apia"] {
            let clock = try #require(ZoneClock(identifier: identifier))
            let zone = try #require(TimeZone(identifier: identifier))
            for _ in 0..<200 {
                let seconds = Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)
                #expect(
                    clock.offset(at: Instant(seconds: seconds))
                        == zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))),
                    "\(identifier) \(seconds)")
            }
        }
        // The table's edges: a second before and at each New York change of 2016.
        let newYork = try #require(ZoneClock(identifier: "America/New_York"))
        #expect(newYork.offset(at: Instant(seconds: 1_457_852_400 - 1)) == -5 * 3600)  // 2016-03-13 07:00Z
        #expect(newYork.offset(at: Instant(seconds: 1_457_852_400)) == -4 * 3600)
        #expect(newYork.offset(at: Instant(seconds: 1_478_412_000 - 1)) == -4 * 3600)  // 2016-11-06 06:00Z
        #expect(newYork.offset(at: Instant(seconds: 1_478_412_000)) == -5 * 3600)
    }
}
