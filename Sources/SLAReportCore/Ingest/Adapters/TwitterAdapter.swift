/// Customer-support tweets in the `twcs` layout (SPEC §2.3, FORMATS.md §4): CSV (or JSON objects) with
/// `tweet_id, author_id, inbound, created_at` required and `text, response_tweet_id, in_response_to_tweet_id`
/// optional; extra columns (a pandas index column, named or not) are ignored.
///
/// Each tweet is one record. Tweets are joined into threads in the join stage, once every file is read (a
/// reply and its parent may sit in different files): a tweet belongs to the thread of the topmost ancestor
/// found by following `in_response_to_tweet_id` through the tweets present, so a thread whose parent is
/// missing starts at its earliest known tweet. In time order (ties by tweet id), the thread's first inbound
/// tweet is `created` (ticket `twitter:<that tweet's id>`, actor = `author_id`, value = the text's first
/// line); later inbound tweets are `post`s (the requester's own are comments; a known agent's, replies);
/// company tweets (`inbound` false) are `reply`s with actor = via = `@` + `author_id`, the company's handle
/// (recorded as a brand account). Company tweets before the first customer tweet, and threads without one,
/// are rejected with a reason.
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
        context.pending.tweets += tweets
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
}
