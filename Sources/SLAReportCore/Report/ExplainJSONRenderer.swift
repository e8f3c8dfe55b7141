/// `slareport explain --format json`: one ticket's story as JSON, schema `slareport-explain/1` (the README
/// documents every key). Keys are always present, in this order, `null` when there is no value; instants
/// are RFC 3339 UTC, durations whole seconds (`…_seconds`), local wall times `HH:MM[:SS]` in the schedule's
/// zone. Strings go through ``Escape/json(_:)`` (``JSONWriter``).
public enum ExplainJSONRenderer {
    public static let schema = "slareport-explain/1"

    public static func render(_ x: TicketExplanation, toolVersion: String = SLAReportVersion.current) -> String {
        var w = JSONWriter(reserving: 16_384)
        w.object { w in
            w.field("schema", schema)
            w.key("tool")
            w.object { w in
                w.field("name", "slareport")
                w.field("version", toolVersion)
            }
            w.field("ticket", x.ticket)
            w.field("source", x.source.name)
            w.key("record")
            location(x.createdRecord, &w)
            w.field("created", x.created)
            w.field("subject", x.subject)
            w.field("url", x.url)
            w.key("window")
            window(x.window, &w)
            w.key("policy")
            w.object { w in
                w.field("name", x.policy.name)
                w.field("source", x.policy.source)
                w.field("version", x.policy.version)
                w.key("versions")
                w.array(x.policy.versions) { w, v in w.string(v) }
            }
            w.key("channel")
            channel(x.channel, &w)
            w.key("target")
            target(x.target, &w)
            w.key("people")
            w.array(x.people) { w, p in
                w.object { w in
                    w.field("actor", p.actor)
                    w.field("name", p.name)
                    w.field("role", p.role)
                    w.key("requester")
                    w.bool(p.isRequester)
                    w.key("reasons")
                    w.array(p.reasons) { w, r in w.string(r) }
                }
            }
            w.key("events")
            w.array(x.events) { w, e in
                w.object { w in
                    w.field("at", e.at)
                    w.field("event", e.kind)
                    w.field("actor", e.actor)
                    w.field("role", e.role)
                    w.field("value", e.value)
                    w.field("via", e.via)
                    w.key("record")
                    location(e.record, &w)
                    let (counted, clock) = name(of: e.counted)
                    w.field("counted", counted)
                    w.field("clock", clock)
                    w.field("meaning", e.meaning)
                }
            }
            w.key("clocks")
            w.array(x.clocks) { w, c in story(c, &w) }
            w.key("resolution")
            w.object { w in
                w.field("first_solved_seconds", x.resolution.firstSolvedSeconds)
                w.field("full_solved_seconds", x.resolution.fullSolvedSeconds)
                w.field("reopens", x.resolution.reopens)
                w.field("status", x.resolution.status)
            }
            w.key("row")
            if let row = x.row { self.row(row, &w) } else { w.null() }
            w.key("flags")
            w.array(x.flags) { w, f in
                w.object { w in
                    w.field("flag", f.flag)
                    w.field("meaning", f.meaning)
                }
            }
            w.key("findings")
            w.array(x.findings) { w, f in w.string(f) }
            w.field("left_out", x.leftOut)
            w.key("notes")
            w.array(x.notes) { w, n in w.string(n) }
        }
        w.finish()
        return w.output
    }

    /// The `counted` name of an event (snake case) and the 1-based clock it starts or stops, if any.
    public static func name(of count: EventCount) -> (String, Int?) {
        switch count {
        case .creation: ("creation", nil)
        case .firstReply: ("first_reply", nil)
        case .creationMessage: ("creation_message", nil)
        case .systemReply: ("system_reply", nil)
        case .nextReplyStopped(let c): ("next_reply_stopped", c + 1)
        case .laterReply: ("later_reply", nil)
        case .commentBeforeFirstReply: ("comment_before_first_reply", nil)
        case .nextReplyStarted(let c): ("next_reply_started", c + 1)
        case .commentWhileWaiting(let c): ("comment_while_waiting", c + 1)
        case .priorityBeforeFirstReply: ("priority_before_first_reply", nil)
        case .priorityAtFirstReply: ("priority_at_first_reply", nil)
        case .priorityAfterFirstReply: ("priority_after_first_reply", nil)
        case .assignee: ("assignee", nil)
        case .firstSolve(let c): ("first_solve", c.map { $0 + 1 })
        case .solveAgain(let c): ("solve_again", c.map { $0 + 1 })
        case .reopen: ("reopen", nil)
        case .status: ("status", nil)
        case .noClock: ("no_clock", nil)
        case .afterAsOf: ("after_as_of", nil)
        }
    }

    // MARK: Parts

    private static func location(_ l: SourceLocation, _ w: inout JSONWriter) {
        w.object { w in
            w.field("path", l.path)
            w.field("line", l.line)
        }
    }

    private static func window(_ v: TicketExplanation.Window, _ w: inout JSONWriter) {
        w.object { w in
            w.field("since", v.since)
            w.field("until", v.until)
            w.field("as_of", v.asOf)
            w.field("as_of_source", v.asOfSource)
            w.key("channels")
            if let channels = v.channels { w.array(channels) { w, c in w.string(c) } } else { w.null() }
            w.key("in_report")
            w.bool(v.inReport)
            w.field("outside", v.outside)
        }
    }

