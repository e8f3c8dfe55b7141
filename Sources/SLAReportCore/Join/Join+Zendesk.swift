/// The Zendesk join (SPEC §2.3): every Zendesk record of the run made into events, once all files are read
/// (any file order gives the same events).
///
/// - **Versions**: of the versions of one ticket, the one with the newest `updated_at` wins (the later
///   record on a tie); the others are duplicates. A snapshot inside a skip stands in only when no export has
///   the ticket. A ticket whose winning version has status `deleted` yields nothing: its record, and the
///   audits, skips, metrics and metric events of that ticket, are rejected with "deleted in Zendesk".
/// - **Users**: name actors (an id becomes the user's name) and say who is an agent (`role` agent or admin)
///   and who an end user, as evidence for the directory of people; a user seen again replaces the earlier
///   copy (a duplicate). **Assignees** are agents (only agents can be assignees).
/// - **created**: at `created_at`, actor = the requester's name (side-loaded users, `req_name`) or id,
///   value = subject; channel by the policy's routing (source `zendesk`, `via`, tags, group, priority), else
///   ``ZendeskVia/fallbackChannel(via:)``. Without any version, the ticket's audit with `Create` events (or
///   its first audit) creates it.
/// - **With audits** for the ticket, they give every other event (and the version its `priority` at creation
///   when no audit sets one): a `Comment` that is not public is a
///   `note`; the ticket's description (the first public comment of the audit that creates it, at the
///   creation instant) is a `comment`, never a reply (Zendesk's first reply time never counts it); every
///   other public comment is a `post`, which the join makes a reply or a comment by Zendesk's definition
///   (``Join/resolvePosts(_:policy:)``). `Create`/`Change` of `assignee_id`, `status` and `priority` are
///   `assign`, `status` and `priority` events, actor = the audit's author, or `system` when made `via` a
///   `rule` (trigger, automation). An audit that yields no event counts with its ticket. The ticket's metrics,
///   if given, only cross-check the audits (``VendorMetric`` without a placement).
/// - **Without audits**, the ticket's own fields and Zendesk's own metrics give: `priority` at creation;
///   `assign` of the current assignee at `initially_assigned_at` (else at creation), with no actor; the
///   first `reply` (actor = the current assignee) at the exact instant of the `reply_time` metric event that
///   fulfilled it, else at creation + the calendar minutes of the first reply time (`reply_time_in_minutes`,
///   `first_reply_time_in_minutes`, the CSV's `First reply time in minutes`), else — an export with only
///   business-hours minutes — at creation advanced by those minutes on the business clock of the ticket's
///   channel's schedule; `status solved` at `solved_at` (else the last `resolution_time` fulfilment, else the
///   current `solved`/`closed` status at `updated_at`). `replies` and `reopens` are kept with the figures.
/// - **Skips**: `skip` at `created_at`, actor = the user's name or id, value = the reason.
/// - A metric for a ticket that no input has is rejected (there is nothing to measure it against).
extension Join {
    static let deletedInZendesk = "deleted in Zendesk"

