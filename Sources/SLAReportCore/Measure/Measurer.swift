/// The measure stage: judges one ticket's timeline against the policy (SPEC §4).
///
/// - **First reply**: the earliest `reply` whose actor is not a system actor (the join made every public
///   message a reply only when somebody on the team wrote it). When the ticket lives in Zendesk (Zendesk
///   and canonical sources) and somebody on the team created it, their public message at the creation
///   instant is not the first reply (Zendesk's rule; a HackerOne report, a tweet or a forum post is never
///   agent-created).
/// - **FRT**: `first reply − created` in calendar seconds; on the clock of the channel's *default* first-reply
///   target (business hours or business days of its schedule) for the channel's aggregates, none when that
///   clock is calendar; and on the clock of the ticket's own target for the ticket's row. When the first
///   reply was placed by Zendesk's own business minutes (an export without timestamps), the business figure
///   is Zendesk's.
/// - **Target**: the channel's `first_reply`, replaced by `by_priority[p]` for the last priority set at or
///   before the first reply (before as-of when unanswered); the channel table is the policy version in force
///   at creation. **Deadline** = `created + target` on the target's clock.
/// - **Outcome**: `achieved` (replied at or before the deadline and not before `not_before`), `early`
///   (before `not_before`), `breached` (after the deadline, or unanswered with as-of past the deadline: then
///   also *open overdue*), `pending` (unanswered, deadline not passed).
/// - **Next reply**: after the first reply, the oldest unanswered customer `comment` starts a clock that the
///   next `reply` stops, or a solve (`status` solved or closed) when it comes first: a solved ticket needs no
///   answer (Zendesk's SLA clocks stop at Solved). Judged like the first reply against `next_reply` (no
///   `not_before`); a clock ended by a solve is judged by the solve's instant and has no reply time.
/// - **Priority** names match the policy's `by_priority` keys case-insensitively (`Urgent` is `urgent`).
/// - **Resolution**: first / last `status` solved-or-closed minus created; a reopen is a change from
///   solved/closed to any other status.
public struct Measurer: Sendable {
    public let policy: Policy
    public let resolver: TargetResolver
    public let asOf: Instant
    private let directory: ActorDirectory
    private let vendor: [Symbol: VendorMetric]
    private let solvedSymbols: Set<Symbol>
    private let priorityNames: [Symbol: String]
    let symbols: SymbolTable
    /// Status symbols as written in lower case (`pending`, `on-hold`, …); others are parsed when met.
    let statusNames: [Symbol: TicketStatus]
    /// Per policy version (oldest first), the channels that set a requester-wait, agent-work or
    /// periodic-update target (``measureStatusMetrics(_:_:)`` looks at no other ticket).
    let statusChannels: [(from: Instant, channels: Set<Symbol>)]

    /// `directory` says who is who; `vendor` holds Zendesk's own figures by ticket (``EventLog/vendorMetrics``).
    public init(
        policy: Policy, symbols: SymbolTable, directory: ActorDirectory, asOf: Instant,
        vendor: [Symbol: VendorMetric] = [:]
    ) {
        self.policy = policy
        self.resolver = TargetResolver(policy: policy)
        self.asOf = asOf
        self.symbols = symbols
        self.directory = directory
        self.vendor = vendor
        self.solvedSymbols = Set(["solved", "closed"].compactMap { symbols.lookup($0) }.filter { !$0.isNone })
        var names: [Symbol: String] = [:]
        for name in ["urgent", "high", "normal", "low"] {
            if let s = symbols.lookup(name), !s.isNone { names[s] = name }
        }
        self.priorityNames = names
        var statuses: [Symbol: TicketStatus] = [:]
        for name in TicketStatus.allCases.map(\.rawValue) + ["on-hold", "on_hold"] {
            if let s = symbols.lookup(name), !s.isNone, let status = TicketStatus(name: name) { statuses[s] = status }
        }
        self.statusNames = statuses
        self.statusChannels = Measurer.statusChannelTables(policy: policy, symbols: symbols)
    }

    /// Whether `actor` is automation (listed in `system_actors`).
    public func isSystemActor(_ actor: Symbol) -> Bool { directory.isSystem(actor) }

