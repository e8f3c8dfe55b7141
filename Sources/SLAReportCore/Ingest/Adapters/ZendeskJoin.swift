/// Joins every Zendesk record of the run into events, once all files are read (any file order gives the
/// same events).
///
/// - **Versions**: of the versions of one ticket, the one with the newest `updated_at` wins (the later
///   record on a tie); the records of the others are superseded (counted as duplicates). A snapshot inside
///   a skip stands in only when no export has the ticket. A ticket whose winning version has status
///   `deleted` yields nothing: its record, and the audits, skips and metrics of that ticket, are rejected
///   with the reason "deleted in Zendesk".
/// - **created**: at `created_at`, actor = the requester's name (side-loaded users, `req_name`) or id, value =
///   subject; channel by the policy's routing (source `zendesk`, `via`, tags, group, priority), else
///   ``ZendeskVia/fallbackChannel(via:)``. Without any version, the ticket's audit with `Create` events (or
///   its first audit) creates it: actor = the `Create` `requester_id`, value = the `Create` `subject`.
/// - **With audits** for the ticket, they give every other event: a `Comment` that is not public is a
///   `note`; a public one by an agent is a `reply` (via `zendesk`), by anyone else a `comment`. Who is an
///   agent: the side-loaded user's `role` (`agent`, `admin`) when users are given and the author is among
///   them; otherwise anyone but the ticket's requester. `Create`/`Change` of `assignee_id`, `status` and
///   `priority` are `assign`, `status` and `priority` events, actor = the audit's author, or `system` when
///   made `via` a `rule` (trigger, automation). Statuses and priorities outside the canonical lists are
///   ignored.
/// - **Without audits**, the ticket's own fields and its metrics (a side-loaded metric set or ticket metric
///   for that ticket, newest `updated_at` winning; else the row's own `first_reply_time_in_minutes`) give:
///   `priority` at creation; `assign` of the current assignee at `initially_assigned_at` (else at
///   creation), with no actor; `reply` at creation + the calendar first-reply minutes, actor = the current
///   assignee; `status solved` at `solved_at`, or the current `solved`/`closed` status at `updated_at` when
///   no `solved_at` is known.
/// - **Skips**: `skip` at `created_at`, actor = the user's name or id, value = the reason.
/// - A metric for a ticket that no input has is rejected (there is nothing to measure it against).
enum ZendeskJoin {
    static let deleted = "deleted in Zendesk"

    static func finish(into log: inout EventLog, context: inout IngestContext) {
        let policy = context.options.policy
        context.withState(ZendeskState.self) { state in
            guard !state.finished else { return }
            state.finished = true
            join(state, policy: policy, into: &log)
        }
    }

    private static func join(_ state: ZendeskState, policy: Policy, into log: inout EventLog) {
        let users = state.users
        let hasRoles = users.values.contains { $0.role != nil }
        func name(_ id: String?) -> String? {
            guard let id else { return nil }
            return users[id]?.name ?? id
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
                log.supersededRecords.insert(other.record)
                winners[ticket.id] = ticket
            } else {
                log.supersededRecords.insert(ticket.record)
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
                if !other.embedded { log.supersededRecords.insert(other.record) }
                metrics[metric.ticketID] = metric
            } else if !metric.embedded {
                log.supersededRecords.insert(metric.record)
            }
        }
        var audits: [String: [ZendeskAudit]] = [:]
        for audit in state.audits { audits[audit.ticketID, default: []].append(audit) }

