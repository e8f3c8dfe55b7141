/// Writes the Markdown report (GitHub/GitLab-flavoured, readable in a terminal; SPEC §5).
///
/// Sections: title (window, as-of and the record that set it, policy and versions); warnings; the story (a
/// paragraph in plain words); the summary table per channel, within ``MarkdownRenderer/summaryWidth`` terminal
/// columns, with its notes (Zendesk's own figures, tickets left out); first replies (the bands relative to
/// target and the time percentiles: the text of the HTML charts); attainment per priority; tickets at risk; the
/// weekly history and the volume per day or week; channel rules (a count per rule, then each non-empty rule's
/// findings capped at ``ReportModel/findingListCap``); next reply and resolution where there is a target or
/// data; first-reply breaches per channel (capped at ``ReportModel/breachListCap``); agents and brand handles;
/// data quality (with the readers' warnings); how the numbers are computed.
///
/// Every input-derived string goes through ``Escape/markdown(_:)`` (link destinations through
/// ``Escape/safeURL(_:)`` and ``Escape/markdownURL(_:)``). Links are reference-style (`[id][3]`, with
/// `[3]: <url>` below the table) so that a link does not widen its cell. Table columns are padded to a common
/// width (up to ``MarkdownRenderer/maxPaddedWidth`` characters) so the tables also line up in a terminal.
public enum MarkdownRenderer {
    /// Cells wider than this are not used to pad their column.
    public static let maxPaddedWidth = 48
    /// The summary table's widest line, in terminal columns: channel names are shortened to fit.
    public static let summaryWidth = 120

