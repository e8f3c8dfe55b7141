import Foundation

/// The whole report, sorted and display-ready: every renderer (Markdown, HTML, JSON, CSV) reads only this,
/// and does no arithmetic of its own. Built by the aggregate stage.
public struct ReportModel: Sendable, Equatable {
    public var toolVersion: String
    public var window: ReportWindow
    public var policy: PolicyInfo
    /// Policy channels in policy order, then channels unknown to the policy alphabetically.
    public var channels: [ChannelSummary]
    public var rules: RuleFindings
    /// First-reply breaches, worst (latest) first within each channel, channels in report order: the first
    /// ``ReportModel/breachListCap`` of each channel (the human reports) and the ``ReportModel/listLimit``
    /// latest of all (``BreachRow/listed``: the JSON's list); ``breachCounts`` has the full numbers.
    public var breaches: [BreachRow]
    /// How many first-reply breaches there are, per channel and in all; nil when ``breaches`` holds them all.
    public var breachCounts: BreachCounts?
    /// Requester-wait, agent-work and periodic-update breaches: metric by metric, channels in report order,
    /// furthest over the target first; uncapped (renderers cap per channel and metric).
    public var metricBreaches: [MetricBreachRow]
    /// People on the team (one row per person, whatever names they go by), sorted by name.
    public var agents: [AgentRow]
    /// The team's brand accounts (`@GitLab`): replies sent as the brand, not by a person; sorted by name.
    public var handles: [AgentRow]
    public var dataQuality: DataQuality
    /// What the reader must know to trust the figures, in ``ReportWarning/Kind`` order.
    public var warnings: [ReportWarning]
    /// Tickets created per day in the window (policy time zone), with first-reply outcomes; for charts.
    public var daily: [DailyPoint]
    /// One row per ticket in the report, sorted by creation then id: the per-ticket CSV (read from the
    /// measure stage's columns when asked for).
    public var tickets: TicketRows
    /// The opening paragraph's figures.
    public var story: ReportStory
    /// Pending tickets due within the next business day after as-of, nearest deadline first; uncapped
    /// (renderers cap with ``ReportModel/atRiskListCap``).
    public var atRisk: [AtRiskRow]
    /// Every ISO week of the window, oldest first (the weekly history, and the volume chart past
    /// ``VolumeSeries/maximumDays``).
    public var weeks: [HistoryWeek]
    /// Whether the window spans more than two weeks: then the reports show the weekly history.
    public var showsHistory: Bool
    /// The volume chart's points: daily, or weekly for long windows.
    public var volume: VolumeSeries
    /// `--fail-under`: the attainment every channel with a first-reply target must reach, beside its own
    /// `goal`; nil when not given.
    public var failUnder: Percent?

    /// How many entries the JSON report's lists hold at most (`breaches`, each `rules` list, `rejected`; SPEC
    /// §5.1): the worst or oldest first, with the full numbers beside them.
    public static let listLimit = 1000
    /// How many breaches each channel lists in the human reports.
    public static let breachListCap = 20
    /// How many findings each rule lists in the human reports.
    public static let findingListCap = 25
    /// How many at-risk tickets the human reports list.
    public static let atRiskListCap = 20
    /// How many requester-wait, agent-work and periodic-update breaches the JSON report lists (SPEC §5.1's cap
    /// on lists); `metric_breach_counts` gives the full numbers.
    public static let metricBreachListLimit = 1000

    public init(
        toolVersion: String, window: ReportWindow, policy: PolicyInfo, channels: [ChannelSummary],
        rules: RuleFindings, breaches: [BreachRow], agents: [AgentRow], handles: [AgentRow] = [],
        dataQuality: DataQuality, warnings: [ReportWarning] = [], daily: [DailyPoint], tickets: TicketRows,
        story: ReportStory = .empty, atRisk: [AtRiskRow] = [], weeks: [HistoryWeek] = [],
        showsHistory: Bool = false, volume: VolumeSeries = .empty, failUnder: Percent? = nil,
        metricBreaches: [MetricBreachRow] = [], breachCounts: BreachCounts? = nil
    ) {
        self.breachCounts = breachCounts
        self.toolVersion = toolVersion
        self.window = window
        self.policy = policy
        self.channels = channels
        self.rules = rules
        self.breaches = breaches
        self.metricBreaches = metricBreaches
        self.agents = agents
        self.handles = handles
        self.dataQuality = dataQuality
        self.warnings = warnings
        self.daily = daily
        self.tickets = tickets
        self.story = story
        self.atRisk = atRisk
        self.weeks = weeks
        self.showsHistory = showsHistory
        self.volume = volume
        self.failUnder = failUnder
    }

