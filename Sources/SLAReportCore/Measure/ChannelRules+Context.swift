extension ChannelRules {
    /// What the policy says about one channel key.
    struct ChannelInfo: Sendable {
        /// The key as the data wrote it (findings show it).
        var key: String
        /// Index of the first Play-mode view listing the channel, in policy order.
        var view: Int?
        /// The channel is in `handles.channels`: replies are checked for handle and client.
        var handleRules: Bool
        /// The channel is `disqus`.
        var isDisqus: Bool
        /// The channel is selected for the report.
        var selected: Bool

        /// Play-mode or handle channel: cross-assignments and duplicate responses are checked on it.
        var ruleChannel: Bool { view != nil || handleRules }
    }

    /// What a reply's `via` is against the handle rules.
    enum ViaFinding: UInt8 {
        case fine = 1
        case wrongHandle
        case outsideZendesk
    }

    /// Classifies channel symbols against the policy (case-insensitively, cached per symbol) and actors
    /// through the directory of people.
    ///
    /// The caches are exempt from the runtime's dynamic exclusivity checks (`@exclusivity(unchecked)`): they
    /// are read for every ticket and event of the rule checks, and the checks (`swift_beginAccess`, a
    /// thread-local access set) took more time than the reads. That is safe because no method of the class
    /// reaches a cache while another access to it is open (each reads or writes one at a time), and a context
    /// is used by one thread: it is made inside ``ChannelRules/evaluate(_:)`` and its Disqus check, and not
    /// `Sendable`.
    final class Context {
        let symbols: SymbolTable
        let policy: Policy
        let directory: ActorDirectory
        private let viewOfChannel: [String: Int]
        private let handleChannels: Set<String>
        private let selectedChannels: Set<String>?
        /// Per channel symbol id: index into `channelInfos` + 1, or 0 when not classified yet.
        @exclusivity(unchecked) private var channelSlot: [Int32] = []
        @exclusivity(unchecked) private var channelInfos: [ChannelInfo] = []
        /// Per status symbol id: 0 when not decided yet, 1 not solved, 2 solved or closed (an array, not a
        /// dictionary: this is asked for every status event).
        @exclusivity(unchecked) private var statusVerdict: [UInt8] = []

        init(symbols: SymbolTable, policy: Policy, directory: ActorDirectory, selectedChannels: Set<String>? = nil) {
            self.symbols = symbols
            self.policy = policy
            self.directory = directory
            var views: [String: Int] = [:]
            for (index, view) in policy.playMode.enumerated() {
                for channel in view.channels where views[channel.lowercased()] == nil {
                    views[channel.lowercased()] = index
                }
            }
            viewOfChannel = views
            handleChannels = Set((policy.handles?.channels ?? []).map { $0.lowercased() })
            self.selectedChannels = selectedChannels.map { Set($0.map { $0.lowercased() }) }
        }

        func channel(_ symbol: Symbol) -> ChannelInfo {
            let i = Int(symbol.raw)
            if i < channelSlot.count, channelSlot[i] > 0 { return channelInfos[Int(channelSlot[i]) - 1] }
            let key = symbols[symbol]
            let lower = key.lowercased()
            let info = ChannelInfo(
                key: key, view: viewOfChannel[lower], handleRules: handleChannels.contains(lower),
                isDisqus: lower == "disqus", selected: selectedChannels?.contains(lower) ?? true)
            channelSlot.pad(toInclude: i, with: 0)
            channelInfos.append(info)
            channelSlot[i] = Int32(channelInfos.count)
            return info
        }

        /// What a reply's `via` says about the handle rules (nil: nothing wrong): a handle other than
        /// `handles.main` (case-insensitively), or a client not in `handles.clients`. Decided once per `via`.
        func viaBreaksRules(_ via: Symbol, handles: Handles) -> ViaFinding? {
            let i = Int(via.raw)
            if i < viaVerdict.count, viaVerdict[i] != 0 {
                let known = ViaFinding(rawValue: viaVerdict[i])
                return known == .fine ? nil : known
            }
            let lower = symbols[via].lowercased()
            let verdict: ViaFinding
            if lower.hasPrefix("@") {
                verdict = lower != handles.main.lowercased() ? .wrongHandle : .fine
            } else {
                verdict = handles.clients.contains(where: { $0.lowercased() == lower }) ? .fine : .outsideZendesk
            }
            viaVerdict.pad(toInclude: i, with: 0)
            viaVerdict[i] = verdict.rawValue
            return verdict == .fine ? nil : verdict
        }

        /// Per `via` symbol id: a ``ViaFinding`` raw value, 0 when not decided yet.
        @exclusivity(unchecked) private var viaVerdict: [UInt8] = []

        /// Whether the actor is automation (`system_actors`, after the directory's normalisation).
        func isSystem(_ actor: Symbol) -> Bool { directory.isSystem(actor) }

        /// A named person acting by hand: not empty, not a system actor, not a brand account.
        func isPerson(_ actor: Symbol) -> Bool { directory.isPerson(actor) }

        /// Whether a `reply` event counts as a reply: system actors never reply.
        func isReply(_ event: TicketEvent) -> Bool { event.kind == .reply && !isSystem(event.actor) }

        /// How findings and the agent table name an actor: the person's name in the directory.
        func name(_ actor: Symbol) -> String { directory.name(of: actor, in: symbols) }

        /// Whether a `status` value is `solved`/`closed` (case-insensitively); `nil` for an empty value.
        func isSolvedStatus(_ value: Symbol) -> Bool? {
            if value.isNone { return nil }
            let i = Int(value.raw)
            if i < statusVerdict.count, statusVerdict[i] != 0 { return statusVerdict[i] == 2 }
            let lower = symbols[value].lowercased()
            let result = lower == "solved" || lower == "closed"
            statusVerdict.pad(toInclude: i, with: 0)
            statusVerdict[i] = result ? 2 : 1
            return result
        }

        /// Whether two actors are the same person (one symbol, or two spellings of one person in the directory).
        func sameName(_ a: Symbol, _ b: Symbol) -> Bool {
            if a == b { return true }
            if a.isNone || b.isNone { return false }
            return directory.same(a, b)
        }
    }
}
