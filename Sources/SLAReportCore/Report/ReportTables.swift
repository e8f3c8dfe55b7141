/// The human reports' content, independent of the markup: the Markdown and HTML renderers lay out the same
/// sections from these tables, each escaping the plain-text cells through its own choke point.
///
/// Cells hold raw (unescaped) text; links are only ever URLs accepted by ``Escape/safeURL(_:)``.
struct ReportTables {
    /// One table cell: plain text, an optional safe link, and a status for colouring.
    struct Cell: Equatable {
        enum Status: Equatable { case good, bad }

        var text: String
        /// An `http(s)` URL (already checked by ``Escape/safeURL(_:)``).
        var link: String? = nil
        var status: Status? = nil
        /// The exact value behind a rounded one (`49620 seconds`, `88.68%`), shown as a tooltip in HTML.
        var title: String? = nil

        init(_ text: String, link: String? = nil, status: Status? = nil, title: String? = nil) {
            self.text = text
            self.link = link
            self.status = status
            self.title = title
        }

        /// A human duration with its exact seconds as the tooltip.
        static func duration(_ seconds: Int64?) -> Cell {
            Cell(DurationFormat.human(seconds), title: seconds.map { DurationFormat.exactSeconds($0) })
        }
    }

    /// A column heading, whether its values are numbers (right-aligned, never wrapped), and whether its
    /// values should not wrap in HTML.
    struct Column: Equatable {
        var title: String
        var numeric: Bool
        var nowrap: Bool
        /// Hidden on phone-sized screens in HTML (the summary keeps channel, judged, attainment and p50).
        var optional: Bool

        init(_ title: String, numeric: Bool = false, nowrap: Bool = false, optional: Bool = false) {
            self.title = title
            self.numeric = numeric
            self.nowrap = nowrap || numeric
            self.optional = optional
        }
    }

    /// The marks of the attainment cells: met goal, failed gate.
    struct Marks: Equatable {
        var good: String
        var bad: String

        /// Emoji, for Markdown (GitHub and GitLab show them in colour).
        static let emoji = Marks(good: "✅", bad: "❌")
        /// Text symbols, for HTML (present in every text font; the cell is coloured too).
        static let text = Marks(good: "✓", bad: "✗")
    }

    /// A table: rows shown, an optional totals row, and how many rows were left out by the cap.
    struct Table: Equatable {
        var columns: [Column]
        var rows: [[Cell]]
        var totals: [Cell]? = nil
        var omitted = 0

        /// Whether any cell carries the given status (the legend of the marks is printed only then).
        func contains(_ status: Cell.Status) -> Bool {
            rows.contains { $0.contains { $0.status == status } }
        }
    }

    /// A titled table (a rule's findings, a channel's breaches).
    struct Section: Equatable {
        var title: String
        var count: Int
        var table: Table
    }

    let model: ReportModel
    /// Channel key → display name.
    private let names: [String: String]

    init(_ model: ReportModel) {
        self.model = model
        var names: [String: String] = [:]
        for channel in model.channels where names[channel.key] == nil { names[channel.key] = channel.name }
        self.names = names
    }

    func name(of key: String) -> String { names[key] ?? key }

    // MARK: Header

    /// `2016-11-14 00:00 UTC – 2016-11-21 00:00 UTC`, `since …`, `until …` or `all data`.
    var windowText: String { model.window.text }

    /// `GitLab Support (late 2016) (built-in)`, plus `; versions from 2017-01-01, 2018-01-01`.
    var policyText: String {
        var text = "\(model.policy.name) (\(model.policy.source))"
        if !model.policy.versions.isEmpty {
            text += "; versions from " + model.policy.versions.joined(separator: ", ")
        }
        return text
    }

    // MARK: Summary

