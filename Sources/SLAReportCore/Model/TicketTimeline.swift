/// One ticket's events in time order, duplicates removed: the output of the group stage.
///
/// Events are sorted by `at`, then by ``EventKind`` order (`created` first), then by actor, value and via
/// text, so the order never depends on the order of the inputs.
public struct TicketTimeline: Sendable {
    public var ticket: Symbol
    /// The first non-empty channel of the ticket's records.
    public var channel: Symbol
    /// The instant of the `created` event.
    public var created: Instant
    /// The actor of the `created` event.
    public var requester: Symbol
    /// The system the ticket comes from (the source of its `created` record).
    public var source: SourceKind
    /// All events, `created` included, sorted. A slice of one shared array: its indices do not start at 0.
    public var events: ArraySlice<TicketEvent>

    public init(
        ticket: Symbol, channel: Symbol, created: Instant, requester: Symbol, source: SourceKind = .canonical,
        events: ArraySlice<TicketEvent>
    ) {
        self.ticket = ticket
        self.channel = channel
        self.created = created
        self.requester = requester
        self.source = source
        self.events = events
    }
}
