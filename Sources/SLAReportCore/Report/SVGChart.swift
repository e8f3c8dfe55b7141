/// The HTML report's inline SVG charts, written through ``HTMLWriter`` (so every label is escaped).
///
/// Colours come from CSS classes of the page's style sheet, so the charts follow the light and dark
/// schemes; every chart has a `<title>` and `<desc>` (named by `aria-labelledby`) and text labels on the
/// marks, so nothing depends on colour alone. Geometry is written with at most one decimal, by hand.
enum SVGChart {
    static let width = 720.0
    static let labelWidth = 190.0

    // MARK: Attainment

    /// Attainment per channel as horizontal bars (0–100 %), the goal marked with a vertical tick; channels
    /// without a target or without judged tickets say so instead of a bar.
    static func attainment(_ channels: [ChannelSummary], to w: inout HTMLWriter) {
        let rowHeight = 26.0
        let top = 24.0
        let plotLeft = labelWidth
        let plotWidth = width - plotLeft - 130
        let height = top + rowHeight * Double(max(channels.count, 1)) + 8
        svg(
            id: "chart-attainment", title: "First-reply attainment per channel",
            desc: "Horizontal bars: the share of judged tickets answered in time, from 0 to 100 percent. "
                + "A vertical tick marks the channel's goal.", height: height, to: &w
        ) { w in
            for tick in [0.0, 25, 50, 75, 100] {
                let x = plotLeft + plotWidth * tick / 100
                w.void(
                    "line", [("class", "grid"), ("x1", n(x)), ("x2", n(x)), ("y1", n(top - 4)), ("y2", n(height - 8))],
                    selfClosing: true)
                w.element(
                    "text", [("class", "tick"), ("x", n(x)), ("y", n(top - 8)), ("text-anchor", "middle")],
                    text: "\(Int(tick))%")
            }
            for (index, channel) in channels.enumerated() {
                let y = top + rowHeight * Double(index)
                let mid = y + rowHeight / 2
                let reply = channel.firstReply
                w.element(
                    "text",
                    [
                        ("class", "label"), ("x", n(plotLeft - 8)), ("y", n(mid)), ("text-anchor", "end"),
                        ("dominant-baseline", "middle"),
                    ], text: truncated(channel.name, 26))
                guard reply.target != nil else {
                    w.element(
                        "text",
                        [("class", "muted"), ("x", n(plotLeft + 4)), ("y", n(mid)), ("dominant-baseline", "middle")],
                        text: "no target")
                    continue
                }
                guard let attainment = reply.attainment else {
                    w.element(
                        "text",
                        [("class", "muted"), ("x", n(plotLeft + 4)), ("y", n(mid)), ("dominant-baseline", "middle")],
                        text: "no judged tickets")
                    continue
                }
                let fraction = min(max(Double(attainment.hundredths) / 10_000, 0), 1)
                let barClass = channel.failsGate ? "bar-bad" : (reply.goal != nil ? "bar-good" : "bar")
                w.element(
                    "rect",
                    [
                        ("class", barClass), ("x", n(plotLeft)), ("y", n(y + 5)), ("width", n(plotWidth * fraction)),
                        ("height", n(rowHeight - 10)), ("rx", "2"),
                    ]
                ) { w in
                    w.element("title", text: "\(channel.name): \(DurationFormat.percent(attainment))")
                }
                var label = DurationFormat.percent(attainment)
                if let goal = reply.goal {
                    let gx = plotLeft + plotWidth * min(max(Double(goal.hundredths) / 10_000, 0), 1)
                    w.void(
                        "line",
                        [
                            ("class", "goal"), ("x1", n(gx)), ("x2", n(gx)), ("y1", n(y + 2)),
                            ("y2", n(y + rowHeight - 2)),
                        ], selfClosing: true)
                    label += " · goal \(DurationFormat.percent(goal))"
                }
                w.element(
                    "text",
                    [
                        ("class", "value"), ("x", n(plotLeft + plotWidth + 6)), ("y", n(mid)),
                        ("dominant-baseline", "middle"),
                    ], text: label)
            }
        }
    }

    // MARK: FRT distribution