    /// The per-channel summary table of the HTML report: every figure, with the columns beyond channel,
    /// judged, attainment and p50 marked optional (hidden on a phone). The goal column appears when some
    /// channel is gated (its own goal, or `--fail-under`).
    func summary(marks: Marks) -> Table {
        let gated = model.channels.contains { $0.gate != nil }
        var columns = [
            Column("Channel"), Column("Tickets", numeric: true, optional: true), Column("Judged", numeric: true),
            Column("Attainment", numeric: true),
        ]
        if gated { columns.append(Column("Goal", numeric: true, optional: true)) }
        columns += [
            Column("Breached", numeric: true, optional: true), Column("Open overdue", numeric: true, optional: true),
            Column("Pending", numeric: true, optional: true), Column("Early", numeric: true, optional: true),
            Column("p50 FRT", numeric: true), Column("p90 FRT", numeric: true, optional: true),
            Column("Mean FRT", numeric: true, optional: true), Column("Target", nowrap: true, optional: true),
            Column("Trend", numeric: true, optional: true),
        ]
        let rows = model.channels.map { channel -> [Cell] in
            let reply = channel.firstReply
            var row = [
                Cell(channel.name), Cell(String(channel.tickets)), Cell(DurationFormat.count(reply.judged)),
                ReportTables.attainmentCell(channel, marks: marks),
            ]
            if gated { row.append(Cell(DurationFormat.percent(channel.gate))) }
            row += [
                Cell(DurationFormat.count(reply.breached)), Cell(DurationFormat.count(reply.openOverdue)),
                Cell(DurationFormat.count(reply.pending)), Cell(DurationFormat.count(reply.early)),
                .duration(reply.calendar.p50), .duration(reply.calendar.p90), .duration(reply.calendar.mean),
                Cell(reply.target ?? "none"), ReportTables.trendCell(channel),
            ]
            return row
        }
        return Table(columns: columns, rows: rows)
    }

    /// The sentences under the summary table: where figures come from the vendor, and what is left out of
    /// them.
    var summaryNotes: [String] {
        var notes: [String] = []
        for channel in model.channels where channel.vendorFigures > 0 {
            let n = channel.vendorFigures
            notes.append(
                "\(channel.name): \(n) first repl\(n == 1 ? "y is" : "ies are") Zendesk's own first reply time "
                    + "(whole minutes from the export, business minutes placed on the policy's schedule), not a "
                    + "timestamp of the ticket's history.")
        }
        for channel in model.channels where channel.leftOut > channel.leftOutWithoutReplyTime {
            let n = channel.leftOut - channel.leftOutWithoutReplyTime
            notes.append(
                "\(channel.name): \(n) of \(channel.tickets) tickets \(n == 1 ? "is a ticket" : "are tickets") made by "
                    + "our own replies (requester on the team), left out of the first-reply figures.")
        }
        for channel in model.channels where channel.leftOutWithoutReplyTime > 0 {
            let n = channel.leftOutWithoutReplyTime
            notes.append(
                "\(channel.name): \(n) of \(channel.tickets) tickets \(n == 1 ? "was" : "were") answered (by Zendesk's "
                    + "count of replies) without a reply time, left out of the first-reply figures.")
        }
        return notes
    }

    /// `2016-11-27 23:45 UTC (newest record: events.csv:5123)`.
    var asOfText: String {
        var text = DurationFormat.instant(model.window.asOf)
        if let source = model.window.asOfSource { text += " (newest record: \(source))" }
        return text
    }

    /// The Markdown summary: the columns that fit 120 terminal columns (the rest is in "First replies").
    func compactSummary(marks: Marks) -> Table {
        let gated = model.channels.contains { $0.gate != nil }
        var columns = [
            Column("Channel"), Column("Tickets", numeric: true), Column("Judged", numeric: true),
            Column("Attainment", numeric: true),
        ]
        if gated { columns.append(Column("Goal", numeric: true)) }
        columns += [
            Column("Breached", numeric: true), Column("p50 FRT", numeric: true), Column("Mean", numeric: true),
            Column("Target"), Column("Trend", numeric: true),
        ]
        let rows = model.channels.map { channel -> [Cell] in
            let reply = channel.firstReply
            var row = [
                Cell(channel.name), Cell(String(channel.tickets)), Cell(DurationFormat.count(reply.judged)),
                ReportTables.attainmentCell(channel, marks: marks),
            ]
            if gated { row.append(Cell(DurationFormat.percent(channel.gate))) }
            row += [
                Cell(DurationFormat.count(reply.breached)), .duration(reply.calendar.p50),
                .duration(reply.calendar.mean), Cell(reply.target ?? "none"), ReportTables.trendCell(channel),
            ]
            return row
        }
        return Table(columns: columns, rows: rows)
    }

