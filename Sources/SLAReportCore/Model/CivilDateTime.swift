/// A proleptic-Gregorian calendar date and wall-clock time with no time zone attached.
///
/// The conversions use Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms, so they are exact
/// for every year and independent of the machine's calendar, locale and time zone.
public struct CivilDateTime: Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The civil time of `utcSeconds` seconds after the epoch, read on the UTC clock.
    public init(utcSeconds: Int64) {
        let days = Int(utcSeconds.floorDivided(by: 86_400))
        let rest = Int(utcSeconds - Int64(days) * 86_400)
        let (y, m, d) = CivilDateTime.civil(fromDays: days)
        self.init(year: y, month: m, day: d, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
    }

    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    /// Whether `year-month-day` names a real day (rejects `2016-02-30`, month 13, day 0).
    public static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number (days since 1970-01-01).
    public static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday of a day number: 1 = Monday … 7 = Sunday.
    public static func isoWeekday(fromDays days: Int) -> Int {
        let w = (days + 3).floorMod(7)  // 1970-01-01 was a Thursday (ISO 4)
        return w + 1
    }

    /// Days since 1970-01-01 of this date.
    public var dayNumber: Int { CivilDateTime.days(year: year, month: month, day: day) }

    /// Seconds since the epoch when this wall-clock time is read on the UTC clock.
    public var utcSeconds: Int64 {
        Int64(dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// `YYYY-MM-DD`.
    public var dateString: String {
        "\(CivilDateTime.pad(year, 4))-\(CivilDateTime.pad(month, 2))-\(CivilDateTime.pad(day, 2))"
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var rfc3339UTC: String {
        "\(dateString)T\(CivilDateTime.pad(hour, 2)):\(CivilDateTime.pad(minute, 2)):\(CivilDateTime.pad(second, 2))Z"
    }

    /// `HH:MM`.
    public var timeString: String { "\(CivilDateTime.pad(hour, 2)):\(CivilDateTime.pad(minute, 2))" }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }
}

extension BinaryInteger {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Self) -> Self {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    /// Remainder with the sign of the divisor.
    func floorMod(_ divisor: Self) -> Self {
        let r = self % divisor
        return r != 0 && (r < 0) != (divisor < 0) ? r + divisor : r
    }
}
