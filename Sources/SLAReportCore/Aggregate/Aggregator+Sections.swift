extension Aggregator {
    /// Adds the figures of the story, the at-risk section, the weekly history and the charts to a model whose
    /// channels are built: FRT bands relative to target, the gate and the trend of each channel, then the
    /// report-wide lists. Every figure is computed here or, like `history` (``weeks(_:shared:)``, made beside
    /// the channel figures), handed in, so the renderers only lay out.
    static func addSections(
        to model: inout ReportModel, _ input: Input, shared: Shared,
        history: (weeks: [HistoryWeek], spanSeconds: Int64)
    ) {
        for index in model.channels.indices {
            var channel = model.channels[index]
            channel.bands = bands(channel.firstReply)
            channel.gate = gate(channel.firstReply, failUnder: model.failUnder)
            channel.trend = trend(channel)
            model.channels[index] = channel
        }
        model.atRisk = atRisk(input, shared: shared, channelOrder: model.channels.map(\.key))
        model.weeks = history.weeks
        model.showsHistory = history.spanSeconds > 14 * 86_400
        model.volume =
            model.daily.count > VolumeSeries.maximumDays
            ? VolumeSeries(unit: .week, points: history.weeks.map(\.asPoint))
            : VolumeSeries(unit: .day, points: model.daily)
        model.story = story(model)
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

}

extension HistoryWeek {
    /// The week as a point of the volume chart (`date` = its Monday).
    var asPoint: DailyPoint {
        DailyPoint(
            date: start, tickets: tickets, achieved: achieved, breached: breached, early: early,
            attainment: attainment)
    }
}
