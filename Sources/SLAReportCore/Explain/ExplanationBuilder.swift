/// Puts one ticket's ``TicketExplanation`` together from what the stages found (``Explain/run(_:request:ticket:)``):
/// the trace names what each event counted as, the directory who each actor is and why, the narrators the
/// clocks. It words the findings; it measures nothing.
struct ExplanationBuilder {
    let input: JoinedInput
    let request: ReportRequest
    let window: ResolvedWindow
    let context: ExplainContext

    private var symbols: SymbolTable { context.symbols }
    private var timeline: TicketTimeline { context.timeline }
    private var trace: MeasureTrace { context.trace }

    func explanation(row: TicketRow?, excluded: Bool, rules: RuleFindings) -> TicketExplanation {
        let created = context.events.first { $0.kind == .created }
        let people = self.people()
        let roles = Dictionary(people.map { ($0.actor, $0.role) }, uniquingKeysWith: { a, _ in a })
        let events = context.events.enumerated().map { position, e in
            TicketExplanation.Event(
                at: e.at, kind: e.kind.name, actor: e.actor.isNone ? nil : symbols[e.actor],
                role: e.actor.isNone ? nil : roles[symbols[e.actor]], value: e.value.isNone ? nil : symbols[e.value],
                via: e.via.isNone ? nil : symbols[e.via], record: input.log.location(of: e.record),
                counted: position < trace.counts.count ? trace.counts[position] : .noClock,
                meaning: meaning(of: e, at: position))
        }
        let outside = self.outside()
        let notYet = timeline.created > window.asOf
        var clocks: [ClockStory] = []
        if !notYet { for narrator in Explain.narrators { clocks += narrator.stories(context) } }
        let m = context.measurement
        var notes: [String] = []
        if trace.agentCreated {
            notes.append(
                "Created by somebody on the team (\(context.name(timeline.requester))): on a ticket that lives in "
                    + "Zendesk, their own public message at the creation instant is not the first reply.")
        }
        if notYet {
            notes.append("Created after the as-of: nothing of it is measured until the as-of passes its creation.")
        }
        let flags = (row?.flags ?? []).map { TicketExplanation.Flag(flag: $0, meaning: Self.meaning(ofFlag: $0)) }
        var leftOut: String?
        if excluded {
            leftOut =
                m.replyTimeUnknown
                ? "answered by the vendor's word but without a reply time: left out of the first-reply figures"
                : "a Disqus ticket made by our own reply (its requester is on the team): left out of the Disqus "
                    + "response times"
        }
        return TicketExplanation(
            ticket: symbols[timeline.ticket], source: timeline.source,
            createdRecord: created.map { input.log.location(of: $0.record) } ?? SourceLocation(path: "?", line: 0),
            created: timeline.created, subject: created.flatMap { $0.value.isNone ? nil : symbols[$0.value] },
            url: input.log.ticketAttributes[timeline.ticket]?.url,
            window: TicketExplanation.Window(
                since: window.since, until: window.until, asOf: window.asOf,
                asOfSource: window.asOfSource?.description, channels: request.channels, inReport: row != nil,
                outside: outside),
            policy: policyChoice(), channel: channelChoice(), target: targetChoice(events: events),
            people: people, events: events, clocks: clocks,
            resolution: TicketExplanation.Resolution(
                firstSolvedSeconds: m.firstResolutionSeconds, fullSolvedSeconds: m.fullResolutionSeconds,
                reopens: Int(m.reopens), status: m.status.isNone ? nil : symbols[m.status]),
            row: row, flags: flags, findings: findings(rules), leftOut: leftOut, notes: notes)
    }

    /// The measure stage's channel-rule findings that name this ticket, in words.
    private func findings(_ rules: RuleFindings) -> [String] {
        let id = symbols[timeline.ticket]
        let at = ExplainFormat.utc
        var out: [String] = []
        for f in rules.skips where f.ticket == id {
            out.append("skipped by \(f.agent) at \(at(f.at))" + (f.reason.isEmpty ? "" : " (\(f.reason))"))
        }
        for f in rules.passedOver where f.ticket == id {
            out.append(
                "taken by \(f.agent) at \(at(f.at)) while \(f.count) older ticket\(f.count == 1 ? "" : "s") waited "
                    + "in the view (oldest: \(f.oldest.joined(separator: ", ")))")
        }
        for f in rules.passedOver where f.ticket != id && f.oldest.contains(id) {
            out.append("passed over: \(f.agent) took the newer \(f.ticket) at \(at(f.at)) while this one waited")
        }
        for f in rules.crossAssignments where f.ticket == id {
            out.append("assigned by \(f.by) to \(f.to) at \(at(f.at)): a cross-assignment")
        }
        for f in rules.wrongHandle where f.ticket == id {
            out.append("\(f.agent) replied at \(at(f.at)) from \(f.via), not from the main handle")
        }
        for f in rules.outsideZendesk where f.ticket == id {
            out.append("\(f.agent) replied at \(at(f.at)) from \(f.via), outside Zendesk")
        }
        for f in rules.duplicateResponses where f.ticket == id {
            out.append(
                "\(f.firstAgent) replied at \(at(f.firstAt)) and \(f.secondAgent) at \(at(f.secondAt)) with no "
                    + "comment between: a duplicate response")
        }
        for f in rules.disqusReplyTicketsUnsolved where f.ticket == id {
            out.append("a Disqus ticket made by our own reply, not solved at the as-of: to be solved")
        }
        // Early replies are the first-reply outcome `early` (the aggregate stage lists them), told by the clock.
        return out
    }

