/// The story, the first-reply detail tables, per-priority attainment, the at-risk list, the weekly history
/// and the volume table (the Markdown report's text for the volume chart).
extension ReportTables {
    // MARK: Story

    /// The opening paragraph as plain sentences (each renderer escapes them): overall attainment, each channel
    /// below its gate with its figures (or, with no gate, the lowest ones), the biggest changes against the
    /// previous window, and the open overdue and at-risk counts.
    var storySentences: [String] {
        let story = model.story
        var sentences: [String] = []
        let channels = story.channelsWithTarget == 1 ? "the 1 channel" : "the \(story.channelsWithTarget) channels"
        if story.channelsWithTarget == 0 {
            sentences.append("No channel in this report has a first-reply target, so nothing was judged.")
        } else if let attainment = story.attainment {
            sentences.append(
                "Across \(channels) with a target, \(DurationFormat.percentOneDecimal(attainment)) of "
                    + "\(ReportTables.tickets(story.judged, "judged ticket")) got their first reply in time "
                    + "(\(story.achieved) achieved).")
        } else {
            sentences.append(
                "No ticket was judged yet in \(channels) with a target: none was answered or past its deadline.")
        }

        // Channels that judged enough tickets get a sentence each (up to three); the others one list.
        let large = story.misses.filter { $0.judged >= Trend.minimumJudged }
        let sentenced = Array(large.prefix(3))
        for line in sentenced {
            let what = line.gateKind == .goal ? "missed its goal" : "is below the threshold"
            let gateName = line.gateKind == .goal ? "goal" : "threshold"
            sentences.append(
                "\(line.name) \(what): \(DurationFormat.percentOneDecimal(line.attainment)) of \(line.judged) judged "
                    + "within \(line.target), \(gateName) \(DurationFormat.percent(line.gate)) "
                    + "(\(ReportTables.tickets(line.ticketsShort, "ticket")) short).")
        }
        let rest = story.misses.filter { miss in !sentenced.contains { $0.name == miss.name } }
        if !rest.isEmpty {
            let list = rest.map {
                "\($0.name) \(DurationFormat.percentOneDecimal($0.attainment)) of \($0.judged)"
                    + ($0.gateKind == .goal ? " (goal \(DurationFormat.percent($0.gate)))" : "")
            }
            let small = rest.allSatisfy { $0.judged < Trend.minimumJudged }
            let lead = sentenced.isEmpty ? "Below the goal or threshold" : "Also below"
            sentences.append(
                lead + (small ? ", on fewer than \(Trend.minimumJudged) judged each: " : ": ")
                    + ReportTables.joinedList(list) + ".")
        }
        sentences += metricMissSentences(story.metricMisses)
        if story.gatesSet && story.misses.isEmpty && story.metricMisses.isEmpty && story.judged > 0 {
            sentences.append("Every channel with a goal or threshold met it.")
        }
        if !story.gatesSet && !story.lowest.isEmpty {
            let list = story.lowest.map {
                "\($0.name) \(DurationFormat.percentOneDecimal($0.attainment)) of \($0.judged) judged"
            }
            sentences.append(
                "No goal or threshold is set; the lowest attainment: "
                    + ReportTables.joinedList(list) + ".")
        }

        if !story.changes.isEmpty {
            let list = story.changes.map { change -> String in
                let direction = change.hundredths > 0 ? "up" : "down"
                return "\(change.name) \(direction) \(DurationFormat.points(change.hundredths)) points "
                    + "(\(DurationFormat.percentOneDecimal(change.previous)) → "
                    + "\(DurationFormat.percentOneDecimal(change.current)))"
            }
            sentences.append("Biggest changes against the previous window: " + ReportTables.joinedList(list) + ".")
        } else if story.trendsCompared > 0 {
            sentences.append("Attainment did not change against the previous window.")
        }
        if story.trendsLeftOut > 0 {
            let count = story.trendsLeftOut == 1 ? "1 channel" : "\(story.trendsLeftOut) channels"
            sentences.append(
                "The trend is left out for \(count) where a window judged fewer than \(Trend.minimumJudged) tickets.")
        }

        if story.channelsWithTarget > 0 {
            switch (story.openOverdue, story.atRisk) {
            case (0, 0):
                sentences.append(
                    "No ticket is unanswered past its deadline, and none is due within the next business day.")
            case (let overdue, let risk):
                let first =
                    overdue == 0
                    ? "No ticket is unanswered past its deadline"
                    : (overdue == 1
                        ? "1 ticket is unanswered past its deadline"
                        : "\(overdue) tickets are unanswered past their deadline")
                let second =
                    risk == 0
                    ? "none is due within the next business day"
                    : "\(risk) more \(risk == 1 ? "is" : "are") due within the next business day"
                sentences.append("\(first); \(second).")
            }
        }
        return sentences
    }

