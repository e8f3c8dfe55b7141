extension Policy {
    /// The instant a version comes into force: local midnight starting its `effective_from` date in the
    /// policy's `timezone` (nil for a malformed date, which decoding rejects).
    public func effectiveFrom(_ version: PolicyVersion) -> Instant? {
        guard let day = BusinessCalendar.dayNumber(ofDate: version.effectiveFrom) else { return nil }
        let zone = ZoneClock(identifier: timezone) ?? .utc
        return zone.instant(wallSeconds: Int64(day) * 86_400)
    }

    /// The version in force for a ticket created at `createdAt`: the latest whose ``effectiveFrom(_:)`` is at
    /// or before it; nil when the base channel table applies.
    public func version(at createdAt: Instant) -> PolicyVersion? {
        var inForce: PolicyVersion?
        for version in versions {
            guard let start = effectiveFrom(version), start <= createdAt else { break }
            inForce = version
        }
        return inForce
    }

    /// The channel table a ticket created at `createdAt` is judged by. A version's table replaces the base
    /// one entirely: a channel it leaves out has no policy (no target) for tickets created while it is in
    /// force.
    public func channels(at createdAt: Instant) -> [ChannelPolicy] {
        version(at: createdAt)?.channels ?? channels
    }

    /// The policy of channel `key` for a ticket created at `createdAt` (see ``channels(at:)``); nil when the
    /// table in force has no such channel.
    public func channelPolicy(for key: String, createdAt: Instant) -> ChannelPolicy? {
        let table = versions.isEmpty ? channels : channels(at: createdAt)
        return table.first { $0.key == key }
    }

    /// The first- and next-reply targets of `channel` for a ticket of `priority` (case-insensitive): the
    /// `by_priority` entry's targets where it gives them, the channel's own otherwise.
    public func targets(for channel: ChannelPolicy, priority: String?) -> (
        firstReply: SLADuration?, nextReply: SLADuration?
    ) {
        guard let priority, !channel.byPriority.isEmpty,
            let entry = channel.byPriority.first(where: { equalsIgnoringCase($0.key, priority) })?.value
        else { return (channel.firstReply, channel.nextReply) }
        return (entry.firstReply ?? channel.firstReply, entry.nextReply ?? channel.nextReply)
    }

    /// The target of `metric` for a ticket of `priority` (case-insensitive) on `channel`: the `by_priority`
    /// entry's when it names the metric, the channel's own otherwise; nil when neither has one.
    public func target(_ metric: SLAMetric, for channel: ChannelPolicy, priority: String?) -> SLADuration? {
        guard let priority, !channel.byPriority.isEmpty,
            let entry = channel.byPriority.first(where: { equalsIgnoringCase($0.key, priority) })?.value
        else { return channel.target(metric) }
        return entry.target(metric) ?? channel.target(metric)
    }

    /// The business calendar of schedule `name`, falling back to `default` (then to the built-in default
    /// schedule) for an unknown name. Builds a new calendar; keep one ``PolicyCalendars`` for many tickets.
    public func calendar(named name: String) -> BusinessCalendar {
        BusinessCalendar(schedule: schedules[name] ?? schedules["default"] ?? Policy.builtInDefaultSchedule)
    }
}

extension ChannelPolicy {
    /// The clock a channel's aggregate figures of `metric` are measured on, so that one percentile never
    /// mixes clocks: the clock of the channel's own target; for a channel whose targets of `metric` are only in
    /// `by_priority` (a policy imported from Zendesk), the clock they all share; nil when there is no target,
    /// or the priorities' targets run on different clocks.
    public func aggregateClock(_ metric: SLAMetric) -> Clock? {
        if let own = target(metric) { return own.clock }
        var shared: Clock?
        for targets in byPriority.values {
            guard let clock = targets.target(metric)?.clock else { continue }
            if let known = shared, known != clock { return nil }
            shared = clock
        }
        return shared
    }

    /// How the reports name the channel's target of `metric`: the channel's own (`1 business day`), `by
    /// priority` when only `by_priority` sets one, nil when there is none.
    public func targetText(_ metric: SLAMetric) -> String? {
        if let own = target(metric) { return own.description }
        return hasTarget(metric) ? ChannelPolicy.byPriorityText : nil
    }

    /// The target text of a channel whose targets of a metric are only in `by_priority`.
    public static let byPriorityText = "by priority"
}

/// One ``BusinessCalendar`` per schedule of a policy, built once and shared by every ticket.
public struct PolicyCalendars: Sendable {
    private let calendars: [String: BusinessCalendar]
    private let fallback: BusinessCalendar

    public init(policy: Policy) {
        var calendars: [String: BusinessCalendar] = [:]
        for (name, schedule) in policy.schedules { calendars[name] = BusinessCalendar(schedule: schedule) }
        self.calendars = calendars
        self.fallback = calendars["default"] ?? BusinessCalendar(schedule: Policy.builtInDefaultSchedule)
    }

    /// The calendar of schedule `name`, or the `default` one for an unknown name.
    public func calendar(named name: String) -> BusinessCalendar {
        calendars[name] ?? fallback
    }

    /// The calendar of `channel`'s schedule.
    public func calendar(for channel: ChannelPolicy) -> BusinessCalendar {
        calendar(named: channel.schedule)
    }
}
