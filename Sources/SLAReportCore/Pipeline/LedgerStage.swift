/// The ledger stage: every event's record settled once the window is known, then the ledger closed (SPEC
/// §2.4). What the report's measure stage does before it measures, and all `slareport check` does after the
/// group stage: the data-quality figures need no measurement.
///
/// - the records of a ticket in the report are **used** (each of their events at or before as-of), or
///   **out of window** (events after as-of); the records of every other ticket are out of window;
/// - records attached to a ticket (a Zendesk metric, a small action of a forum topic) take its fate, or are
///   rejected when there is no such ticket; any other record still pending is used.
enum LedgerStage {
    /// Settles the records of every timeline's events.
    static func settle(
        _ ledger: inout RecordLedger, timelines: Timelines, asOf: Instant, inReport: (Int) -> Bool
    ) {
        let store = timelines.store
        for i in timelines.indices {
            let events = Int(timelines.start[i])..<Int(timelines.start[i + 1])
            if inReport(i) {
                for e in events { ledger.settle(store.record(e), store.at(e) <= asOf.seconds ? .used : .outOfWindow) }
            } else {
                for e in events { ledger.settle(store.record(e), .outOfWindow) }
            }
        }
    }

    /// Settles the records still pending: those attached to a ticket take its fate (used when the ticket
    /// is in the report, else out of window; rejected when there is no such ticket), the rest are used.
    static func close(
        _ ledger: inout RecordLedger, timelines: Timelines, symbols: SymbolTable, inReport: (Int) -> Bool
    ) {
        var fates: [RecordFate] = []
        if !ledger.attachments.isEmpty {
            fates = [RecordFate](repeating: .pending, count: symbols.count)
            for i in timelines.indices where Int(timelines.ticket[i]) < fates.count {
                fates[Int(timelines.ticket[i])] = inReport(i) ? .used : .outOfWindow
            }
        }
        ledger.close(
            ticketFate: { ticket in
                let i = Int(ticket.raw)
                guard i < fates.count, fates[i] != .pending else { return nil }
                return fates[i]
            },
            missing: { "no created event for ticket \(symbols[$0])" })
    }

    /// Whether timeline `i` is in the report: created in `[since, until)`, not after as-of, of a selected
    /// channel.
    @inline(__always)
    static func inReport(_ timelines: Timelines, _ i: Int, window: ResolvedWindow, selected: ChannelSelection) -> Bool {
        inReport(timelines, i, since: window.since, until: window.until, asOf: window.asOf, selected: selected)
    }

    /// Whether timeline `i` is created in `[since, until)`, not after `asOf`, of a selected channel (the
    /// window's test with other bounds: the trend's previous window).
    @inline(__always)
    static func inReport(
        _ timelines: Timelines, _ i: Int, since: Instant?, until: Instant?, asOf: Instant, selected: ChannelSelection
    ) -> Bool {
        let created = timelines.created[i]
        if let from = since, created < from.seconds { return false }
        if let to = until, created >= to.seconds { return false }
        if created > asOf.seconds { return false }
        return selected.contains(timelines.channel[i])
    }
}