    static func zendesk(_ state: ZendeskState, policy: Policy, into log: inout EventLog) {
        for record in state.supersededUsers { log.ledger.settle(record, .duplicate) }
        let users = state.users
        func name(_ id: String?) -> String? {
            guard let id else { return nil }
            return users[id]?.name ?? id
        }
        for id in users.keys.sorted() {
            guard let user = users[id], let name = name(id) else { continue }
            switch user.role?.lowercased() {
            case "agent", "admin": log.note(log.symbols.intern(name), is: .agent, because: .zendeskRole)
            case "end-user", "end_user", "enduser":
                log.note(log.symbols.intern(name), is: .customer, because: .zendeskRole)
            default: break
            }
        }

        // Winning versions and metrics.
        var winners: [String: ZendeskTicket] = [:]
        var snapshots: [String: ZendeskTicket] = [:]
        for ticket in state.tickets {
            if ticket.embedded {
                if let other = snapshots[ticket.id],
                    !newer(ticket.updated, ticket.record, than: other.updated, other.record)
                {
                    continue
                }
                snapshots[ticket.id] = ticket
                continue
            }
            guard let other = winners[ticket.id] else {
                winners[ticket.id] = ticket
                continue
            }
            if newer(ticket.updated, ticket.record, than: other.updated, other.record) {
                log.ledger.settle(other.record, .duplicate)
                winners[ticket.id] = ticket
            } else {
                log.ledger.settle(ticket.record, .duplicate)
            }
        }
        for (id, snapshot) in snapshots where winners[id] == nil { winners[id] = snapshot }
        var metrics: [String: ZendeskMetric] = [:]
        for metric in state.metrics {
            guard let other = metrics[metric.ticketID] else {
                metrics[metric.ticketID] = metric
                continue
            }
            if newer(metric.updated, metric.record, than: other.updated, other.record) {
                if !other.embedded { log.ledger.settle(other.record, .duplicate) }
                metrics[metric.ticketID] = metric
            } else if !metric.embedded {
                log.ledger.settle(metric.record, .duplicate)
            }
        }
        var audits: [String: [ZendeskAudit]] = [:]
        for audit in state.audits { audits[audit.ticketID, default: []].append(audit) }
        var metricEvents: [String: [ZendeskMetricEvent]] = [:]
        for event in state.metricEvents { metricEvents[event.ticketID, default: []].append(event) }

        // Tickets in the order their first record was read.
        var firstRecord: [String: UInt32] = [:]
        for (id, ticket) in winners { firstRecord[id] = ticket.record }
        for (id, list) in audits {
            let first = list.map(\.record).min() ?? 0
            firstRecord[id] = min(firstRecord[id] ?? first, first)
        }
        let ids = firstRecord.keys.sorted { (firstRecord[$0] ?? 0, $0) < (firstRecord[$1] ?? 0, $1) }
        let resolver = TargetResolver(policy: policy)
        var deletedTickets = Set<String>()
        for id in ids {
            let ticketAudits = (audits[id] ?? []).sorted { ($0.at, $0.record) < ($1.at, $1.record) }
            let events = (metricEvents[id] ?? []).sorted { ($0.at, $0.record) < ($1.at, $1.record) }
            let version = winners[id]
            if let version, version.status == "deleted" {
                deletedTickets.insert(id)
                log.reject(record: version.record, reason: deletedInZendesk)
                for audit in ticketAudits { log.reject(record: audit.record, reason: deletedInZendesk) }
                if let metric = metrics[id] { log.reject(record: metric.record, reason: deletedInZendesk) }
                for event in events { log.reject(record: event.record, reason: deletedInZendesk) }
                continue
            }
            // Creation facts from the version, else from the audits' Create events.
            let creating = ticketAudits.first { $0.events.contains { $0.kind == .create } } ?? ticketAudits.first
            func created(_ field: String) -> ZendeskAudit.Event? {
                creating?.events.first { $0.kind == .create && $0.field == field }
            }
            let requesterID = version?.requesterID ?? created("requester_id")?.value ?? creating?.authorID
            let requester = version?.requesterName ?? name(requesterID)
            let facts = RoutingFacts(
                source: "zendesk", via: version?.via ?? creating?.via,
                tags: version?.tags ?? created("tags")?.tags ?? [], group: version?.group ?? created("group_id")?.value,
                priority: version?.priority ?? NativeFields.priority(created("priority")?.value))
            let channel = policy.route(facts) ?? ZendeskVia.fallbackChannel(via: facts.via)
            let ticket = NativeTicket(id: "zendesk:" + id, channel: channel, symbols: &log.symbols)
            if log.routingFacts != nil { log.routingFacts?[ticket.ticket] = facts }
            let createdAt: Instant
            if let version {
                createdAt = version.created
                ticket.append(
                    .created, at: version.created, actor: requester, value: version.subject, record: version.record,
                    to: &log)
                ticket.describe(url: ZendeskVia.agentURL(version.url, id: id), requester: requester, in: &log)
                if let assignee = version.assigneeName ?? name(version.assigneeID) {
                    log.note(log.symbols.intern(assignee), is: .agent, because: .zendeskAssignee)
                }
            } else if let creating {
                createdAt = creating.at
                ticket.append(
                    .created, at: creating.at, actor: requester, value: created("subject")?.value,
                    record: creating.record, to: &log)
                ticket.describe(url: nil, requester: requester, in: &log)
            } else {
                continue
            }
            let metric = metrics[id] ?? version?.inlineMetric
            if !ticketAudits.isEmpty {
                // The audits give every event but `created`; a priority they never set is the version's, from
                // creation on (it decides the targets).
                let auditsSetPriority = ticketAudits.contains { audit in
                    audit.events.contains { $0.kind != .comment && $0.field == "priority" }
                }
                if !auditsSetPriority, let version, let priority = version.priority {
                    ticket.append(.priority, at: createdAt, value: priority, record: version.record, to: &log)
                }
                var description = creating.map { $0.at == createdAt } ?? false
                for audit in ticketAudits {
                    let before = log.events.count
                    appendAudit(
                        audit, ticket: ticket, description: audit.record == creating?.record && description,
                        name: name, log: &log)
                    if audit.record == creating?.record { description = false }
                    if log.events.count == before { log.ledger.attach(audit.record, to: ticket.ticket) }
                }
                if let metric, metric.record != version?.record { log.ledger.attach(metric.record, to: ticket.ticket) }
                for event in events { log.ledger.attach(event.record, to: ticket.ticket) }
                if var figures = vendorFigures(metric, events: events) {
                    figures.checksHistory = true
                    log.vendorMetrics[ticket.ticket] = figures
                }
            } else if let version {
                let calendar =
                    resolver.channelPolicy(channel, createdAt: version.created).map {
                        resolver.calendar(for: $0)
                    } ?? PolicyCalendars(policy: policy).calendar(named: "default")
                appendFields(
                    version, metric: metric, events: events, assignee: version.assigneeName ?? name(version.assigneeID),
                    calendar: calendar, ticket: ticket, log: &log)
            }
        }
        for (id, metric) in metrics where winners[id] == nil && audits[id] == nil {
            log.reject(
                record: metric.record, reason: "metrics for ticket zendesk:\(id), which no tickets export includes")
        }
        for (id, events) in metricEvents where winners[id] == nil && audits[id] == nil {
            for event in events {
                log.reject(
                    record: event.record,
                    reason: "metric event for ticket zendesk:\(id), which no tickets export includes")
            }
        }
        for skip in state.skips {
            if deletedTickets.contains(skip.ticketID) {
                log.reject(record: skip.record, reason: deletedInZendesk)
                continue
            }
            let ticket = NativeTicket(id: "zendesk:" + skip.ticketID, channel: "", symbols: &log.symbols)
            ticket.append(
                .skip, at: skip.at, actor: name(skip.userID), value: skip.reason, record: skip.record, to: &log)
        }
    }

