/// The SLA policy: channels with their targets, business-hours schedules, routing of native records to
/// channels, the Play-mode views and handle rules the channel checks use, and dated later versions.
///
/// Decode a file with ``Policy/decode(_:source:)``; ``Policy/builtIn`` is the GitLab Support policy of late
/// 2016 (SPEC §3). A decoded policy is validated: every problem names its JSON path.
public struct Policy: Sendable, Equatable {
    public var name: String
    /// The zone that dates such as `--since 2016-11-14`, `--week` and the daily chart are read in (IANA id).
    public var timezone: String
    /// The zone of input timestamps that carry no offset (IANA id).
    public var inputTimezone: String
    /// Named business-hours schedules; `default` always exists after decoding.
    public var schedules: [String: Schedule]
    /// Channels in report order.
    public var channels: [ChannelPolicy]
    public var routing: [RoutingRule]
    public var playMode: [PlayModeView]
    public var handles: Handles?
    /// The people on the team, each with the other names they go by in other systems (`aliases`): one
    /// person's Zendesk name, GitLab username and Twitter handle make one row in the agent table.
    public var agents: [PolicyAgent]
    /// Actors that are automation, never people: they never reply and never cross-assign.
    public var systemActors: [String]
    /// Later channel tables in force from a date, oldest first.
    public var versions: [PolicyVersion]
    /// Where the policy came from: `built-in` or the file path.
    public var source: String

    public init(
        name: String, timezone: String = "UTC", inputTimezone: String = "UTC", schedules: [String: Schedule],
        channels: [ChannelPolicy], routing: [RoutingRule] = [], playMode: [PlayModeView] = [],
        handles: Handles? = nil, agents: [PolicyAgent] = [], systemActors: [String] = [],
        versions: [PolicyVersion] = [], source: String = "built-in"
    ) {
        self.name = name
        self.timezone = timezone
        self.inputTimezone = inputTimezone
        self.schedules = schedules
        self.channels = channels
        self.routing = routing
        self.playMode = playMode
        self.handles = handles
        self.agents = agents
        self.systemActors = systemActors
        self.versions = versions
        self.source = source
    }
}

/// A weekly business-hours schedule in one time zone, with holidays and dates that have hours of their own.
///
/// The hours of a local date `D`, most specific first: `dates[D]` when given (`[]`: closed), else none when
/// `D` is a holiday, else the weekly `hours` of its weekday (``spans(on:)``). A span belongs to the date it
/// starts on, also when it runs past midnight (`"fri": ["22:00-02:00"]` works Friday 22:00 to Saturday
/// 02:00), so a day off cancels the whole span and a date's own hours replace the spans that start on it.
public struct Schedule: Sendable, Equatable {
    /// IANA time-zone id, e.g. `Europe/Amsterdam`.
    public var timezone: String
    /// Working spans per ISO weekday (1 = Monday … 7 = Sunday), in local minutes since that day's midnight.
    public var hours: [Int: [MinuteInterval]]
    /// Holidays as `YYYY-MM-DD` local dates; no span starts on them (unless `dates` gives the date hours).
    public var holidays: [String]
    /// Dates (`YYYY-MM-DD`) with their own spans, replacing the weekday's and winning over `holidays`;
    /// an empty list closes the date.
    public var dates: [String: [MinuteInterval]]

    public init(
        timezone: String, hours: [Int: [MinuteInterval]], holidays: [String] = [],
        dates: [String: [MinuteInterval]] = [:]
    ) {
        self.timezone = timezone
        self.hours = hours
        self.holidays = holidays
        self.dates = dates
    }
}

/// A working span `[start, end)` in minutes since local midnight of the day it belongs to.
///
/// `start` is 0–1439; `end` is after `start` and at most 24 hours later: `end` 1440 is a span ending at
/// `24:00`, and an `end` beyond 1440 runs past midnight into the next day (`22:00-02:00` is 1320–1560).
public struct MinuteInterval: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Whether the span runs past the midnight that ends its day.
    public var crossesMidnight: Bool { end > 1440 }

    /// Whether the span is one a schedule can hold: it starts within its day, and ends after its start and
    /// at most 24 hours later.
    public var isValid: Bool { start >= 0 && start < 1440 && end > start && end - start <= 1440 }
}

