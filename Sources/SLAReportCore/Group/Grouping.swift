/// The group stage: puts every ticket's events together in timeline order (``EventOrder``), merges
/// duplicates and rejects what cannot belong to a ticket, moving the records' fates forward in the log's
/// ledger; the result is one frozen ``EventStore`` and a ``Timelines`` entry per ticket.
///
/// **Grouping without copying**: exports usually list a ticket's rows together. One pass over the ticket
/// column (a bit per symbol) finds out; when they are grouped nothing is moved but the few events of a
/// ticket that are out of time order (sorted within the ticket, in place). Otherwise a counting sort by
/// ticket (one pass to count, one to place, 4 bytes an event for the order, each column gathered in turn)
/// groups them first. Either way a ticket whose events need nothing done (its creation first and alone, each
/// later event after the one before in time or kind, a channel: most tickets) is added as it stands, after
/// one pass over two columns; the others' events are sorted, merged and checked in place, so the events are
/// never held twice.
///
/// The ledger moves forward: a record all of whose events repeat earlier ones is a duplicate; the records
/// of a ticket without a `created` event or without a channel, a record with an event before its ticket's
/// creation, and a second `created` are rejected — and a rejected record's events are all left out, so that
/// no record is both used and rejected. Events later than `as-of` are kept (the caller decides what is out
/// of window).
public enum Grouping {
    /// The grouped events.
    public struct Result: Sendable {
        /// Every ticket that has a `created` event and a channel, in the order they were first met.
        public var timelines: Timelines
    }

    /// Groups `log`'s events, taking them out of `log`.
    public static func group(_ log: inout EventLog) -> Result { group(&log, fastPath: true) }

    /// ``group(_:)``; `fastPath` false sends every ticket through the general sort, merge and check (the tests
    /// compare the two).
    static func group(_ log: inout EventLog, fastPath: Bool) -> Result {
        var ledger = log.ledger
        log.ledger = RecordLedger()
        defer { log.ledger = ledger }
        var c = log.events
        log.events = EventColumns()
        let symbols = log.symbols
        let sources = log.files.map(\.source)

        // Rejected at ingest or in the join: their events are dropped first.
        if ledger.hasRejections {
            let fate = ledger.fate
            let record = c.record
            c.removeEvents { i in
                let r = Int(record[i])
                return r < fate.count && fate[r] == .rejected
            }
        }
        if !isGrouped(c, symbolCount: symbols.count) { groupByTicket(&c, symbolCount: symbols.count) }

        let order = EventOrder(symbols: symbols)
        var timelines = Timelines(store: EventStore(EventColumns()))
        // Room for a timeline per ticket up front (no more than symbols or events): columns grown by doubling
        // copy themselves into fresh pages at each step, and reserved room never written is never resident.
        timelines.reserveCapacity(min(symbols.count, c.count))
        var kept = 0
        var scratch: [Int] = []
        let n = c.count
        var lower = 0
        while lower < n {
            // Where nothing was left out so far, the clean tickets that follow are added in one pass over the
            // columns' storage (``addCleanRuns(_:from:sources:ledger:into:)``); it stops at the first ticket
            // that is not clean, which the loop below takes.
            if fastPath && kept == lower {
                lower = addCleanRuns(c, from: lower, sources: sources, ledger: ledger, into: &timelines)
                kept = lower
                guard lower < n else { break }
            }
            let t = c.ticket[lower]
            var upper = lower + 1
            while upper < n && c.ticket[upper] == t { upper += 1 }
            // Most tickets need nothing done: their events only move down to `kept` (when events before them
            // were left out) and their timeline is added (``cleanRunChannel(_:_:)``).
            if fastPath, let channel = cleanRunChannel(c, lower..<upper) {
                if kept != lower {
                    for i in lower..<upper { move(&c, from: i, to: kept + (i - lower)) }
                }
                let end = kept + (upper - lower)
                addTimeline(
                    c, ticket: t, channel: channel, createdIndex: kept, end: end, sources: sources, ledger: ledger,
                    into: &timelines)
                kept = end
                lower = upper
                continue
            }
            sortRun(&c, lower..<upper, order: order, scratch: &scratch)
            // Duplicates merged while the run moves down to `kept`.
            let runStart = kept
            for i in lower..<upper {
                if kept > runStart, EventOrder.same(c, kept - 1, i) {
                    ledger.settle(c.record[i], .duplicate)
                    continue
                }
                if kept != i { move(&c, from: i, to: kept) }
                kept += 1
            }
            kept = check(
                &c, runStart..<kept, ticket: t, symbols: symbols, sources: sources, ledger: &ledger,
                into: &timelines)
            lower = upper
        }
        c.truncate(to: kept)
        // Moved, not copied: the store takes the arrays of `c` as they are.
        timelines.store = EventStore(consume c)
        return Result(timelines: timelines)
    }

