import Foundation

/// Converts between UTC instants and local wall-clock time in one IANA time zone (DST-aware).
///
/// Offsets come from the system's tz database through Foundation's `TimeZone`, looked up per instant;
/// the results never depend on the machine's own time zone or locale.
public struct ZoneClock: Sendable {
    public let identifier: String
    private let zone: TimeZone
    private let fixedOffset: Int?

    /// Nil when `identifier` is not a known IANA zone. `UTC`, `GMT` and `Z` are always known.
    public init?(identifier: String) {
        if ["UTC", "GMT", "Z", "Etc/UTC"].contains(identifier) {
            self.identifier = identifier
            self.zone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
            self.fixedOffset = 0
            return
        }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
        self.fixedOffset = nil
    }

    public static let utc = ZoneClock(fixedUTC: ())

    private init(fixedUTC: Void) {
        identifier = "UTC"
        zone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
        fixedOffset = 0
    }

    /// Seconds east of UTC in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        if let fixedOffset { return fixedOffset }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
    }

    /// The local wall-clock time at `instant`.
    public func local(_ instant: Instant) -> CivilDateTime {
        CivilDateTime(utcSeconds: instant.seconds + Int64(offset(at: instant)))
    }

    /// The instant at which the local clock shows `local`. In a DST gap (a time that does not exist) the
    /// result is the same distance past the transition; in an overlap the earlier instant is taken.
    public func instant(local: CivilDateTime) -> Instant {
        let wall = local.utcSeconds
        if let fixedOffset { return Instant(seconds: wall - Int64(fixedOffset)) }
        let first = Int64(offset(at: Instant(seconds: wall - 86_400)))
        let second = Int64(offset(at: Instant(seconds: wall + 86_400)))
        // Try both offsets in force around this wall time; prefer the earlier valid instant.
        let candidates = [wall - max(first, second), wall - min(first, second)]
        for c in candidates where Int64(offset(at: Instant(seconds: c))) == wall - c {
            return Instant(seconds: c)
        }
        return Instant(seconds: wall - first)
    }

    /// Local midnight starting the local date `year-month-day`.
    public func startOfDay(year: Int, month: Int, day: Int) -> Instant {
        instant(local: CivilDateTime(year: year, month: month, day: day))
    }
}
