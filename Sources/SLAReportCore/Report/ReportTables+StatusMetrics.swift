/// Requester wait, agent work and periodic update in the human reports: the second summary table and the
/// breach lists, shown only when some channel of the report sets such a target.
extension ReportTables {
    /// Whether any channel of the report sets a requester-wait, agent-work or periodic-update target.
    var hasStatusMetrics: Bool { model.channels.contains { !$0.statusMetrics.isEmpty } }

    /// One row per channel and metric it has a target of, in report order then metric order.
    ///
    /// `compact` (Markdown) keeps the columns that fit 120 terminal columns: channel, metric, target, judged,
    /// attainment, goal (when some metric has one), breached, open overdue, p50. The HTML table adds pending,
    /// measured, p90 and the business p50; on a phone it keeps channel, metric, judged and attainment.
    func statusMetricsTable(marks: Marks, compact: Bool) -> Table {
        let withGoal = model.channels.contains { $0.statusMetrics.contains { $0.goal != nil } }
        var columns = [
            Column("Channel"), Column("Metric"), Column("Target", nowrap: !compact, optional: !compact),
            Column("Judged", numeric: true), Column("Attainment", numeric: true),
        ]
        if withGoal { columns.append(Column("Goal", numeric: true, optional: !compact)) }
        columns += [
            Column("Breached", numeric: true, optional: !compact),
            Column(compact ? "Overdue" : "Open overdue", numeric: true, optional: !compact),
        ]
        if !compact {
            columns += [
                Column("Pending", numeric: true, optional: true), Column("Measured", numeric: true, optional: true),
            ]
        }
        columns.append(Column("p50", numeric: true, optional: !compact))
        if !compact {
            columns += [
                Column("p90", numeric: true, optional: true), Column("Bus. p50", numeric: true, optional: true),
            ]
        }
        var rows: [[Cell]] = []
        for channel in model.channels {
            for metric in channel.statusMetrics {
                var row = [
                    Cell(channel.name), Cell(metric.metric.label), Cell(metric.target), Cell(String(metric.judged)),
                    ReportTables.attainmentCell(metric, marks: marks),
                ]
                if withGoal { row.append(Cell(DurationFormat.percent(metric.goal))) }
                row += [Cell(String(metric.breached)), Cell(String(metric.openOverdue))]
                if !compact { row += [Cell(String(metric.pending)), Cell(String(metric.measured))] }
                row.append(.duration(metric.calendar.p50))
                if !compact { row += [.duration(metric.calendar.p90), .duration(metric.business?.p50)] }
                rows.append(row)
            }
        }
        return Table(columns: columns, rows: rows)
    }

    /// `72.5% ❌`, `91.0% ✅`, `80.0%`, `—`: like the first-reply cell; the bad mark below the metric's goal,
    /// the good mark at or above it.
    static func attainmentCell(_ metric: StatusMetricSummary, marks: Marks) -> Cell {
        guard let attainment = metric.attainment else { return Cell(DurationFormat.none, title: "nothing judged") }
        var text = DurationFormat.percentOneDecimal(attainment)
        var status: Cell.Status? = nil
        if metric.failsGate {
            text += " " + marks.bad
            status = .bad
        } else if metric.goal != nil {
            text += " " + marks.good
            status = .good
        }
        let noun = metric.metric.judgedNoun
        let title =
            "\(DurationFormat.percent(attainment)): \(metric.achieved) of \(metric.judged) judged \(noun)s in time"
        return Cell(text, status: status, title: title)
    }

    /// The note under the table: what each metric measures, and what the columns count.
    var statusMetricsNote: String {
        "Requester wait: time in new, open and on-hold until solved (paused while pending); agent work: time in "
            + "new and open (paused while pending or on hold); both judged per ticket against the target of its "
            + "priority when the measure ends. Periodic update: each interval between public agent replies while "
            + "unsolved, judged like a next reply. Judged: the achieved and the breached; times: solved tickets and "
            + "ended intervals, in calendar time (Bus.: on the clock of the channel's target)."
    }

