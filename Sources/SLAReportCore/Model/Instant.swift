/// A UTC instant at one-second resolution: whole seconds since 1970-01-01T00:00:00Z.
///
/// Every timestamp of every input becomes an `Instant`; sub-second parts are truncated toward the past.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since the Unix epoch (negative before 1970).
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    /// `self + seconds`.
    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta) }

    /// The civil date and time of this instant in UTC.
    public var utc: CivilDateTime { CivilDateTime(utcSeconds: seconds) }

    /// RFC 3339 in UTC with a `Z` suffix, e.g. `2016-11-21T09:14:03Z`; formatted by hand, never by the locale.
    public var rfc3339: String { utc.rfc3339UTC }

    public var description: String { rfc3339 }
}
