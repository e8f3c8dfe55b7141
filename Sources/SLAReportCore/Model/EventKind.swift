/// What happened to a ticket: the `event` column of the canonical events format (SPEC §2.1).
public enum EventKind: UInt8, CaseIterable, Sendable, Comparable {
    /// The ticket was opened; actor = requester, value = subject.
    case created = 0
    /// A public reply by an agent; `via` says where it was sent from.
    case reply
    /// A public message from the customer.
    case comment
    /// An internal note; never a reply.
    case note
    /// A change of assignee; actor = who assigned, value = new assignee (empty = unassigned).
    case assign
    /// A change of status; value = `new`, `open`, `pending`, `hold`, `solved` or `closed`.
    case status
    /// A change of priority; value = `urgent`, `high`, `normal` or `low`.
    case priority
    /// An agent skipped the ticket in Play mode; value = the reason (may be empty).
    case skip
    /// A public message whose export does not say whether it is an agent's reply or a customer's comment (a
    /// forum post, a Zendesk comment): the join stage makes every one a `reply` or a `comment` with the
    /// directory of people (``ActorDirectory``), so no later stage ever sees one. Not a canonical event name.
    case post

    /// The canonical name, as written in the `event` column.
    public var name: String {
        switch self {
        case .created: "created"
        case .reply: "reply"
        case .comment: "comment"
        case .note: "note"
        case .assign: "assign"
        case .status: "status"
        case .priority: "priority"
        case .skip: "skip"
        case .post: "post"
        }
    }

    /// The events of the canonical `event` column, in order (``post`` is not one of them).
    public static let canonical: [EventKind] = [.created, .reply, .comment, .note, .assign, .status, .priority, .skip]

    /// Parses a canonical event name, case-insensitively.
    public init?(name: String) {
        guard let kind = EventKind.canonical.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = kind
    }

    public static func < (lhs: EventKind, rhs: EventKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
