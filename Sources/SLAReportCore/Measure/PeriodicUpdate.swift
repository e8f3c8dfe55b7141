/// Periodic update (SPEC §4; Zendesk's `periodic_update_time`): after the first reply, each interval
/// between consecutive public agent replies while the ticket is unsolved.
///
/// - Each public agent reply made while the ticket is unsolved (its status after every change at or before
///   the reply's instant) starts an interval; replies at the same instant start one.
/// - The interval ends at the next public agent reply, or at the solve (a change to `solved` or `closed`)
///   when that comes first: a solved ticket needs no further update. A reply on a solved ticket starts
///   nothing; after a reopen, the next reply starts the next interval.
/// - An interval still open at as-of has no end.
/// - **Judged like next replies** against the `periodic_update` target: the deadline is `start + target` on
///   the target's clock; `achieved` when it ended at or before the deadline, `breached` when it ended after
///   it or is open with as-of past it (then also *open overdue*), `pending` while open before it. An
///   interval ended by the solve is judged by the solve's instant.
///
/// Replies and status changes come as plain arrays in time order (replies: the ticket's public agent
/// replies, system actors left out, the first one being the first reply); events before creation or after
/// as-of are ignored.
public enum PeriodicUpdate {
    /// What ended an interval.
    public enum Ending: String, Sendable, Equatable {
        /// The next public agent reply.
        case reply
        /// The ticket was solved or closed before the next reply.
        case solve
    }

    /// One interval between public agent replies.
    public struct Interval: Sendable, Equatable {
        /// The reply that started it.
        public var started: Instant
        /// When it ended; nil while open at as-of.
        public var ended: Instant?
        public var endedBy: Ending?

        public init(started: Instant, ended: Instant?, endedBy: Ending?) {
            self.started = started
            self.ended = ended
            self.endedBy = endedBy
        }

        /// `ended − started` in calendar seconds; nil while open.
        public var seconds: Int64? { ended.map { $0.seconds - started.seconds } }
    }

    /// The intervals of a ticket, in time order (see the type's documentation).
    public static func intervals(
        created: Instant, replies: [Instant], changes: [StatusChange], asOf: Instant
    ) -> [Interval] {
        var result: [Interval] = []
        var open: Instant?
        var solved = false
        var changeIndex = 0
        /// Applies the status changes before `instant` (and at it, when `including`), ending the open
        /// interval at a solve.
        func applyChanges(before instant: Instant, including: Bool) {
            while changeIndex < changes.count,
                changes[changeIndex].at < instant || (including && changes[changeIndex].at == instant)
            {
                let change = changes[changeIndex]
                changeIndex += 1
                if change.status.isSolved, !solved, let started = open {
                    result.append(Interval(started: started, ended: max(change.at, started), endedBy: .solve))
                    open = nil
                }
                solved = change.status.isSolved
            }
        }
        for reply in replies where reply >= created && reply <= asOf {
            applyChanges(before: reply, including: false)
            if let started = open, reply > started {
                result.append(Interval(started: started, ended: reply, endedBy: .reply))
                open = nil
            }
            applyChanges(before: reply, including: true)
            if !solved, open == nil { open = reply }
        }
        applyChanges(before: asOf, including: true)
        if let started = open { result.append(Interval(started: started, ended: nil, endedBy: nil)) }
        return result
    }

    /// One interval judged against `target` (see the type's documentation).
    public static func judge(
        _ interval: Interval, target: SLADuration, calendar: BusinessCalendar, asOf: Instant
    ) -> PeriodicUpdateClock {
        let deadline = calendar.deadline(from: interval.started, adding: target)
        let outcome: ReplyOutcome =
            if let ended = interval.ended {
                ended <= deadline ? .achieved : .breached
            } else {
                asOf > deadline ? .breached : .pending
            }
        let clockSeconds: Int64? =
            if let ended = interval.ended, target.clock != .calendar {
                calendar.elapsed(from: interval.started, to: ended, clock: target.clock)
            } else { nil }
        return PeriodicUpdateClock(
            interval: interval, clockSeconds: clockSeconds, deadline: deadline, outcome: outcome)
    }

    /// Every interval of a ticket judged against one target.
    public static func judge(
        _ intervals: [Interval], target: SLADuration, calendar: BusinessCalendar, asOf: Instant
    ) -> [PeriodicUpdateClock] {
        intervals.map { judge($0, target: target, calendar: calendar, asOf: asOf) }
    }
}

/// One periodic-update interval judged against its target.
public struct PeriodicUpdateClock: Sendable, Equatable {
    public var interval: PeriodicUpdate.Interval
    /// The interval on the target's clock; nil while open or when the target is on the calendar clock.
    public var clockSeconds: Int64?
    /// `started + target` on the target's clock.
    public var deadline: Instant
    public var outcome: ReplyOutcome

    public init(interval: PeriodicUpdate.Interval, clockSeconds: Int64?, deadline: Instant, outcome: ReplyOutcome) {
        self.interval = interval
        self.clockSeconds = clockSeconds
        self.deadline = deadline
        self.outcome = outcome
    }

    /// Breached while still open at as-of.
    public var openOverdue: Bool { outcome == .breached && interval.ended == nil }
}
