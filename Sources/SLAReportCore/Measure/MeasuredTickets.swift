/// The measure stage's per-ticket results as they are committed, in report order: the results columns,
/// the status metrics, public replies per actor, the tallies per channel and the tickets whose reply time is
/// unknown. Committing is the one place where a measured ticket is counted, so the results are the same
/// whichever thread measured the ticket (``MeasureStage`` commits the front's tickets as it measures them and
/// the back's afterwards, in order).
struct MeasuredTickets: Sendable {
    /// Measured tickets' results and status metrics, as columns: the committed ones, and each chunk the back
    /// measures before it is committed (as compact as the committed results: a measurement is 136 bytes as
    /// a value, about 54 in the columns).
    struct Chunk: Sendable {
        var results = TicketResults.Appender(reservingCapacity: 0)
        /// Rows index ``results``.
        var status = StatusMetricsColumn()

        /// Adds the measurement `m` of timeline `i`.
        mutating func add(_ i: Int, _ m: consuming TicketMeasurement, _ metrics: TicketStatusMetrics?) {
            if let metrics { status.append(row: results.count, metrics) }
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

    /// Commits `m` (and its status metrics), the measurement of timeline `i` (`t`), as the next ticket of the
    /// report.
    mutating func commit(
        _ i: Int, _ t: TicketTimeline, _ m: consuming TicketMeasurement, _ metrics: TicketStatusMetrics?
    ) {
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
        columns.add(i, m, metrics)
    }

    /// Commits the tickets of `chunk`, in its order (`timelines` are the ones it was measured from).
    mutating func commit(_ chunk: consuming Chunk, timelines: Timelines) {
        let results = chunk.results.finish()
        for r in results.indices {
            let i = Int(results.timeline[r])
            commit(i, timelines[i], results[r], chunk.status.metrics(ofRow: r))
        }
    }

    private mutating func addReplies(_ actor: Symbol, _ n: Int32) {
        let id = Int(actor.raw)
        if id >= replies.count {
            replies.append(contentsOf: repeatElement(0, count: id - replies.count + 1))
        }
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
