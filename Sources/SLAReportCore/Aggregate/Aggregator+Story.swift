extension Aggregator {
    /// The story's figures, from the finished channels and at-risk list:
    /// - overall attainment = achieved ÷ judged summed over every channel with a target;
    /// - **misses**: channels failing their gate, named with the gate they miss (their own goal when below it,
    ///   else the `--fail-under` threshold); most tickets short of the gate first, then the largest shortfall
    ///   (gate − attainment), so one late ticket out of one does not lead the story;
    /// - **lowest**: with no gate set at all, the ``ReportStory/lowestCount`` channels of lowest attainment
    ///   among those that judged at least ``Trend/minimumJudged`` tickets;
    /// - **changes**: the ``ReportStory/changeCount`` largest non-zero trends (by magnitude), only where both
    ///   windows judged enough tickets;
    /// - **metric misses**: requester wait, agent work and periodic update below their goal, ordered like the
    ///   misses (most items short, then the largest shortfall);
    /// - open overdue over all channels and the at-risk count.
    /// Ties keep report (channel) order.
    static func story(_ model: ReportModel) -> ReportStory {
        var judged = 0
        var achieved = 0
        var withTarget = 0
        var openOverdue = 0
        var misses: [(shortfall: Int, order: Int, line: ReportStory.ChannelLine)] = []
        var candidates: [(attainment: Percent, order: Int, line: ReportStory.ChannelLine)] = []
        var changes: [(magnitude: Int, order: Int, change: ReportStory.Change)] = []
        var leftOut = 0
        var compared = 0
        var gatesSet = model.failUnder != nil
        var metricMisses: [(shortfall: Int, order: Int, miss: ReportStory.MetricMiss)] = []
        for (order, channel) in model.channels.enumerated() {
            for metric in channel.statusMetrics where metric.goal != nil {
                gatesSet = true
                guard metric.failsGate, let attainment = metric.attainment, let goal = metric.goal else { continue }
                let miss = ReportStory.MetricMiss(
                    name: channel.name, metric: metric.metric, attainment: attainment, judged: metric.judged,
                    target: metric.target, goal: goal, short: metric.shortOfGoal)
                metricMisses.append((goal.hundredths - attainment.hundredths, order, miss))
            }
            let reply = channel.firstReply
            guard let target = reply.target, let channelJudged = reply.judged else { continue }
            withTarget += 1
            judged += channelJudged
            achieved += reply.achieved ?? 0
            openOverdue += reply.openOverdue ?? 0
            if reply.goal != nil { gatesSet = true }
            if let attainment = reply.attainment {
                if channel.failsGate {
                    let missesGoal = reply.goal.map { attainment < $0 } ?? false
                    let gate = missesGoal ? reply.goal : model.failUnder
                    // ceil(gate × judged / 100 %) − achieved, in integers (gate in hundredths of a percent).
                    let needed = ((gate?.hundredths ?? 0) * channelJudged + 9_999) / 10_000
                    let line = ReportStory.ChannelLine(
                        name: channel.name, attainment: attainment, judged: channelJudged, target: target, gate: gate,
                        gateKind: missesGoal ? .goal : .threshold,
                        ticketsShort: max(0, needed - (reply.achieved ?? 0)))
                    misses.append(((gate?.hundredths ?? 0) - attainment.hundredths, order, line))
                }
                if channelJudged >= Trend.minimumJudged {
                    let line = ReportStory.ChannelLine(
                        name: channel.name, attainment: attainment, judged: channelJudged, target: target, gate: nil,
                        gateKind: nil)
                    candidates.append((attainment, order, line))
                }
            }
            if case .change = channel.trend { compared += 1 }
            switch channel.trend {
            case .change(let hundredths) where hundredths != 0:
                if let current = reply.attainment, let previous = channel.previous?.attainment {
                    let change = ReportStory.Change(
                        name: channel.name, previous: previous, current: current, hundredths: hundredths)
                    changes.append((abs(hundredths), order, change))
                }
            case .leftOut: leftOut += 1
            case .change, .unavailable: break
            }
        }
        misses.sort { a, b in
            if a.line.ticketsShort != b.line.ticketsShort { return a.line.ticketsShort > b.line.ticketsShort }
            return a.shortfall != b.shortfall ? a.shortfall > b.shortfall : a.order < b.order
        }
        metricMisses.sort { a, b in
            if a.miss.short != b.miss.short { return a.miss.short > b.miss.short }
            return a.shortfall != b.shortfall ? a.shortfall > b.shortfall : a.order < b.order
        }
        candidates.sort { $0.attainment != $1.attainment ? $0.attainment < $1.attainment : $0.order < $1.order }
        changes.sort { $0.magnitude != $1.magnitude ? $0.magnitude > $1.magnitude : $0.order < $1.order }
        return ReportStory(
            judged: judged, achieved: achieved, attainment: Percent(achieved, of: judged),
            channelsWithTarget: withTarget, gatesSet: gatesSet, misses: misses.map(\.line),
            lowest: gatesSet ? [] : Array(candidates.prefix(ReportStory.lowestCount).map(\.line)),
            changes: Array(changes.prefix(ReportStory.changeCount).map(\.change)),
            hasPreviousWindow: model.channels.contains { $0.previous != nil }, trendsLeftOut: leftOut,
            trendsCompared: compared, openOverdue: openOverdue, atRisk: model.atRisk.count,
            metricMisses: metricMisses.map(\.miss))
    }
}