    /// The whole Markdown document.
    public static func render(_ model: ReportModel) -> String {
        let t = ReportTables(model)
        var links = LinkReferences()
        var out = ""
        out.reserveCapacity(16_384)

        out += "# SLA report: \(Escape.markdown(t.windowText))\n\n"
        out += "- **As of:** \(Escape.markdown(t.asOfText))\n"
        out += "- **Policy:** \(Escape.markdown(t.policyText))\n"
        if let threshold = model.failUnder {
            out += "- **Threshold:** \(Escape.markdown(DurationFormat.percent(threshold))) (`--fail-under`)\n"
        }
        out += "- **Tool:** slareport \(Escape.markdown(model.toolVersion))\n\n"
        if !model.warnings.isEmpty {
            out += "## Warnings\n\n"
            for warning in model.warnings {
                out += wrapped("- ⚠️ " + Escape.markdown(warning.message), indent: "  ") + "\n"
            }
            out += "\n"
        }

        out += wrapped(t.storySentences.map(Escape.markdown).joined(separator: " ")) + "\n\n"

        out += "## Summary\n\n"
        let summary = t.compactSummary(marks: .emoji)
        out += table(summary, links: &links, fitWidth: summaryWidth)
        out += "\n" + wrapped(summaryLegend(summary, marks: .emoji)) + "\n\n"
        let notes = t.summaryNotes
        for note in notes { out += wrapped("- " + Escape.markdown(note), indent: "  ") + "\n" }
        if !notes.isEmpty { out += "\n" }

        if t.hasStatusMetrics {
            out += "## Requester wait, agent work and periodic update\n\n"
            let metrics = t.statusMetricsTable(marks: .emoji, compact: true)
            out += table(metrics, links: &links, fitWidth: summaryWidth)
            out += "\n" + wrapped(Escape.markdown(t.statusMetricsNote)) + "\n\n"
        }

        out += "## First replies\n\n"
        let bands = t.firstReplyBands
        if !bands.rows.isEmpty {
            out += wrapped(
                "Every ticket of each channel with a target, on bands relative to its own target (Disqus reply "
                    + "tickets are not counted). Early: replied sooner than allowed; Within: replied by the deadline; "
                    + "Late: replied after it; Overdue: unanswered past it; Pending: unanswered, deadline ahead.")
            out += "\n\n"
            out += table(bands, links: &links)
            out += "\n"
        }
        out += "First-reply times of the replied tickets, in calendar time; Bus.: business time, on the clock of the "
        out += "channel's\ntarget.\n\n"
        out += table(t.firstReplyTimes, links: &links)
        out += "\n"

        let priorities = t.prioritySections(marks: .emoji)
        if !priorities.isEmpty {
            out += "## Attainment per priority\n\n"
            for section in priorities {
                out += "### \(Escape.markdown(section.title))\n\n"
                out += table(section.table, links: &links)
                out += "\n"
            }
        }

        out += "## At risk\n\n"
        if model.atRisk.isEmpty {
            out += "No pending ticket is due within the next business day.\n\n"
        } else {
            out += "Pending tickets due within the next business day after the as-of instant, nearest first.\n\n"
            out += table(t.atRisk, links: &links, moreNote: "the per-ticket CSV has every pending ticket")
            out += "\n"
        }

        if model.showsHistory {
            out += "## Weekly history\n\n"
            out += table(t.history, links: &links)
            out += "\n"
        }
        if !model.volume.points.isEmpty {
            out += model.volume.unit == .day ? "## Volume per day\n\n" : "## Volume per week\n\n"
            out += table(t.volume, links: &links)
            out += "\n"
        }

        out += "## Channel rules\n\n"
        for rule in t.ruleCounts {
            out += "- \(rule.label): **\(rule.count)**\n"
        }
        out += "\n"
        for section in t.ruleSections {
            out += "### \(Escape.markdown(section.title)) (\(section.count))\n\n"
            out += table(section.table, links: &links)
            out += "\n"
        }

        let resolution = t.nextReplyAndResolution
        if !resolution.rows.isEmpty {
            let withNext = model.channels.contains { $0.nextReply != nil }
            out += withNext ? "## Next reply and resolution\n\n" : "## Resolution\n\n"
            out += table(resolution, links: &links)
            out += "\n"
        }

        out += "## First-reply breaches\n\n"
        let breaches = t.breachSections
        if breaches.isEmpty { out += "No first-reply breaches.\n\n" }
        for section in breaches {
            out += "### \(Escape.markdown(section.title)) (\(section.count))\n\n"
            out += table(section.table, links: &links, moreNote: "every breach is listed in the JSON report")
            out += "\n"
        }
        if t.hasStatusMetrics {
            out += "## Requester wait, agent work and periodic update breaches\n\n"
            let sections = t.metricBreachSections
            if sections.isEmpty { out += "No requester-wait, agent-work or periodic-update breaches.\n\n" }
            for section in sections {
                out += "### \(Escape.markdown(section.title)) (\(section.count))\n\n"
                out += table(
                    section.table, links: &links,
                    moreNote: "the JSON report lists up to \(ReportModel.metricBreachListLimit)")
                out += "\n"
            }
        }

        out += "## Agents\n\n"
        let agents = t.agents
        out += agents.rows.isEmpty ? "No agent activity.\n" : table(agents, links: &links)
        out += "\n"
        let handles = t.handles
        if !handles.rows.isEmpty {
            out += "### Brand handles\n\n"
            out += table(handles, links: &links)
            out += "\n"
        }

        out += "## Data quality\n\n"
        let totals = model.dataQuality.totals
        out += "\(totals.read) records read: \(totals.used) used, \(totals.duplicates) duplicates, "
        out += "\(totals.outOfWindow) out of window, \(totals.rejected) rejected.\n\n"
        out += table(t.dataQualityFiles, links: &links)
        let rejected = t.rejected
        if !rejected.rows.isEmpty {
            out += "\n### Rejected records\n\n"
            out += table(
                rejected, links: &links, moreNote: "the JSON report lists up to \(DataQuality.rejectedListLimit)")
        }
        let unrecognised = t.unrecognised
        if !unrecognised.rows.isEmpty {
            out += "\n### Files not read (skipped)\n\n"
            out += table(unrecognised, links: &links)
        }
        let readerWarnings = t.readerWarnings
        if !readerWarnings.rows.isEmpty {
            out += "\n### Reader warnings (nothing rejected)\n\n"
            out += table(
                readerWarnings, links: &links, moreNote: "the JSON report lists up to \(DataQuality.rejectedListLimit)")
        }
        out += "\n"

        out += "## How these numbers are computed\n\n"
        for definition in t.definitionsShown {
            out +=
                wrapped(
                    "- **\(Escape.markdown(definition.term)):** \(Escape.markdown(definition.text))", indent: "  ")
                + "\n"
        }
        return out
    }

    /// The line under the summary: the marks used (only those that appear), the FRT abbreviation, and the
    /// trend's forms.
    static func summaryLegend(_ table: ReportTables.Table, marks: ReportTables.Marks) -> String {
        var parts: [String] = []
        if table.contains(.good) { parts.append("\(marks.good) at or above its goal") }
        if table.contains(.bad) { parts.append("\(marks.bad) below its goal or the `--fail-under` threshold") }
        parts.append("FRT: first-reply time (p50 = median; mean of the replied tickets)")
        parts.append(
            "Trend: change in attainment in points against the previous window of the same length, "
                + "`\(DurationFormat.smallSample)` when either window judged fewer than \(Trend.minimumJudged)")
        return parts.joined(separator: " · ") + "."
    }

