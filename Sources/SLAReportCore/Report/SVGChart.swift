/// The HTML report's inline SVG charts, written through ``HTMLWriter`` (so every label is escaped).
///
/// Every chart is a `<figure>` whose `<figcaption>` is its visible title, and an `<svg>` with a `viewBox` (it
/// scales to the screen), `role="img"`, and a `<title>` and `<desc>` named by `aria-labelledby`. Axes carry
/// labels with units. Nothing depends on colour alone: bars carry their values and marks (✓ / ✗) as text, the
/// bands are listed in words under each bar, and lines and bars differ in shape. Colours come from the page's
/// CSS classes, so the charts follow the light, dark and print schemes. Geometry is laid out here (positions
/// and scales); every figure shown comes from the model. Coordinates have at most one decimal, written by hand.
enum SVGChart {
    /// The viewBox width of every chart: narrow enough that the text stays readable when a phone scales the
    /// chart down, wide enough for 31 daily bars.
    static let width = 480.0
    /// Characters of a channel name shown above its bar.
    static let nameLimit = 34

    // MARK: Attainment

    /// Attainment per channel as horizontal bars (0–100 %), each under its channel's name and value: green when
    /// the channel meets its gate, red when it is below it (whichever of its goal or `--fail-under` set it),
    /// blue without a gate. Each channel's goal is a short thick mark across its bar; the `--fail-under`
    /// threshold a dashed line across all rows; the legend under the plot names only what is drawn.
    static func attainment(_ channels: [ChannelSummary], failUnder: Percent?, to w: inout HTMLWriter) {
        let rowHeight = 38.0
        let top = 30.0
        let plotLeft = 8.0
        let plotRight = width - 8
        let plotWidth = plotRight - plotLeft
        let rowsBottom = top + rowHeight * Double(max(channels.count, 1))
        let height = rowsBottom + 58
        func x(_ percent: Percent) -> Double {
            plotLeft + plotWidth * min(max(Double(percent.hundredths) / 10_000, 0), 1)
        }
        var desc = "Horizontal bars from 0 to 100 percent: the share of each channel's judged tickets whose first "
        desc += "reply came within the target. Marks: ✓ meets its goal or threshold, ✗ below it."
        if let failUnder { desc += " Dashed line: the --fail-under threshold, \(DurationFormat.percent(failUnder))." }
        var drawn = Set<String>()
        var goalDrawn = false
        figure(
            id: "chart-attainment", caption: "First-reply attainment per channel", desc: desc, height: height, to: &w
        ) { w in
            for tick in [0, 25, 50, 75, 100] {
                let tx = x(Percent(hundredths: tick * 100))
                line(tx, top - 6, tx, rowsBottom, "grid", to: &w)
                text(
                    "\(tick)%", tx, top - 12, "tick", anchor: tick == 0 ? "start" : (tick == 100 ? "end" : "middle"),
                    to: &w)
            }
            for (index, channel) in channels.enumerated() {
                let y = top + rowHeight * Double(index)
                let reply = channel.firstReply
                text(truncated(channel.name, nameLimit), plotLeft, y + 15, "label", to: &w)
                guard reply.target != nil else {
                    text("no target", plotRight, y + 15, "muted", anchor: "end", to: &w)
                    continue
                }
                guard let attainment = reply.attainment else {
                    text("nothing judged yet", plotRight, y + 15, "muted", anchor: "end", to: &w)
                    continue
                }
                let barClass = channel.failsGate ? "bar-bad" : (channel.gate != nil ? "bar-good" : "bar")
                drawn.insert(barClass)
                var tooltip = "\(channel.name): \(DurationFormat.percent(attainment)) of "
                tooltip += "\(reply.judged ?? 0) judged within \(reply.target ?? "")"
                if let goal = reply.goal { tooltip += "; goal \(DurationFormat.percent(goal))" }
                w.element(
                    "rect",
                    [
                        ("class", barClass), ("x", n(plotLeft)), ("y", n(y + 20)),
                        ("width", n(x(attainment) - plotLeft)),
                        ("height", "12"),
                    ]
                ) { w in w.element("title", text: tooltip) }
                var label = DurationFormat.percentOneDecimal(attainment) + " of \(reply.judged ?? 0)"
                if let goal = reply.goal {
                    line(x(goal), y + 17, x(goal), y + 35, "goal", to: &w)
                    goalDrawn = true
                    label += " · goal \(DurationFormat.percent(goal))"
                }
                if channel.failsGate {
                    label += " ✗"
                } else if channel.gate != nil {
                    label += " ✓"
                }
                text(label, plotRight, y + 15, channel.failsGate ? "value bad" : "value", anchor: "end", to: &w)
            }
            if let failUnder {
                // Across each bar, not through the value labels above the bars.
                let tx = x(failUnder)
                for index in channels.indices {
                    let y = top + rowHeight * Double(index)
                    line(tx, y + 17, tx, y + 35, "threshold", to: &w)
                }
            }
            // Legend (only what is drawn) and axis title.
            var lx = plotLeft
            let ly = rowsBottom + 22
            for (cls, label) in [("bar-good", "meets its gate ✓"), ("bar-bad", "below its gate ✗"), ("bar", "no gate")]
            where drawn.contains(cls) {
                swatch(cls, lx, ly - 11, to: &w)
                text(label, lx + 17, ly, "tick", to: &w)
                lx += 17 + 7.4 * Double(label.count) + 14
            }
            if goalDrawn {
                line(lx + 5, ly - 13, lx + 5, ly + 3, "goal", to: &w)
                text("goal", lx + 14, ly, "tick", to: &w)
                lx += 56
            }
            if let failUnder {
                line(lx + 5, ly - 13, lx + 5, ly + 3, "threshold", to: &w)
                text("threshold \(DurationFormat.percent(failUnder))", lx + 14, ly, "tick", to: &w)
            }
            text(
                "Attainment: % of judged tickets replied to within target", plotLeft + plotWidth / 2, height - 8,
                "axis", anchor: "middle", to: &w)
        }
    }

