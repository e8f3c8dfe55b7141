/// The grouped events, frozen: the columns of ``EventColumns`` after the group stage has put every ticket's
/// events together in timeline order. Immutable and shared by reference, so that a timeline is a range of it
/// (no events are copied per ticket) and the measure and rule stages read it side by side.
///
/// The ticket and channel columns are not kept: every event of a range belongs to one timeline, which holds
/// both (``Timelines``), so a timeline's events carry its ticket and its channel (8 bytes an event less
/// while the later stages run).
///
/// The store takes the group stage's arrays as they are (moved, never copied: a copy of the whole log was
/// a third of the group stage, most of it faulting in fresh pages). The hot loops read a field through the
/// array's buffer: one load, no bounds check, no reference count. Every read goes through an index below
/// ``count`` (the accessors check it in debug builds).
public final class EventStore: Sendable {
    public let count: Int
    /// The group stage's columns, without the ticket and channel columns (a timeline holds both).
    private let columns: EventColumns

    /// Freezes `columns`, taking their arrays.
    init(_ columns: consuming EventColumns) {
        var c = columns
        count = c.count
        c.dropTimelineColumns()
        self.columns = c
    }

    /// A store reading the same arrays as `other`, with a reference count of its own.
    private init(viewing other: EventStore) {
        count = other.count
        columns = other.columns
    }

    /// The same events through another object: for a second thread reading the store. Every timeline
    /// taken holds a reference to its store; two threads counting references on one object would pass its
    /// cache line back and forth for every ticket (a quarter of the measure stage's time went there).
    public func view() -> EventStore { EventStore(viewing: self) }

    @inline(__always) public func kind(_ i: Int) -> UInt8 {
        assert(i >= 0 && i < count)
        return columns.kind.withUnsafeBufferPointer { $0[i] }
    }

    @inline(__always) public func actor(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        return columns.actor.withUnsafeBufferPointer { $0[i] }
    }

    @inline(__always) public func value(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        return columns.value.withUnsafeBufferPointer { $0[i] }
    }

    @inline(__always) public func via(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        if columns.via.isWide { return columns.via.wide.withUnsafeBufferPointer { $0[i] } }
        let code = Int(columns.via.codes.withUnsafeBufferPointer { $0[i] })
        return columns.via.table.withUnsafeBufferPointer { $0[code] }
    }

    @inline(__always) public func record(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        return columns.record.withUnsafeBufferPointer { $0[i] }
    }

    /// Seconds since the epoch of event `i`.
    @inline(__always) public func at(_ i: Int) -> Int64 {
        assert(i >= 0 && i < count)
        if columns.at.isWide { return columns.at.wide.withUnsafeBufferPointer { $0[i] } }
        return columns.at.base &+ Int64(columns.at.narrow.withUnsafeBufferPointer { $0[i] })
    }

    /// Every event's record, in store order.
    public var records: [UInt32] { columns.record }

    /// Event `i` as a value, of the timeline with `ticket` and `channel`.
    @inline(__always)
    public func event(_ i: Int, ticket: Symbol, channel: Symbol) -> TicketEvent {
        TicketEvent(
            ticket: ticket, kind: EventKind(rawValue: kind(i)) ?? .note, at: Instant(seconds: at(i)),
            actor: Symbol(raw: actor(i)), value: Symbol(raw: value(i)), via: Symbol(raw: via(i)), channel: channel,
            record: record(i))
    }
}

/// One timeline's events: a range of an ``EventStore``, in timeline order. Indices are the store's (they do
/// not start at 0).
public struct TimelineEvents: RandomAccessCollection, Sendable {
    public let store: EventStore
    public let startIndex: Int
    public let endIndex: Int
    /// The timeline's ticket and channel, which every one of its events carries.
    public let ticket: Symbol
    public let channel: Symbol

    public init(store: EventStore, range: Range<Int>, ticket: Symbol, channel: Symbol) {
        precondition(range.lowerBound >= 0 && range.upperBound <= store.count, "a range of the store")
        self.store = store
        startIndex = range.lowerBound
        endIndex = range.upperBound
        self.ticket = ticket
        self.channel = channel
    }

    /// Events given as values (tests, tools): a store of their own. They carry `ticket` and `channel`
    /// (by default the first event's).
    public init(_ events: [TicketEvent], ticket: Symbol? = nil, channel: Symbol? = nil) {
        self.init(
            store: EventStore(EventColumns(events)), range: 0..<events.count,
            ticket: ticket ?? events.first?.ticket ?? .none,
            channel: channel ?? events.first?.channel ?? .none)
    }

    @inline(__always)
    public subscript(i: Int) -> TicketEvent {
        precondition(i >= startIndex && i < endIndex, "an event of the timeline")
        return store.event(i, ticket: ticket, channel: channel)
    }
}