    /// Hard-wraps a paragraph at ``summaryWidth`` columns for the terminal (Markdown joins the lines again).
    /// A line is never broken before a word that could open a block at the start of a line (``canStartLine(_:)``),
    /// so no continuation line becomes a list, a heading, a quote or a table.
    static func wrapped(_ text: String, indent: String = "") -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if displayWidth(candidate) > summaryWidth, !current.isEmpty, canStartLine(word) {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Whether a continuation line may start with `word`: not empty, not a block marker (`- + * > # = | ~ `
    /// and backtick, `<`, `[`, `!`, `\\`), and not an ordered-list marker such as `1.` or `2)`.
    static func canStartLine(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        if "-+*>#=|~`<[!\\_:".unicodeScalars.contains(first) { return false }
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = word.dropFirst(digits.count).first, next == "." || next == ")" { return false }
        return true
    }

    /// Numbered link definitions, collected while tables are written and printed after each table.
    struct LinkReferences {
        private(set) var next = 1
        var pending: [(label: Int, url: String)] = []

        /// A new label for `url`.
        mutating func add(_ url: String) -> Int {
            let label = next
            next += 1
            pending.append((label, url))
            return label
        }

        /// The definitions not yet written (`[3]: <url>` lines), then forgotten.
        mutating func flush() -> String {
            guard !pending.isEmpty else { return "" }
            let out = pending.map { "[\($0.label)]: \(Escape.markdownURL($0.url))\n" }.joined()
            pending = []
            return "\n" + out
        }
    }

    // MARK: Tables

    /// A GFM table with padded columns (numbers right-aligned), a bold totals row when given, link
    /// definitions after it, and an `… and N more` line when rows were left out. With `fitWidth`, the first
    /// column's cells are shortened (with `…`) until every line fits that many terminal columns.
    static func table(
        _ table: ReportTables.Table, links: inout LinkReferences, moreNote: String? = nil, fitWidth: Int? = nil
    ) -> String {
        var source = table
        if let fitWidth { source = fitted(table, to: fitWidth) }
        let header = source.columns.map { Escape.markdown($0.title) }
        var body = source.rows.map { $0.map { cell($0, links: &links) } }
        if let totals = source.totals {
            body.append(totals.map { $0.text.isEmpty ? "" : "**\(cell($0, links: &links))**" })
        }
        let widths = columnWidths(header: header, body: body)
        let numeric = source.columns.map(\.numeric)
        var out = line(header, widths: widths, numeric: numeric)
        out += "|"
        for (index, width) in widths.enumerated() {
            let isNumeric = index < numeric.count && numeric[index]
            out += " " + String(repeating: "-", count: isNumeric ? width - 1 : width) + (isNumeric ? ":" : "") + " |"
        }
        out += "\n"
        for row in body {
            out += line(row, widths: widths, numeric: numeric)
        }
        out += links.flush()
        if source.omitted > 0 {
            out += "\n… and \(source.omitted) more"
            if let moreNote { out += " (\(moreNote))" }
            out += ".\n"
        }
        return out
    }

    /// Column widths: the widest cell up to ``maxPaddedWidth`` (the header always counts), at least 3.
    static func columnWidths(header: [String], body: [[String]]) -> [Int] {
        var widths = header.map { max(3, displayWidth($0)) }
        for row in body {
            for (index, text) in row.enumerated() where index < widths.count {
                let width = displayWidth(text)
                if width <= maxPaddedWidth { widths[index] = max(widths[index], width) }
            }
        }
        return widths
    }

    /// The table with its first column's texts shortened so that each line fits `width` columns (links and
    /// totals are not expected in such a table; the header is kept).
    static func fitted(_ table: ReportTables.Table, to width: Int) -> ReportTables.Table {
        var dummy = LinkReferences()
        let header = table.columns.map { Escape.markdown($0.title) }
        let body = table.rows.map { $0.map { cell($0, links: &dummy) } }
        let widths = columnWidths(header: header, body: body)
        let lineWidth = widths.reduce(1) { $0 + $1 + 3 }
        guard lineWidth > width, let first = widths.first else { return table }
        let budget = max(displayWidth(header.first ?? ""), 8, first - (lineWidth - width))
        var fitted = table
        for index in fitted.rows.indices where !fitted.rows[index].isEmpty {
            var text = fitted.rows[index][0].text
            while displayWidth(Escape.markdown(text)) > budget, !text.isEmpty {
                text = String(text.dropLast(text.hasSuffix("…") ? 2 : 1)) + "…"
            }
            fitted.rows[index][0].text = text
        }
        return fitted
    }

    /// One cell's Markdown: escaped text, a reference link when the cell carries a safe URL.
    static func cell(_ cell: ReportTables.Cell, links: inout LinkReferences) -> String {
        let text = Escape.markdown(cell.text)
        guard let link = cell.link.flatMap(Escape.safeURL) else { return text }
        return "[\(text)][\(links.add(link))]"
    }

    static func line(_ cells: [String], widths: [Int], numeric: [Bool]) -> String {
        var out = "|"
        for (index, width) in widths.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            let padding = String(repeating: " ", count: max(0, width - displayWidth(text)))
            let isNumeric = index < numeric.count && numeric[index]
            out += " " + (isNumeric ? padding + text : text + padding) + " |"
        }
        return out + "\n"
    }

    /// Terminal columns a string takes: wide (East Asian, emoji) scalars count 2, combining marks and
    /// zero-width scalars 0, everything else 1.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F:
                continue
            case 0x1100...0x115F, 0x2705, 0x274C, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                width += 2
            default:
                width += 1
            }
        }
        return width
    }
}
