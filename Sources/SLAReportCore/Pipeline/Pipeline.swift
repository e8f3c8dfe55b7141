/// The whole run after the join: a short composition of named stages, each boundary a `Sendable` value.
///
/// ```
/// JoinedInput ─ WindowStage ─→ ResolvedWindow        as-of (and the record that set it), [since, until)
///             ─ Grouping ────→ [TicketTimeline]      duplicates merged, bad records rejected in the ledger
///             ─ MeasureStage → measurements, rule findings, trend; every record settled, the ledger closed
///             ─ QualityStage → DataQuality           the ledger counted
///             ─ Aggregator ──→ ReportModel           per channel / person / handle, breaches, rows
///             ─ WarningStage, Gate                   what the reader and the exit code must know
/// ```
public enum Pipeline {
    /// The report and what the CLI needs to choose its exit code.
    public struct Result: Sendable {
        public var model: ReportModel
        /// The SLA gate: failing channels, or a gated window in which nothing was judged.
        public var gate: GateResult
        /// No record at all was usable (exit 65).
        public var nothingUsable: Bool
        /// Every channel key found in the data (selected or not), sorted.
        public var dataChannels: [String]

        /// Some channel with a target is below its goal or `--fail-under`, or a gated window judged nothing.
        public var gateFailed: Bool { gate.failed }
    }

    /// Runs the stages on a joined input (its events are consumed). A window whose `--since` is after its
    /// `--until` is a usage error.
    public static func run(_ input: inout JoinedInput, request: ReportRequest) throws(SLAReportError) -> Result {
        let window = try WindowStage.resolve(input.log, request: request)
        let symbols = input.log.symbols
        let dataChannels: [String]
        let measured: MeasureStage.Output
        var ledger = RecordLedger()
        // The timelines (every event) are needed up to here only: they are freed (on another thread) before
        // aggregation.
        do {
            let grouped = Grouping.group(&input.log)
            ledger = input.log.ledger
            input.log.ledger = RecordLedger()
            dataChannels = grouped.timelines.channels.map { symbols[$0] }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
            measured = MeasureStage.run(
                timelines: grouped.timelines, log: input.log, directory: input.directory, window: window,
                request: request, ledger: &ledger)
            Parallel.release(consume grouped)
        }
        let quality = QualityStage.count(
            files: input.log.files, ledger: ledger, diagnostics: input.diagnostics, failures: input.failures)
        input.log.ledger = ledger
        var model = Aggregator.aggregate(
            Aggregator.Input(
                symbols: symbols, policy: request.policy, directory: input.directory,
                window: ReportWindow(
                    since: window.since, until: window.until, asOf: window.asOf,
                    asOfSource: window.asOfSource?.description),
                selectedChannels: request.channels, failUnder: request.failUnder, measured: measured,
                dataQuality: quality, urls: input.log.ticketAttributes.compactMapValues(\.url),
                toolVersion: request.toolVersion))
        model.warnings = WarningStage.warnings(
            window: window, measured: measured, channels: model.channels, log: input.log, directory: input.directory)
        let gate = GateResult.evaluate(
            model, failUnder: request.failUnder, newestTicket: measured.newestTicket.map { symbols[$0] },
            newestCreated: measured.newestCreated)
        if gate.nothingJudged, let message = gate.message {
            model.warnings.insert(ReportWarning(kind: .nothingJudged, message: "SLA gate: " + message), at: 0)
        }
        // The rule checks' findings (one per passed-over tweet, skip, …) are freed while the reports render.
        Parallel.release(consume measured)
        return Result(
            model: model, gate: gate, nothingUsable: quality.totals.used + quality.totals.outOfWindow == 0,
            dataChannels: dataChannels)
    }

    /// What `slareport check` needs: the data-quality figures, as the report would count them.
    public struct CheckResult: Sendable {
        public var dataQuality: DataQuality
        /// What the window stage warns about (an as-of outlier).
        public var warnings: [ReportWarning]
        /// No record at all was usable (exit 65).
        public var nothingUsable: Bool
        /// Every channel key found in the data (selected or not), sorted.
        public var dataChannels: [String]
    }

    /// The stages of ``run(_:request:)`` up to the ledger and no further: the window, the group stage and
    /// the ledger settled and closed, then counted (``LedgerStage``, ``QualityStage``). Nothing is measured,
    /// checked or rendered; the figures are the report's.
    public static func check(_ input: inout JoinedInput, request: ReportRequest) throws(SLAReportError) -> CheckResult {
        let window = try WindowStage.resolve(input.log, request: request)
        let symbols = input.log.symbols
        let grouped = Grouping.group(&input.log)
        var ledger = input.log.ledger
        input.log.ledger = RecordLedger()
        let timelines = grouped.timelines
        let selected = ChannelSelection(request.channels, symbols: symbols)
        let inReport = { (i: Int) in LedgerStage.inReport(timelines, i, window: window, selected: selected) }
        LedgerStage.settle(&ledger, timelines: timelines, asOf: window.asOf, inReport: inReport)
        LedgerStage.close(&ledger, timelines: timelines, symbols: symbols, inReport: inReport)
        let quality = QualityStage.count(
            files: input.log.files, ledger: ledger, diagnostics: input.diagnostics, failures: input.failures)
        input.log.ledger = ledger
        let dataChannels = timelines.channels.map { symbols[$0] }.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        var warnings: [ReportWarning] = []
        if let outlier = window.outlier { warnings.append(ReportWarning(kind: .asOfOutlier, message: outlier)) }
        return CheckResult(
            dataQuality: quality, warnings: warnings,
            nothingUsable: quality.totals.used + quality.totals.outOfWindow == 0, dataChannels: dataChannels)
    }
}
