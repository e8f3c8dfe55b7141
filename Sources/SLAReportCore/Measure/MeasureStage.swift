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
        let (checked, measured) = Parallel.both(
            { [ruleTimelines] () -> (excluded: Set<Symbol>, rules: ChannelRuleResult) in
                let excluded = ChannelRules.disqusReplyTickets(
                    timelines: ruleTimelines, symbols: symbols, policy: policy, directory: directory, asOf: asOf)
                let rules = ChannelRules.evaluate(
                    ChannelRuleInput(
                        timelines: ruleTimelines, symbols: symbols, policy: policy, directory: directory, since: since,
                        until: until, asOf: asOf, channels: request.channels.map(Set.init), urls: urls))
                return (excluded, rules)
            },
            {
                () -> (
                    results: TicketResults, status: StatusMetricsColumn, replies: [(actor: Symbol, replies: Int)],
                    tallies: [ChannelTally], unknown: Set<Symbol>, newest: (Symbol, Instant)?
                ) in
                var results = TicketResults.Appender(reservingCapacity: timelines.count)
                var status = StatusMetricsColumn()
                // Per actor symbol id, up to the highest id of an actor with a reply (agents' ids are small:
                // not an entry for every ticket id).
                var replies: [Int32] = []
                func addReplies(_ actor: Symbol, _ n: Int32) {
                    let id = Int(actor.raw)
                    if id >= replies.count {
                        replies.append(contentsOf: repeatElement(0, count: id - replies.count + 1))
                    }
                    replies[id] &+= n
                }
                var tallies: [ChannelTally] = []
                var lastTally = -1
                var unknown = Set<Symbol>()
                var newest: (index: Int, created: Int64)?
                for i in timelines.indices {
                    let created = timelines.created[i]
                    if let n = newest {
                        if created > n.created
                            || (created == n.created
                                && symbols.precedes(
                                    Symbol(raw: timelines.ticket[i]), Symbol(raw: timelines.ticket[n.index])))
                        {
                            newest = (i, created)
                        }
                    } else {
                        newest = (i, created)
                    }
                }
                for position in timelines.indices {
                    let i: Int
                    if let order { i = Int(order[position]) } else { i = position }
                    guard inWindow(i, since, until) else { continue }
                    let t = timelines[i]
                    let m = measurer.measure(t)
                    if let metrics = measurer.measureStatusMetrics(t, m) {
                        status.append(row: results.count, metrics)
                    }
                    if m.replyTimeUnknown { unknown.insert(t.ticket) }
                    var ticketReplies = 0
                    var teamActs = m.firstReply != nil
                    var othersWrote = false
                    for e in t.events where e.at <= asOf {
                        if e.kind == .reply, !directory.isSystem(e.actor) {
                            addReplies(e.actor, 1)
                            ticketReplies += 1
                        }
                        if !teamActs, directory.isTeam(e.actor) || (e.kind == .assign && directory.isTeam(e.value)) {
                            teamActs = true
                        }
                        if !teamActs, e.kind == .comment, !e.actor.isNone, !directory.same(e.actor, t.requester) {
                            othersWrote = true
                        }
                    }
                    if !vendor.isEmpty, let figures = vendor[t.ticket], !figures.checksHistory,
                        let count = figures.replies, count > ticketReplies, m.firstReply != nil
                    {
                        addReplies(m.firstReplyActor, Int32(clamping: count - ticketReplies))
                    }
                    if lastTally < 0 || tallies[lastTally].channel != t.channel {
                        lastTally = tallies.firstIndex { $0.channel == t.channel } ?? -1
                        if lastTally < 0 {
                            tallies.append(ChannelTally(channel: t.channel))
                            lastTally = tallies.count - 1
                        }
                    }
                    tallies[lastTally].tickets += 1
                    if m.firstReply != nil { tallies[lastTally].replied += 1 }
                    if teamActs { tallies[lastTally].teamActs = true }
                    if othersWrote { tallies[lastTally].othersWrote = true }
                    results.append(m, timeline: i)
                }
                var byActor: [(actor: Symbol, replies: Int)] = []
                for (actor, count) in replies.enumerated() where count != 0 {
                    byActor.append((Symbol(raw: UInt32(actor)), Int(count)))
                }
                let newestTicket = newest.map {
                    (Symbol(raw: timelines.ticket[$0.index]), Instant(seconds: $0.created))
                }
                return (results.finish(), status, byActor, tallies, unknown, newestTicket)
            })
        let excluded = checked.excluded.union(measured.unknown)
        let previous = TrendStage.previous(
            timelines: timelines, measurer: measurer, excluded: excluded, window: window, inWindow: inWindow)
        LedgerStage.close(&ledger, timelines: timelines, symbols: symbols, inReport: { inWindow($0, since, until) })
        return Output(
            results: measured.results, statusMetrics: measured.status, rules: checked.rules, excluded: excluded,
            repliesByActor: measured.replies, tallies: measured.tallies, newestTicket: measured.newest?.0,
            newestCreated: measured.newest?.1, previous: previous)
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

/// The channels selected with `--channel`, as a set of symbol ids (all when none were given).
struct ChannelSelection: Sendable {
    private let symbols: Set<UInt32>?

    init(_ keys: [String]?, symbols table: SymbolTable) {
        symbols = keys.map { Set($0.compactMap { table.lookup($0)?.raw }) }
    }

    @inline(__always)
    func contains(_ channel: UInt32) -> Bool { symbols?.contains(channel) ?? true }
}
