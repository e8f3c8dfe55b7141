/// One thing an export says about a person or account, for the directory of people (``ActorDirectory``).
///
/// Exports know some roles themselves: Zendesk users have a `role` and only agents can be assignees,
/// Discourse marks `staff`, HackerOne separates the program from the reporter, and a `twcs` company tweet is
/// the company's account. Adapters and the join record them here; the directory weighs them with the
/// policy and with who replies where.
public struct ActorEvidence: Sendable, Equatable {
    public enum Role: UInt8, Sendable {
        /// Answers for the team (a Zendesk agent or admin, a Zendesk assignee, Discourse staff, a HackerOne
        /// program member).
        case agent
        /// A brand account, not a person (a company's Twitter handle, a HackerOne program).
        case handle
        /// An end user, by the export's own word (a Zendesk user with role `end-user`).
        case customer
    }

    /// Which export said so, and how (for `slareport explain`, which names the evidence behind each role).
    public enum Basis: UInt8, Sendable {
        /// A Zendesk user's `role`: agent or admin, or end-user.
        case zendeskRole
        /// The assignee of a Zendesk ticket (only agents can be assignees).
        case zendeskAssignee
        /// A Discourse post marked `staff`, `admin` or `moderator`.
        case discourseStaff
        /// A Stack Exchange user whose id the policy's `agents` name.
        case stackExchangeAgent
        /// HackerOne's program side: the report's assignee, or the program's own account.
        case hackerOneProgram
        /// The company account of a `twcs` tweet (`inbound` false).
        case companyTweet

        /// The evidence in words: `a Zendesk user with role agent or admin`.
        public func text(for role: Role) -> String {
            switch self {
            case .zendeskRole:
                role == .customer ? "a Zendesk user with role end-user" : "a Zendesk user with role agent or admin"
            case .zendeskAssignee: "the assignee on a Zendesk ticket record"
            case .discourseStaff: "Discourse staff (a post marked staff, admin or moderator)"
            case .stackExchangeAgent: "a Stack Exchange user whose id the policy's agents name"
            case .hackerOneProgram:
                role == .handle ? "the HackerOne program's own account" : "a HackerOne assignee (the program side)"
            case .companyTweet: "the company account of a twcs tweet"
            }
        }
    }

    public var actor: Symbol
    public var role: Role
    public var basis: Basis

    public init(actor: Symbol, role: Role, basis: Basis) {
        self.actor = actor
        self.role = role
        self.basis = basis
    }
}
