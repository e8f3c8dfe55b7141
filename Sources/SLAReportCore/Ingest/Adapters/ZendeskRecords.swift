/// One version of a Zendesk ticket as an export shows it (incremental export, legacy export, CSV export,
/// or a snapshot embedded in a skip). Versions are kept until every file is read; the newest wins.
struct ZendeskTicket: Sendable {
    var id: String
    var record: UInt32
    /// A snapshot inside another record (a skip's `ticket`): used only when no export has the ticket, and
    /// never counted as superseded (its record is the skip's).
    var embedded = false
    var created: Instant
    var updated: Instant?
    var subject: String?
    var requesterID: String?
    var requesterName: String?
    var assigneeID: String?
    var assigneeName: String?
    /// Lower-cased as written (`deleted` included).
    var status: String?
    var priority: String?
    /// The routing `via` value (API channel names; display names mapped, see ``ZendeskVia``).
    var via: String?
    var tags: [String] = []
    var group: String?
    var url: String?
    /// Metrics carried by the row itself (legacy and CSV exports).
    var inlineMetric: ZendeskMetric?

    init(id: String, record: UInt32, created: Instant) {
        self.id = id
        self.record = record
        self.created = created
    }
}

/// First-reply and resolution facts Zendesk computed for a ticket (`ticket_metrics`, `metric_sets`, or the
/// flat `first_reply_time_in_minutes` of legacy and CSV exports).
struct ZendeskMetric: Sendable {
    var ticketID: String
    var record: UInt32
    var embedded = false
    var updated: Instant?
    /// Calendar minutes from creation to the first public agent reply.
    var replyMinutes: Int64?
    /// The same within business hours, on the account's Zendesk schedule.
    var replyBusinessMinutes: Int64?
    /// Public agent replies (`replies`, the CSV's `Replies`).
    var replies: Int?
    /// Reopens (`reopens`, the CSV's `Reopens`).
    var reopens: Int?
    var solved: Instant?
    var initiallyAssigned: Instant?
    /// Where the figures come from, for the report.
    var source = "ticket_metrics"
}

/// One Zendesk ticket metric event (`ticket_metric_events`): a clock of one metric started, paused,
/// fulfilled, breached, or an SLA applied, at an exact instant.
struct ZendeskMetricEvent: Sendable {
    var ticketID: String
    var record: UInt32
    /// `reply_time`, `resolution_time`, `requester_wait_time`, …
    var metric: String
    /// 1 for the first clock of a metric (the first reply of `reply_time`), higher for later ones.
    var instance: Int64
    /// `activate`, `fulfill`, `pause`, `apply_sla`, `breach`, `update_status`, …
    var type: String
    var at: Instant
}

/// One ticket audit: who changed what, when.
struct ZendeskAudit: Sendable {
    var ticketID: String
    var record: UInt32
    var at: Instant
    var authorID: String?
    var viaRule: Bool
    var via: String?
    var events: [Event]

    /// The audit events slareport uses.
    struct Event: Sendable {
        enum Kind: Sendable { case comment, create, change }
        var kind: Kind
        var field: String?
        /// The new value as text (`null` → nil); for `tags`, the tags joined by spaces.
        var value: String?
        var tags: [String] = []
        var isPublic = true
        var authorID: String?
        var viaRule: Bool
    }
}

/// A Play-mode skip.
struct ZendeskSkip: Sendable {
    var ticketID: String
    var record: UInt32
    var at: Instant
    var userID: String?
    var reason: String?
}

/// A side-loaded user: name and role.
struct ZendeskUser: Sendable {
    var name: String?
    var role: String?
    var record: UInt32 = 0
}

/// The Zendesk records of one file (then of all files), joined in the join stage once every file is in.
struct ZendeskState: Sendable {
    var tickets: [ZendeskTicket] = []
    var audits: [ZendeskAudit] = []
    var skips: [ZendeskSkip] = []
    var metrics: [ZendeskMetric] = []
    var metricEvents: [ZendeskMetricEvent] = []
    /// Users by id, with the record each came from (the last file's copy of a user wins).
    var users: [String: ZendeskUser] = [:]
    /// Records of users replaced by a later copy (duplicates).
    var supersededUsers: [UInt32] = []

    init() {}

    var isEmpty: Bool {
        tickets.isEmpty && audits.isEmpty && skips.isEmpty && metrics.isEmpty && metricEvents.isEmpty
            && users.isEmpty
    }

    mutating func rebase(by base: UInt32) {
        for i in tickets.indices {
            tickets[i].record += base
            tickets[i].inlineMetric?.record += base
        }
        for i in audits.indices { audits[i].record += base }
        for i in skips.indices { skips[i].record += base }
        for i in metrics.indices { metrics[i].record += base }
        for i in metricEvents.indices { metricEvents[i].record += base }
        for key in users.keys { users[key]?.record += base }
        for i in supersededUsers.indices { supersededUsers[i] += base }
    }

