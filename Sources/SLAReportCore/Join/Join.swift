/// What the join stage produces: one log of every file's records and events, the native records joined into
/// tickets, every public message made a reply or a comment, and the directory of people that decided it.
public struct JoinedInput: Sendable {
    /// Every usable file's records and events, in input order, with one symbol table and one ledger.
    public var log: EventLog
    /// Who is who (built once, asked by every later stage).
    public var directory: ActorDirectory
    /// Warnings that did not reject a record (malformed CSV quoting, …), `path:line`, in input order.
    public var diagnostics: [Diagnostic]
    /// Files that could not be read at all, in input order.
    public var failures: [IngestFailure]

    public init(log: EventLog, directory: ActorDirectory, diagnostics: [Diagnostic], failures: [IngestFailure]) {
        self.log = log
        self.directory = directory
        self.diagnostics = diagnostics
        self.failures = failures
    }

    /// A log built by hand (tests, other tools) joined as the join stage would: its `post` events resolved
    /// and its directory built with `policy`.
    public init(log: EventLog, policy: Policy) {
        var log = log
        let directory = Join.resolvePosts(&log, policy: policy)
        self.init(log: log, directory: directory, diagnostics: [], failures: [])
    }
}

/// The join stage (SPEC §2.3): puts the files read apart back together.
///
/// ```
/// [FileRecords] → merge (file order) → Zendesk join → tweet threads → GitLab notes → directory → posts
/// ```
/// - **merge**: every file's log appended in input order (symbols merged, records renumbered, the ledger
///   carried over) with its warnings; unreadable files are listed as failures;
/// - **Zendesk**: tickets, audits, skips, metrics, metric events and users joined on the ticket id
///   (``zendesk(_:policy:into:)``);
/// - **threads**: tweets joined into conversations along `in_response_to_tweet_id` (``threads(_:policy:into:)``);
/// - **GitLab notes**: notes joined to their issues (``gitlabIssues(_:policy:into:)``);
/// - **posts**: the directory of people is built and every `post` becomes a `reply` or a `comment` by the rule
///   of its source (``resolvePosts(_:policy:)``).
///
/// Any order of the files gives the same tickets and events.
public enum Join {
    /// Joins the files read by ``Ingest/read(_:options:)-([InputFile],_)``.
    public static func join(_ files: consuming [FileRecords], options: IngestOptions = IngestOptions()) -> JoinedInput {
        var log = EventLog()
        var pending = PendingRecords()
        var diagnostics: [Diagnostic] = []
        var failures: [IngestFailure] = []
        for index in files.indices {
            // Moved out, not shared: the joins append to the merged log, which must not copy a file's events.
            var file = FileRecords.empty
            swap(&file, &files[index])
            diagnostics += file.diagnostics
            if let failure = file.failure {
                failures.append(failure)
                continue
            }
            let base = log.absorb(&file.log, parallelFrom: options.parallelMergeFrom)
            file.pending.rebase(by: base)
            pending.absorb(file.pending)
        }
        let policy = options.policy
        if options.keepsRoutingFacts { log.routingFacts = [:] }
        if !pending.zendesk.isEmpty { zendesk(pending.zendesk, policy: policy, into: &log) }
        if !pending.tweets.isEmpty { threads(pending.tweets, policy: policy, into: &log) }
        if !pending.gitlab.issues.isEmpty || !pending.gitlab.notes.isEmpty {
            gitlabIssues(pending.gitlab, policy: policy, into: &log)
        }
        let directory = resolvePosts(&log, policy: policy)
        return JoinedInput(log: log, directory: directory, diagnostics: diagnostics, failures: failures)
    }
}

extension Ingest {
    /// Reads and joins `files`: ``read(_:options:)-([InputFile],_)`` then ``Join/join(_:options:)``.
    public static func readAndJoin(_ files: [InputFile], options: IngestOptions = IngestOptions()) -> JoinedInput {
        Join.join(read(files, options: options), options: options)
    }
}
