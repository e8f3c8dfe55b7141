/// HackerOne reports (SPEC §2.3): the API's JSON:API list `{"data":[{"type":"report","id":…,
/// "attributes":{…},"relationships":{…}}], "links":{…}}` (pages may be concatenated, given as several
/// files, or the reports given alone, in an array or one per line).
///
/// Each report is one record and ticket `hackerone:<id>` with link `https://hackerone.com/reports/<id>`:
/// `created` at `attributes.created_at` (else `submitted_at`), actor = the reporter's username (else its
/// id), value = title; `reply` at `first_program_activity_at` — always the program's reply, whoever the
/// reporter is — actor = the assignee's username or name (recorded as an agent), else the program's handle
/// (recorded as a brand account); `status solved` at `closed_at`. The channel is routed with source
/// `hackerone`, else `hackerone`. A report without id or creation time, or with a date that does not
/// parse, is rejected; elements of `data` whose `type` is not `report` are rejected as such.
public struct HackerOneAdapter: InputAdapter {
    public init() {}

    public var name: String { "hackerone" }
    public var expectation: String { "JSON with data of type report (HackerOne API)" }

    public func detect(_ sniff: InputSniff) -> Bool {
        guard sniff.syntax == .json else { return false }
        let keys = Set(sniff.jsonKeys)
        if keys.contains("attributes") && keys.contains("type") && keys.contains("id") { return true }
        return keys.contains("data") && sniff.prefix.withUnsafeBufferPointer { Self.prefixContains($0, "\"report\"") }
    }

    /// Whether the first 16 KiB of `bytes` contain `needle`.
    static func prefixContains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        let end = min(bytes.count, 16 << 10)
        guard end >= pattern.count, let first = pattern.first else { return false }
        var i = 0
        while i + pattern.count <= end {
            if bytes[i] == first {
                var j = 1
                while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        let channel = context.options.policy.route(RoutingFacts(source: "hackerone")) ?? "hackerone"
        NativeJSONPages.read(sniff, context: context) { item in
            var reports: [(JSONValue, Int)] = []
            switch item.result {
            case .failure(let error):
                let record = log.beginRecord(file: file, line: item.line)
                log.reject(record: record, reason: NativeJSONPages.problem(error, line: item.line))
                return
            case .success(let value):
                if let data = value["data"]?.array {
                    reports = data.enumerated().map { ($1, item.line(of: "data", at: $0)) }
                } else if let single = value["data"], single.object != nil {
                    reports = [(single, item.line)]
                } else {
                    reports = [(value, item.line)]
                }
            }
            for (value, line) in reports {
                let record = log.beginRecord(file: file, line: line)
                if let rejection = Self.report(value, record: record, channel: channel, zone: zone, log: &log) {
                    log.reject(record: record, reason: rejection.reason)
                }
            }
        }
    }

    private static func report(
        _ value: JSONValue, record: UInt32, channel: String, zone: ZoneClock, log: inout EventLog
    )
        -> Rejection?
    {
        guard let object = value.object else { return Rejection("not a JSON object") }
        if let type = NativeFields.text(object["type"]), type != "report" {
            return Rejection("not a report (type \(type))")
        }
        guard let attributes = object["attributes"]?.object else { return Rejection("report without attributes") }
        func username(_ relationship: String) -> String? {
            guard let data = object["relationships"]?[relationship]?["data"] else { return nil }
            let attributes = data["attributes"]
            return NativeFields.text(attributes?["username"]) ?? NativeFields.text(attributes?["name"])
                ?? NativeFields.text(attributes?["handle"]) ?? NativeFields.id(data["id"])
        }
        do throws(Rejection) {
            let createdKey = attributes["created_at"]?.isNull == false ? "created_at" : "submitted_at"
            let created = try NativeFields.requiredTime(attributes[createdKey], key: "created_at", zone: zone).get()
            let report = HackerOneReport(
                id: NativeFields.id(object["id"]), title: NativeFields.text(attributes["title"]), created: created,
                firstResponse: try NativeFields.time(
                    attributes["first_program_activity_at"], key: "first_program_activity_at", zone: zone
                ).get(),
                closed: try NativeFields.time(attributes["closed_at"], key: "closed_at", zone: zone).get(),
                reporter: username("reporter"), responder: username("assignee") ?? username("program"),
                responderIsProgram: username("assignee") == nil)
            return report.append(record: record, channel: channel, log: &log)
        } catch {
            return error
        }
    }
}

/// One HackerOne report as both the API and the CSV export give it.
struct HackerOneReport {
    var id: String?
    var title: String?
    var created: Instant
    var firstResponse: Instant?
    var closed: Instant?
    var reporter: String?
    /// Who answers for the program: the assignee, else the program.
    var responder: String?
    /// The responder is the program's own account, not a person.
    var responderIsProgram = false

