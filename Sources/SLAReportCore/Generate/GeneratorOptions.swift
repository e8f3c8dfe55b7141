/// What ``SyntheticExport/generate(_:write:)`` writes: how many tickets, from which seed, in which canonical
/// format and with which profile of behaviour.
///
/// `init(tickets:seed:format:profile:)` fills every other field with the profile's defaults; the CLI may
/// then override them (`--start`, `--days`, `--channel`, `--first-ticket`).
public struct GeneratorOptions: Sendable, Equatable {
    /// The canonical format written (SPEC §2.1 and §2.2).
    public enum Format: String, Sendable, CaseIterable {
        /// `ticket,channel,event,at,actor,value,via`, one row per event.
        case events
        /// `ticket,channel,created_at,first_reply_at,solved_at,priority,assignee,status,subject,url,requester`.
        case tickets
    }

    /// The behaviour of the synthetic team.
    public enum Profile: String, Sendable, CaseIterable {
        /// One year from 2016-01-04 of a 40-agent team, about 5.8 events per ticket, with a few skips,
        /// out-of-order Play-mode takes and cross-assignments: the benchmark input of SPEC §6.
        case benchmark
        /// Four weeks (2016-10-31 to 2016-11-27) of a 12-agent team, cut at the end of the window like a real
        /// export: business-hours replies, weekend tickets, priorities, breaches, early category-4 replies,
        /// next replies, reopens, agent-created tickets; no Play-mode rule breaches.
        case sample
    }

    /// Number of tickets (0 or less writes only the header; at most ``maximumTickets``).
    public var tickets: Int
    /// Seed of the generator: the same options give the same bytes.
    public var seed: UInt64
    /// Events (one row per event) or tickets (one row per ticket). Default: events.
    public var format: Format
    /// The team's behaviour, and the defaults of the fields below. Default: benchmark.
    public var profile: Profile
    /// Tickets are created in `[start, start + days)`. Default: 2016-01-04 (benchmark), 2016-10-31 (sample).
    public var start: Instant
    /// Length of the creation window in days (at least 1). Default: 365 (benchmark), 28 (sample).
    public var days: Int
    /// When set, the export was taken at the end of the creation window: events after it are not written,
    /// so the newest tickets are still open. Default: `false` (benchmark), `true` (sample).
    public var cutAtEnd: Bool
    /// Only these channel keys (see ``SyntheticExport/channelKeys``); empty = all sixteen. Unknown keys are
    /// ignored (``invalidChannels`` lists them for the CLI); a selection with no known key means all.
    public var channels: [String]
    /// The number of the first ticket id; ids count up in creation order. Default: 1 (benchmark),
    /// 51201 (sample).
    public var firstTicket: Int

    public init(tickets: Int, seed: UInt64 = 1, format: Format = .events, profile: Profile = .benchmark) {
        self.tickets = tickets
        self.seed = seed
        self.format = format
        self.profile = profile
        self.channels = []
        switch profile {
        case .benchmark:
            start = Instant(seconds: CivilDateTime(year: 2016, month: 1, day: 4).utcSeconds)
            days = 365
            cutAtEnd = false
            firstTicket = 1
        case .sample:
            start = Instant(seconds: CivilDateTime(year: 2016, month: 10, day: 31).utcSeconds)
            days = 28
            cutAtEnd = true
            firstTicket = 51_201
        }
    }

    /// Keys of ``channels`` that are not channels of the built-in policy, in the order given.
    public var invalidChannels: [String] {
        channels.filter { !SyntheticExport.channelKeys.contains($0) }
    }

    /// The end of the creation window, `start + days` (after the limits of ``normalized``).
    public var end: Instant {
        let n = normalized
        return n.start.adding(seconds: Int64(n.days) * 86_400)
    }

    /// The most tickets one run generates (the generator holds 8 bytes per ticket); the CLI should reject
    /// more rather than rely on the clamp.
    public static let maximumTickets = 20_000_000

    /// The options within the generator's limits: `0…maximumTickets` tickets, `1…36600` days, a window
    /// inside the years 0001–9999, a first ticket id in `0…10^18`.
    var normalized: GeneratorOptions {
        var n = self
        n.tickets = min(max(0, tickets), GeneratorOptions.maximumTickets)
        n.days = min(max(1, days), 36_600)
        n.firstTicket = min(max(0, firstTicket), 1_000_000_000_000_000_000)
        let earliest = CivilDateTime(year: 1, month: 1, day: 1).utcSeconds
        let latest = CivilDateTime(year: 9999, month: 12, day: 31).utcSeconds - Int64(n.days + 60) * 86_400
        n.start = Instant(seconds: min(max(start.seconds, earliest), latest))
        return n
    }
}
