/// The aggregate stage: turns the per-ticket result columns, rule findings and the record accounting into the
/// display-ready ``ReportModel`` (per channel, per agent, breaches, daily points, per-ticket rows).
///
/// The results are read column by column: one pass puts every ticket's figures into its channel's columns
/// (`[Int64]` first-reply times, outcome counts, per-priority counts), percentiles are found by selection
/// (``DurationStats/compute(_:)``), and lists that grow with the data (breaches, early replies) keep sort
/// keys, not rows, until they are cut to what the reports show. The per-ticket rows are not built at all:
/// ``TicketRows`` reads the columns when the CSV is written.
public struct Aggregator {
    /// Everything the aggregate stage reads.
    public struct Input: Sendable {
        public var symbols: SymbolTable
        public var policy: Policy
        /// Who is who: people get one row each whatever names they go by; brand accounts get their own rows.
        public var directory: ActorDirectory
        public var window: ReportWindow
        /// Channel keys selected with `--channel`; nil = all.
        public var selectedChannels: [String]?
        /// `--fail-under` in percent.
        public var failUnder: Double?
        /// Results of the tickets in the report, in report order.
        public var results: TicketResults
        /// Requester wait, agent work and periodic update of the results whose channel sets such a target
        /// (rows index ``results``).
        public var statusMetrics: StatusMetricsColumn
        /// Per channel key: ticket count and attainment of the previous window (nil when there is none).
        public var previous: [String: PreviousWindow]?
        public var rules: ChannelRuleResult
        /// Tickets whose response times are excluded (Disqus reply tickets, tickets answered without a time).
        public var excluded: Set<Symbol>
        /// Public replies per actor in reported tickets.
        public var repliesByActor: [(actor: Symbol, replies: Int)]
        public var dataQuality: DataQuality
        public var urls: [Symbol: String]
        public var toolVersion: String

        /// The input of the measure stage's output.
        init(
            symbols: SymbolTable, policy: Policy, directory: ActorDirectory, window: ReportWindow,
            selectedChannels: [String]?, failUnder: Double?, measured: MeasureStage.Output, dataQuality: DataQuality,
            urls: [Symbol: String], toolVersion: String
        ) {
            self.symbols = symbols
            self.policy = policy
            self.directory = directory
            self.window = window
            self.selectedChannels = selectedChannels
            self.failUnder = failUnder
            self.results = measured.results
            self.statusMetrics = measured.statusMetrics
            self.previous = measured.previous
            self.rules = measured.rules
            self.excluded = measured.excluded
            self.repliesByActor = measured.repliesByActor
            self.dataQuality = dataQuality
            self.urls = urls
            self.toolVersion = toolVersion
        }
    }

    /// Channel keys in report order: policy channels (base, then channels only later versions add) in
    /// policy order, narrowed by `selected`; then channels found in the data but unknown to the policy,
    /// alphabetically.
    public static func channelOrder(policy: Policy, dataChannels: Set<String>, selected: [String]?) -> [String] {
        var order: [String] = []
        var seen = Set<String>()
        for c in policy.channels.map(\.key) + policy.versions.flatMap({ $0.channels.map(\.key) })
        where seen.insert(c).inserted {
            order.append(c)
        }
        let unknown = dataChannels.subtracting(seen).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let all = order + unknown
        guard let selected else { return all }
        let wanted = Set(selected)
        return all.filter { wanted.contains($0) }
    }

    /// The columns shared by the aggregate's passes: per result, its channel's position in report order and
    /// whether its response times are excluded.
    struct Shared: Sendable {
        /// Per result: index into the report's channel order.
        var slot: [UInt16]
        /// Per result: Disqus reply ticket or answered without a time.
        var excluded: [Bool]
        var order: [String]