    /// The number of first-reply breaches of `channel` (all of them, also those not in ``breaches``).
    public func breachCount(channel: String) -> Int {
        if let breachCounts { return breachCounts.byChannel[channel] ?? 0 }
        return breaches.reduce(0) { $0 + ($1.channel == channel ? 1 : 0) }
    }

    /// The number of first-reply breaches in all.
    public var breachTotal: Int { breachCounts?.total ?? breaches.count }
}

/// The full numbers of first-reply breaches when ``ReportModel/breaches`` is capped.
public struct BreachCounts: Sendable, Equatable {
    /// Every breach of the report.
    public var total: Int
    /// Per channel key (looked up, never iterated into output).
    public var byChannel: [String: Int]

    public init(total: Int, byChannel: [String: Int]) {
        self.total = total
        self.byChannel = byChannel
    }
}

/// The time span of the report: tickets created in `[since, until)`, judged as of `asOf`.
public struct ReportWindow: Sendable, Equatable {
    public var since: Instant?
    public var until: Instant?
    public var asOf: Instant
    /// The record (`events.csv:5123`) whose timestamp set the default as-of; nil when `--as-of` was given.
    public var asOfSource: String?

    public init(since: Instant?, until: Instant?, asOf: Instant, asOfSource: String? = nil) {
        self.since = since
        self.until = until
        self.asOf = asOf
        self.asOfSource = asOfSource
    }
}

/// The policy as the report names it.
public struct PolicyInfo: Sendable, Equatable {
    public var name: String
    /// `built-in` or the policy file's path.
    public var source: String
    /// `effective_from` dates of the later versions used, oldest first.
    public var versions: [String]

    public init(name: String, source: String, versions: [String]) {
        self.name = name
        self.source = source
        self.versions = versions
    }
}

/// Nearest-rank percentiles, max and mean of a set of durations in seconds; all nil when the set is empty.
public struct DurationStats: Sendable, Equatable {
    public var count: Int
    public var p50: Int64?
    public var p90: Int64?
    public var p95: Int64?
    public var max: Int64?
    /// Rounded to the nearest second (halves away from zero).
    public var mean: Int64?

    public init(count: Int, p50: Int64?, p90: Int64?, p95: Int64?, max: Int64?, mean: Int64?) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.max = max
        self.mean = mean
    }

    public static let empty = DurationStats(count: 0, p50: nil, p90: nil, p95: nil, max: nil, mean: nil)
}

/// A percentage kept as hundredths (8929 = 89.29 %) so that every renderer prints the same digits.
public struct Percent: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// `numerator / denominator` in percent rounded to two decimals (half up); nil when the denominator is 0.
    public init?(_ numerator: Int, of denominator: Int) {
        guard denominator > 0 else { return nil }
        self.hundredths = (numerator * 20_000 + denominator) / (2 * denominator)
    }

    /// A goal or threshold such as `90` or `92.5`, rounded to hundredths.
    public init(value: Double) { self.hundredths = Int((value * 100).rounded()) }

    public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.hundredths < rhs.hundredths }

    /// Shortest exact decimal: `89.29`, `92.5`, `100`.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let v = abs(hundredths)
        let whole = v / 100
        let frac = v % 100
        if frac == 0 { return "\(sign)\(whole)" }
        if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
        return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }
}

/// Outcome counts and times of one reply clock (first reply or next reply) over a channel.
public struct ReplySummary: Sendable, Equatable {
    /// The default target of the channel (`1 business day`), nil when it has none.
    public var target: String?
    public var goal: Percent?
    /// Clocks stopped by a reply (tickets replied to, for the first reply).
    public var replied: Int
    /// Outcome counts; nil when there is no target.
    public var achieved: Int?
    public var breached: Int?
    public var openOverdue: Int?
    public var pending: Int?
    public var early: Int?
    /// `achieved / (achieved + breached + early)`; nil when there is no target or the denominator is 0.
    public var attainment: Percent?
    public var calendar: DurationStats
    /// Nil when the default target runs on the calendar clock (or there is none).
    public var business: DurationStats?

    public init(
        target: String?, goal: Percent?, replied: Int, achieved: Int?, breached: Int?, openOverdue: Int?,
        pending: Int?, early: Int?, attainment: Percent?, calendar: DurationStats, business: DurationStats?
    ) {
        self.target = target
        self.goal = goal
        self.replied = replied
        self.achieved = achieved
        self.breached = breached
        self.openOverdue = openOverdue
        self.pending = pending
        self.early = early
        self.attainment = attainment
        self.calendar = calendar
        self.business = business
    }
}

