/// The channel rule checks' output: the findings, per-ticket flags and per-agent counts.
public struct ChannelRuleResult: Sendable, Equatable {
    /// Every finding list except ``RuleFindings/earlyReplies`` (the aggregate stage fills those from the
    /// measured outcomes), each sorted for display.
    public var findings: RuleFindings
    /// Ticket in the report → its flags, sorted alphabetically, among ``ChannelRules/Flag``. Tickets with no
    /// flag have no entry.
    public var flags: [Symbol: [String]]
    /// Agent name → what the agent did against the rules (only agents with at least one, non-empty names).
    public var agentCounts: [String: AgentRuleCounts]
    /// Disqus tickets made by our own replies (see ``ChannelRules/disqusReplyTickets(timelines:symbols:policy:asOf:)``),
    /// over all timelines; the measure stage excludes them from Disqus response times.
    public var disqusReplyTickets: Set<Symbol>
    /// Per timeline index of the input: the bits of ``flags`` (bit `i` = ``ChannelRules/Flag/all``[i]); empty
    /// when not computed.
    public var flagBits: [UInt8] = []

    /// The same findings, flags, counts and Disqus tickets (``flagBits`` follows the order of the timelines
    /// given and is not compared).
    public static func == (a: ChannelRuleResult, b: ChannelRuleResult) -> Bool {
        a.findings == b.findings && a.flags == b.flags && a.agentCounts == b.agentCounts
            && a.disqusReplyTickets == b.disqusReplyTickets
    }

    public init(
        findings: RuleFindings = RuleFindings(), flags: [Symbol: [String]] = [:],
        agentCounts: [String: AgentRuleCounts] = [:], disqusReplyTickets: Set<Symbol> = []
    ) {
        self.findings = findings
        self.flags = flags
        self.agentCounts = agentCounts
        self.disqusReplyTickets = disqusReplyTickets
    }
}

/// One agent's rule counts, over the findings of the report (the `skips`, `passed_over_takes` and
/// `cross_assignments` columns of the per-agent table).
public struct AgentRuleCounts: Sendable, Equatable, Hashable {
    /// Recorded skips by the agent.
    public var skips: Int
    /// The agent's takes that passed over at least one older waiting ticket.
    public var passedOverTakes: Int
    /// Assignments the agent made to somebody else.
    public var crossAssignments: Int

    public init(skips: Int = 0, passedOverTakes: Int = 0, crossAssignments: Int = 0) {
        self.skips = skips
        self.passedOverTakes = passedOverTakes
        self.crossAssignments = crossAssignments
    }
}
