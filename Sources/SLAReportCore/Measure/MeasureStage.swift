/// One channel's tickets in the report, for the "nobody known to be on the team" warning.
struct ChannelTally: Sendable {
    var channel: Symbol
    var tickets = 0
    var replied = 0
    /// Somebody on the team acted on at least one of the tickets (replied, assigned, …).
    var teamActs = false
    /// Somebody other than the requester wrote a public message on one of the tickets (an answer by a person
    /// not known to be on the team).
    var othersWrote = false
}

/// The measure stage: every ticket in the window measured and checked against the channel rules (side by
/// side: they read the same timelines and nothing of each other), every event's record settled in the
/// ledger (used, or out of window), and the ledger closed.
enum MeasureStage {
    struct Output: Sendable {
        /// Per ticket of the report, in report order (creation, then ticket id).
        var results: TicketResults
        /// Requester wait, agent work and periodic update of the results whose channel sets such a target
        /// (rows index ``results``).
        var statusMetrics: StatusMetricsColumn
        var rules: ChannelRuleResult
        /// Tickets left out of the first-reply figures: Disqus reply tickets, and tickets answered by the
        /// vendor's word but without a reply time.
        var excluded: Set<Symbol>
        /// Public replies per actor in reported tickets (actors with at least one, by symbol id).
        var repliesByActor: [(actor: Symbol, replies: Int)]
        /// Per channel of the report, in first-seen order.
        var tallies: [ChannelTally]
        /// The newest ticket of all the inputs, by creation (ties: the first in id order).
        var newestTicket: Symbol?
        var newestCreated: Instant?
        /// The previous window's counts per channel key (nil when the window has no start or holds nothing).
        var previous: [String: PreviousWindow]?
    }

    static func run(
        timelines: Timelines, log: EventLog, directory: ActorDirectory, window: ResolvedWindow,
        request: ReportRequest, ledger: inout RecordLedger
    ) -> Output {
        let policy = request.policy
        let symbols = log.symbols
        let asOf = window.asOf
        let since = window.since
        let until = window.until
        let selected = ChannelSelection(request.channels, symbols: symbols)
        let vendor = log.vendorMetrics
        let urls: [Symbol: String] = log.ticketAttributes.compactMapValues(\.url)
        // In `[from, to)` at as-of, of a selected channel (``LedgerStage/inReport(_:_:window:selected:)`` with
        // the window's bounds, or the previous window's for the trend).
        let inWindow: @Sendable (Int, Instant?, Instant?) -> Bool = { i, from, to in
            LedgerStage.inReport(timelines, i, since: from, until: to, asOf: asOf, selected: selected)
        }
        let measurer = Self.measurer(log: log, directory: directory, window: window, request: request)
        let order = reportOrder(timelines, symbols: symbols)
        // Every in-scope record's fate, before the two halves below (which only read).
        LedgerStage.settle(&ledger, timelines: timelines, asOf: asOf, inReport: { inWindow($0, since, until) })
        // The rule checks and the measurements read the same timelines and nothing of each other: they run
        // side by side, and each hands back its own results. The rule side reads the timelines through a
        // store of its own (see ``EventStore/view()``).
        var ruleTimelines = timelines
        ruleTimelines.store = timelines.store.view()
        // The measuring is shared too: the measure side takes chunks of the report's tickets from the front,
        // and the rule side, once its checks are done, takes chunks from the back (with a measurer and a store
        // of its own); the back's tickets are committed after the front's, in order (see ``ChunkClaims``).
        let split = request.measureSplit
        let claims = ChunkClaims(count: timelines.count, size: split.chunkSize, back: split.backChunks)
        // Measures the ticket at report position `position` into a side's results (nothing when it is not in
        // the report). One timeline per ticket, and the measurement handed on, not returned through an
        // optional tuple: the 136-byte measurement and its status metrics were copied three times a ticket.
        let measureTicket = TicketMeasuring(order: order, inWindow: { inWindow($0, since, until) })
        var (checked, measured) = Parallel.both(
            { [ruleTimelines] () -> (excluded: Set<Symbol>, rules: ChannelRuleResult, back: [MeasuredTickets.Chunk]) in
                let excluded = ChannelRules.disqusReplyTickets(
                    timelines: ruleTimelines, symbols: symbols, policy: policy, directory: directory, asOf: asOf)
                let rules = ChannelRules.evaluate(
                    ChannelRuleInput(
                        timelines: ruleTimelines, symbols: symbols, policy: policy, directory: directory, since: since,
                        until: until, asOf: asOf, channels: request.channels.map(Set.init), urls: urls))
                // Last chunk first.
                var back: [MeasuredTickets.Chunk] = []
                let own = Self.measurer(log: log, directory: directory, window: window, request: request)
                while let positions = claims.claimBack() {
                    var chunk = MeasuredTickets.Chunk()
                    for position in positions {
                        measureTicket.measure(position, with: own, in: ruleTimelines, into: &chunk)
                    }
                    back.append(chunk)
                }
                return (excluded, rules, back)
            },
            { () -> (tickets: MeasuredTickets, newest: (Symbol, Instant)?) in
                var tickets = MeasuredTickets(
                    directory: directory, vendor: vendor, asOf: asOf, reservingCapacity: timelines.count)
                while let positions = claims.claimFront() {
                    for position in positions {
                        measureTicket.measure(position, with: measurer, in: timelines, into: &tickets)
                    }
                }
                return (tickets, newestTicket(timelines, symbols: symbols))
            })
        // Moved out of the tuples, not copied: a copy would share the columns, and committing would then copy
        // them whole. (The back's first claimed chunk, the last in report order, is at the start.)
        var tickets = MeasuredTickets(directory: directory, vendor: vendor, asOf: asOf, reservingCapacity: 0)
        swap(&tickets, &measured.tickets)
        var back: [MeasuredTickets.Chunk] = []
        swap(&back, &checked.back)
        while let chunk = back.popLast() { tickets.commit(chunk, timelines: timelines) }
        let committed = tickets.finish()
        let excluded = checked.excluded.union(committed.unknown)
        let previous = TrendStage.previous(
            timelines: timelines, measurer: measurer, excluded: excluded, window: window, inWindow: inWindow)
        LedgerStage.close(&ledger, timelines: timelines, symbols: symbols, inReport: { inWindow($0, since, until) })
        return Output(
            results: committed.results, statusMetrics: committed.status, rules: checked.rules, excluded: excluded,
            repliesByActor: committed.replies, tallies: committed.tallies, newestTicket: measured.newest?.0,
            newestCreated: measured.newest?.1, previous: previous)
    }

