/// How `slareport explain` writes times and durations: exact to the second (an explanation is checked by
/// hand against the report), by hand (never the machine's locale or zone).
///
/// - durations: every non-zero unit of `d h m s` (`1d 4h 0m 12s` is `1d 4h 12s`), `0s` for zero;
/// - local times: `Fri 2016-11-18 16:00` (seconds shown when not zero: `11:23:41`);
/// - UTC offsets: `+01:00`, `-05:00`, `+05:45`.
public enum ExplainFormat {
    /// `1d 4h 3m 12s`; `0s` for zero; a leading `-` when negative.
    public static func duration(_ seconds: Int64) -> String {
        if seconds < 0 { return "-" + duration(seconds == Int64.min ? Int64.max : -seconds) }
        guard seconds > 0 else { return "0s" }
        var parts: [String] = []
        var rest = seconds
        for (suffix, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)] {
            let value = rest / size
            rest %= size
            if value > 0 { parts.append("\(value)\(suffix)") }
        }
        return parts.joined(separator: " ")
    }

    /// A span on `clock`: business hours never roll over into days (`148h 12m`, since a working day is not
    /// 24 of them); the other clocks as ``duration(_:)``.
    public static func duration(_ seconds: Int64, on clock: Clock) -> String {
        guard clock == .businessHours, seconds >= 86_400 else { return duration(seconds) }
        let rest = duration(seconds % 3600)
        return "\(seconds / 3600)h" + (rest == "0s" ? "" : " " + rest)
    }

    /// A wall time given in seconds since local midnight: `09:00`, `11:23:41`, `24:00`.
    public static func wall(_ seconds: Int64) -> String {
        let clamped = max(0, seconds)
        let h = clamped / 3600
        let m = (clamped % 3600) / 60
        let s = clamped % 60
        let base = "\(pad(h)):\(pad(m))"
        return s == 0 ? base : base + ":\(pad(s))"
    }

    /// `Fri 2016-11-18 16:00` in `zone` (seconds when not zero).
    public static func local(_ instant: Instant, in zone: ZoneClock) -> String {
        let seconds = instant.seconds + Int64(zone.offset(at: instant))
        let day = Int(seconds.floorDivided(by: 86_400))
        let (y, m, d) = CivilDateTime.civil(fromDays: day)
        let weekday = ClockDay.weekdayNames[CivilDateTime.isoWeekday(fromDays: day) - 1]
        let date = CivilDateTime(year: y, month: m, day: d).dateString
        return "\(weekday) \(date) \(wall(seconds - Int64(day) * 86_400))"
    }

    /// `2016-11-18 16:00:12 UTC` (seconds when not zero).
    public static func utc(_ instant: Instant) -> String {
        let day = Int(instant.seconds.floorDivided(by: 86_400))
        let (y, m, d) = CivilDateTime.civil(fromDays: day)
        return
            "\(CivilDateTime(year: y, month: m, day: d).dateString) \(wall(instant.seconds - Int64(day) * 86_400)) UTC"
    }

    /// `+01:00`, `-05:00`, `+05:45`.
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return "\(sign)\(pad(Int64(magnitude / 3600))):\(pad(Int64((magnitude % 3600) / 60)))"
    }

    /// A schedule span in minutes: `09:00–17:00`, `22:00–02:00 (next day)`.
    public static func span(_ interval: MinuteInterval) -> String {
        let end =
            interval.end > 1440 ? wall(Int64(interval.end - 1440) * 60) + " (next day)" : wall(Int64(interval.end) * 60)
        return "\(wall(Int64(interval.start) * 60))–\(end)"
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`.
    public static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
