extension Aggregator {
    /// Adds the figures of the story, the per-priority and at-risk sections, the weekly history and the charts
    /// to a model whose channels are built: FRT bands relative to target, the gate and the trend of each
    /// channel, then the report-wide lists. Every figure is computed here, so the renderers only lay out.
    static func addSections(to model: inout ReportModel, _ input: Input) {
        let failUnder = input.failUnder.map { Percent(value: $0) }
        model.failUnder = failUnder
        let byChannel = measurementIndicesByChannel(input)
        for index in model.channels.indices {
            var channel = model.channels[index]
            let policyChannel = Aggregator.policyChannel(channel.key, input.policy)
            channel.bands = bands(channel.firstReply)
            channel.gate = gate(channel.firstReply, failUnder: failUnder)
            channel.trend = trend(channel)
            if let policyChannel {
                channel.byPriority = prioritySummaries(
                    policyChannel, key: channel.key, indices: byChannel[channel.key] ?? [], input)
            }
            model.channels[index] = channel
        }
        model.atRisk = atRisk(input, channelOrder: model.channels.map(\.key))
        let history = weeks(input)
        model.weeks = history.weeks
        model.showsHistory = history.spanSeconds > 14 * 86_400
        model.volume =
            model.daily.count > VolumeSeries.maximumDays
            ? VolumeSeries(unit: .week, points: history.weeks.map(\.asPoint))
            : VolumeSeries(unit: .day, points: model.daily)
        model.story = story(model)
    }

    /// The policy entry of a channel: the base policy's, else the latest version that adds it.
    static func policyChannel(_ key: String, _ policy: Policy) -> ChannelPolicy? {
        policy.channels.first { $0.key == key }
            ?? policy.versions.reversed().lazy.compactMap { $0.channels.first { $0.key == key } }.first
    }

    /// Indices into `input.measurements` per channel key, in measurement order.
    static func measurementIndicesByChannel(_ input: Input) -> [String: [Int]] {
        var bySymbol: [Symbol: [Int]] = [:]
        for (i, m) in input.measurements.enumerated() { bySymbol[m.channel, default: []].append(i) }
        var byKey: [String: [Int]] = [:]
        for (channel, indices) in bySymbol { byKey[input.symbols[channel], default: []] += indices }
        for key in byKey.keys { byKey[key]?.sort() }
        return byKey
    }

    // MARK: Per channel

    /// The five bands of ``FRTBands`` from a channel's outcome counts; nil without a target.
    static func bands(_ reply: ReplySummary) -> FRTBands? {
        guard reply.target != nil, let achieved = reply.achieved, let breached = reply.breached,
            let overdue = reply.openOverdue, let pending = reply.pending, let early = reply.early
        else { return nil }
        return FRTBands(
            early: early, withinTarget: achieved, late: breached - overdue, unansweredOverdue: overdue,
            pending: pending)
    }

    /// The binding gate of a channel with a target: the higher of its goal and `--fail-under`.
    static func gate(_ reply: ReplySummary, failUnder: Percent?) -> Percent? {
        guard reply.target != nil else { return nil }
        switch (reply.goal, failUnder) {
        case (let goal?, let threshold?): return max(goal, threshold)
        case (let goal?, nil): return goal
        case (nil, let threshold?): return threshold
        case (nil, nil): return nil
        }
    }

    /// The trend of a channel: unavailable without a previous window or a target; left out when either window
    /// judged fewer than ``Trend/minimumJudged`` tickets; else the change in attainment.
    static func trend(_ channel: ChannelSummary) -> Trend {
        guard let previous = channel.previous, let judged = channel.firstReply.judged else { return .unavailable }
        let minimum = Trend.minimumJudged
        if judged < minimum {
            return .leftOut(reason: "\(judged) judged in this window (fewer than \(minimum))")
        }
        if previous.judged < minimum {
            return .leftOut(reason: "\(previous.judged) judged in the previous window (fewer than \(minimum))")
        }
        guard let current = channel.firstReply.attainment, let before = previous.attainment else {
            return .unavailable
        }
        return .change(hundredths: current.hundredths - before.hundredths)
    }

    /// The priorities in report order: the four of the handbook, then others alphabetically, then none.
    static let priorityOrder = ["urgent", "high", "normal", "low"]

    /// Attainment per priority for a channel whose policy (base or a version) has `by_priority`; empty
    /// otherwise, and when none of its tickets has a priority. Disqus reply tickets are left out, as
    /// everywhere in the response times.
    static func prioritySummaries(
        _ policyChannel: ChannelPolicy, key: String, indices: [Int], _ input: Input
    ) -> [PrioritySummary] {
        let versions = input.policy.versions.compactMap { $0.channels.first { $0.key == key } }
        guard !policyChannel.byPriority.isEmpty || versions.contains(where: { !$0.byPriority.isEmpty }) else {
            return []
        }
        struct Counts {
            var tickets = 0
            var achieved = 0
            var breached = 0
            var early = 0
            var pending = 0
            var frts: [Int64] = []
        }
        var byPriority: [String: Counts] = [:]
        var noPriority = Counts()
        for i in indices {
            let m = input.measurements[i]
            guard !input.excluded.contains(m.ticket) else { continue }
            let name = m.priority.isNone ? nil : input.symbols[m.priority].lowercased()
            var c = name.flatMap { byPriority[$0] } ?? (name == nil ? noPriority : Counts())
            c.tickets += 1
            switch m.outcome {
            case .achieved: c.achieved += 1
            case .breached: c.breached += 1
            case .early: c.early += 1
            case .pending: c.pending += 1
            case nil: break
            }
            if let frt = m.frtSeconds { c.frts.append(frt) }
            if let name { byPriority[name] = c } else { noPriority = c }
        }
        let known = priorityOrder.filter { byPriority[$0] != nil }
        let others = byPriority.keys.filter { !priorityOrder.contains($0) }.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        var rows: [(String?, Counts)] = (known + others).compactMap { name in byPriority[name].map { (name, $0) } }
        if noPriority.tickets > 0 { rows.append((nil, noPriority)) }
        // No ticket of the channel has a priority (HackerOne reports, say): nothing to break down.
        if rows.allSatisfy({ $0.0 == nil }) { return [] }
        return rows.map { name, c in
            var frts = c.frts
            return PrioritySummary(
                priority: name,
                target: input.policy.targets(for: policyChannel, priority: name).firstReply?.description,
                tickets: c.tickets, achieved: c.achieved, breached: c.breached, early: c.early, pending: c.pending,
                attainment: Percent(c.achieved, of: c.achieved + c.breached + c.early),
                calendar: DurationStats.compute(&frts))
        }
    }
}

extension HistoryWeek {
    /// The week as a point of the volume chart (`date` = its Monday).
    var asPoint: DailyPoint {
        DailyPoint(
            date: start, tickets: tickets, achieved: achieved, breached: breached, early: early,
            attainment: attainment)
    }
}
