import Testing

@testable import SLAReportCore

/// Requester wait, agent work and periodic update wired through the whole pipeline (SPEC §4): per ticket
/// (the CSV row), per channel (the JSON objects' figures), the breach list and the gate, on tickets worked out
/// by hand. 2016-11-14 is a Monday; the schedule works Monday–Friday 09:00–17:00 UTC; as-of is Friday
/// 2016-11-18 00:00.
@Suite struct StatusMetricsTests {
    static let weekdays = Dictionary(
        uniqueKeysWithValues: (1...5).map { ($0, [MinuteInterval(start: 540, end: 1020)]) })
    static func duration(_ amount: Int, _ unit: SLADuration.Unit) -> SLADuration {
        SLADuration(amount: amount, unit: unit)
    }

    static let policy = Policy(
        name: "status", schedules: ["default": Schedule(timezone: "UTC", hours: weekdays)],
        channels: [
            ChannelPolicy(
                key: "email", name: "Email", firstReply: duration(4, .hours), nextReply: duration(2, .hours),
                requesterWait: duration(8, .businessHours), agentWork: duration(4, .businessHours),
                periodicUpdate: duration(1, .businessDays), goals: [.requesterWait: 80, .agentWork: 50],
                byPriority: [
                    "urgent": PriorityTargets(firstReply: duration(30, .minutes), requesterWait: duration(2, .hours))
                ]),
            ChannelPolicy(key: "twitter", name: "Twitter", firstReply: duration(1, .hours)),
            // Targets only by priority, as the Zendesk import writes them.
            ChannelPolicy(
                key: "imported", name: "Imported",
                byPriority: [
                    "high": PriorityTargets(
                        firstReply: duration(2, .businessHours), requesterWait: duration(6, .businessHours)),
                    "normal": PriorityTargets(firstReply: duration(4, .businessHours)),
                ]),
        ],
        systemActors: ["system"])

    static let asOf = "2016-11-18 00:00"

    /// Tickets A–D on email (worked out in the tests), T on Twitter.
    static var emailTickets: LogBuilder {
        var b = LogBuilder()
        // A: replied and pending at 10:00, the customer answers at 13:00 (open), on hold from 14:00, solved
        // Tuesday 11:00 without another reply.
        b.add("A", .created, "2016-11-14 09:00", actor: "cust", channel: "email")
        b.add("A", .reply, "2016-11-14 10:00", actor: "ann")
        b.add("A", .status, "2016-11-14 10:00", actor: "ann", value: "pending")
        b.add("A", .comment, "2016-11-14 13:00", actor: "cust")
        b.add("A", .status, "2016-11-14 13:00", actor: "cust", value: "open")
        b.add("A", .status, "2016-11-14 14:00", actor: "ann", value: "hold")
        b.add("A", .status, "2016-11-15 11:00", actor: "ann", value: "solved")
        // B: open from 15:30, never answered.
        b.add("B", .created, "2016-11-14 15:00", actor: "cust", channel: "email")
        b.add("B", .status, "2016-11-14 15:30", actor: "ann", value: "open")
        // C: "Urgent" and "Pending", "Solved" as a Zendesk CSV writes them.
        b.add("C", .created, "2016-11-15 09:00", actor: "cust", channel: "email")
        b.add("C", .priority, "2016-11-15 09:00", actor: "system", value: "Urgent")
        b.add("C", .reply, "2016-11-15 09:20", actor: "ann")
        b.add("C", .status, "2016-11-15 09:20", actor: "ann", value: "Pending")
        b.add("C", .status, "2016-11-15 12:00", actor: "ann", value: "Solved")
        // D: normal at the first reply, raised to urgent afterwards, still open at as-of.
        b.add("D", .created, "2016-11-15 09:00", actor: "cust", channel: "email")
        b.add("D", .priority, "2016-11-15 09:00", actor: "system", value: "normal")
        b.add("D", .reply, "2016-11-15 09:10", actor: "ann")
        b.add("D", .status, "2016-11-15 09:10", actor: "ann", value: "open")
        b.add("D", .priority, "2016-11-15 10:00", actor: "ann", value: "urgent")
        // T: Twitter sets none of these targets.
        b.add("T", .created, "2016-11-14 09:00", actor: "fan", channel: "twitter")
        b.add("T", .reply, "2016-11-14 09:30", actor: "ann")
        b.add("T", .status, "2016-11-14 09:30", actor: "ann", value: "solved")
        return b
    }