    /// Requester wait, agent work and periodic update below their goal: a sentence each for the first three
    /// (`Regular tickets missed its requester-wait goal: 72.5% of 40 judged tickets within 16 business hours,
    /// goal 80% (3 tickets short).`), one list for the rest.
    func metricMissSentences(_ misses: [ReportStory.MetricMiss]) -> [String] {
        var sentences: [String] = []
        for miss in misses.prefix(3) {
            let noun = miss.metric.judgedNoun
            let metric = miss.metric.label.replacingOccurrences(of: " ", with: "-")
            sentences.append(
                "\(miss.name) missed its \(metric) goal: \(DurationFormat.percentOneDecimal(miss.attainment)) of "
                    + "\(ReportTables.tickets(miss.judged, "judged " + noun)) within \(miss.target), goal "
                    + "\(DurationFormat.percent(miss.goal)) (\(ReportTables.tickets(miss.short, noun)) short).")
        }
        let rest = misses.dropFirst(3).map {
            "\($0.name) \($0.metric.label) \(DurationFormat.percentOneDecimal($0.attainment)) of \($0.judged) "
                + "(goal \(DurationFormat.percent($0.goal)))"
        }
        if !rest.isEmpty { sentences.append("Also below their goals: " + ReportTables.joinedList(rest) + ".") }
        return sentences
    }

