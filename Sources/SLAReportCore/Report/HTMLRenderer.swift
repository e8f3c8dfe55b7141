/// Writes the HTML report: one self-contained HTML5 file (SPEC §5, §7).
///
/// - `<meta charset="utf-8">`, a viewport meta tag and the Content-Security-Policy
///   ``HTMLRenderer/contentSecurityPolicy`` (no script, no external resource of any kind);
/// - inline CSS with light and dark schemes (`prefers-color-scheme`), print styles, and tables that scroll
///   sideways on narrow screens;
/// - the Markdown report's sections, plus inline SVG charts (``SVGChart``): attainment per channel against
///   its goal, FRT distribution per channel, daily volume and attainment;
/// - every data string is written through ``HTMLWriter/text(_:)``; only URLs accepted by
///   ``Escape/safeURL(_:)`` become `<a href>`, with `rel="noopener noreferrer"`.
public enum HTMLRenderer {
    /// The CSP of the report: nothing may load or run; inline styles and `data:` images only.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// The whole HTML document.
    public static func render(_ model: ReportModel) -> String {
        let t = ReportTables(model)
        var w = HTMLWriter(reserving: 65_536)
        w.raw("<!DOCTYPE html>\n")
        w.element("html", [("lang", "en")]) { w in
            w.newline()
            w.element("head") { w in
                w.newline()
                w.void("meta", [("charset", "utf-8")])
                w.newline()
                w.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                w.newline()
                w.void("meta", [("http-equiv", "Content-Security-Policy"), ("content", contentSecurityPolicy)])
                w.newline()
                w.void("meta", [("name", "generator"), ("content", "slareport \(model.toolVersion)")])
                w.newline()
                w.element("title", text: "SLA report: \(t.windowText)")
                w.newline()
                w.element("style") { $0.raw(styleSheet) }
                w.newline()
            }
            w.newline()
            w.element("body") { w in
                w.newline()
                body(model, t, to: &w)
            }
            w.newline()
        }
        w.newline()
        return w.output
    }

    static func body(_ model: ReportModel, _ t: ReportTables, to w: inout HTMLWriter) {
        w.element("header") { w in
            w.element("h1", text: "SLA report: \(t.windowText)")
            w.element("p", [("class", "meta")]) { w in
                w.element("strong", text: "As of")
                w.text(" \(t.asOfText) · ")
                w.element("strong", text: "Policy")
                w.text(" \(t.policyText) · slareport \(model.toolVersion)")
            }
        }
        w.newline()
        if !model.warnings.isEmpty {
            section("warnings", "Warnings", to: &w) { w in
                w.element("ul") { w in
                    for warning in model.warnings { w.element("li", [("class", "flagged")], text: warning.message) }
                }
            }
        }

        section("summary", "Summary", to: &w) { w in
            table(t.summary(marks: .text), to: &w)
            w.element(
                "p", [("class", "note")],
                text: "✓ at or above goal · ✗ below goal (or the --fail-under threshold) · Trend: change in "
                    + "attainment against the previous window of the same length.")
            let notes = t.summaryNotes
            if !notes.isEmpty {
                w.element("ul", [("class", "note")]) { w in
                    for note in notes { w.element("li", text: note) }
                }
            }
            SVGChart.attainment(model.channels, to: &w)
        }

        section("rules", "Channel rules", to: &w) { w in
            w.element("ul", [("class", "counts")]) { w in
                for rule in t.ruleCounts {
                    w.element("li", rule.count > 0 ? [("class", "flagged")] : []) { w in
                        w.text("\(rule.label): ")
                        w.element("strong", text: String(rule.count))
                    }
                }
            }
            for sub in t.ruleSections {
                w.element("h3", text: "\(sub.title) (\(sub.count))")
                table(sub.table, to: &w)
            }
        }

        section("charts", "Response times and volume", to: &w) { w in
            w.element("h3", text: "First-reply time distribution")
            SVGChart.frtDistribution(model.channels, to: &w)
            w.element("h3", text: "Daily volume and attainment")
            SVGChart.daily(model.daily, to: &w)
        }

        section("next-reply", "Next reply and resolution", to: &w) { w in
            table(t.nextReplyAndResolution, to: &w)
        }

        section("breaches", "First-reply breaches", to: &w) { w in
            let sections = t.breachSections
            if sections.isEmpty { w.element("p", text: "No first-reply breaches.") }
            for sub in sections {
                w.element("h3", text: "\(sub.title) (\(sub.count))")
                table(sub.table, moreNote: "every breach is listed in the JSON report", to: &w)
            }
        }

        section("agents", "Agents", to: &w) { w in
            let agents = t.agents
            if agents.rows.isEmpty { w.element("p", text: "No agent activity.") } else { table(agents, to: &w) }
            let handles = t.handles
            if !handles.rows.isEmpty {
                w.element("h3", text: "Brand handles")
                table(handles, to: &w)
            }
        }

        section("data-quality", "Data quality", to: &w) { w in
            let totals = model.dataQuality.totals
            w.element(
                "p",
                text: "\(totals.read) records read: \(totals.used) used, \(totals.duplicates) duplicates, "
                    + "\(totals.outOfWindow) out of window, \(totals.rejected) rejected.")
            table(t.dataQualityFiles, to: &w)
            let rejected = t.rejected
            if !rejected.rows.isEmpty {
                w.element("h3", text: "Rejected records")
                table(rejected, moreNote: "the JSON report lists up to \(DataQuality.rejectedListLimit)", to: &w)
            }
            let unrecognised = t.unrecognised
            if !unrecognised.rows.isEmpty {
                w.element("h3", text: "Unrecognised files (skipped)")
                table(unrecognised, to: &w)
            }
            let readerWarnings = t.readerWarnings
            if !readerWarnings.rows.isEmpty {
                w.element("h3", text: "Reader warnings (nothing rejected)")
                table(readerWarnings, moreNote: "the JSON report lists up to \(DataQuality.rejectedListLimit)", to: &w)
            }
        }

        section("definitions", "How these numbers are computed", to: &w) { w in
            w.element("dl") { w in
                for definition in ReportTables.definitions {
                    w.element("dt", text: definition.term)
                    w.element("dd", text: definition.text)
                }
            }
        }
    }

