/// Requester wait and agent work (SPEC §4; Zendesk's SLA metrics `requester_wait_time`, `agent_work_time`):
/// clocks that run while a ticket is in certain statuses.
///
/// - **Requester wait** runs while the ticket is `new`, `open` or `hold`, and pauses while it is `pending`
///   (waiting on the requester).
/// - **Agent work** runs while the ticket is `new` or `open`, and pauses while it is `pending` or `hold`.
///
/// Both run from creation (a ticket is `new` until its first status change) until the ticket is solved or
/// closed, and run again after a reopen. The measure ends at the last solve (the last change from an
/// unsolved status to `solved` or `closed`) when the ticket is solved at as-of, else at as-of; status
/// changes after as-of are ignored. The total is measured on the clock of the target
/// (``judge(against:calendar:)``): calendar seconds, business-hours seconds or business-days seconds of the
/// ticket's schedule. The target of the priority in force at ``end`` applies (`by_priority`); look it up once
/// the clock is built.
///
/// **Outcome**: a solved ticket is `achieved` when the total is within the target (at most the target), else
/// `breached`; an unsolved one is `breached` (and *open overdue*) once the total is over the target, else
/// `pending`. The target of a business-days clock counts 86 400 clock seconds per day (a day with a DST
/// change runs 23 or 25 hours on that clock).
///
/// Built from plain arrays so that any timeline representation can feed it: O(status changes) to build,
/// one ``BusinessCalendar/elapsed(from:to:clock:)`` per running stretch to judge.
public struct StatusClock: Sendable, Equatable {
    /// Which statuses the clock runs in.
    public enum Kind: String, Sendable, Equatable {
        case requesterWait = "requester_wait"
        case agentWork = "agent_work"

        /// Whether the clock runs while a ticket has `status`.
        public func runs(in status: TicketStatus) -> Bool {
            switch status {
            case .new, .open: true
            case .hold: self == .requesterWait
            case .pending, .solved, .closed: false
            }
        }

        /// The policy metric measured by this clock.
        public var metric: SLAMetric { self == .requesterWait ? .requesterWait : .agentWork }
    }

    public let kind: Kind
    /// The stretches during which the clock ran, in time order, disjoint and not touching.
    public let running: [TimeSpan]
    /// Where the measure ends: the last solve when the ticket is solved at as-of, else as-of.
    public let end: Instant
    /// The status at as-of.
    public let status: TicketStatus

    /// The clock of a ticket created at `created` with `changes` (in time order; ties keep their order), as
    /// of `asOf`. Changes before `created` count as made at `created`; changes after `asOf` are ignored.
    public init(kind: Kind, created: Instant, changes: [StatusChange], asOf: Instant) {
        self.kind = kind
        var running: [TimeSpan] = []
        func run(_ start: Instant, _ end: Instant) {
            guard end > start else { return }
            if let last = running.last, last.end == start {
                running[running.count - 1].end = end
            } else {
                running.append(TimeSpan(start: start, end: end))
            }
        }
        var status = TicketStatus.new
        var since = created
        var solvedAt: Instant?
        for change in changes where change.at <= asOf {
            let at = max(change.at, created)
            if kind.runs(in: status) { run(since, at) }
            if change.status.isSolved, !status.isSolved { solvedAt = at }
            status = change.status
            since = at
        }
        let end = asOf < created ? created : asOf
        if !status.isSolved, kind.runs(in: status) { run(since, end) }
        self.running = running
        self.status = status
        self.end = status.isSolved ? (solvedAt ?? created) : end
    }

    /// Whether the ticket is solved or closed at as-of.
    public var solved: Bool { status.isSolved }

    /// Whether the clock runs at as-of (the ticket is unsolved and in a running status).
    public var isRunning: Bool { kind.runs(in: status) }

    /// The total in calendar seconds.
    public var calendarSeconds: Int64 {
        running.reduce(0) { $0 + ($1.end.seconds - $1.start.seconds) }
    }

    /// The total on `clock` of `calendar`.
    public func seconds(on clock: Clock, calendar: BusinessCalendar) -> Int64 {
        guard clock != .calendar else { return calendarSeconds }
        return running.reduce(0) { $0 + calendar.elapsed(from: $1.start, to: $1.end, clock: clock) }
    }

    /// The total judged against `target` on its clock (see the type's documentation).
    public func judge(against target: SLADuration, calendar: BusinessCalendar) -> StatusClockResult {
        let clock = target.clock
        let limit = max(target.seconds, 0)
        var total: Int64 = 0
        var reachedAt: Instant?
        for span in running {
            let seconds =
                clock == .calendar
                ? span.end.seconds - span.start.seconds : calendar.elapsed(from: span.start, to: span.end, clock: clock)
            if reachedAt == nil, total + seconds >= limit {
                reachedAt = calendar.advance(from: span.start, bySeconds: limit - total, clock: clock)
            }
            total += seconds
        }
        if reachedAt == nil, isRunning {
            reachedAt = calendar.advance(from: end, bySeconds: limit - total, clock: clock)
        }
        let over = total > limit
        let outcome: ReplyOutcome = solved ? (over ? .breached : .achieved) : (over ? .breached : .pending)
        return StatusClockResult(
            target: target, seconds: total, outcome: outcome, openOverdue: over && !solved,
            limitReachedAt: reachedAt, overBySeconds: over ? total - limit : nil)
    }
}

/// One ticket's requester wait or agent work judged against its target.
public struct StatusClockResult: Sendable, Equatable {
    /// The target that applied (after `by_priority`).
    public var target: SLADuration
    /// The total on the target's clock, in seconds.
    public var seconds: Int64
    /// `achieved` or `breached` when solved; `breached` or `pending` when unsolved at as-of.
    public var outcome: ReplyOutcome
    /// Breached while still unsolved at as-of.
    public var openOverdue: Bool
    /// The earliest instant at which the total reached the target: in the past when it did (a breached
    /// ticket went over right after it), projected from as-of when the clock runs at as-of and has not yet
    /// reached it; nil when it never did and the clock is paused or the ticket solved.
    public var limitReachedAt: Instant?
    /// How far over the target the total is (target's clock seconds), when breached.
    public var overBySeconds: Int64?

    public init(
        target: SLADuration, seconds: Int64, outcome: ReplyOutcome, openOverdue: Bool, limitReachedAt: Instant?,
        overBySeconds: Int64?
    ) {
        self.target = target
        self.seconds = seconds
        self.outcome = outcome
        self.openOverdue = openOverdue
        self.limitReachedAt = limitReachedAt
        self.overBySeconds = overBySeconds
    }
}
