/// The handbook's channel rule checks (SPEC §4, "Channel rule checks"): who broke which rule, how often and
/// on which tickets.
///
/// Findings are reported for tickets **in the report** (created in `[since, until)`, created at or before
/// `asOf`, channel selected) and for their events at or before `asOf`. The waiting queue of the passed-over
/// check is built from **all** tickets given, so an older ticket created before the window still waits.
/// Actors are classified, compared and named by the directory of people (a person's spellings are one person,
/// shown by the person's name); handles, clients and channel keys compare case-insensitively. Where each rule applies:
///
/// - **Recorded skip**: every `skip` event, on any channel (Zendesk records skips only in Play mode, so the
///   event itself says the ticket was in a Play-mode view). Agent = actor, reason = value (may be empty).
/// - **Passed over**: on channels of a `play_mode` view, for tickets that live in Zendesk (Zendesk and
///   canonical sources; tweets read from a twcs export were never worked in Play mode, and a brand handle's
///   reply is never a take); see ``PassedOverSweep`` for the exact definition of
///   waiting, take and same-second ties. One finding per take that passed over at least one ticket, with the
///   count and the oldest ids passed over (oldest first, at most ``PassedOverFinding/oldestLimit``).
/// - **Cross-assignment**: on *rule channels* (channels of a Play-mode view or of `handles.channels`): an
///   `assign` whose actor is a person (non-empty, not in `system_actors`) and whose new assignee is non-empty
///   and not the actor.
/// - **Wrong handle**: a reply (a `reply` event not by a system actor) on a `handles.channels` channel whose
///   `via` starts with `@` and is not `handles.main`. **Outside Zendesk**: its `via` is a client (non-empty,
///   not starting with `@`) not in `handles.clients`. An empty `via` is never a finding.
/// - **Duplicate response**: on rule channels, two consecutive replies to one ticket by different named actors
///   with `second − first < 600 s` (10:00 apart is not a duplicate, 9:59 is) and no `comment` between them
///   in timeline order (a comment in the same second as the second reply sorts after it, so it does not
///   separate them).
/// - **Disqus reply tickets**: see ``disqusReplyTickets(timelines:symbols:policy:directory:asOf:)``; those of the
///   report whose last `status` at `asOf` is not `solved`/`closed` are listed as to be solved.
///
/// Display order: skips by time; passed-over takes by count (most first), then time; the others by time (a
/// Disqus ticket by its creation, a duplicate by its first reply); every tie broken by ticket id text, then
/// the remaining fields, so the output never depends on the input order.
public enum ChannelRules {
    /// The per-ticket flag names of ``ChannelRuleResult/flagBits`` (also the CSV `flags` column).
    public enum Flag {
        /// The ticket has a recorded skip.
        public static let skipped = "skipped"
        /// The ticket waited in its Play-mode view while a newer one was taken (by any take at or before
        /// `asOf`, also of a ticket outside the report).
        public static let passedOver = "passed_over"
        /// Somebody assigned the ticket to somebody else.
        public static let crossAssigned = "cross_assigned"
        /// A reply was sent from another handle than the main one.
        public static let wrongHandle = "wrong_handle"
        /// A reply was sent from a client outside Zendesk.
        public static let outsideZendesk = "outside_zendesk"
        /// The ticket got a duplicate response.
        public static let duplicateResponse = "duplicate_response"
        /// The ticket is a Disqus ticket made by our own reply.
        public static let disqusReplyTicket = "disqus_reply_ticket"

        /// All flags, in the (alphabetical) order they are listed.
        public static let all = [
            crossAssigned, disqusReplyTicket, duplicateResponse, outsideZendesk, passedOver, skipped, wrongHandle,
        ]

        /// The names of the flag bits `bits` (bit `i` = ``all``[i]), in ``all`` order (one shared array per
        /// combination).
        public static func names(ofBits bits: UInt8) -> [String] { namesOfBits[Int(bits) & 0x7F] }

