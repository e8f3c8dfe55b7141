import Synchronization

/// The events of a log as columns, one array per field (a struct of arrays): 23 bytes an event instead of a
/// 40-byte ``TicketEvent`` with its padding, and the stages that read one field of every event (the ticket
/// to group, the time to sort) read one dense array.
///
/// - `ticket`, `actor`: symbol ids (`UInt32`); `via`, `channel`: symbol ids coded in a byte each while a
///   column holds at most 256 distinct ones (``SymbolCodeColumn``);
/// - `kind`: ``EventKind`` raw values;
/// - `value`: the symbol of the value where a stage reads it (`assign`, `status`, `priority`, `skip`, `post`),
///   and for the kinds whose value no stage reads (`created`'s subject, a `reply`'s, `comment`'s or `note`'s
///   text) a 31-bit fingerprint of the text with the high bit set (``fingerprintBit``), so that a million
///   subjects are never interned; the fingerprint still tells equal values from different ones for the
///   duplicate rule (SPEC §2.1) and orders them (see ``EventOrder``). A log read for `slareport explain`
///   (``EventLog/keepsUnusedText``) interns those values too;
/// - `at`: whole seconds as `Int32` offsets from the first instant appended, widened to `Int64` for the
///   whole column when an instant lies 68 years or more from it;
/// - `record`: the index of the input record in the ledger.
///
/// The column is a `MutableCollection` of ``TicketEvent`` values assembled on access, so that adapters,
/// the join and tests read and write whole events; the hot stages read the arrays.
public struct EventColumns: Sendable {
    public private(set) var ticket: [UInt32] = []
    public private(set) var kind: [UInt8] = []
    public private(set) var actor: [UInt32] = []
    public private(set) var value: [UInt32] = []
    public private(set) var via = SymbolCodeColumn()
    public private(set) var channel = SymbolCodeColumn()
    public private(set) var record: [UInt32] = []
    public private(set) var at = TimeColumn()

    /// The high bit of a `value` that is a fingerprint, not a symbol (symbol ids stay below 2³¹: a table of
    /// that many symbols would need far more memory than any run has).
    public static let fingerprintBit: UInt32 = 1 << 31

    public init() {}

    /// Columns of the events given as values.
    public init(_ events: some Sequence<TicketEvent>) {
        for e in events { append(e) }
    }

    /// Whether the value of an event of `kind` is read by any stage (else it may be a fingerprint).
    @inline(__always)
    public static func readsValue(_ kind: EventKind) -> Bool {
        switch kind {
        case .assign, .status, .priority, .skip, .post: true
        case .created, .reply, .comment, .note: false
        }
    }