    @Test func eachTicketsRowCarriesItsTotalsOnItsTargetsClock() throws {
        let r = try TestPolicies.run(Self.emailTickets, policy: Self.policy, asOf: Self.asOf)
        func row(_ id: String) throws -> TicketRow { try #require(TestPolicies.row(r, id)) }
        // A. Requester wait runs new 09–10, open 13–14, on hold 14:00 Mon – 11:00 Tue: on the business clock
        // 1 h + 1 h + 3 h (Mon 14–17) + 2 h (Tue 09–11) = 7 h, within 8 business hours. Agent work pauses on
        // hold: 1 h + 1 h = 2 h, within 4 business hours.
        #expect(try row("A").requesterWaitSeconds == 7 * 3600)
        #expect(try row("A").requesterWaitOutcome == "achieved")
        #expect(try row("A").agentWorkSeconds == 2 * 3600)
        #expect(try row("A").agentWorkOutcome == "achieved")
        // B. Unsolved, running from 15:00 Mon to as-of: 2 h + 3 × 8 h = 26 business hours, over both targets.
        #expect(try row("B").requesterWaitSeconds == 26 * 3600)
        #expect(try row("B").requesterWaitOutcome == "breached")
        #expect(try row("B").agentWorkOutcome == "breached")
        // C. "Urgent" is urgent: 30 minutes for the first reply (answered in 20), 2 calendar hours of requester
        // wait (new 09:00–09:20, then "Pending" pauses it): 1200 s on the calendar clock.
        #expect(try row("C").target == "30 minutes")
        #expect(try row("C").outcome == "achieved")
        #expect(try row("C").requesterWaitSeconds == 1200)
        #expect(try row("C").requesterWaitOutcome == "achieved")
        // Agent work has no urgent target: the channel's 4 business hours (09:00–09:20 is business time).
        #expect(try row("C").agentWorkSeconds == 1200)
        // D. Normal at the first reply (4 hours, met), urgent when the measure ends (as-of): requester wait
        // judged against 2 calendar hours, Tue 09:00 → Fri 00:00 = 63 h; agent work against the channel's
        // 4 business hours: Tue, Wed, Thu = 24 business hours.
        #expect(try row("D").target == "4 hours")
        #expect(try row("D").outcome == "achieved")
        #expect(try row("D").requesterWaitSeconds == 63 * 3600)
        #expect(try row("D").requesterWaitOutcome == "breached")
        #expect(try row("D").agentWorkSeconds == 24 * 3600)
        // T. Not measured: its channel sets no such target.
        #expect(try row("T").requesterWaitSeconds == nil)
        #expect(try row("T").requesterWaitOutcome == nil)
        #expect(try row("T").agentWorkSeconds == nil)
    }

    @Test func theChannelFiguresGateAndListTheBreaches() throws {
        let r = try TestPolicies.run(Self.emailTickets, policy: Self.policy, asOf: Self.asOf)
        let email = try #require(r.model.channels.first { $0.key == "email" })
        #expect(email.statusMetrics.map(\.metric) == [.requesterWait, .agentWork, .periodicUpdate])
        #expect(try #require(r.model.channels.first { $0.key == "twitter" }).statusMetrics.isEmpty)

        // Requester wait: A and C achieved, B and D breached (still open): 50 %, below the goal of 80.
        let wait = try #require(email.statusMetric(.requesterWait))
        #expect(wait.target == "8 business hours")
        #expect(wait.goal == Percent(value: 80))
        #expect((wait.judged, wait.achieved, wait.breached, wait.openOverdue, wait.pending) == (4, 2, 2, 2, 0))
        #expect(wait.attainment == Percent(hundredths: 5000))
        #expect(wait.failsGate)
        // The solved tickets' totals: A 23 h calendar (1 + 1 + 21), C 20 minutes; on the business clock of the
        // channel's own target: A 7 h, C 20 minutes.
        #expect(wait.measured == 2)
        #expect(
            wait.calendar == DurationStats(count: 2, p50: 1200, p90: 82_800, p95: 82_800, max: 82_800, mean: 42_000))
        #expect(
            wait.business == DurationStats(count: 2, p50: 1200, p90: 25_200, p95: 25_200, max: 25_200, mean: 13_200))

