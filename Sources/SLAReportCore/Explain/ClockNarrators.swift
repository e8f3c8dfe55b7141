/// The first-reply clock (SPEC §4): from creation to the first reply, against the first-reply target after
/// `by_priority`, on the target's clock (the per-ticket CSV's `frt_business_seconds`).
enum FirstReplyNarrator: ClockNarrator {
    static func stories(_ context: ExplainContext) -> [ClockStory] {
        let m = context.measurement
        let timeline = context.timeline
        let requester = timeline.requester.isNone ? "" : " by \(context.name(timeline.requester))"
        var notes: [String] = []
        let stopped: (at: Instant, by: String, mark: String)? = m.firstReply.map { at in
            if m.fromVendorMetric {
                return (at, "the first reply placed by the vendor's own first-reply time", "first reply")
            }
            return (at, "the first reply by \(context.name(m.firstReplyActor))", "first reply")
        }
        if m.fromVendorMetric {
            notes.append(
                "The inputs hold no reply timestamp for this ticket: the first reply is placed by the vendor's own "
                    + "figure (Zendesk's first reply time), as the report places it.")
        }
        if m.replyTimeUnknown {
            notes.append(
                "The vendor says the ticket was answered but gives no time: the report leaves it out of the "
                    + "first-reply figures.")
        }
        if context.trace.channel == nil {
            notes.append("The policy has no channel '\(context.symbols[timeline.channel])': no target applies.")
        } else if context.trace.firstReplyTarget == nil {
            notes.append("The channel has no first-reply target: the time is measured, nothing is judged.")
        }
        return [
            context.story(
                metric: .firstReply, number: nil, started: (timeline.created, "created\(requester)"), stopped: stopped,
                target: context.trace.firstReplyTarget, deadline: m.deadline, notBefore: context.trace.notBefore,
                calendarSeconds: m.frtSeconds, clockSeconds: m.frtTargetBusinessSeconds, outcome: m.outcome,
                spans: [TimeSpan(start: timeline.created, end: m.firstReply ?? max(context.asOf, timeline.created))],
                notes: notes)
        ]
    }
}

/// The next-reply clocks (SPEC §4): each started by the oldest unanswered customer comment after the first
/// reply and stopped by the next reply, against the next-reply target after `by_priority`.
enum NextReplyNarrator: ClockNarrator {
    static func stories(_ context: ExplainContext) -> [ClockStory] {
        let m = context.measurement
        let target = context.trace.nextReplyTarget
        let defaultClock = context.trace.channel?.aggregateClock(.nextReply)
        return m.nextReplies.enumerated().map { index, clock in
            let commenter = context.event(counted: .nextReplyStarted(clock: index)).map { context.name($0.actor) }
            let replier = context.event(counted: .nextReplyStopped(clock: index)).map { context.name($0.actor) }
            var clockSeconds: Int64?
            var notes: [String] = []
            if let target, target.clock != .calendar, let replied = clock.replied {
                if target.clock == defaultClock {
                    clockSeconds = clock.businessSeconds
                } else if let calendar = context.trace.calendar {
                    // The report's next-reply aggregates use the channel's default clock; this ticket's own
                    // target runs on another one.
                    clockSeconds = calendar.elapsed(from: clock.started, to: replied, clock: target.clock)
                    notes.append(
                        "Measured on the clock of this ticket's own target; the channel's figures use its default one.")
                }
            }
            var stopped: (at: Instant, by: String, mark: String)?
            if let replied = clock.replied {
                stopped = (replied, "the reply" + (replier.map { " by \($0)" } ?? ""), "reply")
            } else if let solved = clock.solved {
                let solver = context.trace.counts.firstIndex { count in
                    switch count {
                    case .firstSolve(let ended), .solveAgain(let ended): ended == index
                    default: false
                    }
                }.map { context.events[$0].actor }.flatMap { $0.isNone ? nil : context.name($0) }
                stopped = (
                    solved, "the solve" + (solver.map { " by \($0)" } ?? "") + " (no answer is owed then)", "solved"
                )
                notes.append("Ended by the solve, judged at its instant; it has no reply time.")
            }
            return context.story(
                metric: .nextReply, number: index + 1,
                started: (clock.started, "a comment" + (commenter.map { " by \($0)" } ?? "")), stopped: stopped,
                target: target, deadline: clock.deadline, notBefore: nil, calendarSeconds: clock.seconds,
                clockSeconds: clockSeconds, outcome: clock.outcome,
                spans: [TimeSpan(start: clock.started, end: stopped?.at ?? max(context.asOf, clock.started))],
                notes: notes, startMark: "comment", openOverdue: clock.openOverdue)
        }
    }
}