        init(_ input: Input) {
            let results = input.results
            let symbols = input.symbols
            // Channel symbol → key, for the distinct channels only (met: a flag per symbol id, not a
            // dictionary lookup for every change of channel from one result to the next).
            var keyOf: [(symbol: UInt32, key: String)] = []
            var met: [Bool] = []
            var last = UInt32.max
            for c in results.channel where c != last {
                last = c
                let i = Int(c)
                met.pad(toInclude: i, with: false)
                guard !met[i] else { continue }
                met[i] = true
                keyOf.append((c, symbols[Symbol(raw: c)]))
            }
            order = Aggregator.channelOrder(
                policy: input.policy, dataChannels: Set(keyOf.map(\.key)), selected: input.selectedChannels)
            let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            var slotOfSymbol = [UInt16](repeating: UInt16.max, count: met.count)
            for (symbol, key) in keyOf {
                slotOfSymbol[Int(symbol)] = UInt16(clamping: position[key] ?? Int(UInt16.max))
            }
            slot = results.channel.map { slotOfSymbol[Int($0)] }
            if input.excluded.isEmpty {
                excluded = [Bool](repeating: false, count: results.count)
            } else {
                excluded = results.ticket.map { input.excluded.contains(Symbol(raw: $0)) }
            }
        }
    }

    /// Builds the report model.
    public static func aggregate(_ input: Input) -> ReportModel {
        let symbols = input.symbols
        let policy = input.policy
        let results = input.results
        let shared = Shared(input)

        // The channel figures and the rest read the same results and nothing of each other: they are made
        // side by side (the channel figures take about as long as everything else together).
        let (summaries, lists) = Parallel.both(
            { channelSummaries(input, shared: shared) },
            { () -> Lists in
                let (breaches, counts) = breachRows(input, shared: shared)
                let early = earlyReplies(input)
                var findings = input.rules.findings
                var findingCounts = findings.counts
                findingCounts.earlyReplies = early.total
                findings.earlyReplies = early.listed
                findings = findings.capped(at: ReportModel.listLimit)
                findings.cappedCounts = findingCounts
                return Lists(
                    breaches: breaches, counts: counts, findings: findings, people: agentRows(input, shared: shared),
                    daily: dailyPoints(input, shared: shared), metricBreaches: metricBreaches(input, shared: shared),
                    history: weeks(input, shared: shared))
            })
        var model = ReportModel(
            toolVersion: input.toolVersion, window: input.window,
            policy: PolicyInfo(
                name: policy.name, source: policy.source, versions: policy.versions.map(\.effectiveFrom)),
            channels: summaries, rules: lists.findings, breaches: lists.breaches, agents: lists.people.agents,
            handles: lists.people.handles, dataQuality: input.dataQuality, daily: lists.daily,
            tickets: TicketRows(
                results: results, symbols: symbols, directory: input.directory, ruleFlags: input.rules.flagBits,
                excluded: shared.excluded, statusMetrics: input.statusMetrics),
            failUnder: input.failUnder.map { Percent(value: $0) },
            metricBreaches: lists.metricBreaches, breachCounts: lists.counts)
        addSections(to: &model, input, shared: shared, history: lists.history)
        return model
    }

    /// What ``aggregate(_:)`` makes beside the channel figures.
    private struct Lists: Sendable {
        var breaches: [BreachRow]
        var counts: BreachCounts
        var findings: RuleFindings
        var people: (agents: [AgentRow], handles: [AgentRow])
        var daily: [DailyPoint]
        var metricBreaches: [MetricBreachRow]
        var history: (weeks: [HistoryWeek], spanSeconds: Int64)
    }

    // MARK: Breaches

