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
                w.text(" \(t.policyText)")
                if let threshold = model.failUnder {
                    w.text(" · ")
                    w.element("strong", text: "Threshold")
                    w.text(" \(DurationFormat.percent(threshold)) (--fail-under)")
                }
                w.text(" · slareport \(model.toolVersion)")
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

        section("story", "In short", to: &w) { w in
            w.element("p", [("class", "story")], text: t.storySentences.joined(separator: " "))
        }

        section("summary", "Summary", to: &w) { w in
            let summary = t.summary(marks: .text)
            table(summary, fit: true, to: &w)
            w.element("p", [("class", "note")], text: summaryLegend(summary))
            let notes = t.summaryNotes
            if !notes.isEmpty {
                w.element("ul", [("class", "note")]) { w in
                    for note in notes { w.element("li", text: note) }
                }
            }
            SVGChart.attainment(model.channels, failUnder: model.failUnder, to: &w)
        }

        if t.hasStatusMetrics {
            section("status-metrics", "Requester wait, agent work and periodic update", to: &w) { w in
                table(t.statusMetricsTable(marks: .text, compact: false), fit: true, to: &w)
                w.element("p", [("class", "note")], text: t.statusMetricsNote)
            }
        }

        section("first-replies", "First replies", to: &w) { w in
            SVGChart.frtBands(model.channels, to: &w)
            let bands = t.firstReplyBands
            if !bands.rows.isEmpty {
                w.element("h3", text: "On bands relative to each channel's target")
                table(bands, to: &w)
                w.element(
                    "p", [("class", "note")],
                    text: "Early: replied sooner than allowed · Within: by the deadline · Late: after it · Overdue: "
                        + "unanswered past it · Pending: unanswered, deadline ahead. Disqus reply tickets are not counted."
                )
            }
            w.element("h3", text: "First-reply times")
            table(t.firstReplyTimes, to: &w)
            w.element(
                "p", [("class", "note")],
                text: "Calendar time of the replied tickets; Bus.: business time, on the clock of the channel's target."
            )
        }

        let priorities = t.prioritySections(marks: .text)
        if !priorities.isEmpty {
            section("priority", "Attainment per priority", to: &w) { w in
                for sub in priorities {
                    w.element("h3", text: sub.title)
                    table(sub.table, to: &w)
                }
            }
        }

        section("at-risk", "At risk", to: &w) { w in
            if model.atRisk.isEmpty {
                w.element("p", text: "No pending ticket is due within the next business day.")
            } else {
                w.element(
                    "p",
                    text: "Pending tickets due within the next business day after the as-of instant, nearest first.")
                table(t.atRisk, moreNote: "the per-ticket CSV has every pending ticket", to: &w)
            }
        }

        if model.showsHistory {
            section("history", "Weekly history", to: &w) { w in
                SVGChart.history(model.weeks, failUnder: model.failUnder, to: &w)
                table(t.history, to: &w)
            }
        }

        section("volume", model.volume.unit == .day ? "Volume per day" : "Volume per week", to: &w) { w in
            SVGChart.volume(model.volume, to: &w)
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

        let resolution = t.nextReplyAndResolution
        if !resolution.rows.isEmpty {
            let withNext = model.channels.contains { $0.nextReply != nil }
            section("next-reply", withNext ? "Next reply and resolution" : "Resolution", to: &w) { w in
                table(resolution, to: &w)
            }
        }

        section("breaches", "First-reply breaches", to: &w) { w in
            let sections = t.breachSections
            if sections.isEmpty { w.element("p", text: "No first-reply breaches.") }
            for sub in sections {
                w.element("h3", text: "\(sub.title) (\(sub.count))")
                table(sub.table, moreNote: "every breach is listed in the JSON report", to: &w)
            }
        }

        if t.hasStatusMetrics {
            section("metric-breaches", "Requester wait, agent work and periodic update breaches", to: &w) { w in
                let sections = t.metricBreachSections
                if sections.isEmpty {
                    w.element("p", text: "No requester-wait, agent-work or periodic-update breaches.")
                }
                for sub in sections {
                    w.element("h3", text: "\(sub.title) (\(sub.count))")
                    table(
                        sub.table, moreNote: "the JSON report lists up to \(ReportModel.metricBreachListLimit)", to: &w)
                }
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
                w.element("h3", text: "Files not read (skipped)")
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
                for definition in t.definitionsShown {
                    w.element("dt", text: definition.term)
                    w.element("dd", text: definition.text)
                }
            }
        }
    }

    /// The note under the summary table: the marks that appear, and the trend's forms.
    static func summaryLegend(_ summary: ReportTables.Table) -> String {
        var parts: [String] = []
        if summary.contains(.good) { parts.append("✓ at or above its goal") }
        if summary.contains(.bad) { parts.append("✗ below its goal or the --fail-under threshold") }
        parts.append("FRT: first-reply time")
        parts.append(
            "Trend: change in attainment in points against the previous window of the same length (▲ up, ▼ down), "
                + "“\(DurationFormat.smallSample)” when either window judged fewer than \(Trend.minimumJudged)")
        return parts.joined(separator: " · ") + ". On a phone the summary shows channel, judged, attainment and p50."
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

    /// A table in its own scrolling box (sticky header); numeric columns right-aligned, optional columns
    /// hidden on phones, cells coloured by status with exact values as tooltips, a totals row, and an
    /// `… and N more` note. `fit`: the box never scrolls vertically (a short table that must fit the screen).
    static func table(_ table: ReportTables.Table, moreNote: String? = nil, fit: Bool = false, to w: inout HTMLWriter) {
        w.element("div", [("class", fit ? "table-wrap fit" : "table-wrap")]) { w in
            w.element("table") { w in
                w.element("thead") { w in
                    w.element("tr") { w in
                        for column in table.columns {
                            var classes: [String] = []
                            if column.numeric { classes.append("num") }
                            if column.optional { classes.append("opt") }
                            var attributes: [HTMLWriter.Attribute] = []
                            if !classes.isEmpty {
                                attributes.append((name: "class", value: classes.joined(separator: " ")))
                            }
                            attributes.append((name: "scope", value: "col"))
                            w.element("th", attributes, text: column.title)
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
            if index < columns.count {
                if columns[index].numeric { classes.append("num") }
                if columns[index].nowrap && !columns[index].numeric { classes.append("nowrap") }
                if columns[index].optional { classes.append("opt") }
            }
            switch cell.status {
            case .good?: classes.append("good")
            case .bad?: classes.append("bad")
            case nil: break
            }
            var attributes: [HTMLWriter.Attribute] = []
            if !classes.isEmpty { attributes.append((name: "class", value: classes.joined(separator: " "))) }
            if let title = cell.title { attributes.append((name: "title", value: title)) }
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

    /// The inline style sheet: light and dark schemes (contrast checked by `HTMLContrastTests`), print, phones,
    /// sticky table headers, chart colours.
    static let styleSheet: StaticString = """

        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0;
          --head: #f6f8fa; --stripe: #f6f8fa; --grid: #d1d9e0; --good: #1a7f37; --bad: #cf222e; --bar: #0969da;
          --link: #0969da; --goal: #1f2328; --accent: #bc4c00; --story: #f6f8fa; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --head: #151b23;
            --stripe: #151b23; --grid: #3d444d; --good: #3fb950; --bad: #ff7b72; --bar: #4493f8; --link: #58a6ff;
            --goal: #f0f6fc; --accent: #f0883e; --story: #151b23; }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 1200px; padding: 16px 20px 48px; background: var(--bg); color: var(--fg);
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.55em; margin: 0.4em 0 0.2em; overflow-wrap: anywhere; }
        h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
        h3 { font-size: 1.05em; margin: 1.3em 0 0.4em; }
        p { overflow-wrap: break-word; }
        .meta, .note, .more { color: var(--muted); }
        .note, .more { font-size: 0.92em; margin: 0.3em 0 1em; }
        .story { font-size: 1.08em; max-width: 60em; padding: 10px 14px; background: var(--story);
          border-left: 4px solid var(--bar); }
        a { color: var(--link); }
        .table-wrap { overflow: auto; max-height: 80vh; margin: 0.4em 0 0.6em; max-width: 100%;
          -webkit-overflow-scrolling: touch; }
        .table-wrap.fit { max-height: none; }
        table { border-collapse: separate; border-spacing: 0; font-variant-numeric: tabular-nums; }
        th, td { border-right: 1px solid var(--border); border-bottom: 1px solid var(--border); padding: 4px 8px;
          text-align: left; vertical-align: top; }
        th:first-child, td:first-child { border-left: 1px solid var(--border); }
        thead th { position: sticky; top: 0; z-index: 1; background: var(--head); font-weight: 600;
          vertical-align: bottom; border-top: 1px solid var(--border); }
        td { overflow-wrap: break-word; background: var(--bg); }
        tbody tr:nth-child(even) td { background: var(--stripe); }
        .num { text-align: right; white-space: nowrap; }
        thead th.num { white-space: normal; }
        .nowrap { white-space: nowrap; }
        td.good { color: var(--good); }
        td.bad { color: var(--bad); font-weight: 600; }
        tr.total td { font-weight: 600; border-top: 2px solid var(--fg); }
        ul.counts { list-style: none; padding: 0; margin: 0.4em 0 1em; display: grid;
          grid-template-columns: repeat(auto-fill, minmax(14em, 1fr)); gap: 4px 16px; }
        ul.counts li { padding: 3px 8px; border-left: 3px solid var(--border); }
        ul.counts li.flagged { border-left-color: var(--bad); }
        dl { margin: 0.4em 0; }
        dt { font-weight: 600; margin-top: 0.6em; }
        dd { margin: 0.1em 0 0 1.2em; max-width: 60em; }
        figure.chart { margin: 0.8em 0 1.4em; max-width: 100%; }
        figure.chart figcaption { font-weight: 600; margin-bottom: 0.3em; }
        figure.chart svg { display: block; width: 100%; max-width: 600px; height: auto; }
        svg text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--fg); }
        svg .tick, svg .muted, svg .small { fill: var(--muted); }
        svg .muted { font-style: italic; }
        svg .small { font-size: 12px; }
        svg .axis { font-weight: 600; fill: var(--muted); }
        svg text.bad { fill: var(--bad); font-weight: 600; }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .axis-line { stroke: var(--muted); stroke-width: 1; }
        svg .goal { stroke: var(--goal); stroke-width: 3; }
        svg .threshold { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 6 4; }
        svg .bar { fill: var(--bar); }
        svg .bar-good { fill: var(--good); }
        svg .bar-bad { fill: var(--bad); }
        svg .line { fill: none; stroke: var(--accent); stroke-width: 2; }
        svg .point { fill: var(--accent); stroke: var(--bg); stroke-width: 1; }
        svg .seg { fill: #111111; font-size: 12px; }
        svg .band-early { fill: #d2b8ff; } svg .band-within { fill: #8ddb9a; } svg .band-late { fill: #ffc46b; }
        svg .band-overdue { fill: #ff8f87; } svg .band-pending { fill: #d0d7de; }
        svg [class^="band-"] { stroke: var(--bg); stroke-width: 1; }
        @media (max-width: 640px) {
          body { padding: 10px 10px 32px; font-size: 14px; }
          h1 { font-size: 1.3em; }
          th, td { padding: 3px 5px; }
          .fit th, .fit td { padding: 3px 4px; font-size: 13px; }
          .opt { display: none; }
        }
        @media print {
          :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --border: #999999; --head: #eeeeee; --stripe: #ffffff;
            --grid: #bbbbbb; --good: #116329; --bad: #b00020; --bar: #0550ae; --link: #000000; --goal: #000000;
            --accent: #953800; --story: #ffffff; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          section { break-before: page; }
          #story, #summary { break-before: auto; }
          .table-wrap { overflow: visible; max-height: none; }
          thead { display: table-header-group; }
          thead th { position: static; }
          table { font-size: 8pt; }
          th, td { padding: 2px 4px; }
          th, .nowrap, .num { white-space: normal; }
          h2, h3, figcaption { break-after: avoid; }
          tr, figure.chart { break-inside: avoid; }
          figure.chart svg { max-width: 100%; }
          a { text-decoration: none; }
        }

        """
}