/// One channel's targets.
public struct ChannelPolicy: Sendable, Equatable {
    /// The channel key used in the data (`twitter`, `email`, …).
    public var key: String
    /// The display name (`Twitter`).
    public var name: String
    /// The schedule whose business time the business clocks use.
    public var schedule: String
    public var firstReply: SLADuration?
    public var nextReply: SLADuration?
    /// The limit on requester wait time (``SLAMetric/requesterWait``).
    public var requesterWait: SLADuration?
    /// The limit on agent work time (``SLAMetric/agentWork``).
    public var agentWork: SLADuration?
    /// The longest interval between public agent replies while unsolved (``SLAMetric/periodicUpdate``).
    public var periodicUpdate: SLADuration?
    public var resolution: SLADuration?
    /// A first reply sooner than this is *early* (category-4 channels).
    public var notBefore: SLADuration?
    /// The attainment percentage each metric must reach (0–100), by metric; gates the exit code like
    /// `--fail-under`. The policy file's `"goal": 90` is the first-reply goal.
    public var goals: [SLAMetric: Double]
    /// Targets that replace the channel's own for tickets of a priority (`urgent`, `high`, …).
    public var byPriority: [String: PriorityTargets]
    /// Free text for people reading the policy (the Zendesk import says there what it could not map); no
    /// number depends on it.
    public var note: String?

    public init(
        key: String, name: String? = nil, schedule: String = "default", firstReply: SLADuration? = nil,
        nextReply: SLADuration? = nil, requesterWait: SLADuration? = nil, agentWork: SLADuration? = nil,
        periodicUpdate: SLADuration? = nil, resolution: SLADuration? = nil, notBefore: SLADuration? = nil,
        goal: Double? = nil, goals: [SLAMetric: Double] = [:], byPriority: [String: PriorityTargets] = [:],
        note: String? = nil
    ) {
        self.key = key
        self.name = name ?? key
        self.schedule = schedule
        self.firstReply = firstReply
        self.nextReply = nextReply
        self.requesterWait = requesterWait
        self.agentWork = agentWork
        self.periodicUpdate = periodicUpdate
        self.resolution = resolution
        self.notBefore = notBefore
        self.goals = goals
        self.byPriority = byPriority
        self.note = note
        if let goal { self.goals[.firstReply] = goal }
    }

    /// The first-reply goal: `goals[.firstReply]`.
    public var goal: Double? {
        get { goals[.firstReply] }
        set { goals[.firstReply] = newValue }
    }

    /// The channel's own target for `metric` (before `by_priority`).
    public func target(_ metric: SLAMetric) -> SLADuration? {
        switch metric {
        case .firstReply: firstReply
        case .nextReply: nextReply
        case .requesterWait: requesterWait
        case .agentWork: agentWork
        case .periodicUpdate: periodicUpdate
        }
    }

    /// Sets the channel's own target for `metric`.
    public mutating func setTarget(_ metric: SLAMetric, _ duration: SLADuration?) {
        switch metric {
        case .firstReply: firstReply = duration
        case .nextReply: nextReply = duration
        case .requesterWait: requesterWait = duration
        case .agentWork: agentWork = duration
        case .periodicUpdate: periodicUpdate = duration
        }
    }

    /// Whether `metric` has a target for some tickets of the channel: its own, or one in `by_priority`.
    public func hasTarget(_ metric: SLAMetric) -> Bool {
        target(metric) != nil || byPriority.values.contains { $0.target(metric) != nil }
    }
}

/// Per-priority overrides: each target given replaces the channel's own for that metric.
public struct PriorityTargets: Sendable, Equatable {
    public var firstReply: SLADuration?
    public var nextReply: SLADuration?
    public var requesterWait: SLADuration?
    public var agentWork: SLADuration?
    public var periodicUpdate: SLADuration?

    public init(
        firstReply: SLADuration? = nil, nextReply: SLADuration? = nil, requesterWait: SLADuration? = nil,
        agentWork: SLADuration? = nil, periodicUpdate: SLADuration? = nil
    ) {
        self.firstReply = firstReply
        self.nextReply = nextReply
        self.requesterWait = requesterWait
        self.agentWork = agentWork
        self.periodicUpdate = periodicUpdate
    }

    /// The override for `metric`, nil when the channel's own target applies.
    public func target(_ metric: SLAMetric) -> SLADuration? {
        switch metric {
        case .firstReply: firstReply
        case .nextReply: nextReply
        case .requesterWait: requesterWait
        case .agentWork: agentWork
        case .periodicUpdate: periodicUpdate
        }
    }

    /// Sets the override for `metric`.
    public mutating func setTarget(_ metric: SLAMetric, _ duration: SLADuration?) {
        switch metric {
        case .firstReply: firstReply = duration
        case .nextReply: nextReply = duration
        case .requesterWait: requesterWait = duration
        case .agentWork: agentWork = duration
        case .periodicUpdate: periodicUpdate = duration
        }
    }

