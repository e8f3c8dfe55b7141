/// The handbook's channel-rule findings (SPEC §4, "Channel rule checks"), each list sorted for display.
public struct RuleFindings: Sendable, Equatable {
    public var skips: [SkipFinding]
    public var passedOver: [PassedOverFinding]
    public var crossAssignments: [CrossAssignmentFinding]
    public var wrongHandle: [ReplyFinding]
    public var outsideZendesk: [ReplyFinding]
    public var duplicateResponses: [DuplicateResponseFinding]
    public var disqusReplyTicketsUnsolved: [TicketFinding]
    public var earlyReplies: [EarlyReplyFinding]

    public init(
        skips: [SkipFinding] = [], passedOver: [PassedOverFinding] = [],
        crossAssignments: [CrossAssignmentFinding] = [], wrongHandle: [ReplyFinding] = [],
        outsideZendesk: [ReplyFinding] = [], duplicateResponses: [DuplicateResponseFinding] = [],
        disqusReplyTicketsUnsolved: [TicketFinding] = [], earlyReplies: [EarlyReplyFinding] = []
    ) {
        self.skips = skips
        self.passedOver = passedOver
        self.crossAssignments = crossAssignments
        self.wrongHandle = wrongHandle
        self.outsideZendesk = outsideZendesk
        self.duplicateResponses = duplicateResponses
        self.disqusReplyTicketsUnsolved = disqusReplyTicketsUnsolved
        self.earlyReplies = earlyReplies
    }

    /// The full number of findings of each list when the lists were capped (``capped(at:)``); nil when they
    /// hold every finding.
    public var cappedCounts: RuleCounts?

    /// How many findings each rule has (the full numbers, also when the lists are capped).
    public var counts: RuleCounts {
        cappedCounts
            ?? RuleCounts(
                skips: skips.count, passedOver: passedOver.count, crossAssignments: crossAssignments.count,
                wrongHandle: wrongHandle.count, outsideZendesk: outsideZendesk.count,
                duplicateResponses: duplicateResponses.count,
                disqusReplyTicketsUnsolved: disqusReplyTicketsUnsolved.count, earlyReplies: earlyReplies.count)
    }

    /// Each list cut to its first `limit` findings (they are sorted oldest or worst first), the full numbers
    /// kept in ``counts``.
    public func capped(at limit: Int) -> RuleFindings {
        var c = self
        c.cappedCounts = counts
        // A new array of the first `limit`: cutting the shared one in place would copy it whole first.
        func cut<T>(_ list: inout [T]) { if list.count > limit { list = Array(list.prefix(limit)) } }
        cut(&c.skips)
        cut(&c.passedOver)
        cut(&c.crossAssignments)
        cut(&c.wrongHandle)
        cut(&c.outsideZendesk)
        cut(&c.duplicateResponses)
        cut(&c.disqusReplyTicketsUnsolved)
        cut(&c.earlyReplies)
        return c
    }

    public var isEmpty: Bool {
        skips.isEmpty && passedOver.isEmpty && crossAssignments.isEmpty && wrongHandle.isEmpty
            && outsideZendesk.isEmpty && duplicateResponses.isEmpty && disqusReplyTicketsUnsolved.isEmpty
            && earlyReplies.isEmpty
    }
}

/// The full number of findings of each rule (the JSON's `rules_counts`), in the order of the lists.
public struct RuleCounts: Sendable, Equatable {
    public var skips: Int
    public var passedOver: Int
    public var crossAssignments: Int
    public var wrongHandle: Int
    public var outsideZendesk: Int
    public var duplicateResponses: Int
    public var disqusReplyTicketsUnsolved: Int
    public var earlyReplies: Int

    public init(
        skips: Int = 0, passedOver: Int = 0, crossAssignments: Int = 0, wrongHandle: Int = 0,
        outsideZendesk: Int = 0, duplicateResponses: Int = 0, disqusReplyTicketsUnsolved: Int = 0,
        earlyReplies: Int = 0
    ) {
        self.skips = skips
        self.passedOver = passedOver
        self.crossAssignments = crossAssignments
        self.wrongHandle = wrongHandle
        self.outsideZendesk = outsideZendesk
        self.duplicateResponses = duplicateResponses
        self.disqusReplyTicketsUnsolved = disqusReplyTicketsUnsolved
        self.earlyReplies = earlyReplies
    }

