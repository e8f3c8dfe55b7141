/// One thing that happened to one ticket, as every adapter produces it: 32 bytes, strings interned.
///
/// `record` ties the event to the input record it came from, so that the data-quality accounting can put
/// every record read into exactly one bucket (used, duplicate, out of window, rejected).
public struct TicketEvent: Hashable, Sendable {
    /// The ticket id, prefixed with the source system for native exports (`zendesk:1234`).
    public var ticket: Symbol
    public var at: Instant
    public var actor: Symbol
    public var value: Symbol
    public var via: Symbol
    /// The channel named on this record (canonical inputs) or routed by the adapter; may be ``Symbol/none``.
    public var channel: Symbol
    /// Index of the input record in ``EventLog/records``.
    public var record: UInt32
    public var kind: EventKind

    public init(
        ticket: Symbol, kind: EventKind, at: Instant, actor: Symbol = .none, value: Symbol = .none,
        via: Symbol = .none, channel: Symbol = .none, record: UInt32
    ) {
        self.ticket = ticket
        self.kind = kind
        self.at = at
        self.actor = actor
        self.value = value
        self.via = via
        self.channel = channel
        self.record = record
    }
}
