/// The channel rule checks' output: the findings, per-ticket flags and per-agent counts.
public struct ChannelRuleResult: Sendable, Equatable {
    /// Every finding list except ``RuleFindings/earlyReplies`` (the aggregate stage fills those from the
    /// measured outcomes), each sorted for display.
    public var findings: RuleFindings
    /// Agent name → what the agent did against the rules (only agents with at least one, non-empty names).
    public var agentCounts: [String: AgentRuleCounts]
    /// Disqus tickets made by our own replies (see ``ChannelRules/disqusReplyTickets(timelines:symbols:policy:asOf:)``),
    /// over all timelines; the measure stage excludes them from Disqus response times.
    public var disqusReplyTickets: Set<Symbol>
    /// Per timeline index of the input: the ticket's rule flags as bits (bit `i` = ``ChannelRules/Flag/all``[i]),
    /// 0 for a timeline with none or not in the report; empty when not computed. The names are made when a row
    /// is written (``flagNames(ofTimeline:)``).
    public var flagBits: [UInt8] = []

    /// The same findings, counts and Disqus tickets (``flagBits`` follows the order of the timelines given and
    /// is not compared: compare ``flagNames(ofTimeline:)`` ticket by ticket).
    public static func == (a: ChannelRuleResult, b: ChannelRuleResult) -> Bool {
        a.findings == b.findings && a.agentCounts == b.agentCounts
            && a.disqusReplyTickets == b.disqusReplyTickets
    }

    public init(
        findings: RuleFindings = RuleFindings(), flagBits: [UInt8] = [],
        agentCounts: [String: AgentRuleCounts] = [:], disqusReplyTickets: Set<Symbol> = []
    ) {
        self.findings = findings
        self.flagBits = flagBits
        self.agentCounts = agentCounts
        self.disqusReplyTickets = disqusReplyTickets
    }

    /// The rule flags of timeline `index`, sorted alphabetically, among ``ChannelRules/Flag`` (empty when it
    /// has none, is not in the report or the bits were not computed).
    public func flagNames(ofTimeline index: Int) -> [String] {
        flagBits.indices.contains(index) ? ChannelRules.Flag.names(ofBits: flagBits[index]) : []
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
