/// The group stage: sorts the events of every ticket into a ``TicketTimeline``, merges duplicates and
/// rejects what cannot belong to a ticket, moving the records' fates forward in the log's ledger.
///
/// Order inside a ticket is `at`, then ``EventKind`` order, then the *text* of actor, value and via (through
/// a rank table of the symbols), so the timelines never depend on the order of files or rows.
/// Cost: one counting pass by ticket (O(n)) plus a small sort per ticket; no quadratic step.
public enum Grouping {
    /// The grouped events.
    public struct Result: Sendable {
        /// Every ticket that has a `created` event and a channel, in ticket-id text order.
        public var timelines: [TicketTimeline]
        /// Rank of every symbol in text order (`rank[symbol.raw]`).
        public var symbolRank: [UInt32]
    }

    /// Groups `log`'s events, taking them out of `log` (they are permuted in place, never copied, so that a
    /// million-ticket export does not hold two copies of its events). Events later than `as-of` are kept;
    /// the caller decides what is out of window.
    ///
    /// The ledger moves forward: a record all of whose events repeat earlier ones is a duplicate; the records
    /// of a ticket without a `created` event or without a channel, a record with an event before its
    /// ticket's creation, and a second `created` are rejected — and a rejected record's events are all left
    /// out, so that no record is both used and rejected.
    public static func group(_ log: inout EventLog) -> Result {
        let rank = symbolRanks(log.symbols)
        var ledger = log.ledger
        log.ledger = RecordLedger()
        defer { log.ledger = ledger }
        let sources = log.files.map(\.source)
        let symbols = log.symbols

        // Counting sort by ticket symbol: destination of every event, rejected records' events last.
        var sorted = log.events
        log.events = []
        let ticketCount = log.symbols.count
        var start = [Int](repeating: 0, count: ticketCount + 1)
        // Rejected at ingest or in the join: their events go last and are dropped.
        let rejectedBefore = ledger.fate.map { $0 == .rejected }
        for event in sorted where !rejectedBefore[Int(event.record)] { start[Int(event.ticket.raw) + 1] += 1 }
        for i in 0..<ticketCount { start[i + 1] += start[i] }
        var next = start
        var spill = start[ticketCount]
        var destination = [Int](repeating: 0, count: sorted.count)
        for (i, event) in sorted.enumerated() {
            if rejectedBefore[Int(event.record)] {
                destination[i] = spill
                spill += 1
            } else {
                let t = Int(event.ticket.raw)
                destination[i] = next[t]
                next[t] += 1
            }
        }
        // Apply the permutation in place by following its cycles.
        for i in sorted.indices {
            while destination[i] != i {
                let j = destination[i]
                sorted.swapAt(i, j)
                destination.swapAt(i, j)
            }
        }
        destination = []
        sorted.removeLast(sorted.count - start[ticketCount])

        func precedes(_ a: TicketEvent, _ b: TicketEvent) -> Bool {
            if a.at != b.at { return a.at < b.at }
            if a.kind != b.kind { return a.kind < b.kind }
            if a.actor != b.actor { return rank[Int(a.actor.raw)] < rank[Int(b.actor.raw)] }
            if a.value != b.value { return rank[Int(a.value.raw)] < rank[Int(b.value.raw)] }
            if a.via != b.via { return rank[Int(a.via.raw)] < rank[Int(b.via.raw)] }
            if a.channel != b.channel { return rank[Int(a.channel.raw)] < rank[Int(b.channel.raw)] }
            return a.record < b.record
        }

        // Sort each ticket's events, drop duplicates in place, and build timelines.
        var kept = 0
        var ranges: [(ticket: Int, lower: Int, upper: Int)] = []
        ranges.reserveCapacity(ticketCount)
        for t in 1..<max(ticketCount, 1) where start[t + 1] > start[t] {
            sorted[start[t]..<start[t + 1]].sort(by: precedes)
            let lower = kept
            var previous: TicketEvent?
            for i in start[t]..<start[t + 1] {
                let event = sorted[i]
                if let p = previous, p.at == event.at, p.kind == event.kind, p.actor == event.actor,
                    p.value == event.value, p.via == event.via
                {
                    ledger.settle(event.record, .duplicate)
                    continue
                }
                previous = event
                sorted[kept] = event
                kept += 1
            }
            ranges.append((t, lower, kept))
        }
        sorted.removeLast(sorted.count - kept)

        // Validate each ticket and compact its events in place. No slice of `sorted` may be held while it is
        // mutated (copy-on-write would copy the whole array); the timelines are sliced afterwards.
        var spans: [(lower: Int, upper: Int, created: TicketEvent, channel: Symbol)] = []
        spans.reserveCapacity(ranges.count)
        for (t, lower, upper) in ranges {
            func ticketName() -> String { symbols[Symbol(raw: UInt32(t))] }
            guard let createdIndex = (lower..<upper).first(where: { sorted[$0].kind == .created }) else {
                for i in lower..<upper {
                    ledger.reject(sorted[i].record, reason: "no created event for ticket \(ticketName())")
                }
                continue
            }
            let created = sorted[createdIndex]
            var channel = Symbol.none
            for i in lower..<upper where !sorted[i].channel.isNone {
                channel = sorted[i].channel
                break
            }
            if channel.isNone {
                for i in lower..<upper {
                    ledger.reject(sorted[i].record, reason: "no channel on any row of ticket \(ticketName())")
                }
                continue
            }
            var rejectedHere = false
            for i in lower..<upper {
                let e = sorted[i]
                if i < createdIndex {
                    ledger.reject(
                        e.record, reason: "\(e.kind.name) at \(e.at) is before the ticket's creation at \(created.at)")
                    rejectedHere = true
                } else if e.kind == .created && i != createdIndex {
                    ledger.reject(e.record, reason: "ticket \(ticketName()) was already created at \(created.at)")
                    rejectedHere = true
                }
            }
            if rejectedHere && ledger.isRejected(created.record) {
                for i in lower..<upper {
                    ledger.reject(
                        sorted[i].record,
                        reason: "no created event for ticket \(ticketName()) (its creation record is rejected)")
                }
                continue
            }
            var valid = lower
            for i in lower..<upper where !rejectedHere || !ledger.isRejected(sorted[i].record) {
                sorted[valid] = sorted[i]
                valid += 1
            }
            spans.append((lower, valid, created, channel))
        }
        var timelines: [TicketTimeline] = []
        timelines.reserveCapacity(spans.count)
        for span in spans {
            let r = Int(span.created.record)
            let file = r < ledger.count ? Int(ledger.file[r]) : -1
            timelines.append(
                TicketTimeline(
                    ticket: span.created.ticket, channel: span.channel, created: span.created.at,
                    requester: span.created.actor,
                    source: file >= 0 && file < sources.count ? sources[file] : .canonical,
                    events: sorted[span.lower..<span.upper]))
        }
        timelines.sort { rank[Int($0.ticket.raw)] < rank[Int($1.ticket.raw)] }
        return Result(timelines: timelines, symbolRank: rank)
    }

    /// The rank of every symbol when the table is sorted by text (UTF-8 byte order, locale-free).
    ///
    /// Sorts by the first 8 bytes as one big-endian integer (zero-padded, which keeps byte order: a shorter
    /// text is a prefix and sorts first) and compares the whole text only on ties.
    public static func symbolRanks(_ symbols: SymbolTable) -> [UInt32] {
        let n = symbols.count
        var keyed = [(key: UInt64, symbol: UInt32)]()
        keyed.reserveCapacity(n)
        for i in 0..<n {
            let bytes = symbols.bytes(Symbol(raw: UInt32(i)))
            var key: UInt64 = 0
            for k in 0..<8 { key = key << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
            keyed.append((key, UInt32(i)))
        }
        keyed.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            let c = SymbolTable.compare(symbols.bytes(Symbol(raw: a.symbol)), symbols.bytes(Symbol(raw: b.symbol)))
            return c != 0 ? c < 0 : a.symbol < b.symbol
        }
        var rank = [UInt32](repeating: 0, count: n)
        for (position, entry) in keyed.enumerated() { rank[Int(entry.symbol)] = UInt32(position) }
        return rank
    }
}
