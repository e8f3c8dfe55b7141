/// Zendesk's JSON exports (SPEC §2.3): the incremental ticket export (time-based and cursor pages), the legacy
/// `exports/tickets` export, ticket audits, ticket skips, ticket metrics, ticket metric events and side-loaded
/// users.
///
/// There is one adapter value per shape (so that the report names each file's format), but every one reads
/// every Zendesk object it finds: a page `{"tickets":[…], "users":[…], "metric_sets":[…]}` is read whole, and
/// pages of several kinds may be concatenated in one file. Accepted shapes: page objects with the keys
/// `tickets`, `ticket`, `results`, `audits`, `audit`, `skips`, `ticket_skips`, `ticket_metrics`,
/// `ticket_metric`, `metric_sets`, `ticket_metric_events`, `users`, `user` (pagination keys such as `end_time`, `after_cursor`,
/// `end_of_stream`, `next_page`, `meta`, `links` are ignored); several pages one after another, as an array or
/// as NDJSON; and bare objects of each kind (a ticket, an audit, a skip, a metric, a user) alone, in an array
/// or one per line.
///
/// Each ticket version, audit, skip, metric, metric event and user is one record. Nothing becomes an event
/// while reading: the join stage joins every file's records (``Join``), so files may come in any order.
public struct ZendeskJSONAdapter: InputAdapter {
    /// The shape an adapter value detects.
    public enum Kind: Sendable, CaseIterable {
        case incremental, legacyExport, audits, skips, ticketMetrics, metricEvents, users
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var name: String {
        switch kind {
        case .incremental: "zendesk-incremental"
        case .legacyExport: "zendesk-legacy-export"
        case .audits: "zendesk-audits"
        case .skips: "zendesk-skips"
        case .ticketMetrics: "zendesk-ticket-metrics"
        case .metricEvents: "zendesk-ticket-metric-events"
        case .users: "zendesk-users"
        }
    }

    public var expectation: String {
        switch kind {
        case .incremental: "JSON with tickets (Zendesk incremental export) or ticket objects"
        case .legacyExport: "JSON with results and field_headers (Zendesk legacy export)"
        case .audits: "JSON with audits (Zendesk ticket audits)"
        case .skips: "JSON with skips or ticket_skips (Zendesk ticket skips)"
        case .ticketMetrics: "JSON with ticket_metrics or metric_sets (Zendesk ticket metrics)"
        case .metricEvents: "JSON with ticket_metric_events (Zendesk ticket metric events)"
        case .users: "JSON with users (Zendesk users)"
        }
    }

    public func detect(_ sniff: InputSniff) -> Bool {
        sniff.syntax == .json && ZendeskShape.kind(ofKeys: Set(sniff.jsonKeys)) == kind
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        var state = ZendeskState()
        NativeJSONPages.read(sniff, context: context) { item in
            ZendeskShape.read(item, file: file, zone: zone, into: &log, state: &state)
        }
        context.pending.zendesk.absorb(state)
    }
}

/// Recognises Zendesk objects by their keys and sorts them into ``ZendeskState``.
enum ZendeskShape {
    /// The adapter kind for a file whose first object has `keys`; nil when it is no Zendesk shape.
    static func kind(ofKeys keys: Set<String>) -> ZendeskJSONAdapter.Kind? {
        if keys.contains("tickets") || keys.contains("ticket") && !keys.contains("audit") { return .incremental }
        if keys.contains("results") { return .legacyExport }
        if keys.contains("audits") || keys.contains("audit") { return .audits }
        if keys.contains("skips") || keys.contains("ticket_skips") { return .skips }
        if keys.contains("ticket_metric_events") || keys.contains("ticket_metric_event") { return .metricEvents }
        if keys.contains("ticket_metrics") || keys.contains("metric_sets") || keys.contains("ticket_metric") {
            return .ticketMetrics
        }
        if keys.contains("users") || keys.contains("user") && !keys.contains("ticket_id") { return .users }
        switch bare(keys) {
        case .ticket: return .incremental
        case .legacyRow: return .legacyExport
        case .audit: return .audits
        case .skip: return .skips
        case .metric: return .ticketMetrics
        case .metricEvent: return .metricEvents
        case .user: return .users
        case nil: return nil
        }
    }

    /// A Zendesk object that is not a page.
    enum Bare { case ticket, legacyRow, audit, skip, metric, metricEvent, user }

    /// What a bare object is, by its keys.
    static func bare(_ keys: Set<String>) -> Bare? {
        if keys.contains("events") && keys.contains("ticket_id") { return .audit }
        if keys.contains("metric") && keys.contains("ticket_id") && keys.contains("type") { return .metricEvent }
        if keys.contains("reply_time_in_minutes") || keys.contains("ticket_id") && keys.contains("reopens") {
            return .metric
        }
        if keys.contains("ticket_id") && keys.contains("user_id") { return .skip }
        if keys.contains("req_name") || keys.contains("req_id") || keys.contains("first_reply_time_in_minutes") {
            return .legacyRow
        }
        if keys.contains("id") && keys.contains("created_at")
            && (keys.contains("requester_id") || keys.contains("status") || keys.contains("subject"))
        {
            return .ticket
        }
        if keys.contains("id") && keys.contains("name") && keys.contains("role") { return .user }
        return nil
    }

