/// Finds, fast, the channel policy and calendar that judge a ticket: the policy version in force at the
/// ticket's creation (``Policy/effectiveFrom(_:)``) and the channel's schedule (``PolicyCalendars``).
/// Built once per run, so that the per-ticket lookup is a dictionary probe per version rather than the
/// linear scans and zone conversions of ``Policy/channelPolicy(for:createdAt:)``.
public struct TargetResolver: Sendable {
    /// Per version, oldest first: the instant it takes effect and its channel table.
    private let tables: [(from: Instant, channels: [String: ChannelPolicy])]
    private let calendars: PolicyCalendars

    public init(policy: Policy) {
        func table(_ channels: [ChannelPolicy]) -> [String: ChannelPolicy] {
            Dictionary(channels.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        }
        var tables: [(Instant, [String: ChannelPolicy])] = [(Instant(seconds: Int64.min), table(policy.channels))]
        for version in policy.versions {
            guard let from = policy.effectiveFrom(version) else { continue }
            tables.append((from, table(version.channels)))
        }
        tables.sort { $0.0 < $1.0 }
        self.tables = tables
        self.calendars = PolicyCalendars(policy: policy)
    }

    /// The channel policy in force for a ticket of `channel` created at `created`; nil for unknown channels.
    public func channelPolicy(_ channel: String, createdAt created: Instant) -> ChannelPolicy? {
        var chosen: ChannelPolicy?
        for table in tables {
            if table.from > created { break }
            chosen = table.channels[channel]
        }
        return chosen
    }

    /// The calendar of a channel's schedule.
    public func calendar(for channel: ChannelPolicy) -> BusinessCalendar {
        calendars.calendar(for: channel)
    }
}