    /// The breach rows listed (the first ``ReportModel/breachListCap`` of each channel, worst first, and the
    /// ``ReportModel/listLimit`` latest of all) and the count of every breach, per channel.
    private static func breachRows(_ input: Input, shared: Shared) -> ([BreachRow], BreachCounts) {
        let symbols = input.symbols
        // Breaches, worst first within each channel: sorted as (channel position, lateness, ticket text) keys,
        // rows built afterwards for the ones shown.
        let results = input.results
        var breachKeys: [(channel: Int, lateBy: Int64, index: Int)] = []
        for i in results.indices where results.outcome[i] == TicketResults.breached && !shared.excluded[i] {
            let deadline = results.deadline[i]
            guard deadline != TicketResults.none else { continue }
            let replied =
                results.frt[i] == TicketResults.none ? input.window.asOf.seconds : results.created[i] + results.frt[i]
            let slot = shared.slot[i]
            breachKeys.append((slot == UInt16.max ? Int.max : Int(slot), replied - deadline, i))
        }
        // The comparison reads the ticket column alone (taking `results` into it copied the whole struct, and
        // retained each of its columns, again and again).
        let tickets = results.ticket
        breachKeys.sort { a, b in
            if a.channel != b.channel { return a.channel < b.channel }
            if a.lateBy != b.lateBy { return a.lateBy > b.lateBy }
            return symbols.precedes(Symbol(raw: tickets[a.index]), Symbol(raw: tickets[b.index]))
        }
        // Kept: the first `breachListCap` of each channel (the human reports) and the `listLimit` latest of all
        // (the JSON); counted: every one.
        var listed = [Bool](repeating: false, count: breachKeys.count)
        if breachKeys.count <= ReportModel.listLimit {
            listed = [Bool](repeating: true, count: breachKeys.count)
        } else {
            let ranked = breachKeys.indices.sorted { i, j in
                let (a, b) = (breachKeys[i].lateBy, breachKeys[j].lateBy)
                return a != b ? a > b : i < j
            }
            for position in ranked.prefix(ReportModel.listLimit) { listed[position] = true }
        }
        var breaches: [BreachRow] = []
        // Counted per channel symbol (one text each), named once per channel; the keys come in runs of one
        // channel, so each run is counted before it goes into the dictionary.
        var perChannel: [UInt32: Int] = [:]
        var run: (channel: UInt32, count: Int)?
        var previousChannel = -1
        var inChannel = 0
        for (position, key) in breachKeys.enumerated() {
            if key.channel != previousChannel {
                previousChannel = key.channel
                inChannel = 0
            }
            inChannel += 1
            let i = key.index
            let channel = results.channel[i]
            if let current = run, current.channel == channel {
                run = (channel, current.count + 1)
            } else {
                if let current = run { perChannel[current.channel, default: 0] += current.count }
                run = (channel, 1)
            }
            guard inChannel <= ReportModel.breachListCap || listed[position] else { continue }
            let assignee = Symbol(raw: results.assignee[i])
            breaches.append(
                BreachRow(
                    ticket: symbols[Symbol(raw: results.ticket[i])], channel: symbols[Symbol(raw: results.channel[i])],
                    created: Instant(seconds: results.created[i]),
                    deadline: Instant(seconds: results.deadline[i]), firstReply: results.firstReply(i),
                    lateBySeconds: key.lateBy,
                    assignee: assignee.isNone ? nil : input.directory.name(of: assignee, in: symbols),
                    url: input.urls[Symbol(raw: results.ticket[i])], listed: listed[position]))
        }
        if let current = run { perChannel[current.channel, default: 0] += current.count }
        let byChannel = Dictionary(uniqueKeysWithValues: perChannel.map { (symbols[Symbol(raw: $0.key)], $0.value) })
        return (breaches, BreachCounts(total: breachKeys.count, byChannel: byChannel))
    }

    // MARK: Channels

    /// One channel's figures while the results are read.
    private struct ChannelColumns {
        var tickets = 0
        var judged = 0
        var calendar: [Int64] = []
        var business: [Int64] = []
        var histogram = [Int](repeating: 0, count: ChannelSummary.frtBuckets.count)
        var achieved = 0
        var breached = 0
        var openOverdue = 0
        var pending = 0
        var early = 0
        var nextCalendar: [Int64] = []
        var nextBusiness: [Int64] = []
        var next = (achieved: 0, breached: 0, openOverdue: 0, pending: 0)
        var firstResolution: [Int64] = []
        var fullResolution: [Int64] = []
        var reopens = 0
        var vendorFigures = 0
        var withoutReplyTime = 0
        /// Judged tickets per priority symbol (a handful of distinct values).
        var byPriority: [(priority: UInt32, counts: PriorityCounts)] = []
    }

    struct PriorityCounts {
        var tickets = 0
        var achieved = 0
        var breached = 0
        var openOverdue = 0
        var pending = 0
        var early = 0
    }

