/// What the channel rule checks read: every ticket known, and the report window.
///
/// `timelines` holds **all** tickets of the inputs, also those created before the window: an older ticket
/// still waiting in a Play-mode view is passed over by a take inside the window. Findings are reported only
/// for tickets in the report (created in `[since, until)`, channel selected) and for events at or before
/// `asOf`; events after `asOf` are ignored everywhere.
public struct ChannelRuleInput: Sendable {
    /// All tickets known, in any order. The channel key of a timeline is `symbols[timeline.channel]`.
    public var timelines: Timelines
    public var symbols: SymbolTable
    public var policy: Policy
    /// Who is who.
    public var directory: ActorDirectory
    /// Start of the report window (inclusive); `nil` = unbounded.
    public var since: Instant?
    /// End of the report window (exclusive); `nil` = unbounded.
    public var until: Instant?
    /// Events after this instant are ignored; still-waiting state is judged at it.
    public var asOf: Instant
    /// The selected channel keys (`--channel`), compared case-insensitively; `nil` = every channel.
    /// Tickets of unselected channels still wait in their Play-mode view, but get no findings.
    public var channels: Set<String>?
    /// Ticket links, used for ``TicketFinding/url`` (only `http(s)` links are ever rendered).
    public var urls: [Symbol: String]

    public init(
        timelines: Timelines, symbols: SymbolTable, policy: Policy, directory: ActorDirectory,
        since: Instant? = nil,
        until: Instant? = nil, asOf: Instant, channels: Set<String>? = nil, urls: [Symbol: String] = [:]
    ) {
        self.timelines = timelines
        self.symbols = symbols
        self.policy = policy
        self.directory = directory
        self.since = since
        self.until = until
        self.asOf = asOf
        self.channels = channels
        self.urls = urls
    }

    /// The same, from timelines given as values (tests, tools).
    public init(
        timelines: [TicketTimeline], symbols: SymbolTable, policy: Policy, directory: ActorDirectory,
        since: Instant? = nil, until: Instant? = nil, asOf: Instant, channels: Set<String>? = nil,
        urls: [Symbol: String] = [:]
    ) {
        self.init(
            timelines: Timelines(timelines), symbols: symbols, policy: policy, directory: directory, since: since,
            until: until, asOf: asOf, channels: channels, urls: urls)
    }
}
