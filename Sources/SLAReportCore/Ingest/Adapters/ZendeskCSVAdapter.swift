/// Zendesk's classic "Export as CSV" (SPEC §2.3): one row per ticket, header with `Id` (or `ID`),
/// `Created at` and at least one of `Via`, `Status`, `Requester`.
///
/// Columns used (case-insensitive, any order; others — `Summation column`, custom fields, … — are
/// ignored): `Id`, `Requester`, `Requester id`, `Assignee`, `Group`, `Subject`, `Tags` (space-separated),
/// `Status`, `Priority` (capitalised values are fine), `Via` (display names such as `Mail`, `Web Form`,
/// `Twitter`, `Facebook Post`, mapped by ``ZendeskVia``), `Created at`, `Updated at`, `Initially assigned at`,
/// `Solved at`, `First reply time in minutes`, `First reply time in minutes within business hours`, `Replies`,
/// `Reopens`. Dates are in the account's time zone, read on the policy's `input_timezone`;
/// `1900-01-01 00:00:00` and empty cells mean "never". A row is a ticket version like an incremental export's,
/// joined with audits, skips and metrics in the join stage; when no audits exist for the ticket, Zendesk's own
/// first reply time is the measured value (a `reply` at creation + the calendar minutes, or, when the export
/// has only the business-hours minutes, at creation advanced by them on the policy's schedule).
/// A row without an id or creation time, or with a date that does not parse, is rejected.
public struct ZendeskCSVAdapter: InputAdapter {
    public init() {}

    public var name: String { "zendesk-csv" }
    public var expectation: String { "a CSV header with Id, Created at and Via or Status (Zendesk CSV export)" }

    static let columns = [
        "id", "requester", "requester id", "assignee", "group", "subject", "tags", "status", "priority", "via",
        "created at", "updated at", "initially assigned at", "solved at", "first reply time in minutes", "url",
        "first reply time in minutes within business hours", "replies", "reopens",
    ]
    private enum Column {
        static let id = 0
        static let requester = 1
        static let requesterID = 2
        static let assignee = 3
        static let group = 4
        static let subject = 5
        static let tags = 6
        static let status = 7
        static let priority = 8
        static let via = 9
        static let createdAt = 10
        static let updatedAt = 11
        static let initiallyAssignedAt = 12
        static let solvedAt = 13
        static let firstReplyMinutes = 14
        static let url = 15
        static let firstReplyBusinessMinutes = 16
        static let replies = 17
        static let reopens = 18
    }

    public func detect(_ sniff: InputSniff) -> Bool {
        sniff.syntax == .csv && sniff.hasColumns(["id", "created at"])
            && (sniff.hasColumns(["via"]) || sniff.hasColumns(["status"]) || sniff.hasColumns(["requester"]))
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        var tickets: [ZendeskTicket] = []
        try CanonicalRows.read(
            sniff, columns: Self.columns, required: ["id", "created at"], log: &log, context: &context
        ) {
            row, log in
            let record = log.beginRecord(file: file, line: row.line)
            switch Self.ticket(from: row, record: record, zone: zone) {
            case .success(let ticket): tickets.append(ticket)
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        }
        context.pending.zendesk.tickets += tickets
    }

    private static func ticket(from row: CanonicalRow, record: UInt32, zone: ZoneClock) -> Result<
        ZendeskTicket, Rejection
    > {
        if let problem = row.problem { return .failure(Rejection(problem)) }
        let idBytes = CanonicalEventsAdapter.whole(row.field(Column.id))
        guard let id = NativeFields.text(idBytes) else { return .failure(Rejection("missing Id")) }
        let created: Instant
        switch CanonicalEventsAdapter.requiredTime(row.field(Column.createdAt), column: "Created at", zone: zone) {
        case .success(let instant): created = instant
        case .failure(let rejection): return .failure(rejection)
        }
        var ticket = ZendeskTicket(id: id, record: record, created: created)
        var metric = ZendeskMetric(ticketID: id, record: record)
        metric.embedded = true
        func time(_ column: Int, _ name: String) throws(Rejection) -> Instant? {
            try CanonicalEventsAdapter.optionalTime(row.field(column), column: name, zone: zone).get()
        }
        do throws(Rejection) {
            ticket.updated = try time(Column.updatedAt, "Updated at")
            metric.solved = try time(Column.solvedAt, "Solved at")
            metric.initiallyAssigned = try time(Column.initiallyAssignedAt, "Initially assigned at")
        } catch {
            return .failure(error)
        }
        metric.updated = ticket.updated
        func number(_ column: Int) -> JSONValue? { NativeFields.text(row.field(column)).map { .string($0) } }
        metric.replyMinutes = NativeFields.minutes(number(Column.firstReplyMinutes))
        metric.replyBusinessMinutes = NativeFields.minutes(number(Column.firstReplyBusinessMinutes))
        metric.replies = NativeFields.count(number(Column.replies))
        metric.reopens = NativeFields.count(number(Column.reopens))
        metric.source = "Zendesk CSV export"
        ticket.inlineMetric = metric
        ticket.subject = NativeFields.text(row.field(Column.subject))
        ticket.requesterName = NativeFields.text(row.field(Column.requester))
        ticket.requesterID = NativeFields.text(CanonicalEventsAdapter.whole(row.field(Column.requesterID)))
        ticket.assigneeName = NativeFields.text(row.field(Column.assignee))
        ticket.status = NativeFields.text(row.field(Column.status))?.lowercased()
        ticket.priority = NativeFields.priority(NativeFields.text(row.field(Column.priority)))
        ticket.via = ZendeskVia.channel(NativeFields.text(row.field(Column.via)))
        ticket.tags = (NativeFields.text(row.field(Column.tags)) ?? "").split(separator: " ").map(String.init)
        ticket.group = NativeFields.text(row.field(Column.group))
        ticket.url = NativeFields.text(row.field(Column.url))
        return .success(ticket)
    }
}
