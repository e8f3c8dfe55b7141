/// The system a ticket comes from, which decides the rules that differ by source (SPEC §4): who can reply,
/// whether an agent can create a ticket, whether Play mode applies.
public enum SourceKind: UInt8, Sendable, CaseIterable {
    /// The canonical events and tickets formats (SPEC §2.1, §2.2): tickets as Zendesk holds them.
    case canonical
    case zendesk
    case hackerone
    case twitter
    case discourse
    case stackexchange
    case gitlab

    /// The source of a file read in `format` (an adapter's name, e.g. `zendesk-audits`).
    public init(format: String) {
        if format.hasPrefix("zendesk") {
            self = .zendesk
        } else if format.hasPrefix("hackerone") {
            self = .hackerone
        } else if format.hasPrefix("twitter") {
            self = .twitter
        } else if format == "discourse" {
            self = .discourse
        } else if format == "stackexchange" {
            self = .stackexchange
        } else if format.hasPrefix("gitlab") {
            self = .gitlab
        } else {
            self = .canonical
        }
    }

    /// The source's name, as `slareport explain` and the policy's `source` routing condition write it.
    public var name: String {
        switch self {
        case .canonical: "canonical"
        case .zendesk: "zendesk"
        case .hackerone: "hackerone"
        case .twitter: "twitter"
        case .discourse: "discourse"
        case .stackexchange: "stackexchange"
        case .gitlab: "gitlab"
        }
    }

    /// Tickets that live in Zendesk (Zendesk and canonical sources): only they can be created by an agent
    /// (Zendesk's rule for a ticket's own first message) and only they are worked in Play mode.
    public var livesInZendesk: Bool { self == .canonical || self == .zendesk }

    /// Forums, Q&A sites, issue trackers and tweets: the requester's own posts there are comments, whoever
    /// the requester is.
    public var isCommunity: Bool {
        switch self {
        case .discourse, .stackexchange, .gitlab, .twitter: true
        case .canonical, .zendesk, .hackerone: false
        }
    }
}
