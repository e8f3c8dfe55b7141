/// Hand-written timestamp parsing from bytes to ``Instant`` (SPEC §2), with no `DateFormatter` and no
/// `String` per value.
///
/// Accepted forms (fractions of a second are truncated; `T` may be lower case):
/// - RFC 3339 / ISO 8601: `2016-11-21T09:14:03Z`, `2016-11-21T09:14:03.250+01:00`, `2016-11-21 09:14:03 +0100`,
///   offsets `Z`, `+01:00`, `+0100`, `+01`, optionally after a space; ` UTC` / ` GMT` mean `Z`; seconds may be
///   left out (`2016-11-21 09:14 UTC`); a leap second `:60` is read as `:59`;
/// - date only `2016-11-21`: local midnight;
/// - `2011/09/25 22:35:44 -0700` (slashes; the offset is optional);
/// - Twitter: `Tue Oct 31 22:10:47 +0000 2017`;
/// - Unix seconds: a bare integer of 9 to 11 digits (JSON numbers go through ``unixSeconds(_:)``).
///
/// A time without an offset is read on the input time zone's clock (``ZoneClock``, DST-aware).
/// Invalid dates and times (`2016-02-30`, `25:00`) give nil. The "never" sentinels `1900-01-01 00:00:00`,
/// `0001-01-01 00:00:00` and `0000-00-00 …` (with or without a time, any offset) give ``Value/never``.
public enum Timestamp {
    /// A parsed timestamp: an instant, or a sentinel meaning "no such time" (treated as absent).
    public enum Value: Hashable, Sendable {
        case instant(Instant)
        case never

        /// The instant, nil for ``never``.
        public var instant: Instant? {
            if case .instant(let value) = self { return value }
            return nil
        }
    }

