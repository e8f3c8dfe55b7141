/// The three clocks of SLA targets over one ``Schedule``: calendar time, business hours and business days.
///
/// The clocks, all read on the wall clock of the schedule's time zone (DST-aware through ``ZoneClock``):
/// - **calendar** always runs;
/// - **business hours** run while the local wall clock shows a time inside one of the schedule's working
///   intervals on a working day: a `09:00-17:00` day stays 09:00–17:00 local time on both sides of a DST
///   change. Wall times skipped by a spring-forward change do not run; wall times repeated by a fall-back
///   change run twice (only schedules working at 01:00–03:00 on change nights notice either);
/// - **business days** run while the local date is a *working day* — a weekday that has at least one working
///   interval, minus holidays — from local midnight to the next local midnight, so a day with a DST change
///   counts 23 or 25 hours; the clock does not run at all on other days.
///
/// Costs: a call splits its span at the zone's offset changes (found in ``ZoneClock``'s cached table) and
/// walks each piece in local wall time with integer arithmetic: O(days spanned), whole weeks without holidays
/// in one step; no allocation and no Foundation call. A schedule with no working time never advances:
/// ``advance(from:bySeconds:clock:)`` and ``deadline(from:adding:)`` then return ``BusinessCalendar/never``.
public struct BusinessCalendar: Sendable {
    public let schedule: Schedule

    /// The result of advancing a clock that never runs: 9999-12-31T23:59:59Z.
    public static let never = Instant(seconds: 253_402_300_799)

    private let zone: ZoneClock
    /// Working intervals per ISO weekday (index 0 = Monday) in seconds since local midnight, sorted, merged.
    private let week: [[(start: Int64, end: Int64)]]
    /// Holidays as sorted local day numbers (days since 1970-01-01).
    private let holidays: [Int]
    /// Business-hours seconds in a week without holidays.
    private let weeklyHours: Int64
    /// Business-days seconds in a week without holidays (working weekdays × 86 400).
    private let weeklyDays: Int64

    /// A calendar over `schedule`. An unknown time zone falls back to UTC and malformed intervals or holidays
    /// are ignored (``Policy/decode(_:source:)`` rejects both before a calendar is ever built).
    public init(schedule: Schedule) {
        self.schedule = schedule
        self.zone = ZoneClock(identifier: schedule.timezone) ?? .utc
        var week: [[(start: Int64, end: Int64)]] = []
        for weekday in 1...7 {
            let valid = (schedule.hours[weekday] ?? [])
                .filter { $0.start >= 0 && $0.end <= 1440 && $0.start < $0.end }
                .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            var merged: [(start: Int64, end: Int64)] = []
            for interval in valid {
                let (start, end) = (Int64(interval.start) * 60, Int64(interval.end) * 60)
                if let last = merged.last, start <= last.end {
                    merged[merged.count - 1].end = max(last.end, end)
                } else {
                    merged.append((start, end))
                }
            }
            week.append(merged)
        }
        self.week = week
        self.weeklyHours = week.reduce(0) { $0 + $1.reduce(0) { $0 + $1.end - $1.start } }
        self.weeklyDays = Int64(week.filter { !$0.isEmpty }.count) * 86_400
        self.holidays = Set(schedule.holidays.compactMap(BusinessCalendar.dayNumber(ofDate:))).sorted()
    }

    /// Seconds on `clock` in `[start, end)` (0 when `end <= start`).
    public func elapsed(from start: Instant, to end: Instant, clock: Clock) -> Int64 {
        guard end > start else { return 0 }
        if clock == .calendar { return end.seconds - start.seconds }
        var total: Int64 = 0
        var cursor = start.seconds
        while cursor < end.seconds {
            let (offset, segmentEnd) = zone.offsetSegment(at: Instant(seconds: cursor))
            let stop = min(segmentEnd, end.seconds)
            total += wallElapsed(from: cursor + Int64(offset), to: stop + Int64(offset), clock: clock)
            cursor = stop
        }
        return total
    }