    /// First-reply times per channel as 100 % stacked bars over ``ChannelSummary/frtBuckets``, with a legend;
    /// segment counts are printed where they fit and in each segment's tooltip.
    static func frtDistribution(_ channels: [ChannelSummary], to w: inout HTMLWriter) {
        let buckets = ChannelSummary.frtBuckets
        let rowHeight = 26.0
        let legendHeight = 28.0
        let top = legendHeight + 6
        let plotLeft = labelWidth
        let plotWidth = width - plotLeft - 70
        let height = top + rowHeight * Double(max(channels.count, 1)) + 6
        svg(
            id: "chart-frt", title: "First-reply time distribution per channel",
            desc: "Stacked bars: for each channel, the share of first replies in each time bucket, "
                + "from under an hour on the left to two weeks or more on the right.", height: height, to: &w
        ) { w in
            let legendStep = (width - plotLeft) / Double(buckets.count)
            for (index, bucket) in buckets.enumerated() {
                let x = plotLeft + legendStep * Double(index)
                w.void(
                    "rect",
                    [
                        ("class", bucketClass(index)), ("x", n(x)), ("y", "6"), ("width", "12"), ("height", "12"),
                        ("rx", "2"),
                    ], selfClosing: true)
                w.element("text", [("class", "tick"), ("x", n(x + 16)), ("y", "16")], text: bucket.label)
            }
            for (index, channel) in channels.enumerated() {
                let y = top + rowHeight * Double(index)
                let mid = y + rowHeight / 2
                w.element(
                    "text",
                    [
                        ("class", "label"), ("x", n(plotLeft - 8)), ("y", n(mid)), ("text-anchor", "end"),
                        ("dominant-baseline", "middle"),
                    ], text: truncated(channel.name, 26))
                let counts = channel.frtHistogram.map { max($0, 0) }
                let total = counts.reduce(0, +)
                guard total > 0 else {
                    w.element(
                        "text",
                        [("class", "muted"), ("x", n(plotLeft + 4)), ("y", n(mid)), ("dominant-baseline", "middle")],
                        text: "no replies")
                    continue
                }
                var x = plotLeft
                for (bucketIndex, count) in counts.enumerated() where count > 0 {
                    let segment = plotWidth * Double(count) / Double(total)
                    let label = bucketIndex < buckets.count ? buckets[bucketIndex].label : "?"
                    w.element(
                        "rect",
                        [
                            ("class", bucketClass(bucketIndex)), ("x", n(x)), ("y", n(y + 4)), ("width", n(segment)),
                            ("height", n(rowHeight - 8)),
                        ]
                    ) { w in
                        w.element("title", text: "\(channel.name), \(label): \(count)")
                    }
                    if segment >= 8 + 7 * Double(String(count).count) {
                        w.element(
                            "text",
                            [
                                ("class", "seg"), ("x", n(x + segment / 2)), ("y", n(mid)), ("text-anchor", "middle"),
                                ("dominant-baseline", "middle"),
                            ], text: String(count))
                    }
                    x += segment
                }
                w.element(
                    "text",
                    [
                        ("class", "value"), ("x", n(plotLeft + plotWidth + 6)), ("y", n(mid)),
                        ("dominant-baseline", "middle"),
                    ], text: "n = \(total)")
            }
        }
    }

    // MARK: Daily

