/// The grouped events, frozen: the columns of ``EventColumns`` after the group stage has put every ticket's
/// events together in timeline order. Immutable and shared by reference, so that a timeline is a range of it
/// (no events are copied per ticket) and the measure and rule stages read it side by side.
///
/// The ticket and channel columns are not kept: every event of a range belongs to one timeline, which holds
/// both (``Timelines``), so a timeline's events carry its ticket and its channel (8 bytes an event less
/// while the later stages run).
///
/// The columns live in buffers of the store's own, so that the hot loops read a field with one load: no
/// bounds check, no reference count. Every read goes through an index below ``count`` (the accessors
/// check it in debug builds).
public final class EventStore: @unchecked Sendable {
    // `@unchecked Sendable`, proven: the buffers are allocated and filled once, in `init`, never written
    // again, and freed in `deinit`; the store is only reached through references that keep it alive, so
    // concurrent readers only ever read initialised, unchanging memory.
    public let count: Int
    private let kindBuffer: UnsafeMutablePointer<UInt8>
    private let actorBuffer: UnsafeMutablePointer<UInt32>
    private let valueBuffer: UnsafeMutablePointer<UInt32>
    /// Vias as codes into ``viaTable`` (nil when the column is wide: then ``wideVias``).
    private let viaCodes: UnsafeMutablePointer<UInt8>?
    private let viaTable: [UInt32]
    private let wideVias: UnsafeMutablePointer<UInt32>?
    private let recordBuffer: UnsafeMutablePointer<UInt32>
    /// Times as offsets from ``base`` (nil when the column is wide).
    private let narrowTimes: UnsafeMutablePointer<Int32>?
    private let wideTimes: UnsafeMutablePointer<Int64>?
    private let base: Int64
    /// For a ``view()``: the store whose buffers it reads (kept alive by it; only the owner frees them).
    private let owner: EventStore?

    /// Freezes `columns`, each column copied into the store's buffer and dropped in turn (so that the events
    /// are held twice one column at a time only).
    init(_ columns: consuming EventColumns) {
        var c = columns
        let n = c.count
        count = n
        func take<T>(_ array: inout [T]) -> UnsafeMutablePointer<T> {
            let buffer = UnsafeMutablePointer<T>.allocate(capacity: max(n, 1))
            array.withUnsafeBufferPointer { source in
                if let s = source.baseAddress { buffer.initialize(from: s, count: n) }
            }
            array = []
            return buffer
        }
        var kind = c.kind
        var actor = c.actor
        var value = c.value
        let via = c.via
        var record = c.record
        let at = c.at
        c = EventColumns()
        kindBuffer = take(&kind)
        actorBuffer = take(&actor)
        valueBuffer = take(&value)
        if via.isWide {
            var wide = (0..<n).map { via[$0] }
            wideVias = take(&wide)
            viaCodes = nil
            viaTable = []
        } else {
            var codes = via.codes
            viaCodes = take(&codes)
            viaTable = via.table
            wideVias = nil
        }
        recordBuffer = take(&record)
        base = at.base
        if at.isWide {
            var wide = (0..<n).map { at[$0] }
            wideTimes = take(&wide)
            narrowTimes = nil
        } else {
            var narrow = at.narrow
            narrowTimes = take(&narrow)
            wideTimes = nil
        }
        owner = nil
    }

    /// A store reading the same buffers as `owner`, with a reference count of its own.
    private init(viewing owner: EventStore) {
        count = owner.count
        kindBuffer = owner.kindBuffer
        actorBuffer = owner.actorBuffer
        valueBuffer = owner.valueBuffer
        viaCodes = owner.viaCodes
        viaTable = owner.viaTable
        wideVias = owner.wideVias
        recordBuffer = owner.recordBuffer
        narrowTimes = owner.narrowTimes
        wideTimes = owner.wideTimes
        base = owner.base
        self.owner = owner.owner ?? owner
    }

    /// The same events through another object: for a second thread reading the store. Every timeline
    /// taken holds a reference to its store; two threads counting references on one object would pass its
    /// cache line back and forth for every ticket (a quarter of the measure stage's time went there).
    public func view() -> EventStore { EventStore(viewing: self) }

    deinit {
        guard owner == nil else { return }
        kindBuffer.deallocate()
        actorBuffer.deallocate()
        valueBuffer.deallocate()
        viaCodes?.deallocate()
        wideVias?.deallocate()
        recordBuffer.deallocate()
        narrowTimes?.deallocate()
        wideTimes?.deallocate()
    }

    @inline(__always) public func kind(_ i: Int) -> UInt8 {
        assert(i >= 0 && i < count)
        return kindBuffer[i]
    }

    @inline(__always) public func actor(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        return actorBuffer[i]
    }

    @inline(__always) public func value(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        return valueBuffer[i]
    }

    @inline(__always) public func via(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        if let viaCodes { return viaTable[Int(viaCodes[i])] }
        return wideVias.map { $0[i] } ?? 0
    }

    @inline(__always) public func record(_ i: Int) -> UInt32 {
        assert(i >= 0 && i < count)
        return recordBuffer[i]
    }

    /// Seconds since the epoch of event `i`.
    @inline(__always) public func at(_ i: Int) -> Int64 {
        assert(i >= 0 && i < count)
        if let narrowTimes { return base &+ Int64(narrowTimes[i]) }
        return wideTimes.map { $0[i] } ?? 0
    }

    /// Every event's record, in store order.
    public var records: [UInt32] { Array(UnsafeBufferPointer(start: recordBuffer, count: count)) }

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
        var columns = EventColumns()
        for e in events { columns.append(e) }
        self.init(
            store: EventStore(columns), range: 0..<events.count, ticket: ticket ?? events.first?.ticket ?? .none,
            channel: channel ?? events.first?.channel ?? .none)
    }

    @inline(__always)
    public subscript(i: Int) -> TicketEvent {
        precondition(i >= startIndex && i < endIndex, "an event of the timeline")
        return store.event(i, ticket: ticket, channel: channel)
    }
}