    /// The deadline of a target: the instant at which `duration` on its clock has run from `start`.
    ///
    /// - Calendar units (`minutes`, `hours`, `days`): plain addition (a day is 86 400 seconds).
    /// - `business minutes` / `business hours`: ``advance(from:bySeconds:clock:)`` on the business-hours
    ///   clock, so 8 business hours from Monday 09:00 is Monday 17:00 (the end of the interval, not the next
    ///   morning) and, with 09:00–17:00 weekdays, 12 business hours from Friday 13:00 is Monday 17:00.
    /// - `N business days`: whole working days, counted in local dates rather than seconds. The clock starts
    ///   at `start` when it is inside a working day, else at the midnight starting the next working day. When
    ///   it starts at a local midnight the deadline is the midnight that ends the N-th working day counting
    ///   that day as the first; otherwise it is the same local wall time on the N-th working day after the
    ///   start day. So "1 business day" from Friday 10:00 is Monday 10:00, from Saturday (any time) or from
    ///   Monday 00:00 it is Tuesday 00:00. On days with a DST change the business-days clock may then show
    ///   N × 24 h ± 1 h at the deadline; the deadline is always the earliest instant at which the clock
    ///   shows what it shows there.
    /// - A duration of zero or less gives `start`.
    public func deadline(from start: Instant, adding duration: SLADuration) -> Instant {
        guard duration.amount > 0 else { return start }
        switch duration.unit {
        case .minutes, .hours, .days:
            return start.adding(seconds: duration.seconds)
        case .businessMinutes, .businessHours:
            return advance(from: start, bySeconds: duration.seconds, clock: .businessHours)
        case .businessDays:
            return businessDaysDeadline(from: start, days: duration.amount)
        }
    }

    /// The earliest instant at which `seconds` on `clock` have run from `start`.
    ///
    /// When `start` is off the clock, the clock starts at the next working moment; a result that lands
    /// exactly on the end of a working interval stays there. `seconds <= 0` gives `start`.
    public func advance(from start: Instant, bySeconds seconds: Int64, clock: Clock) -> Instant {
        guard seconds > 0 else { return start }
        if clock == .calendar { return start.adding(seconds: seconds) }
        guard weeklyHours > 0 else { return Self.never }
        var remaining = seconds
        var cursor = start.seconds
        while cursor < Self.never.seconds {
            let (offset, segmentEnd) = zone.offsetSegment(at: Instant(seconds: cursor))
            let shift = Int64(offset)
            let bound = segmentEnd == Int64.max ? nil : segmentEnd + shift
            switch wallAdvance(from: cursor + shift, by: remaining, before: bound, clock: clock) {
            case .reached(let wall): return Instant(seconds: wall - shift)
            case .exhausted(let consumed):
                guard let bound else { return Self.never }
                remaining -= consumed
                cursor = bound - shift
            }
        }
        return Self.never
    }

    /// Whether the clocks run on the local date `day` (days since 1970-01-01): a weekday with working
    /// intervals that is not a holiday.
    public func isWorkingDay(_ day: Int) -> Bool {
        !week[CivilDateTime.isoWeekday(fromDays: day) - 1].isEmpty && !isHoliday(day)
    }

    // MARK: - Wall-time walks (one constant UTC offset)

    /// On-clock seconds of wall time in `[from, to)`, both as local wall seconds since 1970-01-01T00:00.
    private func wallElapsed(from: Int64, to: Int64, clock: Clock) -> Int64 {
        guard to > from else { return 0 }
        let weekly = clock == .businessDays ? weeklyDays : weeklyHours
        var total: Int64 = 0
        var day = Int(from.floorDivided(by: 86_400))
        let lastDay = Int((to - 1).floorDivided(by: 86_400))
        while day <= lastDay {
            let midnight = Int64(day) * 86_400
            if midnight >= from, midnight + 7 * 86_400 <= to, !hasHoliday(from: day, to: day + 7) {
                total += weekly
                day += 7
                continue
            }
            let intervals = week[CivilDateTime.isoWeekday(fromDays: day) - 1]
            if !intervals.isEmpty, !isHoliday(day) {
                if clock == .businessDays {
                    total += Self.overlap(midnight, midnight + 86_400, from, to)
                } else {
                    for interval in intervals {
                        total += Self.overlap(midnight + interval.start, midnight + interval.end, from, to)
                    }
                }
            }
            day += 1
        }
        return total
    }

    private enum WallAdvance {
        /// The clock shows the requested seconds at this wall time.
        case reached(Int64)
        /// The clock ran only this much before the bound.
        case exhausted(Int64)
    }