    /// Tickets created per day (bars, left scale) and that day's attainment (points joined by a line, right
    /// scale 0–100 %).
    static func daily(_ days: [DailyPoint], to w: inout HTMLWriter) {
        let height = 250.0
        let plotLeft = 48.0
        let plotRight = width - 48
        let plotTop = 30.0
        let plotBottom = height - 34
        let plotWidth = plotRight - plotLeft
        let plotHeight = plotBottom - plotTop
        let maxTickets = max(days.map(\.tickets).max() ?? 0, 1)
        svg(
            id: "chart-daily", title: "Daily volume and attainment",
            desc: "Bars: tickets created each day (left scale). Points and line: that day's first-reply "
                + "attainment (right scale, 0 to 100 percent).", height: height, to: &w
        ) { w in
            // Legend.
            w.void(
                "rect",
                [("class", "bar"), ("x", n(plotLeft)), ("y", "6"), ("width", "12"), ("height", "12"), ("rx", "2")],
                selfClosing: true)
            w.element("text", [("class", "tick"), ("x", n(plotLeft + 16)), ("y", "16")], text: "tickets created")
            w.void(
                "circle", [("class", "point"), ("cx", n(plotLeft + 136)), ("cy", "12"), ("r", "4")], selfClosing: true)
            w.element("text", [("class", "tick"), ("x", n(plotLeft + 146)), ("y", "16")], text: "attainment")
            // Scales.
            for fraction in [0.0, 0.5, 1] {
                let y = plotBottom - plotHeight * fraction
                w.void(
                    "line", [("class", "grid"), ("x1", n(plotLeft)), ("x2", n(plotRight)), ("y1", n(y)), ("y2", n(y))],
                    selfClosing: true)
                let tickets =
                    fraction == 0.5
                    ? (maxTickets % 2 == 0 ? String(maxTickets / 2) : "") : String(fraction == 0 ? 0 : maxTickets)
                w.element(
                    "text",
                    [
                        ("class", "tick"), ("x", n(plotLeft - 6)), ("y", n(y)), ("text-anchor", "end"),
                        ("dominant-baseline", "middle"),
                    ], text: tickets)
                w.element(
                    "text", [("class", "tick"), ("x", n(plotRight + 6)), ("y", n(y)), ("dominant-baseline", "middle")],
                    text: "\(Int(fraction * 100))%")
            }
            guard !days.isEmpty else {
                w.element(
                    "text",
                    [
                        ("class", "muted"), ("x", n(plotLeft + plotWidth / 2)), ("y", n(plotTop + plotHeight / 2)),
                        ("text-anchor", "middle"),
                    ], text: "no tickets in the window")
                return
            }
            let slot = plotWidth / Double(days.count)
            let labelEvery = max(1, (days.count + 7) / 8)
            var path = ""
            var penDown = false
            for (index, day) in days.enumerated() {
                let x = plotLeft + slot * Double(index)
                let barHeight = plotHeight * Double(max(day.tickets, 0)) / Double(maxTickets)
                w.element(
                    "rect",
                    [
                        ("class", "bar"), ("x", n(x + slot * 0.15)), ("y", n(plotBottom - barHeight)),
                        ("width", n(slot * 0.7)), ("height", n(barHeight)),
                    ]
                ) { w in
                    w.element(
                        "title",
                        text:
                            "\(day.date): \(day.tickets) tickets, attainment \(DurationFormat.percent(day.attainment))")
                }
                if index % labelEvery == 0 {
                    let label = index == 0 || day.date.count != 10 ? day.date : String(day.date.dropFirst(5))
                    w.element(
                        "text",
                        [
                            ("class", "tick"), ("x", n(x + slot / 2)), ("y", n(plotBottom + 16)),
                            ("text-anchor", "middle"),
                        ], text: label)
                }
                if let attainment = day.attainment {
                    let y = plotBottom - plotHeight * min(max(Double(attainment.hundredths) / 10_000, 0), 1)
                    path += (penDown ? " L" : (path.isEmpty ? "M" : " M")) + n(x + slot / 2) + " " + n(y)
                    penDown = true
                } else {
                    penDown = false
                }
            }
            if !path.isEmpty {
                w.void("path", [("class", "line"), ("d", path)], selfClosing: true)
            }
            for (index, day) in days.enumerated() {
                guard let attainment = day.attainment else { continue }
                let x = plotLeft + slot * (Double(index) + 0.5)
                let y = plotBottom - plotHeight * min(max(Double(attainment.hundredths) / 10_000, 0), 1)
                w.element(
                    "circle", [("class", "point"), ("cx", n(x)), ("cy", n(y)), ("r", n(min(4, max(1.5, slot / 4))))]
                ) { w in
                    w.element("title", text: "\(day.date): attainment \(DurationFormat.percent(attainment))")
                }
            }
        }
    }

    // MARK: Helpers

    /// The `<svg>` frame: viewBox, role, title and description.
    static func svg(
        id: String, title: String, desc: String, height: Double, to w: inout HTMLWriter,
        _ body: (inout HTMLWriter) -> Void
    ) {
        w.element("div", [("class", "chart")]) { w in
            w.element(
                "svg",
                [
                    ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                    ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                ]
            ) { w in
                w.element("title", [("id", "\(id)-title")], text: title)
                w.element("desc", [("id", "\(id)-desc")], text: desc)
                body(&w)
            }
        }
        w.newline()
    }

    static func bucketClass(_ index: Int) -> String { "b\(min(max(index, 0), 7))" }

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
