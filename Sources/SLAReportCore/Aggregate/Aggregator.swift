/// The aggregate stage: turns per-ticket measurements, rule findings and the record accounting into the
/// display-ready ``ReportModel`` (per channel, per agent, breaches, daily points, per-ticket rows).
public struct Aggregator {
    /// Everything the aggregate stage reads.
    public struct Input {
        public var symbols: SymbolTable
        public var policy: Policy
        /// Who is who: people get one row each whatever names they go by; brand accounts get their own rows.
        public var directory: ActorDirectory
        public var window: ReportWindow
        /// Channel keys selected with `--channel`; nil = all.
        public var selectedChannels: [String]?
        /// `--fail-under` in percent.
        public var failUnder: Double?
        /// Measurements of the tickets in the report.
        public var measurements: [TicketMeasurement]
        /// Requester wait, agent work and periodic update of the measurements whose channel sets such a target
        /// (rows index ``measurements``).
        public var statusMetrics: StatusMetricsColumn
        /// Per channel key: ticket count and attainment of the previous window (nil when there is none).
        public var previous: [String: PreviousWindow]?
        public var rules: ChannelRuleResult
        /// Tickets whose response times are excluded (Disqus reply tickets, tickets answered without a time).
        public var excluded: Set<Symbol>
        /// Public replies per actor in reported tickets.
        public var repliesByActor: [Symbol: Int]
        public var dataQuality: DataQuality
        public var urls: [Symbol: String]
        public var toolVersion: String

        public init(
            symbols: SymbolTable, policy: Policy, directory: ActorDirectory = ActorDirectory(), window: ReportWindow,
            selectedChannels: [String]?, failUnder: Double?, measurements: [TicketMeasurement],
            previous: [String: PreviousWindow]?, rules: ChannelRuleResult, excluded: Set<Symbol>,
            repliesByActor: [Symbol: Int], dataQuality: DataQuality, urls: [Symbol: String], toolVersion: String,
            statusMetrics: StatusMetricsColumn = StatusMetricsColumn()
        ) {
            self.symbols = symbols
            self.policy = policy
            self.directory = directory
            self.window = window
            self.selectedChannels = selectedChannels
            self.failUnder = failUnder
            self.measurements = measurements
            self.statusMetrics = statusMetrics
            self.previous = previous
            self.rules = rules
            self.excluded = excluded
            self.repliesByActor = repliesByActor
            self.dataQuality = dataQuality
            self.urls = urls
            self.toolVersion = toolVersion
        }

