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

    /// Appends `clocks` in order, column by column (one check of each column's storage for the batch).
    mutating func append(contentsOf clocks: UnsafeBufferPointer<NextReplyClock>) {
        let k = clocks.count
        started.append(count: k) { clocks[$0].started.seconds }
        replied.append(count: k) { clocks[$0].replied?.seconds }
        solved.append(count: k) { clocks[$0].solved?.seconds }
        seconds.append(count: k) { clocks[$0].seconds }
        businessSeconds.append(count: k) { clocks[$0].businessSeconds }
        deadline.append(count: k) { clocks[$0].deadline?.seconds }
        outcome.append(count: k) { clocks[$0].outcome.map(TicketResults.code) ?? 0 }
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
