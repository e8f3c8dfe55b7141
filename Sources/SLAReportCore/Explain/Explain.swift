/// The explain stage (`slareport explain TICKET`, SPEC §1): one ticket's story from the stages the report
/// runs.
///
/// ```
/// JoinedInput ─ WindowStage ─→ ResolvedWindow        the report's as-of and window
///             ─ Grouping ────→ [TicketTimeline]      the ticket's timeline, or why there is none
///             ─ MeasureStage → measurements, rules   the report's row and flags for the ticket
///             ─ Measurer.trace → measurement + trace what each event counted as, the targets chosen
///             ─ narrators ───→ [ClockStory]          each clock, day by day on the calendar
///             → TicketExplanation
/// ```
/// Nothing is measured twice by different code: the row is ``Aggregator/ticketRow(_:statusMetrics:rules:timeline:excluded:directory:symbols:)``
/// of the measure stage's measurement, the story is the trace of the same ``Measurer`` walk, and the days
/// are ``BusinessCalendar/days(from:to:clock:)``, which add up to the calendar's own
/// ``BusinessCalendar/elapsed(from:to:clock:)``. The cost is the report's, up to the measure stage.
public enum Explain {
    /// The clocks a story tells, in order. A further clock is one more narrator here.
    static let narrators: [any ClockNarrator.Type] = [
        FirstReplyNarrator.self, NextReplyNarrator.self, StatusClockNarrator.self, PeriodicUpdateNarrator.self,
    ]

    /// The story, or why there is none.
    public enum Result: Sendable {
        case explained(TicketExplanation)
        case notFound(NotFound)
    }

    /// A ticket id with no ticket in the inputs.
    public struct NotFound: Sendable, Equatable {
        public var ticket: String
        /// Every ticket id of the inputs, in byte order (for a did-you-mean).
        public var ids: [String]
        /// The records that name the id but were rejected (a ticket without a usable `created` event), in
        /// input order, at most 20.
        public var rejected: [RejectedRecord]
        /// How many records name the id in all.
        public var records: Int
    }

    /// Runs the report's stages up to measuring on `input` (its events are consumed) and explains `ticket`,
    /// given as the report prints it.
    public static func run(_ input: inout JoinedInput, request: ReportRequest, ticket: String) throws(SLAReportError)
        -> Result
    {
        let window = try WindowStage.resolve(input.log, request: request)
        let symbols = input.log.symbols
        let wanted = symbols.lookup(ticket).flatMap { $0.isNone ? nil : $0 }
        var records: [UInt32] = []
        if let wanted {
            for e in input.log.events where e.ticket == wanted && records.last != e.record { records.append(e.record) }
        }
        let grouped = Grouping.group(&input.log)
        guard let wanted, let timeline = grouped.timelines.first(where: { $0.ticket == wanted }) else {
            var seen = Set<UInt32>()
            let reasons = input.log.ledger.reasons
            var rejected: [RejectedRecord] = []
            for record in records where seen.insert(record).inserted && rejected.count < 20 {
                if let reason = reasons[record] {
                    let location = input.log.location(of: record)
                    rejected.append(RejectedRecord(path: location.path, line: location.line, reason: reason))
                }
            }
            let ids = grouped.timelines.map { symbols[$0.ticket] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return .notFound(NotFound(ticket: ticket, ids: ids, rejected: rejected, records: seen.count))
        }
        // The measure stage settles the ledger as the report's does; the log gets it back before the story
        // names records.
        var ledger = input.log.ledger
        input.log.ledger = RecordLedger()
        let measured = MeasureStage.run(
            timelines: grouped.timelines, log: input.log, directory: input.directory, window: window,
            request: request, ledger: &ledger)
        input.log.ledger = ledger
        let measurer = MeasureStage.measurer(
            log: input.log, directory: input.directory, window: window, request: request)
        let (measurement, trace) = measurer.trace(timeline)
        let row = measured.results.ticket.firstIndex(of: wanted.raw).map { index in
            Aggregator.ticketRow(
                measured.results[index], statusMetrics: measured.statusMetrics.metrics(ofRow: index),
                rules: measured.rules, timeline: Int(measured.results.timeline[index]), excluded: measured.excluded,
                directory: input.directory, symbols: symbols)
        }
        let builder = ExplanationBuilder(
            input: input, request: request, window: window,
            context: ExplainContext(
                timeline: timeline, measurement: measurement, trace: trace, measurer: measurer, symbols: symbols,
                directory: input.directory))
        return .explained(
            builder.explanation(row: row, excluded: measured.excluded.contains(wanted), rules: measured.rules.findings))
    }
}
