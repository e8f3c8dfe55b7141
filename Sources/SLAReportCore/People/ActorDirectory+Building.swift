extension ActorDirectory {
    /// Builds the directory of `log`'s actors with `policy` (see ``ActorDirectory`` for the evidence and its
    /// order). O(events + distinct actors): one pass over the events, one key per distinct actor.
    public static func build(_ log: EventLog, policy: Policy) -> ActorDirectory {
        var builder = Builder(symbols: log.symbols)
        builder.addPolicy(policy)
        builder.collect(log)
        return builder.finish()
    }

    /// Entity names keyed by ``NameKey``, found by an open-addressing index of the keys' hashes.
    fileprivate struct KeyIndex {
        private var slots = [Int32](repeating: -1, count: 64)
        private var keys: [[UInt8]] = []
        private var hashes: [UInt64] = []
        private var owners: [Int] = []

        func find(_ key: [UInt8], hash: UInt64) -> Int? {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 {
                let k = Int(slots[i])
                if hashes[k] == hash && keys[k] == key { return owners[k] }
                i = (i + 1) & mask
            }
            return nil
        }

        /// Whether any key has `hash` (a cheap test before the key itself is built).
        func mayContain(hash: UInt64) -> Bool {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 {
                if hashes[Int(slots[i])] == hash { return true }
                i = (i + 1) & mask
            }
            return false
        }

        /// Adds `key` for `owner`; a key already present keeps its first owner.
        mutating func insert(_ key: [UInt8], hash: UInt64, owner: Int) {
            guard find(key, hash: hash) == nil else { return }
            if (keys.count + 1) * 2 > slots.count { grow() }
            keys.append(key)
            hashes.append(hash)
            owners.append(owner)
            place(Int32(keys.count - 1))
        }

        private mutating func place(_ k: Int32) {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hashes[Int(k)]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = k
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for k in keys.indices { place(Int32(k)) }
        }
    }

    fileprivate struct Builder {
        let symbols: SymbolTable
        var roles: [UInt8]
        var entityOf: [UInt32]
        var entities: [Entity] = []
        var marks: [UInt16]
        var index = KeyIndex()
        /// Per symbol: position in `relevant` + 1 (0 = not an actor).
        var slot: [Int32]
        var relevant: [UInt32] = []
        var hashes: [UInt64] = []
        var scratch: [UInt8] = []

        init(symbols: SymbolTable) {
            self.symbols = symbols
            roles = [UInt8](repeating: 0, count: symbols.count)
            entityOf = [UInt32](repeating: 0, count: symbols.count)
            marks = [UInt16](repeating: 0, count: symbols.count)
            slot = [Int32](repeating: 0, count: symbols.count)
        }

        mutating func key(of text: String) -> [UInt8] {
            var copy = text
            copy.withUTF8 { NameKey.key($0, into: &scratch) }
            return scratch
        }

        mutating func key(of symbol: Symbol) -> [UInt8] {
            NameKey.key(symbols.bytes(symbol), into: &scratch)
            return scratch
        }

        mutating func newEntity(_ kind: Entity.Kind, name: String, fromPolicy: Bool) -> Int {
            entities.append(Entity(kind: kind, name: name, fromPolicy: fromPolicy))
            return entities.count - 1
        }

        /// The policy's names: system actors, then handles, then agents with their aliases.
        mutating func addPolicy(_ policy: Policy) {
            func add(_ names: [String], as kind: Entity.Kind, name: String? = nil) {
                var owner: Int?
                for text in names {
                    let k = key(of: text)
                    guard !k.isEmpty else { continue }
                    let h = NameKey.hash(k)
                    if index.find(k, hash: h) != nil { continue }
                    let e = owner ?? newEntity(kind, name: name ?? text, fromPolicy: true)
                    owner = e
                    index.insert(k, hash: h, owner: e)
                }
            }
            for name in policy.systemActors { add([name], as: .system) }
            if let handles = policy.handles {
                for name in [handles.main] + handles.others { add([name], as: .handle) }
            }
            for agent in policy.agents { add([agent.name] + agent.aliases, as: .agent, name: agent.name) }
        }

        mutating func mark(_ symbol: Symbol) {
            let i = Int(symbol.raw)
            guard i > 0, i < slot.count, slot[i] == 0 else { return }
            relevant.append(symbol.raw)
            let k = key(of: symbol)
            hashes.append(k.isEmpty ? 0 : NameKey.hash(k))
            slot[i] = Int32(relevant.count)
        }

        /// The entity of `symbol` by its key, if one has it.
        mutating func lookup(_ symbol: Symbol) -> Int? {
            let i = Int(symbol.raw)
            guard i < slot.count, slot[i] > 0 else { return nil }
            let h = hashes[Int(slot[i]) - 1]
            guard h != 0, index.mayContain(hash: h) else { return nil }
            return index.find(key(of: symbol), hash: h)
        }

        /// Makes `symbol` one spelling of an entity of `kind`: the one its key names, or a new one.
        mutating func claim(_ symbol: Symbol, as kind: Entity.Kind) {
            let i = Int(symbol.raw)
            guard i > 0, i < entityOf.count, entityOf[i] == 0 else { return }
            if let e = lookup(symbol) {
                entityOf[i] = UInt32(e + 1)
                return
            }
            let k = key(of: symbol)
            guard !k.isEmpty else { return }
            let e = newEntity(kind, name: symbols[symbol], fromPolicy: false)
            index.insert(k, hash: NameKey.hash(k), owner: e)
            entityOf[i] = UInt32(e + 1)
        }

        /// Records a piece of evidence about `symbol` for ``ActorDirectory/grounds(of:)``.
        @inline(__always)
        mutating func note(_ symbol: Symbol, _ mark: Grounds.Marks) {
            let i = Int(symbol.raw)
            if i > 0, i < marks.count { marks[i] |= mark.rawValue }
        }

        /// One pass over the events and the evidence: who acts, who requests, who replies, who assigns.
        mutating func collect(_ log: EventLog) {
            let sources = log.files.map(\.source)
            var customers: [Symbol] = []
            var handleClaims: [Symbol] = []
            var agentClaims: [Symbol] = []
            for e in log.evidence {
                mark(e.actor)
                note(e.actor, Grounds.Marks(export: e.basis))
                switch e.role {
                case .agent: agentClaims.append(e.actor)
                case .handle: handleClaims.append(e.actor)
                case .customer: customers.append(e.actor)
                }
            }
            // The columns, not whole events: this reads the kind and actor of every event and the rest of a few,
            // through the storage of the columns and of the per-symbol arrays, which are moved out of the
            // builder for the pass (a write to a builder's array checks its storage every time).
            let ledger = log.ledger
            let c = log.events
            var claimed = [Bool](repeating: false, count: symbols.count)
            var slotInPass = moveOut(&slot)
            var marksInPass = moveOut(&marks)
            var rolesInPass = moveOut(&roles)
            // Symbols met for the first time, in order: marked (``mark(_:)``) after the pass, in that order.
            var firstMet: [UInt32] = []
            let created = EventKind.created.rawValue
            let reply = EventKind.reply.rawValue
            let assign = EventKind.assign.rawValue
            slotInPass.withUnsafeMutableBufferPointer { slot in
                marksInPass.withUnsafeMutableBufferPointer { marks in
                    rolesInPass.withUnsafeMutableBufferPointer { roles in
                        claimed.withUnsafeMutableBufferPointer { claimed in
                            @inline(__always) func meet(_ s: UInt32) {
                                let i = Int(s)
                                guard i > 0, i < slot.count, slot[i] == 0 else { return }
                                slot[i] = -1
                                firstMet.append(s)
                            }
                            @inline(__always) func note(_ s: UInt32, _ mark: Grounds.Marks) {
                                let i = Int(s)
                                if i > 0, i < marks.count { marks[i] |= mark.rawValue }
                            }
                            @inline(__always) func enqueue(_ s: UInt32, into list: inout [Symbol]) {
                                let i = Int(s)
                                guard i > 0, i < claimed.count, !claimed[i] else { return }
                                claimed[i] = true
                                list.append(Symbol(raw: s))
                            }
                            for i in 0..<c.count {
                                let actor = c.actor[i]
                                meet(actor)
                                switch c.kind[i] {
                                case created:
                                    let a = Int(actor)
                                    if a > 0, a < roles.count { roles[a] |= Roles.requester.rawValue }
                                case reply:
                                    if actor != 0 && actor == c.via[i] {
                                        note(actor, .repliesFromOwnHandle)
                                        enqueue(actor, into: &handleClaims)
                                    } else {
                                        note(actor, .replies)
                                        enqueue(actor, into: &agentClaims)
                                    }
                                case assign:
                                    let value = c.value[i]
                                    meet(value)
                                    note(actor, .assigns)
                                    enqueue(actor, into: &agentClaims)
                                    let r = Int(c.record[i])
                                    let file = r < ledger.count ? Int(ledger.locations.file(r)) : -1
                                    if file >= 0, file < sources.count, sources[file].livesInZendesk {
                                        note(value, .assignee)
                                        enqueue(value, into: &agentClaims)
                                    }
                                default: break
                                }
                            }
                        }
                    }
                }
            }
            for s in firstMet { slotInPass[Int(s)] = 0 }
            slot = slotInPass
            marks = marksInPass
            roles = rolesInPass
            for s in firstMet { mark(Symbol(raw: s)) }
            // Policy names first (lookup only), then brand accounts, then people: system beats handle beats agent.
            for s in relevant.indices {
                let symbol = Symbol(raw: relevant[s])
                if let e = lookup(symbol) { entityOf[Int(symbol.raw)] = UInt32(e + 1) }
            }
            for s in handleClaims { claim(s, as: .handle) }
            for s in agentClaims { claim(s, as: .agent) }
            for s in relevant.indices where entityOf[Int(relevant[s])] == 0 {
                let symbol = Symbol(raw: relevant[s])
                if let e = lookup(symbol) { entityOf[Int(symbol.raw)] = UInt32(e + 1) }
            }
            for s in customers where entityOf[Int(s.raw)] == 0 { roles[Int(s.raw)] |= Roles.customer.rawValue }
        }

        /// Roles from entities, and display names for the entities the policy does not name.
        mutating func finish() -> ActorDirectory {
            var best = [Symbol?](repeating: nil, count: entities.count)
            for raw in relevant {
                let i = Int(raw)
                guard entityOf[i] > 0 else { continue }
                let e = Int(entityOf[i] - 1)
                switch entities[e].kind {
                case .system: roles[i] |= Roles.system.rawValue
                case .handle: roles[i] |= Roles.handle.rawValue
                case .agent: roles[i] |= Roles.agent.rawValue
                }
                roles[i] &= ~Roles.customer.rawValue
                guard !entities[e].fromPolicy else { continue }
                let candidate = Symbol(raw: raw)
                if let current = best[e] {
                    if Builder.isFuller(candidate, than: current, handle: entities[e].kind == .handle, symbols) {
                        best[e] = candidate
                    }
                } else {
                    best[e] = candidate
                }
            }
            for (e, symbol) in best.enumerated() {
                if let symbol { entities[e].name = symbols[symbol] }
            }
            var directory = ActorDirectory()
            directory.roles = roles
            directory.entityOf = entityOf
            directory.entities = entities
            directory.marks = marks
            return directory
        }

        /// The fuller of two spellings: `@` first for handles; then one with a space; then one with capitals;
        /// then the first in byte order.
        static func isFuller(_ a: Symbol, than b: Symbol, handle: Bool, _ symbols: SymbolTable) -> Bool {
            let x = symbols.bytes(a)
            let y = symbols.bytes(b)
            func score(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
                var s = 0
                if handle, bytes.first == UInt8(ascii: "@") { s += 4 }
                if bytes.contains(0x20) { s += 2 }
                if bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { s += 1 }
                return s
            }
            let (sx, sy) = (score(x), score(y))
            if sx != sy { return sx > sy }
            return SymbolTable.compare(x, y) < 0
        }
    }
}
