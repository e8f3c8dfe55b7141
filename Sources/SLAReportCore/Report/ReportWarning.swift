/// Something the reader must know to trust the figures, said in the report and on stderr.
public struct ReportWarning: Sendable, Equatable {
    /// What the warning is about, in the order the report lists them.
    public enum Kind: String, Sendable, CaseIterable {
        /// No ticket was judged in the window while a gate is set (`--fail-under` or a channel `goal`).
        case nothingJudged = "nothing_judged"
        /// The default as-of lies far beyond the rest of the data.
        case asOfOutlier = "as_of_outlier"
        /// A channel has tickets but nobody known to be on the team acted on them.
        case nobodyOnTeam = "nobody_on_team"
        /// Tickets the vendor says were answered, without a time for it: left out of the first-reply figures.
        case replyTimeUnknown = "reply_time_unknown"
        /// A ticket's history and the vendor's own metric disagree on its first reply by more than a minute.
        case vendorMismatch = "vendor_mismatch"
    }

    public var kind: Kind
    /// The channel key it is about, if any.
    public var channel: String?
    /// The ticket it is about, if any.
    public var ticket: String?
    /// The whole warning as a sentence.
    public var message: String

    public init(kind: Kind, channel: String? = nil, ticket: String? = nil, message: String) {
        self.kind = kind
        self.channel = channel
        self.ticket = ticket
        self.message = message
    }
}