    // MARK: Building blocks

    static func section(
        _ id: StaticString, _ title: String, to w: inout HTMLWriter, _ body: (inout HTMLWriter) -> Void
    ) {
        w.element("section", [("id", id.description)]) { w in
            w.element("h2", text: title)
            w.newline()
            body(&w)
        }
        w.newline()
    }

    /// A table in a horizontally scrolling wrapper; numeric columns right-aligned, cells coloured by status,
    /// a totals row, and an `… and N more` note.
    static func table(_ table: ReportTables.Table, moreNote: String? = nil, to w: inout HTMLWriter) {
        w.element("div", [("class", "table-wrap")]) { w in
            w.element("table") { w in
                w.element("thead") { w in
                    w.element("tr") { w in
                        for column in table.columns {
                            w.element("th", column.numeric ? [("class", "num")] : [], text: column.title)
                        }
                    }
                }
                w.newline()
                w.element("tbody") { w in
                    for row in table.rows {
                        w.element("tr") { w in cells(row, table.columns, to: &w) }
                        w.newline()
                    }
                    if let totals = table.totals {
                        w.element("tr", [("class", "total")]) { w in cells(totals, table.columns, to: &w) }
                        w.newline()
                    }
                }
            }
        }
        if table.omitted > 0 {
            var note = "… and \(table.omitted) more"
            if let moreNote { note += " (\(moreNote))" }
            w.element("p", [("class", "more")], text: note + ".")
        }
        w.newline()
    }

    static func cells(_ row: [ReportTables.Cell], _ columns: [ReportTables.Column], to w: inout HTMLWriter) {
        for (index, cell) in row.enumerated() {
            var classes: [String] = []
            if index < columns.count && columns[index].numeric { classes.append("num") }
            if index < columns.count && columns[index].nowrap && !columns[index].numeric { classes.append("nowrap") }
            switch cell.status {
            case .good?: classes.append("good")
            case .bad?: classes.append("bad")
            case nil: break
            }
            var attributes: [HTMLWriter.Attribute] = []
            if !classes.isEmpty { attributes.append((name: "class", value: classes.joined(separator: " "))) }
            w.element("td", attributes) { w in
                if let url = cell.link.flatMap(Escape.safeURL) {
                    w.element("a", [("href", url), ("rel", "noopener noreferrer")], text: cell.text)
                } else {
                    w.text(cell.text)
                }
            }
        }
    }