    /// `88.6% ❌`, `95.0% ✅`, `97.5%`, `—`: one decimal (the exact value in the tooltip); the bad mark whenever
    /// the channel fails its gate, the good mark when it has a gate and meets it.
    static func attainmentCell(_ channel: ChannelSummary, marks: Marks) -> Cell {
        let reply = channel.firstReply
        guard reply.target != nil else { return Cell(DurationFormat.none) }
        guard let attainment = reply.attainment else { return Cell(DurationFormat.none, title: "nothing judged") }
        var text = DurationFormat.percentOneDecimal(attainment)
        var status: Cell.Status? = nil
        if channel.failsGate {
            text += " " + marks.bad
            status = .bad
        } else if channel.gate != nil {
            text += " " + marks.good
            status = .good
        }
        let title =
            "\(DurationFormat.percent(attainment)): \(reply.achieved ?? 0) of \(reply.judged ?? 0) judged in time"
        return Cell(text, status: status, title: title)
    }

    /// `▲ 2.5` (good), `▼ 3.2` (bad), `= 0.0`, `n < 10` (left out, the reason as tooltip), `—`.
    static func trendCell(_ channel: ChannelSummary) -> Cell {
        let text = DurationFormat.trend(channel.trend)
        switch channel.trend {
        case .unavailable: return Cell(text)
        case .leftOut(let reason): return Cell(text, title: "left out: " + reason)
        case .change(let hundredths):
            let previous = DurationFormat.percent(channel.previous?.attainment)
            let title = "\(DurationFormat.points(hundredths)) points against \(previous) in the previous window"
            return Cell(text, status: hundredths > 0 ? .good : (hundredths < 0 ? .bad : nil), title: title)
        }
    }

    // MARK: Channel rules

    /// One line per rule check: label and number of findings, in SPEC order.
    var ruleCounts: [(label: String, count: Int)] {
        let r = model.rules.counts
        return [
            ("Recorded skips", r.skips), ("Passed-over takes", r.passedOver),
            ("Cross-assignments", r.crossAssignments), ("Replies from the wrong handle", r.wrongHandle),
            ("Replies from outside Zendesk", r.outsideZendesk),
            ("Duplicate responses", r.duplicateResponses),
            ("Disqus reply tickets to solve", r.disqusReplyTicketsUnsolved),
            ("Early replies", r.earlyReplies),
        ]
    }

    /// A table per non-empty rule, capped at ``ReportModel/findingListCap`` rows.
    var ruleSections: [Section] {
        let r = model.rules
        let counts = r.counts
        var sections: [Section] = []
        func add<T>(_ title: String, _ items: [T], _ total: Int, _ columns: [Column], _ row: (T) -> [Cell]) {
            guard !items.isEmpty else { return }
            let shown = items.prefix(ReportModel.findingListCap).map(row)
            let count = max(total, items.count)
            let table = Table(columns: columns, rows: shown, omitted: count - shown.count)
            sections.append(Section(title: title, count: count, table: table))
        }
        let at = DurationFormat.instant
        add(
            "Recorded skips", r.skips, counts.skips,
            [Column("Ticket"), Column("Channel"), Column("Agent"), Column("At", nowrap: true), Column("Reason")]
        ) {
            [Cell($0.ticket), Cell($0.channel), Cell($0.agent), Cell(at($0.at)), Cell($0.reason)]
        }
        add(
            "Passed-over takes", r.passedOver, counts.passedOver,
            [
                Column("Ticket taken"), Column("Channel"), Column("Agent"), Column("At", nowrap: true),
                Column("Passed over", numeric: true), Column("Oldest waiting"),
            ]
        ) {
            var oldest = $0.oldest.joined(separator: ", ")
            if $0.count > $0.oldest.count { oldest += ", …" }
            return [
                Cell($0.ticket), Cell($0.channel), Cell($0.agent), Cell(at($0.at)), Cell(String($0.count)),
                Cell(oldest),
            ]
        }
        add(
            "Cross-assignments", r.crossAssignments, counts.crossAssignments,
            [Column("Ticket"), Column("Channel"), Column("By"), Column("To"), Column("At", nowrap: true)]
        ) {
            [Cell($0.ticket), Cell($0.channel), Cell($0.by), Cell($0.to), Cell(at($0.at))]
        }
        let replyColumns = [
            Column("Ticket"), Column("Channel"), Column("Agent"), Column("At", nowrap: true), Column("Sent via"),
        ]
        let replyRow = { (f: ReplyFinding) -> [Cell] in
            [Cell(f.ticket), Cell(f.channel), Cell(f.agent), Cell(at(f.at)), Cell(f.via)]
        }
        add("Replies from the wrong handle", r.wrongHandle, counts.wrongHandle, replyColumns, replyRow)
        add("Replies from outside Zendesk", r.outsideZendesk, counts.outsideZendesk, replyColumns, replyRow)
        add(
            "Duplicate responses", r.duplicateResponses, counts.duplicateResponses,
            [
                Column("Ticket"), Column("Channel"), Column("First agent"), Column("Second agent"),
                Column("First at", nowrap: true), Column("Gap", numeric: true),
            ]
        ) {
            [
                Cell($0.ticket), Cell($0.channel), Cell($0.firstAgent), Cell($0.secondAgent), Cell(at($0.firstAt)),
                .duration($0.secondAt.seconds - $0.firstAt.seconds),
            ]
        }
        add(
            "Disqus reply tickets to solve", r.disqusReplyTicketsUnsolved, counts.disqusReplyTicketsUnsolved,
            [Column("Ticket"), Column("Channel"), Column("Created", nowrap: true), Column("Requester")]
        ) {
            [
                Cell($0.ticket, link: $0.url.flatMap(Escape.safeURL)), Cell($0.channel), Cell(at($0.created)),
                Cell($0.requester),
            ]
        }
        add(
            "Early replies", r.earlyReplies, counts.earlyReplies,
            [
                Column("Ticket"), Column("Channel"), Column("Agent"), Column("Created", nowrap: true),
                Column("FRT", numeric: true),
            ]
        ) {
            [
                Cell($0.ticket), Cell($0.channel), Cell($0.agent), Cell(at($0.created)),
                .duration($0.frtSeconds),
            ]
        }
        return sections
    }

