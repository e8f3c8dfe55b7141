/// One ticket's events in time order, duplicates removed: what the group stage gives the measure and rule
/// stages for each ticket (a view of ``Timelines``; nothing is copied per ticket).
///
/// Events are sorted by `at`, then by ``EventKind`` order (`created` first), then by actor, value and via
/// (see ``EventOrder``), so the order never depends on the order of the inputs.
public struct TicketTimeline: Sendable {
    public var ticket: Symbol
    /// The first non-empty channel of the ticket's events, in timeline order.
    public var channel: Symbol
    /// The instant of the `created` event.
    public var created: Instant
    /// The actor of the `created` event.
    public var requester: Symbol
    /// The system the ticket comes from (the source of its `created` record).
    public var source: SourceKind
    /// All events, `created` included, sorted: a range of the grouped store (its indices do not start at 0).
    public var events: TimelineEvents

    public init(
        ticket: Symbol, channel: Symbol, created: Instant, requester: Symbol, source: SourceKind = .canonical,
        events: TimelineEvents
    ) {
        self.ticket = ticket
        self.channel = channel
        self.created = created
        self.requester = requester
        self.source = source
        self.events = events
    }

    /// A timeline of events given as values (tests, tools).
    public init(
        ticket: Symbol, channel: Symbol, created: Instant, requester: Symbol, source: SourceKind = .canonical,
        events: some Collection<TicketEvent>
    ) {
        self.init(
            ticket: ticket, channel: channel, created: created, requester: requester, source: source,
            events: TimelineEvents(Array(events), ticket: ticket, channel: channel))
    }
}

/// The group stage's output: every ticket's timeline as columns, one entry per ticket with a `created`
/// event and a channel, over one frozen ``EventStore`` in which each ticket's events are contiguous.
///
/// Tickets are in the order they were first met in the inputs (an export's own order); no stage's output
/// depends on it (every list is sorted with explicit tie-breaks).
public struct Timelines: RandomAccessCollection, Sendable {
    public internal(set) var store: EventStore
    public private(set) var ticket: [UInt32] = []
    public private(set) var channel: [UInt32] = []
    public private(set) var created: [Int64] = []
    public private(set) var requester: [UInt32] = []
    public private(set) var source: [UInt8] = []
    /// `start[i] ..< start[i + 1]`: timeline `i`'s events in ``store``.
    public private(set) var start: [UInt32] = [0]

    init(store: EventStore) { self.store = store }

    /// The distinct channels of the timelines, in symbol order (a bit per symbol id up to the largest:
    /// a million tickets' channels in one pass, without hashing).
    public var channels: [Symbol] {
        guard let largest = channel.max() else { return [] }
        var seen = [UInt64](repeating: 0, count: Int(largest) / 64 + 1)
        for c in channel { seen[Int(c) >> 6] |= 1 << UInt64(c & 63) }
        var result: [Symbol] = []
        for (word, bits) in seen.enumerated() where bits != 0 {
            var rest = bits
            while rest != 0 {
                result.append(Symbol(raw: UInt32(word * 64 + rest.trailingZeroBitCount)))
                rest &= rest - 1
            }
        }
        return result
    }

    /// Timelines given as values (tests, tools): their events copied into one store.
    public init(_ timelines: [TicketTimeline]) {
        var columns = EventColumns()
        for t in timelines { for e in t.events { columns.append(e) } }
        var result = Timelines(store: EventStore(columns))
        var at = 0
        for t in timelines {
            at += t.events.count
            result.add(
                ticket: t.ticket.raw, channel: t.channel.raw, created: t.created.seconds, requester: t.requester.raw,
                source: t.source, end: at)
        }
        self = result
    }

    mutating func reserveCapacity(_ n: Int) {
        ticket.reserveCapacity(n)
        channel.reserveCapacity(n)
        created.reserveCapacity(n)
        requester.reserveCapacity(n)
        source.reserveCapacity(n)
        start.reserveCapacity(n + 1)
    }

    /// Adds a timeline whose events end at `end` in the store (they start where the previous one's end).
    mutating func add(
        ticket t: UInt32, channel c: UInt32, created at: Int64, requester r: UInt32, source s: SourceKind, end: Int
    ) {
        ticket.append(t)
        channel.append(c)
        created.append(at)
        requester.append(r)
        source.append(s.rawValue)
        start.append(UInt32(end))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ticket.count }

    /// Timeline `i` as a value.
    @inline(__always)
    public subscript(i: Int) -> TicketTimeline {
        TicketTimeline(
            ticket: Symbol(raw: ticket[i]), channel: Symbol(raw: channel[i]), created: Instant(seconds: created[i]),
            requester: Symbol(raw: requester[i]), source: SourceKind(rawValue: source[i]) ?? .canonical,
            events: TimelineEvents(
                store: store, range: Int(start[i])..<Int(start[i + 1]), ticket: Symbol(raw: ticket[i]),
                channel: Symbol(raw: channel[i])))
    }

}
