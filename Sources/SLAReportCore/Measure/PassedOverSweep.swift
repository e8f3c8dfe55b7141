/// The passed-over check (SPEC §4): a time sweep over the Play-mode tickets with a Fenwick tree of the
/// tickets waiting at each moment, ranked by age. O(n log n) in tickets and events.
///
/// Definitions, exactly:
/// - A ticket is **waiting** while it is created, unassigned (no assignee, or last `assign` empty),
///   unanswered (no `reply` by a non-system actor yet) and not solved (last `status` not `solved`/`closed`).
///   It is judged per second: ``waitingRuns(of:asOf:context:)`` turns a ticket's events into the runs of
///   seconds at whose end it is waiting (several changes within one second count by their net effect).
/// - The **take** of a ticket T is its first event, in timeline order, that is either an `assign` by a person
///   to themselves, or a `reply` by a person while T has never been assigned to anybody. At most one per
///   ticket; the taker is that event's actor.
/// - A take of T at second `t` **passes over** every ticket U of the same Play-mode view with
///   `U.created < T.created` (strictly: tickets created in the same second are never passed over by each
///   other) that was waiting through the whole second `t`: waiting at the end of second `t − 1` and still at
///   the end of second `t`. So a ticket taken or solved in the same second as the take is not passed over,
///   nor one that starts waiting again (unassigned, reopened) in that second.
/// - A channel listed by several views belongs to the first one.
struct PassedOverSweep {
    /// A take that passed over at least one ticket (32 bytes, no allocation of its own: a hundred thousand
    /// of them may be found).
    struct Take: Sendable, Equatable {
        var at: Instant
        var count: Int
        /// Index of the taken ticket in the timelines given.
        var timeline: UInt32
        var agent: Symbol
        /// Where the take's oldest passed-over tickets start in ``PassedOverSweep/oldestTimelines``.
        var oldestStart: UInt32
        var oldestCount: UInt8
    }

    /// Reported takes (the ticket's `reported` flag set) that passed over at least one ticket.
    var takes: [Take] = []
    /// The takes' oldest passed-over tickets one after the other, as timeline indices (see ``oldest(of:)``).
    var oldestTimelines: [UInt32] = []

    /// Timeline indices of the oldest tickets `take` passed over, oldest first (at most
    /// ``PassedOverFinding/oldestLimit``).
    func oldest(of take: Take) -> ArraySlice<UInt32> {
        let start = Int(take.oldestStart)
        return oldestTimelines[start..<start + Int(take.oldestCount)]
    }
    /// Timeline indices of the tickets passed over by any take at or before `asOf`, ascending.
    var passedOver: [Int] = []

    /// A run of seconds `start ..< end` at whose end a ticket is waiting; `end == nil`: still at `asOf`.
    struct Run: Sendable, Equatable {
        var start: Int64
        var end: Int64?
    }

    /// A ticket's waiting runs and its take (see the type's definitions), from its events at or before `asOf`.
    static func waitingRuns(
        of timeline: TicketTimeline, asOf: Instant, context: ChannelRules.Context
    ) -> (runs: [Run], take: (agent: Symbol, at: Instant)?) {
        var runs: [Run] = []
        let take = waitingRuns(of: timeline, asOf: asOf, context: context, into: &runs)
        return (runs, take)
    }

    /// ``waitingRuns(of:asOf:context:)`` into a buffer that is emptied first (no allocation per ticket).
    static func waitingRuns(
        of timeline: TicketTimeline, asOf: Instant, context: ChannelRules.Context, into runs: inout [Run]
    ) -> (agent: Symbol, at: Instant)? {
        runs.removeAll(keepingCapacity: true)
        let created = timeline.created.seconds
        var open: Int64? = created
        var assigned = false
        var replied = false
        var solved = false
        var assignedEver = false
        var take: (agent: Symbol, at: Instant)?
        for event in timeline.events where event.at <= asOf && event.kind != .created {
            let second = max(event.at.seconds, created)
            switch event.kind {
            case .assign:
                if take == nil, context.isPerson(event.actor), context.sameName(event.value, event.actor) {
                    take = (event.actor, event.at)
                }
                assigned = !event.value.isNone
                if assigned { assignedEver = true }
            case .reply:
                guard context.isReply(event) else { continue }
                if take == nil, !assignedEver, context.isPerson(event.actor) { take = (event.actor, event.at) }
                replied = true
            case .status:
                guard let isSolved = context.isSolvedStatus(event.value) else { continue }
                solved = isSolved
            default:
                continue
            }
            let waiting = !assigned && !replied && !solved
            if waiting, open == nil {
                if let last = runs.last, last.end == second {
                    runs.removeLast()
                    open = last.start
                } else {
                    open = second
                }
            } else if !waiting, let start = open {
                if start != second { runs.append(Run(start: start, end: second)) }
                open = nil
            }
        }
        if let start = open { runs.append(Run(start: start, end: nil)) }
        return take
    }

    /// One change in the sweep, ordered by second, then phase (ends, then takes, then starts), then rank.
    private struct Item: Comparable {
        var second: Int64
        var phase: UInt8
        var rank: Int32