    /// Parses `bytes` (surrounding spaces and tabs ignored); nil when it is not a valid timestamp.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, zone: ZoneClock) -> Value? {
        var days = DayCache()
        return parse(bytes, zone: zone, days: &days)
    }

    /// ``parse(_:zone:)`` with the fast path's last day kept in `days` (one cache per column read).
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, zone: ZoneClock, days: inout DayCache) -> Value? {
        if let seconds = utcSecondsFast(bytes, days: &days) { return .instant(Instant(seconds: seconds)) }
        return parseGeneral(bytes, zone: zone)
    }

    /// The general parser alone (every form above), without the fast path; the fast path is tested against it.
    static func parseGeneral(_ bytes: UnsafeBufferPointer<UInt8>, zone: ZoneClock) -> Value? {
        var scanner = Scanner(bytes: FieldBytes.trimmed(bytes))
        guard scanner.end > 0 else { return nil }
        let first = scanner.peek()
        if isDigit(first) {
            if let value = parseNumericDate(&scanner, zone: zone) { return value }
            return parseUnixDigits(FieldBytes.trimmed(bytes))
        }
        if isLetter(first) { return parseTwitter(&scanner) }
        return nil
    }

    /// Parses a string (tests, options); see ``parse(_:zone:)-(UnsafeBufferPointer<UInt8>,_)``.
    public static func parse(_ string: String, zone: ZoneClock) -> Value? {
        var copy = string
        return copy.withUTF8 { parse($0, zone: zone) }
    }

    /// Unix seconds written as a JSON number (`1479719643`, `1479719643.5`, `1.479719643e9`); the fraction is
    /// truncated toward the past. Nil when not a number or out of the range of years 1 to 9999.
    public static func unixSeconds(_ text: String) -> Instant? {
        var copy = text
        return copy.withUTF8 { buffer -> Instant? in
            let trimmed = FieldBytes.trimmed(buffer)
            if let whole = FieldBytes.integer(trimmed) { return checkedInstant(whole) }
            guard let double = Double(String(decoding: trimmed, as: UTF8.self)), double.isFinite else { return nil }
            let floored = double.rounded(.down)
            guard abs(floored) < 4e11 else { return nil }
            return checkedInstant(Int64(floored))
        }
    }

    // MARK: - The fast path

    /// The seconds of exactly `YYYY-MM-DDTHH:MM:SSZ` (20 bytes, upper-case `T` and `Z`: what nearly every
    /// export writes) when it is an ordinary valid instant; nil for anything else — another form, spaces, an
    /// invalid date or time, a leap second, a "never" sentinel — which the general parser then reads. So the
    /// fast path gives the general parser's value or nothing.
    static func utcSecondsFast(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var days = DayCache()
        return utcSecondsFast(b, days: &days)
    }

    /// The days ``utcSecondsFast(_:days:)`` has read: the last one, and — in a column's cache
    /// (``init(slots:)``) — a direct-mapped table of others by their `YYYY-MM-DD` bytes, so that the
    /// timestamps of the days a file keeps coming back to (an export grouped by ticket moves between the few
    /// days its tickets span: the last day alone answered 62 % of the generated rows, a table of 512 days
    /// 99.8 %) skip the calendar arithmetic. A one-off cache (``init()``) keeps the last day only and
    /// allocates nothing.
    struct DayCache {
        /// One day read: bytes 0..<8 and 8..<10 of a valid timestamp (as loaded), when ``filled``.
        fileprivate struct Day {
            var head: UInt64 = 0
            var tail: UInt16 = 0
            var filled = false
            /// Whether that day's midnight is a "never" sentinel (1900-01-01, 0001-01-01).
            var sentinelDay = false
            /// Its day, in days since 1970-01-01.
            var days: Int32 = 0

            /// Whether this is the day whose bytes are `head` and `tail`.
            @inline(__always)
            func holds(head: UInt64, tail: UInt16) -> Bool { filled && self.head == head && self.tail == tail }
        }
        fileprivate var last = Day()
        /// A power of two of days, or none.
        fileprivate var table: [Day] = []

        /// The last day only.
        init() {}

        /// The last day and a table of `slots` more (rounded up to a power of two).
        init(slots: Int) {
            var count = 1
            while count < slots { count <<= 1 }
            table = [Day](repeating: Day(), count: count)
        }

        /// The table's slot for a day's bytes.
        @inline(__always)
        fileprivate func slot(head: UInt64, tail: UInt16) -> Int {
            let mixed = (head ^ UInt64(tail) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: mixed >> 40) & (table.count &- 1)
        }
    }

    /// ``utcSecondsFast(_:)`` remembering the days read in `cache`: the same value for every input,
    /// whatever was read before.
    @inline(__always)
    static func utcSecondsFast(_ b: UnsafeBufferPointer<UInt8>, days cache: inout DayCache) -> Int64? {
        guard b.count == 20, let base = b.baseAddress, b[19] == UInt8(ascii: "Z"), b[4] == Byte.minus,
            b[7] == Byte.minus, b[10] == UInt8(ascii: "T"), b[13] == Byte.colon, b[16] == Byte.colon
        else { return nil }
        guard let hour = twoDigits(b, 11), let minute = twoDigits(b, 14), let second = twoDigits(b, 17), hour < 24,
            minute < 60, second < 60
        else { return nil }
        let raw = UnsafeRawPointer(base)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if !cache.last.holds(head: head, tail: tail) {
            guard let day = readDay(b, head: head, tail: tail, cache: &cache) else { return nil }
            cache.last = day
        }
        // The sentinels 1900-01-01T00:00:00Z and 0001-01-01T00:00:00Z mean "never": the general parser says so.
        if cache.last.sentinelDay && hour == 0 && minute == 0 && second == 0 { return nil }
        return Int64(cache.last.days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The day of the `YYYY-MM-DD` at the start of `b` (loaded as `head` and `tail`): from the cache's table
    /// when it holds it, else read and checked (and put into the table); nil when it is not a valid date.
    @inline(never)
    private static func readDay(
        _ b: UnsafeBufferPointer<UInt8>, head: UInt64, tail: UInt16, cache: inout DayCache
    ) -> DayCache.Day? {
        let slot = cache.table.isEmpty ? nil : cache.slot(head: head, tail: tail)
        if let slot, cache.table[slot].holds(head: head, tail: tail) { return cache.table[slot] }
        guard let century = twoDigits(b, 0), let yy = twoDigits(b, 2), let month = twoDigits(b, 5),
            let day = twoDigits(b, 8)
        else { return nil }
        let year = century * 100 + yy
        guard year >= 1, month >= 1, month <= 12, day >= 1, day <= CivilDateTime.daysInMonth(year: year, month: month)
        else { return nil }
        let read = DayCache.Day(
            head: head, tail: tail, filled: true, sentinelDay: day == 1 && month == 1 && (year == 1900 || year == 1),
            days: Int32(CivilDateTime.days(year: year, month: month, day: day)))
        if let slot { cache.table[slot] = read }
        return read
    }

    /// The number of the two decimal digits at `i` and `i + 1` of `b` (both must be there); nil when one is
    /// not a digit.
    @inline(__always)
    private static func twoDigits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let hi = b[i] &- Byte.zero
        let lo = b[i + 1] &- Byte.zero
        guard hi < 10, lo < 10 else { return nil }
        return Int(hi) * 10 + Int(lo)
    }

    // MARK: - Forms starting with digits

    private static let minSeconds: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
    private static let maxSeconds: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z

    private static func checkedInstant(_ seconds: Int64) -> Instant? {
        guard seconds >= minSeconds, seconds <= maxSeconds else { return nil }
        return Instant(seconds: seconds)
    }

    /// 9 to 11 digits: Unix seconds (2001-09-09 … 5138).
    private static func parseUnixDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard (9...11).contains(bytes.count), bytes.allSatisfy(isDigit), let value = FieldBytes.integer(bytes) else {
            return nil
        }
        return checkedInstant(value).map(Value.instant)
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][zone]` and `YYYY/MM/DD HH:MM:SS [zone]`.
    private static func parseNumericDate(_ s: inout Scanner, zone: ZoneClock) -> Value? {
        guard let year = s.digits(4) else { return nil }
        let separator = s.peek()
        guard separator == Byte.minus || separator == Byte.slash else { return nil }
        s.advance()
        guard let month = s.digits(2), s.consume(separator), let day = s.digits(2) else { return nil }
        let sentinelDate = (year == 0 && month == 0 && day == 0)
        var hour = 0
        var minute = 0
        var second = 0
        if !s.atEnd {
            let t = s.peek()
            if t == UInt8(ascii: "T") || t == UInt8(ascii: "t") || t == Byte.space {
                s.advance()
                guard let h = s.digits(2), s.consume(Byte.colon), let m = s.digits(2) else { return nil }
                hour = h
                minute = m
                if s.consume(Byte.colon) {
                    guard let sec = s.digits(2) else { return nil }
                    second = sec
                    if s.consume(Byte.dot) || s.consume(Byte.comma) {
                        guard s.skipDigits() > 0 else { return nil }
                    }
                }
            } else if !isZoneStart(t) {
                return nil
            }
        }
        guard let offset = parseZone(&s), s.atEnd else { return nil }
        if sentinelDate { return .never }
        guard CivilDateTime.isValidDate(year: year, month: month, day: day), year >= 1,
            hour < 24, minute < 60, second <= 60
        else { return nil }
        if second == 60 { second = 59 }
        if hour == 0 && minute == 0 && second == 0 && day == 1 && month == 1 && (year == 1900 || year == 1) {
            return .never
        }
        let civil = CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        switch offset {
        case .some(let seconds):
            return checkedInstant(civil.utcSeconds - Int64(seconds)).map(Value.instant)
        case .none:
            return checkedInstant(zone.instant(local: civil).seconds).map(Value.instant)
        }
    }

    private static func isZoneStart(_ b: UInt8) -> Bool {
        b == Byte.plus || b == Byte.minus || b == UInt8(ascii: "Z") || b == UInt8(ascii: "z")
    }

    /// Reads an optional zone at the end: nil = malformed; `.some(nil)` = no zone (local time);
    /// `.some(seconds)` = an explicit offset east of UTC.
    private static func parseZone(_ s: inout Scanner) -> Int?? {
        if s.atEnd { return .some(nil) }
        if s.peek() == Byte.space {
            s.advance()
            guard !s.atEnd else { return nil }
        }
        let b = s.peek()
        if b == UInt8(ascii: "Z") || b == UInt8(ascii: "z") {
            s.advance()
            return .some(0)
        }
        if s.consumeWord("UTC") || s.consumeWord("GMT") {
            if s.atEnd { return .some(0) }
            let sign = s.peek()
            guard sign == Byte.plus || sign == Byte.minus else { return nil }
        }
        let sign = s.peek()
        guard sign == Byte.plus || sign == Byte.minus else { return nil }
        s.advance()
        guard let hours = s.digits(2), hours <= 18 else { return nil }
        var minutes = 0
        if !s.atEnd {
            _ = s.consume(Byte.colon)
            guard let m = s.digits(2), m < 60 else { return nil }
            minutes = m
        }
        let seconds = hours * 3600 + minutes * 60
        return .some(sign == Byte.minus ? -seconds : seconds)
    }

    // MARK: - Twitter

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `Tue Oct 31 22:10:47 +0000 2017`.
    private static func parseTwitter(_ s: inout Scanner) -> Value? {
        guard s.word3(in: dayNames) != nil, s.consume(Byte.space),
            let monthIndex = s.word3(in: monthNames), s.consume(Byte.space),
            let day = s.digits(2), s.consume(Byte.space),
            let hour = s.digits(2), s.consume(Byte.colon), let minute = s.digits(2), s.consume(Byte.colon),
            let second = s.digits(2), s.consume(Byte.space)
        else { return nil }
        let sign = s.peek()
        guard sign == Byte.plus || sign == Byte.minus else { return nil }
        s.advance()
        guard let oh = s.digits(2), let om = s.digits(2), s.consume(Byte.space), let year = s.digits(4), s.atEnd,
            CivilDateTime.isValidDate(year: year, month: monthIndex + 1, day: day), year >= 1,
            hour < 24, minute < 60, second < 60, oh <= 18, om < 60
        else { return nil }
        let offset = (oh * 3600 + om * 60) * (sign == Byte.minus ? -1 : 1)
        let civil = CivilDateTime(
            year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
        return checkedInstant(civil.utcSeconds - Int64(offset)).map(Value.instant)
    }

    // MARK: - Scanning

    static func isDigit(_ b: UInt8) -> Bool { b >= Byte.zero && b <= Byte.nine }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var end: Int { bytes.count }

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }

        func peek() -> UInt8 { index < bytes.count ? bytes[index] : 0 }

        mutating func advance() { index += 1 }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Exactly `count` ASCII digits.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for i in index..<(index + count) {
                let b = bytes[i]
                guard Timestamp.isDigit(b) else { return nil }
                value = value * 10 + Int(b - Byte.zero)
            }
            index += count
            return value
        }

        mutating func skipDigits() -> Int {
            let start = index
            while index < bytes.count && Timestamp.isDigit(bytes[index]) { index += 1 }
            return index - start
        }

        /// A case-insensitive ASCII word.
        mutating func consumeWord(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            let letters = word.utf8Start
            for i in 0..<length where (bytes[index + i] | 0x20) != (letters[i] | 0x20) { return false }
            index += length
            return true
        }

        /// Three letters matched case-insensitively against `names`; the index found.
        mutating func word3(in names: [String]) -> Int? {
            guard index + 3 <= bytes.count else { return nil }
            let a = bytes[index] | 0x20
            let b = bytes[index + 1] | 0x20
            let c = bytes[index + 2] | 0x20
            for (i, name) in names.enumerated() {
                let u = Array(name.utf8)
                if u[0] == a && u[1] == b && u[2] == c {
                    index += 3
                    return i
                }
            }
            return nil
        }
    }
}
