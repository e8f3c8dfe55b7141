extension Measurer {
    /// A change of a ticket's priority (the symbol as the input wrote it).
    public struct PriorityChange: Sendable, Equatable {
        public var at: Instant
        public var priority: Symbol

        public init(at: Instant, priority: Symbol) {
            self.at = at
            self.priority = priority
        }
    }

    /// What requester wait, agent work and periodic update are computed from, as plain arrays in time order
    /// (events after as-of left out): a separate entry point, so that `explain` can show the clocks' running
    /// spans from the very inputs the report uses.
    public struct StatusInputs: Sendable, Equatable {
        /// The `status` events whose value is a known status (``TicketStatus/init(name:)``); other values are
        /// ignored.
        public var changes: [StatusChange]
        /// The public agent replies from the first reply on: the first reply's filter (no system actor, not
        /// the agent-created ticket's own message), so `replies.first` is the first reply.
        public var replies: [Instant]
        public var priorities: [PriorityChange]

        public init(changes: [StatusChange], replies: [Instant], priorities: [PriorityChange]) {
            self.changes = changes
            self.replies = replies
            self.priorities = priorities
        }

        /// The last priority set at or before `instant` (``Symbol/none`` when none was).
        public func priority(at instant: Instant) -> Symbol {
            priorities.last { $0.at <= instant }?.priority ?? .none
        }
    }

    /// Per policy version, oldest first as ``TargetResolver`` orders them: the channel symbols whose channel
    /// sets a requester-wait, agent-work or periodic-update target (its own or in `by_priority`). Channels no
    /// ticket names have no symbol and are left out.
    static func statusChannelTables(policy: Policy, symbols: SymbolTable) -> [(from: Instant, channels: Set<Symbol>)] {
        func table(_ channels: [ChannelPolicy]) -> Set<Symbol> {
            var set = Set<Symbol>()
            for channel in channels where StatusClock.metrics.contains(where: channel.hasTarget) {
                if let symbol = symbols.lookup(channel.key), !symbol.isNone { set.insert(symbol) }
            }
            return set
        }
        var tables = [(from: Instant(seconds: Int64.min), channels: table(policy.channels))]
        for version in policy.versions {
            guard let from = policy.effectiveFrom(version) else { continue }
            tables.append((from, table(version.channels)))
        }
        tables.sort { $0.from < $1.from }
        return tables.contains { !$0.channels.isEmpty } ? tables : []
    }

    /// Whether the channel of `timeline`, in the policy version in force at its creation, sets a target of
    /// requester wait, agent work or periodic update (array lookups only: ``statusFlags``).
    @inline(__always)
    func measuresStatusMetrics(_ timeline: TicketTimeline) -> Bool {
        let tables = statusFroms.count
        guard tables > 0 else { return false }
        let channel = Int(timeline.channel.raw)
        guard channel < statusFlags.count / tables else { return false }
        return statusFlags[channel * tables + Measurer.table(in: statusFroms, at: timeline.created)]
    }

    /// The status of a `status` event's value: known lower-case symbols without a string, anything else parsed
    /// case-insensitively (`Pending`, `On-hold`); nil for a value that is no status.
    func status(of value: Symbol) -> TicketStatus? {
        if let known = statusNames[value] { return known }
        return value.isNone ? nil : TicketStatus(name: symbols[value])
    }

    /// The inputs of the status-clock metrics of one ticket (see ``StatusInputs``); `firstReply` is the ticket's
    /// first reply as ``measure(_:)`` found it.
    public func statusInputs(_ timeline: TicketTimeline, firstReply: Instant?) -> StatusInputs {
        var inputs = StatusInputs(changes: [], replies: [], priorities: [])
        for event in timeline.events where event.at <= asOf {
            switch event.kind {
            case .status:
                if let status = status(of: event.value) {
                    inputs.changes.append(StatusChange(at: event.at, status: status))
                }
            case .reply:
                if let firstReply, event.at >= firstReply, !isSystemActor(event.actor) {
                    inputs.replies.append(event.at)
                }
            case .priority:
                inputs.priorities.append(PriorityChange(at: event.at, priority: event.value))
            case .created, .comment, .note, .assign, .skip, .post:
                break
            }
        }
        return inputs
    }

    /// Requester wait, agent work and periodic update of one ticket measured by ``measure(_:)`` as `m`; nil when
    /// its channel sets none of their targets (the common case costs a set lookup). Each metric the channel has
    /// a target for (its own or in `by_priority`) is measured; the target that judges it is the one of the
    /// priority in force when the measure ends (``StatusClock/end``).
    public func measureStatusMetrics(_ timeline: TicketTimeline, _ m: TicketMeasurement) -> TicketStatusMetrics? {
        guard measuresStatusMetrics(timeline),
            let channel = resolver.channelPolicy(symbols[timeline.channel], createdAt: timeline.created)
        else { return nil }
        let calendar = resolver.calendar(for: channel)
        let inputs = statusInputs(timeline, firstReply: m.firstReply)
        var endClock: StatusClock?
        var metrics = TicketStatusMetrics(measuresPeriodicUpdate: channel.hasTarget(.periodicUpdate))
        for kind in [StatusClock.Kind.requesterWait, .agentWork] where channel.hasTarget(kind.metric) {
            let clock = StatusClock(kind: kind, created: timeline.created, changes: inputs.changes, asOf: asOf)
            endClock = endClock ?? clock
            let target = policy.target(
                kind.metric, for: channel, priority: priorityName(inputs.priority(at: clock.end)))
            let result = target.map { clock.judge(against: $0, calendar: calendar) }
            var business: Int64?
            if let aggregate = channel.aggregateClock(kind.metric), aggregate != .calendar {
                business =
                    result?.target.clock == aggregate
                    ? result?.seconds : clock.seconds(on: aggregate, calendar: calendar)
            }
            let measure = StatusClockMeasure(
                solved: clock.solved, end: clock.end, calendarSeconds: clock.calendarSeconds,
                aggregateBusinessSeconds: business, result: result)
            if kind == .requesterWait { metrics.requesterWait = measure } else { metrics.agentWork = measure }
        }
        if metrics.measuresPeriodicUpdate, !inputs.replies.isEmpty {
            let end =
                endClock?.end
                ?? StatusClock(kind: .agentWork, created: timeline.created, changes: inputs.changes, asOf: asOf).end
            let target = policy.target(
                .periodicUpdate, for: channel, priority: priorityName(inputs.priority(at: end)))
            let aggregate = channel.aggregateClock(.periodicUpdate)
            let intervals = PeriodicUpdate.intervals(
                created: timeline.created, replies: inputs.replies, changes: inputs.changes, asOf: asOf)
            metrics.periodicUpdates = intervals.map { interval in
                let judged = target.map { PeriodicUpdate.judge(interval, target: $0, calendar: calendar, asOf: asOf) }
                var business: Int64?
                if let aggregate, aggregate != .calendar, let ended = interval.ended {
                    business =
                        judged?.clockSeconds != nil && target?.clock == aggregate
                        ? judged?.clockSeconds
                        : calendar.elapsed(from: interval.started, to: ended, clock: aggregate)
                }
                return PeriodicUpdateMeasure(
                    interval: interval, aggregateBusinessSeconds: business, target: target, judged: judged)
            }
        }
        return metrics
    }
}

extension StatusClock {
    /// The metrics measured from a ticket's statuses and replies rather than its first reply: requester wait,
    /// agent work, periodic update.
    public static let metrics: [SLAMetric] = [.requesterWait, .agentWork, .periodicUpdate]
}
