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

    /// Appends `clocks` in order, column by column (one check of each column's storage for the batch);
    /// `scratch` has room for as many values as there are clocks.
    mutating func append(
        contentsOf clocks: UnsafeBufferPointer<NextReplyClock>, scratch: UnsafeMutableBufferPointer<Int64>
    ) {
        let k = clocks.count
        let values = UnsafeBufferPointer(rebasing: scratch[0..<k])
        let absent = OptionalTimeColumn.absent
        for j in 0..<k { scratch[j] = clocks[j].started.seconds }
        started.append(contentsOf: values)
        for j in 0..<k { scratch[j] = clocks[j].replied?.seconds ?? absent }
        replied.append(contentsOf: values)
        for j in 0..<k { scratch[j] = clocks[j].solved?.seconds ?? absent }
        solved.append(contentsOf: values)
        for j in 0..<k { scratch[j] = clocks[j].seconds ?? absent }
        seconds.append(contentsOf: values)
        for j in 0..<k { scratch[j] = clocks[j].businessSeconds ?? absent }
        businessSeconds.append(contentsOf: values)
        for j in 0..<k { scratch[j] = clocks[j].deadline?.seconds ?? absent }
        deadline.append(contentsOf: values)
        TicketResults.fill(&outcome, k) { clocks[$0].outcome.map(TicketResults.code) ?? 0 }
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