    /// Whether every ticket's events are contiguous (a ticket seen again after another one started is not).
    static func isGrouped(_ c: EventColumns, symbolCount: Int) -> Bool {
        var seen = [UInt64](repeating: 0, count: (symbolCount + 64) / 64)
        var previous = UInt32.max
        return c.ticket.withUnsafeBufferPointer { tickets in
            for t in tickets where t != previous {
                let word = Int(t >> 6)
                let bit = UInt64(1) << UInt64(t & 63)
                guard word < seen.count else { return false }
                if seen[word] & bit != 0 { return false }
                seen[word] |= bit
                previous = t
            }
            return true
        }
    }

    /// The channel of one ticket's events in `run` when they need nothing done: their `created` first and
    /// alone, each event after the one before in time, or at the same time and of a later kind (so they are in
    /// timeline order, no two of them can be one event, and no tie is left to break), and a channel on one of
    /// them; nil otherwise (the general path then sorts, merges and checks them). One pass over two columns.
    static func cleanRunChannel(_ c: borrowing EventColumns, _ run: Range<Int>) -> UInt32? {
        let created = EventKind.created.rawValue
        guard let first = run.first, c.kind[first] == created else { return nil }
        var channel = c.channel[first]
        var previous = (at: c.at[first], kind: created)
        for i in run.dropFirst() {
            let (at, kind) = (c.at[i], c.kind[i])
            guard kind != created, at > previous.at || (at == previous.at && kind > previous.kind) else { return nil }
            if channel == 0 { channel = c.channel[i] }
            previous = (at, kind)
        }
        return channel == 0 ? nil : channel
    }

    /// From event `lower` on, the timeline of every ticket whose events are contiguous and clean
    /// (``cleanRunChannel(_:_:)``: the same test), added where they stand; returns the start of the first
    /// ticket that is not (or the end). The ticket's run and the test are one pass over the storage of the
    /// ticket, kind, time and channel columns (narrow time and channel columns; with a wide one nothing is
    /// added here and the caller tests each run).
    static func addCleanRuns(
        _ c: borrowing EventColumns, from lower: Int, sources: [SourceKind], ledger: RecordLedger,
        into timelines: inout Timelines
    ) -> Int {
        guard !c.at.isWide, !c.channel.isWide else { return lower }
        let created = EventKind.created.rawValue
        let base = c.at.base
        return c.ticket.withUnsafeBufferPointer { ticket in
            c.kind.withUnsafeBufferPointer { kind in
                c.at.narrow.withUnsafeBufferPointer { at in
                    c.channel.codes.withUnsafeBufferPointer { codes in
                        c.channel.table.withUnsafeBufferPointer { table in
                            let n = ticket.count
                            var i = lower
                            while i < n {
                                let t = ticket[i]
                                guard kind[i] == created else { return i }
                                var channel = table[Int(codes[i])]
                                var previous = (at: at[i], kind: created)
                                var j = i + 1
                                while j < n && ticket[j] == t {
                                    let (time, k) = (at[j], kind[j])
                                    guard k != created, time > previous.at || (time == previous.at && k > previous.kind)
                                    else { return i }
                                    if channel == 0 { channel = table[Int(codes[j])] }
                                    previous = (time, k)
                                    j += 1
                                }
                                guard channel != 0 else { return i }
                                let r = Int(c.record[i])
                                let file = r < ledger.count ? Int(ledger.locations.file(r)) : -1
                                timelines.add(
                                    ticket: t, channel: channel, created: base + Int64(at[i]), requester: c.actor[i],
                                    source: file >= 0 && file < sources.count ? sources[file] : .canonical, end: j)
                                i = j
                            }
                            return i
                        }
                    }
                }
            }
        }
    }

    /// Adds the timeline of the ticket whose kept events end at `end`, created by event `createdIndex`, its
    /// source the kind of the file that record came from.
    private static func addTimeline(
        _ c: borrowing EventColumns, ticket t: UInt32, channel: UInt32, createdIndex: Int, end: Int,
        sources: [SourceKind], ledger: RecordLedger, into timelines: inout Timelines
    ) {
        let r = Int(c.record[createdIndex])
        let file = r < ledger.count ? Int(ledger.locations.file(r)) : -1
        timelines.add(
            ticket: t, channel: channel, created: c.at[createdIndex], requester: c.actor[createdIndex],
            source: file >= 0 && file < sources.count ? sources[file] : .canonical, end: end)
    }

