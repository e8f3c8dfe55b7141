/// What a vendor computed for one ticket (Zendesk's ticket metrics, metric events, or the first-reply and
/// count columns of its exports), kept beside the events so that the report can say where a figure came
/// from and cross-check the events against it.
public struct VendorMetric: Sendable, Equatable {
    /// How the ticket's first `reply` event was placed when the vendor's figure stood in for a timestamp.
    public enum Placement: UInt8, Sendable {
        /// At creation + the whole calendar minutes of the first reply time.
        case calendarMinutes
        /// At creation advanced by the first reply time's business minutes on the policy's schedule.
        case businessMinutes
        /// At the exact instant of the `reply_time` metric event that fulfilled the first reply.
        case metricEvent
    }

    /// Where the figures come from, for the report (`ticket_metrics`, `Zendesk CSV export`, …).
    public var source: String
    /// The first reply time in calendar seconds (whole minutes × 60), when the vendor gives it.
    public var replyCalendarSeconds: Int64?
    /// The first reply time in business seconds on the vendor's own schedule (whole minutes × 60).
    public var replyBusinessSeconds: Int64?
    /// The instant of the first reply, when a metric event gives it exactly.
    public var replyAt: Instant?
    /// Public agent replies on the ticket.
    public var replies: Int?
    /// Times the ticket was reopened.
    public var reopens: Int?
    /// Set when the vendor's figure placed the first reply (the ticket had no audits); nil when the events
    /// came from the ticket's own history and the figure only cross-checks them.
    public var placement: Placement?
    /// The ticket's events come from its own history (Zendesk audits): the figures only cross-check them.
    public var checksHistory = false
    /// The vendor says the ticket was answered (`replies` > 0) but gives no time for it and the inputs have
    /// no history of it: its first reply cannot be measured, and it is left out of the first-reply figures.
    public var replyTimeUnknown = false

    public init(source: String) { self.source = source }
}
