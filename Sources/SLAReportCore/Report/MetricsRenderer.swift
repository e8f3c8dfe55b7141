/// Writes the metrics report (`PREFIX-metrics.txt`, SPEC §5) in the OpenMetrics text format, which GitLab's
/// metrics report reads (and Prometheus' text parsers): one sample per channel, labelled `channel`, so a CI
/// can chart attainment from run to run.
///
/// Families, in this order, each channel in report order:
/// - `slareport_attainment_percent` (gauge): first-reply attainment, `achieved / judged` in percent, for
///   channels with a target that judged at least one ticket (no sample otherwise: there is no figure);
/// - `slareport_tickets` (gauge): tickets created in the window, every channel;
/// - `slareport_judged` (gauge): `achieved + breached + early`, channels with a target;
/// - `slareport_breached` (gauge): first-reply breaches (late, or unanswered past the deadline), channels
///   with a target;
/// - `slareport_frt_seconds` (summary): first-reply time in calendar seconds, nearest-rank quantiles 0.5,
///   0.9, 0.95 and 1 (the maximum), and `_count` (tickets replied to), for channels with a reply; no `_sum`
///   (the report keeps no sum, and OpenMetrics makes it optional);
/// - `slareport_frt_business_seconds` (summary): the same on the business clock of the channel's default
///   target, for channels whose target is on one;
/// - for requester wait, agent work and periodic update, families labelled by `channel` and `metric`
///   (`requester_wait`, `agent_work`, `periodic_update`), one sample per channel and metric with a target, so
///   that the first-reply series above keep their label sets: `slareport_metric_attainment_percent` (gauge,
///   only when something was judged), `slareport_metric_judged` (gauge), `slareport_metric_breached`
///   (gauge), `slareport_metric_seconds` (summary of the complete measures in calendar seconds);
/// - `# EOF`.
///
/// Values are integers or `Percent` decimals (`88.7`), written by own code; label values go through
/// ``Escape/openMetricsLabel(_:)``.
public enum MetricsRenderer {
    /// The whole document.
    public static func render(_ model: ReportModel) -> String {
        var out = ""
        func family(_ name: String, type: String, unit: String?, help: String, samples: [String]) {
            out += "# TYPE \(name) \(type)\n"
            if let unit { out += "# UNIT \(name) \(unit)\n" }
            out += "# HELP \(name) \(help)\n"
            for sample in samples { out += sample + "\n" }
        }
        func label(_ channel: ChannelSummary) -> String { "channel=\"\(Escape.openMetricsLabel(channel.key))\"" }
        let targeted = model.channels.filter { $0.firstReply.target != nil }

        family(
            "slareport_attainment_percent", type: "gauge", unit: "percent",
            help: "First-reply attainment: achieved / judged tickets, in percent.",
            samples: targeted.compactMap { channel in
                channel.firstReply.attainment.map { "slareport_attainment_percent{\(label(channel))} \($0)" }
            })
        family(
            "slareport_tickets", type: "gauge", unit: nil, help: "Tickets created in the report window.",
            samples: model.channels.map { "slareport_tickets{\(label($0))} \($0.tickets)" })
        family(
            "slareport_judged", type: "gauge", unit: nil,
            help: "Tickets whose first reply was judged: achieved + breached + early.",
            samples: targeted.map { channel in
                let r = channel.firstReply
                return "slareport_judged{\(label(channel))} \((r.achieved ?? 0) + (r.breached ?? 0) + (r.early ?? 0))"
            })
        family(
            "slareport_breached", type: "gauge", unit: nil,
            help: "Tickets whose first reply breached its target (late, or unanswered past the deadline).",
            samples: targeted.map { "slareport_breached{\(label($0))} \($0.firstReply.breached ?? 0)" })
        family(
            "slareport_frt_seconds", type: "summary", unit: "seconds",
            help: "First-reply time in calendar seconds (nearest-rank quantiles; 1 is the maximum).",
            samples: model.channels.flatMap { summary("slareport_frt_seconds", $0.firstReply.calendar, label($0)) })
        family(
            "slareport_frt_business_seconds", type: "summary", unit: "seconds",
            help: "First-reply time on the business clock of the channel's default target (nearest-rank quantiles).",
            samples: model.channels.flatMap { channel in
                channel.firstReply.business.map { summary("slareport_frt_business_seconds", $0, label(channel)) } ?? []
            })
        let metrics = model.channels.flatMap { channel in channel.statusMetrics.map { (channel, $0) } }
        if !metrics.isEmpty {
            func metricLabel(_ channel: ChannelSummary, _ metric: StatusMetricSummary) -> String {
                label(channel) + ",metric=\"\(Escape.openMetricsLabel(metric.metric.key))\""
            }
            family(
                "slareport_metric_attainment_percent", type: "gauge", unit: "percent",
                help: "Requester wait, agent work or periodic update attainment: achieved / judged, in percent.",
                samples: metrics.compactMap { channel, metric in
                    metric.attainment.map {
                        "slareport_metric_attainment_percent{\(metricLabel(channel, metric))} \($0)"
                    }
                })
            family(
                "slareport_metric_judged", type: "gauge", unit: nil,
                help: "Tickets (intervals, for periodic update) judged: achieved + breached.",
                samples: metrics.map { "slareport_metric_judged{\(metricLabel($0, $1))} \($1.judged)" })
            family(
                "slareport_metric_breached", type: "gauge", unit: nil,
                help: "Tickets (intervals, for periodic update) over their target.",
                samples: metrics.map { "slareport_metric_breached{\(metricLabel($0, $1))} \($1.breached)" })
            family(
                "slareport_metric_seconds", type: "summary", unit: "seconds",
                help: "Requester wait and agent work of solved tickets, periodic-update intervals that ended, in "
                    + "calendar seconds (nearest-rank quantiles; 1 is the maximum).",
                samples: metrics.flatMap { summary("slareport_metric_seconds", $1.calendar, metricLabel($0, $1)) })
        }
        out += "# EOF\n"
        return out
    }

    /// The quantile samples and `_count` of one channel; none when it has no value.
    static func summary(_ name: String, _ stats: DurationStats, _ label: String) -> [String] {
        guard stats.count > 0 else { return [] }
        var lines: [String] = []
        for (quantile, value) in [("0.5", stats.p50), ("0.9", stats.p90), ("0.95", stats.p95), ("1.0", stats.max)] {
            if let value { lines.append("\(name){\(label),quantile=\"\(quantile)\"} \(value)") }
        }
        lines.append("\(name)_count{\(label)} \(stats.count)")
        return lines
    }
}
