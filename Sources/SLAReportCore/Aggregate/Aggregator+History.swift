extension Aggregator {
    /// Every ISO week (Monday to Monday, policy time zone) from the window's first to its last, with the
    /// tickets created in it and their first-reply outcomes (Disqus reply tickets counted as tickets, not
    /// judged). The window is `[since, until)` where given, else the span of the tickets' creation; a span of
    /// more than ``Aggregator/maximumHistoryWeeks`` lists only the weeks that hold tickets. `spanSeconds` is
    /// the window's length (`until` or as-of, minus `since` or the first creation), for the two-week rule.
    static func weeks(_ input: Input, shared: Shared) -> (weeks: [HistoryWeek], spanSeconds: Int64) {
        let results = input.results
        let zone = ZoneClock(identifier: input.policy.timezone) ?? .utc
        func monday(_ day: Int) -> Int { day - (CivilDateTime.isoWeekday(fromDays: day) - 1) }

        struct Counts {
            var tickets = 0
            var achieved = 0
            var breached = 0
            var early = 0
            var openOverdue = 0
            var pending = 0
        }
        var byWeek: [Int: Counts] = [:]
        var first: Instant?
        var last: Instant?
        var currentWeek = Int.min
        var counts = Counts()
        func flush() {
            guard currentWeek != Int.min else { return }
            var c = byWeek[currentWeek] ?? Counts()
            c.tickets += counts.tickets
            c.achieved += counts.achieved
            c.breached += counts.breached
            c.openOverdue += counts.openOverdue
            c.early += counts.early
            c.pending += counts.pending
            byWeek[currentWeek] = c
            counts = Counts()
        }
        for i in results.indices {
            let created = Instant(seconds: results.created[i])
            if first.map({ created < $0 }) ?? true { first = created }
            if last.map({ created > $0 }) ?? true { last = created }
            let week = monday(zone.localDayNumber(created))
            if week != currentWeek {
                flush()
                currentWeek = week
            }
            counts.tickets += 1
            if !shared.excluded[i] {
                switch results.outcome[i] {
                case TicketResults.achieved: counts.achieved += 1
                case TicketResults.breached:
                    counts.breached += 1
                    if results.frt[i] == TicketResults.none { counts.openOverdue += 1 }
                case TicketResults.early: counts.early += 1
                case TicketResults.pending: counts.pending += 1
                default: break
                }
            }
        }
        flush()
        guard let firstCreated = first, let lastCreated = last else { return ([], 0) }
        let start = input.window.since ?? firstCreated
        let end = input.window.until ?? input.window.asOf
        let span = max(0, end.seconds - start.seconds)
        let firstWeek = monday(zone.localDayNumber(start))
        let lastWeek = monday(zone.localDayNumber(input.window.until.map { $0.adding(seconds: -1) } ?? lastCreated))
        let weekNumbers: [Int]
        if lastWeek >= firstWeek, (lastWeek - firstWeek) / 7 < maximumHistoryWeeks {
            weekNumbers = Array(stride(from: firstWeek, through: lastWeek, by: 7))
        } else {
            weekNumbers = byWeek.keys.sorted()
        }
        let weeks = weekNumbers.map { day -> HistoryWeek in
            let c = byWeek[day] ?? Counts()
            return HistoryWeek(
                week: isoWeekLabel(monday: day), start: dateString(day), tickets: c.tickets, achieved: c.achieved,
                breached: c.breached, early: c.early, openOverdue: c.openOverdue, pending: c.pending,
                attainment: Percent(c.achieved, of: c.achieved + c.breached + c.early))
        }
        return (weeks, span)
    }

    /// Past this many weeks, the history lists only weeks with tickets.
    static let maximumHistoryWeeks = 530

    /// `2016-W47` for the week starting on the Monday `day` (days since 1970-01-01): the ISO year is the
    /// Thursday's year, and week 1 is the week with the year's first Thursday.
    static func isoWeekLabel(monday day: Int) -> String {
        let thursday = day + 3
        let year = CivilDateTime.civil(fromDays: thursday).year
        let week = (thursday - CivilDateTime.days(year: year, month: 1, day: 1)) / 7 + 1
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// `YYYY-MM-DD` of a day number.
    static func dateString(_ day: Int) -> String {
        let (y, m, d) = CivilDateTime.civil(fromDays: day)
        return CivilDateTime(year: y, month: m, day: d).dateString
    }
}
