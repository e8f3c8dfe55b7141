/// Customer-support tweets in the `twcs` layout (SPEC §2.3, FORMATS.md §4): CSV (or JSON objects) with
/// `tweet_id, author_id, inbound, created_at` required and `text, response_tweet_id, in_response_to_tweet_id`
/// optional; extra columns (a pandas index column, named or not) are ignored.
///
/// Each tweet is one record. Tweets are joined into threads once every file is read (a reply and its parent
/// may sit in different files): a tweet belongs to the thread of the topmost ancestor found by following
/// `in_response_to_tweet_id` through the tweets present, so a thread whose parent is missing starts at its
/// earliest known tweet. In time order (ties by tweet id), the thread's first inbound tweet is `created`
/// (ticket `twitter:<that tweet's id>`, actor = `author_id`, value = the text's first line); later inbound
/// tweets are `comment`s; company tweets (`inbound` false) are `reply`s with actor = via = `@` + `author_id`.
/// Company tweets before the first customer tweet, and threads without one, are rejected with a reason.
///
/// Re-saved copies are read as written: booleans `TRUE`/`True`/`true`/`1`, ids as floats (`3.0`), a leading
/// unnamed index column. A row with an empty or unreadable `inbound`, no `tweet_id`, no `author_id` or a
/// bad `created_at` is rejected; a tweet id seen again is a duplicate. Tweets carry no link (the dataset's
/// ids are anonymised). The channel is routed with source `twitter` and via `twitter`, else `twitter`.
public struct TwitterAdapter: InputAdapter {
    public init() {}

    public var name: String { "twitter-twcs" }
    public var expectation: String { "a CSV header with tweet_id, author_id, inbound, created_at (twcs)" }

    static let columns = ["tweet_id", "author_id", "inbound", "created_at", "text", "in_response_to_tweet_id"]
    static let required = ["tweet_id", "author_id", "inbound", "created_at"]

    public func detect(_ sniff: InputSniff) -> Bool { sniff.hasColumns(Self.required) }

    struct Tweet: Sendable {
        var id: String
        var author: String
        var inbound: Bool
        var at: Instant
        var text: String?
        var parent: String?
        var record: UInt32
    }

    struct State: IngestState {
        var tweets: [Tweet] = []
        var finished = false
    }

    public func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext)
        throws(IngestFileError)
    {
        let zone = context.options.inputTimeZone
        let file = context.file
        var tweets: [Tweet] = []
        try CanonicalRows.read(sniff, columns: Self.columns, required: Self.required, log: &log, context: &context) {
            row, log in
            let record = log.beginRecord(file: file, line: row.line)
            switch Self.tweet(row, record: record, zone: zone) {
            case .success(let tweet): tweets.append(tweet)
            case .failure(let rejection): log.reject(record: record, reason: rejection.reason)
            }
        }
        context.withState(State.self) { $0.tweets += tweets }
    }

    private static func tweet(_ row: CanonicalRow, record: UInt32, zone: ZoneClock) -> Result<Tweet, Rejection> {
        if let problem = row.problem { return .failure(Rejection(problem)) }
        guard let id = NativeFields.text(CanonicalEventsAdapter.whole(row.field(0))) else {
            return .failure(Rejection("missing tweet_id"))
        }
        guard let author = NativeFields.text(CanonicalEventsAdapter.whole(row.field(1))) else {
            return .failure(Rejection("missing author_id"))
        }
        let inboundBytes = row.field(2)
        guard let inbound = FieldBytes.boolean(inboundBytes) else {
            if inboundBytes.isEmpty { return .failure(Rejection("empty inbound (expected true or false)")) }
            return .failure(
                Rejection("inbound \(FieldBytes.quoted(inboundBytes)) is neither true nor false"))
        }
        let at: Instant
        switch CanonicalEventsAdapter.requiredTime(row.field(3), column: "created_at", zone: zone) {
        case .success(let instant): at = instant
        case .failure(let rejection): return .failure(rejection)
        }
        let parent = NativeFields.text(CanonicalEventsAdapter.whole(row.field(5)))
        return .success(
            Tweet(
                id: id, author: author, inbound: inbound, at: at, text: NativeFields.text(row.field(4)),
                parent: parent, record: record))
    }

    public func finish(into log: inout EventLog, context: inout IngestContext) {
        let policy = context.options.policy
        context.withState(State.self) { state in
            guard !state.finished else { return }
            state.finished = true
            Self.join(state.tweets, policy: policy, into: &log)
        }
    }

    private static func join(_ tweets: [Tweet], policy: Policy, into log: inout EventLog) {
        var byID: [String: Int] = [:]
        for (index, tweet) in tweets.enumerated() {
            if byID[tweet.id] != nil {
                log.supersededRecords.insert(tweet.record)
            } else {
                byID[tweet.id] = index
            }
        }
        // The root of every tweet, following parents that are present (cycles stop where they close).
        var root = [Int](repeating: -1, count: tweets.count)
        for start in tweets.indices where byID[tweets[start].id] == start && root[start] < 0 {
            var path = [start]
            var seen: Set<Int> = [start]
            var top = start
            while let parent = tweets[top].parent, let p = byID[parent], !seen.contains(p) {
                if root[p] >= 0 {
                    top = root[p]
                    break
                }
                path.append(p)
                seen.insert(p)
                top = p
            }
            for i in path { root[i] = top }
        }
        var threads: [Int: [Int]] = [:]
        for i in tweets.indices where root[i] >= 0 { threads[root[i], default: []].append(i) }
        let channel =
            policy.route(RoutingFacts(source: "twitter", via: "twitter")) ?? "twitter"
        for key in threads.keys.sorted() {
            let members = (threads[key] ?? []).sorted {
                (tweets[$0].at, tweets[$0].id.count, tweets[$0].id) < (
                    tweets[$1].at, tweets[$1].id.count, tweets[$1].id
                )
            }
            guard let first = members.first(where: { tweets[$0].inbound }) else {
                for i in members { log.reject(record: tweets[i].record, reason: "thread without a customer tweet") }
                continue
            }
            let opening = tweets[first]
            let ticket = NativeTicket(id: "twitter:" + opening.id, channel: channel, symbols: &log.symbols)
            var started = false
            for i in members {
                let tweet = tweets[i]
                if i == first {
                    started = true
                    ticket.append(
                        .created, at: tweet.at, actor: tweet.author, value: NativeFields.subject(tweet.text),
                        record: tweet.record, to: &log)
                } else if !started {
                    log.reject(
                        record: tweet.record, reason: "company tweet before the customer's first tweet of its thread")
                } else if tweet.inbound {
                    ticket.append(.comment, at: tweet.at, actor: tweet.author, record: tweet.record, to: &log)
                } else {
                    let handle = tweet.author.hasPrefix("@") ? tweet.author : "@" + tweet.author
                    ticket.append(.reply, at: tweet.at, actor: handle, via: handle, record: tweet.record, to: &log)
                }
            }
        }
    }
}
