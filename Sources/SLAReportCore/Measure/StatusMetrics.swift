/// One ticket's requester wait, agent work and periodic update (SPEC §4), measured only for tickets whose
/// channel sets a target of one of them (its own or in `by_priority`): the side column
/// ``StatusMetricsColumn`` holds them beside the measurements, so that a ticket without such targets costs
/// nothing here.
///
/// The definitions live on the types that compute them: ``StatusClock`` (requester wait, agent work) and
/// ``PeriodicUpdate``. The target of each is the one of the **priority in force when the measure ends** (the
/// last solve when the ticket is solved at as-of, else as-of), after `by_priority`; a ticket whose priority has
/// no such target is measured but not judged.
public struct TicketStatusMetrics: Sendable, Equatable {
    /// Nil when the channel has no requester-wait target at all.
    public var requesterWait: StatusClockMeasure?
    /// Nil when the channel has no agent-work target at all.
    public var agentWork: StatusClockMeasure?
    /// Every interval between public agent replies, in time order; empty when the channel has no
    /// periodic-update target or the ticket has no first reply.
    public var periodicUpdates: [PeriodicUpdateMeasure]
    /// Whether the channel has a periodic-update target at all (then an empty ``periodicUpdates`` means no
    /// interval, not "not measured").
    public var measuresPeriodicUpdate: Bool

    public init(
        requesterWait: StatusClockMeasure? = nil, agentWork: StatusClockMeasure? = nil,
        periodicUpdates: [PeriodicUpdateMeasure] = [], measuresPeriodicUpdate: Bool = false
    ) {
        self.requesterWait = requesterWait
        self.agentWork = agentWork
        self.periodicUpdates = periodicUpdates
        self.measuresPeriodicUpdate = measuresPeriodicUpdate
    }

    /// The clock of `metric` (requester wait or agent work); nil for the other metrics.
    public func clock(_ metric: SLAMetric) -> StatusClockMeasure? {
        switch metric {
        case .requesterWait: requesterWait
        case .agentWork: agentWork
        case .firstReply, .nextReply, .periodicUpdate: nil
        }
    }
}

/// A ticket's requester wait or agent work: its total, and its outcome against the ticket's own target.
public struct StatusClockMeasure: Sendable, Equatable {
    /// Whether the ticket is solved or closed at as-of (the total is final).
    public var solved: Bool
    /// Where the measure ends: the last solve, or as-of while unsolved.
    public var end: Instant
    /// The total in calendar seconds.
    public var calendarSeconds: Int64
    /// The total on the clock of the channel's aggregate target of the metric
    /// (``ChannelPolicy/aggregateClock(_:)``), for the channel's percentiles; nil when that clock is calendar.
    public var aggregateBusinessSeconds: Int64?
    /// The total judged against the ticket's own target; nil when the ticket's priority has none.
    public var result: StatusClockResult?

    public init(
        solved: Bool, end: Instant, calendarSeconds: Int64, aggregateBusinessSeconds: Int64?,
        result: StatusClockResult?
    ) {
        self.solved = solved
        self.end = end
        self.calendarSeconds = calendarSeconds
        self.aggregateBusinessSeconds = aggregateBusinessSeconds
        self.result = result
    }

    /// The total on the clock of the ticket's own target (what its outcome judges), or calendar seconds when
    /// it has none: the per-ticket CSV's `requester_wait_seconds` / `agent_work_seconds`.
    public var ticketSeconds: Int64 { result?.seconds ?? calendarSeconds }
}

/// One interval between public agent replies, with its outcome against the ticket's own target.
public struct PeriodicUpdateMeasure: Sendable, Equatable {
    public var interval: PeriodicUpdate.Interval
    /// The interval on the clock of the channel's aggregate periodic-update target; nil while open or when
    /// that clock is calendar.
    public var aggregateBusinessSeconds: Int64?
    /// The ticket's own periodic-update target (after `by_priority`); nil when its priority has none.
    public var target: SLADuration?
    /// The interval judged against ``target``; nil without one.
    public var judged: PeriodicUpdateClock?

    public init(
        interval: PeriodicUpdate.Interval, aggregateBusinessSeconds: Int64?, target: SLADuration?,
        judged: PeriodicUpdateClock?
    ) {
        self.interval = interval
        self.aggregateBusinessSeconds = aggregateBusinessSeconds
        self.target = target
        self.judged = judged
    }
}

/// The side column of ``TicketStatusMetrics``: an entry per measured ticket, naming the ticket by its index in
/// the measure stage's measurements (ascending). Tickets without such targets have no entry, so a run whose
/// policy sets none keeps an empty column.
public struct StatusMetricsColumn: Sendable, Equatable {
    /// Indices into the measurements, ascending.
    public private(set) var rows: [Int32] = []
    /// ``rows``' metrics, in the same order.
    public private(set) var values: [TicketStatusMetrics] = []

    public init() {}

    public var isEmpty: Bool { rows.isEmpty }
    public var count: Int { rows.count }

    /// Adds the metrics of measurement `row` (after every row added so far).
    public mutating func append(row: Int, _ metrics: TicketStatusMetrics) {
        precondition(rows.last.map { Int($0) < row } ?? true, "rows are added in order")
        rows.append(Int32(clamping: row))
        values.append(metrics)
    }

    /// The metrics of measurement `row`, when it has an entry (binary search).
    public func metrics(ofRow row: Int) -> TicketStatusMetrics? {
        var low = 0
        var high = rows.count
        while low < high {
            let mid = (low + high) / 2
            let value = Int(rows[mid])
            if value == row { return values[mid] }
            if value < row { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}