        // Agent work: the same split, at the goal of 50: not failing.
        let work = try #require(email.statusMetric(.agentWork))
        #expect((work.judged, work.achieved, work.breached) == (4, 2, 2))
        #expect(!work.failsGate)

        // Periodic update: A's one interval (10:00 Mon, ended by the solve at 11:00 Tue, past the 1 business
        // day deadline of 10:00 Tue), C's (09:20 to the solve at 12:00, in time), D's (09:10 Tue, still open
        // past its deadline 09:10 Wed). B was never answered.
        let updates = try #require(email.statusMetric(.periodicUpdate))
        #expect((updates.judged, updates.achieved, updates.breached, updates.openOverdue) == (3, 1, 2, 1))
        #expect(updates.measured == 2)
        #expect(updates.calendar.max == Int64(25 * 3600))
        #expect(updates.calendar.p50 == Int64(2 * 3600 + 40 * 60))

        // The gate names the metric; --fail-under is not needed for a goal to gate.
        #expect(r.gate.failingChannels == ["email"])
        #expect(r.gate.message == "email requester wait 50% of 4 judged (goal 80%)")

        // Breaches: requester wait first (D furthest over: 63 h − 2 h; then B: 26 − 8 business hours), then
        // agent work, then the periodic updates.
        let breaches = r.model.metricBreaches
        #expect(
            breaches.map(\.metric) == [
                .requesterWait, .requesterWait, .agentWork, .agentWork, .periodicUpdate, .periodicUpdate,
            ])
        let d = breaches[0]
        #expect(
            (d.ticket, d.target, d.seconds, d.overBySeconds, d.openOverdue) == (
                "D", "2 hours", 63 * 3600, 61 * 3600, true
            ))
        // D went over its 2 hours at 11:00 Tuesday.
        #expect(d.breachedAt == LogBuilder.instant("2016-11-15 11:00"))
        let b = breaches[1]
        #expect((b.ticket, b.seconds, b.overBySeconds) == ("B", 26 * 3600, 18 * 3600))
        // B's 8 business hours were reached at 15:00 Tuesday (2 h on Monday, 6 on Tuesday).
        #expect(b.breachedAt == LogBuilder.instant("2016-11-15 15:00"))
        // Agent work: D 24 − 4 business hours, B 26 − 4.
        #expect(breaches[2...3].map(\.ticket) == ["B", "D"])
        #expect(breaches[2...3].map(\.overBySeconds) == [22 * 3600, 20 * 3600])
        // Periodic update: D is open, 38 h 50 m past its deadline at as-of; A's solve came 1 h late.
        #expect(breaches[4].ticket == "D")
        #expect(breaches[4].intervalStarted == LogBuilder.instant("2016-11-15 09:10"))
        #expect(breaches[4].breachedAt == LogBuilder.instant("2016-11-16 09:10"))
        #expect(breaches[4].overBySeconds == 38 * 3600 + 50 * 60)
        #expect(breaches[4].openOverdue)
        #expect((breaches[5].ticket, breaches[5].overBySeconds, breaches[5].openOverdue) == ("A", 3600, false))
    }

    @Test func aSolveEndsTheNextReplyClock() throws {
        let r = try TestPolicies.run(Self.emailTickets, policy: Self.policy, asOf: Self.asOf)
        // A's customer comment at 13:00 was never answered; the solve at 11:00 the next day ended its clock,
        // past the 2-hour deadline: breached, but not open overdue.
        let email = try #require(r.model.channels.first { $0.key == "email" })
        let next = try #require(email.nextReply)
        #expect((next.breached, next.openOverdue, next.replied, next.achieved) == (1, 0, 0, 0))
    }

    @Test func aChannelWithTargetsOnlyByPriorityShowsByPriority() throws {
        var b = LogBuilder()
        b.add("H", .created, "2016-11-14 09:00", actor: "cust", channel: "imported")
        b.add("H", .priority, "2016-11-14 09:00", actor: "system", value: "HIGH")
        b.add("H", .reply, "2016-11-14 10:00", actor: "ann")
        b.add("N", .created, "2016-11-14 09:00", actor: "cust", channel: "imported")
        b.add("N", .priority, "2016-11-14 09:00", actor: "system", value: "normal")
        b.add("N", .reply, "2016-11-14 14:00", actor: "ann")
        // No priority: no target applies to it.
        b.add("U", .created, "2016-11-14 09:00", actor: "cust", channel: "imported")
        b.add("U", .reply, "2016-11-14 09:30", actor: "ann")
        let r = try TestPolicies.run(b, policy: Self.policy, asOf: Self.asOf)
        let imported = try #require(r.model.channels.first { $0.key == "imported" })
        #expect(imported.firstReply.target == "by priority")
        // H within 2 business hours, N over 4 (5 h); U is not judged.
        #expect(imported.firstReply.judged == 2)
        #expect(imported.firstReply.attainment == Percent(hundredths: 5000))
        // The priorities' targets share the business-hours clock: the channel has business figures on it.
        #expect(imported.firstReply.business?.max == Int64(5 * 3600))
        // Requester wait is set for high only: H runs new from 09:00 Mon to as-of, 4 × 8 business hours.
        let wait = try #require(imported.statusMetric(.requesterWait))
        #expect(wait.target == "by priority")
        #expect((wait.judged, wait.breached, wait.openOverdue) == (1, 1, 1))
        #expect(TestPolicies.row(r, "H")?.requesterWaitSeconds == Int64(32 * 3600))
        // U is measured but has no target: its row gives calendar seconds (Mon 09:00 → Fri 00:00) and no outcome.
        #expect(TestPolicies.row(r, "U")?.requesterWaitSeconds == Int64(87 * 3600))
        #expect(TestPolicies.row(r, "U")?.requesterWaitOutcome == nil)
    }

    @Test func onlyChannelsWithSuchTargetsAreMeasured() throws {
        let built = Self.emailTickets
        var log = built.log
        let grouped = Grouping.group(&log)
        let measurer = Measurer(
            policy: Self.policy, symbols: log.symbols, directory: ActorDirectory(), asOf: LogBuilder.instant(Self.asOf))
        for timeline in grouped.timelines {
            let id = log.symbols[timeline.ticket]
            let metrics = measurer.measureStatusMetrics(timeline, measurer.measure(timeline))
            #expect((metrics == nil) == (id == "T"), "\(id)")
        }
        // A policy without any such target measures nothing at all.
        let plain = Measurer(
            policy: TestPolicies.calendar, symbols: log.symbols, directory: ActorDirectory(),
            asOf: LogBuilder.instant(Self.asOf))
        #expect(plain.statusFroms.isEmpty && plain.statusFlags.isEmpty)
        #expect(grouped.timelines.allSatisfy { plain.measureStatusMetrics($0, plain.measure($0)) == nil })
    }

    @Test func theStatusInputsAreWhatExplainCanShow() throws {
        var built = LogBuilder()
        // Ann opened the ticket herself and wrote to the customer at creation: that message is not a reply.
        built.add("X", .created, "2016-11-14 08:00", actor: "cust", channel: "email")
        built.add("X", .reply, "2016-11-14 08:05", actor: "ann")
        built.add("O", .created, "2016-11-14 09:00", actor: "ann", channel: "email")
        built.add("O", .reply, "2016-11-14 09:00", actor: "ann")
        built.add("O", .reply, "2016-11-14 10:00", actor: "system")
        built.add("O", .reply, "2016-11-14 11:00", actor: "bob")
        built.add("O", .status, "2016-11-14 11:00", actor: "bob", value: "On-hold")
        built.add("O", .status, "2016-11-14 12:00", actor: "bob", value: "escalated")
        built.add("O", .reply, "2016-11-18 01:00", actor: "bob")  // after as-of
        let joined = JoinedInput(log: built.log, policy: Self.policy)
        var log = joined.log
        let grouped = Grouping.group(&log)
        let measurer = Measurer(
            policy: Self.policy, symbols: log.symbols, directory: joined.directory,
            asOf: LogBuilder.instant(Self.asOf))
        let timeline = try #require(grouped.timelines.first { log.symbols[$0.ticket] == "O" })
        let m = measurer.measure(timeline)
        let inputs = measurer.statusInputs(timeline, firstReply: m.firstReply)
        // The system's reply, the creation message and the reply after as-of are left out; an unknown status
        // value is ignored.
        #expect(inputs.replies == [LogBuilder.instant("2016-11-14 11:00")])
        #expect(inputs.changes == [StatusChange(at: LogBuilder.instant("2016-11-14 11:00"), status: .hold)])
    }
}