    private static func channelSummaries(_ input: Input, shared: Shared) -> [ChannelSummary] {
        let results = input.results
        let policy = input.policy
        var columns = [ChannelColumns](repeating: ChannelColumns(), count: shared.order.count)
        let buckets = ChannelSummary.frtBuckets.map(\.upper)
        // Room for each channel's figures up front, from a count of its tickets and clocks: an array grown by
        // doubling copies itself into fresh pages at every step, and room reserved and never written is never
        // resident.
        var room = [(tickets: Int, clocks: Int)](repeating: (0, 0), count: columns.count)
        for i in results.indices {
            let s = Int(shared.slot[i])
            guard s < room.count else { continue }
            room[s].tickets += 1
            room[s].clocks += results.nextReplyIndices(i).count
        }
        for s in columns.indices {
            columns[s].calendar.reserveCapacity(room[s].tickets)
            columns[s].business.reserveCapacity(room[s].tickets)
            columns[s].firstResolution.reserveCapacity(room[s].tickets)
            columns[s].fullResolution.reserveCapacity(room[s].tickets)
            columns[s].nextCalendar.reserveCapacity(room[s].clocks)
            columns[s].nextBusiness.reserveCapacity(room[s].clocks)
        }
        for i in results.indices {
            let s = Int(shared.slot[i])
            guard s < columns.count else { continue }
            columns[s].tickets += 1
            let first = results.firstResolution[i]
            if first != TicketResults.none { columns[s].firstResolution.append(first) }
            let full = results.fullResolution[i]
            if full != TicketResults.none { columns[s].fullResolution.append(full) }
            columns[s].reopens += Int(results.reopens[i])
            if results.replyTimeUnknown(i) { columns[s].withoutReplyTime += 1 }
            guard !shared.excluded[i] else { continue }
            columns[s].judged += 1
            let frt = results.frt[i]
            if frt != TicketResults.none {
                columns[s].calendar.append(frt)
                let bucket = buckets.firstIndex { frt < $0 } ?? buckets.count - 1
                columns[s].histogram[bucket] += 1
            }
            let business = results.frtBusiness[i]
            if business != TicketResults.none { columns[s].business.append(business) }
            let outcome = results.outcome[i]
            switch outcome {
            case TicketResults.achieved: columns[s].achieved += 1
            case TicketResults.breached:
                columns[s].breached += 1
                if frt == TicketResults.none { columns[s].openOverdue += 1 }
            case TicketResults.pending: columns[s].pending += 1
            case TicketResults.early: columns[s].early += 1
            default: break
            }
            if results.fromVendorMetric(i) { columns[s].vendorFigures += 1 }
            for k in results.nextReplyIndices(i) {
                let clock = results.nextClocks[k]
                if let seconds = clock.seconds { columns[s].nextCalendar.append(seconds) }
                if let b = clock.businessSeconds { columns[s].nextBusiness.append(b) }
                switch clock.outcome {
                case .achieved: columns[s].next.achieved += 1
                case .breached:
                    columns[s].next.breached += 1
                    if clock.openOverdue { columns[s].next.openOverdue += 1 }
                case .pending: columns[s].next.pending += 1
                case .early, nil: break
                }
            }
            let priority = results.priority[i]
            if priority != 0 {
                var k = columns[s].byPriority.firstIndex { $0.priority == priority } ?? -1
                if k < 0 {
                    columns[s].byPriority.append((priority, PriorityCounts()))
                    k = columns[s].byPriority.count - 1
                }
                columns[s].byPriority[k].counts.tickets += 1
                switch outcome {
                case TicketResults.achieved: columns[s].byPriority[k].counts.achieved += 1
                case TicketResults.breached:
                    columns[s].byPriority[k].counts.breached += 1
                    if frt == TicketResults.none { columns[s].byPriority[k].counts.openOverdue += 1 }
                case TicketResults.pending: columns[s].byPriority[k].counts.pending += 1
                case TicketResults.early: columns[s].byPriority[k].counts.early += 1
                default: break
                }
            }
        }
        return shared.order.enumerated().map { slot, key in
            let policyChannel =
                policy.channels.first { $0.key == key }
                ?? policy.versions.reversed().lazy.compactMap { $0.channels.first { $0.key == key } }.first
            var summary = channelSummary(key: key, policyChannel: policyChannel, columns: &columns[slot], input: input)
            if let policyChannel {
                summary.statusMetrics = statusMetricSummaries(policyChannel, slot: slot, input: input, shared: shared)
            }
            return summary
        }
    }

