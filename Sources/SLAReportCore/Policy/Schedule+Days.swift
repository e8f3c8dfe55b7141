extension Schedule {
    /// The spans that start on the local date `day` (days since 1970-01-01): the date's own `dates` entry
    /// when there is one (`[]`: closed), else none on a holiday, else the weekday's `hours`. Invalid spans
    /// (see ``MinuteInterval/isValid``) and malformed dates are left out; the result is sorted.
    public func spans(onDay day: Int) -> [MinuteInterval] {
        ScheduleDays(self).spans(onDay: day)
    }
}

/// A schedule's dates and holidays as day numbers, for answering "which spans start on day D" quickly.
struct ScheduleDays {
    /// Valid spans per ISO weekday (index 0 = Monday), sorted.
    let weekly: [[MinuteInterval]]
    /// Dated days with their own valid spans, sorted.
    let dated: [Int: [MinuteInterval]]
    let holidays: Set<Int>

    init(_ schedule: Schedule) {
        weekly = (1...7).map { ScheduleDays.clean(schedule.hours[$0] ?? []) }
        var dated: [Int: [MinuteInterval]] = [:]
        for (date, spans) in schedule.dates {
            guard let day = BusinessCalendar.dayNumber(ofDate: date) else { continue }
            dated[day] = ScheduleDays.clean(spans)
        }
        self.dated = dated
        holidays = Set(schedule.holidays.compactMap(BusinessCalendar.dayNumber(ofDate:)))
    }

    func spans(onDay day: Int) -> [MinuteInterval] {
        if let own = dated[day] { return own }
        if holidays.contains(day) { return [] }
        return weekly[CivilDateTime.isoWeekday(fromDays: day) - 1]
    }

    /// The days on which the spans or the carry-over from the day before may differ from the weekday's:
    /// each holiday and dated day, and the day after each. Sorted.
    var exceptionDays: [Int] {
        var days = Set<Int>()
        for day in holidays.union(dated.keys) {
            days.insert(day)
            days.insert(day + 1)
        }
        return days.sorted()
    }

    static func clean(_ spans: [MinuteInterval]) -> [MinuteInterval] {
        spans.filter(\.isValid).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
