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

        init(_ text: String, link: String? = nil, status: Status? = nil) {
            self.text = text
            self.link = link
            self.status = status
        }
    }

    /// A column heading, whether its values are numbers (right-aligned, never wrapped), and whether its
    /// values should not wrap in HTML.
    struct Column: Equatable {
        var title: String
        var numeric: Bool
        var nowrap: Bool

        init(_ title: String, numeric: Bool = false, nowrap: Bool = false) {
            self.title = title
            self.numeric = numeric
            self.nowrap = nowrap || numeric
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

    /// The per-channel summary table.
    func summary(marks: Marks) -> Table {
        let columns = [
            Column("Channel"), Column("Tickets", numeric: true), Column("Replied", numeric: true),
            Column("Attainment", nowrap: true), Column("Breached", numeric: true),
            Column("Open overdue", numeric: true),
            Column("Pending", numeric: true), Column("Early", numeric: true), Column("p50 FRT", numeric: true),
            Column("p90 FRT", numeric: true), Column("Target"), Column("Trend", nowrap: true),
        ]
        let rows = model.channels.map { channel -> [Cell] in
            let reply = channel.firstReply
            return [
                Cell(channel.name), Cell(String(channel.tickets)), Cell(String(reply.replied)),
                ReportTables.attainmentCell(reply: reply, failsGate: channel.failsGate, marks: marks),
                Cell(DurationFormat.count(reply.breached)), Cell(DurationFormat.count(reply.openOverdue)),
                Cell(DurationFormat.count(reply.pending)), Cell(DurationFormat.count(reply.early)),
                Cell(DurationFormat.human(reply.calendar.p50)), Cell(DurationFormat.human(reply.calendar.p90)),
                Cell(reply.target ?? "none"),
                Cell(DurationFormat.trend(current: reply.attainment, previous: channel.previous?.attainment)),
            ]
        }
        return Table(columns: columns, rows: rows)
    }

    /// `89.29% ❌ (goal 90%)`, `95% ✅ (goal 90%)`, `97.5%`, `—`; the bad mark whenever the channel fails its
    /// gate, the good mark when it has a goal and meets it.
    static func attainmentCell(reply: ReplySummary, failsGate: Bool, marks: Marks) -> Cell {
        guard reply.target != nil else { return Cell(DurationFormat.none) }
        var text = DurationFormat.percent(reply.attainment)
        var status: Cell.Status? = nil
        if failsGate {
            text += " " + marks.bad
            status = .bad
        } else if reply.goal != nil && reply.attainment != nil {
            text += " " + marks.good
            status = .good
        }
        if let goal = reply.goal { text += " (goal \(DurationFormat.percent(goal)))" }
        return Cell(text, status: status)
    }

    // MARK: Channel rules

    /// One line per rule check: label and number of findings, in SPEC order.
    var ruleCounts: [(label: String, count: Int)] {
        let r = model.rules
        return [
            ("Recorded skips", r.skips.count), ("Passed-over takes", r.passedOver.count),
            ("Cross-assignments", r.crossAssignments.count), ("Replies from the wrong handle", r.wrongHandle.count),
            ("Replies from outside Zendesk", r.outsideZendesk.count),
            ("Duplicate responses", r.duplicateResponses.count),
            ("Disqus reply tickets to solve", r.disqusReplyTicketsUnsolved.count),
            ("Early replies", r.earlyReplies.count),
        ]
    }

    /// A table per non-empty rule, capped at ``ReportModel/findingListCap`` rows.
    var ruleSections: [Section] {
        let r = model.rules
        var sections: [Section] = []
        func add<T>(_ title: String, _ items: [T], _ columns: [Column], _ row: (T) -> [Cell]) {
            guard !items.isEmpty else { return }
            let shown = items.prefix(ReportModel.findingListCap).map(row)
            let table = Table(columns: columns, rows: shown, omitted: items.count - shown.count)
            sections.append(Section(title: title, count: items.count, table: table))
        }
        let at = DurationFormat.instant
        add(
            "Recorded skips", r.skips,
            [Column("Ticket"), Column("Channel"), Column("Agent"), Column("At", nowrap: true), Column("Reason")]
        ) {
            [Cell($0.ticket), Cell($0.channel), Cell($0.agent), Cell(at($0.at)), Cell($0.reason)]
        }
        add(
            "Passed-over takes", r.passedOver,
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
            "Cross-assignments", r.crossAssignments,
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
        add("Replies from the wrong handle", r.wrongHandle, replyColumns, replyRow)
        add("Replies from outside Zendesk", r.outsideZendesk, replyColumns, replyRow)
        add(
            "Duplicate responses", r.duplicateResponses,
            [
                Column("Ticket"), Column("Channel"), Column("First agent"), Column("Second agent"),
                Column("First at", nowrap: true), Column("Gap", numeric: true),
            ]
        ) {
            [
                Cell($0.ticket), Cell($0.channel), Cell($0.firstAgent), Cell($0.secondAgent), Cell(at($0.firstAt)),
                Cell(DurationFormat.human($0.secondAt.seconds - $0.firstAt.seconds)),
            ]
        }
        add(
            "Disqus reply tickets to solve", r.disqusReplyTicketsUnsolved,
            [Column("Ticket"), Column("Channel"), Column("Created", nowrap: true), Column("Requester")]
        ) {
            [
                Cell($0.ticket, link: $0.url.flatMap(Escape.safeURL)), Cell($0.channel), Cell(at($0.created)),
                Cell($0.requester),
            ]
        }
        add(
            "Early replies", r.earlyReplies,
            [
                Column("Ticket"), Column("Channel"), Column("Agent"), Column("Created", nowrap: true),
                Column("FRT", numeric: true),
            ]
        ) {
            [
                Cell($0.ticket), Cell($0.channel), Cell($0.agent), Cell(at($0.created)),
                Cell(DurationFormat.human($0.frtSeconds)),
            ]
        }
        return sections
    }

    // MARK: Next reply and resolution

    /// Next-reply outcomes and resolution times per channel.
    var nextReplyAndResolution: Table {
        let columns = [
            Column("Channel"), Column("Next-reply target"), Column("Next replies", numeric: true),
            Column("Attainment"), Column("Breached", numeric: true), Column("p50 next reply", numeric: true),
            Column("Solved", numeric: true), Column("Reopens", numeric: true),
            Column("p50 first resolution", numeric: true), Column("p90 first resolution", numeric: true),
            Column("p50 full resolution", numeric: true),
        ]
        let rows = model.channels.map { channel -> [Cell] in
            let next = channel.nextReply
            let resolution = channel.resolution
            return [
                Cell(channel.name), Cell(next?.target ?? "none"), Cell(DurationFormat.count(next?.replied)),
                Cell(next?.target == nil ? DurationFormat.none : DurationFormat.percent(next?.attainment)),
                Cell(DurationFormat.count(next?.breached)), Cell(DurationFormat.human(next?.calendar.p50)),
                Cell(String(resolution.solved)), Cell(String(resolution.reopens)),
                Cell(DurationFormat.human(resolution.firstCalendar.p50)),
                Cell(DurationFormat.human(resolution.firstCalendar.p90)),
                Cell(DurationFormat.human(resolution.fullCalendar.p50)),
            ]
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
                    Cell(DurationFormat.human(b.lateBySeconds)), Cell(b.assignee ?? DurationFormat.none),
                ]
            }
            let table = Table(columns: columns, rows: rows, omitted: indices.count - rows.count)
            sections.append(Section(title: name(of: key), count: indices.count, table: table))
        }
        return sections
    }

    // MARK: Agents

    /// One row per agent, in the model's order (by name).
    var agents: Table {
        let columns = [
            Column("Agent"), Column("Replies", numeric: true), Column("First replies", numeric: true),
            Column("p50 FRT", numeric: true), Column("Breached assigned", numeric: true),
            Column("Skips", numeric: true), Column("Passed-over takes", numeric: true),
            Column("Cross-assignments", numeric: true),
        ]
        let rows = model.agents.map { a -> [Cell] in
            [
                Cell(a.agent), Cell(String(a.replies)), Cell(String(a.firstReplies)),
                Cell(DurationFormat.human(a.frtP50Seconds)), Cell(String(a.breachedAssigned)),
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

    /// Files skipped because their format was not recognised.
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
            "First reply",
            "The earliest public reply by an agent. System actors never reply; when an agent opened the ticket, their message at the creation instant is not a reply."
        ),
        (
            "First reply time (FRT)",
            "First reply minus creation, in calendar time. Business FRT counts only the working time of the channel's schedule (business hours or whole business days)."
        ),
        ("Deadline", "Creation plus the target, on the target's clock (calendar, business hours or business days)."),
        (
            "Outcome",
            "Achieved: replied by the deadline (and not before the earliest allowed time). Early: replied before that. Breached: replied after the deadline, or no reply and the deadline has passed at the as-of instant (then also open overdue). Pending: no reply and the deadline is still ahead."
        ),
        (
            "Attainment",
            "Achieved ÷ (achieved + breached + early), in percent to two decimals; pending tickets do not count yet. Shown against the channel's goal when it has one."
        ),
        (
            "Percentiles",
            "Nearest rank: pN is the value at rank ⌈N/100 × n⌉ of the n sorted values; p50 is the median. The mean is rounded to the second."
        ),
        (
            "Next reply",
            "After the first reply, the oldest unanswered customer comment starts a clock that the next agent reply stops; judged against the next-reply target."
        ),
        (
            "Resolution",
            "First resolution: first solved or closed status minus creation; full resolution: the last one. A reopen is a change from solved back to another status."
        ),
        ("Trend", "The change in attainment, in percentage points, against the window of the same length just before."),
        (
            "Channel rules",
            "For channels in a Play-mode view: recorded skips; passed-over takes (an agent took a ticket while older unassigned, unanswered tickets of the view waited); cross-assignments (a person assigned a ticket to somebody else); replies from another handle than the main one or from a client outside Zendesk; duplicate responses (two agents replied within 10 minutes with no customer comment between); Disqus tickets made by our own replies that are still unsolved; replies sooner than the channel allows (early)."
        ),
        (
            "Data quality",
            "Every record read is used, a duplicate, out of the window, or rejected with a reason: read = used + duplicates + out of window + rejected."
        ),
    ]
}
