/// The measure stage's per-ticket results as columns, one entry per ticket in the report, in report order
/// (creation, then ticket id: the order of the per-ticket CSV): what ``TicketMeasurement`` says for one
/// ticket, stored field by field (about 54 bytes a ticket, and 26 a next-reply clock, instead of a 136-byte
/// struct with an array), and read column by column by the aggregate stage and the CSV writer.
///
/// The ids of channels, priorities, assignees, first repliers and statuses are ``SymbolCodeColumn``s (a
/// byte a ticket while the column holds at most 256 distinct ids, else 4). Instants and durations (whole
/// seconds) are ``TimeColumn``s and ``OptionalTimeColumn``s: 4-byte offsets from the column's first value,
/// the whole column widened to 8 bytes when a value lies 68 years or more from it. Every value reads back
/// exactly. Absent values read as ``none`` (`Int64.min`); outcomes are ``ReplyOutcome`` codes (0: none);
/// targets are indices into ``targets`` + 1 (0: none). Next-reply clocks are stored flat: ticket `i`'s are
/// ``nextClocks`` at ``nextReplyIndices(_:)`` (`nextStart[i] ..< nextStart[i + 1]`).
public struct TicketResults: Sendable {
    /// The absent value of the `Int64` columns.
    public static let none = OptionalTimeColumn.absent

    /// Index of the ticket's timeline in ``Timelines``.
    public private(set) var timeline: [UInt32] = []
    public private(set) var ticket: [UInt32] = []
    public private(set) var channel = SymbolCodeColumn()
    public private(set) var created = TimeColumn()
    /// `first reply − created`, calendar seconds.
    public private(set) var frt = OptionalTimeColumn()
    /// On the clock of the channel's default first-reply target.
    public private(set) var frtBusiness = OptionalTimeColumn()
    /// On the clock of the ticket's own target.
    public private(set) var frtTargetBusiness = OptionalTimeColumn()
    public private(set) var deadline = OptionalTimeColumn()
    public private(set) var priority = SymbolCodeColumn()
    public private(set) var assignee = SymbolCodeColumn()
    public private(set) var firstReplyActor = SymbolCodeColumn()
    public private(set) var status = SymbolCodeColumn()
    public private(set) var outcome: [UInt8] = []
    /// Bit 0: ``TicketMeasurement/fromVendorMetric``; bit 1: ``TicketMeasurement/replyTimeUnknown``.
    public private(set) var flags: [UInt8] = []
    public private(set) var target: [UInt16] = []
    public private(set) var firstResolution = OptionalTimeColumn()
    public private(set) var fullResolution = OptionalTimeColumn()
    public private(set) var reopens: [Int32] = []
    public private(set) var nextStart: [UInt32] = [0]
    public private(set) var nextClocks = NextReplyColumns()
    /// The distinct first-reply targets met, in first-met order.
    public private(set) var targets: [SLADuration] = []

    public init() {}

    public var count: Int { ticket.count }
    public var indices: Range<Int> { 0..<count }

    mutating func reserveCapacity(_ n: Int) {
        timeline.reserveCapacity(n)
        ticket.reserveCapacity(n)
        channel.reserveCapacity(n)
        created.reserveCapacity(n)
        frt.reserveCapacity(n)
        frtBusiness.reserveCapacity(n)
        frtTargetBusiness.reserveCapacity(n)
        deadline.reserveCapacity(n)
        priority.reserveCapacity(n)
        assignee.reserveCapacity(n)
        firstReplyActor.reserveCapacity(n)
        status.reserveCapacity(n)
        outcome.reserveCapacity(n)
        flags.reserveCapacity(n)
        target.reserveCapacity(n)
        firstResolution.reserveCapacity(n)
        fullResolution.reserveCapacity(n)
        reopens.reserveCapacity(n)
        nextStart.reserveCapacity(n + 1)
    }

    /// Appends one ticket's measurement (of timeline `index`).
    mutating func append(_ m: TicketMeasurement, timeline index: Int) {
        [m].withUnsafeBufferPointer { ms in
            [UInt32(index)].withUnsafeBufferPointer { timelines in
                [UInt32(m.nextReplies.count)].withUnsafeBufferPointer { counts in
                    m.nextReplies.withUnsafeBufferPointer {
                        append(ms, timelines: timelines, clocks: $0, clockCounts: counts)
                    }
                }
            }
        }
    }

