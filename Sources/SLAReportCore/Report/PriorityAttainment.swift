/// First-reply outcomes of one channel's tickets of one priority: the figures behind a channel whose policy
/// sets `by_priority` (SPEC §4: the priority in force at the first reply, or at as-of without one, picks the
/// target). Built by the aggregate stage; read by the JUnit report (one test case per priority) and by the
/// human reports' per-priority tables.
public struct PriorityAttainment: Sendable, Equatable {
    /// `urgent`, `high`, `normal`, `low`, or another name the policy's `by_priority` uses.
    public var priority: String
    /// The first-reply target for that priority (`30 minutes`), or the channel's default when `by_priority`
    /// sets none for it; nil when neither exists.
    public var target: String?
    /// Reported tickets of the channel with that priority (excluded Disqus reply tickets left out).
    public var tickets: Int
    public var achieved: Int
    public var breached: Int
    /// Breached tickets still unanswered at as-of.
    public var openOverdue: Int
    public var pending: Int
    public var early: Int
    /// `achieved / (achieved + breached + early)`; nil without a target or when nothing was judged.
    public var attainment: Percent?
    /// Below the channel's `goal` or `--fail-under` (only with a target and something judged).
    public var failsGate: Bool

    /// Judged = `achieved + breached + early` (SPEC §4).
    public var judged: Int { achieved + breached + early }

    /// The order priorities are listed in: Zendesk's, most urgent first; other names follow alphabetically.
    public static let order = ["urgent", "high", "normal", "low"]

    public init(
        priority: String, target: String?, tickets: Int, achieved: Int, breached: Int, openOverdue: Int,
        pending: Int, early: Int, attainment: Percent?, failsGate: Bool
    ) {
        self.priority = priority
        self.target = target
        self.tickets = tickets
        self.achieved = achieved
        self.breached = breached
        self.openOverdue = openOverdue
        self.pending = pending
        self.early = early
        self.attainment = attainment
        self.failsGate = failsGate
    }

    /// `by_priority` names sorted as ``order`` says.
    public static func sorted(_ names: some Sequence<String>) -> [String] {
        names.sorted { a, b in
            let (x, y) = (order.firstIndex(of: a) ?? order.count, order.firstIndex(of: b) ?? order.count)
            return x != y ? x < y : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }
}
