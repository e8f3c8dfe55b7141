extension Aggregator {
    /// **At risk**: pending tickets (no first reply, deadline not passed at as-of) whose deadline falls within
    /// the next business day after as-of — at or before `as-of + 1 business day` on the ticket's channel
    /// schedule (so on a Friday afternoon, Monday's deadlines are at risk). Nearest deadline first, then
    /// channel order and ticket id; Disqus reply tickets are left out.
    static func atRisk(_ input: Input, shared: Shared, channelOrder: [String]) -> [AtRiskRow] {
        let results = input.results
        let symbols = input.symbols
        let asOf = input.window.asOf
        let resolver = TargetResolver(policy: input.policy)
        let oneDay = SLADuration(amount: 1, unit: .businessDays)
        let position = Dictionary(channelOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var horizonBySchedule: [String: Instant] = [:]
        var keys: [(deadline: Instant, channel: Int, index: Int)] = []
        for i in results.indices where results.outcome[i] == TicketResults.pending {
            guard results.deadline[i] != TicketResults.none, !shared.excluded[i] else { continue }
            let deadline = Instant(seconds: results.deadline[i])
            let key = symbols[Symbol(raw: results.channel[i])]
            let created = Instant(seconds: results.created[i])
            guard let channel = resolver.channelPolicy(key, createdAt: created) else { continue }
            let horizon: Instant
            if let known = horizonBySchedule[channel.schedule] {
                horizon = known
            } else {
                horizon = resolver.calendar(for: channel).deadline(from: asOf, adding: oneDay)
                horizonBySchedule[channel.schedule] = horizon
            }
            guard deadline <= horizon else { continue }
            keys.append((deadline, position[key] ?? Int.max, i))
        }
        keys.sort { a, b in
            if a.deadline != b.deadline { return a.deadline < b.deadline }
            if a.channel != b.channel { return a.channel < b.channel }
            return symbols.precedes(Symbol(raw: results.ticket[a.index]), Symbol(raw: results.ticket[b.index]))
        }
        return keys.map { key in
            let m = results[key.index]
            return AtRiskRow(
                ticket: symbols[m.ticket], channel: symbols[m.channel],
                priority: m.priority.isNone ? nil : symbols[m.priority], created: m.created, deadline: key.deadline,
                secondsLeft: key.deadline.seconds - asOf.seconds, target: m.target?.description,
                assignee: m.assignee.isNone ? nil : symbols[m.assignee], url: input.urls[m.ticket])
        }
    }
}
