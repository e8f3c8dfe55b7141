extension Join {
    /// Makes every `post` (a public message whose export does not say who is on the team) a `reply` or a
    /// `comment`, and returns the directory of people that decided it (SPEC §4, "Who is who").
    ///
    /// - **Zendesk** (Zendesk's own definition, so that its metrics agree): a public comment is an agent's
    ///   reply when its author is on the team (a user with role agent or admin, an assignee, a policy agent,
    ///   somebody who replies elsewhere) — the requester too, when the requester is an agent; it is a
    ///   customer's comment when its author is an end user or the requester; an author the inputs say
    ///   nothing else about is taken for an agent (anybody but the requester, as Zendesk tickets are written).
    /// - **Community sources** (Discourse, Stack Exchange, GitLab, Twitter): the requester's own posts are
    ///   comments, whoever the requester is; other posts are replies when their author is on the team
    ///   (agent or brand account), comments otherwise.
    ///
    /// Zendesk comments are settled first: their agents then count as "replies elsewhere" for the community
    /// sources (the Zendesk agent `Chloe Martin` is the GitLab user `chloe.martin`).
    static func resolvePosts(_ log: inout EventLog, policy: Policy) -> ActorDirectory {
        var directory = ActorDirectory.build(log, policy: policy)
        guard log.events.kind.contains(EventKind.post.rawValue) else { return directory }
        var requester = [Symbol](repeating: .none, count: log.symbols.count)
        for i in log.events.indices where log.events.kind[i] == EventKind.created.rawValue {
            let t = Int(log.events.ticket[i])
            if t < requester.count, requester[t].isNone { requester[t] = Symbol(raw: log.events.actor[i]) }
        }
        func requesterOf(_ e: TicketEvent) -> Symbol {
            let t = Int(e.ticket.raw)
            return t < requester.count ? requester[t] : .none
        }
        var zendeskReplies = false
        var zendeskClient = Symbol.none
        for i in log.events.indices
        where log.events.kind[i] == EventKind.post.rawValue && log.source(of: log.events.record[i]) == .zendesk {
            let e = log.events[i]
            let reply: Bool
            if e.actor.isNone {
                reply = false
            } else if directory.isTeam(e.actor) {
                reply = true
            } else if directory.roles(of: e.actor).contains(.customer) || directory.same(e.actor, requesterOf(e)) {
                reply = false
            } else {
                reply = true
            }
            log.events[i].kind = reply ? .reply : .comment
            if reply {
                // An agent's comment in Zendesk is a reply sent from Zendesk.
                if zendeskClient.isNone { zendeskClient = log.symbols.intern("zendesk") }
                log.events[i].via = zendeskClient
                zendeskReplies = true
            }
        }
        if zendeskReplies { directory = ActorDirectory.build(log, policy: policy) }
        for i in log.events.indices where log.events.kind[i] == EventKind.post.rawValue {
            let e = log.events[i]
            let reply = !e.actor.isNone && !directory.same(e.actor, requesterOf(e)) && directory.isTeam(e.actor)
            log.events[i].kind = reply ? .reply : .comment
        }
        return directory
    }
}
