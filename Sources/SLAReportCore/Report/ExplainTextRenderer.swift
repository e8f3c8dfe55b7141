/// `slareport explain`'s plain text: one ticket's story for a terminal (``TicketExplanation``).
///
/// Sections: the headline (ticket, channel, creation, whether the report holds it, the outcome in one
/// sentence); who (each actor's role and why); the events in time order (UTC) with what each counted as;
/// the policy and the target and why; each clock (started, stopped, target, deadline and how it comes out of
/// the target, the days of its business clock in the schedule's zone, elapsed time, outcome and by how
/// much), next replies briefly; resolution; the report's CSV row and its flags. Every string from the
/// inputs or the policy goes through ``Escape/terminal(_:)``, and the whole text through
/// ``Escape/terminalLines(_:)``: nothing can move the cursor or reorder what is shown.
public enum ExplainTextRenderer {
    /// A clock lists at most this many days in full; a longer list keeps its first and last days and every
    /// day something happened on, and sums up the rest.
    static let fullDayList = 31
    /// Lines of prose are wrapped at this width, continued under their text.
    static let width = 120

    public static func render(_ x: TicketExplanation) -> String {
        var out: [String] = []
        headline(x, into: &out)
        who(x, into: &out)
        events(x, into: &out)
        target(x, into: &out)
        for clock in x.clocks { story(clock, into: &out) }
        closing(x, into: &out)
        let lines = out.map { line -> Substring in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return line[..<end]
        }
        return Escape.terminalLines(lines.joined(separator: "\n") + "\n")
    }

    private static func e(_ text: String) -> String { Escape.terminal(text) }

