import Testing

@testable import SLAReportCore

private func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Instant {
    Instant(seconds: CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute).utcSeconds)
}

private func span(_ start: Int, _ end: Int) -> MinuteInterval { MinuteInterval(start: start * 60, end: end * 60) }

/// `BusinessCalendar.days(from:to:clock:)`, what `slareport explain` shows day by day: the days add up to
/// `elapsed(from:to:clock:)` on every clock, schedule and zone, and each day says what the schedule makes of it.
@Suite struct BusinessCalendarDaysTests {
    static let weekdays = Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [span(9, 17)]) })

    /// Schedules with what makes days differ: DST changes (Amsterdam, New York, Lord Howe's 30-minute one),
    /// an offset of +05:45, holidays, dated hours and closed dates, night spans across midnight.
    static let schedules: [Schedule] = [
        Schedule(timezone: "UTC", hours: weekdays),
        Schedule(
            timezone: "Europe/Amsterdam", hours: weekdays, holidays: ["2016-03-28", "2016-12-26"],
            dates: ["2016-12-24": [span(9, 13)], "2016-10-31": []]),
        Schedule(
            timezone: "America/New_York",
            hours: [1: [span(8, 20)], 2: [span(8, 20)], 5: [span(22, 26)], 6: [span(0, 4)]],
            holidays: ["2016-11-25"]),
        Schedule(
            timezone: "Asia/Kathmandu", hours: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [span(10, 14)]) })),
        Schedule(timezone: "Australia/Lord_Howe", hours: [3: [span(20, 32)], 4: [span(1, 2)]]),
    ]

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func daysAddUpToElapsedOnEveryClock(seed: UInt64) {
        var rng = TestRandom(seed: seed)
        let year2016 = at(2016, 1, 1).seconds
        for schedule in Self.schedules {
            let calendar = BusinessCalendar(schedule: schedule)
            let zone = ZoneClock(identifier: schedule.timezone) ?? .utc
            for _ in 0..<60 {
                let start = Instant(seconds: year2016 + Int64.random(in: 0..<(366 * 86_400), using: &rng))
                let end = start.adding(seconds: Int64.random(in: 1..<(45 * 86_400), using: &rng))
                for clock in [Clock.businessHours, .businessDays, .calendar] {
                    let days = calendar.days(from: start, to: end, clock: clock)
                    let label = "seed \(seed), \(schedule.timezone), \(clock), \(start) → \(end)"
                    #expect(
                        days.reduce(0) { $0 + $1.counted } == calendar.elapsed(from: start, to: end, clock: clock),
                        "\(label)")
                    #expect(days.first?.day == zone.localDayNumber(start), "\(label)")
                    #expect(days.last?.day == zone.localDayNumber(end.adding(seconds: -1)), "\(label)")
                    #expect(zip(days, days.dropFirst()).allSatisfy { $1.day == $0.day + 1 }, "\(label)")
                    #expect(
                        zip(days, days.dropFirst()).allSatisfy { $0.start.adding(seconds: $0.length) == $1.start },
                        "\(label): each day ends where the next one starts")
                }
            }
        }
    }

    @Test func aDSTChangeMakesA23Or25HourDayAndIsNamed() throws {
        let calendar = BusinessCalendar(schedule: Self.schedules[1])
        // Amsterdam: 2016-03-27 02:00 CET → 03:00 CEST (01:00Z); 2016-10-30 03:00 CEST → 02:00 CET (01:00Z).
        let spring = try #require(
            calendar.days(from: at(2016, 3, 26, 12), to: at(2016, 3, 28, 12), clock: .businessDays).dropFirst().first)
        #expect(spring.date == "2016-03-27")
        #expect(spring.length == 23 * 3600)
        #expect(spring.offsetChanges == [ClockDay.OffsetChange(at: at(2016, 3, 27, 1), from: 3600, to: 7200)])
        #expect(spring.offset == 3600)
        let autumn = try #require(
            calendar.days(from: at(2016, 10, 29, 12), to: at(2016, 10, 31, 12), clock: .businessHours).dropFirst().first
        )
        #expect(autumn.date == "2016-10-30")
        #expect(autumn.length == 25 * 3600)
        #expect(autumn.offsetChanges.map(\.to) == [3600])
        #expect(autumn.kind == .noHours)  // a Sunday
        #expect(autumn.counted == 0)
    }

    @Test func eachDaySaysWhatTheScheduleMakesOfIt() {
        let calendar = BusinessCalendar(schedule: Self.schedules[1])
        // Fri 2016-12-23 … Tue 2016-12-27 in Amsterdam: working, dated 09:00–13:00 (a Saturday with own hours),
        // Sunday, holiday (Monday), working.
        let days = calendar.days(from: at(2016, 12, 23, 8), to: at(2016, 12, 27, 20), clock: .businessHours)
        #expect(days.map(\.kind) == [.working, .dated, .noHours, .holiday, .working])
        #expect(days.map(\.weekdayName) == ["Fri", "Sat", "Sun", "Mon", "Tue"])
        #expect(days.map(\.workingDay) == [true, true, false, false, true])
        #expect(days[1].stretches.map { [$0.start, $0.end] } == [[9 * 3600, 13 * 3600]])
        let hour: Int64 = 3600
        #expect(days.map(\.counted) == [8 * hour, 4 * hour, 0, 0, 8 * hour])
        // Fri from 09:00 CET (08:00Z): the whole span counted; the last day up to 17:00 only.
        let counted = days[0].stretches.first?.counted
        #expect(counted?.start == 9 * hour && counted?.end == 17 * hour)
        let closed = calendar.days(from: at(2016, 10, 31, 8), to: at(2016, 10, 31, 20), clock: .businessHours)
        #expect(closed.map(\.kind) == [.datedClosed])
        #expect(closed.map(\.counted) == [0])
    }

    @Test func aNightSpanCountsOnTheDaysItRunsAndSaysWhereItCameFrom() {
        let calendar = BusinessCalendar(schedule: Schedule(timezone: "UTC", hours: [5: [span(22, 26)]]))
        // Fri 2016-11-18 21:00 → Sat 03:00: Friday 22–24 and Saturday 00–02 (Friday's span).
        let days = calendar.days(from: at(2016, 11, 18, 21), to: at(2016, 11, 19, 3), clock: .businessHours)
        #expect(days.map(\.counted) == [2 * 3600, 2 * 3600])
        #expect(days[0].stretches.map(\.fromDayBefore) == [false])
        #expect(days[1].stretches.map { [$0.start, $0.end] } == [[0, 2 * 3600]])
        #expect(days[1].stretches.map(\.fromDayBefore) == [true])
        #expect(days[1].kind == .noHours)
        #expect(days[1].workingDay == false)
        // A holiday on the Friday cancels the whole span, Saturday's part too.
        let holiday = BusinessCalendar(
            schedule: Schedule(timezone: "UTC", hours: [5: [span(22, 26)]], holidays: ["2016-11-18"]))
        let off = holiday.days(from: at(2016, 11, 18, 21), to: at(2016, 11, 19, 3), clock: .businessHours)
        #expect(off.map(\.kind) == [.holiday, .noHours])
        #expect(off.allSatisfy { $0.stretches.isEmpty && $0.counted == 0 })
    }

    @Test func anEmptySpanHasNoDays() {
        let calendar = BusinessCalendar(schedule: Self.schedules[0])
        #expect(calendar.days(from: at(2016, 11, 18, 9), to: at(2016, 11, 18, 9), clock: .businessHours).isEmpty)
        #expect(calendar.days(from: at(2016, 11, 18, 9), to: at(2016, 11, 17, 9), clock: .businessDays).isEmpty)
    }
}
