/// How the human reports (Markdown, HTML) print durations, instants, percentages and trends.
///
/// All formatting is done by hand: never the machine's locale, calendar or time zone.
/// - durations: the two largest units of `d h m s`, truncated (`1d 4h`, `3h 12m`, `45m`, `30s`, `0s`); a
///   zero second unit is left out (`1d`, not `1d 0h`); nil is `—`;
/// - instants: `2016-11-21 09:14 UTC` (minutes, UTC: the human reports read in one zone whatever the
///   policy's, and the JSON/CSV keep the seconds);
/// - percentages: `89.29%` from ``Percent/description``; nil is `—`;
/// - trend: the change in attainment against the previous window in percentage points, `▲ 2.5 pts`,
///   `▼ 1 pts`, `= 0 pts`, or `—` when either side has no attainment.
public enum DurationFormat {
    /// The placeholder for a missing value.
    public static let none = "—"

    /// `1d 4h`, `3h 12m`, `45m`, `30s`, `0s`: the two largest units, truncating; `—` for nil. Negative
    /// durations get a leading `-`.
    public static func human(_ seconds: Int64?) -> String {
        guard let seconds else { return none }
        if seconds < 0 {
            // Int64.min has no positive counterpart; clamp (never happens with real data).
            let magnitude = seconds == Int64.min ? Int64.max : -seconds
            return "-" + human(magnitude)
        }
        let units: [(suffix: String, size: Int64)] = [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]
        var rest = seconds
        var parts: [String] = []
        for (index, unit) in units.enumerated() {
            let value = rest / unit.size
            rest %= unit.size
            if parts.isEmpty {
                if value > 0 || index == units.count - 1 { parts.append("\(value)\(unit.suffix)") }
            } else {
                if value > 0 { parts.append("\(value)\(unit.suffix)") }
                break
            }
        }
        return parts.joined(separator: " ")
    }

    /// `2016-11-21 09:14 UTC` (truncated to the minute); `—` for nil.
    public static func instant(_ instant: Instant?) -> String {
        guard let instant else { return none }
        let civil = instant.utc
        return "\(civil.dateString) \(civil.timeString) UTC"
    }

    /// `89.29%`; `—` for nil.
    public static func percent(_ percent: Percent?) -> String {
        guard let percent else { return none }
        return "\(percent.description)%"
    }

    /// The change from `previous` to `current` in percentage points: `▲ 2.5 pts`, `▼ 0.25 pts`, `= 0 pts`;
    /// `—` when either is nil.
    public static func trend(current: Percent?, previous: Percent?) -> String {
        guard let current, let previous else { return none }
        let delta = current.hundredths - previous.hundredths
        let magnitude = Percent(hundredths: abs(delta)).description
        if delta > 0 { return "▲ \(magnitude) pts" }
        if delta < 0 { return "▼ \(magnitude) pts" }
        return "= 0 pts"
    }

    /// `88.6%`: one decimal, **truncated** (88.68 → 88.6), so a channel below its goal never shows the goal's
    /// own figure (89.96 against 90 reads 89.9); `—` for nil. The exact value (two decimals) goes in a tooltip.
    public static func percentOneDecimal(_ percent: Percent?) -> String {
        guard let percent else { return none }
        let tenths = percent.hundredths / 10  // toward zero
        let sign = percent.hundredths < 0 && tenths == 0 ? "-" : ""
        return "\(sign)\(tenths / 10).\(abs(tenths % 10))%"
    }

    /// A trend in points with one decimal (rounded half away from zero): `▲ 2.5`, `▼ 12.3`, `= 0`; the
    /// left-out and unavailable forms are ``DurationFormat/smallSample`` and `—`.
    public static func trend(_ trend: Trend) -> String {
        switch trend {
        case .unavailable: return none
        case .leftOut: return smallSample
        case .change(let hundredths):
            let tenths = (abs(hundredths) + 5) / 10
            let text = "\(tenths / 10).\(tenths % 10)"
            if tenths == 0 { return "= 0.0" }
            return hundredths > 0 ? "▲ \(text)" : "▼ \(text)"
        }
    }

    /// The trend cell of a channel whose trend was left out for a small sample.
    public static let smallSample = "few"

    /// Points with one decimal, unsigned (`12.3`), rounded half away from zero.
    public static func points(_ hundredths: Int) -> String {
        let tenths = (abs(hundredths) + 5) / 10
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `49620 seconds` (the exact value behind a human duration, for tooltips); `—` for nil.
    public static func exactSeconds(_ seconds: Int64?) -> String {
        guard let seconds else { return none }
        return seconds == 1 ? "1 second" : "\(seconds) seconds"
    }

    /// A count, or `—` for nil.
    public static func count(_ value: Int?) -> String {
        guard let value else { return none }
        return String(value)
    }
}