    /// Whether a record updated at `a` (record `ra`) is newer than one updated at `b` (record `rb`).
    private static func newer(_ a: Instant?, _ ra: UInt32, than b: Instant?, _ rb: UInt32) -> Bool {
        switch (a, b) {
        case (.some(let x), .some(let y)) where x != y: return x > y
        case (.some, .none): return true
        case (.none, .some): return false
        default: return ra > rb
        }
    }

    /// Zendesk's own figures for a ticket, from its metric and metric events; nil when there are none.
    private static func vendorFigures(_ metric: ZendeskMetric?, events: [ZendeskMetricEvent]) -> VendorMetric? {
        let fulfilled = events.first { $0.metric == "reply_time" && $0.instance == 1 && $0.type == "fulfill" }
        guard metric != nil || fulfilled != nil else { return nil }
        var figures = VendorMetric(source: metric?.source ?? "ticket_metric_events")
        if fulfilled != nil, metric == nil || metric?.source == "ticket_metrics" {
            figures.source = metric == nil ? "ticket_metric_events" : "ticket_metrics, ticket_metric_events"
        }
        figures.replyCalendarSeconds = metric?.replyMinutes.map { $0 * 60 }
        figures.replyBusinessSeconds = metric?.replyBusinessMinutes.map { $0 * 60 }
        figures.replyAt = fulfilled?.at
        figures.replies = metric?.replies
        figures.reopens = metric?.reopens
        return figures
    }

