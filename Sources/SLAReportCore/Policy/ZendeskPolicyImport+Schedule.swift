extension ZendeskPolicyConverter {
    /// The longest holiday imported, in days (a longer one is most likely a typo in a year).
    static let maximumHolidayDays = 366

    /// The schedules by name: the first one that has working intervals is `default`, each other one is
    /// named after its `name` (lower case with dashes, unique).
    mutating func convertSchedules(
        _ list: [(path: String, value: PolicyJSON)], topLevel: PolicyJSON
    ) -> [(name: String, schedule: Schedule)] {
        var topHolidays: (json: PolicyJSON, path: String)?
        if case .object(let members) = topLevel, let holidays = Self.member(members, "holidays") {
            topHolidays = (holidays, "holidays")
            if list.count > 1 {
                note(
                    schedulesPath, "holidays", field: "holidays",
                    "holidays outside a schedule apply to the first schedule only")
            }
        }
        var result: [(name: String, schedule: Schedule)] = []
        for (index, entry) in list.enumerated() {
            guard case .object(let members) = entry.value else {
                note(schedulesPath, entry.path, field: nil, "not a schedule object; skipped")
                continue
            }
            let label = Self.member(members, "name").flatMap(Self.text) ?? "schedule \(index + 1)"
            let hours = weeklyHours(Self.member(members, "intervals"), at: Self.child(entry.path, "intervals"))
            guard !hours.isEmpty else {
                note(
                    schedulesPath, Self.child(entry.path, "intervals"), field: "intervals",
                    "schedule \(PolicyJSON.quoted(label)) has no working intervals; not imported")
                continue
            }
            var holidays = holidayDates(Self.member(members, "holidays"), at: Self.child(entry.path, "holidays"))
            if result.isEmpty, let topHolidays {
                holidays += holidayDates(topHolidays.json, at: topHolidays.path)
            }
            let zone = timeZone(
                Self.member(members, "time_zone"), at: Self.child(entry.path, "time_zone"), label: label)
            let name =
                result.isEmpty ? "default" : Self.uniqueKey(Self.slug(label), taken: ["default"] + result.map(\.name))
            result.append((name, Schedule(timezone: zone, hours: hours, holidays: Array(Set(holidays)).sorted())))
        }
        if result.count > 1 {
            note(
                schedulesPath, "", field: nil,
                "schedules other than the first (\(result.dropFirst().map(\.name).joined(separator: ", "))) are "
                    + "imported by name but used by no channel: Zendesk picks a ticket's schedule by triggers, which "
                    + "a policy cannot follow; set a channel's \"schedule\" to use one")
        }
        return result
    }

    /// A Rails time-zone name (or an IANA id) as an IANA id; UTC, with a note, for anything else.
    mutating func timeZone(_ json: PolicyJSON?, at path: String, label: String) -> String {
        guard let name = json.flatMap(Self.text) else {
            note(
                schedulesPath, path, field: "time_zone",
                "schedule \(PolicyJSON.quoted(label)) has no time_zone; UTC is used")
            return "UTC"
        }
        guard let zone = ZendeskTimeZones.iana(name) else {
            note(
                schedulesPath, path, field: "time_zone",
                "\(PolicyJSON.quoted(name)) is not a Zendesk (Rails) or IANA time zone; UTC is used")
            return "UTC"
        }
        return zone
    }

    /// Intervals in minutes from Sunday 00:00 as spans per ISO weekday, merged where they overlap or touch.
    /// An interval that runs past midnight (Zendesk does not allow one) is split there.
    mutating func weeklyHours(_ json: PolicyJSON?, at path: String) -> [Int: [MinuteInterval]] {
        guard case .array(let elements)? = json else {
            if json != nil { note(schedulesPath, path, field: "intervals", "not an array; no working hours") }
            return [:]
        }
        var byDay: [Int: [MinuteInterval]] = [:]
        for (index, element) in elements.enumerated() {
            let entryPath = Self.child(path, index: index)
            guard case .object(let members) = element,
                let start = Self.member(members, "start_time").flatMap(Self.number),
                let end = Self.member(members, "end_time").flatMap(Self.number),
                start == start.rounded(), end == end.rounded()
            else {
                note(
                    schedulesPath, entryPath, field: "intervals", "not {start_time, end_time} in whole minutes; skipped"
                )
                continue
            }
            let (from, to) = (Int(start), Int(end))
            guard from >= 0, from < 7 * 1440, to > from, to - from <= 1440 else {
                note(
                    schedulesPath, entryPath, field: "intervals",
                    "\(from)–\(to) is not a span of at most a day starting in the week (0–10079 minutes from Sunday "
                        + "00:00); skipped")
                continue
            }
            let day = from / 1440
            let (startOfDay, endOfDay) = (from - day * 1440, to - day * 1440)
            byDay[day, default: []].append(MinuteInterval(start: startOfDay, end: min(endOfDay, 1440)))
            if endOfDay > 1440 {
                byDay[(day + 1) % 7, default: []].append(MinuteInterval(start: 0, end: endOfDay - 1440))
            }
        }
        var hours: [Int: [MinuteInterval]] = [:]
        for (day, spans) in byDay {
            var merged: [MinuteInterval] = []
            for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
                if let last = merged.last, span.start <= last.end {
                    merged[merged.count - 1].end = max(last.end, span.end)
                } else {
                    merged.append(span)
                }
            }
            hours[day == 0 ? 7 : day] = merged
        }
        return hours
    }

    /// The dates holidays cover: `start_date`…`end_date` (or `start_time`…`end_time`, as the docs' example
    /// writes them), both included.
    mutating func holidayDates(_ json: PolicyJSON?, at path: String) -> [String] {
        guard let json else { return [] }
        guard case .array(let elements) = json else {
            note(schedulesPath, path, field: "holidays", "not an array; no holidays")
            return []
        }
        var dates: [String] = []
        for (index, element) in elements.enumerated() {
            let entryPath = Self.child(path, index: index)
            guard case .object(let members) = element else {
                note(schedulesPath, entryPath, field: "holidays", "not a holiday object; skipped")
                continue
            }
            let startText = (Self.member(members, "start_date") ?? Self.member(members, "start_time")).flatMap(
                Self.text)
            let endText =
                (Self.member(members, "end_date") ?? Self.member(members, "end_time")).flatMap(Self.text) ?? startText
            guard let startText, let endText,
                let first = BusinessCalendar.dayNumber(ofDate: String(startText.prefix(10))),
                let last = BusinessCalendar.dayNumber(ofDate: String(endText.prefix(10)))
            else {
                note(schedulesPath, entryPath, field: "start_date", "no start_date / end_date in YYYY-MM-DD; skipped")
                continue
            }
            guard last >= first, last - first < Self.maximumHolidayDays else {
                note(
                    schedulesPath, entryPath, field: "end_date",
                    "\(startText)…\(endText) is not a span of 1 to \(Self.maximumHolidayDays) days; skipped")
                continue
            }
            for day in first...last {
                let (year, month, dayOfMonth) = CivilDateTime.civil(fromDays: day)
                dates.append(CivilDateTime(year: year, month: month, day: dayOfMonth).dateString)
            }
        }
        return dates
    }
}