    /// The fingerprint stored for an unread value: 31 bits of a fixed-seed hash of its UTF-8, high bit set
    /// (0 stays "empty"). Fixed seed: the order it gives equal-time events never changes between runs.
    @inline(__always)
    public static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let h = ByteInterner.hash(base, bytes.count, seed: 0x5EED_F1A9_E2B1_7C3D)
        return fingerprintBit | UInt32(truncatingIfNeeded: h >> 33)
    }

    /// ``fingerprint(_:)`` of a `String`.
    public static func fingerprint(_ text: String) -> UInt32 {
        var copy = text
        return copy.withUTF8 { fingerprint($0) }
    }

    public mutating func reserveCapacity(_ n: Int) {
        ticket.reserveCapacity(n)
        kind.reserveCapacity(n)
        actor.reserveCapacity(n)
        value.reserveCapacity(n)
        via.reserveCapacity(n)
        channel.reserveCapacity(n)
        record.reserveCapacity(n)
        at.reserveCapacity(n)
    }

    /// Appends one event.
    @inline(__always)
    public mutating func append(_ e: TicketEvent) {
        append(
            ticket: e.ticket.raw, kind: e.kind, at: e.at.seconds, actor: e.actor.raw, value: e.value.raw,
            via: e.via.raw, channel: e.channel.raw, record: e.record)
    }

    /// Appends `events` in order, each column once for them all (the same columns as appending them one by
    /// one; readers stage their events and append them in batches).
    mutating func append(contentsOf events: UnsafeBufferPointer<TicketEvent>) {
        let n = events.count
        guard n > 0 else { return }
        ticket.append(count: n) { events[$0].ticket.raw }
        kind.append(count: n) { events[$0].kind.rawValue }
        actor.append(count: n) { events[$0].actor.raw }
        value.append(count: n) { events[$0].value.raw }
        via.append(count: n) { events[$0].via.raw }
        channel.append(count: n) { events[$0].channel.raw }
        record.append(count: n) { events[$0].record }
        at.append(count: n) { events[$0].at.seconds }
    }

    /// Appends one event from raw fields.
    @inline(__always)
    mutating func append(
        ticket t: UInt32, kind k: EventKind, at seconds: Int64, actor a: UInt32, value v: UInt32, via w: UInt32,
        channel c: UInt32, record r: UInt32
    ) {
        ticket.append(t)
        kind.append(k.rawValue)
        actor.append(a)
        value.append(v)
        via.append(w)
        channel.append(c)
        record.append(r)
        at.append(seconds)
    }

    /// Appends every event of `other`, its symbols mapped through `map` and its records moved by
    /// `recordBase`; `other` is emptied column by column as it is copied.
    mutating func append(
        moving other: inout EventColumns, map: [Symbol], recordBase: UInt32,
        parallelFrom: Int = EventLog.parallelMergeFrom
    ) {
        appendUnmapped(&other, recordBase: recordBase)
        appendMapped(moving: &other, map: map, parallelFrom: parallelFrom)
    }

    /// The first half of ``append(moving:map:recordBase:)``, which needs no symbol map: `other`'s kinds,
    /// records and times appended (and dropped from it). Until ``appendMapped(moving:map:)`` follows, the
    /// columns differ in length.
    mutating func appendUnmapped(_ other: inout EventColumns, recordBase: UInt32) {
        kind.append(contentsOf: other.kind)
        other.kind = []
        other.record.withUnsafeBufferPointer { source in
            record.append(count: source.count) { source[$0] + recordBase }
        }
        other.record = []
        at.append(moving: &other.at)
    }

    /// The second half of ``append(moving:map:recordBase:)``: `other`'s symbol columns, renumbered by `map`;
    /// `other` is left empty.
    /// From `parallelFrom` events on, the ticket and actor columns are appended on one core and the value, via
    /// and channel columns on the other (each side's arrays moved into a mutex for the work and back out of
    /// it, so nothing is copied on write).
    mutating func appendMapped(
        moving other: inout EventColumns, map: [Symbol], parallelFrom: Int = EventLog.parallelMergeFrom
    ) {
        defer { other = EventColumns() }
        guard other.count >= parallelFrom, other.count > 0 else {
            Self.appendRenumbered(&other.ticket, to: &ticket, map: map)
            Self.appendRenumbered(&other.actor, to: &actor, map: map)
            Self.appendRenumbered(&other.value, to: &value, map: map)
            via.append(moving: &other.via, map: map)
            channel.append(moving: &other.channel, map: map)
            return
        }
        let people = Mutex(
            (
                ticket: moveOut(&ticket), actor: moveOut(&actor), theirTicket: moveOut(&other.ticket),
                theirActor: moveOut(&other.actor)
            ))
        let rest = Mutex(
            (
                value: moveOut(&value), via: moveOut(&via), channel: moveOut(&channel),
                theirValue: moveOut(&other.value), theirVia: moveOut(&other.via), theirChannel: moveOut(&other.channel)
            ))
        _ = Parallel.both(
            {
                people.withLock { p in
                    Self.appendRenumbered(&p.theirTicket, to: &p.ticket, map: map)
                    Self.appendRenumbered(&p.theirActor, to: &p.actor, map: map)
                }
            },
            {
                rest.withLock { r in
                    Self.appendRenumbered(&r.theirValue, to: &r.value, map: map)
                    r.via.append(moving: &r.theirVia, map: map)
                    r.channel.append(moving: &r.theirChannel, map: map)
                }
            })
        (ticket, actor) = people.withLock { (moveOut(&$0.ticket), moveOut(&$0.actor)) }
        (value, via, channel) = rest.withLock { (moveOut(&$0.value), moveOut(&$0.via), moveOut(&$0.channel)) }
    }

    /// Appends `source`'s symbols renumbered by `map` (fingerprints, and a symbol the map does not cover,
    /// kept) to `target`, and empties `source`.
    static func appendRenumbered(_ source: inout [UInt32], to target: inout [UInt32], map: [Symbol]) {
        source.withUnsafeBufferPointer { source in
            map.withUnsafeBufferPointer { map in
                target.append(count: source.count) { j in
                    let x = source[j]
                    return x & fingerprintBit == 0 && Int(x) < map.count ? map[Int(x)].raw : x
                }
            }
        }
        source = []
    }

    /// Drops the events for whose index `remove` is true, keeping the others in order (`remove` is called
    /// once per event, in index order).
    mutating func removeEvents(where remove: (Int) -> Bool) {
        var kept = 0
        for i in 0..<count where !remove(i) {
            if kept != i {
                ticket[kept] = ticket[i]
                kind[kept] = kind[i]
                actor[kept] = actor[i]
                value[kept] = value[i]
                via[kept] = via[i]
                channel[kept] = channel[i]
                record[kept] = record[i]
                at[kept] = at[i]
            }
            kept += 1
        }
        truncate(to: kept)
    }

    /// Drops the ticket and channel columns (a frozen store keeps neither: its timelines hold both); the
    /// other columns keep every event.
    mutating func dropTimelineColumns() {
        ticket = []
        channel = SymbolCodeColumn()
    }

    /// Drops every event from `n` on.
    mutating func truncate(to n: Int) {
        guard n < count else { return }
        ticket.removeSubrange(n...)
        kind.removeSubrange(n...)
        actor.removeSubrange(n...)
        value.removeSubrange(n...)
        via.truncate(to: n)
        channel.truncate(to: n)
        record.removeSubrange(n...)
        at.truncate(to: n)
    }

    /// Sets the kind of event `i` (the join resolves `post`s).
    mutating func setKind(_ k: EventKind, at i: Int) { kind[i] = k.rawValue }

    /// Sets the via of event `i`.
    mutating func setVia(_ v: Symbol, at i: Int) { via[i] = v.raw }

    /// Reorders every column by `order` (`order[j]` = the index of the event that goes to `j`; each index at
    /// most once): events not named are dropped. One column is copied at a time.
    mutating func gather(_ order: UnsafeBufferPointer<UInt32>) {
        Self.gather(&ticket, by: order)
        Self.gather(&kind, by: order)
        Self.gather(&actor, by: order)
        Self.gather(&value, by: order)
        via.gather(order)
        channel.gather(order)
        Self.gather(&record, by: order)
        at.gather(order)
    }

    /// Reorders one column by `order` (`order[j]` = the index of the element that goes to `j`; elements not
    /// named are dropped): the one gather every column type of the log uses.
    static func gather<T>(_ column: inout [T], by order: UnsafeBufferPointer<UInt32>) {
        let old = column
        column = []
        column.reserveCapacity(order.count)
        old.withUnsafeBufferPointer { o in
            for j in order { column.append(o[Int(j)]) }
        }
    }

    /// Swaps events `i` and `j` in every column.
    @inline(__always)
    public mutating func swapAt(_ i: Int, _ j: Int) {
        ticket.swapAt(i, j)
        kind.swapAt(i, j)
        actor.swapAt(i, j)
        value.swapAt(i, j)
        via.swapAt(i, j)
        channel.swapAt(i, j)
        record.swapAt(i, j)
        at.swapAt(i, j)
    }
}