    private static func appendAudit(
        _ audit: ZendeskAudit, ticket: NativeTicket, description: Bool, name: (String?) -> String?,
        log: inout EventLog
    ) {
        var description = description
        for event in audit.events {
            let actor = event.viaRule ? "system" : name(audit.authorID)
            switch event.kind {
            case .comment:
                let author = name(event.authorID ?? audit.authorID)
                if !event.isPublic {
                    ticket.append(.note, at: audit.at, actor: author, record: audit.record, to: &log)
                } else if description {
                    description = false
                    ticket.append(.comment, at: audit.at, actor: author, record: audit.record, to: &log)
                } else {
                    ticket.append(.post, at: audit.at, actor: author, record: audit.record, to: &log)
                }
            case .create, .change:
                switch event.field {
                case "assignee_id":
                    if event.kind == .create && event.value == nil { continue }  // created unassigned
                    ticket.append(
                        .assign, at: audit.at, actor: actor, value: name(event.value), record: audit.record, to: &log)
                case "status":
                    if let status = NativeFields.status(event.value) {
                        ticket.append(
                            .status, at: audit.at, actor: actor, value: status, record: audit.record, to: &log)
                    }
                case "priority":
                    if let priority = NativeFields.priority(event.value) {
                        ticket.append(
                            .priority, at: audit.at, actor: actor, value: priority, record: audit.record, to: &log)
                    }
                default: continue
                }
            }
        }
    }

    private static func appendFields(
        _ version: ZendeskTicket, metric: ZendeskMetric?, events: [ZendeskMetricEvent], assignee: String?,
        calendar: BusinessCalendar, ticket: NativeTicket, log: inout EventLog
    ) {
        let created = version.created
        var used = Set<UInt32>()
        func append(_ kind: EventKind, at: Instant, actor: String? = nil, value: String? = nil, record: UInt32) {
            ticket.append(kind, at: max(at, created), actor: actor, value: value, record: record, to: &log)
            used.insert(record)
        }
        if let priority = version.priority { append(.priority, at: created, value: priority, record: version.record) }
        let metricRecord = metric?.record ?? version.record
        if let assignee {
            if let at = metric?.initiallyAssigned {
                append(.assign, at: at, value: assignee, record: metricRecord)
            } else {
                append(.assign, at: created, value: assignee, record: version.record)
            }
        }
        var figures = vendorFigures(metric, events: events)
        let fulfilled = events.first { $0.metric == "reply_time" && $0.instance == 1 && $0.type == "fulfill" }
        if let fulfilled {
            append(.reply, at: fulfilled.at, actor: assignee, record: fulfilled.record)
            figures?.placement = .metricEvent
        } else if let minutes = metric?.replyMinutes {
            append(.reply, at: created.adding(seconds: minutes * 60), actor: assignee, record: metricRecord)
            figures?.placement = .calendarMinutes
        } else if let minutes = metric?.replyBusinessMinutes {
            let at =
                minutes == 0 ? created : calendar.advance(from: created, bySeconds: minutes * 60, clock: .businessHours)
            append(.reply, at: at, actor: assignee, record: metricRecord)
            figures?.placement = .businessMinutes
        } else if let replies = metric?.replies, replies > 0 {
            figures?.replyTimeUnknown = true
        }
        let solvedEvent = events.last { $0.metric == "resolution_time" && $0.type == "fulfill" }
        if let solved = metric?.solved {
            append(.status, at: solved, value: "solved", record: metricRecord)
        } else if let solvedEvent {
            append(.status, at: solvedEvent.at, value: "solved", record: solvedEvent.record)
        } else if let status = NativeFields.status(version.status), status == "solved" || status == "closed",
            let updated = version.updated
        {
            append(.status, at: updated, value: status, record: version.record)
        }
        if let metric, !used.contains(metric.record), metric.record != version.record {
            log.ledger.attach(metric.record, to: ticket.ticket)
        }
        for event in events where !used.contains(event.record) { log.ledger.attach(event.record, to: ticket.ticket) }
        if let figures { log.vendorMetrics[ticket.ticket] = figures }
    }
}
