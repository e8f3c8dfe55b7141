import Testing

@testable import SLAReportCore

/// Each definition of SPEC §4 on small hand-made timelines (calendar-clock targets).
@Suite struct MeasurerTests {
    @Test func replyExactlyAtDeadlineIsAchievedOneSecondLaterBreached() throws {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-21 09:00:00", actor: "cust", channel: "email")
        b.add("A", .reply, "2016-11-21 13:00:00", actor: "ann")
        b.add("B", .created, "2016-11-21 09:00:00", actor: "cust", channel: "email")
        b.add("B", .reply, "2016-11-21 13:00:01", actor: "ann")
        let r = try TestPolicies.run(b)
        let a = try #require(TestPolicies.row(r, "A"))
        #expect(a.outcome == "achieved")
        #expect(a.frtSeconds == Int64(4 * 3600))
        #expect(a.deadline == LogBuilder.instant("2016-11-21 13:00:00"))
        #expect(TestPolicies.row(r, "B")?.outcome == "breached")
        #expect(r.model.breaches.map(\.ticket) == ["B"])
        #expect(r.model.breaches.first?.lateBySeconds == 1)
        let email = try #require(r.model.channels.first { $0.key == "email" })
        #expect(email.firstReply.attainment == Percent(hundredths: 5000))
    }

    @Test func agentCreatedTicketSkipsItsOwnFirstMessage() throws {
        var b = LogBuilder()
        // ann answers elsewhere, so she is an agent; she opens T on behalf of a customer.
        b.add("X", .created, "2016-11-21 08:00", actor: "cust", channel: "email")
        b.add("X", .reply, "2016-11-21 08:10", actor: "ann")
        b.add("T", .created, "2016-11-21 09:00", actor: "ann", channel: "email")
        b.add("T", .reply, "2016-11-21 09:00", actor: "ann")
        b.add("T", .reply, "2016-11-21 10:30", actor: "bob")
        let r = try TestPolicies.run(b)
        let t = try #require(TestPolicies.row(r, "T"))
        #expect(t.firstReply == LogBuilder.instant("2016-11-21 10:30"))
        #expect(t.frtSeconds == 5400)
    }

    @Test func customerCreatedTicketKeepsAReplyAtCreation() throws {
        var b = LogBuilder()
        b.add("T", .created, "2016-11-21 09:00", actor: "cust", channel: "email")
        b.add("T", .reply, "2016-11-21 09:00", actor: "ann")
        #expect(TestPolicies.row(try TestPolicies.run(b), "T")?.frtSeconds == 0)
    }

    @Test func earlyReplyOnNotBeforeChannel() throws {
        var b = LogBuilder()
        b.add("F1", .created, "2016-11-01 09:00", actor: "u", channel: "forum")
        b.add("F1", .reply, "2016-11-02 09:00", actor: "ann")
        b.add("F2", .created, "2016-11-01 09:00", actor: "u", channel: "forum")
        b.add("F2", .reply, "2016-11-03 09:00", actor: "ann")
        let r = try TestPolicies.run(b)
        #expect(TestPolicies.row(r, "F1")?.outcome == "early")
        #expect(TestPolicies.row(r, "F1")?.flags == ["early"])
        #expect(TestPolicies.row(r, "F2")?.outcome == "achieved")
        let forum = try #require(r.model.channels.first { $0.key == "forum" })
        #expect(forum.firstReply.early == 1)
        #expect(forum.firstReply.attainment == Percent(hundredths: 5000))
        #expect(r.model.rules.earlyReplies.map(\.ticket) == ["F1"])
    }