        private static let namesOfBits: [[String]] = (0..<(1 << all.count)).map { bits in
            all.indices.filter { bits & (1 << $0) != 0 }.map { all[$0] }
        }
    }

    /// Two replies closer than this (strictly) are a duplicate response.
    public static let duplicateWindowSeconds: Int64 = 600

    /// Runs every channel rule check. O(n log n) in tickets and events.
    public static func evaluate(_ input: ChannelRuleInput) -> ChannelRuleResult {
        let context = Context(
            symbols: input.symbols, policy: input.policy, directory: input.directory, selectedChannels: input.channels)
        let timelines = input.timelines
        let symbols = input.symbols
        var reported = [Bool](repeating: false, count: timelines.count)
        var participants: [(timeline: Int, view: Int)] = []
        var collector = Collector(context: context, asOf: input.asOf, ticketCount: timelines.count)
        for index in timelines.indices where timelines.created[index] <= input.asOf.seconds {
            let timeline = timelines[index]
            let channel = context.channel(timeline.channel)
            // Play mode works tickets that live in Zendesk; tweets read from a twcs export never were in it.
            if let view = channel.view, timeline.source.livesInZendesk { participants.append((index, view)) }
            guard channel.selected, input.since.map({ timeline.created >= $0 }) ?? true,
                input.until.map({ timeline.created < $0 }) ?? true
            else { continue }
            reported[index] = true
            collector.check(timeline, index: index, channel: channel)
        }

        let sweep = PassedOverSweep(
            timelines: timelines, participants: participants, reported: reported, asOf: input.asOf,
            context: context)
        collector.findings.passedOver.reserveCapacity(sweep.takes.count)
        for take in sweep.takes {
            let t = Int(take.timeline)
            let agent = context.name(take.agent)
            collector.findings.passedOver.append(
                PassedOverFinding(
                    ticket: symbols[Symbol(raw: timelines.ticket[t])],
                    channel: symbols[Symbol(raw: timelines.channel[t])],
                    agent: agent, at: take.at, count: take.count,
                    oldest: sweep.oldest(of: take).map { symbols[Symbol(raw: timelines.ticket[Int($0)])] }))
            collector.count(agent) { $0.passedOverTakes += 1 }
        }
        for index in sweep.passedOver { collector.flag(index, Flag.passedOver) }

        let disqus = disqusReplyTickets(timelines: timelines, context: context, asOf: input.asOf)
        for index in timelines.indices where !disqus.isEmpty && reported[index] {
            guard context.channel(Symbol(raw: timelines.channel[index])).isDisqus,
                disqus.contains(Symbol(raw: timelines.ticket[index]))
            else { continue }
            let timeline = timelines[index]
            collector.flag(index, Flag.disqusReplyTicket)
            if !isSolved(timeline, asOf: input.asOf, context: context) {
                collector.findings.disqusReplyTicketsUnsolved.append(
                    TicketFinding(
                        ticket: symbols[timeline.ticket], channel: symbols[timeline.channel],
                        created: timeline.created, requester: context.name(timeline.requester),
                        url: input.urls[timeline.ticket]))
            }
        }

        for index in timelines.indices where !reported[index] { collector.flagBits[index] = 0 }
        sortForDisplay(&collector.findings)
        return ChannelRuleResult(
            findings: collector.findings, flagBits: collector.flagBits,
            agentCounts: collector.agentCounts, disqusReplyTickets: disqus)
    }

    /// Whether the ticket's last `status` at or before `asOf` is `solved` or `closed`.
    static func isSolved(_ timeline: TicketTimeline, asOf: Instant, context: Context) -> Bool {
        var solved = false
        for event in timeline.events where event.kind == .status && event.at <= asOf {
            if let value = context.isSolvedStatus(event.value) { solved = value }
        }
        return solved
    }
}
