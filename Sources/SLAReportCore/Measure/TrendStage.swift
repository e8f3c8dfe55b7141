/// The trend (SPEC §4): when the window has a start, the same first-reply figures for the window of equal
/// length just before it, from the same inputs and judged at the same as-of. The change is left out, with a
/// reason, when either window judged fewer than ``Trend/minimumJudged`` tickets of the channel (see
/// ``Aggregator/trend(_:)``): a change measured on a handful of tickets says nothing.
enum TrendStage {
    /// Tickets, judged tickets and attainment per channel key in the previous window; nil when the window has
    /// no start, or the previous window holds no ticket.
    static func previous(
        timelines: Timelines, measurer: Measurer, excluded: Set<Symbol>, window: ResolvedWindow,
        inWindow: (Int, Instant?, Instant?) -> Bool
    ) -> [String: PreviousWindow]? {
        guard let since = window.since else { return nil }
        let length = (window.until ?? window.asOf).seconds - since.seconds
        guard length > 0 else { return nil }
        let from = since.adding(seconds: -length)
        var counts: [Symbol: (tickets: Int, achieved: Int, judged: Int)] = [:]
        for i in timelines.indices where inWindow(i, from, since) {
            let t = timelines[i]
            let m = measurer.measure(t)
            var c = counts[t.channel] ?? (0, 0, 0)
            c.tickets += 1
            if !excluded.contains(t.ticket) && !m.replyTimeUnknown {
                switch m.outcome {
                case .achieved:
                    c.achieved += 1
                    c.judged += 1
                case .breached, .early: c.judged += 1
                case .pending, nil: break
                }
            }
            counts[t.channel] = c
        }
        guard !counts.isEmpty else { return nil }
        var map: [String: PreviousWindow] = [:]
        let symbols = measurer.symbols
        for (channel, c) in counts {
            map[symbols[channel]] = PreviousWindow(
                tickets: c.tickets, attainment: Percent(c.achieved, of: c.judged), judged: c.judged)
        }
        return map
    }
}
