/// The report's figures of requester wait, agent work and periodic update (SPEC §4; issue 12): per channel, the
/// breaches, and the story's misses. Computed by the aggregate stage (``Aggregator``); the renderers only lay
/// them out.

extension SLAMetric {
    /// The metric's name in the reports' prose and tables: `first reply`, `requester wait`, …
    public var label: String {
        switch self {
        case .firstReply: "first reply"
        case .nextReply: "next reply"
        case .requesterWait: "requester wait"
        case .agentWork: "agent work"
        case .periodicUpdate: "periodic update"
        }
    }

    /// What one judged item of the metric is: a ticket for the status clocks, an interval between updates
    /// for periodic update (`"1 judged update"`).
    public var judgedNoun: String {
        self == .periodicUpdate ? "update" : "ticket"
    }
}

/// One channel's requester wait, agent work or periodic update (the per-channel JSON objects of SPEC §4).
///
/// - **Requester wait / agent work**: every ticket of the channel (Disqus reply tickets left out) is measured;
///   a ticket whose priority has a target is judged: `achieved` (solved within it), `breached` (solved over
///   it, or unsolved and already over: then also `open overdue`), `pending` (unsolved, not yet over).
///   ``measured`` counts the solved tickets, whose totals make the percentiles.
/// - **Periodic update**: each interval between public agent replies is one item: `achieved` (the next update
///   or the solve came by the deadline), `breached` (after it, or still none at as-of past it: then also
///   `open overdue`), `pending` (none yet, deadline ahead). ``measured`` counts the ended intervals.
///
/// **Judged** = `achieved + breached`; **attainment** = `achieved / judged` (null when nothing was judged).
public struct StatusMetricSummary: Sendable, Equatable {
    public var metric: SLAMetric
    /// The channel's own target (`16 business hours`), or `by priority` when only `by_priority` sets one.
    public var target: String
    /// The channel's goal for the metric (`goal: {"requester_wait": 80}`); gates the exit code.
    public var goal: Percent?
    /// Complete measures: solved tickets (requester wait, agent work) or ended intervals (periodic update).
    public var measured: Int
    public var achieved: Int
    public var breached: Int
    /// Breached and still unsolved (or without the next update) at as-of.
    public var openOverdue: Int
    public var pending: Int
    public var attainment: Percent?
    /// The complete measures in calendar seconds.
    public var calendar: DurationStats
    /// The same on the clock of the channel's default target of the metric (the clock all its `by_priority`
    /// targets share, when it has none of its own); nil when that clock is calendar.
    public var business: DurationStats?
    /// Below its goal (never when nothing was judged; `--fail-under` gates first replies only).
    public var failsGate: Bool

    public init(
        metric: SLAMetric, target: String, goal: Percent?, measured: Int, achieved: Int, breached: Int,
        openOverdue: Int, pending: Int, attainment: Percent?, calendar: DurationStats, business: DurationStats?,
        failsGate: Bool
    ) {
        self.metric = metric
        self.target = target
        self.goal = goal
        self.measured = measured
        self.achieved = achieved
        self.breached = breached
        self.openOverdue = openOverdue
        self.pending = pending
        self.attainment = attainment
        self.calendar = calendar
        self.business = business
        self.failsGate = failsGate
    }

    /// `achieved + breached`.
    public var judged: Int { achieved + breached }

    /// How many more judged items would have had to be achieved to reach the goal:
    /// `ceil(goal × judged) − achieved`, at least 0 (0 without a goal).
    public var shortOfGoal: Int {
        guard let goal else { return 0 }
        return max(0, (goal.hundredths * judged + 9_999) / 10_000 - achieved)
    }
}

extension ChannelSummary {
    /// The channel's figures of `metric` (requester wait, agent work or periodic update); nil when the channel
    /// sets no target of it.
    public func statusMetric(_ metric: SLAMetric) -> StatusMetricSummary? {
        statusMetrics.first { $0.metric == metric }
    }
}

/// A breached requester wait, agent work or periodic update: what breached, and by how much.
public struct MetricBreachRow: Sendable, Equatable {
    public var metric: SLAMetric
    public var ticket: String
    public var channel: String
    public var created: Instant
    /// The ticket's own target of the metric (after `by_priority`).
    public var target: String
    /// Periodic update: the reply that started the interval; nil for requester wait and agent work.
    public var intervalStarted: Instant?
    /// When the target was passed: the instant the total reached the target (requester wait, agent work),
    /// or the interval's deadline (periodic update).
    public var breachedAt: Instant
    /// Requester wait / agent work: the total on the target's clock. Periodic update: the interval on the
    /// target's clock (calendar seconds for a calendar target); nil while it is still open.
    public var seconds: Int64?
    /// How far past the target: requester wait / agent work, the total minus the target on the target's
    /// clock; periodic update, calendar seconds from the deadline to the next update or the solve (to as-of
    /// while open).
    public var overBySeconds: Int64
    /// Still unsolved (or without the next update) at as-of.
    public var openOverdue: Bool
    public var assignee: String?
    public var url: String?

    public init(
        metric: SLAMetric, ticket: String, channel: String, created: Instant, target: String,
        intervalStarted: Instant?, breachedAt: Instant, seconds: Int64?, overBySeconds: Int64, openOverdue: Bool,
        assignee: String?, url: String?
    ) {
        self.metric = metric
        self.ticket = ticket
        self.channel = channel
        self.created = created
        self.target = target
        self.intervalStarted = intervalStarted
        self.breachedAt = breachedAt
        self.seconds = seconds
        self.overBySeconds = overBySeconds
        self.openOverdue = openOverdue
        self.assignee = assignee
        self.url = url
    }
}

extension ReportStory {
    /// A channel's requester wait, agent work or periodic update below its goal, with the figures the story
    /// quotes.
    public struct MetricMiss: Sendable, Equatable {
        public var name: String
        public var metric: SLAMetric
        public var attainment: Percent
        public var judged: Int
        public var target: String
        public var goal: Percent
        /// ``StatusMetricSummary/shortOfGoal``.
        public var short: Int

        public init(
            name: String, metric: SLAMetric, attainment: Percent, judged: Int, target: String, goal: Percent,
            short: Int
        ) {
            self.name = name
            self.metric = metric
            self.attainment = attainment
            self.judged = judged
            self.target = target
            self.goal = goal
            self.short = short
        }
    }
}