    mutating func absorb(_ other: ZendeskState) {
        tickets += other.tickets
        audits += other.audits
        skips += other.skips
        metrics += other.metrics
        metricEvents += other.metricEvents
        for (id, user) in other.users {
            if let earlier = users[id] { supersededUsers.append(earlier.record) }
            users[id] = user
        }
        supersededUsers += other.supersededUsers
    }
}

/// Parsing of the Zendesk JSON objects into the records above.
enum ZendeskParse {
    /// An API ticket object (incremental export, `ticket`, a skip's snapshot).
    static func ticket(_ object: JSONObject, record: UInt32, zone: ZoneClock) -> Result<ZendeskTicket, Rejection> {
        guard let id = NativeFields.id(object["id"]) else { return .failure(Rejection("ticket without id")) }
        let created: Instant
        switch NativeFields.requiredTime(object["created_at"], key: "created_at", zone: zone) {
        case .success(let instant): created = instant
        case .failure(let rejection): return .failure(rejection)
        }
        var ticket = ZendeskTicket(id: id, record: record, created: created)
        switch NativeFields.time(object["updated_at"], key: "updated_at", zone: zone) {
        case .success(let instant): ticket.updated = instant
        case .failure(let rejection): return .failure(rejection)
        }
        if ticket.updated == nil,
            case .success(let generated) = NativeFields.time(
                object["generated_timestamp"], key: "generated_timestamp", zone: zone)
        {
            ticket.updated = generated
        }
        ticket.subject = NativeFields.text(object["subject"]) ?? NativeFields.text(object["raw_subject"])
        ticket.requesterID = NativeFields.id(object["requester_id"])
        ticket.assigneeID = NativeFields.id(object["assignee_id"])
        ticket.status = NativeFields.text(object["status"])?.lowercased()
        ticket.priority = NativeFields.priority(NativeFields.text(object["priority"]))
        ticket.via = ZendeskVia.channel(object["via"])
        ticket.tags = NativeFields.strings(object["tags"])
        ticket.group = NativeFields.id(object["group_id"])
        ticket.url = NativeFields.text(object["url"])
        if let requester = object["requester"]?.object { ticket.requesterName = NativeFields.text(requester["name"]) }
        if let assignee = object["assignee"]?.object { ticket.assigneeName = NativeFields.text(assignee["name"]) }
        if let set = object["metric_set"]?.object,
            case .success(var metric) = self.metric(
                set, record: record, zone: zone, ticketID: id)
        {
            metric.embedded = true
            ticket.inlineMetric = metric
        }
        return .success(ticket)
    }

    /// A legacy export row (`results[]`, flat keys).
    static func legacyRow(_ object: JSONObject, record: UInt32, zone: ZoneClock) -> Result<ZendeskTicket, Rejection> {
        guard let id = NativeFields.id(object["id"]) else { return .failure(Rejection("row without id")) }
        func time(_ key: String) -> Result<Instant?, Rejection> { NativeFields.time(object[key], key: key, zone: zone) }
        let created: Instant
        switch NativeFields.requiredTime(object["created_at"], key: "created_at", zone: zone) {
        case .success(let instant): created = instant
        case .failure(let rejection): return .failure(rejection)
        }
        var ticket = ZendeskTicket(id: id, record: record, created: created)
        var metric = ZendeskMetric(ticketID: id, record: record)
        metric.embedded = true
        do throws(Rejection) {
            ticket.updated = try time("updated_at").get()
            metric.solved = try time("solved_at").get()
            metric.initiallyAssigned = try time("initially_assigned_at").get()
        } catch {
            return .failure(error)
        }
        metric.updated = ticket.updated
        metric.replyMinutes = NativeFields.minutes(object["first_reply_time_in_minutes"])
        metric.replyBusinessMinutes = NativeFields.minutes(object["first_reply_time_in_minutes_within_business_hours"])
        metric.replies = NativeFields.count(object["replies"])
        metric.reopens = NativeFields.count(object["reopens"])
        metric.source = "Zendesk legacy export"
        ticket.inlineMetric = metric
        ticket.subject = NativeFields.text(object["subject"])
        ticket.requesterID = NativeFields.id(object["req_id"])
        ticket.requesterName = NativeFields.text(object["req_name"])
        ticket.assigneeID = NativeFields.id(object["assignee_id"])
        ticket.assigneeName = NativeFields.text(object["assignee_name"])
        ticket.status = NativeFields.text(object["status"])?.lowercased()
        ticket.priority = NativeFields.priority(NativeFields.text(object["priority"]))
        ticket.via = ZendeskVia.channel(object["via"])
        ticket.tags = (NativeFields.text(object["current_tags"]) ?? "").split(separator: " ").map(String.init)
        ticket.group = NativeFields.text(object["group_name"]) ?? NativeFields.id(object["group_id"])
        ticket.url = NativeFields.text(object["url"])
        return .success(ticket)
    }

