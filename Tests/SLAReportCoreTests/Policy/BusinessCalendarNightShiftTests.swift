import Testing

@testable import SLAReportCore

/// The instant of a UTC ("Zulu") wall-clock time.
private func zulu(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Instant {
    Instant(seconds: CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute).utcSeconds)
}

private func span(_ start: Int, _ end: Int) -> MinuteInterval {
    MinuteInterval(start: start * 60, end: end * 60)
}

private func businessHours(_ n: Int) -> SLADuration { SLADuration(amount: n, unit: .businessHours) }

/// Hand-computed cases at the seams of night spans, spans ending at 24:00, dated hours and holidays, in UTC and
/// across DST changes. Instants are written in UTC with the local time in the comment (EST = UTC−5,
/// EDT = UTC−4, CET = UTC+1, CEST = UTC+2). 2016-11-18 is a Friday.
@Suite struct BusinessCalendarNightShiftTests {
    static let hour: Int64 = 3600

    static func calendar(
        _ zone: String, _ hours: [Int: [MinuteInterval]], holidays: [String] = [],
        dates: [String: [MinuteInterval]] = [:]
    ) -> BusinessCalendar {
        BusinessCalendar(schedule: Schedule(timezone: zone, hours: hours, holidays: holidays, dates: dates))
    }

    /// A calendar in UTC.
    static func calendar(
        _ hours: [Int: [MinuteInterval]], holidays: [String] = [], dates: [String: [MinuteInterval]] = [:]
    ) -> BusinessCalendar {
        calendar("UTC", hours, holidays: holidays, dates: dates)
    }

