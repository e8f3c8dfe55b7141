/// One clock of a ticket's story — the first reply, one next reply, and (as the measure stage grows) any
/// further clock — in one shape, so that the renderers show every clock the same way: when it started and
/// stopped and why, its target and the deadline that came of it, the time on the target's clock day by day,
/// the outcome and by how much.
///
/// A further clock is one more ``ClockNarrator`` in ``Explain/narrators``; the renderers need no change.
public struct ClockStory: Sendable, Equatable {
    /// The metric the clock measures.
    public var metric: SLAMetric
    /// 1-based for clocks a ticket can have several of (next replies); nil for the first reply.
    public var number: Int?
    public var started: Instant
    /// What started it, in words (`created by alice`).
    public var startedBy: String
    /// Nil while still running at as-of.
    public var stopped: Instant?
    /// What stopped it (`first reply by ann`); nil while running.
    public var stoppedBy: String?
    /// The target that applies; nil when the channel has none.
    public var target: SLADuration?
    /// The clock the target runs on (calendar without a target).
    public var clock: Clock
    /// The schedule of the business clocks (nil for the calendar clock).
    public var schedule: String?
    /// The schedule's time zone, in which its days are read (nil for the calendar clock).
    public var timezone: String?
    /// `started + target` on the target's clock.
    public var deadline: Instant?
    /// How the deadline comes out of the target, in words.
    public var deadlineRule: String?
    /// A reply before this is early (`not_before`).
    public var notBefore: Instant?
    /// `stopped − started` in calendar seconds; nil while running.
    public var calendarSeconds: Int64?
    /// The same span on the target's business clock; nil for the calendar clock or while running.
    public var clockSeconds: Int64?
    /// Nil without a target.
    public var outcome: ReplyOutcome?
    /// Breached and still running at as-of.
    public var openOverdue: Bool
    public var margin: Margin?
    /// The business clock's local dates from the start to the later of the deadline and the stop (or
    /// as-of), each with the time counted on it before the stop; empty for the calendar clock.
    public var days: [StoryDay]
    /// Days left out of ``days`` at the end of a very long span.
    public var daysLeftOut: Int
    public var notes: [String]

    /// How far the clock's end was from the deadline (or from `not_before`).
    public struct Margin: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            /// Replied after the deadline.
            case lateBy = "late_by"
            /// Replied before the deadline (achieved).
            case toSpare = "to_spare"
            /// Replied before `not_before`.
            case earlyBy = "early_by"
            /// Unanswered at as-of, past the deadline.
            case overdueBy = "overdue_by"
            /// Unanswered at as-of, the deadline still ahead.
            case remaining
        }

        public var kind: Kind
        /// In calendar seconds (the report's `late_by_seconds` for a breach); nil for a clock that pauses
        /// (requester wait, agent work), whose margin is only on its clock.
        public var calendarSeconds: Int64?
        /// On the target's business clock; nil for the calendar clock.
        public var clockSeconds: Int64?
    }

    /// One local date of the clock with what happened on it.
    public struct StoryDay: Sendable, Equatable {
        public var day: ClockDay
        /// Seconds counted on this date before the clock stopped (or before as-of).
        public var counted: Int64
        /// Seconds counted from the start to the end of this date.
        public var total: Int64
        /// What happened on the date (`created`, `deadline`, `first reply`, `as-of`), in time order.
        public var marks: [Mark]
    }

    /// Something that happened on a date of the clock.
    public struct Mark: Sendable, Equatable {
        public var what: String
        public var at: Instant
        /// Local wall time of `at`, in seconds since the date's midnight.
        public var wallSeconds: Int64
    }
}

/// Tells one metric's clocks for ``Explain``: reads the measure stage's measurement and trace of the ticket
/// (``ExplainContext``) and makes a ``ClockStory`` per clock of that metric.
///
/// To explain a further clock (a resolution target, say, once the measure stage judges one): give
/// ``SLAMetric`` its case, write a narrator that reads what the measure stage computed for it — the
/// measurement's figures, or a measuring entry point of ``Measurer`` such as ``Measurer/measureStatusMetrics(_:_:)``,
/// and the spans the clock ran over — and hands them to ``ExplainContext/story(metric:number:started:stopped:target:deadline:notBefore:calendarSeconds:clockSeconds:outcome:spans:notes:startMark:deadlineMark:marks:margin:openOverdue:)``,
/// which adds the days and the margin; then add it to ``Explain/narrators``. Text and JSON show it with no
/// renderer change (the text renderer only names the metric in ``ExplainTextRenderer``'s `title`).
protocol ClockNarrator: Sendable {
    static func stories(_ context: ExplainContext) -> [ClockStory]
}