    /// Walks wall time from `from` until `seconds` have run on `clock`, or until `bound` (exclusive; nil: no
    /// bound, only a guard far beyond any holiday list).
    private func wallAdvance(from: Int64, by seconds: Int64, before bound: Int64?, clock: Clock) -> WallAdvance {
        let weekly = clock == .businessDays ? weeklyDays : weeklyHours
        var remaining = seconds
        var day = Int(from.floorDivided(by: 86_400))
        // Every week without holidays runs `weekly` > 0 seconds; the guard only stops impossible loops.
        let guardDay = day + 7 * Int(min(seconds / max(weekly, 1) + 2, 1_000_000)) + 7 * holidays.count + 14
        let end = bound ?? (Int64(guardDay) + 1) * 86_400
        while Int64(day) * 86_400 < end {
            let midnight = Int64(day) * 86_400
            if midnight >= from, midnight + 7 * 86_400 <= end, remaining > weekly,
                !hasHoliday(from: day, to: day + 7)
            {
                remaining -= weekly
                day += 7
                continue
            }
            let intervals = week[CivilDateTime.isoWeekday(fromDays: day) - 1]
            if !intervals.isEmpty, !isHoliday(day) {
                let count = clock == .businessDays ? 1 : intervals.count
                for index in 0..<count {
                    let (a, b) =
                        clock == .businessDays
                        ? (midnight, midnight + 86_400)
                        : (midnight + intervals[index].start, midnight + intervals[index].end)
                    let low = max(a, from)
                    let high = min(b, end)
                    guard high > low else { continue }
                    if remaining <= high - low { return .reached(low + remaining) }
                    remaining -= high - low
                }
            }
            day += 1
        }
        return .exhausted(seconds - remaining)
    }

    private static func overlap(_ a: Int64, _ b: Int64, _ from: Int64, _ to: Int64) -> Int64 {
        max(0, min(b, to) - max(a, from))
    }

    private func isHoliday(_ day: Int) -> Bool {
        guard let first = holidays.first, let last = holidays.last, day >= first, day <= last else { return false }
        let index = lowerBound(day)
        return index < holidays.count && holidays[index] == day
    }

    /// Whether a holiday falls on a day in `[from, to)`.
    private func hasHoliday(from: Int, to: Int) -> Bool {
        guard let first = holidays.first, let last = holidays.last, to > first, from <= last else { return false }
        let index = lowerBound(from)
        return index < holidays.count && holidays[index] < to
    }

    /// The index of the first holiday on or after `day`.
    private func lowerBound(_ day: Int) -> Int {
        var low = 0
        var high = holidays.count
        while low < high {
            let mid = (low + high) / 2
            if holidays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Days and intervals

    private func businessDaysDeadline(from start: Instant, days: Int) -> Instant {
        guard weeklyHours > 0 else { return Self.never }
        var day = zone.localDayNumber(start)
        var clockStart = start
        if !isWorkingDay(day) {
            guard let next = nextWorkingDay(after: day) else { return Self.never }
            day = next
            clockStart = dayStart(day)
        }
        if clockStart == dayStart(day) {
            // Counting `day` as the first working day, the deadline ends the `days`-th one.
            guard let last = workingDay(days - 1, after: day) else { return Self.never }
            return dayStart(last + 1)
        }
        guard let target = workingDay(days, after: day) else { return Self.never }
        let wallOfDay = clockStart.seconds + Int64(zone.offset(at: clockStart)) - Int64(day) * 86_400
        let candidate = zone.instant(wallSeconds: Int64(target) * 86_400 + wallOfDay)
        return min(max(candidate, dayStart(target)), dayStart(target + 1))
    }

    /// The `count`-th working day after `day` (`day` itself when `count` is 0).
    private func workingDay(_ count: Int, after day: Int) -> Int? {
        var current = day
        var found = 0
        while found < count {
            guard let next = nextWorkingDay(after: current) else { return nil }
            current = next
            found += 1
        }
        return current
    }

    private func nextWorkingDay(after day: Int) -> Int? {
        guard weeklyHours > 0 else { return nil }
        var current = day + 1
        // Holidays are finite, so a working weekday comes within 7 days per holiday skipped.
        let limit = day + 7 * (holidays.count + 2)
        while current <= limit {
            if isWorkingDay(current) { return current }
            current += 1
        }
        return nil
    }

    /// Local midnight starting the local date `day`.
    private func dayStart(_ day: Int) -> Instant {
        zone.instant(wallSeconds: Int64(day) * 86_400)
    }

    /// The day number of a strict `YYYY-MM-DD` date, or nil.
    static func dayNumber(ofDate text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            CivilDateTime.isValidDate(year: year, month: month, day: day)
        else { return nil }
        return CivilDateTime.days(year: year, month: month, day: day)
    }
}
