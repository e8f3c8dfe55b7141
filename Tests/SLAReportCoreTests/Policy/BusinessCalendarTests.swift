import Testing

@testable import SLAReportCore

/// The instant of a UTC ("Zulu") wall-clock time.
private func zulu(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Instant {
    Instant(seconds: CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute).utcSeconds)
}

/// Hand-computed business-clock cases. Instants are written in UTC; the local time each one stands for is in
/// the comment next to it (EST = UTC−5, EDT = UTC−4, CET = UTC+1, CEST = UTC+2, IST = UTC+2, IDT = UTC+3).
@Suite struct BusinessCalendarTests {
    static func schedule(
        _ zone: String, days: ClosedRange<Int> = 1...5, _ intervals: [MinuteInterval] = [nineToFive],
        holidays: [String] = []
    ) -> BusinessCalendar {
        BusinessCalendar(
            schedule: Schedule(
                timezone: zone, hours: Dictionary(uniqueKeysWithValues: days.map { ($0, intervals) }),
                holidays: holidays))
    }

    static let nineToFive = MinuteInterval(start: 540, end: 1020)
    static let hour: Int64 = 3600

    // MARK: - UTC, the built-in schedule

    @Test func deadlinesLandOnBoundaries() {
        let calendar = BusinessCalendar(schedule: Policy.builtInDefaultSchedule)
        let hours = { (n: Int) in SLADuration(amount: n, unit: .businessHours) }
        // Mon 2016-11-21 09:00 + 8 business hours = Mon 17:00 (the end of the interval, not Tue 09:00).
        #expect(calendar.deadline(from: zulu(2016, 11, 21, 9), adding: hours(8)) == zulu(2016, 11, 21, 17))
        // Fri 13:00 + 12 h: Fri 13–17 (4 h) + Mon 09–17 (8 h) = Mon 17:00.
        #expect(calendar.deadline(from: zulu(2016, 11, 18, 13), adding: hours(12)) == zulu(2016, 11, 21, 17))
        // One more hour spills into Tuesday: Tue 10:00.
        #expect(calendar.deadline(from: zulu(2016, 11, 18, 13), adding: hours(13)) == zulu(2016, 11, 22, 10))
        // Off the clock: Sat 12:00 + 1 h = Mon 10:00; Mon 17:00 + 1 h = Tue 10:00; Mon 08:00 + 8 h = Mon 17:00.
        #expect(calendar.deadline(from: zulu(2016, 11, 19, 12), adding: hours(1)) == zulu(2016, 11, 21, 10))
        #expect(calendar.deadline(from: zulu(2016, 11, 21, 17), adding: hours(1)) == zulu(2016, 11, 22, 10))
        #expect(calendar.deadline(from: zulu(2016, 11, 21, 8), adding: hours(8)) == zulu(2016, 11, 21, 17))
        // 90 business minutes from Fri 16:00 = Mon 09:30.
        #expect(
            calendar.deadline(from: zulu(2016, 11, 18, 16), adding: SLADuration(amount: 90, unit: .businessMinutes))
                == zulu(2016, 11, 21, 9, 30))
        // Calendar units are plain additions, weekend or not.
        #expect(
            calendar.deadline(from: zulu(2016, 11, 18, 16, 50), adding: SLADuration(amount: 30, unit: .minutes))
                == zulu(2016, 11, 18, 17, 20))
        #expect(
            calendar.deadline(from: zulu(2016, 11, 18, 16), adding: SLADuration(amount: 14, unit: .days))
                == zulu(2016, 12, 2, 16))
        #expect(calendar.deadline(from: zulu(2016, 11, 18, 16), adding: hours(0)) == zulu(2016, 11, 18, 16))
    }

    @Test func businessDayDeadlines() {
        let calendar = BusinessCalendar(schedule: Policy.builtInDefaultSchedule)
        let days = { (n: Int) in SLADuration(amount: n, unit: .businessDays) }
        // Fri 10:00 + 1 business day = Mon 10:00 (same wall time on the next working day).
        #expect(calendar.deadline(from: zulu(2016, 11, 18, 10), adding: days(1)) == zulu(2016, 11, 21, 10))
        // From Saturday the clock starts Monday 00:00 and runs through Monday: Tue 00:00.
        #expect(calendar.deadline(from: zulu(2016, 11, 19, 15), adding: days(1)) == zulu(2016, 11, 22))
        #expect(calendar.deadline(from: zulu(2016, 11, 20, 23, 59), adding: days(1)) == zulu(2016, 11, 22))
        // Starting exactly at a working midnight ends with that day: Mon 00:00 → Tue 00:00, Fri 00:00 → Sat 00:00.
        #expect(calendar.deadline(from: zulu(2016, 11, 21), adding: days(1)) == zulu(2016, 11, 22))
        #expect(calendar.deadline(from: zulu(2016, 11, 18), adding: days(1)) == zulu(2016, 11, 19))
        // Thu 15:00 + 2 business days = Mon 15:00; Wed 23:30 + 5 = next Wed 23:30.
        #expect(calendar.deadline(from: zulu(2016, 11, 17, 15), adding: days(2)) == zulu(2016, 11, 21, 15))
        #expect(calendar.deadline(from: zulu(2016, 11, 16, 23, 30), adding: days(5)) == zulu(2016, 11, 23, 23, 30))
    }

    @Test func businessDaysAndHoursOverTheSameSpan() {
        let calendar = BusinessCalendar(schedule: Policy.builtInDefaultSchedule)
        let (from, to) = (zulu(2016, 11, 18, 10), zulu(2016, 11, 21, 10))  // Fri 10:00 → Mon 10:00
        #expect(calendar.elapsed(from: from, to: to, clock: .businessHours) == 8 * Self.hour)  // 7 h + 1 h
        #expect(calendar.elapsed(from: from, to: to, clock: .businessDays) == 24 * Self.hour)  // 14 h + 10 h
        #expect(calendar.elapsed(from: from, to: to, clock: .calendar) == 72 * Self.hour)
        #expect(calendar.elapsed(from: to, to: from, clock: .businessHours) == 0)
        // A whole weekend is off both business clocks.
        let (saturday, monday) = (zulu(2016, 11, 19), zulu(2016, 11, 21))
        #expect(calendar.elapsed(from: saturday, to: monday, clock: .businessHours) == 0)
        #expect(calendar.elapsed(from: saturday, to: monday, clock: .businessDays) == 0)
        // Mon 00:00 → next Mon 00:00: 5 × 8 h and 5 × 24 h.
        #expect(calendar.elapsed(from: monday, to: zulu(2016, 11, 28), clock: .businessHours) == 40 * Self.hour)
        #expect(calendar.elapsed(from: monday, to: zulu(2016, 11, 28), clock: .businessDays) == 120 * Self.hour)
    }

    @Test func splitDay() {
        // 09:00–12:00 and 13:00–17:00 in UTC, Mon 2016-11-21.
        let calendar = Self.schedule(
            "UTC", [MinuteInterval(start: 540, end: 720), MinuteInterval(start: 780, end: 1020)])
        let hours = { (n: Int) in SLADuration(amount: n, unit: .businessHours) }
        #expect(calendar.deadline(from: zulu(2016, 11, 21, 10), adding: hours(2)) == zulu(2016, 11, 21, 12))
        #expect(calendar.deadline(from: zulu(2016, 11, 21, 10), adding: hours(3)) == zulu(2016, 11, 21, 14))
        #expect(calendar.deadline(from: zulu(2016, 11, 21, 12, 30), adding: hours(1)) == zulu(2016, 11, 21, 14))
        #expect(
            calendar.elapsed(from: zulu(2016, 11, 21, 11), to: zulu(2016, 11, 21, 14), clock: .businessHours) == 7200)
    }

    // MARK: - America/New_York (DST 2016-03-13 and 2016-11-06)

    @Test func newYorkWorkingHoursStayLocal() {
        let calendar = Self.schedule("America/New_York")
        // Fri 2016-03-11 09:00 EST = 14:00Z … Mon 2016-03-14 17:00 EDT = 21:00Z: 8 h + 8 h.
        #expect(
            calendar.elapsed(from: zulu(2016, 3, 11, 14), to: zulu(2016, 3, 14, 21), clock: .businessHours)
                == 16 * Self.hour)
        // Fri 13:00 EST (18:00Z) + 12 business hours = Mon 17:00 EDT (21:00Z); + 13 = Tue 10:00 EDT (14:00Z).
        let hours = { (n: Int) in SLADuration(amount: n, unit: .businessHours) }
        #expect(calendar.deadline(from: zulu(2016, 3, 11, 18), adding: hours(12)) == zulu(2016, 3, 14, 21))
        #expect(calendar.deadline(from: zulu(2016, 3, 11, 18), adding: hours(13)) == zulu(2016, 3, 15, 14))
        // Autumn: Fri 2016-11-04 16:00 EDT (20:00Z) + 2 h = Mon 2016-11-07 10:00 EST (15:00Z).
        #expect(calendar.deadline(from: zulu(2016, 11, 4, 20), adding: hours(2)) == zulu(2016, 11, 7, 15))
        // Mon 2016-11-07 09:00 EST is 14:00Z, not 13:00Z: 13:00Z is still off the clock.
        #expect(calendar.elapsed(from: zulu(2016, 11, 7, 13), to: zulu(2016, 11, 7, 14), clock: .businessHours) == 0)
        // Fri 1 business day from 10:00 EST (15:00Z) = Mon 10:00 EDT (14:00Z).
        #expect(
            calendar.deadline(from: zulu(2016, 3, 11, 15), adding: SLADuration(amount: 1, unit: .businessDays))
                == zulu(2016, 3, 14, 14))
    }

    @Test func newYorkBusinessDaysAre23And25Hours() {
        let everyDay = Self.schedule("America/New_York", days: 1...7)
        // Sun 2016-03-13: 00:00 EST (05:00Z) → Mon 00:00 EDT (04:00Z) = 23 h.
        #expect(
            everyDay.elapsed(from: zulu(2016, 3, 13, 5), to: zulu(2016, 3, 14, 4), clock: .businessDays)
                == 23 * Self.hour)
        // Sat 00:00 EST → Mon 00:00 EDT = 24 + 23 h.
        #expect(
            everyDay.elapsed(from: zulu(2016, 3, 12, 5), to: zulu(2016, 3, 14, 4), clock: .businessDays)
                == 47 * Self.hour)
        // Sun 2016-11-06: 00:00 EDT (04:00Z) → Mon 00:00 EST (05:00Z) = 25 h.
        #expect(
            everyDay.elapsed(from: zulu(2016, 11, 6, 4), to: zulu(2016, 11, 7, 5), clock: .businessDays)
                == 25 * Self.hour)
        // Business hours stay 09:00–17:00 local on both change days: 8 h each.
        #expect(
            everyDay.elapsed(from: zulu(2016, 3, 13, 5), to: zulu(2016, 3, 14, 4), clock: .businessHours)
                == 8 * Self.hour)
        #expect(
            everyDay.elapsed(from: zulu(2016, 11, 6, 4), to: zulu(2016, 11, 7, 5), clock: .businessHours)
                == 8 * Self.hour)
        // A round-the-clock schedule counts the real length of the change days.
        let allDay = Self.schedule("America/New_York", days: 1...7, [MinuteInterval(start: 0, end: 1440)])
        #expect(
            allDay.elapsed(from: zulu(2016, 3, 13, 5), to: zulu(2016, 3, 14, 4), clock: .businessHours)
                == 23 * Self.hour)
        #expect(
            allDay.elapsed(from: zulu(2016, 11, 6, 4), to: zulu(2016, 11, 7, 5), clock: .businessHours)
                == 25 * Self.hour)
        // 1 business day from Sat 2016-03-12 00:00 EST ends Sat 24:00 = Sun 00:00 EST (05:00Z); from Sun
        // 00:00 EST it ends Mon 00:00 EDT (04:00Z), 23 hours later.
        let day = SLADuration(amount: 1, unit: .businessDays)
        #expect(everyDay.deadline(from: zulu(2016, 3, 12, 5), adding: day) == zulu(2016, 3, 13, 5))
        #expect(everyDay.deadline(from: zulu(2016, 3, 13, 5), adding: day) == zulu(2016, 3, 14, 4))
        // Sat 2016-11-05 10:00 EDT (14:00Z) + 1 business day = Sun 10:00 EST (15:00Z), 25 hours later.
        #expect(everyDay.deadline(from: zulu(2016, 11, 5, 14), adding: day) == zulu(2016, 11, 6, 15))
    }

    // MARK: - Europe/Amsterdam (DST 2016-03-27 and 2016-10-30)

    @Test func amsterdamAcrossBothChanges() {
        let calendar = Self.schedule("Europe/Amsterdam")
        // Fri 2016-03-25 09:00 CET = 08:00Z; Mon 2016-03-28 09:00 CEST = 07:00Z.
        #expect(
            calendar.deadline(from: zulu(2016, 3, 25, 8), adding: SLADuration(amount: 9, unit: .businessHours))
                == zulu(2016, 3, 28, 8))  // Mon 10:00 CEST
        // Fri 2016-10-28 09:00 CEST = 07:00Z; Mon 2016-10-31 17:00 CET = 16:00Z: 16 business hours.
        #expect(
            calendar.elapsed(from: zulu(2016, 10, 28, 7), to: zulu(2016, 10, 31, 16), clock: .businessHours)
                == 16 * Self.hour)
        let everyDay = Self.schedule("Europe/Amsterdam", days: 1...7)
        // Sun 2016-03-27: 00:00 CET (Sat 23:00Z) → Mon 00:00 CEST (Sun 22:00Z) = 23 h.
        #expect(
            everyDay.elapsed(from: zulu(2016, 3, 26, 23), to: zulu(2016, 3, 27, 22), clock: .businessDays)
                == 23 * Self.hour)
        // Sun 2016-10-30: 00:00 CEST (Sat 22:00Z) → Mon 00:00 CET (Sun 23:00Z) = 25 h.
        #expect(
            everyDay.elapsed(from: zulu(2016, 10, 29, 22), to: zulu(2016, 10, 30, 23), clock: .businessDays)
                == 25 * Self.hour)
        #expect(
            everyDay.elapsed(from: zulu(2016, 10, 29, 22), to: zulu(2016, 10, 30, 23), clock: .businessHours)
                == 8 * Self.hour)
    }

    @Test func amsterdamHoliday() {
        // Easter Monday 2016-03-28 off.
        let calendar = Self.schedule("Europe/Amsterdam", holidays: ["2016-03-28"])
        // Fri 2016-03-25 09:00 CET (08:00Z) + 9 business hours = Tue 2016-03-29 10:00 CEST (08:00Z).
        #expect(
            calendar.deadline(from: zulu(2016, 3, 25, 8), adding: SLADuration(amount: 9, unit: .businessHours))
                == zulu(2016, 3, 29, 8))
        // Fri 10:00 CET (09:00Z) + 1 business day = Tue 10:00 CEST (08:00Z); the clock shows 14 h + 10 h.
        let deadline = calendar.deadline(
            from: zulu(2016, 3, 25, 9), adding: SLADuration(amount: 1, unit: .businessDays))
        #expect(deadline == zulu(2016, 3, 29, 8))
        #expect(calendar.elapsed(from: zulu(2016, 3, 25, 9), to: deadline, clock: .businessDays) == 24 * Self.hour)
        // Nothing runs on the holiday.
        #expect(calendar.elapsed(from: zulu(2016, 3, 27, 22), to: zulu(2016, 3, 28, 22), clock: .businessHours) == 0)
        #expect(calendar.elapsed(from: zulu(2016, 3, 27, 22), to: zulu(2016, 3, 28, 22), clock: .businessDays) == 0)
        #expect(!calendar.isWorkingDay(CivilDateTime.days(year: 2016, month: 3, day: 28)))
        #expect(calendar.isWorkingDay(CivilDateTime.days(year: 2016, month: 3, day: 29)))
    }

    // MARK: - A Sunday–Thursday week (Asia/Jerusalem; DST ends Sunday 2016-10-30 02:00)

    @Test func sundayToThursdayWeek() {
        let calendar = BusinessCalendar(
            schedule: Schedule(
                timezone: "Asia/Jerusalem",
                hours: Dictionary(uniqueKeysWithValues: [7, 1, 2, 3, 4].map { ($0, [Self.nineToFive]) })))
        // Thu 2016-10-27 13:00 IDT (10:00Z) + 8 business hours: Thu 4 h, Fri and Sat off, Sun 2016-10-30 4 h
        // → 13:00 IST (11:00Z).
        #expect(
            calendar.deadline(from: zulu(2016, 10, 27, 10), adding: SLADuration(amount: 8, unit: .businessHours))
                == zulu(2016, 10, 30, 11))
        // Fri–Sat are off.
        #expect(calendar.elapsed(from: zulu(2016, 10, 27, 21), to: zulu(2016, 10, 29, 21), clock: .businessDays) == 0)
        // Sunday 2016-10-30 is a 25-hour working day: 00:00 IDT (Sat 21:00Z) → Mon 00:00 IST (Sun 22:00Z).
        #expect(
            calendar.elapsed(from: zulu(2016, 10, 29, 21), to: zulu(2016, 10, 30, 22), clock: .businessDays)
                == 25 * Self.hour)
        // Thu 10:00 IDT (07:00Z) + 1 business day = Sun 10:00 IST (08:00Z); the clock shows 14 h + 11 h there.
        let deadline = calendar.deadline(
            from: zulu(2016, 10, 27, 7), adding: SLADuration(amount: 1, unit: .businessDays))
        #expect(deadline == zulu(2016, 10, 30, 8))
        #expect(calendar.elapsed(from: zulu(2016, 10, 27, 7), to: deadline, clock: .businessDays) == 25 * Self.hour)
    }

    @Test func noWorkingTimeNeverAdvances() {
        let calendar = BusinessCalendar(schedule: Schedule(timezone: "UTC", hours: [:]))
        #expect(
            calendar.advance(from: zulu(2016, 1, 1), bySeconds: 60, clock: .businessHours) == BusinessCalendar.never)
        #expect(
            calendar.deadline(from: zulu(2016, 1, 1), adding: SLADuration(amount: 1, unit: .businessDays))
                == BusinessCalendar.never)
        #expect(calendar.elapsed(from: zulu(2016, 1, 1), to: zulu(2016, 2, 1), clock: .businessDays) == 0)
        // An unknown zone falls back to UTC rather than failing.
        let fallback = Self.schedule("Mars/Olympus")
        #expect(
            fallback.elapsed(from: zulu(2016, 11, 21), to: zulu(2016, 11, 22), clock: .businessHours) == 8 * Self.hour)
    }
}