    private static func channelSummary(
        key: String, policyChannel: ChannelPolicy?, columns c: inout ChannelColumns, input: Input
    ) -> ChannelSummary {
        // A channel whose first-reply targets are all in `by_priority` (imported from Zendesk) has a target too:
        // its tickets with such a priority are judged.
        let hasTarget = policyChannel?.hasTarget(.firstReply) ?? false
        let businessClock = policyChannel?.aggregateClock(.firstReply).map { $0 != .calendar } ?? false
        let attainment = hasTarget ? Percent(c.achieved, of: c.achieved + c.breached + c.early) : nil
        let goal = policyChannel?.goal.map { Percent(value: $0) }
        let firstReply = ReplySummary(
            target: policyChannel?.targetText(.firstReply), goal: goal, replied: c.calendar.count,
            achieved: hasTarget ? c.achieved : nil, breached: hasTarget ? c.breached : nil,
            openOverdue: hasTarget ? c.openOverdue : nil, pending: hasTarget ? c.pending : nil,
            early: hasTarget ? c.early : nil, attainment: attainment, calendar: DurationStats.compute(c.calendar),
            business: businessClock ? DurationStats.compute(c.business) : nil)

        var nextReply: ReplySummary?
        if let policyChannel, policyChannel.hasTarget(.nextReply) {
            let n = c.next
            let nextClockIsBusiness = policyChannel.aggregateClock(.nextReply).map { $0 != .calendar } ?? false
            nextReply = ReplySummary(
                target: policyChannel.targetText(.nextReply), goal: nil, replied: c.nextCalendar.count,
                achieved: n.achieved, breached: n.breached, openOverdue: n.openOverdue, pending: n.pending, early: 0,
                attainment: Percent(n.achieved, of: n.achieved + n.breached),
                calendar: DurationStats.compute(c.nextCalendar),
                business: nextClockIsBusiness ? DurationStats.compute(c.nextBusiness) : nil)
        }

        let resolution = ResolutionSummary(
            solved: c.firstResolution.count, reopens: c.reopens,
            firstCalendar: DurationStats.compute(c.firstResolution),
            fullCalendar: DurationStats.compute(c.fullResolution))
        let previous = input.previous.map { $0[key] ?? PreviousWindow(tickets: 0, attainment: nil, judged: 0) }
        let summary = ChannelSummary(
            key: key, name: policyChannel?.name ?? key, tickets: c.tickets, firstReply: firstReply,
            nextReply: nextReply, resolution: resolution, previous: previous,
            leftOut: c.tickets - c.judged, leftOutWithoutReplyTime: c.withoutReplyTime,
            vendorFigures: c.vendorFigures,
            failsGate: hasTarget && failsGate(attainment, goal: goal, failUnder: input.failUnder),
            frtHistogram: c.histogram,
            byPriority: policyChannel.map { priorityAttainment($0, counts: c.byPriority, input: input) } ?? [])
        c = ChannelColumns()
        return summary
    }

    /// Below the goal or the `--fail-under` threshold (never when nothing was judged).
    static func failsGate(_ attainment: Percent?, goal: Percent?, failUnder: Double?) -> Bool {
        guard let attainment else { return false }
        if let goal, attainment < goal { return true }
        if let failUnder, attainment < Percent(value: failUnder) { return true }
        return false
    }

    /// One ``PriorityAttainment`` per priority the channel's `by_priority` names, from the channel's judged
    /// tickets (excluded ones left out) whose priority in force matches it (case-insensitively).
    private static func priorityAttainment(
        _ channel: ChannelPolicy, counts bySymbol: [(priority: UInt32, counts: PriorityCounts)], input: Input
    ) -> [PriorityAttainment] {
        guard !channel.byPriority.isEmpty else { return [] }
        let names = PriorityAttainment.sorted(Set(channel.byPriority.keys.map { $0.lowercased() }))
        let position = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = [PriorityCounts](repeating: PriorityCounts(), count: names.count)
        for (symbol, c) in bySymbol {
            guard let slot = position[input.symbols[Symbol(raw: symbol)].lowercased()] else { continue }
            counts[slot].tickets += c.tickets
            counts[slot].achieved += c.achieved
            counts[slot].breached += c.breached
            counts[slot].openOverdue += c.openOverdue
            counts[slot].pending += c.pending
            counts[slot].early += c.early
        }
        let goal = channel.goal.map { Percent(value: $0) }
        return names.enumerated().map { index, name in
            let c = counts[index]
            let targets = channel.byPriority.first { $0.key.lowercased() == name }?.value
            let target = targets?.firstReply ?? channel.firstReply
            let attainment = target == nil ? nil : Percent(c.achieved, of: c.achieved + c.breached + c.early)
            return PriorityAttainment(
                priority: name, target: target?.description, tickets: c.tickets, achieved: c.achieved,
                breached: c.breached, openOverdue: c.openOverdue, pending: c.pending, early: c.early,
                attainment: attainment,
                failsGate: target != nil && failsGate(attainment, goal: goal, failUnder: input.failUnder))
        }
    }