    // MARK: First-reply bands

    /// Every ticket of each channel with a target as a 100 % stacked bar over ``FRTBands`` (early, within
    /// target, late, unanswered overdue, pending), under the channel's name: counts printed in the segments
    /// where they fit, and the non-empty bands written out in words under each bar.
    static func frtBands(_ channels: [ChannelSummary], to w: inout HTMLWriter) {
        let rows = channels.filter { $0.bands != nil }
        let rowHeight = 56.0
        let legendRows = 2.0
        let top = 14 + 20 * legendRows + 22
        let plotLeft = 8.0
        let plotRight = width - 8
        let plotWidth = plotRight - plotLeft
        let height = top + rowHeight * Double(max(rows.count, 1)) + 26
        figure(
            id: "chart-frt", caption: "First replies against each channel's own target",
            desc: "For each channel with a target, a bar split into the share of its tickets replied to early "
                + "(before the earliest allowed time), within target, late, unanswered past the deadline, and "
                + "pending (unanswered, deadline ahead). The counts are written under each bar.",
            height: height, to: &w
        ) { w in
            // Legend, in two rows.
            var lx = plotLeft
            var ly = 20.0
            for band in FRTBands.Band.allCases {
                let advance = 17 + 7.4 * Double(band.label.count) + 16
                if lx + advance > plotRight {
                    lx = plotLeft
                    ly += 20
                }
                swatch(bandClass(band), lx, ly - 11, to: &w)
                text(band.label, lx + 17, ly, "tick", to: &w)
                lx += advance
            }
            for tick in [0, 25, 50, 75, 100] {
                let tx = plotLeft + plotWidth * Double(tick) / 100
                line(tx, top - 6, tx, top + rowHeight * Double(max(rows.count, 1)) - 8, "grid", to: &w)
                text(
                    "\(tick)%", tx, top - 12, "tick", anchor: tick == 0 ? "start" : (tick == 100 ? "end" : "middle"),
                    to: &w)
            }
            if rows.isEmpty {
                text("no channel has a target", plotLeft, top + 16, "muted", to: &w)
            }
            for (index, channel) in rows.enumerated() {
                guard let bands = channel.bands else { continue }
                let y = top + rowHeight * Double(index)
                text(truncated(channel.name, nameLimit), plotLeft, y + 13, "label", to: &w)
                text("n = \(bands.total)", plotRight, y + 13, "value", anchor: "end", to: &w)
                var parts: [String] = []
                var x = plotLeft
                for (band, count) in bands.ordered where count > 0 {
                    parts.append("\(band.label) \(count)")
                    guard bands.total > 0 else { continue }
                    let segment = plotWidth * Double(count) / Double(bands.total)
                    w.element(
                        "rect",
                        [
                            ("class", bandClass(band)), ("x", n(x)), ("y", n(y + 18)), ("width", n(segment)),
                            ("height", "18"),
                        ]
                    ) { w in w.element("title", text: "\(channel.name), \(band.label): \(count) of \(bands.total)") }
                    if segment >= 10 + 7 * Double(String(count).count) {
                        text(String(count), x + segment / 2, y + 32, "seg", anchor: "middle", to: &w)
                    }
                    x += segment
                }
                text(parts.isEmpty ? "no tickets" : parts.joined(separator: " · "), plotLeft, y + 50, "small", to: &w)
            }
            text(
                "Share of tickets (%), each against its own target", plotLeft + plotWidth / 2,
                height - 8, "axis", anchor: "middle", to: &w)
        }
    }

