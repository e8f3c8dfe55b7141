extension ActorDirectory {
    /// Why the directory holds what it holds about one actor: the evidence of SPEC §4's "Who is who" that
    /// gave it its role, for `slareport explain`.
    ///
    /// Built on demand by ``grounds(of:symbols:policy:)`` from the marks the directory recorded while it was
    /// built (one bit per kind of evidence and symbol); the measuring paths never ask for it.
    public struct Grounds: Sendable, Equatable {
        /// The kinds of evidence seen for a symbol, as the directory records them while it is built.
        public struct Marks: OptionSet, Sendable, Hashable {
            public let rawValue: UInt16
            public init(rawValue: UInt16) { self.rawValue = rawValue }

            /// It is the actor of a `reply` somewhere in the inputs.
            public static let replies = Marks(rawValue: 1)
            /// It is the actor of a `reply` sent from itself as the handle (`via` = actor).
            public static let repliesFromOwnHandle = Marks(rawValue: 2)
            /// It is the actor of an `assign` event (only agents assign).
            public static let assigns = Marks(rawValue: 4)
            /// It is the new assignee of a ticket that lives in Zendesk (only agents can be assignees).
            public static let assignee = Marks(rawValue: 8)

            /// What an export says about it (``ActorEvidence/Basis``).
            public init(export basis: ActorEvidence.Basis) { rawValue = 1 << (8 + UInt16(basis.rawValue)) }

            /// The export evidence among the marks, in ``ActorEvidence/Basis`` order.
            public var exports: [ActorEvidence.Basis] {
                (0..<8).compactMap { bit in
                    rawValue & (1 << (8 + UInt16(bit))) != 0 ? ActorEvidence.Basis(rawValue: UInt8(bit)) : nil
                }
            }
        }

        /// Where the policy names the actor's entity: `system_actors`, `handles.main`, `handles.others` or
        /// `agents`; nil when the policy does not name it.
        public var policyList: String?
        /// The name the policy gives the entity, when the actor is written as one of its aliases.
        public var aliasOf: String?
        /// The evidence seen for the actor itself.
        public var marks: Marks
        /// The other spellings of the actor's entity found in the inputs, in byte order, each with the
        /// evidence seen for it.
        public var otherSpellings: [(spelling: String, marks: Marks)]
        /// The actor's roles (``ActorDirectory/roles(of:)``).
        public var roles: Roles

        public static func == (a: Grounds, b: Grounds) -> Bool {
            a.policyList == b.policyList && a.aliasOf == b.aliasOf && a.marks == b.marks && a.roles == b.roles
                && a.otherSpellings.map(\.spelling) == b.otherSpellings.map(\.spelling)
                && a.otherSpellings.map(\.marks) == b.otherSpellings.map(\.marks)
        }

        /// The reasons, strongest evidence first, in words (`listed in the policy's agents`, `a Zendesk user
        /// with role agent or admin`, `replies in the inputs`, …); the evidence found only for another spelling
        /// is grouped under it (`as gitlab: the HackerOne program's own account`). Empty when nothing is known.
        public var reasons: [String] {
            var reasons: [String] = []
            if let list = policyList {
                let named = aliasOf.map { " (an alias of \($0))" } ?? ""
                switch list {
                case "handles.main": reasons.append("the policy's main handle\(named)")
                case "handles.others": reasons.append("one of the policy's other handles\(named)")
                default: reasons.append("listed in the policy's \(list)\(named)")
                }
            }
            let exportRole: ActorEvidence.Role =
                roles.contains(.handle) ? .handle : roles.contains(.customer) ? .customer : .agent
            func texts(_ marks: Marks) -> [String] {
                var texts = marks.exports.map { $0.text(for: exportRole) }
                if marks.contains(.assignee) { texts.append("assigned tickets that live in Zendesk") }
                if marks.contains(.assigns) { texts.append("assigns tickets") }
                if marks.contains(.repliesFromOwnHandle) { texts.append("replies sent from its own handle") }
                if marks.contains(.replies) { texts.append("replies in the inputs") }
                return texts
            }
            let own = texts(marks)
            reasons += own
            var seen = Set(own)
            var plain: [String] = []
            for other in otherSpellings {
                let new = texts(other.marks).filter { seen.insert($0).inserted }
                if new.isEmpty {
                    plain.append(other.spelling)
                } else {
                    reasons.append("as \(other.spelling): " + new.joined(separator: ", "))
                }
            }
            if !plain.isEmpty {
                let shown = plain.prefix(3).joined(separator: ", ")
                let more = plain.count > 3 ? " and \(plain.count - 3) more" : ""
                reasons.append("also written \(shown)\(more)")
            }
            return reasons
        }
    }

    /// The grounds of `actor`'s roles (see ``Grounds``). O(symbols) to find the other spellings of its
    /// entity: for a handful of actors at a time, never for every event.
    public func grounds(of actor: Symbol, symbols: SymbolTable, policy: Policy) -> Grounds {
        let marks = Grounds.Marks(rawValue: mark(actor))
        var others: [(spelling: String, marks: Grounds.Marks)] = []
        var policyList: String?
        var aliasOf: String?
        if let e = entity(of: actor) {
            let target = UInt32(e + 1)
            for i in entityOf.indices where entityOf[i] == target && i != Int(actor.raw) {
                others.append(
                    (symbols[Symbol(raw: UInt32(i))], Grounds.Marks(rawValue: i < self.marks.count ? self.marks[i] : 0))
                )
            }
            let entity = entities[e]
            if entity.fromPolicy {
                switch entity.kind {
                case .system: policyList = "system_actors"
                case .handle:
                    let main = policy.handles.map { NameKey.key($0.main) == NameKey.key(entity.name) } ?? false
                    policyList = main ? "handles.main" : "handles.others"
                case .agent: policyList = "agents"
                }
                if entity.kind == .agent, NameKey.key(symbols[actor]) != NameKey.key(entity.name) {
                    aliasOf = entity.name
                }
            }
        }
        others.sort { $0.spelling.utf8.lexicographicallyPrecedes($1.spelling.utf8) }
        return Grounds(
            policyList: policyList, aliasOf: aliasOf, marks: marks, otherSpellings: others, roles: roles(of: actor))
    }

    private func mark(_ actor: Symbol) -> UInt16 {
        let i = Int(actor.raw)
        return i < marks.count ? marks[i] : 0
    }
}
