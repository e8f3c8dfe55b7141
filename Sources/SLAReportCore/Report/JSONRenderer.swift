/// Writes the machine-readable report, schema `slareport/1` (SPEC §5.1), field for field and in the order
/// shown there, 2-space indented with a trailing newline.
///
/// Decisions where the schema is silent:
/// - `policy` also carries `"versions"`: the `effective_from` dates of the later policy versions used
///   (SPEC §3: "the report names the policy (and versions) used"); `[]` when none;
/// - a channel without a first-reply target has `"target": null`, `"goal": null` and null outcome counts
///   (`achieved`, `breached`, `open_overdue`, `pending`, `early`, `attainment`) but still its `replied` count
///   and its times;
/// - every stats object has the keys `p50 p90 p95 max mean`, null when no value was measured;
/// - `passed_over` entries carry `channel` too (after `ticket`, like every other rule list);
/// - `breaches` lists the ``ReportModel/listLimit`` latest breaches of all (by lateness; ties: channel order,
///   then ticket id) in the list's order (channel by channel, latest first), and appends `assignee` and `url`
///   (null when unknown) after the schema's keys; `"breach_counts"` after it: `total` (every breach) and
///   `listed`; each `rules` list holds its first ``ReportModel/listLimit`` findings (they are sorted oldest
///   or worst first) and `"rules_counts"` after `rules` gives every list's full count; `rejected` holds the
///   first ``DataQuality/rejectedListLimit`` in input order (`totals` has the full number);
/// - `data_quality` always ends with `"unrecognised"`: the files that were not read (a format not
///   recognised, a file that could not be opened, a special file or broken link in a directory), as
///   `{path, line, reason}` (`[]` when none), then `"warnings"`: the readers' warnings that rejected nothing
///   (`{path, line, message}`, at most 1000) and `"warning_count"`, so the shape never changes;
/// - `window` also has `"as_of_source"`: the `path:line` of the record that set the default as-of (null
///   when `--as-of` was given);
/// - `first_reply` has `"judged"` (achieved + breached + early; null without a target) after `"replied"`,
///   and ends with `"from_vendor_metric"`: first replies placed by Zendesk's own figure (whole minutes, or
///   business minutes on the schedule) rather than a timestamp; a channel also has `"left_out"` (tickets
///   counted but left out of the first-reply figures: Disqus reply tickets, tickets answered without a
///   time); `previous` has `"judged"` and `"trend_left_out"` (why the trend is not shown, or null);
/// - `"handles"` after `"agents"`: the team's brand accounts, in the agents' shape;
/// - the document ends with `"warnings"`: `{kind, channel, ticket, message}` of what the reader must know to
///   trust the figures (nothing judged under a gate, an outlier as-of, a channel nobody on the team acted
///   on, tickets answered without a reply time, a ticket whose history and Zendesk's metric disagree).
/// - per channel, after `next_reply`, the objects `requester_wait`, `agent_work` and `periodic_update` of SPEC §4
///   (null without a target of the metric): `target` (`by priority` when only `by_priority` sets one), `goal`,
///   `measured` (solved tickets, or ended intervals for periodic update, whose times are given), `judged`,
///   `achieved`, `breached`, `open_overdue`, `pending`, `attainment`, `calendar_seconds`, `business_seconds`
///   (on the clock of the channel's default target of the metric; null when that is calendar);
/// - after `breaches`, `"metric_breaches"`: the breached requester waits, agent works and periodic-update
///   intervals (`{metric, ticket, channel, created, target, interval_started, breached_at, seconds,
///   over_by_seconds, open_overdue, assignee, url}`; metric by metric, furthest over first within each
///   channel, at most ``ReportModel/metricBreachListLimit``), and `"metric_breach_counts"` with the full number
///   per metric.
/// Instants are RFC 3339 UTC strings (`2016-11-21T09:14:03Z`); durations are whole seconds.
public enum JSONRenderer {
    /// The schema identifier written as `"schema"`.
    public static let schema = "slareport/1"

    /// The whole JSON document.
    public static func render(_ model: ReportModel) -> String {
        renderBytes(model).string
    }

