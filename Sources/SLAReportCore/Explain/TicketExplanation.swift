/// One ticket's story, as `slareport explain` tells it (SPEC §1, §4): its people and their roles, its events
/// and what each counted as, the policy and the target chosen and why, each clock day by day, and the row
/// the report's per-ticket CSV holds for it.
///
/// Made by ``Explain/run(_:request:ticket:)`` from the stages the report runs — the window, grouping, the
/// measure stage and its ``Measurer/trace(_:)`` of the same walk, the calendar's ``BusinessCalendar/days(from:to:clock:)``
/// — never from figures of its own. Display-ready: the renderers (``ExplainTextRenderer``,
/// ``ExplainJSONRenderer``) do no arithmetic.
public struct TicketExplanation: Sendable {
    /// The id as the report prints it (`zendesk:1234`, `E2`).
    public var ticket: String
    /// The system the ticket comes from (`canonical`, `zendesk`, …).
    public var source: SourceKind
    /// The record of its `created` event.
    public var createdRecord: SourceLocation
    public var created: Instant
    /// The `created` event's value (the subject), if any.
    public var subject: String?
    public var url: String?
    public var window: Window
    public var policy: PolicyChoice
    public var channel: ChannelChoice
    public var target: TargetChoice
    /// Everybody who acts on the ticket (and everybody it is assigned to), in order of first appearance.
    public var people: [Person]
    /// The ticket's events in time order (the group stage's order), after-as-of ones included.
    public var events: [Event]
    /// The clocks, first reply first, then the next replies (one ``ClockStory`` each).
    public var clocks: [ClockStory]
    public var resolution: Resolution
    /// The ticket's row of the per-ticket CSV of the same run; nil when the ticket is not in the report.
    public var row: TicketRow?
    /// The row's flags with what each means.
    public var flags: [Flag]
    /// The channel-rule findings about the ticket (its skips, its take and what it passed over, a take that
    /// passed it over, cross-assignments, replies from the wrong handle or outside Zendesk, duplicates, an
    /// unsolved Disqus reply ticket), in words, in the report's order. An early reply is the first-reply clock's
    /// outcome.
    public var findings: [String]
    /// Why the ticket is left out of the first-reply figures (a Disqus reply ticket, a reply without a time);
    /// nil when it is not.
    public var leftOut: String?
    /// Anything else the reader must know (a reply placed by the vendor's own figure, …).
    public var notes: [String]

    /// The report's window and whether it holds the ticket.
    public struct Window: Sendable, Equatable {
        public var since: Instant?
        public var until: Instant?
        public var asOf: Instant
        /// The record that set the default as-of (`events.csv:5123`); nil with `--as-of`.
        public var asOfSource: String?
        /// `--channel`, when given.
        public var channels: [String]?
        /// Whether the report of this window holds the ticket.
        public var inReport: Bool
        /// Why it does not, naming the window (nil when it does).
        public var outside: String?

        /// The window in the reports' wording (`2016-11-14 00:00 UTC – 2016-11-21 00:00 UTC`, `all data`).
        public var text: String { ReportWindow(since: since, until: until, asOf: asOf).text }
    }

    /// The policy and its version in force at the ticket's creation.
    public struct PolicyChoice: Sendable, Equatable {
        public var name: String
        /// `built-in` or the file path.
        public var source: String
        /// The `effective_from` of the version in force at creation; nil when the base channel table applies.
        public var version: String?
        /// Every version's `effective_from`, oldest first.
        public var versions: [String]
    }

    /// The ticket's channel and what chose it.
    public struct ChannelChoice: Sendable, Equatable {
        public enum ChosenBy: Sendable, Equatable {
            /// Named on a canonical record (the first non-empty `channel` of the ticket's records).
            case record(SourceLocation)
            /// A routing rule of the policy (`routing[index]`), or of the built-in routing, matched the
            /// native record's facts.
            case routing(index: Int, builtIn: Bool, rule: String, facts: String)
        }

        public var key: String
        /// The policy's display name; nil for a channel the policy does not know.
        public var name: String?
        public var chosenBy: ChosenBy?
    }

    /// The targets that apply, and why.
    public struct TargetChoice: Sendable, Equatable {
        /// The first-reply target after `by_priority`; nil without one.
        public var firstReply: SLADuration?
        /// The channel's own first-reply target (before `by_priority`).
        public var channelFirstReply: SLADuration?
        public var nextReply: SLADuration?
        public var channelNextReply: SLADuration?
        public var notBefore: SLADuration?
        /// The priority whose `by_priority` entry was looked up; nil when none was set.
        public var priority: String?
        /// The event that set it (an index into ``TicketExplanation/events``).
        public var priorityEvent: Int?
        /// Whether a `by_priority` entry replaced the channel's first-reply target.
        public var byPriority: Bool
        /// The priorities the channel's `by_priority` names, in policy order.
        public var byPriorityKeys: [String]
        /// The channel's schedule (name, zone and hours) for the business clocks.
        public var schedule: ScheduleSummary?
        /// The choice in sentences.
        public var reasons: [String]
    }

    /// A schedule in words: its name, zone, hours per weekday, holidays and dated days.
    public struct ScheduleSummary: Sendable, Equatable {
        public var name: String
        public var timezone: String
        /// `Mon–Fri 09:00–17:00`, one entry per group of weekdays with the same hours.
        public var hours: [String]
        public var holidays: [String]
        /// `2016-12-24 09:00–13:00`, `2016-12-31 closed`.
        public var dates: [String]
    }

    /// One actor of the ticket and the directory's word on it.
    public struct Person: Sendable, Equatable {
        /// As the inputs write it.
        public var actor: String
        /// As the report names it (its entity's name).
        public var name: String
        /// `system actor`, `handle`, `agent`, `customer`, `requester` or `not on the team`.
        public var role: String
        /// The ticket's own requester.
        public var isRequester: Bool
        /// The evidence, strongest first (``ActorDirectory/Grounds/reasons``).
        public var reasons: [String]
    }

    /// One event of the ticket.
    public struct Event: Sendable, Equatable {
        public var at: Instant
        /// The canonical event name (`created`, `reply`, …).
        public var kind: String
        public var actor: String?
        /// The actor's role (``Person/role``); nil without an actor.
        public var role: String?
        public var value: String?
        public var via: String?
        public var record: SourceLocation
        /// What the measure stage made of it.
        public var counted: EventCount
        /// That, in words.
        public var meaning: String
    }

    /// Resolution times and reopens (SPEC §4).
    public struct Resolution: Sendable, Equatable {
        public var firstSolvedSeconds: Int64?
        public var fullSolvedSeconds: Int64?
        public var reopens: Int
        /// The status at as-of; nil when never set.
        public var status: String?
    }

    /// A flag of the row and what it means.
    public struct Flag: Sendable, Equatable {
        public var flag: String
        public var meaning: String
    }
}