    /// The requester-wait, agent-work and periodic-update breaches: a section per metric and channel (metric
    /// order, then report order), furthest over first, capped at ``ReportModel/breachListCap`` rows.
    var metricBreachSections: [Section] {
        var groups: [(metric: SLAMetric, channel: String, indices: [Int])] = []
        for (index, breach) in model.metricBreaches.enumerated() {
            if let last = groups.last, last.metric == breach.metric, last.channel == breach.channel {
                groups[groups.count - 1].indices.append(index)
            } else {
                groups.append((breach.metric, breach.channel, [index]))
            }
        }
        let clockColumns = [
            Column("Ticket"), Column("Created", nowrap: true), Column("Target", nowrap: true),
            Column("Total", numeric: true), Column("Over by", numeric: true), Column("Went over", nowrap: true),
            Column("Solved"), Column("Assignee"),
        ]
        let updateColumns = [
            Column("Ticket"), Column("Target", nowrap: true), Column("Last update", nowrap: true),
            Column("Update due", nowrap: true), Column("Late by", numeric: true), Column("Next update"),
            Column("Assignee"),
        ]
        return groups.map { group in
            let rows = group.indices.prefix(ReportModel.breachListCap).map { index -> [Cell] in
                let b = model.metricBreaches[index]
                let ticket = Cell(b.ticket, link: b.url.flatMap(Escape.safeURL))
                let assignee = Cell(b.assignee ?? DurationFormat.none)
                if b.metric == .periodicUpdate {
                    return [
                        ticket, Cell(b.target), Cell(DurationFormat.instant(b.intervalStarted)),
                        Cell(DurationFormat.instant(b.breachedAt)), .duration(b.overBySeconds),
                        Cell(b.openOverdue ? "none yet" : "late"), assignee,
                    ]
                }
                return [
                    ticket, Cell(DurationFormat.instant(b.created)), Cell(b.target), .duration(b.seconds),
                    .duration(b.overBySeconds), Cell(DurationFormat.instant(b.breachedAt)),
                    Cell(b.openOverdue ? "not yet" : "yes"), assignee,
                ]
            }
            let table = Table(
                columns: group.metric == .periodicUpdate ? updateColumns : clockColumns, rows: rows,
                omitted: group.indices.count - rows.count)
            let title = group.metric.label.prefix(1).uppercased() + group.metric.label.dropFirst()
            return Section(title: "\(title): \(name(of: group.channel))", count: group.indices.count, table: table)
        }
    }

    /// "How these numbers are computed" for this report: the definitions of the status-clock metrics join the
    /// list only when some channel sets such a target.
    var definitionsShown: [(term: String, text: String)] {
        guard hasStatusMetrics else { return ReportTables.definitions }
        var list = ReportTables.definitions
        let at = list.firstIndex { $0.term == "Resolution" } ?? list.endIndex
        list.insert(contentsOf: ReportTables.statusMetricDefinitions, at: at)
        return list
    }

    /// SPEC §4's requester wait, agent work and periodic update in a few lines each.
    static let statusMetricDefinitions: [(term: String, text: String)] = [
        (
            "Requester wait",
            "The time a ticket spends new, open or on hold (it pauses while pending), from creation until it is solved or closed, running again after a reopen: up to the last solve, or up to the as-of instant while unsolved, on the clock of the target for the priority in force when the measure ends. Achieved: solved within the target; breached: solved over it, or unsolved and already over it (then also open overdue); pending: unsolved and not over yet."
        ),
        (
            "Agent work",
            "Like requester wait, but the clock runs only while the ticket is new or open: it pauses while pending or on hold."
        ),
        (
            "Periodic update",
            "After the first reply, each interval between consecutive public agent replies while the ticket is unsolved, ended by the next reply or by the solve; judged like a next reply against the target (open overdue: no update yet and past the deadline at the as-of instant)."
        ),
    ]
}
