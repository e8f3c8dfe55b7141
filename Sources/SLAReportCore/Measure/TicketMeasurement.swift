/// What the measure stage finds for one ticket (SPEC §4). All durations are whole seconds.
public struct TicketMeasurement: Sendable {
    // Declared so that the 4-byte and 1-byte members fill the padding after the optional 8-byte ones
    // (136 bytes a ticket instead of 160): a million of these are alive at once.
    public var created: Instant
    /// The first reply: the earliest `reply` not by a system actor (and not an agent-created ticket's own
    /// first message at the creation instant).
    public var firstReply: Instant?
    public var ticket: Symbol
    /// `first reply − created` in calendar seconds.
    public var frtSeconds: Int64?
    public var channel: Symbol
    /// The same span on the clock of the channel's default first-reply target; nil when that is calendar.
    public var frtBusinessSeconds: Int64?
    /// The priority whose targets apply: the last one set at or before the first reply (or before as-of).
    public var priority: Symbol
    /// `created + target` on the target's clock.
    public var deadline: Instant?
    public var outcome: ReplyOutcome?
    /// The first reply was placed by the vendor's own figure (Zendesk's first reply time in whole minutes, or
    /// its business minutes advanced on the schedule), not by a timestamp of the ticket's history.
    public var fromVendorMetric: Bool
    /// The first reply cannot be measured: the vendor says the ticket was answered but gives no time
    /// (``VendorMetric/replyTimeUnknown``). Such a ticket is left out of the first-reply figures.
    public var replyTimeUnknown: Bool
    /// The assignee at as-of (``Symbol/none`` when unassigned).
    public var assignee: Symbol
    /// `first solved/closed − created`.
    public var firstResolutionSeconds: Int64?
    public var firstReplyActor: Symbol
    /// `last solved/closed − created`.
    public var fullResolutionSeconds: Int64?
    /// The last status at as-of (``Symbol/none`` when never set).
    public var status: Symbol
    /// The first-reply target that applies (after `by_priority`), nil when the channel has none.
    public var target: SLADuration?
    /// Next-reply clocks, in time order (empty for most tickets).
    public var nextReplies: [NextReplyClock]
    /// Transitions from solved/closed back to another status (or the vendor's count, when the ticket's
    /// history is not in the inputs).
    public var reopens: Int32
    /// ``frtTargetBusinessSeconds`` stored in 4 bytes (-1 = none), so that the measurement stays 136 bytes.
    private var targetClockBusiness: Int32

    /// `first reply − created` on the clock of the ticket's **own** target (8 business hours for a
    /// high-priority ticket), for the per-ticket CSV; nil when that target runs on the calendar clock or
    /// there is no target or reply. The channel's aggregates use ``frtBusinessSeconds`` (the default clock).
    public var frtTargetBusinessSeconds: Int64? {
        get { targetClockBusiness < 0 ? nil : Int64(targetClockBusiness) }
        set { targetClockBusiness = newValue.map { Int32(clamping: max($0, 0)) } ?? -1 }
    }

    public init(ticket: Symbol, channel: Symbol, created: Instant) {
        self.ticket = ticket
        self.channel = channel
        self.created = created
        self.priority = .none
        self.assignee = .none
        self.firstReply = nil
        self.firstReplyActor = .none
        self.frtSeconds = nil
        self.frtBusinessSeconds = nil
        self.target = nil
        self.deadline = nil
        self.outcome = nil
        self.nextReplies = []
        self.firstResolutionSeconds = nil
        self.fullResolutionSeconds = nil
        self.reopens = 0
        self.status = .none
        self.fromVendorMetric = false
        self.replyTimeUnknown = false
        self.targetClockBusiness = -1
    }
}

/// How a reply clock ended, judged at as-of.
public enum ReplyOutcome: String, Sendable, Equatable {
    /// Replied at or before the deadline (and not before `not_before`).
    case achieved
    /// Replied before `not_before` (category-4 channels: too soon).
    case early
    /// Replied after the deadline, or not replied and as-of is past the deadline (then also *open overdue*).
    case breached
    /// Not replied and the deadline has not passed at as-of.
    case pending
}

/// One next-reply clock: started by the oldest unanswered customer comment after the first reply, stopped
/// by the next reply, or by a solve when that comes first.
public struct NextReplyClock: Sendable, Equatable {
    public var started: Instant
    public var replied: Instant?
    /// The solve (status solved or closed) that ended the clock before any reply; nil when a reply stopped it
    /// or it still runs at as-of.
    public var solved: Instant?
    /// `replied − started` in calendar seconds; nil when no reply stopped the clock.
    public var seconds: Int64?
    public var businessSeconds: Int64?
    public var deadline: Instant?
    public var outcome: ReplyOutcome?

    public init(
        started: Instant, replied: Instant?, solved: Instant? = nil, seconds: Int64?, businessSeconds: Int64?,
        deadline: Instant?, outcome: ReplyOutcome?
    ) {
        self.started = started
        self.replied = replied
        self.solved = solved
        self.seconds = seconds
        self.businessSeconds = businessSeconds
        self.deadline = deadline
        self.outcome = outcome
    }

    /// Breached and still running at as-of (neither replied to nor solved).
    public var openOverdue: Bool { outcome == .breached && replied == nil && solved == nil }
}