    /// Reorders the events ticket by ticket (tickets by symbol id, each ticket's events in input order): a
    /// counting sort, stable.
    static func groupByTicket(_ c: inout EventColumns, symbolCount: Int) {
        var start = [UInt32](repeating: 0, count: symbolCount + 1)
        for t in c.ticket where Int(t) < symbolCount { start[Int(t) + 1] += 1 }
        for i in 0..<symbolCount { start[i + 1] += start[i] }
        var order = [UInt32](repeating: 0, count: c.count)
        for (i, t) in c.ticket.enumerated() where Int(t) < symbolCount {
            order[Int(start[Int(t)])] = UInt32(i)
            start[Int(t)] += 1
        }
        start = []
        order.withUnsafeBufferPointer { c.gather($0) }
    }

    /// Sorts the events of `run` into timeline order, in place (a check first: most runs are sorted).
    private static func sortRun(
        _ c: inout EventColumns, _ run: Range<Int>, order: EventOrder, scratch: inout [Int]
    ) {
        guard run.count > 1 else { return }
        var sorted = true
        for i in run.dropFirst() where order.precedes(c, i, i - 1) {
            sorted = false
            break
        }
        guard !sorted else { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: run)
        scratch.sort { order.precedes(c, $0, $1) }
        // Apply the permutation (position k takes event scratch[k]) by following its cycles.
        var destination = [Int](repeating: 0, count: run.count)
        for (k, source) in scratch.enumerated() { destination[source - run.lowerBound] = k }
        for k in 0..<destination.count {
            while destination[k] != k {
                let d = destination[k]
                c.swapAt(run.lowerBound + k, run.lowerBound + d)
                destination.swapAt(k, d)
            }
        }
    }

    @inline(__always)
    private static func move(_ c: inout EventColumns, from i: Int, to j: Int) {
        c[j] = c[i]
    }

    /// Checks one ticket's sorted, merged events in `run` (rejecting what cannot belong to it), compacts the
    /// ones kept to the start of `run` and adds its timeline; returns where the kept events end.
    private static func check(
        _ c: inout EventColumns, _ run: Range<Int>, ticket t: UInt32, symbols: SymbolTable, sources: [SourceKind],
        ledger: inout RecordLedger, into timelines: inout Timelines
    ) -> Int {
        func ticketName() -> String { symbols[Symbol(raw: t)] }
        guard let createdIndex = run.first(where: { c.kind[$0] == EventKind.created.rawValue }) else {
            for i in run { ledger.reject(c.record[i], reason: "no created event for ticket \(ticketName())") }
            return run.lowerBound
        }
        // The creation's fields, read from their columns (not a whole event: this runs for every ticket).
        let created = (
            record: c.record[createdIndex], at: Instant(seconds: c.at[createdIndex]), actor: c.actor[createdIndex]
        )
        guard let channelIndex = run.first(where: { c.channel[$0] != 0 }) else {
            for i in run { ledger.reject(c.record[i], reason: "no channel on any row of ticket \(ticketName())") }
            return run.lowerBound
        }
        let channel = c.channel[channelIndex]
        var rejectedHere = false
        for i in run {
            if i < createdIndex {
                let e = c[i]
                ledger.reject(
                    e.record, reason: "\(e.kind.name) at \(e.at) is before the ticket's creation at \(created.at)")
                rejectedHere = true
            } else if c.kind[i] == EventKind.created.rawValue && i != createdIndex {
                ledger.reject(c.record[i], reason: "ticket \(ticketName()) was already created at \(created.at)")
                rejectedHere = true
            }
        }
        if rejectedHere && ledger.isRejected(created.record) {
            for i in run {
                ledger.reject(
                    c.record[i], reason: "no created event for ticket \(ticketName()) (its creation record is rejected)"
                )
            }
            return run.lowerBound
        }
        var end = run.upperBound
        var createdAt = createdIndex
        if rejectedHere {
            end = run.lowerBound
            for i in run where !ledger.isRejected(c.record[i]) {
                if i == createdIndex { createdAt = end }
                if end != i { move(&c, from: i, to: end) }
                end += 1
            }
        }
        addTimeline(
            c, ticket: t, channel: channel, createdIndex: createdAt, end: end, sources: sources, ledger: ledger,
            into: &timelines)
        return end
    }
}
