extension ChannelRules {
    /// The Disqus tickets made by our own replies (SPEC §4): on channel `disqus`, every ticket created at or
    /// before `asOf` whose requester (the `created` actor) is an agent — the actor of a `reply` (not by a
    /// system actor) at or before `asOf` anywhere in the data, on any channel, or a name in `policy.agents`
    /// (case-insensitively). Usable on its own before measuring: the measure stage excludes these tickets from
    /// Disqus response times. Covers all timelines given, not only those of the report.
    public static func disqusReplyTickets(
        timelines: [TicketTimeline], symbols: SymbolTable, policy: Policy, asOf: Instant
    ) -> Set<Symbol> {
        disqusReplyTickets(timelines: timelines, context: Context(symbols: symbols, policy: policy), asOf: asOf)
    }

    static func disqusReplyTickets(timelines: [TicketTimeline], context: Context, asOf: Instant) -> Set<Symbol> {
        let disqus = timelines.filter {
            $0.created <= asOf && !$0.requester.isNone && context.channel($0.channel).isDisqus
        }
        guard !disqus.isEmpty else { return [] }
        var replyActors = Set<Symbol>()
        for timeline in timelines {
            for event in timeline.events where event.kind == .reply && event.at <= asOf && !event.actor.isNone {
                if context.isReply(event) { replyActors.insert(event.actor) }
            }
        }
        var agentNames = Set(context.policy.agents.map { $0.lowercased() })
        for actor in replyActors { agentNames.insert(context.symbols[actor].lowercased()) }
        var result = Set<Symbol>()
        for timeline in disqus
        where replyActors.contains(timeline.requester)
            || agentNames.contains(context.symbols[timeline.requester].lowercased())
        {
            result.insert(timeline.ticket)
        }
        return result
    }
}
