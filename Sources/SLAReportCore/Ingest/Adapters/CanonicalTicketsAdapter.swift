/// The canonical tickets format (SPEC §2.2): one row per ticket with `ticket, channel, created_at`
/// required and `first_reply_at, solved_at, priority, assignee, status, subject, url, requester` optional,
/// as CSV or JSON objects.
///
/// A row is one record and stands for these events, in this order:
/// - `created` at `created_at`, actor = `requester`, value = `subject`;
/// - `assign` at `created_at` with no actor and value = `assignee`, when an assignee is given, so that the
///   per-agent figures know whose ticket it is;
/// - `priority` at `created_at`, when a priority is given;
/// - `reply` at `first_reply_at`, actor = `assignee`, no `via`;
/// - `status solved` at `solved_at`, no actor.
///
/// `url` and `requester` also go to ``EventLog/ticketAttributes``. Empty times and "never" sentinels
/// (`1900-01-01 00:00:00`) mean absent; a time that does not parse, a priority or status outside the
/// canonical lists, or a missing ticket or creation time rejects the row. `status` is checked but yields no
/// event of its own (it carries no time).
public struct CanonicalTicketsAdapter: InputAdapter {
    public init() {}

    public var name: String { "canonical-tickets" }
    public var expectation: String { "a CSV header or JSON keys with ticket, channel, created_at" }

    static let columns = [
        "ticket", "channel", "created_at", "first_reply_at", "solved_at", "priority", "assignee", "status", "subject",
        "url", "requester",
    ]
    static let required = ["ticket", "channel", "created_at"]
    private enum Column {
        static let ticket = 0
        static let channel = 1
        static let createdAt = 2
        static let firstReplyAt = 3
        static let solvedAt = 4
        static let priority = 5
        static let assignee = 6
        static let status = 7
        static let subject = 8
        static let url = 9
        static let requester = 10
    }

    public func detect(_ sniff: InputSniff) -> Bool { sniff.hasColumns(Self.required) }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        var caches = CanonicalEventsAdapter.Caches()
        let zone = context.options.inputTimeZone
        let file = context.file
        try CanonicalRows.read(
            sniff, columns: Self.columns, required: Self.required, log: &log, context: &context
        ) { row, log in
            let record = log.beginRecord(file: file, line: row.line)
            if let rejection = Self.expand(row, zone: zone, record: record, log: &log, caches: &caches) {
                log.reject(record: record, reason: rejection.reason)
            }
        }
    }

    /// Appends the row's events; a rejection (and nothing appended) when the row is unusable.
    private static func expand(
        _ row: CanonicalRow, zone: ZoneClock, record: UInt32, log: inout EventLog,
        caches: inout CanonicalEventsAdapter.Caches
    ) -> Rejection? {
        if let problem = row.problem { return Rejection(problem) }
        let ticketBytes = CanonicalEventsAdapter.whole(row.field(Column.ticket))
        guard !ticketBytes.isEmpty else { return Rejection("missing ticket") }
        let created: Instant
        switch CanonicalEventsAdapter.requiredTime(row.field(Column.createdAt), column: "created_at", zone: zone) {
        case .success(let instant): created = instant
        case .failure(let rejection): return rejection
        }
        let firstReply: Instant?
        switch CanonicalEventsAdapter.optionalTime(row.field(Column.firstReplyAt), column: "first_reply_at", zone: zone)
        {
        case .success(let instant): firstReply = instant
        case .failure(let rejection): return rejection
        }
        let solved: Instant?
        switch CanonicalEventsAdapter.optionalTime(row.field(Column.solvedAt), column: "solved_at", zone: zone) {
        case .success(let instant): solved = instant
        case .failure(let rejection): return rejection
        }
        let priorityBytes = row.field(Column.priority)
        var priority: String?
        if !priorityBytes.isEmpty {
            let allowed = CanonicalEventsAdapter.priorities
            guard let index = FieldBytes.index(ofIgnoringCase: priorityBytes, in: CanonicalEventsAdapter.priorityWords)
            else {
                return Rejection(
                    "unknown priority \(FieldBytes.quoted(priorityBytes)) (expected \(allowed.joined(separator: ", ")))"
                )
            }
            priority = allowed[index]
        }
        let statusBytes = row.field(Column.status)
        if !statusBytes.isEmpty {
            let allowed = CanonicalEventsAdapter.statuses
            guard FieldBytes.index(ofIgnoringCase: statusBytes, in: CanonicalEventsAdapter.statusWords) != nil else {
                return Rejection(
                    "unknown status \(FieldBytes.quoted(statusBytes)) (expected \(allowed.joined(separator: ", ")))")
            }
        }

        let ticket = caches.ticket.intern(ticketBytes, in: &log.symbols, interner: &caches.interner)
        let channel = caches.channel.intern(row.field(Column.channel), in: &log.symbols, interner: &caches.interner)
        let assignee = caches.actor.intern(
            CanonicalEventsAdapter.whole(row.field(Column.assignee)), in: &log.symbols, interner: &caches.interner)
        let requester = caches.other.intern(
            CanonicalEventsAdapter.whole(row.field(Column.requester)), in: &log.symbols, interner: &caches.interner)
        let subject = log.value(of: .created, bytes: row.field(Column.subject))
        func event(_ kind: EventKind, _ at: Instant, actor: Symbol = .none, value: Symbol = .none) -> TicketEvent {
            TicketEvent(
                ticket: ticket, kind: kind, at: at, actor: actor, value: value, channel: channel, record: record)
        }
        log.append(event(.created, created, actor: requester, value: subject))
        if !assignee.isNone { log.append(event(.assign, created, value: assignee)) }
        if let priority { log.append(event(.priority, created, value: caches.word(priority, in: &log.symbols))) }
        if let firstReply { log.append(event(.reply, firstReply, actor: assignee)) }
        if let solved { log.append(event(.status, solved, value: caches.word("solved", in: &log.symbols))) }

        let url = row.field(Column.url)
        if !url.isEmpty || !requester.isNone {
            var attributes = log.ticketAttributes[ticket] ?? TicketAttributes()
            if !url.isEmpty { attributes.url = String(decoding: url, as: UTF8.self) }
            if !requester.isNone { attributes.requester = log.symbols[requester] }
            log.ticketAttributes[ticket] = attributes
        }
        return nil
    }
}
