/// Stack Exchange questions as the API returns them (SPEC §2.3): `{"items":[…], "has_more", "quota_max",
/// "quota_remaining"}` pages (with `filter=withbody` or a filter that adds `answers` and `comments`), or
/// question objects alone, in an array or one per line.
///
/// **Each question, answer and comment is one record**, at its own line. A question is ticket
/// `stackexchange:<question_id>`, link = `link`: `created` at `creation_date` (Unix seconds), actor =
/// `owner.display_name` (else `owner.user_id`), value = the title (HTML entities decoded); every answer, the
/// question's comments and the answers' comments are `post`s, which the join makes replies (by somebody on
/// the team: a policy agent, by display name or — recorded as evidence — by user id, or an agent elsewhere
/// in the inputs) or comments (the asker's own, and everybody else's); `closed_date` is `status closed`. The
/// channel is routed with source `stackexchange`, else `stack-overflow` (question tags such as `docker` name
/// topics, not channels, and are not routing tags). A question without id or creation date, or an answer or
/// comment whose date does not parse, is rejected.
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
        let policy = context.options.policy
        let agentKeys = Set(policy.agents.flatMap { [$0.name] + $0.aliases }.map(NameKey.key))
        let channel = policy.route(RoutingFacts(source: "stackexchange")) ?? "stack-overflow"
        let nested: Set<String> = [
            "items.answers", "items.comments", "items.answers.comments", "answers.comments",
        ]
        NativeJSONPages.read(sniff, context: context, nested: nested) { item in
            var questions: [(JSONValue, [NativeJSONPages.PathStep])] = []
            switch item.result {
            case .failure(let error):
                let record = log.beginRecord(file: file, line: item.line)
                log.reject(record: record, reason: NativeJSONPages.problem(error, line: item.line))
                return
            case .success(let value):
                if let items = value["items"]?.array {
                    questions = items.enumerated().map { ($1, [.key("items"), .index($0)]) }
                } else if value["question_id"] != nil {
                    questions = [(value, [])]
                } else {
                    let record = log.beginRecord(file: file, line: item.line)
                    log.reject(record: record, reason: "neither a question nor a page of items")
                    return
                }
            }
            for (value, path) in questions {
                Self.question(
                    value, path: path, item: item, file: file, channel: channel, agentKeys: agentKeys, zone: zone,
                    log: &log)
            }
        }
    }

    private static func owner(_ value: JSONValue?) -> (name: String?, id: String?) {
        let owner = value?["owner"]
        let id = NativeFields.id(owner?["user_id"])
        return (NativeFields.text(owner?["display_name"]).map(decodeEntities) ?? id, id)
    }

    private static func question(
        _ value: JSONValue, path: [NativeJSONPages.PathStep], item: NativeJSONPages.Item, file: UInt32,
        channel: String, agentKeys: Set<String>, zone: ZoneClock, log: inout EventLog
    ) {
        let record = log.beginRecord(file: file, line: item.line(at: path))
        guard let object = value.object else {
            log.reject(record: record, reason: "not a JSON object")
            return
        }
        guard let id = NativeFields.id(object["question_id"]) else {
            log.reject(record: record, reason: "question without question_id")
            return
        }
        let created: Instant
        let closed: Instant?
        do throws(Rejection) {
            created = try NativeFields.requiredTime(object["creation_date"], key: "creation_date", zone: zone).get()
            closed = try NativeFields.time(object["closed_date"], key: "closed_date", zone: zone).get()
        } catch {
            log.reject(record: record, reason: error.reason)
            return
        }
        let ticket = NativeTicket(id: "stackexchange:" + id, channel: channel, symbols: &log.symbols)
        let asker = owner(value).name
        ticket.append(
            .created, at: created, actor: asker, value: NativeFields.text(object["title"]).map(decodeEntities),
            record: record, to: &log)
        if let closed {
            ticket.append(.status, at: max(closed, created), value: "closed", record: record, to: &log)
        }
        ticket.describe(url: NativeFields.text(object["link"]), requester: asker, in: &log)

        func posts(_ list: JSONValue?, at listPath: [NativeJSONPages.PathStep], what: String) {
            for (index, entry) in (list?.array ?? []).enumerated() {
                let entryPath = listPath + [.index(index)]
                let record = log.beginRecord(file: file, line: item.line(at: entryPath))
                switch NativeFields.requiredTime(entry["creation_date"], key: "creation_date of \(what)", zone: zone) {
                case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
                case .success(let at):
                    let (name, userID) = owner(entry)
                    if let name, let userID, agentKeys.contains(NameKey.key(userID)) {
                        log.note(log.symbols.intern(name), is: .agent, because: .stackExchangeAgent)
                    }
                    ticket.append(.post, at: at, actor: name, record: record, to: &log)
                }
                posts(entry["comments"], at: entryPath + [.key("comments")], what: "a comment")
            }
        }
        posts(object["comments"], at: path + [.key("comments")], what: "a comment")
        posts(object["answers"], at: path + [.key("answers")], what: "an answer")
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