    // MARK: Window

    /// Why the report of this window does not hold the ticket, naming the window; nil when it does.
    private func outside() -> String? {
        let at = DurationFormat.instant(timeline.created)
        if timeline.created > window.asOf {
            return "created \(at), after the as-of \(DurationFormat.instant(window.asOf)): not in the report"
        }
        let text = ReportWindow(since: window.since, until: window.until, asOf: window.asOf).text
        if let since = window.since, timeline.created < since {
            return "created \(at), before the window \(text): not in this report"
        }
        if let until = window.until, timeline.created >= until {
            return "created \(at), after the window \(text): not in this report"
        }
        if let selected = request.channels, !selected.contains(symbols[timeline.channel]) {
            return
                "its channel \(symbols[timeline.channel]) is not among --channel \(selected.joined(separator: ",")): "
                + "not in this report"
        }
        return nil
    }

    // MARK: People

    /// Every actor of the ticket (and every assignee), in order of first appearance.
    private func people() -> [TicketExplanation.Person] {
        var seen = Set<Symbol>()
        var order: [Symbol] = []
        for e in context.events {
            for s in [e.actor, e.kind == .assign ? e.value : .none] where !s.isNone && seen.insert(s).inserted {
                order.append(s)
            }
        }
        let directory = context.directory
        return order.map { actor in
            let grounds = directory.grounds(of: actor, symbols: symbols, policy: request.policy)
            let isRequester = directory.same(actor, timeline.requester)
            let roles = grounds.roles
            let role: String
            if roles.contains(.system) {
                role = "system actor"
            } else if roles.contains(.handle) {
                role = "handle"
            } else if roles.contains(.agent) {
                role = "agent"
            } else if roles.contains(.customer) {
                role = "customer"
            } else if isRequester {
                role = "requester"
            } else {
                role = "not on the team"
            }
            var reasons = grounds.reasons
            if isRequester { reasons.insert("the ticket's requester", at: 0) }
            if reasons.isEmpty || (role == "requester" && reasons.count == 1) {
                reasons.append("nothing in the policy or the inputs says it is on the team")
            }
            return TicketExplanation.Person(
                actor: symbols[actor], name: directory.name(of: actor, in: symbols), role: role,
                isRequester: isRequester, reasons: reasons)
        }
    }

    // MARK: Events

    private func meaning(of e: TicketEvent, at position: Int) -> String {
        let count = position < trace.counts.count ? trace.counts[position] : .noClock
        let who = e.actor.isNone ? "" : " by \(context.name(e.actor))"
        let value = e.value.isNone ? "" : symbols[e.value]
        switch count {
        case .creation:
            return "created\(who): the first-reply clock starts"
        case .firstReply:
            let frt = context.measurement.frtSeconds.map { " after \(ExplainFormat.duration($0))" } ?? ""
            return "the first reply\(frt): stops the first-reply clock"
        case .creationMessage:
            return "the message of the agent who created the ticket, at its creation: not a reply (Zendesk's rule)"
        case .systemReply:
            return "a reply by a system actor: never counts"
        case .nextReplyStopped(let clock):
            return "answers the waiting comment: stops next-reply clock \(clock + 1)"
        case .laterReply:
            return "a later reply; no comment was waiting, so it stops no clock"
        case .commentBeforeFirstReply:
            return "a comment before the first reply: the first-reply clock is already running"
        case .nextReplyStarted(let clock):
            return "the oldest unanswered comment after the first reply: starts next-reply clock \(clock + 1)"
        case .commentWhileWaiting(let clock):
            return "a comment while next-reply clock \(clock + 1) runs: starts none"
        case .priorityBeforeFirstReply, .priorityAtFirstReply:
            guard trace.priorityInForce == position else { return "priority \(value): replaced before the first reply" }
            let when = context.measurement.firstReply == nil ? "at the as-of (no reply yet)" : "at the first reply"
            return "priority \(value): in force \(when), so its targets apply"
        case .priorityAfterFirstReply:
            return "priority \(value) after the first reply: changes no target"
        case .assignee:
            return value.isEmpty ? "unassigned" : "assigned to \(context.name(e.value))"
        case .firstSolve(let clock):
            return "\(value): the first resolution" + Self.ends(clock)
        case .solveAgain(let clock):
            return "\(value) again: moves the full resolution" + Self.ends(clock)
        case .reopen:
            return "reopened (\(value)) after a solve"
        case .status:
            return "status \(value)"
        case .noClock:
            switch e.kind {
            case .note: return "an internal note: never a reply"
            case .skip: return "skipped in Play mode" + (value.isEmpty ? "" : " (\(value))")
            default: return "no clock reads it"
            }
        case .afterAsOf:
            return "after the as-of: ignored (out of window)"
        }
    }