/// Resolution figures of a channel.
public struct ResolutionSummary: Sendable, Equatable {
    /// Tickets solved or closed at least once.
    public var solved: Int
    /// Transitions from solved back to another status.
    public var reopens: Int
    public var firstCalendar: DurationStats
    public var fullCalendar: DurationStats

    public init(solved: Int, reopens: Int, firstCalendar: DurationStats, fullCalendar: DurationStats) {
        self.solved = solved
        self.reopens = reopens
        self.firstCalendar = firstCalendar
        self.fullCalendar = fullCalendar
    }
}

/// The same channel in the window of equal length just before this one.
public struct PreviousWindow: Sendable, Equatable {
    public var tickets: Int
    public var attainment: Percent?
    /// Tickets judged in that window (`achieved + breached + early`).
    public var judged: Int

    public init(tickets: Int, attainment: Percent?, judged: Int = 0) {
        self.tickets = tickets
        self.attainment = attainment
        self.judged = judged
    }
}

/// One channel's line of the report.
public struct ChannelSummary: Sendable, Equatable {
    public var key: String
    public var name: String
    public var tickets: Int
    public var firstReply: ReplySummary
    /// Nil when the channel has no next-reply target.
    public var nextReply: ReplySummary?
    public var resolution: ResolutionSummary
    public var previous: PreviousWindow?
    /// Tickets counted in ``tickets`` but left out of the first-reply figures: Disqus tickets made by our
    /// own replies, and tickets answered by the vendor's word without a reply time. So that the columns add
    /// up: `tickets = judged + pending + leftOut` on a channel with a target.
    public var leftOut: Int
    /// Of ``leftOut``, the tickets answered by the vendor's word without a reply time (the rest are Disqus
    /// reply tickets).
    public var leftOutWithoutReplyTime: Int
    /// First replies placed by the vendor's own figure (Zendesk's first reply time in whole minutes, or its
    /// business minutes on the schedule) rather than by a timestamp.
    public var vendorFigures: Int
    /// Whether the channel is below its goal or the `--fail-under` threshold (only channels with a target).
    public var failsGate: Bool
    /// First-reply time histogram, counts per ``ChannelSummary/frtBuckets`` bucket (calendar seconds).
    public var frtHistogram: [Int]
    /// Every ticket on bands relative to its own target; nil when the channel has no target.
    public var bands: FRTBands?
    /// First-reply attainment per priority, one entry per priority the channel's `by_priority` names (in
    /// ``PriorityAttainment/order``); empty when the channel has no `by_priority`.
    public var byPriority: [PriorityAttainment]
    /// The change against the previous window, or why it is left out.
    public var trend: Trend
    /// The goal or threshold this channel is gated by: its own goal, else `--fail-under` (nil without a
    /// target or a gate).
    public var gate: Percent?
    /// Requester wait, agent work and periodic update, in that order: one entry per metric the channel sets a
    /// target of (its own or in `by_priority`); see ``statusMetric(_:)``.
    public var statusMetrics: [StatusMetricSummary]

    /// Upper bounds (exclusive) of the FRT histogram buckets in seconds; the last bucket is open.
    public static let frtBuckets: [(label: String, upper: Int64)] = [
        ("< 1h", 3600), ("1–4h", 4 * 3600), ("4–8h", 8 * 3600), ("8–24h", 86_400), ("1–2d", 2 * 86_400),
        ("2–7d", 7 * 86_400), ("7–14d", 14 * 86_400), ("≥ 14d", Int64.max),
    ]

    public init(
        key: String, name: String, tickets: Int, firstReply: ReplySummary, nextReply: ReplySummary?,
        resolution: ResolutionSummary, previous: PreviousWindow?, leftOut: Int = 0,
        leftOutWithoutReplyTime: Int = 0, vendorFigures: Int = 0, failsGate: Bool, frtHistogram: [Int],
        byPriority: [PriorityAttainment] = [], bands: FRTBands? = nil, trend: Trend = .unavailable,
        gate: Percent? = nil, statusMetrics: [StatusMetricSummary] = []
    ) {
        self.key = key
        self.name = name
        self.tickets = tickets
        self.firstReply = firstReply
        self.nextReply = nextReply
        self.resolution = resolution
        self.previous = previous
        self.leftOut = leftOut
        self.leftOutWithoutReplyTime = leftOutWithoutReplyTime
        self.vendorFigures = vendorFigures
        self.failsGate = failsGate
        self.frtHistogram = frtHistogram
        self.bands = bands
        self.byPriority = byPriority
        self.trend = trend
        self.gate = gate
        self.statusMetrics = statusMetrics
    }
}

