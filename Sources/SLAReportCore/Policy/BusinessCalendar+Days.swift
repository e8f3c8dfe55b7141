/// One local date of a business clock, as `slareport explain` shows it day by day: what kind of day it is,
/// when the clock runs on it, how much of a span it counted, and the DST change it holds, if any.
public struct ClockDay: Sendable, Equatable {
    /// What the schedule makes of the date (``Schedule/spans(onDay:)``'s order: dated, holiday, weekday).
    public enum Kind: String, Sendable, Equatable {
        /// Its weekday's hours apply.
        case working
        /// Its weekday has no hours (a weekend, for a Monday–Friday schedule).
        case noHours = "no_hours"
        /// A holiday: no span starts on it.
        case holiday
        /// A date with its own hours in the schedule's `dates`.
        case dated
        /// A date closed by the schedule's `dates` (`[]`).
        case datedClosed = "dated_closed"
    }

    /// A stretch of the day on the business-hours clock, in seconds since local midnight.
    public struct Stretch: Sendable, Equatable {
        public var start: Int64
        public var end: Int64
        /// The part after midnight of a span that started the day before (a night span such as `22:00-02:00`).
        public var fromDayBefore: Bool
        /// The part of the stretch inside the span measured, in seconds since local midnight; nil when none.
        public var counted: (start: Int64, end: Int64)?

        public static func == (a: Stretch, b: Stretch) -> Bool {
            a.start == b.start && a.end == b.end && a.fromDayBefore == b.fromDayBefore
                && a.counted?.start == b.counted?.start && a.counted?.end == b.counted?.end
        }
    }

    /// A change of the zone's UTC offset during the day.
    public struct OffsetChange: Sendable, Equatable {
        public var at: Instant
        /// Seconds east of UTC before and after.
        public var from: Int
        public var to: Int
    }

    /// Days since 1970-01-01 of the local date.
    public var day: Int
    /// `YYYY-MM-DD`.
    public var date: String
    /// ISO weekday, 1 = Monday … 7 = Sunday.
    public var weekday: Int
    public var kind: Kind
    /// Whether the business-days clock runs on it (a span starts on it).
    public var workingDay: Bool
    /// The business-hours stretches of the date (its own spans up to midnight, the day before's night span
    /// after it), whether or not the span measured covers them.
    public var stretches: [Stretch]
    /// Seconds the clock counted on this date within the span measured.
    public var counted: Int64
    /// The instant the local date starts (its midnight).
    public var start: Instant
    /// Its length in seconds: 86 400, or 23 or 25 hours on a DST change.
    public var length: Int64
    /// The offset changes during the date.
    public var offsetChanges: [OffsetChange]
    /// The UTC offset at its start, in seconds east of UTC.
    public var offset: Int

    /// `Mon`, `Tue`, … of ``weekday``.
    public var weekdayName: String { ClockDay.weekdayNames[(weekday - 1) % 7] }

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}

extension BusinessCalendar {
    /// The local dates from the one holding `start` to the one holding the last second before `end`, each
    /// with the seconds `clock` counted on it in `[start, end)` (see ``ClockDay``).
    ///
    /// The per-day counts are those of ``elapsed(from:to:clock:)`` split by local date — the same stretches
    /// (``segments(of:)``), working days and offset segments, without its whole-week shortcut — so they add
    /// up to it exactly. For `slareport explain`, on one ticket's span: O(days spanned), allocation per day.
    /// The calendar clock counts every second (its days say so); an empty span gives no day.
    public func days(from start: Instant, to end: Instant, clock: Clock) -> [ClockDay] {
        guard end > start else { return [] }
        let firstDay = zone.localDayNumber(start)
        let lastDay = max(firstDay, zone.localDayNumber(end.adding(seconds: -1)))
        var counted = [Int64](repeating: 0, count: lastDay - firstDay + 1)
        var cursor = start.seconds
        while cursor < end.seconds {
            let (offset, segmentEnd) = zone.offsetSegment(at: Instant(seconds: cursor))
            let stop = min(segmentEnd, end.seconds)
            let from = cursor + Int64(offset)
            let to = stop + Int64(offset)
            var day = Int(from.floorDivided(by: 86_400))
            while Int64(day) * 86_400 < to {
                let midnight = Int64(day) * 86_400
                var seconds: Int64 = 0
                switch clock {
                case .calendar:
                    seconds = Self.overlap(midnight, midnight + 86_400, from, to)
                case .businessDays:
                    if isWorkingDay(day) { seconds = Self.overlap(midnight, midnight + 86_400, from, to) }
                case .businessHours:
                    for segment in segments(of: day) {
                        seconds += Self.overlap(midnight + segment.start, midnight + segment.end, from, to)
                    }
                }
                let index = day - firstDay
                if index >= 0, index < counted.count { counted[index] += seconds }
                day += 1
            }
            cursor = stop
        }
        let schedule = ScheduleDays(self.schedule)
        let startWall = start.seconds + Int64(zone.offset(at: start))
        let endWall = end.seconds + Int64(zone.offset(at: end))
        return (firstDay...lastDay).map { day in
            let midnight = Int64(day) * 86_400
            let dayStart = self.dayStart(day)
            let nextStart = self.dayStart(day + 1)
            var changes: [ClockDay.OffsetChange] = []
            var probe = dayStart.seconds
            while true {
                let (offset, segmentEnd) = zone.offsetSegment(at: Instant(seconds: probe))
                guard segmentEnd < nextStart.seconds, segmentEnd > probe else { break }
                let after = zone.offset(at: Instant(seconds: segmentEnd))
                if after != offset {
                    changes.append(ClockDay.OffsetChange(at: Instant(seconds: segmentEnd), from: offset, to: after))
                }
                probe = segmentEnd
            }
            let carried = schedule.spans(onDay: day - 1).contains(where: \.crossesMidnight)
            let windowStart = max(startWall - midnight, 0)
            let windowEnd = min(endWall - midnight, 86_400)
            let stretches = segments(of: day).map { segment -> ClockDay.Stretch in
                let low = max(segment.start, windowStart)
                let high = min(segment.end, windowEnd)
                return ClockDay.Stretch(
                    start: segment.start, end: segment.end, fromDayBefore: carried && segment.start == 0,
                    counted: high > low ? (low, high) : nil)
            }
            let kind: ClockDay.Kind
            if let own = schedule.dated[day] {
                kind = own.isEmpty ? .datedClosed : .dated
            } else if schedule.holidays.contains(day) {
                kind = .holiday
            } else {
                kind = schedule.weekly[CivilDateTime.isoWeekday(fromDays: day) - 1].isEmpty ? .noHours : .working
            }
            let (y, m, d) = CivilDateTime.civil(fromDays: day)
            return ClockDay(
                day: day, date: CivilDateTime(year: y, month: m, day: d).dateString,
                weekday: CivilDateTime.isoWeekday(fromDays: day), kind: kind, workingDay: isWorkingDay(day),
                stretches: stretches, counted: counted[day - firstDay], start: dayStart,
                length: nextStart.seconds - dayStart.seconds, offsetChanges: changes,
                offset: zone.offset(at: dayStart))
        }
    }
}
