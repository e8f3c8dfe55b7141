/// The report's figures for the story, per-priority attainment, the at-risk list, the weekly history and the
/// charts (issue 11). Computed by the aggregate stage; the renderers only lay them out.

extension ReplySummary {
    /// **Judged** = `achieved + breached + early` (SPEC §4): the tickets whose first reply has been decided;
    /// nil when the channel has no target.
    public var judged: Int? {
        guard let achieved, let breached, let early else { return nil }
        return achieved + breached + early
    }
}

/// A channel's first replies on bands **relative to each ticket's own target** (SPEC §5, the FRT chart):
/// every ticket of the channel with a target is in exactly one band, replied or not.
public struct FRTBands: Sendable, Equatable {
    /// Replied before `not_before` (outcome `early`).
    public var early: Int
    /// Replied by the deadline (outcome `achieved`).
    public var withinTarget: Int
    /// Replied after the deadline (outcome `breached` with a reply).
    public var late: Int
    /// No reply and the deadline has passed at as-of (`open_overdue`).
    public var unansweredOverdue: Int
    /// No reply, deadline still ahead (outcome `pending`).
    public var pending: Int

    public init(early: Int, withinTarget: Int, late: Int, unansweredOverdue: Int, pending: Int) {
        self.early = early
        self.withinTarget = withinTarget
        self.late = late
        self.unansweredOverdue = unansweredOverdue
        self.pending = pending
    }

    /// Every ticket on the bands: `early + withinTarget + late + unansweredOverdue + pending`.
    public var total: Int { early + withinTarget + late + unansweredOverdue + pending }

    /// The bands in chart order, with their labels.
    public var ordered: [(band: Band, count: Int)] {
        [
            (.early, early), (.withinTarget, withinTarget), (.late, late), (.unansweredOverdue, unansweredOverdue),
            (.pending, pending),
        ]
    }

    /// One band of ``FRTBands``.
    public enum Band: String, Sendable, CaseIterable {
        case early, withinTarget, late, unansweredOverdue, pending

        /// The band's name in the reports.
        public var label: String {
            switch self {
            case .early: "early"
            case .withinTarget: "within target"
            case .late: "late"
            case .unansweredOverdue: "unanswered, overdue"
            case .pending: "pending"
            }
        }
    }
}

/// The change in attainment against the previous window (SPEC §4, trend), or why none is shown.
public enum Trend: Sendable, Equatable {
    /// No previous window (the report has no start), or the channel has no target.
    case unavailable
    /// Left out: either window judged fewer than ``Trend/minimumJudged`` tickets of the channel.
    case leftOut(reason: String)
    /// `current − previous` attainment in hundredths of a percentage point (`-321` = 3.21 points down).
    case change(hundredths: Int)

    /// Fewer judged tickets than this in either window leave the trend out.
    public static let minimumJudged = 10
}

/// A pending ticket whose first-reply deadline falls within the next business day after as-of.
public struct AtRiskRow: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var priority: String?
    public var created: Instant
    public var deadline: Instant
    /// `deadline − as-of`, in seconds (positive: the deadline is still ahead).
    public var secondsLeft: Int64
    public var target: String?
    public var assignee: String?
    public var url: String?

    public init(
        ticket: String, channel: String, priority: String?, created: Instant, deadline: Instant, secondsLeft: Int64,
        target: String?, assignee: String?, url: String?
    ) {
        self.ticket = ticket
        self.channel = channel
        self.priority = priority
        self.created = created
        self.deadline = deadline
        self.secondsLeft = secondsLeft
        self.target = target
        self.assignee = assignee
        self.url = url
    }
}

/// Tickets created in one ISO week (policy time zone) of the window, and how their first replies went.
public struct HistoryWeek: Sendable, Equatable {
    /// `2016-W47`.
    public var week: String
    /// The Monday, `2016-11-21`.
    public var start: String
    public var tickets: Int
    public var achieved: Int
    public var breached: Int
    public var early: Int
    public var openOverdue: Int
    public var pending: Int
    /// `achieved / (achieved + breached + early)` over every channel with a target.
    public var attainment: Percent?

    public init(
        week: String, start: String, tickets: Int, achieved: Int, breached: Int, early: Int, openOverdue: Int,
        pending: Int, attainment: Percent?
    ) {
        self.week = week
        self.start = start
        self.tickets = tickets
        self.achieved = achieved
        self.breached = breached
        self.early = early
        self.openOverdue = openOverdue
        self.pending = pending
        self.attainment = attainment
    }

    /// `achieved + breached + early`.
    public var judged: Int { achieved + breached + early }
}

/// The volume chart's series: one point per day, or per ISO week once the window holds more than
/// ``VolumeSeries/maximumDays`` days.
public struct VolumeSeries: Sendable, Equatable {
    public enum Unit: String, Sendable { case day, week }

