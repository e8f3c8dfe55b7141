/// One event of a synthetic ticket, before it is written: plain values only.
struct StoryEvent: Sendable {
    /// Who acted: an agent index (0…), or one of the negative codes below.
    static let nobody: Int32 = -1
    static let requester: Int32 = -2
    static let system: Int32 = -3

    var at: Int64
    var kind: EventKind
    var actor: Int32
    /// `created`: subject index; `assign`: agent index or -1; `status` / `priority`: raw value; `skip`: reason.
    var value: Int32
    /// Whether the channel's `via` is written (replies).
    var via: Bool
}

/// How a ticket's requester is named: a style and indexes into the name tables.
struct StoryRequester: Sendable {
    var style: SyntheticChannel.RequesterStyle
    var first: Int
    var last: Int
    var domain: Int
    var number: Int
}

/// What a ticket is, apart from its events.
struct StoryTicket: Sendable {
    var created: Int64
    var channel: Int
    var requester: StoryRequester
    var subject: Int32
    /// The agent who created the ticket (outbound e-mail, Disqus reply ticket), or -1.
    var createdByAgent: Int32
    var urlNumber: Int
}

/// Tells the story of one ticket after another: its events in time order.
///
/// Each ticket draws from its own generator (keyed by seed and index), so a ticket's story does not depend
/// on the others' draws; the one shared state is the Play-mode queue, whose takes go in creation order.
struct SyntheticStoryteller {
    let model: SyntheticModel
    /// The events of the current ticket, sorted by time (stable) after ``tell(created:rng:)``.
    private(set) var events: [StoryEvent] = []
    /// When the Play-mode view last had a ticket taken.
    private var playQueueClock = Int64.min

    init(model: SyntheticModel) {
        self.model = model
        events.reserveCapacity(64)
    }

    private mutating func add(_ kind: EventKind, _ at: Int64, _ actor: Int32, _ value: Int32 = -1, via: Bool = false) {
        events.append(StoryEvent(at: at, kind: kind, actor: actor, value: value, via: via))
    }

    private mutating func status(_ at: Int64, _ actor: Int32, _ status: SyntheticStatus) {
        add(.status, at, actor, status.rawValue)
    }

    /// Another agent than `agent`.
    private func other(than agent: Int32, _ rng: inout SplitMix64) -> Int32 {
        let n = model.agents.count
        guard n > 1 else { return agent }
        return Int32((Int(agent) + 1 + rng.below(n - 1)) % n)
    }

    private func pickAgent(playMode: Bool, _ rng: inout SplitMix64) -> Int32 {
        let n = model.agents.count
        if playMode && rng.chance(0.85) { return Int32(rng.below(min(n, model.knobs.playModeAgents))) }
        return Int32(rng.below(n))
    }

    private func requester(_ style: SyntheticChannel.RequesterStyle, _ rng: inout SplitMix64) -> StoryRequester {
        StoryRequester(
            style: style, first: rng.below(model.firstNames.count), last: rng.below(model.lastNames.count),
            domain: rng.below(model.domains.count), number: rng.below(100))
    }

    /// A customer's answer: some hours later, on the calendar.
    private func customerDelay(_ rng: inout SplitMix64) -> Int64 {
        rng.seconds(median: 5 * 3600, sigma: 1.2, minimum: 60, maximum: 10 * 86_400)
    }

    /// When an agent replies to something that arrived at `t`.
    private func replyTime(
        after t: Int64, _ c: SyntheticChannel, priority: SyntheticPriority?, next: Bool, _ rng: inout SplitMix64
    ) -> Int64 {
        if c.kind == .tracker || c.kind == .community {
            return communityReplyTime(after: t, next: next, &rng)
        }
        var median = c.replyMedian
        var business = c.business
        switch priority {
        case .urgent?:
            median = 15 * 60
            business = false
        case .high?: median *= 0.7
        case .low?: median *= 0.9
        case .normal?, nil: break
        }
        if next { median *= 0.8 }
        if business && !rng.chance(model.knobs.offHours) {
            // A queue worked in Play mode never waits on one ticket for long: its takes go in order.
            let longest: Int64 = c.playMode ? 10 * 3600 : 40 * 3600
            let delay = rng.seconds(median: median, sigma: c.replySigma, minimum: 60, maximum: longest)
            return SyntheticWorkingHours.advance(t, by: delay)
        }
        let calendarMedian = business ? min(median, 2 * 3600) : median
        return t + rng.seconds(median: calendarMedian, sigma: c.replySigma, minimum: 60, maximum: 5 * 86_400)
    }