    static let weekdays = Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [span(9, 17)]) })

    @Test func fridayNightShiftRunsIntoSaturday() {
        let calendar = Self.calendar([5: [span(22, 26)]])  // fri 22:00-02:00
        // Fri 21:00 → Sat 03:00: Fri 22–24 and Sat 00–02.
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 18, 21), to: zulu(2016, 11, 19, 3), clock: .businessHours) == 4
                * Self.hour)
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 19, 1), to: zulu(2016, 11, 19, 3), clock: .businessHours) == Self.hour
        )
        // Fri 23:00 + 2 h = Sat 01:00; + 3 h ends with the span, Sat 02:00; + 4 h = next Fri 23:00.
        #expect(calendar.deadline(from: zulu(2016, 11, 18, 23), adding: businessHours(2)) == zulu(2016, 11, 19, 1))
        #expect(calendar.deadline(from: zulu(2016, 11, 18, 23), adding: businessHours(3)) == zulu(2016, 11, 19, 2))
        #expect(calendar.deadline(from: zulu(2016, 11, 18, 23), adding: businessHours(4)) == zulu(2016, 11, 25, 23))
        // From Saturday morning inside the span: 1 h left, then next Friday 22:00.
        #expect(calendar.deadline(from: zulu(2016, 11, 19, 1), adding: businessHours(2)) == zulu(2016, 11, 25, 23))
        // A week of the clock is one night: 4 h.
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 14), to: zulu(2016, 11, 21), clock: .businessHours) == 4 * Self.hour)
        // Friday is the working day, Saturday is not (its morning belongs to Friday's span).
        let friday = CivilDateTime.days(year: 2016, month: 11, day: 18)
        #expect(calendar.isWorkingDay(friday))
        #expect(!calendar.isWorkingDay(friday + 1))
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 18), to: zulu(2016, 11, 20), clock: .businessDays) == 24 * Self.hour)
        // 1 business day from Fri 23:00 = the same wall time on the next working day: Fri 2016-11-25 23:00.
        #expect(
            calendar.deadline(from: zulu(2016, 11, 18, 23), adding: SLADuration(amount: 1, unit: .businessDays))
                == zulu(2016, 11, 25, 23))
    }

    @Test func aDayOffCancelsTheWholeNightSpan() {
        let night = [5: [span(22, 26)]]
        // A holiday on Friday cancels Friday 22:00 to Saturday 02:00.
        let fridayOff = Self.calendar(night, holidays: ["2016-11-18"])
        #expect(fridayOff.elapsed(from: zulu(2016, 11, 18, 21), to: zulu(2016, 11, 19, 3), clock: .businessHours) == 0)
        #expect(fridayOff.deadline(from: zulu(2016, 11, 18, 23), adding: businessHours(1)) == zulu(2016, 11, 25, 23))
        // A holiday on Saturday cancels none of it.
        let saturdayOff = Self.calendar(night, holidays: ["2016-11-19"])
        #expect(
            saturdayOff.elapsed(from: zulu(2016, 11, 18, 21), to: zulu(2016, 11, 19, 3), clock: .businessHours)
                == 4 * Self.hour)
        // A closed date works the same way as a holiday.
        let closed = Self.calendar(night, dates: ["2016-11-18": []])
        #expect(closed.elapsed(from: zulu(2016, 11, 18, 21), to: zulu(2016, 11, 19, 3), clock: .businessHours) == 0)
        #expect(!closed.isWorkingDay(CivilDateTime.days(year: 2016, month: 11, day: 18)))
    }

    @Test func aHolidayBeforeANightShift() {
        // Thursday and Friday nights, 22:00-02:00.
        let nights = [4: [span(22, 26)], 5: [span(22, 26)]]
        let (thursday2000, saturday0400) = (zulu(2016, 11, 17, 20), zulu(2016, 11, 19, 4))
        // Thursday 2016-11-17 off: only Friday's night runs (Thu 22–Fri 02 is cancelled, Fri's morning too).
        let thursdayOff = Self.calendar(nights, holidays: ["2016-11-17"])
        #expect(thursdayOff.elapsed(from: thursday2000, to: saturday0400, clock: .businessHours) == 4 * Self.hour)
        #expect(thursdayOff.elapsed(from: zulu(2016, 11, 18), to: zulu(2016, 11, 18, 2), clock: .businessHours) == 0)
        // Thu 20:00 + 1 h: Thursday's night is gone, Friday 22:00 + 1 h = Fri 23:00.
        #expect(thursdayOff.deadline(from: thursday2000, adding: businessHours(1)) == zulu(2016, 11, 18, 23))
        // Friday off: Thursday's night still runs into Friday morning; Friday's own is cancelled.
        let fridayOff = Self.calendar(nights, holidays: ["2016-11-18"])
        #expect(fridayOff.elapsed(from: thursday2000, to: saturday0400, clock: .businessHours) == 4 * Self.hour)
        #expect(
            fridayOff.elapsed(from: zulu(2016, 11, 18), to: zulu(2016, 11, 18, 2), clock: .businessHours)
                == 2 * Self.hour)
        // Thu 23:00 + 3 h: Thu 23–24, Fri 00–02 on the holiday: Fri 02:00.
        #expect(fridayOff.deadline(from: zulu(2016, 11, 17, 23), adding: businessHours(3)) == zulu(2016, 11, 18, 2))
        // With no holiday both nights run: 8 h.
        let none = Self.calendar(nights)
        #expect(none.elapsed(from: thursday2000, to: saturday0400, clock: .businessHours) == 8 * Self.hour)
    }

    @Test func aSpanEndingAt2400() {
        let evening = Self.calendar([6: [span(16, 24)]])  // sat 16:00-24:00
        // Sat 16:00 + 8 h = Sun 00:00 (the end of the span); + 9 h = next Sat 17:00.
        #expect(evening.deadline(from: zulu(2016, 11, 19, 16), adding: businessHours(8)) == zulu(2016, 11, 20))
        #expect(evening.deadline(from: zulu(2016, 11, 19, 16), adding: businessHours(9)) == zulu(2016, 11, 26, 17))
        #expect(
            evening.elapsed(from: zulu(2016, 11, 19, 23), to: zulu(2016, 11, 20, 1), clock: .businessHours) == Self.hour
        )
        // Followed by Sunday 00:00-04:00: one stretch across midnight.
        let through = Self.calendar([6: [span(16, 24)], 7: [span(0, 4)]])
        #expect(through.deadline(from: zulu(2016, 11, 19, 16), adding: businessHours(10)) == zulu(2016, 11, 20, 2))
        #expect(
            through.elapsed(from: zulu(2016, 11, 19, 20), to: zulu(2016, 11, 20, 3), clock: .businessHours)
                == 7 * Self.hour)
        // A whole day 00:00-24:00 counts the real length of a DST day: Sun 2016-03-13 in New York is 23 h.
        let allSunday = Self.calendar("America/New_York", [7: [span(0, 24)]])
        #expect(
            allSunday.elapsed(from: zulu(2016, 3, 13, 5), to: zulu(2016, 3, 14, 4), clock: .businessHours)
                == 23 * Self.hour)
        // Sun 00:00 EST + 23 business hours ends at Sunday's 24:00 = Mon 00:00 EDT (04:00Z).
        #expect(allSunday.deadline(from: zulu(2016, 3, 13, 5), adding: businessHours(23)) == zulu(2016, 3, 14, 4))
    }

    @Test func nightSpanAcrossSpringForward() {
        // New York, Saturday 22:00-06:00; 2016-03-13 02:00 EST becomes 03:00 EDT (07:00Z).
        let calendar = Self.calendar("America/New_York", [6: [span(22, 30)]])
        let start = zulu(2016, 3, 13, 3)  // Sat 2016-03-12 22:00 EST
        let end = zulu(2016, 3, 13, 10)  // Sun 06:00 EDT
        // 22:00–02:00 EST (4 h) and 03:00–06:00 EDT (3 h): the skipped hour does not run.
        #expect(calendar.elapsed(from: start, to: end, clock: .businessHours) == 7 * Self.hour)
        #expect(
            calendar.elapsed(from: zulu(2016, 3, 12), to: zulu(2016, 3, 14), clock: .businessHours) == 7 * Self.hour)
        #expect(calendar.deadline(from: start, adding: businessHours(2)) == zulu(2016, 3, 13, 5))  // Sun 00:00 EST
        #expect(calendar.deadline(from: start, adding: businessHours(4)) == zulu(2016, 3, 13, 7))  // 03:00 EDT
        #expect(calendar.deadline(from: start, adding: businessHours(5)) == zulu(2016, 3, 13, 8))  // 04:00 EDT
        #expect(calendar.deadline(from: start, adding: businessHours(7)) == end)
        // One more hour: next Saturday 22:00 EDT (2016-03-20 02:00Z) + 1 h.
        #expect(calendar.deadline(from: start, adding: businessHours(8)) == zulu(2016, 3, 20, 3))
        // Amsterdam, the same night on 2016-03-27 (02:00 CET becomes 03:00 CEST at 01:00Z): 7 h.
        let amsterdam = Self.calendar("Europe/Amsterdam", [6: [span(22, 30)]])
        #expect(
            amsterdam.elapsed(from: zulu(2016, 3, 26, 21), to: zulu(2016, 3, 27, 4), clock: .businessHours)
                == 7 * Self.hour)
    }

    @Test func nightSpanAcrossFallBack() {
        // New York, Saturday 22:00-06:00; 2016-11-06 02:00 EDT becomes 01:00 EST (06:00Z).
        let calendar = Self.calendar("America/New_York", [6: [span(22, 30)]])
        let start = zulu(2016, 11, 6, 2)  // Sat 2016-11-05 22:00 EDT
        let end = zulu(2016, 11, 6, 11)  // Sun 06:00 EST
        // 22:00–02:00 EDT (4 h) and 01:00–06:00 EST (5 h): the repeated hour runs twice.
        #expect(calendar.elapsed(from: start, to: end, clock: .businessHours) == 9 * Self.hour)
        #expect(calendar.deadline(from: start, adding: businessHours(9)) == end)
        #expect(calendar.deadline(from: start, adding: businessHours(5)) == zulu(2016, 11, 6, 7))  // 02:00 EST
        // Next Saturday 22:00 EST is 2016-11-13 03:00Z: + 10 h lands an hour after it.
        #expect(calendar.deadline(from: start, adding: businessHours(10)) == zulu(2016, 11, 13, 4))
        // The business-days clock: Saturday (24 h) is a working day, Sunday (25 h, the span's morning) is not.
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 5, 4), to: zulu(2016, 11, 6, 4), clock: .businessDays)
                == 24 * Self.hour)
        #expect(calendar.elapsed(from: zulu(2016, 11, 6, 4), to: zulu(2016, 11, 7, 5), clock: .businessDays) == 0)
    }

    @Test func aDateOverrideOnADSTDay() {
        // New York weekdays 09:00-17:00; Sunday 2016-03-13 (spring forward) gets 00:00-05:00.
        let spring = Self.calendar("America/New_York", Self.weekdays, dates: ["2016-03-13": [span(0, 5)]])
        // 00:00–02:00 EST (05:00Z–07:00Z) and 03:00–05:00 EDT (07:00Z–09:00Z): 4 h.
        #expect(
            spring.elapsed(from: zulu(2016, 3, 13, 5), to: zulu(2016, 3, 14, 4), clock: .businessHours) == 4 * Self.hour
        )
        #expect(spring.deadline(from: zulu(2016, 3, 12, 12), adding: businessHours(3)) == zulu(2016, 3, 13, 8))
        // The dated Sunday is a working day of 23 hours.
        #expect(spring.isWorkingDay(CivilDateTime.days(year: 2016, month: 3, day: 13)))
        #expect(
            spring.elapsed(from: zulu(2016, 3, 13, 5), to: zulu(2016, 3, 14, 4), clock: .businessDays)
                == 23 * Self.hour)
        // Sunday 2016-11-06 (fall back) gets 00:00-05:00: 00:00–02:00 EDT (04:00Z–06:00Z) and 01:00–05:00 EST
        // (06:00Z–10:00Z): 6 h.
        let fall = Self.calendar("America/New_York", Self.weekdays, dates: ["2016-11-06": [span(0, 5)]])
        #expect(
            fall.elapsed(from: zulu(2016, 11, 6, 4), to: zulu(2016, 11, 7, 5), clock: .businessHours) == 6 * Self.hour)
        // Sun 00:00 EDT + 5 h: 2 h before the change, 3 h after it: 04:00 EST (09:00Z).
        #expect(fall.deadline(from: zulu(2016, 11, 6, 4), adding: businessHours(5)) == zulu(2016, 11, 6, 9))
        #expect(
            fall.elapsed(from: zulu(2016, 11, 6, 4), to: zulu(2016, 11, 7, 5), clock: .businessDays) == 25 * Self.hour)
        // 1 business day from Sat 12:00 EDT (16:00Z): Saturday does not work, so the clock runs through the
        // dated Sunday and ends at its midnight, Mon 00:00 EST (05:00Z).
        #expect(
            fall.deadline(from: zulu(2016, 11, 5, 16), adding: SLADuration(amount: 1, unit: .businessDays))
                == zulu(2016, 11, 7, 5))
    }

    @Test func aHalfDayAndAClosedDate() {
        // UTC weekdays 09:00-17:00; Friday 2016-12-23 09:00-13:00; Monday 2016-12-26 closed.
        let calendar = Self.calendar(
            Self.weekdays, dates: ["2016-12-23": [span(9, 13)], "2016-12-26": []])
        // Thu 13:00 + 8 h: Thu 13–17, Fri 09–13 = Fri 13:00; + 9 h: Monday is closed, Tue 10:00.
        #expect(calendar.deadline(from: zulu(2016, 12, 22, 13), adding: businessHours(8)) == zulu(2016, 12, 23, 13))
        #expect(calendar.deadline(from: zulu(2016, 12, 22, 13), adding: businessHours(9)) == zulu(2016, 12, 27, 10))
        #expect(
            calendar.elapsed(from: zulu(2016, 12, 19), to: zulu(2016, 12, 26), clock: .businessHours) == 36 * Self.hour)
        #expect(
            calendar.elapsed(from: zulu(2016, 12, 19), to: zulu(2016, 12, 31), clock: .businessDays)
                == 9 * 24 * Self.hour)
        #expect(!calendar.isWorkingDay(CivilDateTime.days(year: 2016, month: 12, day: 26)))
        // 1 business day from Fri 2016-12-23 10:00 skips the closed Monday: Tue 10:00.
        #expect(
            calendar.deadline(from: zulu(2016, 12, 23, 10), adding: SLADuration(amount: 1, unit: .businessDays))
                == zulu(2016, 12, 27, 10))
    }

    @Test func aDatedNightWinsOverTheHolidayAndIgnoresTheNextDaysHoliday() {
        // Saturday 2016-12-24 is on the holiday list, but its own hours win: 22:00-03:00 into Christmas Day,
        // itself a holiday, which does not cancel the span's morning.
        let calendar = Self.calendar(
            Self.weekdays, holidays: ["2016-12-24", "2016-12-25"], dates: ["2016-12-24": [span(22, 27)]])
        #expect(
            calendar.elapsed(from: zulu(2016, 12, 24, 12), to: zulu(2016, 12, 25, 12), clock: .businessHours)
                == 5 * Self.hour)
        #expect(calendar.deadline(from: zulu(2016, 12, 24, 12), adding: businessHours(4)) == zulu(2016, 12, 25, 2))
        #expect(calendar.isWorkingDay(CivilDateTime.days(year: 2016, month: 12, day: 24)))
        #expect(!calendar.isWorkingDay(CivilDateTime.days(year: 2016, month: 12, day: 25)))
    }

    @Test func everyNightOfTheWeekInOneStep() {
        let nights = Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [span(22, 30)]) })
        let calendar = Self.calendar(nights)
        // Mon 00:00 → next Mon 00:00: Sunday's night before it runs 00:00–06:00 Monday, and the last night
        // runs past the end; 7 × 8 h either way.
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 14), to: zulu(2016, 11, 21), clock: .businessHours) == 56 * Self.hour)
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 14), to: zulu(2016, 12, 12), clock: .businessHours)
                == 4 * 56 * Self.hour)
        // A holiday on Wednesday 2016-11-23 removes its night (Wed 22:00–Thu 06:00) only.
        let holiday = Self.calendar(nights, holidays: ["2016-11-23"])
        #expect(
            holiday.elapsed(from: zulu(2016, 11, 14), to: zulu(2016, 12, 12), clock: .businessHours) == (4 * 56 - 8)
                * Self.hour)
        #expect(holiday.elapsed(from: zulu(2016, 11, 24), to: zulu(2016, 11, 24, 6), clock: .businessHours) == 0)
        #expect(
            holiday.elapsed(from: zulu(2016, 11, 23), to: zulu(2016, 11, 23, 6), clock: .businessHours) == 6 * Self.hour
        )
        // 57 h from Mon 00:00: a week holds 56 h, the 57th is the first hour of the next Monday's morning (the
        // end of Sunday's night); the 63rd the first hour of Monday's own night.
        #expect(calendar.deadline(from: zulu(2016, 11, 14), adding: businessHours(57)) == zulu(2016, 11, 21, 1))
        #expect(calendar.deadline(from: zulu(2016, 11, 14), adding: businessHours(62)) == zulu(2016, 11, 21, 6))
        #expect(calendar.deadline(from: zulu(2016, 11, 14), adding: businessHours(63)) == zulu(2016, 11, 21, 23))
    }
}
