/// Writes the Markdown report (GitHub/GitLab-flavoured, readable in a terminal; SPEC §5).
///
/// Sections: title (window, as-of and the record that set it, policy and versions), warnings, summary table
/// per channel with its notes (vendor figures, tickets left out, trends left out), channel rules (a count
/// per rule, then each non-empty rule's findings capped at ``ReportModel/findingListCap``), next reply and
/// resolution, first-reply breaches per channel (capped at ``ReportModel/breachListCap``, ids linked when
/// the URL is `http(s)`), agents and brand handles, data quality (with the readers' warnings), and how the
/// numbers are computed.
///
/// Every input-derived string goes through ``Escape/markdown(_:)`` (link destinations through
/// ``Escape/safeURL(_:)`` and ``Escape/markdownURL(_:)``). Table columns are padded to a common width
/// (up to ``MarkdownRenderer/maxPaddedWidth`` characters) so the tables also line up in a terminal.
public enum MarkdownRenderer {
    /// Cells wider than this are not used to pad their column.
    public static let maxPaddedWidth = 48

    /// The whole Markdown document.
    public static func render(_ model: ReportModel) -> String {
        let t = ReportTables(model)
        var out = ""
        out.reserveCapacity(16_384)

        out += "# SLA report: \(Escape.markdown(t.windowText))\n\n"
        out += "- **As of:** \(Escape.markdown(t.asOfText))\n"
        out += "- **Policy:** \(Escape.markdown(t.policyText))\n"
        out += "- **Tool:** slareport \(Escape.markdown(model.toolVersion))\n\n"
        if !model.warnings.isEmpty {
            out += "## Warnings\n\n"
            for warning in model.warnings { out += "- ⚠️ \(Escape.markdown(warning.message))\n" }
            out += "\n"
        }

        out += "## Summary\n\n"
        out += table(t.summary(marks: .emoji))
        out += "\n✅ at or above goal · ❌ below goal (or the `--fail-under` threshold) · "
        out += "Trend: change in attainment against the previous window of the same length.\n\n"
        let notes = t.summaryNotes
        for note in notes { out += "- \(Escape.markdown(note))\n" }
        if !notes.isEmpty { out += "\n" }

        out += "## Channel rules\n\n"
        for rule in t.ruleCounts {
            out += "- \(rule.label): **\(rule.count)**\n"
        }
        out += "\n"
        for section in t.ruleSections {
            out += "### \(Escape.markdown(section.title)) (\(section.count))\n\n"
            out += table(section.table)
            out += "\n"
        }

        out += "## Next reply and resolution\n\n"
        out += table(t.nextReplyAndResolution)
        out += "\n"

        out += "## First-reply breaches\n\n"
        let breaches = t.breachSections
        if breaches.isEmpty { out += "No first-reply breaches.\n\n" }
        for section in breaches {
            out += "### \(Escape.markdown(section.title)) (\(section.count))\n\n"
            out += table(section.table, moreNote: "every breach is listed in the JSON report")
            out += "\n"
        }

        out += "## Agents\n\n"
        let agents = t.agents
        out += agents.rows.isEmpty ? "No agent activity.\n" : table(agents)
        out += "\n"
        let handles = t.handles
        if !handles.rows.isEmpty {
            out += "### Brand handles\n\n"
            out += table(handles)
            out += "\n"
        }

        out += "## Data quality\n\n"
        let totals = model.dataQuality.totals
        out += "\(totals.read) records read: \(totals.used) used, \(totals.duplicates) duplicates, "
        out += "\(totals.outOfWindow) out of window, \(totals.rejected) rejected.\n\n"
        out += table(t.dataQualityFiles)
        let rejected = t.rejected
        if !rejected.rows.isEmpty {
            out += "\n### Rejected records\n\n"
            out += table(rejected, moreNote: "the JSON report lists up to \(DataQuality.rejectedListLimit)")
        }
        let unrecognised = t.unrecognised
        if !unrecognised.rows.isEmpty {
            out += "\n### Unrecognised files (skipped)\n\n"
            out += table(unrecognised)
        }
        let readerWarnings = t.readerWarnings
        if !readerWarnings.rows.isEmpty {
            out += "\n### Reader warnings (nothing rejected)\n\n"
            out += table(readerWarnings, moreNote: "the JSON report lists up to \(DataQuality.rejectedListLimit)")
        }
        out += "\n"

        out += "## How these numbers are computed\n\n"
        for definition in ReportTables.definitions {
            out += "- **\(Escape.markdown(definition.term)):** \(Escape.markdown(definition.text))\n"
        }
        return out
    }

    // MARK: Tables

    /// A GFM table with padded columns (numbers right-aligned), a bold totals row when given, and an
    /// `… and N more` line when rows were left out.
    static func table(_ table: ReportTables.Table, moreNote: String? = nil) -> String {
        let header = table.columns.map { Escape.markdown($0.title) }
        var body = table.rows.map { $0.map(cell) }
        if let totals = table.totals {
            body.append(totals.map { $0.text.isEmpty ? "" : "**\(cell($0))**" })
        }
        var widths = header.map { max(3, displayWidth($0)) }
        for row in body {
            for (index, text) in row.enumerated() where index < widths.count {
                let width = displayWidth(text)
                if width <= maxPaddedWidth { widths[index] = max(widths[index], width) }
            }
        }
        let numeric = table.columns.map(\.numeric)
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
        if table.omitted > 0 {
            out += "\n… and \(table.omitted) more"
            if let moreNote { out += " (\(moreNote))" }
            out += ".\n"
        }
        return out
    }

    /// One cell's Markdown: escaped text, linked when the cell carries a safe URL.
    static func cell(_ cell: ReportTables.Cell) -> String {
        let text = Escape.markdown(cell.text)
        guard let link = cell.link.flatMap(Escape.safeURL) else { return text }
        return "[\(text)](\(Escape.markdownURL(link)))"
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
