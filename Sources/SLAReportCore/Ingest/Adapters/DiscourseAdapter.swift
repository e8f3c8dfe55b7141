/// Discourse topics as `/t/{id}.json` returns them (SPEC §2.3): objects with `post_stream.posts[]`
/// (`post_number`, `username`, `created_at`, `staff`, `admin`, `moderator`, `post_type`, `action_code`),
/// one topic, an array of topics, or one topic per line.
///
/// Each topic is one record and ticket `discourse:<id>`. In `post_number` order: the first post is
/// `created` (actor = username, value = the topic's title); later regular posts by staff (`staff`, `admin`
/// or `moderator` true) or by a policy agent are `reply`s, other posts `comment`s; whispers (`post_type` 4)
/// are `note`s; the small actions `closed.enabled` / `closed.disabled` (`post_type` 3) are `status solved`
/// / `status open`; other small actions and deleted posts (`deleted_at` set) are left out. The channel is
/// routed with source `discourse`, else `forum` (topic tags name topics, not channels, and are not routing
/// tags). The link is the topic's own `url` when it has one, or `base_url` + `/t/{slug}/{id}` when a dump
/// adds the forum's base; Discourse's JSON alone does not name its host, so otherwise there is none. A topic
/// without id or posts, or with a post whose time does not parse, is rejected.
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
        let agents = NativeAgents(context.options.policy.agents)
        let policy = context.options.policy
        NativeJSONPages.read(sniff, context: context) { item in
            let record = log.beginRecord(file: file, line: item.line)
            switch item.result {
            case .failure(let error):
                log.reject(record: record, reason: NativeJSONPages.problem(error, line: item.line))
            case .success(let value):
                if let rejection = Self.topic(
                    value, record: record, zone: zone, agents: agents, policy: policy, log: &log)
                {
                    log.reject(record: record, reason: rejection.reason)
                }
            }
        }
    }

    private struct Post {
        var number: Int64
        var at: Instant
        var username: String?
        var staff: Bool
        var type: Int64
        var action: String?
    }

    private static func topic(
        _ value: JSONValue, record: UInt32, zone: ZoneClock, agents: NativeAgents, policy: Policy,
        log: inout EventLog
    ) -> Rejection? {
        guard let object = value.object else { return Rejection("not a JSON object") }
        guard let id = NativeFields.id(object["id"]) else { return Rejection("topic without id") }
        var posts: [Post] = []
        for (index, element) in (object["post_stream"]?["posts"]?.array ?? []).enumerated() {
            guard let post = element.object else { continue }
            if let deleted = post["deleted_at"], !deleted.isNull { continue }
            let number = post["post_number"]?.int ?? Int64(index + 1)
            let at: Instant
            switch NativeFields.requiredTime(post["created_at"], key: "created_at of post \(number)", zone: zone) {
            case .success(let instant): at = instant
            case .failure(let rejection): return rejection
            }
            let staff = [post["staff"], post["admin"], post["moderator"]].contains { $0?.bool == true }
            posts.append(
                Post(
                    number: number, at: at, username: NativeFields.text(post["username"]), staff: staff,
                    type: post["post_type"]?.int ?? 1, action: NativeFields.text(post["action_code"])))
        }
        posts.sort { ($0.number, $0.at) < ($1.number, $1.at) }
        guard let first = posts.first(where: { $0.type != 3 }) else { return Rejection("topic without posts") }
        let channel = policy.route(RoutingFacts(source: "discourse")) ?? "forum"
        let ticket = NativeTicket(id: "discourse:" + id, channel: channel, symbols: &log.symbols)
        let title = NativeFields.text(object["title"]) ?? NativeFields.text(object["fancy_title"])
        ticket.append(.created, at: first.at, actor: first.username, value: title, record: record, to: &log)
        for post in posts where post.number != first.number {
            switch post.type {
            case 3:
                if post.action == "closed.enabled" {
                    ticket.append(.status, at: post.at, actor: post.username, value: "solved", record: record, to: &log)
                } else if post.action == "closed.disabled" {
                    ticket.append(.status, at: post.at, actor: post.username, value: "open", record: record, to: &log)
                }
            case 4: ticket.append(.note, at: post.at, actor: post.username, record: record, to: &log)
            default:
                let kind: EventKind = post.staff || agents.contains(post.username) ? .reply : .comment
                ticket.append(kind, at: post.at, actor: post.username, record: record, to: &log)
            }
        }
        var url = NativeFields.httpURL(NativeFields.text(object["url"]))
        if url == nil, var base = NativeFields.httpURL(NativeFields.text(object["base_url"])) {
            while base.hasSuffix("/") { base.removeLast() }
            url = base + "/t/" + (NativeFields.text(object["slug"]) ?? "topic") + "/" + id
        }
        ticket.describe(url: url, requester: first.username, in: &log)
        return nil
    }
}