    static func bandClass(_ band: FRTBands.Band) -> String {
        switch band {
        case .early: "band-early"
        case .withinTarget: "band-within"
        case .late: "band-late"
        case .unansweredOverdue: "band-overdue"
        case .pending: "band-pending"
        }
    }

    // MARK: Volume

    /// Tickets created per day, or per ISO week for long windows (bars, left scale), and their first-reply
    /// attainment (points joined by a line, right scale 0–100 %). Day ticks fall on Mondays, week ticks
    /// on the first week of a month, at most six labels.
    static func volume(_ series: VolumeSeries, to w: inout HTMLWriter) {
        let points = series.points
        let perWeek = series.unit == .week
        let height = 280.0
        let plotLeft = 40.0
        let plotRight = width - 40
        let plotTop = 54.0
        let plotBottom = height - 50
        let plotWidth = plotRight - plotLeft
        let plotHeight = plotBottom - plotTop
        let scale = niceScale(points.map(\.tickets).max() ?? 0)
        let unit = perWeek ? "week" : "day"
        figure(
            id: "chart-volume",
            caption: perWeek ? "Weekly volume and attainment" : "Daily volume and attainment",
            desc: "Bars: tickets created each \(unit) (left scale). Points joined by a line: the first-reply "
                + "attainment of that \(unit)'s judged tickets (right scale, 0 to 100 percent).",
            height: height, to: &w
        ) { w in
            swatch("bar", 8, 7, to: &w)
            text("tickets created (left scale)", 25, 18, "tick", to: &w)
            line(228, 13, 248, 13, "line", to: &w)
            w.void("circle", [("class", "point"), ("cx", "238"), ("cy", "13"), ("r", "4")], selfClosing: true)
            text("attainment (right scale)", 254, 18, "tick", to: &w)
            text("Tickets per \(unit)", 8, 38, "axis", to: &w)
            text("Attainment", width - 8, 38, "axis", anchor: "end", to: &w)
            for tick in stride(from: 0, through: scale.top, by: scale.step) {
                let y = plotBottom - plotHeight * Double(tick) / Double(scale.top)
                line(plotLeft, y, plotRight, y, "grid", to: &w)
                text(String(tick), plotLeft - 6, y + 4, "tick", anchor: "end", to: &w)
            }
            for percent in [0, 50, 100] {
                let y = plotBottom - plotHeight * Double(percent) / 100
                text("\(percent)%", plotRight + 6, y + 4, "tick", to: &w)
            }
            guard !points.isEmpty else {
                text(
                    "no tickets in the window", plotLeft + plotWidth / 2, plotTop + plotHeight / 2, "muted",
                    anchor: "middle", to: &w)
                return
            }
            let slot = plotWidth / Double(points.count)
            var path = ""
            var penDown = false
            var marks: [(x: Double, y: Double, title: String)] = []
            for (index, point) in points.enumerated() {
                let x = plotLeft + slot * Double(index)
                let barHeight = plotHeight * Double(max(point.tickets, 0)) / Double(scale.top)
                let period = perWeek ? "week of \(point.date)" : point.date
                w.element(
                    "rect",
                    [
                        ("class", "bar"), ("x", n(x + slot * 0.12)), ("y", n(plotBottom - barHeight)),
                        ("width", n(slot * 0.76)), ("height", n(barHeight)),
                    ]
                ) { w in
                    w.element(
                        "title",
                        text: "\(period): \(point.tickets) tickets, \(point.judged) judged, attainment "
                            + DurationFormat.percent(point.attainment))
                }
                if let attainment = point.attainment {
                    let y = plotBottom - plotHeight * min(max(Double(attainment.hundredths) / 10_000, 0), 1)
                    path += (penDown ? " L" : (path.isEmpty ? "M" : " M")) + n(x + slot / 2) + " " + n(y)
                    penDown = true
                    marks.append((x + slot / 2, y, "\(period): attainment \(DurationFormat.percent(attainment))"))
                } else {
                    penDown = false
                }
            }
            if !path.isEmpty { w.void("path", [("class", "line"), ("d", path)], selfClosing: true) }
            for mark in marks {
                w.element(
                    "circle",
                    [("class", "point"), ("cx", n(mark.x)), ("cy", n(mark.y)), ("r", n(min(4, max(2, slot / 4))))]
                ) { w in w.element("title", text: mark.title) }
            }
            for index in tickIndices(points.map(\.date), perWeek: perWeek) {
                let x = plotLeft + slot * (Double(index) + 0.5)
                line(x, plotBottom, x, plotBottom + 4, "axis-line", to: &w)
                let date = points[index].date
                let label = index == 0 || date.count != 10 ? date : String(date.dropFirst(5))
                text(label, x, plotBottom + 18, "tick", anchor: "middle", to: &w)
            }
            line(plotLeft, plotBottom, plotRight, plotBottom, "axis-line", to: &w)
            text(
                perWeek ? "Week created (Monday, policy time zone)" : "Day created (policy time zone; Mondays marked)",
                plotLeft + plotWidth / 2, height - 10, "axis", anchor: "middle", to: &w)
        }
    }

