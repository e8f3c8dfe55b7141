/// The SLA gate (SPEC §1): what the exit code says. It cannot go green on nothing: with `--fail-under` or a
/// channel `goal`, a window in which no ticket was judged fails, naming the newest ticket in the inputs (a
/// stale export, or a window after the data, is the usual cause).
///
/// Each metric's `goal` gates the same way: a channel fails when its first replies are below their goal or
/// `--fail-under`, or its requester wait, agent work or periodic update is below that metric's goal
/// (`--fail-under` gates first replies only). The message names the metric of each miss but the first reply.
public struct GateResult: Sendable, Equatable {
    /// Whether a gate is set at all (`--fail-under`, or a goal of any metric on a channel of the report).
    public var active: Bool
    /// Channel keys below a goal or the `--fail-under` threshold, in report order.
    public var failingChannels: [String]
    /// A gate is set and not one ticket was judged in the window.
    public var nothingJudged: Bool
    /// What the CLI prints when the gate fails (nil when it passes).
    public var message: String?

    public var failed: Bool { !failingChannels.isEmpty || nothingJudged }

    /// The gate of `model` (its channels' judged counts and failures).
    static func evaluate(
        _ model: ReportModel, failUnder: Double?, newestTicket: String?, newestCreated: Instant?
    ) -> GateResult {
        let active =
            failUnder != nil
            || model.channels.contains { $0.firstReply.goal != nil || $0.statusMetrics.contains { $0.goal != nil } }
        let failing = model.channels.filter { $0.failsGate || $0.statusMetrics.contains(where: \.failsGate) }
        let judged = model.channels.reduce(0) {
            $0 + ($1.firstReply.judged ?? 0) + $1.statusMetrics.reduce(0) { $0 + $1.judged }
        }
        let nothingJudged = active && judged == 0
        var message: String?
        if nothingJudged {
            message = "no ticket was judged in the window; " + newest(newestTicket, newestCreated)
        } else if !failing.isEmpty {
            message = failing.flatMap { channel -> [String] in
                var parts: [String] = []
                if channel.failsGate {
                    var text = "\(channel.key) \(DurationFormat.percent(channel.firstReply.attainment))"
                    text += " of \(channel.firstReply.judged ?? 0) judged"
                    if let goal = channel.firstReply.goal { text += " (goal \(DurationFormat.percent(goal)))" }
                    parts.append(text)
                }
                for metric in channel.statusMetrics where metric.failsGate {
                    parts.append(
                        "\(channel.key) \(metric.metric.label) \(DurationFormat.percent(metric.attainment)) of "
                            + "\(metric.judged) judged (goal \(DurationFormat.percent(metric.goal)))")
                }
                return parts
            }.joined(separator: ", ")
            if let failUnder { message = (message ?? "") + "; --fail-under \(Percent(value: failUnder))%" }
        }
        return GateResult(
            active: active, failingChannels: failing.map(\.key), nothingJudged: nothingJudged, message: message)
    }

    /// `the newest ticket in the inputs is zendesk:5031, created 2016-11-27 23:40 UTC`.
    static func newest(_ ticket: String?, _ created: Instant?) -> String {
        guard let ticket, let created else { return "the inputs hold no ticket" }
        return "the newest ticket in the inputs is \(ticket), created \(DurationFormat.instant(created))"
    }
}
