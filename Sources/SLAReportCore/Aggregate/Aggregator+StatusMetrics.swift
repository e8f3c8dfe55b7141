extension Aggregator {
    /// A channel's requester wait, agent work and periodic update (``StatusMetricSummary``), for each of them
    /// the channel sets a target of; tickets left out of the response times (Disqus reply tickets, tickets
    /// answered without a reply time) are left out here too.
    static func statusMetricSummaries(_ channel: ChannelPolicy, slot channelSlot: Int, input: Input, shared: Shared)
        -> [StatusMetricSummary]
    {
        let metrics = StatusClock.metrics.filter(channel.hasTarget)
        guard !metrics.isEmpty, !input.statusMetrics.isEmpty else {
            return metrics.map { emptySummary($0, channel, failUnder: input.failUnder) }
        }
        var tallies = [Tally](repeating: Tally(), count: metrics.count)
        let status = input.statusMetrics
        for (entry, row) in status.rows.enumerated() {
            let index = Int(row)
            guard index < shared.slot.count, Int(shared.slot[index]) == channelSlot, !shared.excluded[index] else {
                continue
            }
            let figures = status.values[entry]
            for (slot, metric) in metrics.enumerated() {
                if metric == .periodicUpdate {
                    for update in figures.periodicUpdates {
                        if let seconds = update.interval.seconds {
                            tallies[slot].calendar.append(seconds)
                            if let business = update.aggregateBusinessSeconds {
                                tallies[slot].business.append(business)
                            }
                        }
                        if let judged = update.judged {
                            tallies[slot].count(judged.outcome, openOverdue: judged.openOverdue)
                        }
                    }
                } else if let clock = figures.clock(metric) {
                    if clock.solved {
                        tallies[slot].calendar.append(clock.calendarSeconds)
                        if let business = clock.aggregateBusinessSeconds { tallies[slot].business.append(business) }
                    }
                    if let result = clock.result {
                        tallies[slot].count(result.outcome, openOverdue: result.openOverdue)
                    }
                }
            }
        }
        return metrics.enumerated().map { slot, metric in
            let tally = tallies[slot]
            let goal = channel.goals[metric].map { Percent(value: $0) }
            let attainment = Percent(tally.achieved, of: tally.achieved + tally.breached)
            let business = channel.aggregateClock(metric).map { $0 != .calendar } ?? false
            return StatusMetricSummary(
                metric: metric, target: channel.targetText(metric) ?? ChannelPolicy.byPriorityText, goal: goal,
                measured: tally.calendar.count, achieved: tally.achieved, breached: tally.breached,
                openOverdue: tally.openOverdue, pending: tally.pending, attainment: attainment,
                calendar: DurationStats.compute(tally.calendar),
                business: business ? DurationStats.compute(tally.business) : nil,
                failsGate: failsGate(attainment, goal: goal, failUnder: nil))
        }
    }

    /// The outcome counts and complete measures of one metric over one channel.
    private struct Tally {
        var achieved = 0
        var breached = 0
        var openOverdue = 0
        var pending = 0
        var calendar: [Int64] = []
        var business: [Int64] = []

        mutating func count(_ outcome: ReplyOutcome, openOverdue overdue: Bool) {
            switch outcome {
            case .achieved: achieved += 1
            case .breached:
                breached += 1
                if overdue { openOverdue += 1 }
            case .pending: pending += 1
            case .early: break
            }
        }
    }

    private static func emptySummary(_ metric: SLAMetric, _ channel: ChannelPolicy, failUnder: Double?)
        -> StatusMetricSummary
    {
        StatusMetricSummary(
            metric: metric, target: channel.targetText(metric) ?? ChannelPolicy.byPriorityText,
            goal: channel.goals[metric].map { Percent(value: $0) }, measured: 0, achieved: 0, breached: 0,
            openOverdue: 0, pending: 0, attainment: nil, calendar: .empty,
            business: (channel.aggregateClock(metric).map { $0 != .calendar } ?? false) ? .empty : nil,
            failsGate: false)
    }

    /// Every breached requester wait, agent work and periodic-update interval of the report (tickets left out
    /// of the response times excluded): metric by metric, channels in report order, furthest over first, then
    /// ticket id and the interval's start.
    static func metricBreaches(_ input: Input, shared: Shared) -> [MetricBreachRow] {
        guard !input.statusMetrics.isEmpty else { return [] }
        let symbols = input.symbols
        let asOf = input.window.asOf
        var keys:
            [(metric: SLAMetric, channel: Int, over: Int64, started: Instant?, row: Int, draft: MetricBreachRow)] =
                []
        for (entry, row) in input.statusMetrics.rows.enumerated() {
            let index = Int(row)
            guard index < input.results.count, !shared.excluded[index] else { continue }
            let m = input.results[index]
            let figures = input.statusMetrics.values[entry]
            let position = shared.slot[index] == UInt16.max ? Int.max : Int(shared.slot[index])
            func draft(_ metric: SLAMetric, target: SLADuration) -> MetricBreachRow {
                MetricBreachRow(
                    metric: metric, ticket: symbols[m.ticket], channel: symbols[m.channel], created: m.created,
                    target: target.description, intervalStarted: nil, breachedAt: m.created, seconds: nil,
                    overBySeconds: 0, openOverdue: false,
                    assignee: m.assignee.isNone ? nil : input.directory.name(of: m.assignee, in: symbols),
                    url: input.urls[m.ticket])
            }
            for metric in [SLAMetric.requesterWait, .agentWork] {
                guard let clock = figures.clock(metric), let result = clock.result, result.outcome == .breached
                else { continue }
                var breach = draft(metric, target: result.target)
                breach.breachedAt = result.limitReachedAt ?? clock.end
                breach.seconds = result.seconds
                breach.overBySeconds = result.overBySeconds ?? 0
                breach.openOverdue = result.openOverdue
                keys.append((metric, position, breach.overBySeconds, nil, index, breach))
            }
            for update in figures.periodicUpdates {
                guard let judged = update.judged, judged.outcome == .breached,
                    let target = update.target
                else { continue }
                var breach = draft(.periodicUpdate, target: target)
                breach.intervalStarted = update.interval.started
                breach.breachedAt = judged.deadline
                breach.seconds = judged.clockSeconds ?? update.interval.seconds
                breach.overBySeconds = (update.interval.ended ?? asOf).seconds - judged.deadline.seconds
                breach.openOverdue = judged.openOverdue
                keys.append((.periodicUpdate, position, breach.overBySeconds, update.interval.started, index, breach))
            }
        }
        keys.sort { a, b in
            if a.metric != b.metric { return a.metric < b.metric }
            if a.channel != b.channel { return a.channel < b.channel }
            if a.over != b.over { return a.over > b.over }
            if a.row != b.row {
                return symbols.precedes(
                    Symbol(raw: input.results.ticket[a.row]), Symbol(raw: input.results.ticket[b.row]))
            }
            return (a.started ?? a.draft.created) < (b.started ?? b.draft.created)
        }
        return keys.map(\.draft)
    }
}
