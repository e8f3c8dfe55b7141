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
    /// The symbols of `solved` and `closed` that occur (at most two: a scan, no hashing per status event).
    private let solvedSymbols: [Symbol]
    /// The symbols of `urgent`, `high`, `normal`, `low` (priority slots 1…4; none: slot 0).
    private let prioritySymbols: [Symbol]
    /// Per channel symbol id (up to the largest the policy names): its slot in ``judges``, or -1.
    private let channelSlot: [Int32]
    /// The instants from which the policy's tables are in force, oldest first (the first is `Int64.min`).
    private let tableFroms: [Int64]
    /// Per channel slot, then per table of ``tableFroms``: the channel's judge under that table (nil when the
    /// table has no such channel). Flat, so that finding a ticket's judge retains one object, not each
    /// table's entry in turn.
    private let judges: [ChannelJudge?]
    let symbols: SymbolTable
    /// Status symbols as written in lower case (`pending`, `on-hold`, …); others are parsed when met.
    let statusNames: [Symbol: TicketStatus]
    /// The instants from which the tables of ``statusChannelTables(policy:symbols:)`` are in force, oldest
    /// first; empty when no channel of any table sets a requester-wait, agent-work or periodic-update target
    /// (``measureStatusMetrics(_:_:)`` then looks at no ticket).
    let statusFroms: [Int64]
    /// Per channel symbol id (up to the highest such channel's), then per table of ``statusFroms``: whether
    /// that channel sets such a target in that table. Flat, so that the check for every ticket hashes and
    /// retains nothing.
    let statusFlags: [Bool]

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
        self.solvedSymbols = ["solved", "closed"].compactMap { symbols.lookup($0) }.filter { !$0.isNone }
        prioritySymbols = Measurer.priorityNames.map { symbols.lookup($0) ?? .none }
        // One judge per channel key and policy table, looked up by the channel's symbol.
        var froms: [Int64] = [Int64.min]
        for version in policy.versions {
            if let from = policy.effectiveFrom(version) { froms.append(from.seconds) }
        }
        froms.sort()
        var keys: [String] = []
        for key in policy.channels.map(\.key) + policy.versions.flatMap({ $0.channels.map(\.key) })
        where !keys.contains(key) {
            keys.append(key)
        }
        var slotOf: [(symbol: Int, slot: Int)] = []
        var judges: [ChannelJudge?] = []
        let resolver = self.resolver
        for key in keys {
            guard let symbol = symbols.lookup(key), !symbol.isNone else { continue }
            slotOf.append((Int(symbol.raw), judges.count / froms.count))
            for from in froms {
                let channel = resolver.channelPolicy(key, createdAt: Instant(seconds: from))
                judges.append(
                    channel.map { ChannelJudge(channel: $0, calendar: resolver.calendar(for: $0), policy: policy) })
            }
        }
        var slots = [Int32](repeating: -1, count: (slotOf.map(\.symbol).max() ?? -1) + 1)
        for (symbol, slot) in slotOf { slots[symbol] = Int32(slot) }
        channelSlot = slots
        tableFroms = froms
        self.judges = judges
        var statuses: [Symbol: TicketStatus] = [:]
        for name in TicketStatus.allCases.map(\.rawValue) + ["on-hold", "on_hold"] {
            if let s = symbols.lookup(name), !s.isNone, let status = TicketStatus(name: name) { statuses[s] = status }
        }
        self.statusNames = statuses
        let statusTables = Measurer.statusChannelTables(policy: policy, symbols: symbols)
        statusFroms = statusTables.map(\.from.seconds)
        let highest = statusTables.flatMap(\.channels).map { Int($0.raw) }.max() ?? -1
        var flags = [Bool](repeating: false, count: (highest + 1) * statusTables.count)
        for (table, entry) in statusTables.enumerated() {
            for channel in entry.channels { flags[Int(channel.raw) * statusTables.count + table] = true }
        }
        statusFlags = flags
    }

    /// The canonical priorities whose `by_priority` targets apply, in slot order (slot 0: none).
    static let priorityNames = ["urgent", "high", "normal", "low"]

    /// The judge of a ticket of `channel` created at `created`: the channel's policy in the table in force
    /// then, with its calendar and targets; nil when that table has no such channel.
    @inline(__always)
    func judge(channel: Symbol, created: Instant) -> ChannelJudge? {
        let i = Int(channel.raw)
        guard i < channelSlot.count, channelSlot[i] >= 0 else { return nil }
        return judges[Int(channelSlot[i]) * tableFroms.count + Measurer.table(in: tableFroms, at: created)]
    }

    /// The policy table in force at `instant`: the last of `froms` (the instants the tables are in force from,
    /// ascending, the first `Int64.min`) at or before it.
    @inline(__always)
    static func table(in froms: [Int64], at instant: Instant) -> Int {
        var table = 0
        while table + 1 < froms.count, froms[table + 1] <= instant.seconds { table += 1 }
        return table
    }

    /// The priority slot of `priority` (1…4 for `urgent`…`low`, 0 otherwise).
    @inline(__always)
    func prioritySlot(_ priority: Symbol) -> Int {
        if priority.isNone { return 0 }
        for (k, s) in prioritySymbols.enumerated() where s == priority { return k + 1 }
        return 0
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
        // Filled in as the walk finds them (start, reply, solve), and judged after it, in place.
        var nextClocks: [NextReplyClock] = []

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
                    nextClocks.append(Self.clock(started: started, replied: event.at, solved: nil))
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
                        nextClocks.append(Self.clock(started: started, replied: nil, solved: event.at))
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
        if let started = pendingComment { nextClocks.append(Self.clock(started: started, replied: nil, solved: nil)) }
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
        let judge = judge(channel: timeline.channel, created: timeline.created)
        if Observer.isTracing {
            observer.chose(channel: judge?.channel, calendar: judge?.calendar, priority: priorityName(m.priority))
        }
        guard let judge else {
            m.nextReplies = nextClocks
            return m
        }
        let targets = judge.targets(priority: m.priority, measurer: self)
        if Observer.isTracing { observer.targeted(firstReply: targets.firstReply, nextReply: targets.nextReply) }
        let defaultClock = judge.defaultClock
        if let defaultClock, defaultClock != .calendar, let frt = m.firstReply {
            m.frtBusinessSeconds =
                defaultClock == .businessHours && vendorBusiness != nil
                ? vendorBusiness : judge.calendar.elapsed(from: timeline.created, to: frt, clock: defaultClock)
        }
        if let target = targets.firstReply, target.clock != .calendar, let frt = m.firstReply {
            if target.clock == defaultClock {
                m.frtTargetBusinessSeconds = m.frtBusinessSeconds
            } else {
                m.frtTargetBusinessSeconds =
                    target.clock == .businessHours && vendorBusiness != nil
                    ? vendorBusiness : judge.calendar.elapsed(from: timeline.created, to: frt, clock: target.clock)
            }
        }
        if let target = targets.firstReply {
            let deadline = judge.calendar.deadline(from: timeline.created, adding: target)
            m.target = target
            m.deadline = deadline
            let earliest = judge.channel.notBefore.map { judge.calendar.deadline(from: timeline.created, adding: $0) }
            if Observer.isTracing { observer.opened(notBefore: earliest) }
            m.outcome = Measurer.judge(replied: m.firstReply, deadline: deadline, notBefore: earliest, asOf: asOf)
        }
        let nextDefaultClock = judge.nextDefaultClock
        for k in nextClocks.indices {
            let clock = nextClocks[k]
            if let replied = clock.replied, let c = nextDefaultClock, c != .calendar {
                nextClocks[k].businessSeconds = judge.calendar.elapsed(from: clock.started, to: replied, clock: c)
            }
            if let target = targets.nextReply {
                let d = judge.calendar.deadline(from: clock.started, adding: target)
                nextClocks[k].deadline = d
                nextClocks[k].outcome = Measurer.judge(
                    replied: clock.replied ?? clock.solved, deadline: d, notBefore: nil, asOf: asOf)
            }
        }
        m.nextReplies = nextClocks
        return m
    }

    /// A next-reply clock as the walk finds it: its calendar seconds, not yet judged.
    @inline(__always)
    private static func clock(started: Instant, replied: Instant?, solved: Instant?) -> NextReplyClock {
        NextReplyClock(
            started: started, replied: replied, solved: solved,
            seconds: replied.map { $0.seconds - started.seconds }, businessSeconds: nil, deadline: nil, outcome: nil)
    }

    /// The name of a priority symbol as the policy's `by_priority` lookup takes it (compared there
    /// case-insensitively); nil when no priority is set. The four usual names cost no string.
    func priorityName(_ priority: Symbol) -> String? {
        if priority.isNone { return nil }
        let slot = prioritySlot(priority)
        return slot > 0 ? Measurer.priorityNames[slot - 1] : symbols[priority]
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

/// What judges the tickets of one channel under one policy table: the channel's policy, its calendar and its
/// first- and next-reply targets per priority slot (see ``Measurer/prioritySlot(_:)``), worked out once per
/// run instead of once per ticket.
final class ChannelJudge: Sendable {
    let channel: ChannelPolicy
    let calendar: BusinessCalendar
    /// Per priority slot (0: no priority, or one whose name the four slots do not spell; 1…4: `urgent`…`low`).
    let targets: [(firstReply: SLADuration?, nextReply: SLADuration?)]
    /// The clock of the channel's aggregates of first and next replies (``ChannelPolicy/aggregateClock(_:)``).
    let defaultClock: Clock?
    let nextDefaultClock: Clock?
    private let policy: Policy

    init(channel: ChannelPolicy, calendar: BusinessCalendar, policy: Policy) {
        self.channel = channel
        self.calendar = calendar
        self.policy = policy
        targets =
            [policy.targets(for: channel, priority: nil)]
            + Measurer.priorityNames.map { policy.targets(for: channel, priority: $0) }
        defaultClock = channel.aggregateClock(.firstReply)
        nextDefaultClock = channel.aggregateClock(.nextReply)
    }

    /// The first- and next-reply targets of a ticket of `priority` (its `by_priority` entry, matched
    /// case-insensitively, else the channel's own).
    @inline(__always)
    func targets(priority: Symbol, measurer: Measurer) -> (firstReply: SLADuration?, nextReply: SLADuration?) {
        let slot = measurer.prioritySlot(priority)
        if slot > 0 || priority.isNone || channel.byPriority.isEmpty { return targets[slot] }
        return policy.targets(for: channel, priority: measurer.symbols[priority])
    }
}