    /// Measures one ticket; only events at or before as-of are considered.
    public func measure(_ timeline: TicketTimeline) -> TicketMeasurement {
        var nobody = MeasureObserverNone()
        return measure(timeline, observer: &nobody)
    }

    /// The one walk behind ``measure(_:)`` and ``trace(_:)``: `observer` is told what each event counted as
    /// and which targets were chosen. The report's observer does nothing, and the walk is specialised for it.
    func measure<Observer: MeasureObserver>(_ timeline: TicketTimeline, observer: inout Observer)
        -> TicketMeasurement
    {
        var m = TicketMeasurement(ticket: timeline.ticket, channel: timeline.channel, created: timeline.created)
        let agentCreated = timeline.source.livesInZendesk && directory.isTeam(timeline.requester)
        var skippedCreationMessage = false
        var priorityAtFirstReply = Symbol.none
        var currentPriority = Symbol.none
        var wasSolved = false
        var pendingComment: Instant?
        var nextClocks: [(started: Instant, replied: Instant?, solved: Instant?)] = []

        if Observer.isTracing { observer.began(agentCreated: agentCreated) }
        var position = -1
        for event in timeline.events {
            position += 1
            guard event.at <= asOf else {
                if Observer.isTracing { observer.counted(position, .afterAsOf) }
                continue
            }
            switch event.kind {
            case .reply:
                if directory.isSystem(event.actor) {
                    if Observer.isTracing { observer.counted(position, .systemReply) }
                    continue
                }
                if m.firstReply == nil {
                    if agentCreated, !skippedCreationMessage, event.at == timeline.created {
                        skippedCreationMessage = true
                        if Observer.isTracing { observer.counted(position, .creationMessage) }
                        continue
                    }
                    m.firstReply = event.at
                    m.firstReplyActor = event.actor
                    priorityAtFirstReply = currentPriority
                    if Observer.isTracing { observer.counted(position, .firstReply) }
                } else if let started = pendingComment {
                    nextClocks.append((started, event.at, nil))
                    pendingComment = nil
                    if Observer.isTracing { observer.counted(position, .nextReplyStopped(clock: nextClocks.count - 1)) }
                } else if Observer.isTracing {
                    observer.counted(position, .laterReply)
                }
            case .comment:
                if m.firstReply != nil, pendingComment == nil {
                    pendingComment = event.at
                    if Observer.isTracing { observer.counted(position, .nextReplyStarted(clock: nextClocks.count)) }
                } else if Observer.isTracing {
                    observer.counted(
                        position,
                        m.firstReply == nil ? .commentBeforeFirstReply : .commentWhileWaiting(clock: nextClocks.count))
                }
            case .priority:
                currentPriority = event.value
                // Set at the instant of the first reply: "at or before" it (events of one instant sort the reply
                // first).
                if let first = m.firstReply, event.at == first {
                    priorityAtFirstReply = event.value
                    if Observer.isTracing { observer.counted(position, .priorityAtFirstReply) }
                } else if Observer.isTracing {
                    observer.counted(
                        position, m.firstReply == nil ? .priorityBeforeFirstReply : .priorityAfterFirstReply)
                }
            case .assign:
                m.assignee = event.value
                if Observer.isTracing { observer.counted(position, .assignee) }
            case .status:
                let solved = solvedSymbols.contains(event.value)
                if solved {
                    // A solve ends the waiting comment's clock: nothing more is owed (Zendesk's SLA clocks
                    // stop at Solved). A reply at the same instant sorts first and has already stopped it.
                    let endsClock = Observer.isTracing && pendingComment != nil ? nextClocks.count : nil
                    if let started = pendingComment {
                        nextClocks.append((started, nil, event.at))
                        pendingComment = nil
                    }
                    let span = event.at.seconds - timeline.created.seconds
                    if Observer.isTracing {
                        observer.counted(
                            position,
                            m.firstResolutionSeconds == nil
                                ? .firstSolve(endsNextReply: endsClock) : .solveAgain(endsNextReply: endsClock))
                    }
                    if m.firstResolutionSeconds == nil { m.firstResolutionSeconds = span }
                    m.fullResolutionSeconds = span
                } else if wasSolved {
                    m.reopens += 1
                    if Observer.isTracing { observer.counted(position, .reopen) }
                } else if Observer.isTracing {
                    observer.counted(position, .status)
                }
                wasSolved = solved
                m.status = event.value
            case .created:
                if Observer.isTracing { observer.counted(position, .creation) }
            case .note, .skip, .post:
                if Observer.isTracing { observer.counted(position, .noClock) }
            }
        }
        if let started = pendingComment { nextClocks.append((started, nil, nil)) }
        m.priority = m.firstReply != nil ? priorityAtFirstReply : currentPriority

        if let frt = m.firstReply { m.frtSeconds = frt.seconds - timeline.created.seconds }
        let figures = vendor.isEmpty ? nil : vendor[timeline.ticket]
        if let figures, !figures.checksHistory {
            if let reopens = figures.reopens { m.reopens = max(m.reopens, Int32(clamping: reopens)) }
            m.fromVendorMetric = m.firstReply != nil && figures.placement != nil && figures.placement != .metricEvent
            m.replyTimeUnknown = figures.replyTimeUnknown && m.firstReply == nil
        }
        /// Zendesk's business minutes stand for the business FRT when they placed the reply.
        let vendorBusiness = figures?.placement == .businessMinutes ? figures?.replyBusinessSeconds : nil
        let channelPolicy = resolver.channelPolicy(symbols[timeline.channel], createdAt: timeline.created)
        if Observer.isTracing {
            observer.chose(
                channel: channelPolicy, calendar: channelPolicy.map { resolver.calendar(for: $0) },
                priority: priorityName(m.priority))
        }
        guard let channel = channelPolicy else {
            m.nextReplies = nextClocks.map { clock in
                NextReplyClock(
                    started: clock.started, replied: clock.replied, solved: clock.solved,
                    seconds: clock.replied.map { $0.seconds - clock.started.seconds }, businessSeconds: nil,
                    deadline: nil, outcome: nil)
            }
            return m
        }
        let calendar = resolver.calendar(for: channel)
        let targets = policy.targets(for: channel, priority: priorityName(m.priority))
        if Observer.isTracing { observer.targeted(firstReply: targets.firstReply, nextReply: targets.nextReply) }
        let defaultClock = channel.aggregateClock(.firstReply)
        if let defaultClock, defaultClock != .calendar, let frt = m.firstReply {
            m.frtBusinessSeconds =
                defaultClock == .businessHours && vendorBusiness != nil
                ? vendorBusiness : calendar.elapsed(from: timeline.created, to: frt, clock: defaultClock)
        }
        if let target = targets.firstReply, target.clock != .calendar, let frt = m.firstReply {
            if target.clock == defaultClock {
                m.frtTargetBusinessSeconds = m.frtBusinessSeconds
            } else {
                m.frtTargetBusinessSeconds =
                    target.clock == .businessHours && vendorBusiness != nil
                    ? vendorBusiness : calendar.elapsed(from: timeline.created, to: frt, clock: target.clock)
            }
        }
        if let target = targets.firstReply {
            let deadline = calendar.deadline(from: timeline.created, adding: target)
            m.target = target
            m.deadline = deadline
            let earliest = channel.notBefore.map { calendar.deadline(from: timeline.created, adding: $0) }
            if Observer.isTracing { observer.opened(notBefore: earliest) }
            m.outcome = Measurer.judge(replied: m.firstReply, deadline: deadline, notBefore: earliest, asOf: asOf)
        }
        let nextDefaultClock = channel.aggregateClock(.nextReply)
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
                outcome = Measurer.judge(
                    replied: clock.replied ?? clock.solved, deadline: d, notBefore: nil, asOf: asOf)
            }
            return NextReplyClock(
                started: clock.started, replied: clock.replied, solved: clock.solved,
                seconds: clock.replied.map { $0.seconds - clock.started.seconds }, businessSeconds: business,
                deadline: deadline, outcome: outcome)
        }
        return m
    }

    /// The name of a priority symbol as the policy's `by_priority` lookup takes it (compared there
    /// case-insensitively); nil when no priority is set. The four usual names cost no string.
    func priorityName(_ priority: Symbol) -> String? {
        if priority.isNone { return nil }
        return priorityNames[priority] ?? symbols[priority]
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