    /// A ticket metric (`ticket_metrics[]`, `metric_sets[]`).
    static func metric(_ object: JSONObject, record: UInt32, zone: ZoneClock, ticketID: String? = nil) -> Result<
        ZendeskMetric, Rejection
    > {
        guard let id = ticketID ?? NativeFields.id(object["ticket_id"]) else {
            return .failure(Rejection("ticket metric without ticket_id"))
        }
        var metric = ZendeskMetric(ticketID: id, record: record)
        do throws(Rejection) {
            metric.updated = try NativeFields.time(object["updated_at"], key: "updated_at", zone: zone).get()
            metric.solved = try NativeFields.time(object["solved_at"], key: "solved_at", zone: zone).get()
            metric.initiallyAssigned = try NativeFields.time(
                object["initially_assigned_at"], key: "initially_assigned_at", zone: zone
            ).get()
        } catch {
            return .failure(error)
        }
        let reply = object["reply_time_in_minutes"]
        metric.replyMinutes = NativeFields.minutes(reply?["calendar"]) ?? NativeFields.minutes(reply)
        metric.replyBusinessMinutes = NativeFields.minutes(reply?["business"])
        metric.replies = NativeFields.count(object["replies"])
        metric.reopens = NativeFields.count(object["reopens"])
        return .success(metric)
    }

    /// A ticket metric event (`ticket_metric_events[]`).
    static func metricEvent(_ object: JSONObject, record: UInt32, zone: ZoneClock) -> Result<
        ZendeskMetricEvent, Rejection
    > {
        guard let id = NativeFields.id(object["ticket_id"]) else {
            return .failure(Rejection("ticket metric event without ticket_id"))
        }
        guard let metric = NativeFields.text(object["metric"]), let type = NativeFields.text(object["type"]) else {
            return .failure(Rejection("ticket metric event without metric or type"))
        }
        switch NativeFields.requiredTime(object["time"], key: "time", zone: zone) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let at):
            return .success(
                ZendeskMetricEvent(
                    ticketID: id, record: record, metric: metric, instance: object["instance_id"]?.int ?? 1, type: type,
                    at: at))
        }
    }

    /// A ticket audit with its events.
    static func audit(_ object: JSONObject, record: UInt32, zone: ZoneClock) -> Result<ZendeskAudit, Rejection> {
        guard let ticketID = NativeFields.id(object["ticket_id"]) else {
            return .failure(Rejection("audit without ticket_id"))
        }
        let at: Instant
        switch NativeFields.requiredTime(object["created_at"], key: "created_at", zone: zone) {
        case .success(let instant): at = instant
        case .failure(let rejection): return .failure(rejection)
        }
        let via = ZendeskVia.channel(object["via"])
        let auditRule = via == "rule"
        var events: [ZendeskAudit.Event] = []
        for value in object["events"]?.array ?? [] {
            guard let event = value.object, let type = NativeFields.text(event["type"]) else { continue }
            let eventVia = event["via"].flatMap { ZendeskVia.channel($0) }
            let rule = eventVia.map { $0 == "rule" } ?? auditRule
            switch type {
            case "Comment", "VoiceComment", "FacebookComment":
                events.append(
                    ZendeskAudit.Event(
                        kind: .comment, isPublic: event["public"]?.bool ?? true,
                        authorID: NativeFields.id(event["author_id"]), viaRule: rule))
            case "Create", "Change":
                let raw = event["value"]
                events.append(
                    ZendeskAudit.Event(
                        kind: type == "Create" ? .create : .change, field: NativeFields.text(event["field_name"]),
                        value: NativeFields.id(raw), tags: NativeFields.strings(raw), viaRule: rule))
            default: continue
            }
        }
        return .success(
            ZendeskAudit(
                ticketID: ticketID, record: record, at: at, authorID: NativeFields.id(object["author_id"]),
                viaRule: auditRule, via: via, events: events))
    }

    /// A skip.
    static func skip(_ object: JSONObject, record: UInt32, zone: ZoneClock) -> Result<ZendeskSkip, Rejection> {
        let embedded = object["ticket"]?.object
        guard let ticketID = NativeFields.id(object["ticket_id"]) ?? embedded.flatMap({ NativeFields.id($0["id"]) })
        else { return .failure(Rejection("skip without ticket_id")) }
        let at: Instant
        switch NativeFields.requiredTime(object["created_at"], key: "created_at", zone: zone) {
        case .success(let instant): at = instant
        case .failure(let rejection): return .failure(rejection)
        }
        let userID = NativeFields.id(object["user_id"]) ?? object["user"]?.object.flatMap { NativeFields.id($0["id"]) }
        return .success(
            ZendeskSkip(
                ticketID: ticketID, record: record, at: at, userID: userID, reason: NativeFields.text(object["reason"]))
        )
    }

    /// A user: id, name and role.
    static func user(_ object: JSONObject, record: UInt32) -> (id: String, user: ZendeskUser)? {
        guard let id = NativeFields.id(object["id"]) else { return nil }
        return (
            id,
            ZendeskUser(
                name: NativeFields.text(object["name"]), role: NativeFields.text(object["role"]), record: record)
        )
    }
}
