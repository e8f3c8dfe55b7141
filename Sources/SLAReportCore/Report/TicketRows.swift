/// The per-ticket rows of the report (the CSV), in report order (creation, then ticket id), read from the
/// measure stage's columns when they are asked for: a million tickets never become a million ``TicketRow``
/// values with their strings at once. The CSV writer reads the columns directly (``withColumns(_:)``).
///
/// Rows given as values (tests, tools) are kept as they are.
public struct TicketRows: RandomAccessCollection, Sendable, Equatable {
    /// What a row is read from.
    struct Columns: Sendable {
        var results: TicketResults
        var symbols: SymbolTable
        var directory: ActorDirectory
        /// Per timeline index: the channel-rule flag bits (``ChannelRules/Flag/all`` order).
        var ruleFlags: [UInt8]
        /// Per result: response times excluded (no target, deadline or outcome in the row).
        var excluded: [Bool]
        /// Requester wait and agent work of the results that have them (rows index the results).
        var statusMetrics: StatusMetricsColumn
    }

    private enum Storage: Sendable {
        case values([TicketRow])
        case columns(Columns)
    }

    private let storage: Storage

    public init(_ rows: [TicketRow] = []) { storage = .values(rows) }

    init(
        results: TicketResults, symbols: SymbolTable, directory: ActorDirectory, ruleFlags: [UInt8], excluded: [Bool],
        statusMetrics: StatusMetricsColumn = StatusMetricsColumn()
    ) {
        storage = .columns(
            Columns(
                results: results, symbols: symbols, directory: directory, ruleFlags: ruleFlags, excluded: excluded,
                statusMetrics: statusMetrics))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .values(let rows): rows.count
        case .columns(let c): c.results.count
        }
    }

    public subscript(i: Int) -> TicketRow {
        switch storage {
        case .values(let rows): return rows[i]
        case .columns(let c): return c.row(i)
        }
    }

    /// `body` with the columns, when the rows are read from columns.
    func withColumns<R>(_ body: (Columns) -> R) -> R? {
        if case .columns(let c) = storage { return body(c) }
        return nil
    }

    public static func == (a: TicketRows, b: TicketRows) -> Bool { a.elementsEqual(b) }
}

extension TicketRows: ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: TicketRow...) { self.init(rows) }
}

extension TicketRows.Columns {
    /// The flag names of result `i`, in the CSV's order: the rule flags, then `early`, `reply_time_unknown`,
    /// `vendor_metric`.
    func flags(_ i: Int) -> [String] {
        let t = Int(results.timeline[i])
        var flags = t < ruleFlags.count ? ChannelRules.Flag.names(ofBits: ruleFlags[t]) : []
        if results.outcome[i] == TicketResults.early { flags.append("early") }
        if results.replyTimeUnknown(i) { flags.append("reply_time_unknown") }
        if results.fromVendorMetric(i) { flags.append("vendor_metric") }
        return flags
    }

    func row(_ i: Int) -> TicketRow {
        let priority = Symbol(raw: results.priority[i])
        let assignee = Symbol(raw: results.assignee[i])
        let excluded = self.excluded[i]
        var row = TicketRow(
            ticket: symbols[Symbol(raw: results.ticket[i])], channel: symbols[Symbol(raw: results.channel[i])],
            priority: priority.isNone ? nil : symbols[priority], created: Instant(seconds: results.created[i]),
            firstReply: results.firstReply(i), frtSeconds: results.optional(results.frt[i]),
            frtBusinessSeconds: results.optional(results.frtTargetBusiness[i]),
            target: excluded ? nil : results.targetOf(i)?.description,
            deadline: excluded ? nil : results.optional(results.deadline[i]).map(Instant.init(seconds:)),
            outcome: excluded ? nil : TicketResults.outcome(results.outcome[i])?.rawValue,
            assignee: assignee.isNone ? nil : directory.name(of: assignee, in: symbols), flags: flags(i))
        if !excluded, !statusMetrics.isEmpty, let metrics = statusMetrics.metrics(ofRow: i) {
            row.requesterWaitSeconds = metrics.requesterWait?.ticketSeconds
            row.requesterWaitOutcome = metrics.requesterWait?.result?.outcome.rawValue
            row.agentWorkSeconds = metrics.agentWork?.ticketSeconds
            row.agentWorkOutcome = metrics.agentWork?.result?.outcome.rawValue
        }
        return row
    }
}
