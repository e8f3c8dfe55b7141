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
        let defaultClock = context.trace.channel?.nextReply?.clock
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
            return context.story(
                metric: .nextReply, number: index + 1,
                started: (clock.started, "a comment" + (commenter.map { " by \($0)" } ?? "")),
                stopped: clock.replied.map { ($0, "the reply" + (replier.map { " by \($0)" } ?? ""), "reply") },
                target: target, deadline: clock.deadline, notBefore: nil, calendarSeconds: clock.seconds,
                clockSeconds: clockSeconds, outcome: clock.outcome,
                spans: [TimeSpan(start: clock.started, end: clock.replied ?? max(context.asOf, clock.started))],
                notes: notes)
        }
    }
}
