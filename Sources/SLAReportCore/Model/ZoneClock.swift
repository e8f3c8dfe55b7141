import Foundation

/// Converts between UTC instants and local wall-clock time in one IANA time zone (DST-aware).
///
/// Offsets come from the system's tz database through Foundation's `TimeZone`. For instants between 1900 and
/// 2100 they are read from a table of the zone's transitions, built once per zone identifier and shared by
/// every clock of that zone (a binary search, no Foundation call per lookup); outside that range Foundation
/// is asked per instant. The results never depend on the machine's own time zone or locale.
public struct ZoneClock: Sendable {
    public let identifier: String
    private let zone: TimeZone
    private let fixedOffset: Int?
    private let table: ZoneTransitionTable?

    /// Nil when `identifier` is not a known IANA zone. `UTC`, `GMT` and `Z` are always known.
    public init?(identifier: String) {
        if ["UTC", "GMT", "Z", "Etc/UTC"].contains(identifier) {
            self.identifier = identifier
            self.zone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
            self.fixedOffset = 0
            self.table = nil
            return
        }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
        self.fixedOffset = nil
        self.table = ZoneTransitionTable.shared(for: identifier, zone: zone)
    }

    public static let utc = ZoneClock(fixedUTC: ())

    private init(fixedUTC: Void) {
        identifier = "UTC"
        zone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
        fixedOffset = 0
        table = nil
    }

    /// Seconds east of UTC in force at `instant`.
    public func offset(at instant: Instant) -> Int {
        if let fixedOffset { return fixedOffset }
        if let table, let offset = table.offset(at: instant.seconds) { return offset }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
    }

    /// The local wall-clock time at `instant`.
    public func local(_ instant: Instant) -> CivilDateTime {
        CivilDateTime(utcSeconds: instant.seconds + Int64(offset(at: instant)))
    }

    /// The instant at which the local clock shows `local`. In a DST gap (a time that does not exist) the
    /// result is the same distance past the transition; in an overlap the earlier instant is taken.
    public func instant(local: CivilDateTime) -> Instant {
        instant(wallSeconds: local.utcSeconds)
    }

    /// ``instant(local:)`` for a wall-clock time given as seconds since 1970-01-01T00:00 local (the wall
    /// time read as if it were UTC), without building a ``CivilDateTime``.
    func instant(wallSeconds wall: Int64) -> Instant {
        if let fixedOffset { return Instant(seconds: wall - Int64(fixedOffset)) }
        let first = Int64(offset(at: Instant(seconds: wall - 86_400)))
        let second = Int64(offset(at: Instant(seconds: wall + 86_400)))
        if first == second, Int64(offset(at: Instant(seconds: wall - first))) == first {
            return Instant(seconds: wall - first)
        }
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

    /// The offset in force at `instant` and the instant of the next change after it (`Int64.max` when there
    /// is none). Beyond the cached table (before 1900, after 2100) the offset is taken as constant.
    func offsetSegment(at instant: Instant) -> (offset: Int, end: Int64) {
        if let fixedOffset { return (fixedOffset, Int64.max) }
        if let table {
            if let index = table.segment(at: instant.seconds) {
                let end = index < table.transitions.count ? table.transitions[index] : ZoneTransitionTable.upperBound
                return (table.offsets[index], end)
            }
            if instant.seconds < ZoneTransitionTable.lowerBound {
                return (offset(at: instant), ZoneTransitionTable.lowerBound)
            }
        }
        return (offset(at: instant), Int64.max)
    }

    /// The local date of `instant` as a day number (days since 1970-01-01), without building a
    /// ``CivilDateTime``.
    func localDayNumber(_ instant: Instant) -> Int {
        Int((instant.seconds + Int64(offset(at: instant))).floorDivided(by: 86_400))
    }
}

/// The UTC offsets of one zone between 1900 and 2100 as a sorted list of transitions; immutable once built.
final class ZoneTransitionTable: Sendable {
    /// 1900-01-01T00:00:00Z.
    static let lowerBound: Int64 = -2_208_988_800
    /// 2100-01-01T00:00:00Z.
    static let upperBound: Int64 = 4_102_444_800

    /// Instants at which the offset changes, ascending.
    let transitions: [Int64]
    /// `offsets[i]` is in force before `transitions[i]` (and after `transitions[i - 1]`); one more than
    /// `transitions`.
    let offsets: [Int]

    init(zone: TimeZone) {
        var transitions: [Int64] = []
        var offsets: [Int] = [zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(Self.lowerBound)))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(Self.lowerBound))
        // A zone changes its offset a few times a year at most; the cap only guards against a broken tz database.
        for _ in 0..<4_000 {
            guard let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor else { break }
            let seconds = Int64(next.timeIntervalSince1970.rounded(.down))
            if seconds >= Self.upperBound { break }
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            if offset != offsets[offsets.count - 1] {
                transitions.append(seconds)
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The offset at `seconds`, or nil outside the table's range.
    func offset(at seconds: Int64) -> Int? {
        segment(at: seconds).map { offsets[$0] }
    }

    /// The index in ``offsets`` of the offset in force at `seconds`, or nil outside the table's range.
    func segment(at seconds: Int64) -> Int? {
        guard seconds >= Self.lowerBound, seconds < Self.upperBound else { return nil }
        // The number of transitions at or before `seconds`.
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= seconds { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static let cache = ZoneTableCache()

    /// The table of the zone `identifier`, built on first use and shared afterwards.
    static func shared(for identifier: String, zone: TimeZone) -> ZoneTransitionTable {
        cache.table(for: identifier) { ZoneTransitionTable(zone: zone) }
    }
}

/// The process-wide cache of transition tables, keyed by zone identifier.
private final class ZoneTableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [String: ZoneTransitionTable] = [:]

    func table(for identifier: String, make: () -> ZoneTransitionTable) -> ZoneTransitionTable {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[identifier] { return table }
        let table = make()
        tables[identifier] = table
        return table
    }
}