/// Requester wait and agent work (SPEC §4, ``StatusClock``): the time in the statuses the clock runs in, from
/// creation to the last solve (or the as-of), against the target of the priority in force when the measure
/// ends. The figures are the report's (``Measurer/measureStatusMetrics(_:_:)``); the spans the clock ran over
/// come from the same inputs (``Measurer/statusInputs(_:firstReply:)``), and its days count only them.
enum StatusClockNarrator: ClockNarrator {
    static func stories(_ context: ExplainContext) -> [ClockStory] {
        let m = context.measurement
        guard let metrics = context.measurer.measureStatusMetrics(context.timeline, m) else { return [] }
        let inputs = context.measurer.statusInputs(context.timeline, firstReply: m.firstReply)
        var stories: [ClockStory] = []
        for kind in [StatusClock.Kind.requesterWait, .agentWork] {
            guard let measure = metrics.clock(kind.metric) else { continue }
            let clock = StatusClock(
                kind: kind, created: context.timeline.created, changes: inputs.changes, asOf: context.asOf)
            let result = measure.result
            let runs = kind == .requesterWait ? "new, open or hold" : "new or open"
            var notes = ["Runs while the ticket is \(runs), from its creation until it is solved or closed."]
            if result == nil {
                notes.append("This ticket's priority has no \(kind.metric.key) target: measured, not judged.")
            }
            // Each status change, but the last solve, which stops the clock and is marked as such.
            let marks = inputs.changes.filter {
                $0.at >= context.timeline.created && $0.at <= context.asOf && !(measure.solved && $0.at == measure.end)
            }.map {
                (what: "\($0.status.rawValue) (" + (kind.runs(in: $0.status) ? "runs" : "paused") + ")", at: $0.at)
            }
            var margin: ClockStory.Margin?
            if let result {
                let limit = max(result.target.seconds, 0)
                switch result.outcome {
                case .achieved:
                    margin = ClockStory.Margin(
                        kind: .toSpare, calendarSeconds: nil, clockSeconds: limit - result.seconds)
                case .breached:
                    margin = ClockStory.Margin(
                        kind: measure.solved ? .lateBy : .overdueBy, calendarSeconds: nil,
                        clockSeconds: result.overBySeconds)
                case .pending:
                    margin = ClockStory.Margin(
                        kind: .remaining, calendarSeconds: nil, clockSeconds: limit - result.seconds)
                case .early:
                    margin = nil
                }
            }
            let onClock = result.flatMap { $0.target.clock == .calendar ? nil : $0.seconds }
            stories.append(
                context.story(
                    metric: kind.metric, number: nil, started: (context.timeline.created, "created"),
                    stopped: measure.solved ? (measure.end, "the last solve", "solved") : nil,
                    target: result?.target, deadline: result?.limitReachedAt, notBefore: nil,
                    calendarSeconds: measure.calendarSeconds, clockSeconds: onClock, outcome: result?.outcome,
                    spans: clock.running, notes: notes, deadlineMark: "limit reached", marks: marks, margin: margin,
                    openOverdue: result?.openOverdue ?? false))
        }
        return stories
    }
}

/// Periodic update (SPEC §4, ``PeriodicUpdate``): each interval between consecutive public agent replies
/// while the ticket is unsolved, judged like a next reply. The intervals and their outcomes are the report's
/// (``Measurer/measureStatusMetrics(_:_:)``).
enum PeriodicUpdateNarrator: ClockNarrator {
    static func stories(_ context: ExplainContext) -> [ClockStory] {
        guard let metrics = context.measurer.measureStatusMetrics(context.timeline, context.measurement) else {
            return []
        }
        return metrics.periodicUpdates.enumerated().map { index, update in
            let interval = update.interval
            var stopped: (at: Instant, by: String, mark: String)?
            if let ended = interval.ended {
                stopped =
                    interval.endedBy == .solve
                    ? (ended, "the solve (no update is owed then)", "solved") : (ended, "the next reply", "reply")
            }
            let judged = update.judged
            return context.story(
                metric: .periodicUpdate, number: index + 1, started: (interval.started, "a reply"), stopped: stopped,
                target: update.target, deadline: judged?.deadline, notBefore: nil, calendarSeconds: interval.seconds,
                clockSeconds: judged?.clockSeconds, outcome: judged?.outcome,
                spans: [TimeSpan(start: interval.started, end: interval.ended ?? max(context.asOf, interval.started))],
                startMark: "reply", openOverdue: judged?.openOverdue ?? false)
        }
    }
}
