/// What the report warns about (``ReportWarning``), in one place: the as-of outlier, channels nobody on the
/// team acted on, tickets answered without a reply time, and tickets whose history disagrees with the
/// vendor's own metric.
///
/// **Nobody known to be on the team**: a channel with tickets in the report of which none got a reply and on
/// which nobody on the team acted (replied, assigned, was assigned), when either the inputs name nobody on
/// the team at all, or somebody other than the requester did write on those tickets (answers by people the
/// directory does not know). A channel whose tickets are merely unanswered, while the team is known, gets
/// no warning: its 0 % is real.
enum WarningStage {
    /// A ticket's history and the vendor's figure may differ by this much before they disagree (Zendesk's
    /// metrics are whole minutes).
    static let vendorToleranceSeconds: Int64 = 60

    static func warnings(
        window: ResolvedWindow, measured: MeasureStage.Output, channels: [ChannelSummary], log: EventLog,
        directory: ActorDirectory
    ) -> [ReportWarning] {
        let symbols = log.symbols
        var warnings: [ReportWarning] = []
        if let outlier = window.outlier { warnings.append(ReportWarning(kind: .asOfOutlier, message: outlier)) }
        var names: [String: String] = [:]
        for c in channels where names[c.key] == nil { names[c.key] = c.name }
        let order = Dictionary(channels.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        let tallies = measured.tallies.map { (key: symbols[$0.channel], tally: $0) }.sorted {
            (order[$0.key] ?? Int.max, $0.key) < (order[$1.key] ?? Int.max, $1.key)
        }
        let teamKnown = directory.knowsTeam
        for (key, tally) in tallies
        where tally.tickets > 0 && tally.replied == 0 && !tally.teamActs && (!teamKnown || tally.othersWrote) {
            let name = names[key] ?? key
            warnings.append(
                ReportWarning(
                    kind: .nobodyOnTeam, channel: key,
                    message:
                        "\(name): \(tally.tickets) ticket\(tally.tickets == 1 ? "" : "s"), nobody known to be on the "
                        + "team — list your team in the policy's `agents`"))
        }
        var unknown: [String: Int] = [:]
        let results = measured.results
        for i in results.indices where results.replyTimeUnknown(i) {
            unknown[symbols[Symbol(raw: results.channel[i])], default: 0] += 1
        }
        for (key, count) in unknown.sorted(by: {
            (order[$0.key] ?? Int.max, $0.key) < (order[$1.key] ?? Int.max, $1.key)
        }) {
            warnings.append(
                ReportWarning(
                    kind: .replyTimeUnknown, channel: key,
                    message:
                        "\(names[key] ?? key): \(count) ticket\(count == 1 ? " was" : "s were") answered by Zendesk's "
                        + "count of replies but \(count == 1 ? "has" : "have") no first reply time in the export; left "
                        + "out of the first-reply figures"))
        }
        warnings += mismatches(measured.results, log: log)
        return warnings
    }

    /// Tickets whose history (Zendesk audits) and Zendesk's own metric disagree on the first reply by more than
    /// ``vendorToleranceSeconds``, in ticket-id order.
    static func mismatches(_ results: TicketResults, log: EventLog) -> [ReportWarning] {
        guard !log.vendorMetrics.isEmpty else { return [] }
        let symbols = log.symbols
        var found: [(ticket: String, warning: ReportWarning)] = []
        for i in results.indices {
            guard let figures = log.vendorMetrics[Symbol(raw: results.ticket[i])], figures.checksHistory else {
                continue
            }
            let m = results[i]
            let ticket = symbols[m.ticket]
            let theirs: Int64
            let what: String
            if let at = figures.replyAt {
                theirs = at.seconds - m.created.seconds
                what = "by Zendesk's reply_time metric event"
            } else if let seconds = figures.replyCalendarSeconds {
                theirs = seconds
                what = "by Zendesk's ticket metric (\(seconds / 60) minutes)"
            } else {
                continue
            }
            let ours = m.frtSeconds
            if let ours, abs(ours - theirs) <= vendorToleranceSeconds { continue }
            let history = ours.map { "first reply \(DurationFormat.human($0)) after creation" } ?? "no first reply"
            found.append(
                (
                    ticket,
                    ReportWarning(
                        kind: .vendorMismatch, channel: symbols[m.channel], ticket: ticket,
                        message:
                            "\(ticket): \(history) by its audits, \(DurationFormat.human(theirs)) \(what) — check who "
                            + "is an agent (users' roles, the policy's `agents`)")
                ))
        }
        return found.sorted { $0.ticket.utf8.lexicographicallyPrecedes($1.ticket.utf8) }.map(\.warning)
    }
}
