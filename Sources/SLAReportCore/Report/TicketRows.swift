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
    /// Result `i`'s row: the same function as `slareport explain`'s (``Aggregator/ticketRow(_:statusMetrics:rules:timeline:excluded:directory:symbols:)``).
    func row(_ i: Int) -> TicketRow {
        let t = Int(results.timeline[i])
        return Aggregator.ticketRow(
            results[i], statusMetrics: statusMetrics.isEmpty ? nil : statusMetrics.metrics(ofRow: i),
            ruleFlags: t < ruleFlags.count ? ChannelRules.Flag.names(ofBits: ruleFlags[t]) : [],
            excluded: excluded[i], directory: directory, symbols: symbols)
    }
}