    /// `1 judged ticket`, `5 judged tickets`.
    static func tickets(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func joinedList(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    // MARK: First replies

    /// Every ticket of each channel with a target on the bands relative to its own target: the text of the
    /// FRT chart.
    var firstReplyBands: Table {
        let columns = [
            Column("Channel"), Column("Target"), Column("Counted", numeric: true), Column("Early", numeric: true),
            Column("Within", numeric: true), Column("Late", numeric: true), Column("Overdue", numeric: true),
            Column("Pending", numeric: true),
        ]
        let rows = model.channels.compactMap { channel -> [Cell]? in
            guard let bands = channel.bands, let target = channel.firstReply.target else { return nil }
            return [
                Cell(channel.name), Cell(target), Cell(String(bands.total)), Cell(String(bands.early)),
                Cell(String(bands.withinTarget)), Cell(String(bands.late)), Cell(String(bands.unansweredOverdue)),
                Cell(String(bands.pending)),
            ]
        }
        return Table(columns: columns, rows: rows)
    }

    /// Calendar FRT percentiles per channel (replied tickets), and business-clock ones where the default
    /// target runs on business time.
    var firstReplyTimes: Table {
        let columns = [
            Column("Channel"), Column("Replied", numeric: true), Column("p50", numeric: true),
            Column("p90", numeric: true), Column("p95", numeric: true), Column("Max", numeric: true),
            Column("Mean", numeric: true), Column("Bus. p50", numeric: true),
            Column("Bus. p90", numeric: true),
        ]
        let rows = model.channels.map { channel -> [Cell] in
            let reply = channel.firstReply
            let c = reply.calendar
            return [
                Cell(channel.name), Cell(String(reply.replied)), .duration(c.p50), .duration(c.p90), .duration(c.p95),
                .duration(c.max), .duration(c.mean), .duration(reply.business?.p50), .duration(reply.business?.p90),
            ]
        }
        return Table(columns: columns, rows: rows)
    }

    // MARK: Per priority

    /// One table per channel with `by_priority` targets, a row per priority it names (``PriorityAttainment``);
    /// a channel none of whose tickets has such a priority (HackerOne reports, say) is left out.
    func prioritySections(marks: Marks) -> [Section] {
        let columns = [
            Column("Priority"), Column("Target", nowrap: true), Column("Tickets", numeric: true),
            Column("Judged", numeric: true), Column("Attainment", numeric: true), Column("Breached", numeric: true),
            Column("Open overdue", numeric: true), Column("Pending", numeric: true),
        ]
        return model.channels.compactMap { channel -> Section? in
            guard channel.byPriority.contains(where: { $0.tickets > 0 }) else { return nil }
            let gated = channel.gate != nil
            let rows = channel.byPriority.map { p -> [Cell] in
                var attainment = DurationFormat.percentOneDecimal(p.attainment)
                var status: Cell.Status? = nil
                if p.failsGate {
                    attainment += " " + marks.bad
                    status = .bad
                } else if gated && p.attainment != nil {
                    attainment += " " + marks.good
                    status = .good
                }
                return [
                    Cell(p.priority), Cell(p.target ?? "none"), Cell(String(p.tickets)), Cell(String(p.judged)),
                    Cell(
                        attainment, status: status,
                        title: p.attainment.map { "\(DurationFormat.percent($0)): \(p.achieved) of \(p.judged)" }),
                    Cell(String(p.breached)), Cell(String(p.openOverdue)), Cell(String(p.pending)),
                ]
            }
            return Section(
                title: channel.name, count: channel.byPriority.count, table: Table(columns: columns, rows: rows))
        }
    }

    // MARK: At risk

    /// Pending tickets due within the next business day, nearest deadline first, capped at
    /// ``ReportModel/atRiskListCap``.
    var atRisk: Table {
        let columns = [
            Column("Ticket"), Column("Channel"), Column("Priority"), Column("Deadline", nowrap: true),
            Column("Time left", numeric: true), Column("Assignee"),
        ]
        let shown = model.atRisk.prefix(ReportModel.atRiskListCap).map { r -> [Cell] in
            [
                Cell(r.ticket, link: r.url.flatMap(Escape.safeURL)), Cell(name(of: r.channel)),
                Cell(r.priority ?? DurationFormat.none), Cell(DurationFormat.instant(r.deadline)),
                .duration(r.secondsLeft), Cell(r.assignee ?? "unassigned"),
            ]
        }
        return Table(columns: columns, rows: shown, omitted: model.atRisk.count - shown.count)
    }

    // MARK: History and volume

    /// One row per ISO week of the window.
    var history: Table {
        let columns = [
            Column("Week", nowrap: true), Column("Starts", nowrap: true), Column("Tickets", numeric: true),
            Column("Judged", numeric: true), Column("Attainment", numeric: true), Column("Breached", numeric: true),
            Column("Open overdue", numeric: true), Column("Pending", numeric: true),
        ]
        let rows = model.weeks.map { w -> [Cell] in
            [
                Cell(w.week), Cell(w.start), Cell(String(w.tickets)), Cell(String(w.judged)),
                Cell(
                    DurationFormat.percentOneDecimal(w.attainment),
                    title: w.attainment.map { DurationFormat.percent($0) }
                ), Cell(String(w.breached)), Cell(String(w.openOverdue)), Cell(String(w.pending)),
            ]
        }
        return Table(columns: columns, rows: rows)
    }

    /// The volume chart's points as a table (per day, or per week for long windows).
    var volume: Table {
        let columns = [
            Column(model.volume.unit == .day ? "Day" : "Week of", nowrap: true), Column("Tickets", numeric: true),
            Column("Judged", numeric: true), Column("Attainment", numeric: true),
        ]
        let rows = model.volume.points.map { p -> [Cell] in
            [
                Cell(p.date), Cell(String(p.tickets)), Cell(String(p.judged)),
                Cell(DurationFormat.percentOneDecimal(p.attainment)),
            ]
        }
        return Table(columns: columns, rows: rows)
    }
}

extension DailyPoint {
    /// `achieved + breached + early` of the day's (or week's) tickets.
    public var judged: Int { achieved + breached + early }
}