    /// Which points get a date label: Mondays (days) or the first week of each month (weeks), thinned to at
    /// most six; the first point when no such day falls in the series.
    static func tickIndices(_ dates: [String], perWeek: Bool) -> [Int] {
        var candidates: [Int] = []
        for (index, date) in dates.enumerated() {
            guard let day = BusinessCalendar.dayNumber(ofDate: date) else { continue }
            if perWeek {
                let dayOfMonth = Int(date.suffix(2)) ?? 1
                if dayOfMonth <= 7 { candidates.append(index) }
            } else if CivilDateTime.isoWeekday(fromDays: day) == 1 {
                candidates.append(index)
            }
        }
        if candidates.isEmpty { candidates = dates.isEmpty ? [] : [0] }
        let every = max(1, (candidates.count + 5) / 6)
        return candidates.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }

    // MARK: Weekly history

    /// First-reply attainment per ISO week as vertical bars (0–100 %) with the value above each bar, the
    /// week and its ticket count under it, and the `--fail-under` threshold as a dashed line.
    static func history(_ weeks: [HistoryWeek], failUnder: Percent?, to w: inout HTMLWriter) {
        let height = 280.0
        let plotLeft = 44.0
        let plotRight = width - 8
        let plotTop = 40.0
        let plotBottom = height - 64
        let plotWidth = plotRight - plotLeft
        let plotHeight = plotBottom - plotTop
        var desc = "Vertical bars: the first-reply attainment of the tickets created in each ISO week, from 0 to "
        desc += "100 percent, with the week's ticket count under its label."
        if let failUnder { desc += " Dashed line: the --fail-under threshold, \(DurationFormat.percent(failUnder))." }
        figure(
            id: "chart-history", caption: "Weekly history: attainment and volume", desc: desc, height: height, to: &w
        ) {
            w in
            text("Attainment", 8, 18, "axis", to: &w)
            for percent in [0, 25, 50, 75, 100] {
                let y = plotBottom - plotHeight * Double(percent) / 100
                line(plotLeft, y, plotRight, y, "grid", to: &w)
                text("\(percent)%", plotLeft - 6, y + 4, "tick", anchor: "end", to: &w)
            }
            let slot = plotWidth / Double(max(weeks.count, 1))
            let every = max(1, (weeks.count + 7) / 8)
            for (index, week) in weeks.enumerated() {
                let x = plotLeft + slot * Double(index)
                let label = week.week.count == 8 ? String(week.week.suffix(3)) : week.week
                if let attainment = week.attainment {
                    let barHeight = plotHeight * min(max(Double(attainment.hundredths) / 10_000, 0), 1)
                    w.element(
                        "rect",
                        [
                            ("class", "bar"), ("x", n(x + slot * 0.15)), ("y", n(plotBottom - barHeight)),
                            ("width", n(slot * 0.7)), ("height", n(barHeight)),
                        ]
                    ) { w in
                        w.element(
                            "title",
                            text: "\(week.week) (from \(week.start)): \(DurationFormat.percent(attainment)) of "
                                + "\(week.judged) judged; \(week.tickets) tickets")
                    }
                    if index % every == 0 {
                        text(
                            DurationFormat.percentOneDecimal(attainment), x + slot / 2, plotBottom - barHeight - 5,
                            "value", anchor: "middle", to: &w)
                    }
                } else if index % every == 0 {
                    text("none judged", x + slot / 2, plotBottom - 5, "muted", anchor: "middle", to: &w)
                }
                if index % every == 0 {
                    text(label, x + slot / 2, plotBottom + 18, "tick", anchor: "middle", to: &w)
                    text("\(week.tickets) tickets", x + slot / 2, plotBottom + 34, "small", anchor: "middle", to: &w)
                }
            }
            line(plotLeft, plotBottom, plotRight, plotBottom, "axis-line", to: &w)
            if let failUnder {
                let y = plotBottom - plotHeight * min(max(Double(failUnder.hundredths) / 10_000, 0), 1)
                line(plotLeft, y, plotRight, y, "threshold", to: &w)
                text("threshold \(DurationFormat.percent(failUnder))", plotRight, y - 5, "tick", anchor: "end", to: &w)
            }
            text(
                "ISO week created (policy time zone), and its tickets", plotLeft + plotWidth / 2,
                height - 8, "axis", anchor: "middle", to: &w)
        }
    }

