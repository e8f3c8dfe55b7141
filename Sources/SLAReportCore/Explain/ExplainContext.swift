/// What the narrators of one ticket's clocks read: the ticket's timeline, the measure stage's measurement
/// and trace of it (one walk, ``Measurer/trace(_:)``), and who is who.
struct ExplainContext {
    let timeline: TicketTimeline
    let events: [TicketEvent]
    let measurement: TicketMeasurement
    let trace: MeasureTrace
    /// The report's measurer (the status-clock metrics are asked of it).
    let measurer: Measurer
    let symbols: SymbolTable
    let directory: ActorDirectory

    /// The longest stretch of days a clock's story lists (a ticket unanswered for years lists its first year).
    static let maximumDays = 400

    init(
        timeline: TicketTimeline, measurement: TicketMeasurement, trace: MeasureTrace, measurer: Measurer,
        symbols: SymbolTable, directory: ActorDirectory
    ) {
        self.timeline = timeline
        self.events = Array(timeline.events)
        self.measurement = measurement
        self.trace = trace
        self.measurer = measurer
        self.symbols = symbols
        self.directory = directory
    }

    var asOf: Instant { measurer.asOf }

    /// How the report names `actor`.
    func name(_ actor: Symbol) -> String { directory.name(of: actor, in: symbols) }

    /// The first event the measure stage counted as `count`.
    func event(counted count: EventCount) -> TicketEvent? {
        trace.counts.firstIndex(of: count).flatMap { $0 < events.count ? events[$0] : nil }
    }

    /// A clock's story from what the measure stage judged: its start and stop, target, deadline and outcome
    /// as measured, the spans it ran over (`spans`, in time order: one span for a reply clock), and the days
    /// of the calendar between its start and the later of its deadline and its end.
    func story(
        metric: SLAMetric, number: Int?, started: (at: Instant, by: String),
        stopped: (at: Instant, by: String, mark: String)?,
        target: SLADuration?, deadline: Instant?, notBefore: Instant?, calendarSeconds: Int64?,
        clockSeconds: Int64?, outcome: ReplyOutcome?, spans: [TimeSpan], notes: [String] = [],
        startMark: String = "created", deadlineMark: String = "deadline",
        marks extra: [(what: String, at: Instant)] = [],
        margin given: ClockStory.Margin? = nil, openOverdue: Bool? = nil
    ) -> ClockStory {
        let clock = target?.clock ?? .calendar
        let calendar = trace.calendar
        var story = ClockStory(
            metric: metric, number: number, started: started.at, startedBy: started.by, stopped: stopped?.at,
            stoppedBy: stopped?.by, target: target, clock: clock,
            schedule: clock == .calendar ? nil : trace.channel?.schedule,
            timezone: clock == .calendar ? nil : calendar?.schedule.timezone, deadline: deadline, deadlineRule: nil,
            notBefore: notBefore, calendarSeconds: calendarSeconds, clockSeconds: clockSeconds, outcome: outcome,
            openOverdue: openOverdue ?? (outcome == .breached && stopped == nil), margin: nil, days: [],
            daysLeftOut: 0, notes: notes)
        if let target, let deadline, let calendar {
            story.deadlineRule = Self.deadlineRule(target, from: started.at, deadline: deadline, calendar: calendar)
        }
        story.margin = given ?? margin(story, calendar: calendar)
        guard clock != .calendar, let calendar else { return story }
        let end = stopped?.at ?? asOf
        var last = max(end, deadline ?? end)
        if last <= started.at { last = started.at.adding(seconds: 1) }
        let cap = started.at.adding(seconds: Int64(Self.maximumDays) * 86_400)
        if last > cap {
            story.daysLeftOut = Int((last.seconds - cap.seconds + 86_399) / 86_400)
            last = cap
        }
        let listed = calendar.days(from: started.at, to: last, clock: clock)
        var counted: [Int: Int64] = [:]
        for span in spans where span.end > span.start {
            for day in calendar.days(from: span.start, to: min(span.end, last), clock: clock) {
                counted[day.day, default: 0] += day.counted
            }
        }
        var marks: [(what: String, at: Instant)] = [(startMark, started.at)]
        if let stopped { marks.append((stopped.mark, stopped.at)) }
        if let deadline { marks.append((deadlineMark, deadline)) }
        if let notBefore { marks.append(("not before", notBefore)) }
        if stopped == nil { marks.append(("as-of", asOf)) }
        marks += extra
        var total: Int64 = 0
        story.days = listed.map { day in
            let seconds = counted[day.day] ?? 0
            total += seconds
            let end = day.start.adding(seconds: day.length)
            let here = marks.filter { $0.at >= day.start && $0.at < end }.sorted { $0.at < $1.at }
            return ClockStory.StoryDay(
                day: day, counted: seconds, total: total,
                marks: here.map {
                    ClockStory.Mark(what: $0.what, at: $0.at, wallSeconds: Self.wallSeconds($0.at, on: day))
                })
        }
        return story
    }