    /// Appends measurements `ms` (of timelines `timelines`, one each) whose next-reply clocks, in order, are
    /// `clocks`, `clockCounts[j]` of them `ms[j]`'s (counted there, not read from each measurement's array:
    /// that retained and released every one), column by column: one check of each column's storage for the
    /// batch instead of one per ticket and column (see ``Appender``). Each field is read in place
    /// (`ms[j].field` loads that field alone; a closure taking a whole measurement would copy it, and retain
    /// its clocks, once per column).
    @inline(__always)
    mutating func append(
        _ ms: UnsafeBufferPointer<TicketMeasurement>, timelines: UnsafeBufferPointer<UInt32>,
        clocks: UnsafeBufferPointer<NextReplyClock>, clockCounts: UnsafeBufferPointer<UInt32>
    ) {
        let k = ms.count
        timeline.append(contentsOf: timelines)
        ticket.append(count: k) { ms[$0].ticket.raw }
        channel.append(count: k) { ms[$0].channel.raw }
        created.append(count: k) { ms[$0].created.seconds }
        frt.append(count: k) { ms[$0].frtSeconds }
        frtBusiness.append(count: k) { ms[$0].frtBusinessSeconds }
        frtTargetBusiness.append(count: k) { ms[$0].frtTargetBusinessSeconds }
        deadline.append(count: k) { ms[$0].deadline?.seconds }
        priority.append(count: k) { ms[$0].priority.raw }
        assignee.append(count: k) { ms[$0].assignee.raw }
        firstReplyActor.append(count: k) { ms[$0].firstReplyActor.raw }
        status.append(count: k) { ms[$0].status.raw }
        outcome.append(count: k) { ms[$0].outcome.map(Self.code) ?? 0 }
        flags.append(count: k) { (ms[$0].fromVendorMetric ? 1 : 0) | (ms[$0].replyTimeUnknown ? 2 : 0) }
        // The last target met and its code answer most tickets without a search of ``targets``.
        var targets = self.targets
        var last: (target: SLADuration, code: UInt16)?
        target.append(count: k) { j -> UInt16 in
            guard let t = ms[j].target else { return 0 }
            if let last, last.target == t { return last.code }
            let code = Self.code(of: t, in: &targets)
            last = (t, code)
            return code
        }
        self.targets = targets
        firstResolution.append(count: k) { ms[$0].firstResolutionSeconds }
        fullResolution.append(count: k) { ms[$0].fullResolutionSeconds }
        reopens.append(count: k) { ms[$0].reopens }
        var end = UInt32(nextClocks.count)
        nextStart.append(count: k) { j -> UInt32 in
            end += clockCounts[j]
            return end
        }
        nextClocks.append(contentsOf: clocks)
    }

    /// The code of target `t` in ``target``: its index in `targets` + 1, added at the end when new.
    private static func code(of t: SLADuration, in targets: inout [SLADuration]) -> UInt16 {
        if let found = targets.firstIndex(of: t) { return UInt16(found + 1) }
        targets.append(t)
        return UInt16(clamping: targets.count)
    }

    /// Appends `other`'s tickets after these, column by column: the same values as appending each of its
    /// measurements in turn (its targets met first are added to ``targets`` in its order, its next-reply
    /// clocks after these), without making a ``TicketMeasurement`` of each.
    mutating func append(contentsOf other: TicketResults) {
        let k = other.count
        timeline.append(contentsOf: other.timeline)
        ticket.append(contentsOf: other.ticket)
        channel.append(count: k) { other.channel[$0] }
        created.append(count: k) { other.created[$0] }
        frt.append(count: k) { other.frt.optional($0) }
        frtBusiness.append(count: k) { other.frtBusiness.optional($0) }
        frtTargetBusiness.append(count: k) { other.frtTargetBusiness.optional($0) }
        deadline.append(count: k) { other.deadline.optional($0) }
        priority.append(count: k) { other.priority[$0] }
        assignee.append(count: k) { other.assignee[$0] }
        firstReplyActor.append(count: k) { other.firstReplyActor[$0] }
        status.append(count: k) { other.status[$0] }
        outcome.append(contentsOf: other.outcome)
        flags.append(contentsOf: other.flags)
        // Each of the other's target codes once: its targets in its order, as met.
        var codes: [UInt16] = [0]
        for t in other.targets { codes.append(Self.code(of: t, in: &targets)) }
        target.append(contentsOf: other.target.lazy.map { Int($0) < codes.count ? codes[Int($0)] : 0 })
        firstResolution.append(count: k) { other.firstResolution.optional($0) }
        fullResolution.append(count: k) { other.fullResolution.optional($0) }
        reopens.append(contentsOf: other.reopens)
        let shift = UInt32(nextClocks.count)
        nextStart.append(contentsOf: other.nextStart.dropFirst().lazy.map { $0 &+ shift })
        let clocks = (0..<other.nextClocks.count).map { other.nextClocks[$0] }
        clocks.withUnsafeBufferPointer { nextClocks.append(contentsOf: $0) }
    }

    /// Collects measurements and appends them to ``results`` ``batchSize`` at a time, column by column: the
    /// same columns as appending each in turn, without a check of every column's storage for every ticket
    /// (those checks were a third of the measuring).
    struct Appender {
        static let batchSize = 512
        private var results = TicketResults()
        private var staged: [TicketMeasurement] = []
        private var stagedTimelines: [UInt32] = []
        private var stagedClocks: [NextReplyClock] = []
        /// Per staged measurement, how many of ``stagedClocks`` are its.
        private var stagedClockCounts: [UInt32] = []

        init(reservingCapacity n: Int) {
            results.reserveCapacity(n)
            staged.reserveCapacity(Self.batchSize)
            stagedTimelines.reserveCapacity(Self.batchSize)
            stagedClockCounts.reserveCapacity(Self.batchSize)
        }