    // MARK: Helpers

    /// `<figure>` with its visible caption, then the `<svg>` frame: viewBox, role, title and description.
    static func figure(
        id: String, caption: String, desc: String, height: Double, to w: inout HTMLWriter,
        _ body: (inout HTMLWriter) -> Void
    ) {
        w.element("figure", [("class", "chart"), ("id", id)]) { w in
            w.element("figcaption", text: caption)
            w.element(
                "svg",
                [
                    ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                    ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                ]
            ) { w in
                w.element("title", [("id", "\(id)-title")], text: caption)
                w.element("desc", [("id", "\(id)-desc")], text: desc)
                body(&w)
            }
        }
        w.newline()
    }

    static func text(
        _ value: String, _ x: Double, _ y: Double, _ cls: String, anchor: String? = nil, to w: inout HTMLWriter
    ) {
        var attributes: [HTMLWriter.Attribute] = [("class", cls), ("x", n(x)), ("y", n(y))]
        if let anchor { attributes.append(("text-anchor", anchor)) }
        w.element("text", attributes, text: value)
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String, to w: inout HTMLWriter) {
        w.void(
            "line", [("class", cls), ("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2))], selfClosing: true)
    }

    static func swatch(_ cls: String, _ x: Double, _ y: Double, to w: inout HTMLWriter) {
        w.void(
            "rect", [("class", cls), ("x", n(x)), ("y", n(y)), ("width", "12"), ("height", "12")], selfClosing: true)
    }

    /// A scale for counts: a step of 1, 2 or 5 × 10ⁿ giving at most five intervals, and the top (a multiple of
    /// the step, at least the maximum, at least 1).
    static func niceScale(_ maximum: Int) -> (step: Int, top: Int) {
        let target = max(maximum, 1)
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] {
                let step = factor * magnitude
                if (target + step - 1) / step <= 5 { return (step, (target + step - 1) / step * step) }
            }
            if magnitude > Int.max / 100 { return (target, target) }
            magnitude *= 10
        }
    }

    /// A label shortened to `limit` characters with `…`.
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A coordinate with at most one decimal (`12`, `12.5`, `-3.2`), written by hand.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