    private static let pageKeys = [
        "tickets", "ticket", "results", "audits", "audit", "skips", "ticket_skips", "ticket_metrics", "ticket_metric",
        "metric_sets", "ticket_metric_events", "ticket_metric_event", "users", "user",
    ]

    /// Reads one top-level item: a page, or a bare object.
    static func read(
        _ item: NativeJSONPages.Item, file: UInt32, zone: ZoneClock, into log: inout EventLog,
        state: inout ZendeskState
    ) {
        let object: JSONObject
        switch item.result {
        case .failure(let error):
            let record = log.beginRecord(file: file, line: item.line)
            log.reject(record: record, reason: NativeJSONPages.problem(error, line: item.line))
            return
        case .success(let value):
            guard let found = value.object else {
                let record = log.beginRecord(file: file, line: item.line)
                log.reject(record: record, reason: "not a JSON object")
                return
            }
            object = found
        }
        let keys = Set(object.keys)
        if pageKeys.contains(where: keys.contains) {
            for key in pageKeys {
                switch object[key] {
                case .some(.array(let elements)):
                    for (index, element) in elements.enumerated() {
                        let record = log.beginRecord(file: file, line: item.line(of: key, at: index))
                        guard let member = element.object else {
                            log.reject(record: record, reason: "an element of \(key) is not a JSON object")
                            continue
                        }
                        read(
                            member, as: kind(ofPageKey: key, member), record: record, zone: zone, log: &log,
                            state: &state)
                    }
                case .some(.object(let member)):
                    let record = log.beginRecord(file: file, line: item.line)
                    read(member, as: kind(ofPageKey: key, member), record: record, zone: zone, log: &log, state: &state)
                default: continue
                }
            }
            return
        }
        let record = log.beginRecord(file: file, line: item.line)
        guard let kind = bare(keys) else {
            let shown = object.keys.prefix(8).joined(separator: ", ")
            log.reject(record: record, reason: "not a Zendesk ticket, audit, skip, metric or user (keys: \(shown))")
            return
        }
        read(object, as: kind, record: record, zone: zone, log: &log, state: &state)
    }

    /// What the elements of a page's member `key` are. `results` holds legacy rows or, from the search API,
    /// ticket objects (`via` as an object).
    private static func kind(ofPageKey key: String, _ member: JSONObject) -> Bare {
        switch key {
        case "tickets", "ticket": return .ticket
        case "results": return member["via"]?.object != nil || member["result_type"] != nil ? .ticket : .legacyRow
        case "audits", "audit": return .audit
        case "skips", "ticket_skips": return .skip
        case "ticket_metrics", "ticket_metric", "metric_sets": return .metric
        case "ticket_metric_events", "ticket_metric_event": return .metricEvent
        default: return .user
        }
    }

    private static func read(
        _ object: JSONObject, as kind: Bare, record: UInt32, zone: ZoneClock, log: inout EventLog,
        state: inout ZendeskState
    ) {
        switch kind {
        case .ticket:
            switch ZendeskParse.ticket(object, record: record, zone: zone) {
            case .success(let ticket): state.tickets.append(ticket)
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        case .legacyRow:
            switch ZendeskParse.legacyRow(object, record: record, zone: zone) {
            case .success(let ticket): state.tickets.append(ticket)
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        case .audit:
            switch ZendeskParse.audit(object, record: record, zone: zone) {
            case .success(let audit): state.audits.append(audit)
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        case .skip:
            switch ZendeskParse.skip(object, record: record, zone: zone) {
            case .success(let skip):
                state.skips.append(skip)
                if let snapshot = object["ticket"]?.object,
                    case .success(var ticket) = ZendeskParse.ticket(snapshot, record: record, zone: zone)
                {
                    ticket.embedded = true
                    state.tickets.append(ticket)
                }
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        case .metric:
            switch ZendeskParse.metric(object, record: record, zone: zone) {
            case .success(let metric): state.metrics.append(metric)
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        case .metricEvent:
            switch ZendeskParse.metricEvent(object, record: record, zone: zone) {
            case .success(let event): state.metricEvents.append(event)
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        case .user:
            guard let (id, user) = ZendeskParse.user(object, record: record) else {
                log.reject(record: record, reason: "user without id")
                return
            }
            if let earlier = state.users[id] { log.ledger.settle(earlier.record, .duplicate) }
            state.users[id] = user
        }
    }
}