    // MARK: Style

    /// The inline style sheet: light and dark schemes, print, narrow screens, chart colours.
    static let styleSheet: StaticString = """

        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0;
          --head: #f6f8fa; --stripe: #f6f8fa; --grid: #d1d9e0; --good: #1a7f37; --bad: #cf222e; --bar: #0969da;
          --link: #0969da; --goal: #1f2328; --accent: #bc4c00; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --head: #151b23;
            --stripe: #151b23; --grid: #3d444d; --good: #3fb950; --bad: #f85149; --bar: #4493f8; --link: #4493f8;
            --goal: #f0f6fc; --accent: #f0883e; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1200px; padding: 16px 20px 48px; background: var(--bg); color: var(--fg);
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.55em; margin: 0.4em 0 0.2em; }
        h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
        h3 { font-size: 1.05em; margin: 1.3em 0 0.4em; }
        .meta, .note, .more { color: var(--muted); }
        .note, .more { font-size: 0.92em; margin: 0.3em 0 1em; }
        a { color: var(--link); }
        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.4em 0 0.6em; max-width: 100%; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: var(--head); font-weight: 600; white-space: nowrap; }
        td { overflow-wrap: break-word; }
        tbody tr:nth-child(even) td { background: var(--stripe); }
        .num { text-align: right; white-space: nowrap; }
        .nowrap { white-space: nowrap; }
        td.good { color: var(--good); }
        td.bad { color: var(--bad); font-weight: 600; }
        tr.total td { font-weight: 600; border-top: 2px solid var(--fg); }
        ul.counts { list-style: none; padding: 0; margin: 0.4em 0 1em; display: grid;
          grid-template-columns: repeat(auto-fill, minmax(15em, 1fr)); gap: 4px 16px; }
        ul.counts li { padding: 3px 8px; border-left: 3px solid var(--border); }
        ul.counts li.flagged { border-left-color: var(--bad); }
        dl { margin: 0.4em 0; }
        dt { font-weight: 600; margin-top: 0.6em; }
        dd { margin: 0.1em 0 0 1.2em; max-width: 60em; }
        .chart { overflow-x: auto; margin: 0.6em 0 1.2em; }
        .chart svg { display: block; width: 100%; min-width: 600px; max-width: 960px; height: auto; }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--fg); }
        svg .tick, svg .muted { fill: var(--muted); }
        svg .muted { font-style: italic; }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .goal { stroke: var(--goal); stroke-width: 3; }
        svg .bar { fill: var(--bar); }
        svg .bar-good { fill: var(--good); }
        svg .bar-bad { fill: var(--bad); }
        svg .line { fill: none; stroke: var(--accent); stroke-width: 2; }
        svg .point { fill: var(--accent); }
        svg .seg { fill: #111111; font-size: 11px; }
        svg .b0 { fill: #1a9850; } svg .b1 { fill: #66bd63; } svg .b2 { fill: #a6d96a; } svg .b3 { fill: #d9ef8b; }
        svg .b4 { fill: #fee08b; } svg .b5 { fill: #fdae61; } svg .b6 { fill: #f46d43; } svg .b7 { fill: #d73027; }
        @media (max-width: 600px) {
          body { padding: 10px 10px 32px; font-size: 13px; }
          h1 { font-size: 1.3em; }
          th, td { padding: 3px 6px; }
        }
        @media print {
          :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --border: #999999; --head: #eeeeee; --stripe: #ffffff;
            --grid: #bbbbbb; --good: #1a7f37; --bad: #b00020; --bar: #0550ae; --link: #000000; --goal: #000000;
            --accent: #953800; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          .table-wrap, .chart { overflow: visible; }
          .chart svg { min-width: 0; max-width: 100%; }
          table { font-size: 8.5pt; }
          th, td { padding: 2px 4px; }
          th, .nowrap { white-space: normal; }
          h2, h3 { break-after: avoid; }
          tr, .chart { break-inside: avoid; }
          a { text-decoration: none; }
        }

        """
}