    /// Early replies, oldest ticket first (the order the reports' Created column shows), then ticket id —
    /// the results' own order: the first ``ReportModel/listLimit`` as findings, and how many there are.
    private static func earlyReplies(_ input: Input) -> (listed: [EarlyReplyFinding], total: Int) {
        let symbols = input.symbols
        let results = input.results
        var listed: [EarlyReplyFinding] = []
        var total = 0
        for i in results.indices where results.outcome[i] == TicketResults.early {
            guard let firstReply = results.firstReply(i) else { continue }
            total += 1
            guard listed.count < ReportModel.listLimit else { continue }
            listed.append(
                EarlyReplyFinding(
                    ticket: symbols[Symbol(raw: results.ticket[i])], channel: symbols[Symbol(raw: results.channel[i])],
                    agent: symbols[Symbol(raw: results.firstReplyActor[i])],
                    created: Instant(seconds: results.created[i]), firstReply: firstReply,
                    frtSeconds: results.frt[i]))
        }
        return (listed, total)
    }

    /// One row per person on the team (every spelling of a person counted under the person's name), and one
    /// per brand account; actors the directory does not know keep their own spelling.
    private static func agentRows(_ input: Input, shared: Shared) -> (agents: [AgentRow], handles: [AgentRow]) {
        let symbols = input.symbols
        let directory = input.directory
        let results = input.results
        // Per actor symbol met: a slot, its first-reply times and breached tickets assigned. The slot of an
        // actor is found by its symbol id (slot + 1, 0 while not met): no hashing for every breached ticket.
        var slotOf: [Int32] = []
        var actors: [UInt32] = []
        var frts: [[Int64]] = []
        var breachedCount: [Int] = []
        func slot(_ actor: UInt32) -> Int {
            let i = Int(actor)
            if i < slotOf.count, slotOf[i] > 0 { return Int(slotOf[i]) - 1 }
            slotOf.pad(toInclude: i, with: 0)
            actors.append(actor)
            slotOf[i] = Int32(actors.count)
            frts.append([])
            breachedCount.append(0)
            return actors.count - 1
        }
        var lastActor = UInt32.max
        var lastSlot = -1
        for i in results.indices where !shared.excluded[i] {
            let actor = results.firstReplyActor[i]
            if results.frt[i] != TicketResults.none, actor != 0 {
                if actor != lastActor {
                    lastActor = actor
                    lastSlot = slot(actor)
                }
                frts[lastSlot].append(results.frt[i])
            }
            if results.outcome[i] == TicketResults.breached, results.assignee[i] != 0 {
                breachedCount[slot(results.assignee[i])] += 1
            }
        }
        var handleNames = Set<String>()
        func name(_ actor: Symbol) -> String {
            let text = directory.name(of: actor, in: symbols)
            if directory.isHandle(actor) { handleNames.insert(text) }
            return text
        }
        var firstReplies: [String: [Int64]] = [:]
        var breached: [String: Int] = [:]
        for (k, actor) in actors.enumerated() {
            let n = name(Symbol(raw: actor))
            if !frts[k].isEmpty { firstReplies[n, default: []] += frts[k] }
            if breachedCount[k] > 0 { breached[n, default: 0] += breachedCount[k] }
        }
        var replies: [String: Int] = [:]
        for (agent, count) in input.repliesByActor where !agent.isNone { replies[name(agent), default: 0] += count }
        let names = Set(replies.keys).union(firstReplies.keys).union(breached.keys).union(input.rules.agentCounts.keys)
        let rows = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { name in
            let counts = input.rules.agentCounts[name] ?? AgentRuleCounts()
            let frts = firstReplies[name] ?? []
            return AgentRow(
                agent: name, replies: replies[name] ?? 0, firstReplies: frts.count,
                frtP50Seconds: DurationStats.compute(frts).p50,
                breachedAssigned: breached[name] ?? 0, skips: counts.skips, passedOverTakes: counts.passedOverTakes,
                crossAssignments: counts.crossAssignments)
        }
        return (rows.filter { !handleNames.contains($0.agent) }, rows.filter { handleNames.contains($0.agent) })
    }

