/// The measure stage: judges one ticket's timeline against the policy (SPEC §4).
///
/// - **First reply**: the earliest `reply` whose actor is not a system actor. When an agent created the
///   ticket and sent a public message at the creation instant, that message is not the first reply.
/// - **FRT**: `first reply − created` in calendar seconds, and on the clock of the channel's *default*
///   first-reply target (business hours or business days of its schedule); none when that clock is calendar.
/// - **Target**: the channel's `first_reply`, replaced by `by_priority[p]` for the last priority set at or
///   before the first reply (before as-of when unanswered); the channel table is the policy version in force
///   at creation. **Deadline** = `created + target` on the target's clock.
/// - **Outcome**: `achieved` (replied at or before the deadline and not before `not_before`), `early`
///   (before `not_before`), `breached` (after the deadline, or unanswered with as-of past the deadline: then
///   also *open overdue*), `pending` (unanswered, deadline not passed).
/// - **Next reply**: after the first reply, the oldest unanswered customer `comment` starts a clock that the
///   next `reply` stops; judged like the first reply against `next_reply` (no `not_before`).
/// - **Resolution**: first / last `status` solved-or-closed minus created; a reopen is a change from
///   solved/closed to any other status.
public struct Measurer: Sendable {
    public let policy: Policy
    public let resolver: TargetResolver
    public let asOf: Instant
    private let systemActors: Set<Symbol>
    private let agents: Set<Symbol>
    private let solvedSymbols: Set<Symbol>
    private let priorityNames: [Symbol: String]
    private let symbols: SymbolTable

    /// `agents` are the actors known to be agents (reply authors anywhere, plus `policy.agents`).
    public init(policy: Policy, symbols: SymbolTable, agents: Set<Symbol>, asOf: Instant) {
        self.policy = policy
        self.resolver = TargetResolver(policy: policy)
        self.asOf = asOf
        self.symbols = symbols
        self.systemActors = Set(policy.systemActors.compactMap { symbols.lookup($0) }.filter { !$0.isNone })
        self.agents = agents
        self.solvedSymbols = Set(["solved", "closed"].compactMap { symbols.lookup($0) }.filter { !$0.isNone })
        var names: [Symbol: String] = [:]
        for name in ["urgent", "high", "normal", "low"] {
            if let s = symbols.lookup(name), !s.isNone { names[s] = name }
        }
        self.priorityNames = names
    }

    /// Whether `actor` is automation (listed in `system_actors`).
    public func isSystemActor(_ actor: Symbol) -> Bool { systemActors.contains(actor) }

    /// Measures one ticket; only events at or before as-of are considered.
    public func measure(_ timeline: TicketTimeline) -> TicketMeasurement {
        var m = TicketMeasurement(ticket: timeline.ticket, channel: timeline.channel, created: timeline.created)
        let agentCreated = agents.contains(timeline.requester)
        var skippedCreationMessage = false
        var priorityAtFirstReply = Symbol.none
        var currentPriority = Symbol.none
        var wasSolved = false
        var pendingComment: Instant?
        var nextClocks: [(started: Instant, replied: Instant?)] = []

        for event in timeline.events where event.at <= asOf {
            switch event.kind {
            case .reply:
                if event.actor.isNone == false, systemActors.contains(event.actor) { continue }
                if m.firstReply == nil {
                    if agentCreated, !skippedCreationMessage, event.at == timeline.created {
                        skippedCreationMessage = true
                        continue
                    }
                    m.firstReply = event.at
                    m.firstReplyActor = event.actor
                    priorityAtFirstReply = currentPriority
                } else if let started = pendingComment {
                    nextClocks.append((started, event.at))
                    pendingComment = nil
                }
            case .comment:
                if m.firstReply != nil, pendingComment == nil { pendingComment = event.at }
            case .priority:
                currentPriority = event.value
            case .assign:
                m.assignee = event.value
            case .status:
                let solved = solvedSymbols.contains(event.value)
                if solved {
                    let span = event.at.seconds - timeline.created.seconds
                    if m.firstResolutionSeconds == nil { m.firstResolutionSeconds = span }
                    m.fullResolutionSeconds = span
                } else if wasSolved {
                    m.reopens += 1
                }
                wasSolved = solved
                m.status = event.value
            case .created, .note, .skip:
                break
            }
        }
        if let started = pendingComment { nextClocks.append((started, nil)) }
        m.priority = m.firstReply != nil ? priorityAtFirstReply : currentPriority

        if let frt = m.firstReply { m.frtSeconds = frt.seconds - timeline.created.seconds }
        guard let channel = resolver.channelPolicy(symbols[timeline.channel], createdAt: timeline.created) else {
            m.nextReplies = nextClocks.map { clock in
                NextReplyClock(
                    started: clock.started, replied: clock.replied,
                    seconds: clock.replied.map { $0.seconds - clock.started.seconds }, businessSeconds: nil,
                    deadline: nil, outcome: nil)
            }
            return m
        }
        let calendar = resolver.calendar(for: channel)
        let targets = policy.targets(for: channel, priority: priorityNames[m.priority])
        if let defaultTarget = channel.firstReply, defaultTarget.clock != .calendar, let frt = m.firstReply {
            m.frtBusinessSeconds = calendar.elapsed(from: timeline.created, to: frt, clock: defaultTarget.clock)
        }
        if let target = targets.firstReply {
            let deadline = calendar.deadline(from: timeline.created, adding: target)
            m.target = target
            m.deadline = deadline
            let earliest = channel.notBefore.map { calendar.deadline(from: timeline.created, adding: $0) }
            m.outcome = Measurer.judge(replied: m.firstReply, deadline: deadline, notBefore: earliest, asOf: asOf)
        }
        let nextDefaultClock = channel.nextReply?.clock
        m.nextReplies = nextClocks.map { clock in
            let business: Int64? =
                if let replied = clock.replied, let c = nextDefaultClock, c != .calendar {
                    calendar.elapsed(from: clock.started, to: replied, clock: c)
                } else { nil }
            var deadline: Instant?
            var outcome: ReplyOutcome?
            if let target = targets.nextReply {
                let d = calendar.deadline(from: clock.started, adding: target)
                deadline = d
                outcome = Measurer.judge(replied: clock.replied, deadline: d, notBefore: nil, asOf: asOf)
            }
            return NextReplyClock(
                started: clock.started, replied: clock.replied,
                seconds: clock.replied.map { $0.seconds - clock.started.seconds }, businessSeconds: business,
                deadline: deadline, outcome: outcome)
        }
        return m
    }

    /// The outcome of one reply clock (see the type's documentation).
    public static func judge(replied: Instant?, deadline: Instant, notBefore: Instant?, asOf: Instant) -> ReplyOutcome {
        if let replied {
            if let notBefore, replied < notBefore { return .early }
            return replied <= deadline ? .achieved : .breached
        }
        return asOf > deadline ? .breached : .pending
    }
}