    /// The whole JSON document as UTF-8 bytes.
    static func renderBytes(_ model: ReportModel) -> ByteSink {
        var sink = ByteSink(reserving: 4096 + min(model.breaches.count, ReportModel.listLimit) * 260)
        write(model, to: &sink)
        return sink
    }

    /// Writes the document into `sink` (an in-memory buffer, or a buffered file writer: the document is never
    /// whole in memory).
    static func write(_ model: ReportModel, to sink: inout ByteSink) {
        var w = JSONWriter(into: sink)
        w.object { w in
            w.field("schema", schema)
            w.key("tool")
            w.object { w in
                w.field("name", "slareport")
                w.field("version", model.toolVersion)
            }
            w.key("window")
            w.object { w in
                w.field("since", model.window.since)
                w.field("until", model.window.until)
                w.field("as_of", model.window.asOf)
                w.field("as_of_source", model.window.asOfSource)
            }
            w.key("policy")
            w.object { w in
                w.field("name", model.policy.name)
                w.field("source", model.policy.source)
                w.key("versions")
                w.array(model.policy.versions) { w, version in w.string(version) }
            }
            w.key("channels")
            w.array(model.channels) { w, channel in writeChannel(channel, to: &w) }
            w.key("rules")
            writeRules(model.rules.capped(at: ReportModel.listLimit), to: &w)
            w.key("rules_counts")
            w.object { w in
                for (key, count) in model.rules.counts.keyed { w.field(key, count) }
            }
            let listed = Array(model.breaches.lazy.filter(\.listed).prefix(ReportModel.listLimit))
            w.key("breaches")
            w.array(listed) { w, breach in
                w.object { w in
                    w.field("ticket", breach.ticket)
                    w.field("channel", breach.channel)
                    w.field("created", breach.created)
                    w.field("deadline", breach.deadline)
                    w.field("first_reply", breach.firstReply)
                    w.field("late_by_seconds", breach.lateBySeconds)
                    w.field("assignee", breach.assignee)
                    w.field("url", breach.url)
                }
            }
            w.key("breach_counts")
            w.object { w in
                w.field("total", model.breachTotal)
                w.field("listed", listed.count)
            }
            writeMetricBreaches(model.metricBreaches, to: &w)
            w.key("agents")
            w.array(model.agents) { w, agent in writeAgent(agent, to: &w) }
            w.key("handles")
            w.array(model.handles) { w, agent in writeAgent(agent, to: &w) }
            w.key("data_quality")
            writeDataQuality(model.dataQuality, to: &w)
            w.key("warnings")
            w.array(model.warnings) { w, warning in
                w.object { w in
                    w.field("kind", warning.kind.rawValue)
                    w.field("channel", warning.channel)
                    w.field("ticket", warning.ticket)
                    w.field("message", warning.message)
                }
            }
        }
        w.finish()
        sink = w.take()
    }

    static func writeAgent(_ agent: AgentRow, to w: inout JSONWriter) {
        w.object { w in
            w.field("agent", agent.agent)
            w.field("replies", agent.replies)
            w.field("first_replies", agent.firstReplies)
            w.field("frt_p50_seconds", agent.frtP50Seconds)
            w.field("breached_assigned", agent.breachedAssigned)
            w.field("skips", agent.skips)
            w.field("passed_over_takes", agent.passedOverTakes)
            w.field("cross_assignments", agent.crossAssignments)
        }
    }

    // MARK: Channels

    static func writeChannel(_ channel: ChannelSummary, to w: inout JSONWriter) {
        w.object { w in
            w.field("channel", channel.key)
            w.field("name", channel.name)
            w.field("tickets", channel.tickets)
            w.field("left_out", channel.leftOut)
            w.key("first_reply")
            writeReply(channel.firstReply, vendorFigures: channel.vendorFigures, to: &w)
            w.key("next_reply")
            if let next = channel.nextReply { writeReply(next, to: &w) } else { w.null() }
            for metric in StatusClock.metrics {
                w.key(metric.key)
                if let summary = channel.statusMetric(metric) { writeStatusMetric(summary, to: &w) } else { w.null() }
            }
            w.key("resolution")
            w.object { w in
                w.field("solved", channel.resolution.solved)
                w.field("reopens", channel.resolution.reopens)
                w.key("first_calendar_seconds")
                writeStats(channel.resolution.firstCalendar, to: &w)
                w.key("full_calendar_seconds")
                writeStats(channel.resolution.fullCalendar, to: &w)
            }
            w.key("previous")
            if let previous = channel.previous {
                w.object { w in
                    w.field("tickets", previous.tickets)
                    w.field("judged", previous.judged)
                    w.field("attainment", previous.attainment)
                    if case .leftOut(let reason) = channel.trend {
                        w.field("trend_left_out", reason)
                    } else {
                        w.field("trend_left_out", nil as String?)
                    }
                }
            } else {
                w.null()
            }
        }
    }