    private static func dailyPoints(_ input: Input, shared: Shared) -> [DailyPoint] {
        let zone = ZoneClock(identifier: input.policy.timezone) ?? .utc
        let results = input.results
        var days: [Int: (tickets: Int, achieved: Int, breached: Int, early: Int)] = [:]
        var lastDay = Int.min
        var current = (tickets: 0, achieved: 0, breached: 0, early: 0)
        func flush() {
            guard lastDay != Int.min else { return }
            let d = days[lastDay] ?? (0, 0, 0, 0)
            days[lastDay] = (
                d.tickets + current.tickets, d.achieved + current.achieved, d.breached + current.breached,
                d.early + current.early
            )
            current = (0, 0, 0, 0)
        }
        for i in results.indices {
            let created = Instant(seconds: results.created[i])
            let day = zone.localDayNumber(created)
            if day != lastDay {
                flush()
                lastDay = day
            }
            current.tickets += 1
            if !shared.excluded[i] {
                switch results.outcome[i] {
                case TicketResults.achieved: current.achieved += 1
                case TicketResults.breached: current.breached += 1
                case TicketResults.early: current.early += 1
                default: break
                }
            }
        }
        flush()
        guard let first = days.keys.min(), let last = days.keys.max() else { return [] }
        let span = last - first + 1
        let dayNumbers = span <= 400 ? Array(first...last) : days.keys.sorted()
        return dayNumbers.map { day in
            let d = days[day] ?? (0, 0, 0, 0)
            let (y, mo, dd) = CivilDateTime.civil(fromDays: day)
            return DailyPoint(
                date: CivilDateTime(year: y, month: mo, day: dd).dateString, tickets: d.tickets, achieved: d.achieved,
                breached: d.breached, early: d.early,
                attainment: Percent(d.achieved, of: d.achieved + d.breached + d.early))
        }
    }

    /// One ticket's row of the per-ticket CSV: its measurement and its requester wait and agent work (from the
    /// status-metrics column, when its channel sets such a target), its rule flags (then `early`,
    /// `reply_time_unknown`, `vendor_metric`), and no target, deadline or outcome when it is left out of the
    /// first-reply figures (`excluded`). `slareport explain` shows the same row. `timeline` is the ticket's
    /// index in the timelines the rules were checked on (its flag bits).
    static func ticketRow(
        _ m: TicketMeasurement, statusMetrics: TicketStatusMetrics?, rules: ChannelRuleResult, timeline: Int,
        excluded: Set<Symbol>, directory: ActorDirectory, symbols: SymbolTable
    ) -> TicketRow {
        ticketRow(
            m, statusMetrics: statusMetrics, ruleFlags: rules.flagNames(ofTimeline: timeline),
            excluded: excluded.contains(m.ticket), directory: directory, symbols: symbols)
    }

    /// ``ticketRow(_:statusMetrics:rules:timeline:excluded:directory:symbols:)`` with the ticket's rule flags and whether
    /// it is left out already found (the CSV's rows, ``TicketRows``).
    static func ticketRow(
        _ m: TicketMeasurement, statusMetrics: TicketStatusMetrics?, ruleFlags: [String], excluded: Bool,
        directory: ActorDirectory, symbols: SymbolTable
    ) -> TicketRow {
        var flags = ruleFlags
        if m.outcome == .early { flags.append("early") }
        if m.replyTimeUnknown { flags.append("reply_time_unknown") }
        if m.fromVendorMetric { flags.append("vendor_metric") }
        var row = TicketRow(
            ticket: symbols[m.ticket], channel: symbols[m.channel],
            priority: m.priority.isNone ? nil : symbols[m.priority],
            created: m.created, firstReply: m.firstReply, frtSeconds: m.frtSeconds,
            frtBusinessSeconds: m.frtTargetBusinessSeconds, target: excluded ? nil : m.target?.description,
            deadline: excluded ? nil : m.deadline, outcome: excluded ? nil : m.outcome?.rawValue,
            assignee: m.assignee.isNone ? nil : directory.name(of: m.assignee, in: symbols), flags: flags)
        if !excluded, let metrics = statusMetrics {
            row.requesterWaitSeconds = metrics.requesterWait?.ticketSeconds
            row.requesterWaitOutcome = metrics.requesterWait?.result?.outcome.rawValue
            row.agentWorkSeconds = metrics.agentWork?.ticketSeconds
            row.agentWorkOutcome = metrics.agentWork?.result?.outcome.rawValue
        }
        return row
    }
}