    private static func channel(_ c: TicketExplanation.ChannelChoice, _ w: inout JSONWriter) {
        w.object { w in
            w.field("key", c.key)
            w.field("name", c.name)
            switch c.chosenBy {
            case .record(let location)?:
                w.field("chosen_by", "record")
                w.key("record")
                self.location(location, &w)
                w.key("routing")
                w.null()
            case .routing(let index, let builtIn, let rule, let facts)?:
                w.field("chosen_by", "routing")
                w.key("record")
                w.null()
                w.key("routing")
                w.object { w in
                    w.field("index", index)
                    w.key("built_in")
                    w.bool(builtIn)
                    w.field("rule", rule)
                    w.field("facts", facts)
                }
            case nil:
                w.key("chosen_by")
                w.null()
                w.key("record")
                w.null()
                w.key("routing")
                w.null()
            }
        }
    }

    private static func target(_ t: TicketExplanation.TargetChoice, _ w: inout JSONWriter) {
        w.object { w in
            w.field("first_reply", t.firstReply?.description)
            w.field("channel_first_reply", t.channelFirstReply?.description)
            w.field("next_reply", t.nextReply?.description)
            w.field("channel_next_reply", t.channelNextReply?.description)
            w.field("not_before", t.notBefore?.description)
            w.field("priority", t.priority)
            w.field("priority_event", t.priorityEvent)
            w.key("by_priority")
            w.bool(t.byPriority)
            w.key("by_priority_keys")
            w.array(t.byPriorityKeys) { w, k in w.string(k) }
            w.key("schedule")
            if let s = t.schedule {
                w.object { w in
                    w.field("name", s.name)
                    w.field("timezone", s.timezone)
                    w.key("hours")
                    w.array(s.hours) { w, h in w.string(h) }
                    w.key("holidays")
                    w.array(s.holidays) { w, h in w.string(h) }
                    w.key("dates")
                    w.array(s.dates) { w, d in w.string(d) }
                }
            } else {
                w.null()
            }
            w.key("reasons")
            w.array(t.reasons) { w, r in w.string(r) }
        }
    }

    private static func clockName(_ clock: Clock) -> String {
        switch clock {
        case .calendar: "calendar"
        case .businessHours: "business_hours"
        case .businessDays: "business_days"
        }
    }

    private static func story(_ c: ClockStory, _ w: inout JSONWriter) {
        w.object { w in
            w.field("metric", c.metric.key)
            w.field("number", c.number)
            w.field("started", c.started)
            w.field("started_by", c.startedBy)
            w.field("stopped", c.stopped)
            w.field("stopped_by", c.stoppedBy)
            w.field("target", c.target?.description)
            w.field("clock", clockName(c.clock))
            w.field("schedule", c.schedule)
            w.field("timezone", c.timezone)
            w.field("deadline", c.deadline)
            w.field("deadline_rule", c.deadlineRule)
            w.field("not_before", c.notBefore)
            w.field("calendar_seconds", c.calendarSeconds)
            w.field("clock_seconds", c.clockSeconds)
            w.field("outcome", c.outcome?.rawValue)
            w.key("open_overdue")
            w.bool(c.openOverdue)
            w.key("margin")
            if let m = c.margin {
                w.object { w in
                    w.field("kind", m.kind.rawValue)
                    w.field("calendar_seconds", m.calendarSeconds)
                    w.field("clock_seconds", m.clockSeconds)
                }
            } else {
                w.null()
            }
            w.key("days")
            w.array(c.days) { w, d in day(d, &w) }
            w.field("days_left_out", c.daysLeftOut)
            w.key("notes")
            w.array(c.notes) { w, n in w.string(n) }
        }
    }

    private static func day(_ d: ClockStory.StoryDay, _ w: inout JSONWriter) {
        w.object { w in
            w.field("date", d.day.date)
            w.field("weekday", d.day.weekdayName)
            w.field("kind", d.day.kind.rawValue)
            w.key("working_day")
            w.bool(d.day.workingDay)
            w.key("hours")
            w.array(d.day.stretches) { w, s in
                w.object { w in
                    w.field("from", ExplainFormat.wall(s.start))
                    w.field("to", ExplainFormat.wall(s.end))
                    w.key("from_day_before")
                    w.bool(s.fromDayBefore)
                }
            }
            w.field("counted_seconds", d.counted)
            w.field("total_seconds", d.total)
            w.field("length_seconds", d.day.length)
            w.field("utc_offset", ExplainFormat.offset(d.day.offset))
            w.key("offset_changes")
            w.array(d.day.offsetChanges) { w, change in
                w.object { w in
                    w.field("at", change.at)
                    w.field("from", ExplainFormat.offset(change.from))
                    w.field("to", ExplainFormat.offset(change.to))
                }
            }
            w.key("marks")
            w.array(d.marks) { w, m in
                w.object { w in
                    w.field("what", m.what)
                    w.field("at", m.at)
                    w.field("local", ExplainFormat.wall(m.wallSeconds))
                }
            }
        }
    }

    /// The per-ticket CSV's columns (``CSVRenderer/columns``), same names, same values.
    private static func row(_ r: TicketRow, _ w: inout JSONWriter) {
        w.object { w in
            w.field("ticket", r.ticket)
            w.field("channel", r.channel)
            w.field("priority", r.priority)
            w.field("created", r.created)
            w.field("first_reply", r.firstReply)
            w.field("frt_seconds", r.frtSeconds)
            w.field("frt_business_seconds", r.frtBusinessSeconds)
            w.field("target", r.target)
            w.field("deadline", r.deadline)
            w.field("outcome", r.outcome)
            w.field("assignee", r.assignee)
            w.key("flags")
            w.array(r.flags) { w, f in w.string(f) }
            w.field("requester_wait_seconds", r.requesterWaitSeconds)
            w.field("requester_wait_outcome", r.requesterWaitOutcome)
            w.field("agent_work_seconds", r.agentWorkSeconds)
            w.field("agent_work_outcome", r.agentWorkOutcome)
        }
    }
}
