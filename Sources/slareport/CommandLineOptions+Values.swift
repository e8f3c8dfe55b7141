import SLAReportCore

/// Option values: window bounds, ISO weeks, months, lists and choices, each with its own usage message.
extension CommandLineOptions {
    /// `--since`/`--until`: a date, an RFC 3339 date-time, a span back from `--as-of`, or `now`.
    static func windowBound(_ option: String, _ text: String) throws(SLAReportError) -> When {
        try when(option, text, spans: true)
    }

    /// `--as-of`: a date, an RFC 3339 date-time or `now` (a span back from itself means nothing).
    static func asOf(_ option: String, _ text: String) throws(SLAReportError) -> When {
        try when(option, text, spans: false)
    }

    /// Reads a `WHEN`; `spans` says whether `7d` is one of the accepted forms (and so part of the message).
    static func when(_ option: String, _ text: String, spans: Bool) throws(SLAReportError) -> When {
        let t = text.trimmingSpaces()
        if t.lowercased() == "now" { return .now }
        if let seconds = span(t) {
            guard spans else {
                throw .usage(
                    "\(option): '\(text)' is a span; \(option) takes a date (2016-11-21), an RFC 3339 date-time "
                        + "(2016-11-21T09:00:00Z) or now")
            }
            return .back(seconds: seconds)
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), t.count == 10,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        {
            guard CivilDateTime.isValidDate(year: y, month: m, day: d) else {
                throw .usage("\(option): '\(text)' is not a real date")
            }
            return .date(year: y, month: m, day: d)
        }
        if t.count >= 16, t.first?.isASCIIDigit == true { return .instant(text: t) }
        throw .usage(
            "\(option): '\(text)' is not a date (2016-11-14), an RFC 3339 date-time (2016-11-14T09:00:00Z)"
                + (spans ? ", a span back from --as-of (90m, 36h, 7d, 2w)" : "") + " or now")
    }

    /// `90m`, `36h`, `7d`, `2w` in seconds.
    static func span(_ text: String) -> Int64? {
        guard let unit = text.last, let n = Int64(text.dropLast()), n >= 0, n < 100_000 else { return nil }
        switch unit {
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86_400
        case "w": return n * 7 * 86_400
        default: return nil
        }
    }

    static func isoWeek(_ text: String) throws(SLAReportError) -> (year: Int, week: Int) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, parts[1].hasPrefix("W"), let y = Int(parts[0]), let w = Int(parts[1].dropFirst()),
            parts[0].count == 4, (1...ISOWeek.weeks(inYear: y)).contains(w)
        else { throw .usage("--week: '\(text)' is not an ISO week like 2016-W47") }
        return (y, w)
    }

    static func month(_ text: String) throws(SLAReportError) -> (year: Int, month: Int) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
        else { throw .usage("--month: '\(text)' is not a month like 2016-11") }
        return (y, m)
    }

    /// `a, b,,c` → `["a", "b", "c"]`, lower-cased.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
    }

    /// The value when it is one of `choices`; a usage error naming them otherwise.
    static func choice(_ use: OptionSpec<some Any>.Use, among choices: [String]) throws(SLAReportError) -> String {
        let value = use.value.trimmingSpaces().lowercased()
        guard choices.contains(value) else {
            let alternatives = choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
            throw .usage(
                "\(use.name): '\(use.value)' is not \(alternatives)" + Suggestion.hint(value, among: choices))
        }
        return value
    }
}

/// ISO 8601 week dates.
enum ISOWeek {
    /// Day number of the Monday of week 1 of `year` (the week holding 4 January).
    static func mondayOfWeekOne(_ year: Int) -> Int {
        let jan4 = CivilDateTime.days(year: year, month: 1, day: 4)
        return jan4 - (CivilDateTime.isoWeekday(fromDays: jan4) - 1)
    }

    /// 52 or 53.
    static func weeks(inYear year: Int) -> Int {
        (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }

    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
