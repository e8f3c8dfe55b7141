extension ChannelRules {
    /// Gathers the per-event findings (skips, cross-assignments, handle rules, duplicates), the per-ticket
    /// flags and the per-agent counts while the timelines of the report are walked once.
    struct Collector {
        let context: Context
        let asOf: Instant
        var findings = RuleFindings()
        /// Per timeline index: bit `i` set = flag ``Flag/all``[i].
        var flagBits: [UInt8]
        var agentCounts: [String: AgentRuleCounts] = [:]

        init(context: Context, asOf: Instant, ticketCount: Int) {
            self.context = context
            self.asOf = asOf
            flagBits = [UInt8](repeating: 0, count: ticketCount)
        }

        mutating func flag(_ index: Int, _ name: String) {
            guard let bit = Flag.all.firstIndex(of: name), flagBits.indices.contains(index) else { return }
            flagBits[index] |= UInt8(1) << UInt8(bit)
        }

        /// Updates the counts of a named agent; an empty name is not counted.
        mutating func count(_ agent: String, _ update: (inout AgentRuleCounts) -> Void) {
            guard !agent.isEmpty else { return }
            update(&agentCounts[agent, default: AgentRuleCounts()])
        }

        /// Checks one ticket of the report.
        mutating func check(_ timeline: TicketTimeline, index: Int, channel: ChannelInfo) {
            let symbols = context.symbols
            // The ticket's id as text, made once and only when a finding names it.
            var name: String?
            func ticketName() -> String {
                if let name { return name }
                let made = symbols[timeline.ticket]
                name = made
                return made
            }
            var lastReply: TicketEvent?
            var commentSinceReply = false
            for event in timeline.events where event.at <= asOf {
                switch event.kind {
                case .skip:
                    let agent = context.name(event.actor)
                    findings.skips.append(
                        SkipFinding(
                            ticket: ticketName(), channel: channel.key, agent: agent, at: event.at,
                            reason: symbols[event.value]))
                    flag(index, Flag.skipped)
                    count(agent) { $0.skips += 1 }
                case .assign:
                    guard channel.ruleChannel, context.isPerson(event.actor), !event.value.isNone,
                        !context.sameName(event.value, event.actor)
                    else { continue }
                    let by = context.name(event.actor)
                    findings.crossAssignments.append(
                        CrossAssignmentFinding(
                            ticket: ticketName(), channel: channel.key, by: by, to: context.name(event.value),
                            at: event.at))
                    flag(index, Flag.crossAssigned)
                    count(by) { $0.crossAssignments += 1 }
                case .comment:
                    commentSinceReply = true
                case .reply:
                    guard context.isReply(event) else { continue }
                    if channel.handleRules { checkHandle(event, ticket: ticketName, index: index, channel: channel) }
                    if channel.ruleChannel, let first = lastReply, !commentSinceReply, !first.actor.isNone,
                        !event.actor.isNone, !context.sameName(first.actor, event.actor),
                        event.at.seconds - first.at.seconds < ChannelRules.duplicateWindowSeconds
                    {
                        findings.duplicateResponses.append(
                            DuplicateResponseFinding(
                                ticket: ticketName(), channel: channel.key, firstAgent: context.name(first.actor),
                                secondAgent: context.name(event.actor), firstAt: first.at, secondAt: event.at))
                        flag(index, Flag.duplicateResponse)
                    }
                    lastReply = event
                    commentSinceReply = false
                default:
                    continue
                }
            }
        }

        /// Wrong handle / outside Zendesk for one reply on a handle channel.
        private mutating func checkHandle(
            _ event: TicketEvent, ticket: () -> String, index: Int, channel: ChannelInfo
        ) {
            guard let handles = context.policy.handles, !event.via.isNone else { return }
            guard let wrong = context.viaBreaksRules(event.via, handles: handles) else { return }
            let finding = ReplyFinding(
                ticket: ticket(), channel: channel.key, agent: context.name(event.actor), at: event.at,
                via: context.symbols[event.via])
            if wrong == .wrongHandle {
                findings.wrongHandle.append(finding)
                flag(index, Flag.wrongHandle)
            } else {
                findings.outsideZendesk.append(finding)
                flag(index, Flag.outsideZendesk)
            }
        }
    }
}
