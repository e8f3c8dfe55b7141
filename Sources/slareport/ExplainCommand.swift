import SLAReportCore

/// `slareport explain TICKET [OPTIONS] INPUT...`: reads the inputs as the report does (same policy, window,
/// as-of), runs ``Explain`` and prints the story as text or JSON on stdout.
///
/// Exit codes: 0 when the ticket is explained (also when it lies outside the window: the story says so and
/// names the window); 65 when the inputs hold no such ticket — the message names the nearest ids and, when
/// records name the id but were all rejected, those records and why; and the report's codes otherwise (64
/// usage, 66 an input cannot be opened, 78 invalid policy).
enum ExplainCommand {
    static func run(_ options: ExplainOptions) throws(SLAReportError) -> Int32 {
        let policy = try Runner.loadPolicy(options.report.policyPath)
        let request = try Runner.request(options.report, policy: policy)
        // Every event's text (the subject, a reply's text) as well as the routing facts: the story shows them.
        var joined = try Runner.readInputs(
            options.report, policy: policy, keepsRoutingFacts: true, keepsUnusedText: true)
        if let selected = request.channels { try checkChannels(selected, policy: policy, log: joined.log) }
        switch try Explain.run(&joined, request: request, ticket: options.ticket) {
        case .explained(let explanation):
            switch options.format {
            case .text: Console.out(ExplainTextRenderer.render(explanation))
            case .json: Console.out(ExplainJSONRenderer.render(explanation))
            }
            return 0
        case .notFound(let missing):
            throw .data(message(missing))
        }
    }

    /// `--channel` names only channels of the policy or of the data, as for the report.
    static func checkChannels(_ selected: [String], policy: Policy, log: EventLog) throws(SLAReportError) {
        var channels = Set<Symbol>()
        for e in log.events where !e.channel.isNone { channels.insert(e.channel) }
        let data = Set(channels.map { log.symbols[$0] })
        let known = Aggregator.channelOrder(policy: policy, dataChannels: data, selected: nil)
        for name in selected where !known.contains(name) {
            throw .usage(
                "--channel: no channel '\(name)' in the policy or the data" + Suggestion.hint(name, among: known))
        }
    }

    /// `no ticket 'E9' in the inputs (3 tickets; did you mean 'E2'?)`, then the rejected records that name it.
    static func message(_ missing: Explain.NotFound) -> String {
        let count = missing.ids.count == 1 ? "1 ticket" : "\(missing.ids.count) tickets"
        var text: String
        if missing.records > 0 {
            text =
                "ticket '\(missing.ticket)' has no usable record: "
                + "\(missing.records == 1 ? "its record was" : "its \(missing.records) records were") rejected"
            for r in missing.rejected { text += "\n  \(r.path):\(r.line): \(r.reason)" }
            return text
        }
        text = "no ticket '\(missing.ticket)' in the inputs (\(count)"
        let guesses = Suggestion.tickets(for: missing.ticket, among: missing.ids)
        if !guesses.isEmpty {
            text += "; did you mean " + guesses.map { "'\($0)'" }.joined(separator: " or ") + "?"
        }
        return text + "); ids are written as the report prints them (E2, zendesk:1234, twitter:789)"
    }
}

extension Suggestion {
    /// The ids a mistyped ticket id may mean, best first, at most 3: the same id in another case; the id
    /// with its source prefix (`1234` → `zendesk:1234`) or without one (`zendesk:E2` → `E2`); else the most
    /// similar id (``best(for:among:)``) among those of about the same length.
    static func tickets(for word: String, among ids: [String]) -> [String] {
        let lowered = word.lowercased()
        let bare = word.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? word
        var found: [String] = []
        for id in ids where found.count < 3 {
            let idBare = id.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? id
            if id.lowercased() == lowered || (idBare != id && idBare == word) || (bare != word && id == bare) {
                found.append(id)
            }
        }
        if !found.isEmpty { return found }
        let length = word.utf8.count
        let near = ids.filter { abs($0.utf8.count - length) * 10 <= max(length, $0.utf8.count) * 4 }
        return best(for: word, among: near).map { [$0] } ?? []
    }
}
