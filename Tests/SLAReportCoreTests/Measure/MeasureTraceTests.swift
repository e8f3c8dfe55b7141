import Testing

@testable import SLAReportCore

/// `Measurer.trace(_:)`: the report's walk, told what each event counted as.
@Suite struct MeasureTraceTests {
    /// The built-in policy with the team's hours in Amsterdam, a next-reply target, and a `by_priority` entry
    /// whose next-reply target runs on another clock than the channel's.
    static var policy: Policy {
        var policy = Policy.builtIn
        policy.schedules["default"] = Schedule(
            timezone: "Europe/Amsterdam",
            hours: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [MinuteInterval(start: 540, end: 1020)]) }),
            holidays: ["2016-11-11"])
        for index in policy.channels.indices where policy.channels[index].key == "email" {
            policy.channels[index].nextReply = SLADuration(amount: 1, unit: .businessDays)
            policy.channels[index].byPriority["urgent"] = PriorityTargets(
                firstReply: SLADuration(amount: 30, unit: .minutes),
                nextReply: SLADuration(amount: 2, unit: .businessHours))
        }
        return policy
    }

    /// Every field the report reads from a measurement, in one comparable value.
    static func fields(_ m: TicketMeasurement) -> [String] {
        [
            "\(m.ticket.raw) \(m.channel.raw) \(m.created) \(String(describing: m.firstReply)) \(m.firstReplyActor.raw)",
            "\(String(describing: m.frtSeconds)) \(String(describing: m.frtBusinessSeconds))",
            "\(String(describing: m.frtTargetBusinessSeconds)) \(m.priority.raw) \(String(describing: m.target))",
            "\(String(describing: m.deadline)) \(String(describing: m.outcome)) \(m.assignee.raw) \(m.status.raw)",
            "\(String(describing: m.firstResolutionSeconds)) \(String(describing: m.fullResolutionSeconds))",
            "\(m.reopens) \(m.fromVendorMetric) \(m.replyTimeUnknown) \(m.nextReplies)",
        ]
    }

    @Test(arguments: [UInt64(7), 201_611])
    func theTraceMeasuresExactlyWhatTheReportMeasures(seed: UInt64) throws {
        let csv = SyntheticExport.generate(GeneratorOptions(tickets: 600, seed: seed, profile: .sample))
        for policy in [Policy.builtIn, Self.policy] {
            var joined = Ingest.readAndJoin(
                [InputFile(path: "events.csv", bytes: csv)], options: IngestOptions(policy: policy))
            let timelines = Grouping.group(&joined.log).timelines
            #expect(timelines.count == 600)
            for asOf in [LogBuilder.instant("2016-11-10 12:00"), LogBuilder.instant("2016-11-28 00:00")] {
                let measurer = Measurer(
                    policy: policy, symbols: joined.log.symbols, directory: joined.directory, asOf: asOf,
                    vendor: joined.log.vendorMetrics)
                for t in timelines {
                    let (traced, trace) = measurer.trace(t)
                    #expect(
                        Self.fields(traced) == Self.fields(measurer.measure(t)),
                        "seed \(seed), \(joined.log.symbols[t.ticket]) as of \(asOf)")
                    #expect(trace.counts.count == t.events.count)
                    #expect(trace.firstReplyTarget == traced.target || trace.channel == nil)
                    // Exactly one event is the first reply when there is one (the export has no vendor figures).
                    #expect(trace.counts.filter { $0 == .firstReply }.count == (traced.firstReply == nil ? 0 : 1))
                    let started = trace.counts.filter { if case .nextReplyStarted = $0 { true } else { false } }
                    #expect(started.count == traced.nextReplies.count, "seed \(seed): one start per next-reply clock")
                }
            }
        }
    }

    @Test func eachEventCountsAsTheMeasurerCountedIt() throws {
        var b = LogBuilder()
        // ann answers elsewhere, so she is on the team; she opens T on behalf of a customer.
        b.add("X", .created, "2016-11-21 08:00", actor: "cust", channel: "email")
        b.add("X", .reply, "2016-11-21 08:10", actor: "ann")
        b.add("T", .created, "2016-11-21 09:00", actor: "ann", channel: "email")
        b.add("T", .reply, "2016-11-21 09:00", actor: "ann")
        b.add("T", .reply, "2016-11-21 09:01", actor: "system")
        b.add("T", .comment, "2016-11-21 09:02", actor: "cust")
        b.add("T", .priority, "2016-11-21 09:03", actor: "ann", value: "urgent")
        b.add("T", .reply, "2016-11-21 09:10", actor: "bob")
        b.add("T", .priority, "2016-11-21 09:10", actor: "ann", value: "low")
        b.add("T", .comment, "2016-11-21 09:20", actor: "cust")
        b.add("T", .comment, "2016-11-21 09:25", actor: "cust")
        b.add("T", .reply, "2016-11-21 09:30", actor: "bob")
        b.add("T", .reply, "2016-11-21 09:40", actor: "bob")
        b.add("T", .priority, "2016-11-21 09:45", actor: "ann", value: "high")
        b.add("T", .status, "2016-11-21 09:50", actor: "bob", value: "solved")
        b.add("T", .status, "2016-11-21 10:00", actor: "cust", value: "open")
        b.add("T", .note, "2016-11-21 10:05", actor: "bob")
        b.add("T", .status, "2016-11-21 10:10", actor: "bob", value: "solved")
        b.add("T", .reply, "2016-11-21 12:00", actor: "bob")
        let joined = JoinedInput(log: b.log, policy: TestPolicies.calendar)
        var log = joined.log
        let t = try #require(Grouping.group(&log).timelines.first { log.symbols[$0.ticket] == "T" })
        let measurer = Measurer(
            policy: TestPolicies.calendar, symbols: log.symbols, directory: joined.directory,
            asOf: LogBuilder.instant("2016-11-21 11:00"))
        let (m, trace) = measurer.trace(t)
        #expect(
            trace.counts == [
                .creation, .creationMessage, .systemReply, .commentBeforeFirstReply, .priorityBeforeFirstReply,
                .firstReply, .priorityAtFirstReply, .nextReplyStarted(clock: 0), .commentWhileWaiting(clock: 0),
                .nextReplyStopped(clock: 0), .laterReply, .priorityAfterFirstReply, .firstSolve(endsNextReply: nil),
                .reopen, .noClock, .solveAgain(endsNextReply: nil), .afterAsOf,
            ])
        #expect(trace.agentCreated)
        // The priority set at the first reply's instant is in force: low, which has no by_priority entry.
        #expect(trace.priorityInForce == 6)
        #expect(trace.priority == "low")
        #expect(m.priority == log.symbols.lookup("low"))
        #expect(trace.firstReplyTarget == SLADuration(amount: 4, unit: .hours))
        #expect(trace.nextReplyTarget == SLADuration(amount: 2, unit: .hours))
        #expect(trace.channel?.key == "email")
        #expect(m.nextReplies.count == 1)
    }

    @Test func anUnansweredTicketTakesThePriorityInForceAtTheAsOf() throws {
        var b = LogBuilder()
        b.add("U", .created, "2016-11-21 09:00", actor: "cust", channel: "email")
        b.add("U", .priority, "2016-11-21 09:05", actor: "zendesk", value: "low")
        b.add("U", .priority, "2016-11-21 09:06", actor: "zendesk", value: "urgent")
        b.add("U", .priority, "2016-11-21 12:00", actor: "zendesk", value: "low")
        var log = b.log
        let t = try #require(Grouping.group(&log).timelines.first)
        let measurer = Measurer(
            policy: TestPolicies.calendar, symbols: log.symbols, directory: ActorDirectory(),
            asOf: LogBuilder.instant("2016-11-21 10:00"))
        let (m, trace) = measurer.trace(t)
        #expect(trace.priorityInForce == 2)
        #expect(trace.priority == "urgent")
        #expect(m.target == SLADuration(amount: 30, unit: .minutes))
        #expect(m.outcome == .breached)
        #expect(trace.counts.last == .afterAsOf)
    }
}