        static let end: UInt8 = 0
        static let take: UInt8 = 1
        static let start: UInt8 = 2

        static func < (lhs: Item, rhs: Item) -> Bool {
            (lhs.second, lhs.phase, lhs.rank) < (rhs.second, rhs.phase, rhs.rank)
        }
    }

    /// Runs the sweep.
    /// - Parameters:
    ///   - participants: (timeline index, view index) of every Play-mode ticket created at or before `asOf`.
    ///   - reported: per timeline index, whether a take of that ticket is reported.
    init(
        timelines: Timelines, participants: [(timeline: Int, view: Int)], reported: [Bool], asOf: Instant,
        context: ChannelRules.Context
    ) {
        let symbols = context.symbols
        // Rank tickets by (view, created, id text): each view is a contiguous block, oldest first. The working
        // arrays are 4 bytes a ticket where they can be (a million tickets may take part).
        struct Key {
            var created: Int64
            var view: Int32
            var ticket: UInt32
            var timeline: UInt32
        }
        var keys = participants.map {
            Key(
                created: timelines.created[$0.timeline], view: Int32(clamping: $0.view),
                ticket: timelines.ticket[$0.timeline], timeline: UInt32(truncatingIfNeeded: $0.timeline))
        }
        keys.sort { a, b in
            if a.view != b.view { return a.view < b.view }
            if a.created != b.created { return a.created < b.created }
            if a.ticket == b.ticket { return a.timeline < b.timeline }
            return symbols[Symbol(raw: a.ticket)] < symbols[Symbol(raw: b.ticket)]
        }
        // ordered[rank]: the timeline index of the ticket of that rank.
        let ordered = keys.map(\.timeline)
        let n = ordered.count
        // viewStart[r]: first rank of r's view; olderEnd[r]: first rank of r's view created in r's second.
        var viewStart = [Int32](repeating: 0, count: n)
        var olderEnd = [Int32](repeating: 0, count: n)
        for rank in 0..<n where rank > 0 {
            if keys[rank - 1].view != keys[rank].view {
                viewStart[rank] = Int32(rank)
                olderEnd[rank] = Int32(rank)
            } else {
                viewStart[rank] = viewStart[rank - 1]
                let sameSecond = keys[rank - 1].created == keys[rank].created
                olderEnd[rank] = sameSecond ? olderEnd[rank - 1] : Int32(rank)
            }
        }
        keys = []

        var items: [Item] = []
        items.reserveCapacity(n * 3)
        // takeAgent[rank]: the taker of the ticket of that rank, read with its take item (the take's second).
        var takeAgent = [UInt32](repeating: 0, count: n)
        var runs: [Run] = []
        for (rank, timeline) in ordered.enumerated() {
            let take = PassedOverSweep.waitingRuns(
                of: timelines[Int(timeline)], asOf: asOf, context: context, into: &runs)
            let r = Int32(rank)
            for run in runs {
                items.append(Item(second: run.start, phase: Item.start, rank: r))
                if let end = run.end { items.append(Item(second: end, phase: Item.end, rank: r)) }
            }
            if let take {
                takeAgent[rank] = take.agent.raw
                items.append(Item(second: take.at.seconds, phase: Item.take, rank: r))
            }
        }
        items.sort()

        var waiting = PassedOverIndex(size: n)
        var unflagged = PassedOverIndex(size: n)
        var flagged = [Bool](repeating: false, count: n)
        for item in items {
            let rank = Int(item.rank)
            switch item.phase {
            case Item.end:
                waiting.add(rank, -1)
                if !flagged[rank] { unflagged.add(rank, -1) }
            case Item.start:
                waiting.add(rank, 1)
                if !flagged[rank] { unflagged.add(rank, 1) }
            default:
                let older = Int(viewStart[rank])..<Int(olderEnd[rank])
                guard !older.isEmpty else { continue }
                let timeline = Int(ordered[rank])
                if reported.indices.contains(timeline), reported[timeline] {
                    let count = waiting.count(in: older)
                    if count > 0 {
                        let before = waiting.prefix(older.lowerBound)
                        let start = oldestTimelines.count
                        for k in 1...min(count, PassedOverFinding.oldestLimit) {
                            if let u = waiting.element(number: before + k) { oldestTimelines.append(ordered[u]) }
                        }
                        takes.append(
                            Take(
                                at: Instant(seconds: item.second), count: count, timeline: UInt32(timeline),
                                agent: Symbol(raw: takeAgent[rank]), oldestStart: UInt32(start),
                                oldestCount: UInt8(oldestTimelines.count - start)))
                    }
                }
                // Flag every waiting ticket below the bound once; each leaves `unflagged` for good.
                let before = unflagged.prefix(older.lowerBound)
                while let u = unflagged.element(number: before + 1), u < older.upperBound {
                    flagged[u] = true
                    unflagged.add(u, -1)
                }
            }
        }
        passedOver = (0..<n).filter { flagged[$0] }.map { Int(ordered[$0]) }.sorted()
    }
}