    /// Appends the report's events; a rejection when it has no id.
    func append(record: UInt32, channel: String, log: inout EventLog) -> Rejection? {
        guard let id else { return Rejection("report without id") }
        let ticket = NativeTicket(id: "hackerone:" + id, channel: channel, symbols: &log.symbols)
        ticket.append(.created, at: created, actor: reporter, value: title, record: record, to: &log)
        if let firstResponse {
            ticket.append(.reply, at: max(firstResponse, created), actor: responder, record: record, to: &log)
        }
        if let responder {
            log.note(
                log.symbols.intern(responder), is: responderIsProgram ? .handle : .agent, because: .hackerOneProgram)
        }
        if let closed {
            ticket.append(.status, at: max(closed, created), value: "solved", record: record, to: &log)
        }
        ticket.describe(url: "https://hackerone.com/reports/" + id, requester: reporter, in: &log)
        return nil
    }
}

/// HackerOne's CSV export of the report inbox (SPEC §2.3): `id,title,…,state,substate,…,reported_at,
/// first_response_at,triaged_at,closed_at,…,assigned,reporter,…`. Required columns: `id`, `reported_at`; the
/// header must also have `first_response_at` or `substate`. Dates such as `2019-02-07 02:49:29 UTC`.
///
/// Each row is one record, with the events of ``HackerOneAdapter``: `created` at `reported_at` (actor
/// `reporter`, value `title`), `reply` at `first_response_at` (actor `assigned`, recorded as an agent; the
/// program's reply, whoever the reporter is), `status solved` at `closed_at`.
public struct HackerOneCSVAdapter: InputAdapter {
    public init() {}

    public var name: String { "hackerone-csv" }
    public var expectation: String { "a CSV header with id, reported_at, first_response_at (HackerOne export)" }

    static let columns = ["id", "title", "reported_at", "first_response_at", "closed_at", "assigned", "reporter"]

    public func detect(_ sniff: InputSniff) -> Bool {
        sniff.syntax == .csv && sniff.hasColumns(["id", "reported_at"])
            && (sniff.hasColumns(["first_response_at"]) || sniff.hasColumns(["substate"]))
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        let channel = context.options.policy.route(RoutingFacts(source: "hackerone")) ?? "hackerone"
        try CanonicalRows.read(
            sniff, columns: Self.columns, required: ["id", "reported_at"], log: &log, context: &context
        ) {
            row, log in
            let record = log.beginRecord(file: file, line: row.line)
            if let problem = row.problem {
                log.reject(record: record, reason: problem)
                return
            }
            do throws(Rejection) {
                func time(_ column: Int) throws(Rejection) -> Instant? {
                    try CanonicalEventsAdapter.optionalTime(row.field(column), column: Self.columns[column], zone: zone)
                        .get()
                }
                let created = try CanonicalEventsAdapter.requiredTime(row.field(2), column: "reported_at", zone: zone)
                    .get()
                let report = HackerOneReport(
                    id: NativeFields.text(CanonicalEventsAdapter.whole(row.field(0))),
                    title: NativeFields.text(row.field(1)), created: created, firstResponse: try time(3),
                    closed: try time(4), reporter: NativeFields.text(row.field(6)),
                    responder: NativeFields.text(row.field(5)))
                if let rejection = report.append(record: record, channel: channel, log: &log) { throw rejection }
            } catch {
                log.reject(record: record, reason: error.reason)
            }
        }
    }
}
