/// The three clocks of SLA targets over one ``Schedule``: calendar time, business hours and business days.
///
/// The clocks, all read on the wall clock of the schedule's time zone (DST-aware through ``ZoneClock``):
/// - **calendar** always runs;
/// - **business hours** run while the local wall clock shows a time inside a working span: a span of the
///   local date it starts on (``Schedule/spans(onDay:)``: the date's own hours, else none on a holiday, else
///   its weekday's), or the part after midnight of a span of the day before that runs past midnight
///   (`"fri": ["22:00-02:00"]` runs Friday 22:00 to Saturday 02:00; a holiday on Friday cancels all of it, a
///   holiday on Saturday none of it). A `09:00-17:00` day stays 09:00–17:00 local time on both sides of a
///   DST change. Wall times skipped by a spring-forward change do not run; wall times repeated by a fall-back
///   change run twice, so a `22:00-06:00` night is 7 hours long in spring and 9 in autumn. Overlapping spans
///   (which ``Policy/decode(_:source:)`` rejects) run once;
/// - **business days** run while the local date is a *working day* — a date on which at least one span
///   starts — from local midnight to the next local midnight, so a day with a DST change counts 23 or 25
///   hours; the clock does not run at all on other days (a night span's morning does not make its next day
///   a working day).
///
/// Costs: a call splits its span at the zone's offset changes (found in ``ZoneClock``'s cached table) and
/// walks each piece in local wall time with integer arithmetic: O(days spanned), whole weeks without
/// holidays or dated days in one step; no allocation and no Foundation call. A schedule with no working time
/// never advances: ``advance(from:bySeconds:clock:)`` and ``deadline(from:adding:)`` then return
/// ``BusinessCalendar/never``.
///
/// Immutable (every property is a `let`), so a class: passing a calendar to every ticket's measurement
/// costs one reference, not a copy of its tables.
public final class BusinessCalendar: Sendable {
    public let schedule: Schedule

    /// The result of advancing a clock that never runs: 9999-12-31T23:59:59Z.
    public static let never = Instant(seconds: 253_402_300_799)

    typealias Segment = (start: Int64, end: Int64)

    let zone: ZoneClock
    /// Per ISO weekday (index 0 = Monday), for a day with no holiday or dated day on it or the day before:
    /// the wall-time stretches on the business-hours clock in seconds since its local midnight, within
    /// `[0, 86 400)`, sorted and disjoint — its own spans up to midnight and the previous weekday's spans
    /// after midnight.
    private let week: [[Segment]]
    /// Per ISO weekday: whether a span starts on it (a working day for the business-days clock).
    private let weekWorking: [Bool]
    /// Days whose stretches or working status may differ from their weekday's (holidays, dated days and
    /// the day after each), sorted; ``exceptionSegments`` and ``exceptionWorking`` hold theirs.
    private let exceptionDays: [Int]
    private let exceptionSegments: [[Segment]]
    private let exceptionWorking: [Bool]
    /// Business-hours seconds in a week without exceptions.
    private let weeklyHours: Int64
    /// Business-days seconds in a week without exceptions (working weekdays × 86 400).
    private let weeklyDays: Int64
    /// Whether the clocks ever run (some weekday or some dated day has a span).
    private let runs: Bool

    /// A calendar over `schedule`. An unknown time zone falls back to UTC and malformed spans, holidays or
    /// dates are ignored (``Policy/decode(_:source:)`` rejects all of them before a calendar is ever built).
    public init(schedule: Schedule) {
        self.schedule = schedule
        self.zone = ZoneClock(identifier: schedule.timezone) ?? .utc
        let days = ScheduleDays(schedule)
        var week: [[Segment]] = []
        for index in 0..<7 {
            week.append(Self.segments(own: days.weekly[index], before: days.weekly[(index + 6) % 7]))
        }
        self.week = week
        self.weekWorking = days.weekly.map { !$0.isEmpty }
        let exceptions = days.exceptionDays
        self.exceptionDays = exceptions
        self.exceptionSegments = exceptions.map {
            Self.segments(own: days.spans(onDay: $0), before: days.spans(onDay: $0 - 1))
        }
        self.exceptionWorking = exceptions.map { !days.spans(onDay: $0).isEmpty }
        self.weeklyHours = week.reduce(0) { $0 + $1.reduce(0) { $0 + $1.end - $1.start } }
        self.weeklyDays = Int64(weekWorking.filter { $0 }.count) * 86_400
        self.runs = weeklyHours > 0 || exceptionSegments.contains { !$0.isEmpty }
    }