    @Test func pendingVersusOpenOverdueAtAsOf() throws {
        var b = LogBuilder()
        b.add("P", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("O", .created, "2016-11-21 04:00", actor: "u", channel: "email")
        let r = try TestPolicies.run(b, asOf: "2016-11-21 10:00")
        #expect(TestPolicies.row(r, "P")?.outcome == "pending")
        #expect(TestPolicies.row(r, "O")?.outcome == "breached")
        let email = try #require(r.model.channels.first { $0.key == "email" })
        #expect(email.firstReply.openOverdue == 1)
        #expect(email.firstReply.pending == 1)
        #expect(email.firstReply.breached == 1)
        #expect(r.model.breaches.first?.lateBySeconds == 7200)  // deadline 08:00, as-of 10:00
    }

    @Test func nextReplyChainCountsOldestUnansweredComment() throws {
        var b = LogBuilder()
        b.add("N", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("N", .comment, "2016-11-21 09:30", actor: "u")  // before the first reply: starts nothing
        b.add("N", .reply, "2016-11-21 10:00", actor: "ann")
        b.add("N", .comment, "2016-11-21 11:00", actor: "u")
        b.add("N", .comment, "2016-11-21 11:30", actor: "u")  // later comment before the answer: no new clock
        b.add("N", .reply, "2016-11-21 14:00", actor: "ann")  // 3h after 11:00: breached (2h)
        b.add("N", .comment, "2016-11-21 15:00", actor: "u")
        b.add("N", .reply, "2016-11-21 15:45", actor: "bob")
        let r = try TestPolicies.run(b)
        let email = try #require(r.model.channels.first { $0.key == "email" })
        let next = try #require(email.nextReply)
        #expect(next.replied == 2)
        #expect(next.breached == 1)
        #expect(next.achieved == 1)
        #expect(next.calendar.max == Int64(3 * 3600))
        #expect(next.calendar.p50 == Int64(45 * 60))
    }

    @Test func reopenAndResolution() throws {
        var b = LogBuilder()
        b.add("R", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("R", .reply, "2016-11-21 09:10", actor: "ann")
        b.add("R", .status, "2016-11-21 10:00", actor: "ann", value: "solved")
        b.add("R", .status, "2016-11-22 09:00", actor: "u", value: "open")
        b.add("R", .status, "2016-11-22 12:00", actor: "ann", value: "solved")
        b.add("R", .status, "2016-11-25 12:00", actor: "system", value: "closed")
        let r = try TestPolicies.run(b)
        let resolution = try #require(r.model.channels.first { $0.key == "email" }).resolution
        #expect(resolution.reopens == 1)
        #expect(resolution.solved == 1)
        #expect(resolution.firstCalendar.p50 == 3600)
        #expect(resolution.fullCalendar.p50 == Int64(4 * 86_400 + 3 * 3600))
    }

    @Test func priorityChangeBeforeFirstReplyAppliesAfterDoesNot() throws {
        var b = LogBuilder()
        b.add("U", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("U", .priority, "2016-11-21 09:05", actor: "ann", value: "urgent")
        b.add("U", .reply, "2016-11-21 09:40", actor: "ann")  // 40 min > 30 min urgent target
        b.add("L", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("L", .reply, "2016-11-21 09:40", actor: "ann")
        b.add("L", .priority, "2016-11-21 09:50", actor: "ann", value: "urgent")  // after the reply: ignored
        let r = try TestPolicies.run(b)
        #expect(TestPolicies.row(r, "U")?.target == "30 minutes")
        #expect(TestPolicies.row(r, "U")?.outcome == "breached")
        #expect(TestPolicies.row(r, "U")?.priority == "urgent")
        #expect(TestPolicies.row(r, "L")?.target == "4 hours")
        #expect(TestPolicies.row(r, "L")?.outcome == "achieved")
    }

    @Test func policyVersionSwitchesAtItsDate() throws {
        var b = LogBuilder()
        b.add("OLD", .created, "2016-12-31 23:00", actor: "u", channel: "email")
        b.add("OLD", .reply, "2017-01-01 01:00", actor: "ann")
        b.add("NEW", .created, "2017-01-01 00:00", actor: "u", channel: "email")
        b.add("NEW", .reply, "2017-01-01 02:00", actor: "ann")
        let r = try TestPolicies.run(b)
        #expect(TestPolicies.row(r, "OLD")?.target == "4 hours")
        #expect(TestPolicies.row(r, "OLD")?.outcome == "achieved")
        #expect(TestPolicies.row(r, "NEW")?.target == "1 hour")
        #expect(TestPolicies.row(r, "NEW")?.outcome == "breached")
        #expect(r.model.policy.versions == ["2017-01-01"])
    }

    @Test func systemActorNeverReplies() throws {
        var b = LogBuilder()
        b.add("S", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("S", .reply, "2016-11-21 09:01", actor: "system")
        b.add("S", .reply, "2016-11-21 09:30", actor: "ann")
        #expect(TestPolicies.row(try TestPolicies.run(b), "S")?.frtSeconds == 1800)
    }

    @Test func channelWithoutTargetHasTimesButNoOutcomes() throws {
        var b = LogBuilder()
        b.add("Q", .created, "2016-11-21 09:00", actor: "u", channel: "reddit")
        b.add("Q", .reply, "2016-11-21 09:30", actor: "ann")
        let reddit = try #require(try TestPolicies.run(b).model.channels.first { $0.key == "reddit" })
        #expect(reddit.firstReply.target == nil)
        #expect(reddit.firstReply.achieved == nil)
        #expect(reddit.firstReply.attainment == nil)
        #expect(reddit.firstReply.calendar.p50 == 1800)
    }

    @Test func goalGatesTheRun() throws {
        var b = LogBuilder()
        b.add("T1", .created, "2016-11-21 09:00", actor: "u", channel: "twitter")
        b.add("T1", .reply, "2016-11-23 09:00", actor: "ann")
        let r = try TestPolicies.run(b)
        #expect(r.gateFailed)
        #expect(r.model.channels.first { $0.key == "twitter" }?.failsGate == true)
    }

    @Test func percentilesUseNearestRank() {
        let values: [Int64] = [15, 20, 35, 40, 50]
        let stats = DurationStats.compute(values)
        #expect(stats.p50 == 35)  // rank ceil(2.5) = 3
        #expect(stats.p90 == 50)  // rank ceil(4.5) = 5
        #expect(stats.p95 == 50)
        #expect(stats.mean == 32)
        #expect(DurationStats.compute([1, 2]).mean == 2)  // 1.5 rounds half up
        #expect(DurationStats.compute([]).p50 == nil)
        let ten = DurationStats.compute(Array(1...10))
        #expect(ten.p90 == 9)
        #expect(ten.p95 == 10)
    }
}

/// The previous window of equal length, computed from the same inputs.
@Suite struct TrendTests {
    @Test func previousWindowOfEqualLength() throws {
        var b = LogBuilder()
        // Previous week (2016-11-07 .. 11-14): two email tickets, one breached → 50 %.
        b.add("P1", .created, "2016-11-08 09:00", actor: "u", channel: "email")
        b.add("P1", .reply, "2016-11-08 10:00", actor: "ann")
        b.add("P2", .created, "2016-11-09 09:00", actor: "u", channel: "email")
        b.add("P2", .reply, "2016-11-09 19:00", actor: "ann")
        // This week (11-14 .. 11-21): one email ticket on time → 100 %.
        b.add("C1", .created, "2016-11-15 09:00", actor: "u", channel: "email")
        b.add("C1", .reply, "2016-11-15 09:30", actor: "ann")
        // Two weeks before: not in the previous window.
        b.add("X1", .created, "2016-11-01 09:00", actor: "u", channel: "email")
        let log = b.log
        let request = ReportRequest(
            policy: TestPolicies.calendar, since: .instant(LogBuilder.instant("2016-11-14")),
            until: .instant(LogBuilder.instant("2016-11-21")), toolVersion: "test")
        let r = try TestPolicies.run(log, request)
        let email = try #require(r.model.channels.first { $0.key == "email" })
        #expect(email.tickets == 1)
        #expect(email.firstReply.attainment == Percent(hundredths: 10_000))
        #expect(email.previous == PreviousWindow(tickets: 2, attainment: Percent(hundredths: 5000), judged: 2))
        #expect(
            r.model.channels.first { $0.key == "forum" }?.previous
                == PreviousWindow(tickets: 0, attainment: nil, judged: 0))
        // One judged ticket in this window is too few for a trend: it is left out, with the reason.
        #expect(email.trend == .leftOut(reason: "1 judged in this window (fewer than 10)"))
    }

    @Test func noStartMeansNoTrend() throws {
        var b = LogBuilder()
        b.add("C1", .created, "2016-11-15 09:00", actor: "u", channel: "email")
        #expect(try TestPolicies.run(b).model.channels.allSatisfy { $0.previous == nil })
    }
}
