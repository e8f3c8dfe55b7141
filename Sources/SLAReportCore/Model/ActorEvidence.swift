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

    public var actor: Symbol
    public var role: Role

    public init(actor: Symbol, role: Role) {
        self.actor = actor
        self.role = role
    }
}