        /// The input of the measure stage's output.
        init(
            symbols: SymbolTable, policy: Policy, directory: ActorDirectory, window: ReportWindow,
            selectedChannels: [String]?, failUnder: Double?, measured: MeasureStage.Output, dataQuality: DataQuality,
            urls: [Symbol: String], toolVersion: String
        ) {
            self.init(
                symbols: symbols, policy: policy, directory: directory, window: window,
                selectedChannels: selectedChannels, failUnder: failUnder, measurements: measured.measurements,
                previous: measured.previous, rules: measured.rules, excluded: measured.excluded,
                repliesByActor: measured.repliesByActor, dataQuality: dataQuality, urls: urls,
                toolVersion: toolVersion, statusMetrics: measured.statusMetrics)
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

    /// Builds the report model.
    public static func aggregate(_ input: Input) -> ReportModel {
        let symbols = input.symbols
        let policy = input.policy
        var bySymbol: [Symbol: [Int]] = [:]
        for (i, m) in input.measurements.enumerated() { bySymbol[m.channel, default: []].append(i) }
        var byChannel: [String: [Int]] = [:]
        for (channel, indices) in bySymbol { byChannel[symbols[channel], default: []] += indices }
        let order = channelOrder(policy: policy, dataChannels: Set(byChannel.keys), selected: input.selectedChannels)
        let channelIndex = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        var summaries: [ChannelSummary] = []
        for key in order {
            let tickets = byChannel[key] ?? []
            let policyChannel =
                policy.channels.first { $0.key == key }
                ?? policy.versions.reversed().lazy.compactMap { $0.channels.first { $0.key == key } }.first
            var summary = channelSummary(key: key, policyChannel: policyChannel, tickets: tickets, input: input)
            if let policyChannel {
                summary.statusMetrics = statusMetricSummaries(policyChannel, tickets: tickets, input: input)
            }
            summaries.append(summary)
        }

        // Breaches, worst first within each channel: sorted as (channel position, lateness, ticket text) keys,
        // rows built afterwards.
        var channelPosition: [Symbol: Int] = [:]
        for channel in bySymbol.keys { channelPosition[channel] = channelIndex[symbols[channel]] ?? Int.max }
        var breachKeys: [(channel: Int, lateBy: Int64, index: Int)] = []
        for (i, m) in input.measurements.enumerated()
        where m.outcome == .breached && !input.excluded.contains(m.ticket) {
            guard let deadline = m.deadline else { continue }
            let lateBy = (m.firstReply ?? input.window.asOf).seconds - deadline.seconds
            breachKeys.append((channelPosition[m.channel] ?? Int.max, lateBy, i))
        }
        breachKeys.sort { a, b in
            if a.channel != b.channel { return a.channel < b.channel }
            if a.lateBy != b.lateBy { return a.lateBy > b.lateBy }
            let (x, y) = (input.measurements[a.index].ticket, input.measurements[b.index].ticket)
            return symbols.precedes(x, y)
        }
        let breaches = breachKeys.map { key -> BreachRow in
            let m = input.measurements[key.index]
            return BreachRow(
                ticket: symbols[m.ticket], channel: symbols[m.channel], created: m.created,
                deadline: m.deadline ?? m.created, firstReply: m.firstReply, lateBySeconds: key.lateBy,
                assignee: m.assignee.isNone ? nil : input.directory.name(of: m.assignee, in: symbols),
                url: input.urls[m.ticket])
        }

        let early = earlyReplies(input)
        var rules = input.rules.findings
        rules.earlyReplies = early

        let people = agentRows(input)
        var model = ReportModel(
            toolVersion: input.toolVersion, window: input.window,
            policy: PolicyInfo(
                name: policy.name, source: policy.source, versions: policy.versions.map(\.effectiveFrom)),
            channels: summaries, rules: rules, breaches: breaches, agents: people.agents, handles: people.handles,
            dataQuality: input.dataQuality, daily: dailyPoints(input), tickets: ticketRows(input),
            failUnder: input.failUnder.map { Percent(value: $0) },
            metricBreaches: metricBreaches(input, channelIndex: channelIndex))
        addSections(to: &model, input)
        return model
    }

    private static func channelSummary(
        key: String, policyChannel: ChannelPolicy?, tickets ticketIndices: [Int], input: Input
    ) -> ChannelSummary {
        let all = input.measurements
        let tickets = ticketIndices.lazy.map { all[$0] }
        let judgedIndices =
            input.excluded.isEmpty ? ticketIndices : ticketIndices.filter { !input.excluded.contains(all[$0].ticket) }
        let judged = judgedIndices.lazy.map { all[$0] }
        // A channel whose first-reply targets are all in `by_priority` (imported from Zendesk) has a target too:
        // its tickets with such a priority are judged.
        let hasTarget = policyChannel?.hasTarget(.firstReply) ?? false
        var calendar: [Int64] = []
        var business: [Int64] = []
        var histogram = [Int](repeating: 0, count: ChannelSummary.frtBuckets.count)
        var counts = (achieved: 0, breached: 0, openOverdue: 0, pending: 0, early: 0)
        for m in judged {
            if let frt = m.frtSeconds {
                calendar.append(frt)
                let bucket = ChannelSummary.frtBuckets.firstIndex { frt < $0.upper } ?? histogram.count - 1
                histogram[bucket] += 1
            }
            if let b = m.frtBusinessSeconds { business.append(b) }
            switch m.outcome {
            case .achieved: counts.achieved += 1
            case .breached:
                counts.breached += 1
                if m.firstReply == nil { counts.openOverdue += 1 }
            case .pending: counts.pending += 1
            case .early: counts.early += 1
            case nil: break
            }
        }
        let businessClock = policyChannel?.aggregateClock(.firstReply).map { $0 != .calendar } ?? false
        let attainment =
            hasTarget ? Percent(counts.achieved, of: counts.achieved + counts.breached + counts.early) : nil
        let goal = policyChannel?.goal.map { Percent(value: $0) }
        let firstReply = ReplySummary(
            target: policyChannel?.targetText(.firstReply), goal: goal, replied: calendar.count,
            achieved: hasTarget ? counts.achieved : nil, breached: hasTarget ? counts.breached : nil,
            openOverdue: hasTarget ? counts.openOverdue : nil, pending: hasTarget ? counts.pending : nil,
            early: hasTarget ? counts.early : nil, attainment: attainment, calendar: DurationStats.compute(&calendar),
            business: businessClock ? DurationStats.compute(&business) : nil)

        var nextReply: ReplySummary?
        if let policyChannel, policyChannel.hasTarget(.nextReply) {
            var nCalendar: [Int64] = []
            var nBusiness: [Int64] = []
            var n = (achieved: 0, breached: 0, openOverdue: 0, pending: 0)
            for m in judged {
                for clock in m.nextReplies {
                    if let s = clock.seconds { nCalendar.append(s) }
                    if let b = clock.businessSeconds { nBusiness.append(b) }
                    switch clock.outcome {
                    case .achieved: n.achieved += 1
                    case .breached:
                        n.breached += 1
                        if clock.openOverdue { n.openOverdue += 1 }
                    case .pending: n.pending += 1
                    case .early, nil: break
                    }
                }
            }
            let nextClockIsBusiness = policyChannel.aggregateClock(.nextReply).map { $0 != .calendar } ?? false
            nextReply = ReplySummary(
                target: policyChannel.targetText(.nextReply), goal: nil, replied: nCalendar.count,
                achieved: n.achieved, breached: n.breached, openOverdue: n.openOverdue, pending: n.pending, early: 0,
                attainment: Percent(n.achieved, of: n.achieved + n.breached),
                calendar: DurationStats.compute(&nCalendar),
                business: nextClockIsBusiness ? DurationStats.compute(&nBusiness) : nil)
        }

        var first: [Int64] = []
        var full: [Int64] = []
        var reopens = 0
        for m in tickets {
            if let f = m.firstResolutionSeconds { first.append(f) }
            if let f = m.fullResolutionSeconds { full.append(f) }
            reopens += Int(m.reopens)
        }
        let resolution = ResolutionSummary(
            solved: first.count, reopens: reopens, firstCalendar: DurationStats.compute(&first),
            fullCalendar: DurationStats.compute(&full))

        let previous = input.previous.map { $0[key] ?? PreviousWindow(tickets: 0, attainment: nil, judged: 0) }
        var vendorFigures = 0
        for m in judged where m.fromVendorMetric { vendorFigures += 1 }
        var withoutReplyTime = 0
        for m in tickets where m.replyTimeUnknown { withoutReplyTime += 1 }
        return ChannelSummary(
            key: key, name: policyChannel?.name ?? key, tickets: tickets.count, firstReply: firstReply,
            nextReply: nextReply, resolution: resolution, previous: previous,
            leftOut: ticketIndices.count - judgedIndices.count, leftOutWithoutReplyTime: withoutReplyTime,
            vendorFigures: vendorFigures,
            failsGate: hasTarget && failsGate(attainment, goal: goal, failUnder: input.failUnder),
            frtHistogram: histogram,
            byPriority: policyChannel.map { priorityAttainment($0, judged: judged, input: input) } ?? [])
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
        _ channel: ChannelPolicy, judged: some Sequence<TicketMeasurement>, input: Input
    ) -> [PriorityAttainment] {
        guard !channel.byPriority.isEmpty else { return [] }
        let names = PriorityAttainment.sorted(Set(channel.byPriority.keys.map { $0.lowercased() }))
        let position = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var slotOfSymbol: [Symbol: Int?] = [:]
        var counts = [(tickets: Int, achieved: Int, breached: Int, openOverdue: Int, pending: Int, early: Int)](
            repeating: (0, 0, 0, 0, 0, 0), count: names.count)
        for m in judged where !m.priority.isNone {
            let slot: Int?
            if let known = slotOfSymbol[m.priority] {
                slot = known
            } else {
                slot = position[input.symbols[m.priority].lowercased()]
                slotOfSymbol[m.priority] = slot
            }
            guard let slot else { continue }
            counts[slot].tickets += 1
            switch m.outcome {
            case .achieved: counts[slot].achieved += 1
            case .breached:
                counts[slot].breached += 1
                if m.firstReply == nil { counts[slot].openOverdue += 1 }
            case .pending: counts[slot].pending += 1
            case .early: counts[slot].early += 1
            case nil: break
            }
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

    private static func earlyReplies(_ input: Input) -> [EarlyReplyFinding] {
        let symbols = input.symbols
        // Oldest ticket first (the order the reports' Created column shows), then ticket id.
        var keys: [(created: Instant, ticket: Symbol, index: Int)] = []
        for (i, m) in input.measurements.enumerated() where m.outcome == .early {
            guard m.firstReply != nil, m.frtSeconds != nil else { continue }
            keys.append((m.created, m.ticket, i))
        }
        keys.sort { a, b in
            if a.created != b.created { return a.created < b.created }
            return symbols.precedes(a.ticket, b.ticket)
        }
        return keys.map { key in
            let m = input.measurements[key.index]
            return EarlyReplyFinding(
                ticket: symbols[m.ticket], channel: symbols[m.channel], agent: symbols[m.firstReplyActor],
                created: m.created, firstReply: m.firstReply ?? m.created, frtSeconds: m.frtSeconds ?? 0)
        }
    }

    /// One row per person on the team (every spelling of a person counted under the person's name), and one
    /// per brand account; actors the directory does not know keep their own spelling.
    private static func agentRows(_ input: Input) -> (agents: [AgentRow], handles: [AgentRow]) {
        let symbols = input.symbols
        let directory = input.directory
        var firstRepliesBySymbol: [Symbol: [Int64]] = [:]
        var breachedBySymbol: [Symbol: Int] = [:]
        for m in input.measurements where !input.excluded.contains(m.ticket) {
            if let frt = m.frtSeconds, !m.firstReplyActor.isNone {
                firstRepliesBySymbol[m.firstReplyActor, default: []].append(frt)
            }
            if m.outcome == .breached, !m.assignee.isNone { breachedBySymbol[m.assignee, default: 0] += 1 }
        }
        var handleNames = Set<String>()
        func name(_ actor: Symbol) -> String {
            let text = directory.name(of: actor, in: symbols)
            if directory.isHandle(actor) { handleNames.insert(text) }
            return text
        }
        var firstReplies: [String: [Int64]] = [:]
        for (agent, frts) in firstRepliesBySymbol { firstReplies[name(agent), default: []] += frts }
        var breached: [String: Int] = [:]
        for (agent, count) in breachedBySymbol { breached[name(agent), default: 0] += count }
        var replies: [String: Int] = [:]
        for (agent, count) in input.repliesByActor where !agent.isNone { replies[name(agent), default: 0] += count }
        let names = Set(replies.keys).union(firstReplies.keys).union(breached.keys).union(input.rules.agentCounts.keys)
        let rows = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { name in
            let counts = input.rules.agentCounts[name] ?? AgentRuleCounts()
            let frts = firstReplies[name] ?? []
            return AgentRow(
                agent: name, replies: replies[name] ?? 0, firstReplies: frts.count,
                frtP50Seconds: DurationStats.of(frts).p50,
                breachedAssigned: breached[name] ?? 0, skips: counts.skips, passedOverTakes: counts.passedOverTakes,
                crossAssignments: counts.crossAssignments)
        }
        return (rows.filter { !handleNames.contains($0.agent) }, rows.filter { handleNames.contains($0.agent) })
    }

    private static func dailyPoints(_ input: Input) -> [DailyPoint] {
        let zone = ZoneClock(identifier: input.policy.timezone) ?? .utc
        var days: [Int: (tickets: Int, achieved: Int, breached: Int, early: Int)] = [:]
        for m in input.measurements {
            // The local day number (floor division: days before 1970 are negative).
            let local = m.created.seconds + Int64(zone.offset(at: m.created))
            let day = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
            var d = days[day] ?? (0, 0, 0, 0)
            d.tickets += 1
            if !input.excluded.contains(m.ticket) {
                switch m.outcome {
                case .achieved: d.achieved += 1
                case .breached: d.breached += 1
                case .early: d.early += 1
                case .pending, nil: break
                }
            }
            days[day] = d
        }
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

    private static func ticketRows(_ input: Input) -> [TicketRow] {
        let symbols = input.symbols
        // Order by creation, then ticket text; keys sorted first, rows built in order.
        var order = Array(input.measurements.indices)
        order.sort { a, b in
            let (x, y) = (input.measurements[a], input.measurements[b])
            if x.created != y.created { return x.created < y.created }
            let c = SymbolTable.compare(symbols.bytes(x.ticket), symbols.bytes(y.ticket))
            return c != 0 ? c < 0 : a < b
        }
        return order.map { i -> TicketRow in
            ticketRow(
                input.measurements[i],
                statusMetrics: input.statusMetrics.isEmpty ? nil : input.statusMetrics.metrics(ofRow: i),
                rules: input.rules, excluded: input.excluded, directory: input.directory, symbols: symbols)
        }
    }

    /// One ticket's row of the per-ticket CSV: its measurement and its requester wait and agent work (from the
    /// status-metrics column, when its channel sets such a target), its rule flags (then `early`,
    /// `reply_time_unknown`, `vendor_metric`), and no target, deadline or outcome when it is left out of the
    /// first-reply figures (`excluded`). `slareport explain` shows the same row.
    static func ticketRow(
        _ m: TicketMeasurement, statusMetrics: TicketStatusMetrics?, rules: ChannelRuleResult, excluded: Set<Symbol>,
        directory: ActorDirectory, symbols: SymbolTable
    ) -> TicketRow {
        var flags = rules.flags[m.ticket] ?? []
        if m.outcome == .early { flags.append("early") }
        if m.replyTimeUnknown { flags.append("reply_time_unknown") }
        if m.fromVendorMetric { flags.append("vendor_metric") }
        let excluded = excluded.contains(m.ticket)
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
