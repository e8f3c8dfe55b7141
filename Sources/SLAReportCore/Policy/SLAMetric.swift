/// The metrics a channel can set a target and a goal for, in the order policy files and reports list them.
///
/// Each is defined once, on the type that measures it: first and next reply on ``Measurer``, requester wait
/// and agent work on ``StatusClock``, periodic update on ``PeriodicUpdate``.
public enum SLAMetric: String, CaseIterable, Sendable, Comparable {
    /// The first public agent reply after creation.
    case firstReply = "first_reply"
    /// Each unanswered end-user comment after the first reply, until the next reply.
    case nextReply = "next_reply"
    /// Time in `new`, `open` and `hold` (paused in `pending`), until solved.
    case requesterWait = "requester_wait"
    /// Time in `new` and `open` (paused in `pending` and `hold`), until solved.
    case agentWork = "agent_work"
    /// Each interval between consecutive public agent replies while the ticket is unsolved.
    case periodicUpdate = "periodic_update"

    /// The key used in policy files and the JSON report (`first_reply`, `requester_wait`, …).
    public var key: String { rawValue }

    public static func < (lhs: SLAMetric, rhs: SLAMetric) -> Bool {
        let order = SLAMetric.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