    /// `; ends next-reply clock 2 (a solved ticket needs no answer)`, or nothing.
    private static func ends(_ clock: Int?) -> String {
        clock.map { "; ends next-reply clock \($0 + 1) (a solved ticket needs no answer)" } ?? ""
    }

    // MARK: Policy, channel, target

    private func policyChoice() -> TicketExplanation.PolicyChoice {
        let policy = request.policy
        return TicketExplanation.PolicyChoice(
            name: policy.name, source: policy.source, version: policy.version(at: timeline.created)?.effectiveFrom,
            versions: policy.versions.map(\.effectiveFrom))
    }

    private func channelChoice() -> TicketExplanation.ChannelChoice {
        let key = symbols[timeline.channel]
        var chosenBy: TicketExplanation.ChannelChoice.ChosenBy?
        if timeline.source == .canonical {
            if let e = context.events.first(where: { !$0.channel.isNone }) {
                chosenBy = .record(input.log.location(of: e.record))
            }
        } else if let facts = input.log.routingFacts?[timeline.ticket] ?? Self.constantFacts(timeline.source) {
            let policy = request.policy
            if let rule = policy.routingRule(for: facts) {
                let chosen = rule.builtIn ? Policy.builtInRouting[rule.index] : policy.routing[rule.index]
                chosenBy = .routing(
                    index: rule.index, builtIn: rule.builtIn, rule: Self.text(of: chosen), facts: Self.text(of: facts))
            }
        }
        return TicketExplanation.ChannelChoice(key: key, name: trace.channel?.name, chosenBy: chosenBy)
    }

    /// The facts every record of a source is routed by, for the sources whose adapters route on the source
    /// alone (``Join/routingFacts`` holds the others').
    static func constantFacts(_ source: SourceKind) -> RoutingFacts? {
        switch source {
        case .hackerone, .discourse, .stackexchange: RoutingFacts(source: source.name)
        case .twitter: RoutingFacts(source: "twitter", via: "twitter")
        case .canonical, .zendesk, .gitlab: nil
        }
    }

    static func text(of rule: RoutingRule) -> String {
        let conditions = rule.conditions.map { "\($0.field) = \($0.value)" }
        return (conditions.isEmpty ? "always" : "if " + conditions.joined(separator: " and ")) + " → \(rule.channel)"
    }

    static func text(of facts: RoutingFacts) -> String {
        var parts: [String] = []
        if let source = facts.source { parts.append("source \(source)") }
        if let via = facts.via { parts.append("via \(via)") }
        if !facts.tags.isEmpty { parts.append("tags \(facts.tags.joined(separator: ", "))") }
        if let group = facts.group { parts.append("group \(group)") }
        if let priority = facts.priority { parts.append("priority \(priority)") }
        if let project = facts.project { parts.append("project \(project)") }
        return parts.joined(separator: "; ")
    }