    public var unit: Unit
    /// Per day or per week (then `date` is the Monday); every day or week of the span, empty ones included.
    public var points: [DailyPoint]

    /// Past this many days the chart is binned by week.
    public static let maximumDays = 62

    public init(unit: Unit, points: [DailyPoint]) {
        self.unit = unit
        self.points = points
    }

    public static let empty = VolumeSeries(unit: .day, points: [])
}

/// What the report's opening paragraph says (SPEC §5: the story), as figures; the renderers write the words.
public struct ReportStory: Sendable, Equatable {
    /// A channel named in the story, with the figures the sentence quotes.
    public struct ChannelLine: Sendable, Equatable {
        public enum Gate: String, Sendable { case goal, threshold }

        public var name: String
        public var attainment: Percent
        public var judged: Int
        public var target: String
        /// The goal or `--fail-under` threshold it misses (nil in the "lowest" list when no gate is set).
        public var gate: Percent?
        public var gateKind: Gate?
        /// How many more of the judged tickets would have had to be achieved to reach the gate:
        /// `ceil(gate × judged) − achieved` (0 in the "lowest" list).
        public var ticketsShort: Int

        public init(
            name: String, attainment: Percent, judged: Int, target: String, gate: Percent?, gateKind: Gate?,
            ticketsShort: Int = 0
        ) {
            self.name = name
            self.attainment = attainment
            self.judged = judged
            self.target = target
            self.gate = gate
            self.gateKind = gateKind
            self.ticketsShort = ticketsShort
        }
    }

    /// A channel's change in attainment against the previous window.
    public struct Change: Sendable, Equatable {
        public var name: String
        public var previous: Percent
        public var current: Percent
        /// `current − previous`, hundredths of a point.
        public var hundredths: Int

        public init(name: String, previous: Percent, current: Percent, hundredths: Int) {
            self.name = name
            self.previous = previous
            self.current = current
            self.hundredths = hundredths
        }
    }

    /// Judged tickets over every channel with a target, and how many were achieved.
    public var judged: Int
    public var achieved: Int
    /// `achieved / judged`; nil when nothing was judged.
    public var attainment: Percent?
    /// Channels with a first-reply target.
    public var channelsWithTarget: Int
    /// Whether any channel has a goal or `--fail-under` is set.
    public var gatesSet: Bool
    /// Channels below their goal or threshold: most tickets short of the gate first, then the largest shortfall
    /// in points.
    public var misses: [ChannelLine]
    /// When no gate is set: the channels of lowest attainment (at least ``Trend/minimumJudged`` judged), up to
    /// ``ReportStory/lowestCount``, lowest first.
    public var lowest: [ChannelLine]
    /// The biggest changes against the previous window (only channels where both windows judged enough),
    /// largest magnitude first, up to ``ReportStory/changeCount``.
    public var changes: [Change]
    /// Whether a previous window exists at all.
    public var hasPreviousWindow: Bool
    /// Channels whose trend was left out for a small sample.
    public var trendsLeftOut: Int
    /// Channels whose attainment was compared with the previous window (a trend, zero or not).
    public var trendsCompared: Int
    /// Requester wait, agent work and periodic update below their goal: most items short of the goal first,
    /// then the largest shortfall in points, then report order.
    public var metricMisses: [MetricMiss]
    /// Unanswered tickets past their deadline, all channels.
    public var openOverdue: Int
    /// Pending tickets due within the next business day (``ReportModel/atRisk``).
    public var atRisk: Int

    public static let lowestCount = 3
    public static let changeCount = 3

    public init(
        judged: Int, achieved: Int, attainment: Percent?, channelsWithTarget: Int, gatesSet: Bool,
        misses: [ChannelLine], lowest: [ChannelLine], changes: [Change], hasPreviousWindow: Bool,
        trendsLeftOut: Int, trendsCompared: Int = 0, openOverdue: Int, atRisk: Int, metricMisses: [MetricMiss] = []
    ) {
        self.judged = judged
        self.achieved = achieved
        self.attainment = attainment
        self.channelsWithTarget = channelsWithTarget
        self.gatesSet = gatesSet
        self.misses = misses
        self.lowest = lowest
        self.changes = changes
        self.hasPreviousWindow = hasPreviousWindow
        self.trendsLeftOut = trendsLeftOut
        self.trendsCompared = trendsCompared
        self.metricMisses = metricMisses
        self.openOverdue = openOverdue
        self.atRisk = atRisk
    }

    public static let empty = ReportStory(
        judged: 0, achieved: 0, attainment: nil, channelsWithTarget: 0, gatesSet: false, misses: [], lowest: [],
        changes: [], hasPreviousWindow: false, trendsLeftOut: 0, openOverdue: 0, atRisk: 0)
}
