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
    mutating func absorb(_ other: inout EventLog, sameFile: Bool = false, lineShift: Int = 0) -> UInt32 {
        if !sameFile, events.isEmpty, ledger.count == 0, files.isEmpty, symbols.count <= 1, evidence.isEmpty {
            self = other
            other = EventLog()
            return 0
        }
        keepsUnusedText = keepsUnusedText || other.keepsUnusedText
        // The symbols merge while the columns that need no map are appended. Each side changes its values in
        // place inside a mutex of its own (swapped in and out, never copied: a copy would be copied again on
        // its first write).
        let tables = Mutex((SymbolTable(), SymbolTable()))
        tables.withLock {
            swap(&$0.0, &symbols)
            swap(&$0.1, &other.symbols)
        }
        let columns = Mutex((EventColumns(), EventColumns()))
        columns.withLock {
            swap(&$0.0, &events)
            swap(&$0.1, &other.events)
        }
        let recordBase = UInt32(ledger.count)
        let (map, _) = Parallel.both(
            { tables.withLock { $0.0.merge(taking: &$0.1) } },
            { columns.withLock { $0.0.appendUnmapped(&$0.1, recordBase: recordBase) } })
        tables.withLock { swap(&$0.0, &symbols) }
        columns.withLock {
            swap(&$0.0, &events)
            swap(&$0.1, &other.events)
        }
        let fileBase = UInt32(files.count)
        let lastFile = UInt32(max(files.count - 1, 0))
        if !sameFile { files += other.files }
        let appended = ledger.append(
            other.ledger, file: { sameFile ? lastFile : $0 + fileBase }, lineShift: lineShift)
        assert(appended == recordBase, "records are numbered after the log's")
        ledger.appendAttachments(other.ledger, base: recordBase, symbols: map)
        other.ledger = RecordLedger()
        func remap(_ s: Symbol) -> Symbol { Int(s.raw) < map.count ? map[Int(s.raw)] : s }
        events.appendMapped(moving: &other.events, map: map)
        for (ticket, attributes) in other.ticketAttributes { ticketAttributes[remap(ticket)] = attributes }
        for (ticket, metric) in other.vendorMetrics { vendorMetrics[remap(ticket)] = metric }
        for e in other.evidence { evidence.append(ActorEvidence(actor: remap(e.actor), role: e.role, basis: e.basis)) }
        other = EventLog()
        return recordBase
    }
}