    /// `text` after `lead`, wrapped at spaces to ``width`` columns, continuation lines indented to `hanging`
    /// columns (the lead's width when nil). A word longer than a line stays whole.
    static func wrap(_ lead: String, _ text: String, hanging: Int? = nil) -> [String] {
        let indent = String(repeating: " ", count: hanging ?? lead.count)
        var lines: [String] = []
        var line = lead
        var fresh = true
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !fresh, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + word
            } else {
                line += (fresh ? "" : " ") + word
            }
            fresh = false
        }
        lines.append(line)
        return lines
    }

    // MARK: Sections

    private static func headline(_ x: TicketExplanation, into out: inout [String]) {
        let channel =
            x.channel.name.flatMap { $0 == x.channel.key ? nil : "\(e(x.channel.key)) (\(e($0)))" } ?? e(x.channel.key)
        out.append("Ticket \(e(x.ticket)): \(channel), from \(x.source.name), created \(ExplainFormat.utc(x.created))")
        out.append("  record    \(e(x.createdRecord.description))")
        if let subject = x.subject { out.append("  subject   \(e(subject))") }
        if let url = x.url { out.append("  link      \(e(url))") }
        let asOf =
            "as of \(ExplainFormat.utc(x.window.asOf))"
            + (x.window.asOfSource.map { " (newest record: \(e($0)))" } ?? "")
        out += wrap("  window    ", "\(e(x.window.text)), \(asOf)")
        if let outside = x.window.outside {
            out += wrap(
                "  report    ", e(outside) + (x.clocks.isEmpty ? "" : "; measured below as the report would measure it")
            )
        } else {
            out.append("  report    in the report")
        }
        // The first reply, then each clock a ticket has one of (requester wait, agent work).
        for clock in x.clocks where clock.metric == .firstReply || clock.number == nil {
            out += wrap("  outcome   ", summary(clock))
        }
        out.append("")
    }

    private static func who(_ x: TicketExplanation, into out: inout [String]) {
        out.append("Who")
        let width = min(28, x.people.map { e($0.actor).count }.max() ?? 0)
        for p in x.people {
            let named = p.name == p.actor ? "" : " (\(e(p.name)))"
            out += wrap(
                "  \(pad(e(p.actor), width))  ", "\(p.role)\(named): " + p.reasons.map(e).joined(separator: "; "))
        }
        out.append("")
    }

    private static func events(_ x: TicketExplanation, into out: inout [String]) {
        out.append("Events (UTC)")
        let kinds = x.events.map(\.kind.count).max() ?? 0
        let actors = min(28, x.events.map { e($0.actor ?? "—").count }.max() ?? 0)
        for ev in x.events {
            // Values are in the meaning (assignee, status, priority, skip reason); the subject is in the headline.
            var detail: [String] = []
            if let via = ev.via { detail.append("via \(e(via))") }
            let extra = detail.isEmpty ? "" : "  [" + detail.joined(separator: ", ") + "]"
            let lead =
                "  \(ExplainFormat.utc(ev.at).dropLast(4))  \(pad(ev.kind, kinds))  \(pad(e(ev.actor ?? "—"), actors))  "
            out += wrap(lead, "\(e(ev.meaning))\(extra)", hanging: min(lead.count, 64))
        }
        out.append("")
    }

    private static func target(_ x: TicketExplanation, into out: inout [String]) {
        out.append("Policy and target")
        let version = x.policy.version.map { ", version effective from \(e($0))" } ?? ""
        out.append("  policy    \(e(x.policy.name)) (\(e(x.policy.source)))\(version)")
        switch x.channel.chosenBy {
        case .record(let location)?:
            out.append("  channel   \(e(x.channel.key)), named on the record \(e(location.description))")
        case .routing(let index, let builtIn, let rule, let facts)?:
            let which = builtIn ? "built-in routing rule \(index + 1)" : "the policy's routing[\(index)]"
            out.append("  channel   \(e(x.channel.key)), by \(which): \(e(rule)) (the record: \(e(facts)))")
        case nil:
            out.append("  channel   \(e(x.channel.key))")
        }
        let t = x.target
        var target = t.firstReply.map { "first reply \($0)" } ?? "no first-reply target"
        if t.byPriority, let own = t.channelFirstReply {
            target += " (by_priority \(e(t.priority ?? "")); the channel's own: \(own))"
        }
        if let next = t.nextReply { target += ", next reply \(next)" }
        if let notBefore = t.notBefore { target += ", not before \(notBefore)" }
        out.append("  target    \(target)")
        for reason in t.reasons { out += wrap("            - ", e(reason)) }
        if let s = t.schedule {
            var text =
                "\(e(s.name)), \(e(s.timezone)): "
                + (s.hours.isEmpty ? "no weekly hours" : s.hours.map(e).joined(separator: "; "))
            text += s.holidays.isEmpty ? "; no holidays" : "; holidays " + s.holidays.map(e).joined(separator: ", ")
            if !s.dates.isEmpty { text += "; dates " + s.dates.map(e).joined(separator: "; ") }
            out += wrap("  schedule  ", text)
        }
        out.append("")
    }

    private static func story(_ c: ClockStory, into out: inout [String]) {
        let zone = c.timezone.flatMap { ZoneClock(identifier: $0) } ?? .utc
        func at(_ instant: Instant) -> String { ExplainFormat.local(instant, in: zone) }
        let brief = c.number != nil
        out.append(title(c))
        out.append("  started   \(at(c.started))  \(e(c.startedBy))")
        out.append("  stopped   " + (c.stopped.map { "\(at($0))  \(e(c.stoppedBy ?? ""))" } ?? "not yet at the as-of"))
        if let target = c.target {
            let clock =
                c.clock == .calendar
                ? "calendar time"
                : "the \(clockName(c.clock)) clock of schedule \(e(c.schedule ?? "default")) (\(zone.identifier))"
            out.append("  target    \(target), on \(clock)")
        } else {
            out.append("  target    none")
        }
        if let deadline = c.deadline {
            // A clock that pauses reaches its limit at an instant; the others have a deadline.
            let label = pauses(c) ? "  limit at  " : "  deadline  "
            out += wrap(label, "\(at(deadline))" + (c.deadlineRule.map { ": \(e($0))" } ?? ""))
        }
        if let notBefore = c.notBefore { out.append("  not before \(at(notBefore))") }
        if !c.days.isEmpty {
            if brief {
                let shown = c.days.filter { $0.counted > 0 }.map {
                    "\($0.day.weekdayName) \($0.day.date.dropFirst(5)) \(ExplainFormat.duration($0.counted, on: c.clock))"
                }
                out.append("  days      " + shown.joined(separator: ", "))
            } else {
                out.append("  day by day (\(zone.identifier); counted: time on the clock before the stop)")
                for line in dayTable(c) { out.append("    " + line) }
            }
            if c.daysLeftOut > 0 { out.append("    … \(c.daysLeftOut) more days not listed") }
        }
        var elapsed =
            c.calendarSeconds.map { "\(ExplainFormat.duration($0)) (\($0) s)" } ?? "still running at the as-of"
        if let clock = c.clockSeconds {
            elapsed += "; \(ExplainFormat.duration(clock, on: c.clock)) (\(clock) s) on the clock"
        }
        out.append("  elapsed   \(elapsed)")
        out += wrap("  outcome   ", outcome(c))
        for note in c.notes { out += wrap("  note      ", e(note)) }
        out.append("")
    }

    private static func closing(_ x: TicketExplanation, into out: inout [String]) {
        let r = x.resolution
        var resolution: [String] = []
        if let first = r.firstSolvedSeconds { resolution.append("first solved after \(ExplainFormat.duration(first))") }
        if let full = r.fullSolvedSeconds, full != r.firstSolvedSeconds {
            resolution.append("last solved after \(ExplainFormat.duration(full))")
        }
        resolution.append(r.reopens == 1 ? "reopened once" : "reopened \(r.reopens) times")
        resolution.append("status at the as-of: \(e(r.status ?? "new"))")
        out += wrap("Resolution: ", resolution.joined(separator: "; "), hanging: 2)
        if x.findings.isEmpty {
            out.append("Channel rules: nothing found")
        } else {
            out.append("Channel rules:")
            for finding in x.findings { out += wrap("  - ", e(finding)) }
        }
        if let leftOut = x.leftOut { out += wrap("Left out: ", e(leftOut), hanging: 2) }
        for note in x.notes { out += wrap("Note: ", e(note), hanging: 2) }
        if let row = x.row {
            out.append("Report row (the per-ticket CSV of the same run):")
            out.append("  " + CSVRenderer.columns.joined(separator: ","))
            var sink = ByteSink()
            CSVRenderer.appendRow(row, to: &sink)
            out.append("  " + e(String(sink.string.dropLast())))
            out += wrap(
                "Flags: ",
                x.flags.isEmpty ? "none" : x.flags.map { "\(e($0.flag)) (\(e($0.meaning)))" }.joined(separator: "; "),
                hanging: 2)
        } else {
            out.append("Report row: none (not in the report)")
        }
    }

    // MARK: Pieces

    private static func title(_ c: ClockStory) -> String {
        switch c.metric {
        case .firstReply: "First reply"
        case .nextReply: "Next reply \(c.number ?? 1)"
        case .requesterWait: "Requester wait"
        case .agentWork: "Agent work"
        case .periodicUpdate: "Periodic update \(c.number ?? 1)"
        }
    }

    private static func clockName(_ clock: Clock) -> String {
        switch clock {
        case .calendar: "calendar"
        case .businessHours: "business-hours"
        case .businessDays: "business-days"
        }
    }

    /// The outcome in one sentence: `breached, 1h 12m late (3h 40m calendar)`.
    static func outcome(_ c: ClockStory) -> String {
        guard let outcome = c.outcome else { return "not judged (no target)" }
        var text = outcome.rawValue + (c.openOverdue ? " (open overdue)" : "")
        if let margin = c.margin {
            let calendar = margin.calendarSeconds.map { ExplainFormat.duration($0) }
            let amount: String
            if let clock = margin.clockSeconds {
                amount =
                    "\(ExplainFormat.duration(clock, on: c.clock)) on the clock"
                    + (calendar.map { " (\($0) calendar)" } ?? "")
            } else {
                amount = calendar ?? "0s"
            }
            switch margin.kind {
            case .lateBy: text += ", \(amount) late"
            case .toSpare: text += ", \(amount) to spare"
            case .earlyBy: text += ", \(amount) too early"
            case .overdueBy: text += ", overdue by \(amount) at the as-of"
            case .remaining: text += ", \(amount) left at the as-of"
            }
        }
        return text
    }

    /// Requester wait and agent work pause in some statuses: their time is a total, not a span.
    static func pauses(_ c: ClockStory) -> Bool { c.metric == .requesterWait || c.metric == .agentWork }

    /// The headline's one sentence about a clock.
    static func summary(_ c: ClockStory) -> String {
        if pauses(c) {
            let total =
                c.clockSeconds.map { "\(ExplainFormat.duration($0, on: c.clock)) on the clock" }
                ?? c.calendarSeconds.map { ExplainFormat.duration($0) } ?? "0s"
            return "\(title(c).lowercased()) \(total): " + outcome(c)
        }
        let what = c.metric == .firstReply ? "first reply" : title(c).lowercased()
        let when =
            c.calendarSeconds.map { " after \(ExplainFormat.duration($0))" }
            ?? (c.stopped == nil ? " not yet given" : "")
        return "\(what)\(when): " + outcome(c)
    }

    /// The day-by-day table: a header, one row per day (a long list keeps its first and last three days and
    /// every day something happened on, and sums up the others), columns as wide as their widest cell.
    static func dayTable(_ c: ClockStory) -> [String] {
        var keep = [Bool](repeating: true, count: c.days.count)
        if c.days.count > fullDayList {
            for (i, d) in c.days.enumerated() {
                keep[i] = i < 3 || i >= c.days.count - 3 || !d.marks.isEmpty || !d.day.offsetChanges.isEmpty
            }
        }
        enum Row {
            case day([String])
            case summary(String)
        }
        var rows: [Row] = []
        var skipped: [ClockStory.StoryDay] = []
        func flush() {
            guard let first = skipped.first, let last = skipped.last else { return }
            let counted = skipped.reduce(Int64(0)) { $0 + $1.counted }
            rows.append(
                .summary(
                    "… \(skipped.count) days, \(first.day.date) to \(last.day.date): "
                        + "\(ExplainFormat.duration(counted, on: c.clock)) counted"))
            skipped.removeAll()
        }
        for (i, d) in c.days.enumerated() {
            guard keep[i] else {
                skipped.append(d)
                continue
            }
            flush()
            rows.append(.day(dayCells(d, clock: c.clock)))
        }
        flush()
        let header = ["date", "day", "hours", "counted", "total", "what happened"]
        var widths = header.map(\.count)
        for case .day(let cells) in rows {
            for (i, cell) in cells.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : pad(cell, widths[i]) }
                .joined(separator: "  ")
        }
        return [line(header)]
            + rows.map {
                switch $0 {
                case .day(let cells): line(cells)
                case .summary(let text): text
                }
            }
    }

    /// One day's cells: date, kind, on-clock hours, counted, running total, what happened.
    private static func dayCells(_ d: ClockStory.StoryDay, clock: Clock) -> [String] {
        let day = d.day
        let kind: String
        switch day.kind {
        case .working: kind = "working"
        case .noHours: kind = "no hours"
        case .holiday: kind = "holiday"
        case .dated: kind = "own hours"
        case .datedClosed: kind = "closed"
        }
        var hours: String
        if clock == .businessDays {
            hours = day.workingDay ? "whole day" : "clock stopped"
        } else {
            hours = day.stretches.map { s in
                "\(ExplainFormat.wall(s.start))–\(ExplainFormat.wall(s.end))" + (s.fromDayBefore ? " (night span)" : "")
            }.joined(separator: ", ")
            if hours.isEmpty { hours = "clock stopped" }
        }
        var notes = d.marks.map { "\($0.what) \(ExplainFormat.wall($0.wallSeconds))" }
        for change in day.offsetChanges {
            let length = day.length % 3600 == 0 ? "\(day.length / 3600)-hour" : ExplainFormat.duration(day.length)
            notes.append(
                "DST: UTC\(ExplainFormat.offset(change.from)) → UTC\(ExplainFormat.offset(change.to)), a \(length) day")
        }
        return [
            "\(day.weekdayName) \(day.date)", kind, hours, ExplainFormat.duration(d.counted, on: clock),
            ExplainFormat.duration(d.total, on: clock), notes.joined(separator: ", "),
        ]
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