    static func writeReply(_ reply: ReplySummary, vendorFigures: Int? = nil, to w: inout JSONWriter) {
        let hasTarget = reply.target != nil
        w.object { w in
            w.field("target", reply.target)
            w.field("goal", hasTarget ? reply.goal : nil)
            w.field("replied", reply.replied)
            w.field("judged", hasTarget ? reply.judged : nil)
            w.field("achieved", hasTarget ? reply.achieved : nil)
            w.field("breached", hasTarget ? reply.breached : nil)
            w.field("open_overdue", hasTarget ? reply.openOverdue : nil)
            w.field("pending", hasTarget ? reply.pending : nil)
            w.field("early", hasTarget ? reply.early : nil)
            w.field("attainment", hasTarget ? reply.attainment : nil)
            w.key("calendar_seconds")
            writeStats(reply.calendar, to: &w)
            w.key("business_seconds")
            if let business = reply.business { writeStats(business, to: &w) } else { w.null() }
            if let vendorFigures { w.field("from_vendor_metric", vendorFigures) }
        }
    }

    static func writeStatusMetric(_ metric: StatusMetricSummary, to w: inout JSONWriter) {
        w.object { w in
            w.field("target", metric.target)
            w.field("goal", metric.goal)
            w.field("measured", metric.measured)
            w.field("judged", metric.judged)
            w.field("achieved", metric.achieved)
            w.field("breached", metric.breached)
            w.field("open_overdue", metric.openOverdue)
            w.field("pending", metric.pending)
            w.field("attainment", metric.attainment)
            w.key("calendar_seconds")
            writeStats(metric.calendar, to: &w)
            w.key("business_seconds")
            if let business = metric.business { writeStats(business, to: &w) } else { w.null() }
        }
    }

    /// `metric_breaches` (capped) and `metric_breach_counts` (every breach, per metric).
    static func writeMetricBreaches(_ breaches: [MetricBreachRow], to w: inout JSONWriter) {
        w.key("metric_breaches")
        w.array(breaches.prefix(ReportModel.metricBreachListLimit)) { w, b in
            w.object { w in
                w.field("metric", b.metric.key)
                w.field("ticket", b.ticket)
                w.field("channel", b.channel)
                w.field("created", b.created)
                w.field("target", b.target)
                w.field("interval_started", b.intervalStarted)
                w.field("breached_at", b.breachedAt)
                w.field("seconds", b.seconds)
                w.field("over_by_seconds", b.overBySeconds)
                w.key("open_overdue")
                w.bool(b.openOverdue)
                w.field("assignee", b.assignee)
                w.field("url", b.url)
            }
        }
        w.key("metric_breach_counts")
        w.object { w in
            for metric in StatusClock.metrics {
                w.field(metric.key, breaches.reduce(0) { $0 + ($1.metric == metric ? 1 : 0) })
            }
        }
    }

    static func writeStats(_ stats: DurationStats, to w: inout JSONWriter) {
        w.object { w in
            w.field("p50", stats.p50)
            w.field("p90", stats.p90)
            w.field("p95", stats.p95)
            w.field("max", stats.max)
            w.field("mean", stats.mean)
        }
    }

    // MARK: Rules