    /// When the Play-mode view would serve a ticket that arrived at `t`, before queueing behind older ones:
    /// a short reaction on the working clock, which stops on the days nobody works the view (about one
    /// working day in fifteen, decided per day from the seed), or now and then a take outside hours.
    private func playModeReady(after t: Int64, _ rng: inout SplitMix64) -> Int64 {
        let reaction = min(3 * 3600, Int64(-45 * 60 * PortableMath.log(1 - rng.unit())))
        if rng.chance(model.knobs.offHours) { return t + 60 + reaction }
        let seed = model.seed
        return SyntheticWorkingHours.advance(t, by: 60 + reaction) { day in
            SplitMix64.mix(seed ^ (UInt64(bitPattern: day) &* 0x9E37_79B9_7F4A_7C15)) % 15 == 0
        }
    }

    /// Posted issues and community channels: mostly after two days and within two weeks ("to give the rest of
    /// the community a chance to respond"), some sooner (early), a few later (breached).
    private func communityReplyTime(after t: Int64, next: Bool, _ rng: inout SplitMix64) -> Int64 {
        let day: Int64 = 86_400
        let raw: Int64
        if next {
            raw = t + rng.seconds(median: 86_400, sigma: 0.8, minimum: 600, maximum: 7 * day)
        } else {
            let x = rng.unit()
            if x < 0.12 {
                raw = t + rng.between(1800, 2 * day - 3600)
            } else if x < 0.95 {
                raw = t + 2 * day + rng.seconds(median: 2.5 * 86_400, sigma: 0.7, minimum: 3600, maximum: 11 * day)
            } else {
                raw = t + 14 * day + rng.between(3600, 6 * day)
            }
        }
        // Posted from the office: a reply that would fall outside hours waits for the next opening.
        if SyntheticWorkingHours.contains(raw) { return raw }
        return SyntheticWorkingHours.advance(raw, by: rng.between(60, 3 * 3600))
    }

