/// The grouped events, frozen: the columns of ``EventColumns`` after the group stage has put every ticket's
/// events together in timeline order. Immutable and shared by reference, so that a timeline is a range of it
/// (no events are copied per ticket) and the measure and rule stages read it side by side.
public final class EventStore: Sendable {
    public let ticket: [UInt32]
    public let kind: [UInt8]
    public let actor: [UInt32]
    public let value: [UInt32]
    public let via: [UInt32]
    public let channel: [UInt32]
    public let record: [UInt32]
    public let at: TimeColumn

    init(_ columns: consuming EventColumns) {
        ticket = columns.ticket
        kind = columns.kind
        actor = columns.actor
        value = columns.value
        via = columns.via
        channel = columns.channel
        record = columns.record
        at = columns.at
    }

    public var count: Int { ticket.count }

    /// Event `i` as a value.
    @inline(__always)
    public subscript(i: Int) -> TicketEvent {
        TicketEvent(
            ticket: Symbol(raw: ticket[i]), kind: EventKind(rawValue: kind[i]) ?? .note, at: Instant(seconds: at[i]),
            actor: Symbol(raw: actor[i]), value: Symbol(raw: value[i]), via: Symbol(raw: via[i]),
            channel: Symbol(raw: channel[i]), record: record[i])
    }
}

/// One timeline's events: a range of an ``EventStore``, in timeline order. Indices are the store's (they do
/// not start at 0).
public struct TimelineEvents: RandomAccessCollection, Sendable {
    public let store: EventStore
    public let startIndex: Int
    public let endIndex: Int

    public init(store: EventStore, range: Range<Int>) {
        self.store = store
        startIndex = range.lowerBound
        endIndex = range.upperBound
    }

    /// Events given as values (tests, tools): a store of their own.
    public init(_ events: [TicketEvent]) {
        var columns = EventColumns()
        for e in events { columns.append(e) }
        self.init(store: EventStore(columns), range: 0..<events.count)
    }

    @inline(__always)
    public subscript(i: Int) -> TicketEvent { store[i] }
}
