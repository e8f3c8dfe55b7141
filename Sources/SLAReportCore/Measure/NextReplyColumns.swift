/// ``NextReplyClock``s stored field by field (about 26 bytes a clock instead of a 96-byte struct of
/// optionals): instants and durations as ``TimeColumn``/``OptionalTimeColumn`` (4-byte offsets, widened per
/// column when a value does not fit), outcomes as ``TicketResults`` codes. Read back as whole clocks.
public struct NextReplyColumns: Sendable {
    private var started = TimeColumn()
    private var replied = OptionalTimeColumn()
    private var solved = OptionalTimeColumn()
    private var seconds = OptionalTimeColumn()
    private var businessSeconds = OptionalTimeColumn()
    private var deadline = OptionalTimeColumn()
    private var outcome: [UInt8] = []

    public init() {}

    public var count: Int { outcome.count }

    mutating func append(_ c: NextReplyClock) {
        started.append(c.started.seconds)
        replied.append(c.replied?.seconds)
        solved.append(c.solved?.seconds)
        seconds.append(c.seconds)
        businessSeconds.append(c.businessSeconds)
        deadline.append(c.deadline?.seconds)
        outcome.append(c.outcome.map(TicketResults.code) ?? 0)
    }

    mutating func append(contentsOf clocks: [NextReplyClock]) {
        for c in clocks { append(c) }
    }

    /// Clock `i` as a value.
    public subscript(i: Int) -> NextReplyClock {
        NextReplyClock(
            started: Instant(seconds: started[i]), replied: replied.optional(i).map(Instant.init(seconds:)),
            solved: solved.optional(i).map(Instant.init(seconds:)), seconds: seconds.optional(i),
            businessSeconds: businessSeconds.optional(i), deadline: deadline.optional(i).map(Instant.init(seconds:)),
            outcome: TicketResults.outcome(outcome[i]))
    }
}