    /// Builds the events of a ticket created at `t0` into ``events``.
    mutating func tell(created t0: Int64, rng: inout SplitMix64) -> StoryTicket {
        events.removeAll(keepingCapacity: true)
        let channelIndex = rng.pick(cumulative: model.channelCumulative)
        let c = model.channels[channelIndex]
        let knobs = model.knobs
        var ticket = StoryTicket(
            created: t0, channel: channelIndex, requester: requester(c.requesterStyle, &rng),
            subject: Int32(c.subjects.lowerBound + rng.below(c.subjects.count)), createdByAgent: -1,
            urlNumber: c.urlBase + rng.below(max(1, c.urlSpan)))
        let assignee = pickAgent(playMode: c.playMode, &rng)
        let requester = StoryEvent.requester
        let system = StoryEvent.system

        let agentCreated = c.kind == .regular && rng.chance(knobs.agentCreated)
        let disqusReply = c.kind == .disqus && rng.chance(knobs.disqusReplyTicket)
        if agentCreated || disqusReply { ticket.createdByAgent = assignee }
        add(.created, t0, ticket.createdByAgent >= 0 ? ticket.createdByAgent : requester, ticket.subject)

        var priority: SyntheticPriority?
        switch c.priority {
        case .none: break
        case .urgent: priority = .urgent
        case .high: priority = .high
        case .mixed:
            let x = rng.unit()
            priority = x < 0.02 ? .urgent : x < 0.2 ? .high : x < 0.85 ? .normal : .low
        }
        if let priority { add(.priority, t0, system, priority.rawValue) }

        if disqusReply {
            // The integration's ticket for our own reply on the blog: nobody answers it; its author solves it.
            if rng.chance(0.9) {
                status(SyntheticWorkingHours.advance(t0, by: rng.seconds(median: 3600, sigma: 1)), assignee, .solved)
            }
            finish()
            return ticket
        }

        var assigned = false
        if c.kind == .regular && !agentCreated && rng.chance(knobs.systemAssign) {
            add(.assign, t0 + rng.between(5, 120), system, assignee)
            assigned = true
        }

        var t = t0
        if agentCreated {
            // An outbound ticket: the agent's message at the creation instant is not a reply (Zendesk's rule).
            add(.assign, t0, assignee, assignee)
            add(.reply, t0, assignee, via: true)
            status(t0, assignee, .pending)
            assigned = true
            guard rng.chance(0.8) else {
                status(t0 + rng.seconds(median: 4 * 86_400, sigma: 0.3), assignee, .solved)
                finish()
                return ticket
            }
            t = t0 + customerDelay(&rng)
            add(.comment, t, requester)
            status(t, requester, .open)
        }

        let answered = rng.chance(c.answered)
        var replyAt =
            c.playMode ? playModeReady(after: t, &rng) : replyTime(after: t, c, priority: priority, next: false, &rng)
        if c.playMode {
            // Play mode serves the oldest ticket first: takes go in creation order, an agent assigns the
            // ticket to themselves and replies from Zendesk.
            var take = replyAt
            if !rng.chance(knobs.unorderedTake) {
                if playQueueClock != Int64.min {
                    take = max(
                        replyAt, playQueueClock + rng.between(knobs.takeGap.lowerBound, knobs.takeGap.upperBound))
                }
                playQueueClock = take
            }
            if rng.chance(knobs.skip) && take - t0 > 2 {
                let reason = Int32(rng.below(model.skipReasons.count))
                add(.skip, rng.between(t0 + 1, take - 1), other(than: assignee, &rng), reason)
            }
            let assigner = rng.chance(knobs.crossAssign) ? other(than: assignee, &rng) : assignee
            add(.assign, take, assigner, assignee)
            guard answered else {
                // Not acknowledged (a competitor mention, spam): solved without a reply.
                status(take + rng.between(10, 120), assignee, .solved)
                finish()
                return ticket
            }
            replyAt = take + rng.between(20, 420)
        } else {
            if c.kind == .regular && replyAt - t > 600 {
                if rng.chance(knobs.note) { add(.note, rng.between(t + 60, replyAt - 60), assignee) }
                if let p = priority, p == .normal || p == .low, rng.chance(knobs.priorityChange) {
                    // Triage raises the priority before the first reply: the new target applies.
                    add(.priority, rng.between(t + 60, replyAt - 60), assignee, SyntheticPriority.high.rawValue)
                    priority = .high
                }
            }
            if !assigned {
                if c.kind == .regular && replyAt - t > 600 && rng.chance(knobs.escalate) {
                    add(.assign, rng.between(t + 60, replyAt - 300), other(than: assignee, &rng), assignee)
                } else {
                    add(.assign, max(t, replyAt - rng.between(30, 900)), assignee, assignee)
                }
            }
            guard answered else {
                // Answered by the community or abandoned: some are closed without a reply, some stay open.
                if rng.chance(0.5) { status(replyAt, assignee, .solved) }
                finish()
                return ticket
            }
        }
        add(.reply, replyAt, assignee, via: true)
        t = replyAt
        status(t, assignee, c.conversational ? .pending : .solved)

        var follow = rng.chance(c.followUp)
        var rounds = 0
        while follow && rounds < 4 {
            // The customer answers, the ticket reopens, and an agent answers again (a next reply).
            let comment = t + customerDelay(&rng)
            add(.comment, comment, requester)
            status(comment, requester, .open)
            t = replyTime(after: comment, c, priority: priority, next: true, &rng)
            add(.reply, t, assignee, via: true)
            status(t, assignee, c.conversational ? .pending : .solved)
            rounds += 1
            follow = rng.chance(knobs.followAgain)
        }
        guard c.conversational else {
            finish()
            return ticket
        }
        if c.kind == .regular && rng.chance(knobs.hold) {
            t += rng.between(300, 4 * 3600)
            status(t, assignee, .hold)
        }
        // Solved by the agent once the customer is happy, or by Zendesk's automation after days pending.
        let solvedAt = t + rng.seconds(median: 1.5 * 86_400, sigma: 0.6, minimum: 600)
        status(solvedAt, rng.chance(0.3) ? system : assignee, .solved)
        if rng.chance(c.reopen) {
            let comment = solvedAt + rng.seconds(median: 2 * 86_400, sigma: 0.6, minimum: 3600)
            add(.comment, comment, requester)
            status(comment, requester, .open)
            let again = replyTime(after: comment, c, priority: priority, next: true, &rng)
            add(.reply, again, assignee, via: true)
            status(again + rng.between(60, 86_400), assignee, .solved)
        }
        finish()
        return ticket
    }

    /// Stable insertion sort by time (a ticket has a handful of events, mostly in order already).
    private mutating func finish() {
        guard events.count > 1 else { return }
        for i in 1..<events.count {
            let e = events[i]
            var j = i
            while j > 0 && events[j - 1].at > e.at {
                events[j] = events[j - 1]
                j -= 1
            }
            events[j] = e
        }
    }
}