    // MARK: Next reply and resolution

    /// Next-reply outcomes and resolution times, only where there is something to show: rows for channels
    /// with a next-reply target or a solved ticket, next-reply columns only when some channel has such a target.
    var nextReplyAndResolution: Table {
        let withNext = model.channels.contains { $0.nextReply != nil }
        var columns = [Column("Channel")]
        if withNext {
            columns += [
                Column("Next-reply target"), Column("Next replies", numeric: true), Column("Attainment", numeric: true),
                Column("Breached", numeric: true), Column("p50 next reply", numeric: true),
            ]
        }
        columns += [
            Column("Solved", numeric: true), Column("Reopens", numeric: true),
            Column("p50 first resolution", numeric: true), Column("p90 first resolution", numeric: true),
            Column("p50 full resolution", numeric: true),
        ]
        let shown = model.channels.filter { $0.nextReply != nil || $0.resolution.solved > 0 }
        let rows = shown.map { channel -> [Cell] in
            let resolution = channel.resolution
            var row = [Cell(channel.name)]
            if withNext {
                let next = channel.nextReply
                row += [
                    Cell(next?.target ?? DurationFormat.none), Cell(DurationFormat.count(next?.replied)),
                    Cell(
                        next?.target == nil ? DurationFormat.none : DurationFormat.percentOneDecimal(next?.attainment),
                        title: next?.attainment.map { DurationFormat.percent($0) }),
                    Cell(DurationFormat.count(next?.breached)), .duration(next?.calendar.p50),
                ]
            }
            row += [
                Cell(String(resolution.solved)), Cell(String(resolution.reopens)),
                .duration(resolution.firstCalendar.p50), .duration(resolution.firstCalendar.p90),
                .duration(resolution.fullCalendar.p50),
            ]
            return row
        }
        return Table(columns: columns, rows: rows)
    }

    // MARK: Breaches

    /// The breach list per channel in report order, worst first as the model gives them, capped at
    /// ``ReportModel/breachListCap`` rows per channel.
    var breachSections: [Section] {
        var indexByChannel: [String: [Int]] = [:]
        var order: [String] = model.channels.map(\.key)
        for (index, breach) in model.breaches.enumerated() {
            if indexByChannel[breach.channel] == nil {
                indexByChannel[breach.channel] = []
                if names[breach.channel] == nil { order.append(breach.channel) }
            }
            indexByChannel[breach.channel]?.append(index)
        }
        let columns = [
            Column("Ticket"), Column("Created", nowrap: true), Column("Deadline", nowrap: true),
            Column("First reply", nowrap: true),
            Column("Late by", numeric: true), Column("Assignee"),
        ]
        var sections: [Section] = []
        var seen = Set<String>()
        for key in order where seen.insert(key).inserted {
            guard let indices = indexByChannel[key], !indices.isEmpty else { continue }
            let rows = indices.prefix(ReportModel.breachListCap).map { index -> [Cell] in
                let b = model.breaches[index]
                return [
                    Cell(b.ticket, link: b.url.flatMap(Escape.safeURL)), Cell(DurationFormat.instant(b.created)),
                    Cell(DurationFormat.instant(b.deadline)),
                    Cell(b.firstReply.map(DurationFormat.instant) ?? "no reply yet"),
                    .duration(b.lateBySeconds), Cell(b.assignee ?? DurationFormat.none),
                ]
            }
            let count = max(model.breachCount(channel: key), indices.count)
            let table = Table(columns: columns, rows: rows, omitted: count - rows.count)
            sections.append(Section(title: name(of: key), count: count, table: table))
        }
        return sections
    }

