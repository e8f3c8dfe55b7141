import Synchronization

extension EventLog {
    /// Appends `other` to this log and empties it: its symbols merged (numbered as if the two had been read
    /// one after the other), its records numbered after these, its events, attributes, metrics and evidence
    /// carried over. With `sameFile`, `other` is a later part of this log's last file (its lines moved by
    /// `lineShift`); otherwise its files are appended. Returns the number of `other`'s first record here.
    ///
    /// Each part of `other` is dropped as soon as it is copied, so that a large file's events are never held
    /// twice with every table; an empty log takes `other` whole, without a copy.
    @discardableResult
    mutating func absorb(
        _ other: inout EventLog, sameFile: Bool = false, lineShift: Int = 0,
        parallelFrom: Int = EventLog.parallelMergeFrom
    ) -> UInt32 {
        if !sameFile, events.isEmpty, ledger.count == 0, files.isEmpty, symbols.count <= 1, evidence.isEmpty {
            self = other
            other = EventLog()
            return 0
        }
        keepsUnusedText = keepsUnusedText || other.keepsUnusedText
        let recordBase = UInt32(ledger.count)
        let fileBase = UInt32(files.count)
        let lastFile = UInt32(max(files.count - 1, 0))
        if !sameFile { files += other.files }
        let file: @Sendable (UInt32) -> UInt32 = { sameFile ? lastFile : $0 + fileBase }
        let map: [Symbol]
        if other.events.count >= parallelFrom {
            // The symbols are looked up on all cores (``SymbolTable/lookUpForMerge(_:)``); then the new ones
            // are added on one core while the columns that need no map are appended and the records numbered
            // on the other: each side's values are moved into a mutex for the work and back out of it (moved,
            // so nothing is copied on write).
            let found = symbols.lookUpForMerge(&other.symbols)
            let tables = Mutex((mine: moveOut(&symbols), theirs: moveOut(&other.symbols)))
            let rest = Mutex(
                (
                    events: moveOut(&events), theirs: moveOut(&other.events), ledger: moveOut(&ledger),
                    theirLedger: other.ledger
                ))
            (map, _) = Parallel.both(
                { tables.withLock { $0.mine.merge(taking: &$0.theirs, found: found) } },
                {
                    rest.withLock { r in
                        r.events.appendUnmapped(&r.theirs, recordBase: recordBase)
                        _ = r.ledger.append(r.theirLedger, file: file, lineShift: lineShift)
                    }
                })
            symbols = tables.withLock { moveOut(&$0.mine) }
            (events, other.events, ledger) = rest.withLock {
                (moveOut(&$0.events), moveOut(&$0.theirs), moveOut(&$0.ledger))
            }
        } else {
            events.appendUnmapped(&other.events, recordBase: recordBase)
            map = symbols.merge(taking: &other.symbols)
            _ = ledger.append(other.ledger, file: file, lineShift: lineShift)
        }
        assert(ledger.count == Int(recordBase) + other.ledger.count, "records are numbered after the log's")
        ledger.appendAttachments(other.ledger, base: recordBase, symbols: map)
        other.ledger = RecordLedger()
        func remap(_ s: Symbol) -> Symbol { Int(s.raw) < map.count ? map[Int(s.raw)] : s }
        events.appendMapped(moving: &other.events, map: map, parallelFrom: parallelFrom)
        for (ticket, attributes) in other.ticketAttributes { ticketAttributes[remap(ticket)] = attributes }
        for (ticket, metric) in other.vendorMetrics { vendorMetrics[remap(ticket)] = metric }
        for e in other.evidence { evidence.append(ActorEvidence(actor: remap(e.actor), role: e.role, basis: e.basis)) }
        other = EventLog()
        return recordBase
    }

    /// Below this many events in the log appended, ``absorb(_:sameFile:lineShift:parallelFrom:)`` works on
    /// one core (handing the work to a second thread costs more than it saves).
    static let parallelMergeFrom = 1 << 16
}