extension EventColumns: Equatable {
    /// The same events in the same order (times compared as instants, whatever their storage).
    public static func == (a: EventColumns, b: EventColumns) -> Bool {
        a.ticket == b.ticket && a.kind == b.kind && a.actor == b.actor && a.value == b.value && a.via == b.via
            && a.channel == b.channel && a.record == b.record && a.at.count == b.at.count
            && a.indices.allSatisfy { a.at[$0] == b.at[$0] }
    }
}

extension EventColumns: RandomAccessCollection, MutableCollection {
    public typealias Index = Int
    public var startIndex: Int { 0 }
    public var endIndex: Int { ticket.count }

    public subscript(i: Int) -> TicketEvent {
        get {
            TicketEvent(
                ticket: Symbol(raw: ticket[i]), kind: EventKind(rawValue: kind[i]) ?? .note,
                at: Instant(seconds: at[i]), actor: Symbol(raw: actor[i]), value: Symbol(raw: value[i]),
                via: Symbol(raw: via[i]), channel: Symbol(raw: channel[i]), record: record[i])
        }
        set {
            ticket[i] = newValue.ticket.raw
            kind[i] = newValue.kind.rawValue
            at[i] = newValue.at.seconds
            actor[i] = newValue.actor.raw
            value[i] = newValue.value.raw
            via[i] = newValue.via.raw
            channel[i] = newValue.channel.raw
            record[i] = newValue.record
        }
    }
}