    /// The on-clock stretches of one day: its own spans up to midnight and the day before's after midnight,
    /// in seconds since its midnight, merged.
    private static func segments(own: [MinuteInterval], before: [MinuteInterval]) -> [Segment] {
        var pieces: [Segment] = []
        for span in before where span.crossesMidnight {
            pieces.append((0, Int64(span.end - 1440) * 60))
        }
        for span in own {
            pieces.append((Int64(span.start) * 60, Int64(min(span.end, 1440)) * 60))
        }
        pieces.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var merged: [Segment] = []
        for piece in pieces where piece.end > piece.start {
            if let last = merged.last, piece.start <= last.end {
                merged[merged.count - 1].end = max(last.end, piece.end)
            } else {
                merged.append(piece)
            }
        }
        return merged
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
        guard runs else { return Self.never }
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

    /// Whether the business-days clock runs on the local date `day` (days since 1970-01-01): a span starts
    /// on it (its own dated hours, or its weekday's when it is not a holiday).
    public func isWorkingDay(_ day: Int) -> Bool {
        if let index = exceptionIndex(day) { return exceptionWorking[index] }
        return weekWorking[CivilDateTime.isoWeekday(fromDays: day) - 1]
    }

    // MARK: - Wall-time walks (one constant UTC offset)

    /// The business-hours stretches of the local date `day`, in seconds since its midnight.
    func segments(of day: Int) -> [Segment] {
        if let index = exceptionIndex(day) { return exceptionSegments[index] }
        return week[CivilDateTime.isoWeekday(fromDays: day) - 1]
    }

    /// On-clock seconds of wall time in `[from, to)`, both as local wall seconds since 1970-01-01T00:00.
    private func wallElapsed(from: Int64, to: Int64, clock: Clock) -> Int64 {
        guard to > from else { return 0 }
        let weekly = clock == .businessDays ? weeklyDays : weeklyHours
        var total: Int64 = 0
        var day = Int(from.floorDivided(by: 86_400))
        let lastDay = Int((to - 1).floorDivided(by: 86_400))
        while day <= lastDay {
            let midnight = Int64(day) * 86_400
            if midnight >= from, midnight + 7 * 86_400 <= to, !hasException(from: day, to: day + 7) {
                total += weekly
                day += 7
                continue
            }
            if clock == .businessDays {
                if isWorkingDay(day) { total += Self.overlap(midnight, midnight + 86_400, from, to) }
            } else {
                for segment in segments(of: day) {
                    total += Self.overlap(midnight + segment.start, midnight + segment.end, from, to)
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
    /// bound, only a guard beyond the last day the clock could still need).
    private func wallAdvance(from: Int64, by seconds: Int64, before bound: Int64?, clock: Clock) -> WallAdvance {
        let weekly = clock == .businessDays ? weeklyDays : weeklyHours
        var remaining = seconds
        var day = Int(from.floorDivided(by: 86_400))
        // Every week without exceptions runs `weekly` seconds; past the last exception day a clock with no
        // weekly time never runs again. The guard only stops impossible loops.
        let guardDay =
            weekly > 0
            ? day + 7 * Int(min(seconds / weekly + 2, 1_000_000)) + 7 * exceptionDays.count + 14
            : max(day, exceptionDays.last ?? day) + 2
        let end = bound.map { min($0, (Int64(guardDay) + 1) * 86_400) } ?? (Int64(guardDay) + 1) * 86_400
        while Int64(day) * 86_400 < end {
            let midnight = Int64(day) * 86_400
            if weekly > 0, midnight >= from, midnight + 7 * 86_400 <= end, remaining > weekly,
                !hasException(from: day, to: day + 7)
            {
                remaining -= weekly
                day += 7
                continue
            }
            if clock == .businessDays {
                if isWorkingDay(day) {
                    let low = max(midnight, from)
                    let high = min(midnight + 86_400, end)
                    if high > low {
                        if remaining <= high - low { return .reached(low + remaining) }
                        remaining -= high - low
                    }
                }
            } else {
                for segment in segments(of: day) {
                    let low = max(midnight + segment.start, from)
                    let high = min(midnight + segment.end, end)
                    guard high > low else { continue }
                    if remaining <= high - low { return .reached(low + remaining) }
                    remaining -= high - low
                }
            }
            day += 1
        }
        return .exhausted(seconds - remaining)
    }

    static func overlap(_ a: Int64, _ b: Int64, _ from: Int64, _ to: Int64) -> Int64 {
        max(0, min(b, to) - max(a, from))
    }

    /// The index of `day` in ``exceptionDays``, or nil.
    private func exceptionIndex(_ day: Int) -> Int? {
        guard let first = exceptionDays.first, let last = exceptionDays.last, day >= first, day <= last else {
            return nil
        }
        let index = lowerBound(day)
        return index < exceptionDays.count && exceptionDays[index] == day ? index : nil
    }

    /// Whether an exception day falls in `[from, to)`.
    private func hasException(from: Int, to: Int) -> Bool {
        guard let first = exceptionDays.first, let last = exceptionDays.last, to > first, from <= last else {
            return false
        }
        let index = lowerBound(from)
        return index < exceptionDays.count && exceptionDays[index] < to
    }

    /// The index of the first exception day on or after `day`.
    private func lowerBound(_ day: Int) -> Int {
        var low = 0
        var high = exceptionDays.count
        while low < high {
            let mid = (low + high) / 2
            if exceptionDays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Days and intervals

    private func businessDaysDeadline(from start: Instant, days: Int) -> Instant {
        guard runs else { return Self.never }
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
        guard runs else { return nil }
        var current = day + 1
        // Exceptions are finite, so a working weekday comes within 7 days per exception skipped; with no
        // working weekday only a dated day can still be one.
        let limit =
            weeklyDays > 0 ? day + 7 * (exceptionDays.count + 2) : max(day, exceptionDays.last ?? day)
        while current <= limit {
            if isWorkingDay(current) { return current }
            current += 1
        }
        return nil
    }

    /// Local midnight starting the local date `day`.
    func dayStart(_ day: Int) -> Instant {
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
