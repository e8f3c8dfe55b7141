/// The measure stage's per-ticket results as they are committed, in report order: the results columns,
/// the status metrics, public replies per actor, the tallies per channel and the tickets whose reply time is
/// unknown. Adding a ticket here (``add(_:_:_:)``) is the one place where a measured ticket is counted, so
/// the results are the same whichever thread measured the ticket (``MeasureStage`` adds the front's tickets
/// as it measures them and commits the back's chunks afterwards, in order).
struct MeasuredTickets: MeasuredTicketSink, Sendable {
    /// Measured tickets' results and status metrics, as columns: the committed ones, and each chunk the back
    /// measures before it is committed (as compact as the committed results: a measurement is 136 bytes as
    /// a value, about 54 in the columns).
    struct Chunk: MeasuredTicketSink, Sendable {
        var results = TicketResults.Appender(reservingCapacity: 0)
        /// Rows index ``results``.
        var status = StatusMetricsColumn()

        mutating func add(status metrics: TicketStatusMetrics) { status.append(row: results.count, metrics) }

        /// Adds the measurement `m` of timeline `i`.
        mutating func add(_ i: Int, _ t: TicketTimeline, _ m: consuming TicketMeasurement) {
            results.append(m, timeline: i)
        }
    }

    private let directory: ActorDirectory
    private let vendor: [Symbol: VendorMetric]
    private let asOf: Instant
    /// The committed tickets' results and status metrics.
    private var columns = Chunk()
    /// Per actor symbol id, up to the highest id of an actor with a reply (agents' ids are small: not an
    /// entry for every ticket id).
    private var replies: [Int32] = []
    private var tallies: [ChannelTally] = []
    private var lastTally = -1
    private var unknown = Set<Symbol>()

    init(directory: ActorDirectory, vendor: [Symbol: VendorMetric], asOf: Instant, reservingCapacity n: Int) {
        self.directory = directory
        self.vendor = vendor
        self.asOf = asOf
        columns.results = TicketResults.Appender(reservingCapacity: n)
    }

    /// The status metrics of the ticket committed next.
    mutating func add(status metrics: TicketStatusMetrics) { columns.add(status: metrics) }

    /// Commits `m`, the measurement of timeline `i` (`t`), as the next ticket of the report.
    mutating func add(_ i: Int, _ t: TicketTimeline, _ m: consuming TicketMeasurement) {
        count(t, replyTimeUnknown: m.replyTimeUnknown, replied: m.firstReply != nil, firstReplier: m.firstReplyActor)
        columns.add(i, t, m)
    }

    /// Counts the committed ticket of timeline `t` (its measurement: reply time unknown, a first reply, by
    /// whom): its replies by actor, its channel's tally, whether it is unknown.
    private mutating func count(_ t: TicketTimeline, replyTimeUnknown: Bool, replied: Bool, firstReplier: Symbol) {
        if replyTimeUnknown { unknown.insert(t.ticket) }
        var ticketReplies = 0
        var teamActs = replied
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
            let count = figures.replies, count > ticketReplies, replied
        {
            addReplies(firstReplier, Int32(clamping: count - ticketReplies))
        }
        if lastTally < 0 || tallies[lastTally].channel != t.channel {
            lastTally = tallies.firstIndex { $0.channel == t.channel } ?? -1
            if lastTally < 0 {
                tallies.append(ChannelTally(channel: t.channel))
                lastTally = tallies.count - 1
            }
        }
        tallies[lastTally].tickets += 1
        if replied { tallies[lastTally].replied += 1 }
        if teamActs { tallies[lastTally].teamActs = true }
        if othersWrote { tallies[lastTally].othersWrote = true }
    }

    /// Commits the tickets of `chunk`, in its order (`timelines` are the ones it was measured from): each
    /// counted as ``add(_:_:_:)`` counts it, and the chunk's results and status metrics appended column by
    /// column (the same columns as adding each ticket's measurement in turn, without making them).
    mutating func commit(_ chunk: consuming Chunk, timelines: Timelines) {
        let results = chunk.results.finish()
        for r in results.indices {
            count(
                timelines[Int(results.timeline[r])], replyTimeUnknown: results.replyTimeUnknown(r),
                replied: results.frt[r] != TicketResults.none, firstReplier: Symbol(raw: results.firstReplyActor[r]))
        }
        let base = columns.results.count
        for (row, metrics) in zip(chunk.status.rows, chunk.status.values) {
            columns.status.append(row: base + Int(row), metrics)
        }
        columns.results.append(contentsOf: results)
    }

    private mutating func addReplies(_ actor: Symbol, _ n: Int32) {
        let id = Int(actor.raw)
        replies.pad(toInclude: id, with: 0)
        replies[id] &+= n
    }

    /// Everything committed, moved out (the collector is empty after).
    mutating func finish() -> (
        results: TicketResults, status: StatusMetricsColumn, replies: [(actor: Symbol, replies: Int)],
        tallies: [ChannelTally], unknown: Set<Symbol>
    ) {
        var byActor: [(actor: Symbol, replies: Int)] = []
        for (actor, count) in replies.enumerated() where count != 0 {
            byActor.append((Symbol(raw: UInt32(actor)), Int(count)))
        }
        var done = Chunk()
        swap(&done, &columns)
        return (done.results.finish(), done.status, byActor, tallies, unknown)
    }
}

/// Where a side of the measure stage puts each ticket it measures, in report order: the committed results
/// (``MeasuredTickets``) or a chunk the rule side measures (``MeasuredTickets/Chunk``). A ticket's status
/// metrics, when it has any, come first and on their own: most tickets have none, and an optional of them
/// (217 bytes) passed along with every ticket was copied twice a ticket.
protocol MeasuredTicketSink {
    /// The status metrics of the ticket added next.
    mutating func add(status metrics: TicketStatusMetrics)
    /// Adds `m`, the measurement of timeline `i` (`t`), as the next ticket.
    mutating func add(_ i: Int, _ t: TicketTimeline, _ m: consuming TicketMeasurement)
}