    // MARK: Agents

    /// One row per person on the team, in the model's order (by name).
    var agents: Table { agentTable(model.agents, title: "Agent") }

    /// One row per brand account (`@GitLab`): replies sent as the brand.
    var handles: Table { agentTable(model.handles, title: "Handle") }

    private func agentTable(_ rows: [AgentRow], title: String) -> Table {
        let columns = [
            Column(title), Column("Replies", numeric: true), Column("First replies", numeric: true),
            Column("p50 FRT", numeric: true), Column("Breached assigned", numeric: true),
            Column("Skips", numeric: true), Column("Passed-over takes", numeric: true),
            Column("Cross-assignments", numeric: true),
        ]
        let rows = rows.map { a -> [Cell] in
            [
                Cell(a.agent), Cell(String(a.replies)), Cell(String(a.firstReplies)),
                .duration(a.frtP50Seconds), Cell(String(a.breachedAssigned)),
                Cell(String(a.skips)), Cell(String(a.passedOverTakes)), Cell(String(a.crossAssignments)),
            ]
        }
        return Table(columns: columns, rows: rows)
    }

    // MARK: Data quality

    /// Per-file record buckets with a totals row.
    var dataQualityFiles: Table {
        let columns = [
            Column("File"), Column("Format"), Column("Read", numeric: true), Column("Used", numeric: true),
            Column("Duplicates", numeric: true), Column("Out of window", numeric: true),
            Column("Rejected", numeric: true),
        ]
        func counts(_ c: QualityCounts) -> [Cell] {
            [c.read, c.used, c.duplicates, c.outOfWindow, c.rejected].map { Cell(String($0)) }
        }
        let dq = model.dataQuality
        let rows = dq.files.map { [Cell($0.path), Cell($0.format)] + counts($0.counts) }
        return Table(columns: columns, rows: rows, totals: [Cell("Total"), Cell("")] + counts(dq.totals))
    }

    /// The first rejected records (`path:line`, reason), capped at ``ReportModel/findingListCap``; `omitted`
    /// counts every other rejected record (the totals count them all).
    var rejected: Table {
        let dq = model.dataQuality
        let shown = dq.rejected.prefix(ReportModel.findingListCap).map { r -> [Cell] in
            [Cell(ReportTables.location(r)), Cell(r.reason)]
        }
        return Table(
            columns: [Column("Record", nowrap: true), Column("Reason")], rows: shown,
            omitted: max(dq.totals.rejected, dq.rejected.count) - shown.count)
    }

    /// The readers' warnings that rejected nothing (`path:line`, message), capped at
    /// ``ReportModel/findingListCap``.
    var readerWarnings: Table {
        let dq = model.dataQuality
        let shown = dq.warnings.prefix(ReportModel.findingListCap).map { r -> [Cell] in
            [Cell(ReportTables.location(r)), Cell(r.reason)]
        }
        return Table(
            columns: [Column("Record", nowrap: true), Column("Warning")], rows: shown,
            omitted: max(dq.warningCount, dq.warnings.count) - shown.count)
    }

    /// Files that were not read: their format was not recognised, they could not be opened, or they are
    /// special files (a FIFO, a socket, a device) or broken links inside a directory. The reason says which.
    var unrecognised: Table {
        let rows = model.dataQuality.unrecognised.map { [Cell(ReportTables.location($0)), Cell($0.reason)] }
        return Table(columns: [Column("File"), Column("Problem")], rows: rows)
    }