        /// Tickets appended so far.
        var count: Int { results.count + staged.count }

        /// Appends one ticket's measurement (of timeline `index`).
        mutating func append(_ m: consuming TicketMeasurement, timeline index: Int) {
            stagedClockCounts.append(UInt32(m.nextReplies.count))
            if !m.nextReplies.isEmpty {
                stagedClocks.append(contentsOf: m.nextReplies)
                // Staged without them (the columns take the clocks from ``stagedClocks``): a measurement
                // without an array of its own costs no reference counting when it is staged and destroyed.
                m.nextReplies = []
            }
            staged.append(m)
            stagedTimelines.append(UInt32(index))
            if staged.count == Self.batchSize { flush() }
        }

        /// Appends the tickets of `other` (results already made) after those appended so far.
        mutating func append(contentsOf other: TicketResults) {
            flush()
            results.append(contentsOf: other)
        }

        /// The results, every measurement appended, moved out (the appender is empty after).
        /// (Mutating, not consuming: a consumed appender may be a copy, and the last batch would then copy
        /// every column.)
        mutating func finish() -> TicketResults {
            flush()
            var done = TicketResults()
            swap(&done, &results)
            return done
        }

        private mutating func flush() {
            guard !staged.isEmpty else { return }
            staged.withUnsafeBufferPointer { ms in
                stagedTimelines.withUnsafeBufferPointer { timelines in
                    stagedClockCounts.withUnsafeBufferPointer { counts in
                        stagedClocks.withUnsafeBufferPointer {
                            results.append(ms, timelines: timelines, clocks: $0, clockCounts: counts)
                        }
                    }
                }
            }
            staged.removeAll(keepingCapacity: true)
            stagedTimelines.removeAll(keepingCapacity: true)
            stagedClocks.removeAll(keepingCapacity: true)
            stagedClockCounts.removeAll(keepingCapacity: true)
        }
    }

    // MARK: Codes

    /// The code of an outcome in ``outcome`` (0 is none).
    @inline(__always)
    public static func code(_ o: ReplyOutcome) -> UInt8 {
        switch o {
        case .achieved: 1
        case .early: 2
        case .breached: 3
        case .pending: 4
        }
    }

    public static let achieved: UInt8 = 1
    public static let early: UInt8 = 2
    public static let breached: UInt8 = 3
    public static let pending: UInt8 = 4

    /// The outcome of a code.
    @inline(__always)
    public static func outcome(_ code: UInt8) -> ReplyOutcome? {
        switch code {
        case 1: .achieved
        case 2: .early
        case 3: .breached
        case 4: .pending
        default: nil
        }
    }

    // MARK: Fields as values

    @inline(__always)
    public func optional(_ v: Int64) -> Int64? { v == Self.none ? nil : v }

    /// The first reply of ticket `i`, if any.
    @inline(__always)
    public func firstReply(_ i: Int) -> Instant? {
        frt[i] == Self.none ? nil : Instant(seconds: created[i] + frt[i])
    }

    /// The first-reply target of ticket `i`, if any.
    @inline(__always)
    public func targetOf(_ i: Int) -> SLADuration? { target[i] == 0 ? nil : targets[Int(target[i]) - 1] }

    @inline(__always)
    public func fromVendorMetric(_ i: Int) -> Bool { flags[i] & 1 != 0 }

    @inline(__always)
    public func replyTimeUnknown(_ i: Int) -> Bool { flags[i] & 2 != 0 }

    /// The indices in ``nextClocks`` of ticket `i`'s next-reply clocks.
    @inline(__always)
    public func nextReplyIndices(_ i: Int) -> Range<Int> { Int(nextStart[i])..<Int(nextStart[i + 1]) }

    /// Ticket `i`'s measurement as a value.
    public subscript(i: Int) -> TicketMeasurement {
        var m = TicketMeasurement(
            ticket: Symbol(raw: ticket[i]), channel: Symbol(raw: channel[i]), created: Instant(seconds: created[i]))
        m.firstReply = firstReply(i)
        m.frtSeconds = frt.optional(i)
        m.frtBusinessSeconds = frtBusiness.optional(i)
        m.frtTargetBusinessSeconds = frtTargetBusiness.optional(i)
        m.deadline = deadline.optional(i).map(Instant.init(seconds:))
        m.priority = Symbol(raw: priority[i])
        m.assignee = Symbol(raw: assignee[i])
        m.firstReplyActor = Symbol(raw: firstReplyActor[i])
        m.status = Symbol(raw: status[i])
        m.outcome = Self.outcome(outcome[i])
        m.fromVendorMetric = fromVendorMetric(i)
        m.replyTimeUnknown = replyTimeUnknown(i)
        m.target = targetOf(i)
        m.firstResolutionSeconds = firstResolution.optional(i)
        m.fullResolutionSeconds = fullResolution.optional(i)
        m.reopens = reopens[i]
        m.nextReplies = nextReplyIndices(i).map { nextClocks[$0] }
        return m
    }

    /// Every measurement as a value, in order.
    public var all: [TicketMeasurement] { indices.map { self[$0] } }
}
