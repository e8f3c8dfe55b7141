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
        // The columns that need no map are appended, then the symbols merge (looked up on all cores: see
        // ``SymbolTable/merge(taking:)``).
        let recordBase = UInt32(ledger.count)
        events.appendUnmapped(&other.events, recordBase: recordBase)
        let map = symbols.merge(taking: &other.symbols)
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
