/// The synthetic team's working hours: Monday to Friday, 09:00 to 17:00 UTC (the built-in policy's default
/// schedule), used to place replies realistically. Not the report's business calendar.
enum SyntheticWorkingHours {
    static let open: Int64 = 9 * 3600
    static let close: Int64 = 17 * 3600

    /// The instant `seconds` of working time after `t` (from the next opening when `t` is outside hours),
    /// not counting the days (numbered from 1970-01-01) for which `closed` is true.
    static func advance(_ t: Int64, by seconds: Int64, closed: (Int64) -> Bool = { _ in false }) -> Int64 {
        var now = t
        var remaining = max(0, seconds)
        while true {
            let day = now.floorDivided(by: 86_400)
            let midnight = day * 86_400
            let weekday = CivilDateTime.isoWeekday(fromDays: Int(day))
            let timeOfDay = now - midnight
            if weekday >= 6 || timeOfDay >= close || closed(day) {
                now = midnight + 86_400 + open
                continue
            }
            if timeOfDay < open {
                now = midnight + open
                continue
            }
            let available = midnight + close - now
            if remaining <= available { return now + remaining }
            remaining -= available
            now = midnight + 86_400 + open
        }
    }

    /// Whether `t` is inside working hours.
    static func contains(_ t: Int64) -> Bool {
        let day = t.floorDivided(by: 86_400)
        let timeOfDay = t - day * 86_400
        return CivilDateTime.isoWeekday(fromDays: Int(day)) <= 5 && timeOfDay >= open && timeOfDay < close
    }
}
