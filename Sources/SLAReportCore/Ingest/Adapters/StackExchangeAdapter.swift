/// Stack Exchange questions as the API returns them (SPEC §2.3): `{"items":[…], "has_more", "quota_max",
/// "quota_remaining"}` pages (with `filter=withbody` or a filter that adds `answers` and `comments`), or
/// question objects alone, in an array or one per line.
///
/// Each question is one record and ticket `stackexchange:<question_id>`, link = `link`: `created` at
/// `creation_date` (Unix seconds), actor = `owner.display_name` (else `owner.user_id`), value = the title
/// (HTML entities decoded); every answer, the question's comments and the answers' comments are `reply`s
/// when their owner is a policy agent (by display name or user id) and `comment`s otherwise; `closed_date`
/// is `status closed`. The channel is routed with source `stackexchange`, else `stack-overflow` (question
/// tags such as `docker` name topics, not channels, and are not routing tags). A question without id or
/// creation date, or with a date that does not parse, is rejected.
public struct StackExchangeAdapter: InputAdapter {
    public init() {}

    public var name: String { "stackexchange" }
    public var expectation: String { "JSON with items of questions (Stack Exchange API)" }

    public func detect(_ sniff: InputSniff) -> Bool {
        guard sniff.syntax == .json else { return false }
        let keys = Set(sniff.jsonKeys)
        if keys.contains("question_id") && keys.contains("creation_date") { return true }
        return keys.contains("items")
            && (keys.contains("quota_max") || keys.contains("has_more") || keys.contains("quota_remaining"))
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        let agents = NativeAgents(context.options.policy.agents)
        let policy = context.options.policy
        NativeJSONPages.read(sniff, context: context) { item in
            var questions: [(JSONValue, Int)] = []
            switch item.result {
            case .failure(let error):
                let record = log.beginRecord(file: file, line: item.line)
                log.reject(record: record, reason: NativeJSONPages.problem(error, line: item.line))
                return
            case .success(let value):
                if let items = value["items"]?.array {
                    questions = items.enumerated().map { ($1, item.line(of: "items", at: $0)) }
                } else if value["question_id"] != nil {
                    questions = [(value, item.line)]
                } else {
                    let record = log.beginRecord(file: file, line: item.line)
                    log.reject(record: record, reason: "neither a question nor a page of items")
                    return
                }
            }
            for (value, line) in questions {
                let record = log.beginRecord(file: file, line: line)
                if let rejection = Self.question(
                    value, record: record, zone: zone, agents: agents, policy: policy, log: &log)
                {
                    log.reject(record: record, reason: rejection.reason)
                }
            }
        }
    }

    private static func owner(_ value: JSONValue?) -> (name: String?, id: String?) {
        let owner = value?["owner"]
        let id = NativeFields.id(owner?["user_id"])
        return (NativeFields.text(owner?["display_name"]).map(decodeEntities) ?? id, id)
    }

    private static func question(
        _ value: JSONValue, record: UInt32, zone: ZoneClock, agents: NativeAgents, policy: Policy,
        log: inout EventLog
    ) -> Rejection? {
        guard let object = value.object else { return Rejection("not a JSON object") }
        guard let id = NativeFields.id(object["question_id"]) else { return Rejection("question without question_id") }
        do throws(Rejection) {
            let created = try NativeFields.requiredTime(object["creation_date"], key: "creation_date", zone: zone).get()
            var responses: [(at: Instant, name: String?, id: String?)] = []
            func collect(_ list: JSONValue?, what: String) throws(Rejection) {
                for entry in list?.array ?? [] {
                    let at = try NativeFields.requiredTime(
                        entry["creation_date"], key: "creation_date of \(what)", zone: zone
                    )
                    .get()
                    let (name, userID) = owner(entry)
                    responses.append((at, name, userID))
                    try collect(entry["comments"], what: "a comment")
                }
            }
            try collect(object["comments"], what: "a comment")
            try collect(object["answers"], what: "an answer")
            let closed = try NativeFields.time(object["closed_date"], key: "closed_date", zone: zone).get()

            let channel = policy.route(RoutingFacts(source: "stackexchange")) ?? "stack-overflow"
            let ticket = NativeTicket(id: "stackexchange:" + id, channel: channel, symbols: &log.symbols)
            let asker = owner(value).name
            ticket.append(
                .created, at: created, actor: asker, value: NativeFields.text(object["title"]).map(decodeEntities),
                record: record, to: &log)
            for response in responses {
                let kind: EventKind = agents.contains(response.name) || agents.contains(response.id) ? .reply : .comment
                ticket.append(kind, at: response.at, actor: response.name, record: record, to: &log)
            }
            if let closed {
                ticket.append(.status, at: max(closed, created), value: "closed", record: record, to: &log)
            }
            ticket.describe(url: NativeFields.text(object["link"]), requester: asker, in: &log)
            return nil
        } catch {
            return error
        }
    }

    /// The HTML entities the API writes in titles and names: `&amp; &lt; &gt; &quot; &#39;` and `&#NN;`.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            guard let semi = tail.firstIndex(of: ";"), tail.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = String(tail[tail.index(after: amp)..<semi])
            var replacement: String?
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16) {
                    replacement = Unicode.Scalar(code).map { String(Character($0)) }
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()) {
                    replacement = Unicode.Scalar(code).map { String(Character($0)) }
                }
            }
            if let replacement {
                out += replacement
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        return out + rest
    }
}