    /// `path:line`, or just `path` for line 0 (the whole file).
    static func location(_ record: RejectedRecord) -> String {
        record.line > 0 ? "\(record.path):\(record.line)" : record.path
    }

    // MARK: Definitions

    /// "How these numbers are computed": SPEC §4 in a few lines each.
    static let definitions: [(term: String, text: String)] = [
        (
            "Tickets in the report",
            "Tickets created in the window, in the selected channels. A ticket is judged by the policy version in force when it was created, with the target for its priority at the first reply."
        ),
        (
            "Who is who",
            "One directory of people: the policy's agents (with their aliases), handles and system actors; the exports' own roles (Zendesk users and assignees, Discourse staff, HackerOne's program, a company's tweets); and whoever replies as an agent anywhere in the inputs. Names compare ignoring case, a leading @, spaces, dots, dashes and underscores, so one person's names in several systems are one row."
        ),
        (
            "First reply",
            "The earliest public reply by somebody on the team (an agent or a brand handle). System actors never reply. On forums, Stack Exchange, GitLab and Twitter the requester's own posts are comments; on Zendesk the definitions are Zendesk's own; HackerOne's first program activity is the program's reply. When an agent opened a Zendesk or canonical ticket, their message at the creation instant is not a reply."
        ),
        (
            "First reply time (FRT)",
            "First reply minus creation, in calendar time. A channel's business FRT counts only the working time of its default target's clock (business hours or whole business days); each ticket's row in the CSV uses the clock of its own target (8 business hours for a high-priority ticket). Where an export has only Zendesk's own first reply time, that figure is used, and the report says so."
        ),
        ("Deadline", "Creation plus the target, on the target's clock (calendar, business hours or business days)."),
        (
            "Outcome",
            "Achieved: replied by the deadline (and not before the earliest allowed time). Early: replied before that. Breached: replied after the deadline, or no reply and the deadline has passed at the as-of instant (then also open overdue). Pending: no reply and the deadline is still ahead."
        ),
        (
            "Judged",
            "Achieved + breached + early: the tickets whose first reply is decided. Pending tickets are not judged yet."
        ),
        (
            "Attainment",
            "Achieved ÷ judged. The tables show one decimal, truncated (88.68% reads 88.6%, so a channel below its goal never shows the goal's figure); the JSON report and the tooltips keep two decimals. Shown against the channel's goal, or the --fail-under threshold, when there is one."
        ),
        (
            "First-reply bands",
            "Every ticket of a channel with a target, relative to its own target: early (replied before the earliest allowed time), within target, late, unanswered and overdue, or pending (unanswered, deadline ahead)."
        ),
        (
            "At risk",
            "Pending tickets whose deadline falls within the next business day after the as-of instant, on the channel's schedule; nearest deadline first."
        ),
        (
            "Percentiles",
            "Nearest rank: pN is the value at rank ⌈N/100 × n⌉ of the n sorted values; p50 is the median. The mean is rounded to the second."
        ),
        (
            "Next reply",
            "After the first reply, the oldest unanswered customer comment starts a clock that the next agent reply stops, or the solve when it comes first (a solved ticket needs no answer); judged against the next-reply target."
        ),
        (
            "Resolution",
            "First resolution: first solved or closed status minus creation; full resolution: the last one. A reopen is a change from solved back to another status."
        ),
        (
            "Trend",
            "The change in attainment, in percentage points, against the window of the same length just before; left out (n < 10) when either window judged fewer than 10 tickets of the channel."
        ),
        (
            "Weekly history",
            "Tickets created in each ISO week (Monday to Monday, policy time zone) and their first-reply attainment; shown when the window spans more than two weeks."
        ),
        (
            "Channel rules",
            "For channels in a Play-mode view: recorded skips; passed-over takes (an agent took a ticket while older unassigned, unanswered tickets of the view waited); cross-assignments (a person assigned a ticket to somebody else); replies from another handle than the main one or from a client outside Zendesk; duplicate responses (two agents replied within 10 minutes with no customer comment between); Disqus tickets made by our own replies that are still unsolved; replies sooner than the channel allows (early)."
        ),
        (
            "Data quality",
            "A record is what a person would count: a CSV row, a tweet, a forum post, a Stack Exchange question, answer or comment, a GitLab issue or note, a Zendesk ticket, audit, skip, metric or user. Every record read is used, a duplicate, out of the window, or rejected with a reason: read = used + duplicates + out of window + rejected."
        ),
    ]
}