    /// The JSON keys and counts, in the order of ``RuleFindings``' lists.
    public var keyed: [(key: String, count: Int)] {
        [
            ("skips", skips), ("passed_over", passedOver), ("cross_assignments", crossAssignments),
            ("wrong_handle", wrongHandle), ("outside_zendesk", outsideZendesk),
            ("duplicate_responses", duplicateResponses),
            ("disqus_reply_tickets_unsolved", disqusReplyTicketsUnsolved), ("early_replies", earlyReplies),
        ]
    }
}

/// A recorded Play-mode skip.
public struct SkipFinding: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var agent: String
    public var at: Instant
    /// Empty when the agent gave none.
    public var reason: String

    public init(ticket: String, channel: String, agent: String, at: Instant, reason: String) {
        self.ticket = ticket
        self.channel = channel
        self.agent = agent
        self.at = at
        self.reason = reason
    }
}

/// A take in a Play-mode view while older tickets waited (an inferred skip).
public struct PassedOverFinding: Sendable, Equatable {
    /// The ticket taken.
    public var ticket: String
    public var channel: String
    public var agent: String
    public var at: Instant
    /// How many older waiting tickets were passed over.
    public var count: Int
    /// The oldest passed-over ids, oldest first (at most ``PassedOverFinding/oldestLimit``).
    public var oldest: [String]

    public static let oldestLimit = 5

    public init(ticket: String, channel: String, agent: String, at: Instant, count: Int, oldest: [String]) {
        self.ticket = ticket
        self.channel = channel
        self.agent = agent
        self.at = at
        self.count = count
        self.oldest = oldest
    }
}

/// An assignment by a person to somebody else.
public struct CrossAssignmentFinding: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var by: String
    public var to: String
    public var at: Instant

    public init(ticket: String, channel: String, by: String, to: String, at: Instant) {
        self.ticket = ticket
        self.channel = channel
        self.by = by
        self.to = to
        self.at = at
    }
}

/// A reply sent from the wrong handle or from outside Zendesk.
public struct ReplyFinding: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var agent: String
    public var at: Instant
    /// The handle or client it was sent from.
    public var via: String

    public init(ticket: String, channel: String, agent: String, at: Instant, via: String) {
        self.ticket = ticket
        self.channel = channel
        self.agent = agent
        self.at = at
        self.via = via
    }
}

/// Two replies by different agents within 10 minutes with no customer comment between.
public struct DuplicateResponseFinding: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var firstAgent: String
    public var secondAgent: String
    public var firstAt: Instant
    public var secondAt: Instant

    public init(
        ticket: String, channel: String, firstAgent: String, secondAgent: String, firstAt: Instant,
        secondAt: Instant
    ) {
        self.ticket = ticket
        self.channel = channel
        self.firstAgent = firstAgent
        self.secondAgent = secondAgent
        self.firstAt = firstAt
        self.secondAt = secondAt
    }
}

/// A ticket named by a rule (a Disqus reply ticket still to be solved).
public struct TicketFinding: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var created: Instant
    public var requester: String
    public var url: String?

    public init(ticket: String, channel: String, created: Instant, requester: String, url: String?) {
        self.ticket = ticket
        self.channel = channel
        self.created = created
        self.requester = requester
        self.url = url
    }
}

/// A first reply sooner than the channel's `not_before`.
public struct EarlyReplyFinding: Sendable, Equatable {
    public var ticket: String
    public var channel: String
    public var agent: String
    public var created: Instant
    public var firstReply: Instant
    public var frtSeconds: Int64

    public init(
        ticket: String, channel: String, agent: String, created: Instant, firstReply: Instant, frtSeconds: Int64
    ) {
        self.ticket = ticket
        self.channel = channel
        self.agent = agent
        self.created = created
        self.firstReply = firstReply
        self.frtSeconds = frtSeconds
    }
}