    /// Whether no metric is overridden.
    public var isEmpty: Bool { SLAMetric.allCases.allSatisfy { target($0) == nil } }
}

/// Which clock a duration runs on.
public enum Clock: String, Sendable, Equatable {
    /// Wall time, always running.
    case calendar
    /// Runs only inside the schedule's working intervals.
    case businessHours
    /// Runs through whole working days (local midnight to local midnight), stopped on weekends and holidays.
    case businessDays
}

/// A target such as `30 minutes`, `12 business hours` or `1 business day`.
public struct SLADuration: Sendable, Equatable, CustomStringConvertible {
    public enum Unit: String, Sendable, Equatable {
        case minutes, hours, days, businessMinutes, businessHours, businessDays
    }

    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    public var clock: Clock {
        switch unit {
        case .minutes, .hours, .days: .calendar
        case .businessMinutes, .businessHours: .businessHours
        case .businessDays: .businessDays
        }
    }

    /// The length in clock seconds (a business day counts 86 400 clock seconds).
    public var seconds: Int64 {
        switch unit {
        case .minutes, .businessMinutes: Int64(amount) * 60
        case .hours, .businessHours: Int64(amount) * 3600
        case .days, .businessDays: Int64(amount) * 86_400
        }
    }

    /// The normal written form: `30 minutes`, `1 business day`, `8 business hours`.
    public var description: String {
        let one = amount == 1
        let word: String
        switch unit {
        case .minutes: word = one ? "minute" : "minutes"
        case .hours: word = one ? "hour" : "hours"
        case .days: word = one ? "day" : "days"
        case .businessMinutes: word = one ? "business minute" : "business minutes"
        case .businessHours: word = one ? "business hour" : "business hours"
        case .businessDays: word = one ? "business day" : "business days"
        }
        return "\(amount) \(word)"
    }
}

/// A routing rule: when every condition holds, the record goes to `channel`.
public struct RoutingRule: Sendable, Equatable {
    /// Condition field → expected value (compared case-insensitively). Fields: `via`, `tag`, `group`,
    /// `priority`, `source`, `project`.
    public var conditions: [(field: String, value: String)]
    public var channel: String

    public init(conditions: [(field: String, value: String)], channel: String) {
        self.conditions = conditions
        self.channel = channel
    }

    public static func == (lhs: RoutingRule, rhs: RoutingRule) -> Bool {
        lhs.channel == rhs.channel
            && lhs.conditions.map { [$0.field, $0.value] } == rhs.conditions.map { [$0.field, $0.value] }
    }
}

/// A Zendesk view worked in Play mode (oldest first): the channels whose tickets appear in it.
public struct PlayModeView: Sendable, Equatable {
    public var view: String
    public var channels: [String]

    public init(view: String, channels: [String]) {
        self.view = view
        self.channels = channels
    }
}

/// Which handle replies must come from, the team's other brand accounts, and which clients count as "in
/// Zendesk".
public struct Handles: Sendable, Equatable {
    /// The handle replies must come from (`@GitLab`).
    public var main: String
    /// The team's other brand accounts (`@GitLabStatus`): accounts, not people, and not the main handle.
    public var others: [String]
    /// Channels the handle rules apply to.
    public var channels: [String]
    /// Clients that count as replying from Zendesk (`zendesk`).
    public var clients: [String]

    public init(main: String, others: [String] = [], channels: [String], clients: [String]) {
        self.main = main
        self.others = others
        self.channels = channels
        self.clients = clients
    }
}

/// A person on the team (the policy's `agents`): written as a name, or as `{"name": "Ana Souza", "aliases":
/// ["ana_gitlab", "@ana"]}` when the person goes by other names in other systems.
public struct PolicyAgent: Sendable, Equatable, ExpressibleByStringLiteral {
    /// How the report names the person.
    public var name: String
    /// The person's other names (a GitLab username, a Twitter handle, …).
    public var aliases: [String]

    public init(name: String, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
    }

    public init(stringLiteral name: String) { self.init(name: name) }
}

/// A later channel table, in force for tickets created at or after `effectiveFrom` (local midnight in the
/// policy time zone).
public struct PolicyVersion: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var effectiveFrom: String
    public var channels: [ChannelPolicy]

    public init(effectiveFrom: String, channels: [ChannelPolicy]) {
        self.effectiveFrom = effectiveFrom
        self.channels = channels
    }
}
