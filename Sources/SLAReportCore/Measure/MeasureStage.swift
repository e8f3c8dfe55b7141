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
        var measurements: [TicketMeasurement]
        /// Requester wait, agent work and periodic update of the measurements whose channel sets such a target.
        var statusMetrics: StatusMetricsColumn
        var rules: ChannelRuleResult
        /// Tickets left out of the first-reply figures: Disqus reply tickets, and tickets answered by the
        /// vendor's word but without a reply time.
        var excluded: Set<Symbol>
        /// Public replies per actor in reported tickets.
        var repliesByActor: [Symbol: Int]
        /// Per channel of the report, in first-seen order.
        var tallies: [ChannelTally]
        /// The newest ticket of all the inputs, by creation (ties: the first in id order).
        var newestTicket: Symbol?
        var newestCreated: Instant?
        /// The previous window's counts per channel key (nil when the window has no start or holds nothing).
        var previous: [String: PreviousWindow]?
    }

    static func run(
        timelines: [TicketTimeline], log: EventLog, directory: ActorDirectory, window: ResolvedWindow,
        request: ReportRequest, ledger: inout RecordLedger
    ) -> Output {
        let policy = request.policy
        let symbols = log.symbols
        let asOf = window.asOf
        let since = window.since
        let until = window.until
        let selected = request.channels.map { Set($0.compactMap { symbols.lookup($0) }) }
        let vendor = log.vendorMetrics
        var urls: [Symbol: String] = [:]
        for (ticket, attributes) in log.ticketAttributes {
            if let url = attributes.url { urls[ticket] = url }
        }
        func inWindow(_ t: TicketTimeline, from: Instant?, to: Instant?) -> Bool {
            covers(t, from: from, to: to, asOf: asOf, selected: selected)
        }
        let measurer = Self.measurer(log: log, directory: directory, window: window, request: request)
        // The rule checks and the measurements read the same timelines and nothing of each other: they run
        // side by side, and each hands back its own results (only the second touches the ledger).
        let (checked, measured) = Parallel.both(
            { () -> (excluded: Set<Symbol>, rules: ChannelRuleResult) in
                let excluded = ChannelRules.disqusReplyTickets(
                    timelines: timelines, symbols: symbols, policy: policy, directory: directory, asOf: asOf)
                let rules = ChannelRules.evaluate(
                    ChannelRuleInput(
                        timelines: timelines, symbols: symbols, policy: policy, directory: directory, since: since,
                        until: until, asOf: asOf, channels: request.channels.map(Set.init), urls: urls))
                return (excluded, rules)
            },
            {
                () -> (
                    measurements: [TicketMeasurement], status: StatusMetricsColumn, replies: [Symbol: Int],
                    tallies: [ChannelTally], unknown: Set<Symbol>, newest: (Symbol, Instant)?
                ) in
                var measurements: [TicketMeasurement] = []
                var status = StatusMetricsColumn()
                var replies: [Symbol: Int] = [:]
                var tallies: [ChannelTally] = []
                var lastTally = -1
                var unknown = Set<Symbol>()
                var newest: (Symbol, Instant)?
                for t in timelines {
                    if t.created > (newest?.1 ?? Instant(seconds: Int64.min)) { newest = (t.ticket, t.created) }
                    let reported = inWindow(t, from: since, to: until)
                    for e in t.events { ledger.settle(e.record, reported && e.at <= asOf ? .used : .outOfWindow) }
                    guard reported else { continue }
                    let m = measurer.measure(t)
                    if let metrics = measurer.measureStatusMetrics(t, m) {
                        status.append(row: measurements.count, metrics)
                    }
                    if m.replyTimeUnknown { unknown.insert(t.ticket) }
                    var ticketReplies = 0
                    var teamActs = m.firstReply != nil
                    var othersWrote = false
                    for e in t.events where e.at <= asOf {
                        if e.kind == .reply, !directory.isSystem(e.actor) {
                            replies[e.actor, default: 0] += 1
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
                        replies[m.firstReplyActor, default: 0] += count - ticketReplies
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
                    measurements.append(m)
                }
                return (measurements, status, replies, tallies, unknown, newest)
            })
        let excluded = checked.excluded.union(measured.unknown)
        let previous = TrendStage.previous(
            timelines: timelines, measurer: measurer, excluded: excluded, window: window, inWindow: inWindow)
        closeLedger(&ledger, timelines: timelines, symbols: symbols, inWindow: { inWindow($0, from: since, to: until) })
        return Output(
            measurements: measured.measurements, statusMetrics: measured.status, rules: checked.rules,
            excluded: excluded,
            repliesByActor: measured.replies, tallies: measured.tallies, newestTicket: measured.newest?.0,
            newestCreated: measured.newest?.1, previous: previous)
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
    /// channel (`selected` nil: all).
    static func inReport(_ timeline: TicketTimeline, window: ResolvedWindow, selected: Set<Symbol>?) -> Bool {
        covers(timeline, from: window.since, to: window.until, asOf: window.asOf, selected: selected)
    }

    /// Whether a window `[from, to)` judged at `asOf` over the `selected` channels holds `t`.
    @inline(__always)
    private static func covers(
        _ t: TicketTimeline, from: Instant?, to: Instant?, asOf: Instant, selected: Set<Symbol>?
    ) -> Bool {
        if let from, t.created < from { return false }
        if let to, t.created >= to { return false }
        if t.created > asOf { return false }
        if let selected, !selected.contains(t.channel) { return false }
        return true
    }

    /// Settles the records still pending: those attached to a ticket take its fate (used when the ticket
    /// is in the report, else out of window; rejected when there is no such ticket), the rest are used.
    private static func closeLedger(
        _ ledger: inout RecordLedger, timelines: [TicketTimeline], symbols: SymbolTable,
        inWindow: (TicketTimeline) -> Bool
    ) {
        var fates: [RecordFate] = []
        if !ledger.attachments.isEmpty {
            fates = [RecordFate](repeating: .pending, count: symbols.count)
            for t in timelines where Int(t.ticket.raw) < fates.count {
                fates[Int(t.ticket.raw)] = inWindow(t) ? .used : .outOfWindow
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
}