/// Seconds as `Int32` offsets from a base instant (4 bytes an event), widened to `Int64` for the whole
/// column when a value does not fit (an export spanning 68 years or more, a mistyped year).
public struct TimeColumn: Sendable {
    /// The first instant appended (the offsets' origin).
    public private(set) var base: Int64 = 0
    private(set) var narrow: [Int32] = []
    /// Used instead of `narrow` once any value did not fit it.
    private(set) var wide: [Int64] = []
    public private(set) var isWide = false

    public init() {}

    public var count: Int { isWide ? wide.count : narrow.count }

    mutating func reserveCapacity(_ n: Int) {
        if isWide { wide.reserveCapacity(n) } else { narrow.reserveCapacity(n) }
    }

    @inline(__always)
    public subscript(i: Int) -> Int64 {
        get { isWide ? wide[i] : base + Int64(narrow[i]) }
        set {
            if isWide {
                wide[i] = newValue
            } else if case (let difference, false) = newValue.subtractingReportingOverflow(base),
                let offset = Int32(exactly: difference)
            {
                narrow[i] = offset
            } else {
                widen()
                wide[i] = newValue
            }
        }
    }

    @inline(__always)
    mutating func append(_ seconds: Int64) {
        if isWide {
            wide.append(seconds)
            return
        }
        if narrow.isEmpty { base = seconds }
        if Self.fitsNarrow(seconds, base: base) {
            narrow.append(Int32(truncatingIfNeeded: seconds &- base))
        } else {
            widen()
            wide.append(seconds)
        }
    }

    /// Appends `k` values, value `j` being `value(j)` (which may be called more than once per `j`): the same
    /// column as appending them one by one, with one check of the storage for the whole batch instead of one
    /// per value.
    @inline(__always)
    mutating func append(count k: Int, _ value: (Int) -> Int64) {
        guard k > 0 else { return }
        if isWide {
            wide.append(count: k, value)
            return
        }
        if narrow.isEmpty { base = value(0) }
        let base = self.base
        for j in 0..<k where !Self.fitsNarrow(value(j), base: base) {
            for i in 0..<k { append(value(i)) }
            return
        }
        narrow.append(count: k) { Int32(truncatingIfNeeded: value($0) &- base) }
    }

    /// Whether `seconds` is stored as a 4-byte offset from `base` (an offset that overflows, two instants
    /// near opposite ends of Int64, does not fit either).
    @inline(__always)
    static func fitsNarrow(_ seconds: Int64, base: Int64) -> Bool {
        let (offset, overflow) = seconds.subtractingReportingOverflow(base)
        return !overflow && offset >= Int64(Int32.min) && offset <= Int64(Int32.max)
    }

    private mutating func widen() {
        guard !isWide else { return }
        var w = [Int64]()
        w.reserveCapacity(Swift.max(narrow.capacity, narrow.count + 1))
        for x in narrow { w.append(base + Int64(x)) }
        narrow = []
        wide = w
        isWide = true
    }

    /// Appends `other`'s values and empties it.
    mutating func append(moving other: inout TimeColumn) {
        if !isWide && !other.isWide && (narrow.isEmpty || other.base == base) {
            if narrow.isEmpty { base = other.base }
            narrow.append(contentsOf: other.narrow)
            other = TimeColumn()
            return
        }
        if other.isWide {
            other.wide.withUnsafeBufferPointer { source in append(count: source.count) { source[$0] } }
        } else {
            let otherBase = other.base
            other.narrow.withUnsafeBufferPointer { source in
                append(count: source.count) { otherBase &+ Int64(source[$0]) }
            }
        }
        other = TimeColumn()
    }

    mutating func truncate(to n: Int) {
        guard n < count else { return }
        if isWide { wide.removeSubrange(n...) } else { narrow.removeSubrange(n...) }
    }

    @inline(__always)
    mutating func swapAt(_ i: Int, _ j: Int) {
        if isWide { wide.swapAt(i, j) } else { narrow.swapAt(i, j) }
    }

    mutating func gather(_ order: UnsafeBufferPointer<UInt32>) {
        if isWide { EventColumns.gather(&wide, by: order) } else { EventColumns.gather(&narrow, by: order) }
    }

    /// Calls `body` with the column as `Int32` offsets from ``base`` (nil when wide) or as `Int64` seconds.
    func withStorage<R>(
        _ body: (_ narrow: UnsafeBufferPointer<Int32>?, _ wide: UnsafeBufferPointer<Int64>?) -> R
    ) -> R {
        if isWide { return wide.withUnsafeBufferPointer { body(nil, $0) } }
        return narrow.withUnsafeBufferPointer { body($0, nil) }
    }
}
