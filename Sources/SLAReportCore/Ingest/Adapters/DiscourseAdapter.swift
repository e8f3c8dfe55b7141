/// Discourse topics as `/t/{id}.json` returns them (SPEC §2.3): objects with `post_stream.posts[]`
/// (`post_number`, `username`, `created_at`, `staff`, `admin`, `moderator`, `post_type`, `action_code`),
/// one topic, an array of topics, or one topic per line; also `/t/{id}/posts.json` pages, whose posts carry
/// their `topic_id` (pages of one topic join on it).
///
/// **Each post is one record**, at its own line; the ticket is `discourse:<topic id>`. Post 1 is `created`
/// (actor = username, value = the topic's title): a topic or page without post 1 has no created event, so its
/// posts are rejected ("no created event"), and a post dated before post 1 (moved in from another topic) is
/// rejected by itself, with its line. Later regular posts are `post`s, which the join makes replies or
/// comments with the directory of people (the topic's author's own posts are comments, whoever they are;
/// posts by staff — `staff`, `admin` or `moderator` true, recorded as evidence — or by other known agents
/// are replies). Whispers (`post_type` 4) are `note`s; the small actions `closed.enabled` /
/// `closed.disabled` (`post_type` 3) are `status solved` / `status open`; other small actions and deleted
/// posts (`deleted_at` set) say nothing about response times and count with their topic. The channel is
/// routed with source `discourse`, else `forum` (topic tags name topics, not channels, and are not routing
/// tags). The link is the topic's own `url` when it has one, or `base_url` + `/t/{slug}/{id}` when a dump
/// adds the forum's base. A topic without id or posts, or a post whose time does not parse, is rejected.
public struct DiscourseAdapter: InputAdapter {
    public init() {}

    public var name: String { "discourse" }
    public var expectation: String { "JSON topics with post_stream (Discourse /t/{id}.json)" }

    public func detect(_ sniff: InputSniff) -> Bool { sniff.syntax == .json && sniff.jsonKeys.contains("post_stream") }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        let channel = context.options.policy.route(RoutingFacts(source: "discourse")) ?? "forum"
        NativeJSONPages.read(sniff, context: context, nested: ["post_stream.posts"]) { item in
            switch item.result {
            case .failure(let error):
                let record = log.beginRecord(file: file, line: item.line)
                log.reject(record: record, reason: NativeJSONPages.problem(error, line: item.line))
            case .success(let value):
                Self.topic(value, item: item, file: file, channel: channel, zone: zone, log: &log)
            }
        }
    }

    private static func topic(
        _ value: JSONValue, item: NativeJSONPages.Item, file: UInt32, channel: String, zone: ZoneClock,
        log: inout EventLog
    ) {
        let posts = value["post_stream"]?["posts"]?.array ?? []
        guard let object = value.object,
            let id = NativeFields.id(object["id"]) ?? posts.lazy.compactMap({ NativeFields.id($0["topic_id"]) }).first
        else {
            let record = log.beginRecord(file: file, line: item.line)
            log.reject(record: record, reason: value.object == nil ? "not a JSON object" : "topic without id")
            return
        }
        guard !posts.isEmpty else {
            let record = log.beginRecord(file: file, line: item.line)
            log.reject(record: record, reason: "topic discourse:\(id) without posts")
            return
        }
        let ticket = NativeTicket(id: "discourse:" + id, channel: channel, symbols: &log.symbols)
        let title = NativeFields.text(object["title"]) ?? NativeFields.text(object["fancy_title"])
        var author: String?
        for (index, element) in posts.enumerated() {
            let line = item.line(at: [.key("post_stream"), .key("posts"), .index(index)])
            let record = log.beginRecord(file: file, line: line)
            guard let post = element.object else {
                log.reject(record: record, reason: "a post is not a JSON object")
                continue
            }
            let number = post["post_number"]?.int ?? Int64(index + 1)
            if let deleted = post["deleted_at"], !deleted.isNull {
                log.ledger.attach(record, to: ticket.ticket)
                continue
            }
            let at: Instant
            switch NativeFields.requiredTime(post["created_at"], key: "created_at of post \(number)", zone: zone) {
            case .success(let instant): at = instant
            case .failure(let rejection):
                log.reject(record: record, reason: rejection.reason)
                continue
            }
            let username = NativeFields.text(post["username"])
            if [post["staff"], post["admin"], post["moderator"]].contains(where: { $0?.bool == true }),
                let username
            {
                log.note(log.symbols.intern(username), is: .agent, because: .discourseStaff)
            }
            if number == 1 {
                author = username
                ticket.append(.created, at: at, actor: username, value: title, record: record, to: &log)
                continue
            }
            switch post["post_type"]?.int ?? 1 {
            case 3:
                switch NativeFields.text(post["action_code"]) {
                case "closed.enabled":
                    ticket.append(.status, at: at, actor: username, value: "solved", record: record, to: &log)
                case "closed.disabled":
                    ticket.append(.status, at: at, actor: username, value: "open", record: record, to: &log)
                default:
                    log.ledger.attach(record, to: ticket.ticket)
                }
            case 4: ticket.append(.note, at: at, actor: username, record: record, to: &log)
            default: ticket.append(.post, at: at, actor: username, record: record, to: &log)
            }
        }
        var url = NativeFields.httpURL(NativeFields.text(object["url"]))
        if url == nil, var base = NativeFields.httpURL(NativeFields.text(object["base_url"])) {
            while base.hasSuffix("/") { base.removeLast() }
            url = base + "/t/" + (NativeFields.text(object["slug"]) ?? "topic") + "/" + id
        }
        ticket.describe(url: url, requester: author, in: &log)
    }
}
