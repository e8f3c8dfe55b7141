extension ChannelRules {
    /// The Disqus tickets made by our own replies (SPEC §4): on channel `disqus`, every ticket created at or
    /// before `asOf` whose requester (the `created` actor) is on the team by the directory of people (an
    /// actor of replies anywhere in the data, a name in `agents`, …). Usable on its own before measuring: the
    /// measure stage excludes these tickets from Disqus response times. Covers all timelines given, not only
    /// those of the report.
    public static func disqusReplyTickets(
        timelines: Timelines, symbols: SymbolTable, policy: Policy, directory: ActorDirectory, asOf: Instant
    ) -> Set<Symbol> {
        disqusReplyTickets(
            timelines: timelines, context: Context(symbols: symbols, policy: policy, directory: directory), asOf: asOf)
    }

    static func disqusReplyTickets(timelines: Timelines, context: Context, asOf: Instant) -> Set<Symbol> {
        var result = Set<Symbol>()
        for i in timelines.indices
        where timelines.created[i] <= asOf.seconds && context.directory.isTeam(Symbol(raw: timelines.requester[i]))
            && context.channel(Symbol(raw: timelines.channel[i])).isDisqus
        {
            result.insert(Symbol(raw: timelines.ticket[i]))
        }
        return result
    }
}