    static func writeRules(_ rules: RuleFindings, to w: inout JSONWriter) {
        w.object { w in
            w.key("skips")
            w.array(rules.skips) { w, f in
                w.object { w in
                    w.field("ticket", f.ticket)
                    w.field("channel", f.channel)
                    w.field("agent", f.agent)
                    w.field("at", f.at)
                    w.field("reason", f.reason)
                }
            }
            w.key("passed_over")
            w.array(rules.passedOver) { w, f in
                w.object { w in
                    w.field("ticket", f.ticket)
                    w.field("channel", f.channel)
                    w.field("agent", f.agent)
                    w.field("at", f.at)
                    w.field("count", f.count)
                    w.key("oldest")
                    w.array(f.oldest) { w, id in w.string(id) }
                }
            }
            w.key("cross_assignments")
            w.array(rules.crossAssignments) { w, f in
                w.object { w in
                    w.field("ticket", f.ticket)
                    w.field("channel", f.channel)
                    w.field("by", f.by)
                    w.field("to", f.to)
                    w.field("at", f.at)
                }
            }
            w.key("wrong_handle")
            w.array(rules.wrongHandle) { w, f in writeReplyFinding(f, to: &w) }
            w.key("outside_zendesk")
            w.array(rules.outsideZendesk) { w, f in writeReplyFinding(f, to: &w) }
            w.key("duplicate_responses")
            w.array(rules.duplicateResponses) { w, f in
                w.object { w in
                    w.field("ticket", f.ticket)
                    w.field("channel", f.channel)
                    w.field("first_agent", f.firstAgent)
                    w.field("second_agent", f.secondAgent)
                    w.field("first_at", f.firstAt)
                    w.field("second_at", f.secondAt)
                    w.field("gap_seconds", f.secondAt.seconds - f.firstAt.seconds)
                }
            }
            w.key("disqus_reply_tickets_unsolved")
            w.array(rules.disqusReplyTicketsUnsolved) { w, f in
                w.object { w in
                    w.field("ticket", f.ticket)
                    w.field("channel", f.channel)
                    w.field("created", f.created)
                    w.field("requester", f.requester)
                    w.field("url", f.url)
                }
            }
            w.key("early_replies")
            w.array(rules.earlyReplies) { w, f in
                w.object { w in
                    w.field("ticket", f.ticket)
                    w.field("channel", f.channel)
                    w.field("agent", f.agent)
                    w.field("created", f.created)
                    w.field("first_reply", f.firstReply)
                    w.field("frt_seconds", f.frtSeconds)
                }
            }
        }
    }

    static func writeReplyFinding(_ f: ReplyFinding, to w: inout JSONWriter) {
        w.object { w in
            w.field("ticket", f.ticket)
            w.field("channel", f.channel)
            w.field("agent", f.agent)
            w.field("at", f.at)
            w.field("via", f.via)
        }
    }

    // MARK: Data quality

    static func writeDataQuality(_ quality: DataQuality, to w: inout JSONWriter) {
        w.object { w in
            w.key("files")
            w.array(quality.files) { w, file in
                w.object { w in
                    w.field("path", file.path)
                    w.field("format", file.format)
                    writeCounts(file.counts, to: &w)
                }
            }
            w.key("totals")
            w.object { w in writeCounts(quality.totals, to: &w) }
            w.key("rejected")
            w.array(quality.rejected.prefix(DataQuality.rejectedListLimit)) { w, r in writeRejected(r, to: &w) }
            w.key("unrecognised")
            w.array(quality.unrecognised) { w, r in writeRejected(r, to: &w) }
            w.key("warnings")
            w.array(quality.warnings.prefix(DataQuality.rejectedListLimit)) { w, r in
                w.object { w in
                    w.field("path", r.path)
                    w.field("line", r.line)
                    w.field("message", r.reason)
                }
            }
            w.field("warning_count", quality.warningCount)
        }
    }

    static func writeCounts(_ counts: QualityCounts, to w: inout JSONWriter) {
        w.field("read", counts.read)
        w.field("used", counts.used)
        w.field("duplicates", counts.duplicates)
        w.field("out_of_window", counts.outOfWindow)
        w.field("rejected", counts.rejected)
    }

    static func writeRejected(_ record: RejectedRecord, to w: inout JSONWriter) {
        w.object { w in
            w.field("path", record.path)
            w.field("line", record.line)
            w.field("reason", record.reason)
        }
    }
}
