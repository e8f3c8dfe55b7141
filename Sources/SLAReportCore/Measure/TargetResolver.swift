/// Finds, fast, the channel policy and calendar that judge a ticket: the policy version in force at the
/// ticket's creation (versions start at local midnight of `effective_from` in the policy time zone) and the
/// channel's schedule. Built once per run; lookups are by channel symbol.
public struct TargetResolver: Sendable {
    /// Per version, oldest first: the instant it takes effect and its channel table.
    private let tables: [(from: Instant, channels: [String: ChannelPolicy])]
    private let calendars: [String: BusinessCalendar]
    private let fallbackCalendar: BusinessCalendar

    public init(policy: Policy) {
        let zone = ZoneClock(identifier: policy.timezone) ?? .utc
        var tables: [(Instant, [String: ChannelPolicy])] = [
            (
                Instant(seconds: Int64.min),
                Dictionary(policy.channels.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            )
        ]
        for version in policy.versions {
            let parts = version.effectiveFrom.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { continue }
            let from = zone.startOfDay(year: parts[0], month: parts[1], day: parts[2])
            tables.append((from, Dictionary(version.channels.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })))
        }
        tables.sort { $0.0 < $1.0 }
        self.tables = tables
        var calendars: [String: BusinessCalendar] = [:]
        for (name, schedule) in policy.schedules { calendars[name] = BusinessCalendar(schedule: schedule) }
        self.calendars = calendars
        self.fallbackCalendar =
            calendars["default"]
            ?? BusinessCalendar(schedule: Schedule(timezone: "UTC", hours: [:]))
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
        calendars[channel.schedule] ?? fallbackCalendar
    }

    /// The first- and next-reply targets for a priority (`by_priority` overrides the defaults).
    public static func targets(_ channel: ChannelPolicy, priority: String) -> (first: SLADuration?, next: SLADuration?)
    {
        if let override = channel.byPriority[priority] {
            return (override.firstReply ?? channel.firstReply, override.nextReply ?? channel.nextReply)
        }
        return (channel.firstReply, channel.nextReply)
    }
}
