/// A ticket's status: the `value` of a canonical `status` event (SPEC §2.1). A ticket is `new` until its
/// first status change.
public enum TicketStatus: String, CaseIterable, Sendable, Equatable {
    case new, open, pending, hold, solved, closed

    /// Parses a status name case-insensitively; Zendesk's `on-hold` and `on_hold` are `hold`. Nil for
    /// anything else.
    public init?(name: String) {
        let lowered = name.lowercased()
        switch lowered {
        case "on-hold", "on_hold", "onhold": self = .hold
        default:
            guard let status = TicketStatus(rawValue: lowered) else { return nil }
            self = status
        }
    }

    /// `solved` or `closed`: the ticket needs nothing more from the team.
    public var isSolved: Bool { self == .solved || self == .closed }
}

/// A change of a ticket's status at an instant.
public struct StatusChange: Sendable, Equatable {
    public var at: Instant
    public var status: TicketStatus

    public init(at: Instant, status: TicketStatus) {
        self.at = at
        self.status = status
    }
}

/// A stretch of time `[start, end)`.
public struct TimeSpan: Sendable, Equatable {
    public var start: Instant
    public var end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }
}
