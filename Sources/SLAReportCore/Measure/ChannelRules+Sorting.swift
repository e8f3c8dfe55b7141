extension ChannelRules {
    /// Sorts every finding list for display (see ``ChannelRules`` for the order); ties end on every field, so
    /// equal inputs in any order give identical lists. In place: a sorted copy would copy every list whole
    /// first (a million findings are tens of megabytes of fresh pages).
    static func sortForDisplay(_ sorted: inout RuleFindings) {
        sorted.skips.sort { a, b in
            (a.at, a.ticket, a.agent, a.reason, a.channel) < (b.at, b.ticket, b.agent, b.reason, b.channel)
        }
        sorted.passedOver.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.at != b.at { return a.at < b.at }
            if a.ticket != b.ticket { return a.ticket < b.ticket }
            if a.agent != b.agent { return a.agent < b.agent }
            return a.oldest.lexicographicallyPrecedes(b.oldest)
        }
        sorted.crossAssignments.sort { a, b in
            (a.at, a.ticket, a.by, a.to, a.channel) < (b.at, b.ticket, b.by, b.to, b.channel)
        }
        let byReply: (ReplyFinding, ReplyFinding) -> Bool = { a, b in
            (a.at, a.ticket, a.agent, a.via, a.channel) < (b.at, b.ticket, b.agent, b.via, b.channel)
        }
        sorted.wrongHandle.sort(by: byReply)
        sorted.outsideZendesk.sort(by: byReply)
        sorted.duplicateResponses.sort { a, b in
            (a.firstAt, a.ticket, a.secondAt, a.firstAgent, a.secondAgent)
                < (b.firstAt, b.ticket, b.secondAt, b.firstAgent, b.secondAgent)
        }
        sorted.disqusReplyTicketsUnsolved.sort { a, b in
            (a.created, a.ticket, a.requester, a.channel) < (b.created, b.ticket, b.requester, b.channel)
        }
    }
}
