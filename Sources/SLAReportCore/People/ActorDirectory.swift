/// The directory of people (SPEC §4, "Who is who"): built once after the join, asked by every stage that
/// needs to know who an actor is — the join (is this post a reply?), measuring (who can reply, who created
/// the ticket), the channel rules (who takes, who cross-assigns, whose Disqus ticket), the agent table.
///
/// Every actor symbol gets ``Roles`` and, when it is on the team or a system actor, the ``Entity`` it is
/// one spelling of. Names compare after one normalisation (``NameKey``: case, a leading `@`, spaces, dots,
/// dashes and underscores ignored). Evidence, strongest first:
/// 1. the policy: `system_actors` (automation), `handles` (`main` and `others`: brand accounts), `agents`
///    with their `aliases` (people; a person's names in several systems are one entity, named as the
///    policy names them);
/// 2. the exports' own roles (``ActorEvidence``): Zendesk users' `role` (agent or admin; end-user marks a
///    customer), Discourse `staff`/`admin`/`moderator`, HackerOne's program side (the assignee, the
///    program's handle), the company account of a `twcs` tweet;
/// 3. assignees of tickets that live in Zendesk (only agents can be assignees) and the actors of `assign`
///    events (only agents assign);
/// 4. the actors of replies anywhere in the inputs (a reply whose actor is its own `via` handle is a
///    handle's).
/// System beats handle beats agent. Spellings of one name (`Ana Souza`, `ana.souza`) are one entity; an
/// entity not named by the policy is shown by its fullest spelling (one with a space, then with capitals,
/// then the first in byte order; `@` first for handles). People not known to be on the team are not
/// entities: their names compare as written.
///
/// Stored as flag and entity arrays indexed by the dense symbol id: a lookup is an array read, with no
/// hashing or `String` on the measuring and rule-checking paths.
public struct ActorDirectory: Sendable {
    /// What an actor is. An actor may be several: an agent is also a requester of the tickets they open.
    public struct Roles: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Automation (`system_actors`): never replies, never cross-assigns.
        public static let system = Roles(rawValue: 1)
        /// A person on the team.
        public static let agent = Roles(rawValue: 2)
        /// A brand account of the team (`@GitLab`), not a person.
        public static let handle = Roles(rawValue: 4)
        /// An end user by the export's own word (a Zendesk end-user).
        public static let customer = Roles(rawValue: 8)
        /// The requester of at least one ticket.
        public static let requester = Roles(rawValue: 16)
    }

    /// One person, account or automation, with all the spellings that name it.
    public struct Entity: Sendable, Equatable {
        public enum Kind: UInt8, Sendable { case system, handle, agent }
        public var kind: Kind
        /// How the report names it.
        public var name: String
        /// Named by the policy (`agents`, `handles`, `system_actors`).
        public var fromPolicy: Bool
    }

    /// Per symbol id: the ``Roles`` raw bits (tested with plain bit operations on the hot paths).
    var roles: [UInt8]
    /// Per symbol id: entity index + 1, or 0.
    var entityOf: [UInt32]
    /// Every entity, policy ones first.
    public internal(set) var entities: [Entity]
    /// Per symbol id: the ``Grounds/Marks`` raw bits of the evidence seen for it (what `explain` names as
    /// the reason for a role; never read on the measuring paths).
    var marks: [UInt16]

    /// An empty directory: nobody is known (for tests that build stages by hand).
    public init() {
        roles = []
        entityOf = []
        entities = []
        marks = []
    }

    // MARK: Questions

    /// The roles of `actor` (empty for ``Symbol/none`` and unknown symbols).
    public func roles(of actor: Symbol) -> Roles { Roles(rawValue: bits(actor)) }

    @inline(__always)
    private func bits(_ actor: Symbol) -> UInt8 {
        let i = Int(actor.raw)
        return i < roles.count ? roles[i] : 0
    }

    /// Automation: listed in `system_actors`.
    @inline(__always)
    public func isSystem(_ actor: Symbol) -> Bool { bits(actor) & Roles.system.rawValue != 0 }

    /// A person on the team.
    @inline(__always)
    public func isAgent(_ actor: Symbol) -> Bool { bits(actor) & Roles.agent.rawValue != 0 }

    /// A brand account of the team.
    @inline(__always)
    public func isHandle(_ actor: Symbol) -> Bool { bits(actor) & Roles.handle.rawValue != 0 }

    /// Somebody who can reply: a person on the team or a brand account.
    @inline(__always)
    public func isTeam(_ actor: Symbol) -> Bool { bits(actor) & (Roles.agent.rawValue | Roles.handle.rawValue) != 0 }

    /// A named person acting by hand: not empty, not automation, not a brand account.
    @inline(__always)
    public func isPerson(_ actor: Symbol) -> Bool {
        !actor.isNone && bits(actor) & (Roles.system.rawValue | Roles.handle.rawValue) == 0
    }

    /// The entity `actor` is a spelling of, if any.
    public func entity(of actor: Symbol) -> Int? {
        let i = Int(actor.raw)
        guard i < entityOf.count, entityOf[i] > 0 else { return nil }
        return Int(entityOf[i] - 1)
    }

    /// Whether `a` and `b` are the same person or account: the same symbol, or two spellings of one entity.
    @inline(__always)
    public func same(_ a: Symbol, _ b: Symbol) -> Bool {
        if a == b { return true }
        let i = Int(a.raw)
        let j = Int(b.raw)
        guard i < entityOf.count, j < entityOf.count else { return false }
        return entityOf[i] != 0 && entityOf[i] == entityOf[j]
    }

    /// How the report names `actor`: its entity's name, or the symbol's text.
    public func name(of actor: Symbol, in symbols: SymbolTable) -> String {
        if let e = entity(of: actor) { return entities[e].name }
        return symbols[actor]
    }

    /// Whether anybody at all is known to be on the team.
    public var knowsTeam: Bool {
        let team = Roles.agent.rawValue | Roles.handle.rawValue
        return roles.contains { $0 & team != 0 }
    }
}