    private func targetChoice(events: [TicketExplanation.Event]) -> TicketExplanation.TargetChoice {
        let policy = request.policy
        let channel = trace.channel
        let priorityEvent = trace.priorityInForce
        let keys = ["urgent", "high", "normal", "low"].filter { channel?.byPriority[$0] != nil }
        let entry = trace.priority.flatMap { channel?.byPriority[$0] }
        let byPriority = entry?.firstReply != nil
        var reasons: [String] = []
        let version = policy.version(at: timeline.created)
        reasons.append(
            version.map { "The policy's version effective from \($0.effectiveFrom) is in force at the creation." }
                ?? (policy.versions.isEmpty
                    ? "The policy has one channel table."
                    : "The policy's base channel table is in force at the creation."))
        if let channel {
            let first = channel.firstReply.map { "first reply \($0)" } ?? "no first-reply target"
            let next = channel.nextReply.map { ", next reply \($0)" } ?? ""
            let named = channel.name == channel.key ? "" : " (\(channel.name))"
            reasons.append("Channel \(channel.key)\(named): \(first)\(next).")
            if keys.isEmpty {
                reasons.append("The channel has no by_priority: the priority changes nothing.")
            } else if let priority = trace.priority {
                let when = context.measurement.firstReply == nil ? "at the as-of (no reply yet)" : "at the first reply"
                let set =
                    priorityEvent.flatMap { $0 < events.count ? events[$0] : nil }.map {
                        " (set" + ($0.actor.map { " by \($0)" } ?? "") + " at \(ExplainFormat.utc($0.at)))"
                    } ?? ""
                if let entry, !entry.isEmpty {
                    let gives = [
                        entry.firstReply.map { "first reply \($0)" }, entry.nextReply.map { "next reply \($0)" },
                    ]
                    .compactMap { $0 }
                    reasons.append(
                        "Priority \(priority)\(set) is in force \(when): by_priority.\(priority) gives "
                            + (gives.isEmpty ? "no reply target" : gives.joined(separator: ", ")) + ".")
                } else {
                    reasons.append(
                        "Priority \(priority)\(set) is in force \(when); by_priority has no \(priority) entry, so the "
                            + "channel's own targets apply.")
                }
            } else {
                let when = context.measurement.firstReply == nil ? "before the as-of" : "at or before the first reply"
                reasons.append(
                    "No priority was set \(when): the channel's own targets apply (by_priority names "
                        + keys.joined(separator: ", ") + ").")
            }
            if let notBefore = channel.notBefore {
                reasons.append("not_before \(notBefore): a first reply sooner than that after the creation is early.")
            }
        } else {
            reasons.append("The policy in force has no channel \(symbols[timeline.channel]): no target applies.")
        }
        return TicketExplanation.TargetChoice(
            firstReply: trace.firstReplyTarget, channelFirstReply: channel?.firstReply,
            nextReply: trace.nextReplyTarget,
            channelNextReply: channel?.nextReply, notBefore: channel?.notBefore, priority: trace.priority,
            priorityEvent: priorityEvent, byPriority: byPriority, byPriorityKeys: keys,
            schedule: channel.map { scheduleSummary($0.schedule) }, reasons: reasons)
    }

    private func scheduleSummary(_ name: String) -> TicketExplanation.ScheduleSummary {
        let schedule = trace.calendar?.schedule ?? request.policy.schedules[name] ?? Policy.builtInDefaultSchedule
        let names = ClockDay.weekdayNames
        var hours: [String] = []
        var day = 1
        while day <= 7 {
            let spans = ScheduleDays.clean(schedule.hours[day] ?? [])
            var last = day
            while last < 7, ScheduleDays.clean(schedule.hours[last + 1] ?? []) == spans { last += 1 }
            if !spans.isEmpty {
                let days = last == day ? names[day - 1] : "\(names[day - 1])–\(names[last - 1])"
                hours.append("\(days) " + spans.map(ExplainFormat.span).joined(separator: ", "))
            }
            day = last + 1
        }
        let dates = schedule.dates.keys.sorted().map { date -> String in
            let spans = schedule.dates[date] ?? []
            return "\(date) " + (spans.isEmpty ? "closed" : spans.map(ExplainFormat.span).joined(separator: ", "))
        }
        return TicketExplanation.ScheduleSummary(
            name: name, timezone: schedule.timezone, hours: hours, holidays: schedule.holidays.sorted(), dates: dates)
    }

    /// What a flag of the per-ticket CSV means (``ChannelRules/Flag``).
    static func meaning(ofFlag flag: String) -> String {
        switch flag {
        case ChannelRules.Flag.skipped: "an agent skipped it in Play mode (a recorded skip)"
        case ChannelRules.Flag.passedOver: "it waited in its Play-mode view while a newer ticket was taken"
        case ChannelRules.Flag.crossAssigned: "somebody assigned it to somebody else"
        case ChannelRules.Flag.wrongHandle: "a reply was sent from another handle than the main one"
        case ChannelRules.Flag.outsideZendesk: "a reply was sent from a client outside Zendesk"
        case ChannelRules.Flag.duplicateResponse: "two people replied within 10 minutes with no comment between"
        case ChannelRules.Flag.disqusReplyTicket: "a Disqus ticket made by our own reply"
        case "early": "the first reply came before not_before"
        case "reply_time_unknown": "answered by the vendor's word, without a reply time"
        case "vendor_metric": "the first reply is placed by the vendor's own figure"
        case "open_overdue": "unanswered and past its deadline at the as-of"
        default: flag
        }
    }
}