    /// Seconds since the local midnight of `day` shown by the wall clock at `instant` (on a DST change day,
    /// the offset in force at the instant).
    static func wallSeconds(_ instant: Instant, on day: ClockDay) -> Int64 {
        var offset = day.offset
        for change in day.offsetChanges where change.at <= instant { offset = change.to }
        return instant.seconds + Int64(offset) - Int64(day.day) * 86_400
    }

    /// How far the clock's end was from its deadline (or `not_before`), in calendar seconds and on its clock.
    private func margin(_ story: ClockStory, calendar: BusinessCalendar?) -> ClockStory.Margin? {
        guard let outcome = story.outcome, let deadline = story.deadline else { return nil }
        func between(_ a: Instant, _ b: Instant, _ kind: ClockStory.Margin.Kind) -> ClockStory.Margin {
            let onClock: Int64? =
                story.clock == .calendar ? nil : calendar?.elapsed(from: a, to: b, clock: story.clock)
            return ClockStory.Margin(kind: kind, calendarSeconds: b.seconds - a.seconds, clockSeconds: onClock)
        }
        switch (outcome, story.stopped) {
        case (.achieved, let stopped?): return between(stopped, deadline, .toSpare)
        case (.breached, let stopped?): return between(deadline, stopped, .lateBy)
        case (.early, let stopped?): return story.notBefore.map { between(stopped, $0, .earlyBy) }
        case (.breached, nil): return between(deadline, asOf, .overdueBy)
        case (.pending, nil): return between(asOf, deadline, .remaining)
        default: return nil
        }
    }

    /// How `target` from `start` gives `deadline` on `calendar` (``BusinessCalendar/deadline(from:adding:)``),
    /// in words.
    static func deadlineRule(
        _ target: SLADuration, from start: Instant, deadline: Instant, calendar: BusinessCalendar
    ) -> String {
        let zone = calendar.zone
        if deadline == BusinessCalendar.never, target.clock != .calendar {
            return "the schedule has no working time: the clock never runs and the deadline never comes"
        }
        switch target.clock {
        case .calendar:
            return "the start + \(target) of calendar time"
        case .businessHours:
            let firstRunning = calendar.advance(from: start, bySeconds: 1, clock: .businessHours).adding(seconds: -1)
            return firstRunning == start
                ? "\(target) of working time, counted from the start (inside working hours)"
                : "\(target) of working time, counted from \(ExplainFormat.local(firstRunning, in: zone)), the first "
                    + "working moment after the start"
        case .businessDays:
            let day = zone.localDayNumber(start)
            let midnight = start == calendar.dayStart(day)
            let n = target.amount
            if calendar.isWorkingDay(day), !midnight {
                return "created inside a working day: the same wall time on the \(ExplainFormat.ordinal(n)) working "
                    + "day after it"
            }
            let starts =
                calendar.isWorkingDay(day)
                ? "created at the midnight starting a working day: the clock starts then"
                : "created on a day the clock does not run: the clock starts at the midnight of the next working day"
            return "\(starts), and the deadline is the midnight ending the \(ExplainFormat.ordinal(n)) working day "
                + "counting that day as the first"
        }
    }
}
