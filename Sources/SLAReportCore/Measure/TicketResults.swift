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
        timeline.append(UInt32(index))
        ticket.append(m.ticket.raw)
        channel.append(m.channel.raw)
        created.append(m.created.seconds)
        frt.append(m.frtSeconds)
        frtBusiness.append(m.frtBusinessSeconds)
        frtTargetBusiness.append(m.frtTargetBusinessSeconds)
        deadline.append(m.deadline?.seconds)
        priority.append(m.priority.raw)
        assignee.append(m.assignee.raw)
        firstReplyActor.append(m.firstReplyActor.raw)
        status.append(m.status.raw)
        outcome.append(m.outcome.map(Self.code) ?? 0)
        flags.append((m.fromVendorMetric ? 1 : 0) | (m.replyTimeUnknown ? 2 : 0))
        if let t = m.target {
            if let k = targets.firstIndex(of: t) {
                target.append(UInt16(k + 1))
            } else {
                targets.append(t)
                target.append(UInt16(clamping: targets.count))
            }
        } else {
            target.append(0)
        }
        firstResolution.append(m.firstResolutionSeconds)
        fullResolution.append(m.fullResolutionSeconds)
        reopens.append(m.reopens)
        nextClocks.append(contentsOf: m.nextReplies)
        nextStart.append(UInt32(nextClocks.count))
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