    /// How the measuring is shared between the two sides: report positions per chunk, and how many chunks
    /// the back measures (nil: whatever it claims before the front gets there; a number: exactly that many,
    /// so that the tests split the work every way).
    struct Split: Sendable {
        var chunkSize = 2048
        var backChunks: Int?
        static let shared = Split()
    }

    /// The newest ticket by creation (ties: the first in id order).
    private static func newestTicket(_ timelines: Timelines, symbols: SymbolTable) -> (Symbol, Instant)? {
        var newest: (index: Int, created: Int64)?
        for i in timelines.indices {
            let created = timelines.created[i]
            if let n = newest {
                if created > n.created
                    || (created == n.created
                        && symbols.precedes(Symbol(raw: timelines.ticket[i]), Symbol(raw: timelines.ticket[n.index])))
                {
                    newest = (i, created)
                }
            } else {
                newest = (i, created)
            }
        }
        return newest.map { (Symbol(raw: timelines.ticket[$0.index]), Instant(seconds: $0.created)) }
    }

    /// The timelines in report order: by creation, then by ticket id (UTF-8 order); nil when they are in that
    /// order already (exports usually are: then this is one check and no array).
    static func reportOrder(_ timelines: Timelines, symbols: SymbolTable) -> [UInt32]? {
        let created = timelines.created
        let ticket = timelines.ticket
        func precedes(_ a: Int, _ b: Int) -> Bool {
            if created[a] != created[b] { return created[a] < created[b] }
            return symbols.precedes(Symbol(raw: ticket[a]), Symbol(raw: ticket[b]))
        }
        var sorted = true
        for i in 1..<max(timelines.count, 1) where !precedes(i - 1, i) {
            sorted = false
            break
        }
        if sorted { return nil }
        var order = (0..<UInt32(timelines.count)).map { $0 }
        order.sort { precedes(Int($0), Int($1)) }
        return order
    }

    /// The measurer the report judges every ticket with (`slareport explain` traces one ticket with the same).
    static func measurer(log: EventLog, directory: ActorDirectory, window: ResolvedWindow, request: ReportRequest)
        -> Measurer
    {
        Measurer(
            policy: request.policy, symbols: log.symbols, directory: directory, asOf: window.asOf,
            vendor: log.vendorMetrics)
    }

    /// Whether the report holds `timeline`: created in `[since, until)`, not after as-of, and of a selected
    /// channel (`selected` nil: all) — the test of ``run(timelines:log:directory:window:request:ledger:)``.
    static func inReport(_ timeline: TicketTimeline, window: ResolvedWindow, selected: Set<Symbol>?) -> Bool {
        let created = timeline.created
        if let from = window.since, created < from { return false }
        if let to = window.until, created >= to { return false }
        if created > window.asOf { return false }
        if let selected, !selected.contains(timeline.channel) { return false }
        return true
    }
}

/// How the measure stage measures one ticket of the report, on either side: the report position's timeline,
/// when the report holds it, measured with the side's own measurer.
struct TicketMeasuring: Sendable {
    /// The timelines in report order (nil: they are in it already; see ``MeasureStage/reportOrder(_:symbols:)``).
    let order: [UInt32]?
    /// Whether the report holds timeline `i`.
    let inWindow: @Sendable (Int) -> Bool

    /// Measures the ticket at report position `position` into `sink`: its status metrics, when it has any,
    /// then its measurement; does nothing when the report does not hold it.
    @inline(__always)
    func measure<Sink: MeasuredTicketSink>(
        _ position: Int, with measurer: Measurer, in timelines: Timelines, into sink: inout Sink
    ) {
        let i: Int
        if let order { i = Int(order[position]) } else { i = position }
        guard inWindow(i) else { return }
        let t = timelines[i]
        let m = measurer.measure(t)
        // Most channels set no status-clock target: then no call, and no optional of the metrics.
        if measurer.measuresStatusMetrics(t), let metrics = measurer.measureStatusMetrics(t, m) {
            sink.add(status: metrics)
        }
        sink.add(i, t, m)
    }
}

/// The channels selected with `--channel`, as a set of symbol ids (all when none were given).
struct ChannelSelection: Sendable {
    private let symbols: Set<UInt32>?

    init(_ keys: [String]?, symbols table: SymbolTable) {
        symbols = keys.map { Set($0.compactMap { table.lookup($0)?.raw }) }
    }

    @inline(__always)
    func contains(_ channel: UInt32) -> Bool { symbols?.contains(channel) ?? true }
}