/// A ticket whose first reply breached its target (late, or still unanswered past the deadline).
public struct BreachRow: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var created: Instant
    public var deadline: Instant
    /// Nil for open overdue tickets.
    public var firstReply: Instant?
    /// `first reply − deadline`, or `as-of − deadline` when unanswered.
    public var lateBySeconds: Int64
    public var assignee: String?
    public var url: String?
    /// In the JSON's list: among the ``ReportModel/listLimit`` latest breaches of the report (by lateness;
    /// ties: channel order, then ticket id).
    public var listed: Bool

    public init(
        ticket: String, channel: String, created: Instant, deadline: Instant, firstReply: Instant?,
        lateBySeconds: Int64, assignee: String?, url: String?, listed: Bool = true
    ) {
        self.listed = listed
        self.ticket = ticket
        self.channel = channel
        self.created = created
        self.deadline = deadline
        self.firstReply = firstReply
        self.lateBySeconds = lateBySeconds
        self.assignee = assignee
        self.url = url
    }
}

/// One agent's line.
public struct AgentRow: Sendable, Equatable {
    public var agent: String
    /// Public replies sent in reported tickets.
    public var replies: Int
    /// Reported tickets whose first reply the agent sent.
    public var firstReplies: Int
    /// Median (nearest rank) calendar FRT of those first replies.
    public var frtP50Seconds: Int64?
    /// Breached tickets assigned to the agent at `as-of`.
    public var breachedAssigned: Int
    public var skips: Int
    public var passedOverTakes: Int
    public var crossAssignments: Int

    public init(
        agent: String, replies: Int, firstReplies: Int, frtP50Seconds: Int64?, breachedAssigned: Int, skips: Int,
        passedOverTakes: Int, crossAssignments: Int
    ) {
        self.agent = agent
        self.replies = replies
        self.firstReplies = firstReplies
        self.frtP50Seconds = frtP50Seconds
        self.breachedAssigned = breachedAssigned
        self.skips = skips
        self.passedOverTakes = passedOverTakes
        self.crossAssignments = crossAssignments
    }
}

/// Tickets created on one day (policy time zone) and how their first replies went.
public struct DailyPoint: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var tickets: Int
    public var achieved: Int
    public var breached: Int
    public var early: Int
    /// Attainment of that day's tickets.
    public var attainment: Percent?

    public init(date: String, tickets: Int, achieved: Int, breached: Int, early: Int, attainment: Percent?) {
        self.date = date
        self.tickets = tickets
        self.achieved = achieved
        self.breached = breached
        self.early = early
        self.attainment = attainment
    }
}

/// One line of the per-ticket CSV.
public struct TicketRow: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var priority: String?
    public var created: Instant
    public var firstReply: Instant?
    public var frtSeconds: Int64?
    public var frtBusinessSeconds: Int64?
    public var target: String?
    public var deadline: Instant?
    /// `achieved`, `breached`, `pending`, `early`; nil without a target.
    public var outcome: String?
    public var assignee: String?
    /// Rule flags, sorted: `skipped`, `passed_over`, `cross_assigned`, `wrong_handle`, `outside_zendesk`,
    /// `duplicate_response`, `disqus_reply_ticket`, `early`, and `open_overdue`.
    public var flags: [String]
    /// Requester wait on the clock of the ticket's own target (calendar seconds without one); nil when the
    /// channel sets no requester-wait target (``StatusClockMeasure/ticketSeconds``).
    public var requesterWaitSeconds: Int64?
    /// `achieved`, `breached` or `pending`; nil without a target for the ticket.
    public var requesterWaitOutcome: String?
    /// Agent work, as ``requesterWaitSeconds``.
    public var agentWorkSeconds: Int64?
    public var agentWorkOutcome: String?

    public init(
        ticket: String, channel: String, priority: String?, created: Instant, firstReply: Instant?,
        frtSeconds: Int64?, frtBusinessSeconds: Int64?, target: String?, deadline: Instant?, outcome: String?,
        assignee: String?, flags: [String], requesterWaitSeconds: Int64? = nil, requesterWaitOutcome: String? = nil,
        agentWorkSeconds: Int64? = nil, agentWorkOutcome: String? = nil
    ) {
        self.ticket = ticket
        self.channel = channel
        self.priority = priority
        self.created = created
        self.firstReply = firstReply
        self.frtSeconds = frtSeconds
        self.frtBusinessSeconds = frtBusinessSeconds
        self.target = target
        self.deadline = deadline
        self.outcome = outcome
        self.assignee = assignee
        self.flags = flags
        self.requesterWaitSeconds = requesterWaitSeconds
        self.requesterWaitOutcome = requesterWaitOutcome
        self.agentWorkSeconds = agentWorkSeconds
        self.agentWorkOutcome = agentWorkOutcome
    }
}
