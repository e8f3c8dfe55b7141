/// What the measure stage made of one event of a ticket's timeline: the part it played in the clocks of
/// SPEC §4 (``Measurer``), as ``Measurer/trace(_:)`` reports it for `slareport explain`.
public enum EventCount: Sendable, Equatable {
    /// The `created` event: every clock of the ticket starts here.
    case creation
    /// The first reply: it stops the first-reply clock.
    case firstReply
    /// The public message of a ticket an agent created, at the creation instant: not a reply (Zendesk's rule,
    /// for tickets that live in Zendesk).
    case creationMessage
    /// A reply by a system actor (`system_actors`): never counts.
    case systemReply
    /// A reply after the first one that answered a waiting comment: it stops next-reply clock `clock`
    /// (0-based, in time order).
    case nextReplyStopped(clock: Int)
    /// A reply after the first one with no comment waiting: it stops no clock.
    case laterReply
    /// A customer comment before the first reply: the first-reply clock is already running.
    case commentBeforeFirstReply
    /// The oldest unanswered comment after the first reply: it starts next-reply clock `clock`.
    case nextReplyStarted(clock: Int)
    /// A comment while next-reply clock `clock` runs: later comments before the answer start none.
    case commentWhileWaiting(clock: Int)
    /// A priority set before the first reply (the last of them, or one at its instant, is in force).
    case priorityBeforeFirstReply
    /// A priority set at the first reply's instant: it is in force at the first reply.
    case priorityAtFirstReply
    /// A priority set after the first reply: it changes no target.
    case priorityAfterFirstReply
    /// A change of assignee (the last one at as-of is the ticket's assignee).
    case assignee
    /// The first change to `solved` or `closed`: ends the first resolution, and next-reply clock
    /// `endsNextReply` when a comment was waiting (a solved ticket needs no answer).
    case firstSolve(endsNextReply: Int?)
    /// A later change to `solved` or `closed`: moves the full resolution (and ends a waiting next-reply clock).
    case solveAgain(endsNextReply: Int?)
    /// A change from solved or closed back to another status.
    case reopen
    /// Another status change.
    case status
    /// A note, skip or other event that no clock reads.
    case noClock
    /// After as-of: ignored (counted as out of window).
    case afterAsOf
}

/// What the measure stage is told while it walks one timeline (``Measurer/measure(_:observer:)``). The
/// report's observer (``MeasureObserverNone``) records nothing; with `isTracing` false every call is
/// compiled out of the specialised walk, so the report's hot loop does exactly what it did without one.
protocol MeasureObserver {
    /// Whether the walk should report to this observer at all.
    static var isTracing: Bool { get }
    /// Before the first event: whether the ticket counts as created by an agent.
    mutating func began(agentCreated: Bool)
    /// What the event at `position` (0-based in the timeline) counted as.
    mutating func counted(_ position: Int, _ count: EventCount)
    /// After the events: the channel policy in force at creation (nil for a channel the policy does not
    /// know), its calendar, and the priority whose targets apply (nil for none).
    mutating func chose(channel: ChannelPolicy?, calendar: BusinessCalendar?, priority: String?)
    /// The first- and next-reply targets that apply (after `by_priority`).
    mutating func targeted(firstReply: SLADuration?, nextReply: SLADuration?)
    /// The instant before which a first reply is early (`not_before` on the target's calendar).
    mutating func opened(notBefore: Instant?)
}

/// The report's observer: nothing is recorded.
struct MeasureObserverNone: MeasureObserver {
    static var isTracing: Bool { false }
    @inline(__always) mutating func began(agentCreated: Bool) {}
    @inline(__always) mutating func counted(_ position: Int, _ count: EventCount) {}
    @inline(__always) mutating func chose(channel: ChannelPolicy?, calendar: BusinessCalendar?, priority: String?) {}
    @inline(__always) mutating func targeted(firstReply: SLADuration?, nextReply: SLADuration?) {}
    @inline(__always) mutating func opened(notBefore: Instant?) {}
}

/// One ticket's measurement as the measure stage walked it: what every event counted as, which event set
/// the priority in force, and the channel policy, calendar and priority the targets came from. Made only
/// by ``Measurer/trace(_:)``, from the same walk as the report's ``Measurer/measure(_:)``.
public struct MeasureTrace: Sendable {
    /// Per event of the timeline, in its order.
    public internal(set) var counts: [EventCount]
    /// The ticket counts as created by somebody on the team (its first message at creation is no reply).
    public internal(set) var agentCreated = false
    /// The position of the `priority` event in force for the targets: the last one at or before the first
    /// reply (at or before as-of when unanswered); nil when none was set.
    public internal(set) var priorityInForce: Int?
    /// The channel policy of the version in force at creation; nil for a channel the policy does not know.
    public internal(set) var channel: ChannelPolicy?
    /// The calendar of the channel's schedule.
    public internal(set) var calendar: BusinessCalendar?
    /// The priority whose `by_priority` targets were looked up (nil: none set, the channel's own apply).
    public internal(set) var priority: String?
    /// The first-reply target that applies (after `by_priority`); nil without one.
    public internal(set) var firstReplyTarget: SLADuration?
    /// The next-reply target that applies (after `by_priority`); nil without one.
    public internal(set) var nextReplyTarget: SLADuration?
    /// `created + not_before` on the channel's calendar: a first reply before it is early.
    public internal(set) var notBefore: Instant?

    private var lastPriority: Int?
    private var answered = false

    init(events: Int) {
        counts = [EventCount](repeating: .noClock, count: events)
    }
}

extension MeasureTrace: MeasureObserver {
    static var isTracing: Bool { true }

    mutating func began(agentCreated: Bool) { self.agentCreated = agentCreated }

    mutating func counted(_ position: Int, _ count: EventCount) {
        guard position >= 0, position < counts.count else { return }
        counts[position] = count
        switch count {
        case .priorityBeforeFirstReply:
            // The last one before the first reply; for an unanswered ticket, the last one before as-of.
            lastPriority = position
            if !answered { priorityInForce = position }
        case .priorityAtFirstReply:
            priorityInForce = position
        case .firstReply:
            answered = true
            priorityInForce = lastPriority
        default:
            break
        }
    }

    mutating func chose(channel: ChannelPolicy?, calendar: BusinessCalendar?, priority: String?) {
        self.channel = channel
        self.calendar = calendar
        self.priority = priority
    }

    mutating func targeted(firstReply: SLADuration?, nextReply: SLADuration?) {
        firstReplyTarget = firstReply
        nextReplyTarget = nextReply
    }

    mutating func opened(notBefore: Instant?) { self.notBefore = notBefore }
}

extension Measurer {
    /// Measures one ticket as ``measure(_:)`` does — the same walk, the same result — and also says what
    /// each event counted as and where the targets came from (for `slareport explain`).
    public func trace(_ timeline: TicketTimeline) -> (measurement: TicketMeasurement, trace: MeasureTrace) {
        var trace = MeasureTrace(events: timeline.events.count)
        let measurement = measure(timeline, observer: &trace)
        return (measurement, trace)
    }
}