        // Tickets in the order their first record was read.
        var firstRecord: [String: UInt32] = [:]
        for (id, ticket) in winners { firstRecord[id] = ticket.record }
        for (id, list) in audits {
            let first = list.map(\.record).min() ?? 0
            firstRecord[id] = min(firstRecord[id] ?? first, first)
        }
        let ids = firstRecord.keys.sorted { (firstRecord[$0] ?? 0, $0) < (firstRecord[$1] ?? 0, $1) }
        var deletedTickets = Set<String>()
        for id in ids {
            let ticketAudits = (audits[id] ?? []).sorted { ($0.at, $0.record) < ($1.at, $1.record) }
            let version = winners[id]
            if let version, version.status == "deleted" {
                deletedTickets.insert(id)
                log.reject(record: version.record, reason: deleted)
                for audit in ticketAudits { log.reject(record: audit.record, reason: deleted) }
                if let metric = metrics[id] { log.reject(record: metric.record, reason: deleted) }
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
            if let version {
                ticket.append(
                    .created, at: version.created, actor: requester, value: version.subject, record: version.record,
                    to: &log)
                ticket.describe(url: ZendeskVia.agentURL(version.url, id: id), requester: requester, in: &log)
            } else if let creating {
                ticket.append(
                    .created, at: creating.at, actor: requester, value: created("subject")?.value,
                    record: creating.record, to: &log)
                ticket.describe(url: nil, requester: requester, in: &log)
            }
            if !ticketAudits.isEmpty {
                func isAgent(_ user: String?) -> Bool {
                    guard let user else { return false }
                    if hasRoles, let role = users[user]?.role?.lowercased() {
                        return role == "agent" || role == "admin"
                    }
                    return user != requesterID
                }
                for audit in ticketAudits {
                    appendAudit(audit, ticket: ticket, isAgent: isAgent, name: name, log: &log)
                }
            } else if let version {
                let metric = metrics[id] ?? version.inlineMetric
                appendFields(
                    version, metric: metric, assignee: version.assigneeName ?? name(version.assigneeID),
                    ticket: ticket, log: &log)
            }
        }
        for (id, metric) in metrics where winners[id] == nil && audits[id] == nil {
            log.reject(
                record: metric.record, reason: "metrics for ticket zendesk:\(id), which no tickets export includes")
        }
        for skip in state.skips {
            if deletedTickets.contains(skip.ticketID) {
                log.reject(record: skip.record, reason: deleted)
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

    private static func appendAudit(
        _ audit: ZendeskAudit, ticket: NativeTicket, isAgent: (String?) -> Bool, name: (String?) -> String?,
        log: inout EventLog
    ) {
        for event in audit.events {
            let actor = event.viaRule ? "system" : name(audit.authorID)
            switch event.kind {
            case .comment:
                let author = event.authorID ?? audit.authorID
                if !event.isPublic {
                    ticket.append(.note, at: audit.at, actor: name(author), record: audit.record, to: &log)
                } else if isAgent(author) {
                    ticket.append(
                        .reply, at: audit.at, actor: name(author), via: "zendesk", record: audit.record, to: &log)
                } else {
                    ticket.append(.comment, at: audit.at, actor: name(author), record: audit.record, to: &log)
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
        _ version: ZendeskTicket, metric: ZendeskMetric?, assignee: String?, ticket: NativeTicket, log: inout EventLog
    ) {
        if let priority = version.priority {
            ticket.append(.priority, at: version.created, value: priority, record: version.record, to: &log)
        }
        let metricRecord = metric?.record ?? version.record
        if let assignee {
            let at = metric?.initiallyAssigned ?? version.created
            ticket.append(
                .assign, at: max(at, version.created), value: assignee,
                record: metric?.initiallyAssigned != nil ? metricRecord : version.record, to: &log)
        }
        if let minutes = metric?.replyMinutes {
            ticket.append(
                .reply, at: version.created.adding(seconds: minutes * 60), actor: assignee, record: metricRecord,
                to: &log)
        }
        if let solved = metric?.solved {
            ticket.append(.status, at: max(solved, version.created), value: "solved", record: metricRecord, to: &log)
        } else if let status = NativeFields.status(version.status), status == "solved" || status == "closed",
            let updated = version.updated
        {
            ticket.append(.status, at: max(updated, version.created), value: status, record: version.record, to: &log)
        }
    }
}
