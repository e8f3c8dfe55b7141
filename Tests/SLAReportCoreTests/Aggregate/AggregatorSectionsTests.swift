import Testing

@testable import SLAReportCore

/// The figures of issue 11, computed by the aggregate stage: bands relative to target, gates, the trend's
/// small-sample rule, per-priority attainment, the at-risk list, the ISO-week history, the weekly-binned
/// volume and the story. Expected values are worked out by hand from the rows each test writes.
@Suite struct AggregatorSectionsTests {
    /// Monday–Friday 09:00–17:00 UTC; email 4 business hours (urgent: 30 minutes), twitter 1 business day
    /// with a goal of 90 %, forum 14 days not before 2 days.
    static let policy = Policy(
        name: "sections", schedules: ["default": Policy.builtInDefaultSchedule],
        channels: [
            ChannelPolicy(
                key: "email", name: "Email", firstReply: SLADuration(amount: 4, unit: .businessHours),
                byPriority: ["urgent": PriorityTargets(firstReply: SLADuration(amount: 30, unit: .minutes))]),
            ChannelPolicy(
                key: "twitter", name: "Twitter", firstReply: SLADuration(amount: 1, unit: .businessDays), goal: 90),
            ChannelPolicy(
                key: "forum", name: "Forum", firstReply: SLADuration(amount: 14, unit: .days),
                notBefore: SLADuration(amount: 2, unit: .days)),
        ],
        systemActors: ["system"])

    static func run(
        _ b: LogBuilder, asOf: String, since: String? = nil, until: String? = nil, failUnder: Double? = nil
    ) throws -> ReportModel {
        let request = ReportRequest(
            policy: policy, since: since.map { .instant(LogBuilder.instant($0)) },
            until: until.map { .instant(LogBuilder.instant($0)) }, asOf: LogBuilder.instant(asOf),
            failUnder: failUnder, toolVersion: "test")
        return try TestPolicies.run(b.log, request).model
    }

    static func channel(_ model: ReportModel, _ key: String) throws -> ChannelSummary {
        try #require(model.channels.first { $0.key == key })
    }

    // MARK: Bands, gate, trend

    @Test func bandsCountEveryTicketAgainstItsOwnTarget() throws {
        var b = LogBuilder()
        // Forum, created Monday 2016-11-14 10:00: early (1 day), within (3 days), late (15 days), unanswered
        // and overdue (as-of is 20 days on), and one created later that is still pending.
        b.add("F1", .created, "2016-11-14 10:00", actor: "u", channel: "forum")
        b.add("F1", .reply, "2016-11-15 10:00", actor: "ann")
        b.add("F2", .created, "2016-11-14 10:00", actor: "u", channel: "forum")
        b.add("F2", .reply, "2016-11-17 10:00", actor: "ann")
        b.add("F3", .created, "2016-11-14 10:00", actor: "u", channel: "forum")
        b.add("F3", .reply, "2016-11-29 10:00", actor: "ann")
        b.add("F4", .created, "2016-11-14 10:00", actor: "u", channel: "forum")
        b.add("F5", .created, "2016-12-01 10:00", actor: "u", channel: "forum")
        let model = try Self.run(b, asOf: "2016-12-04 10:00")
        let forum = try Self.channel(model, "forum")
        #expect(
            forum.bands == FRTBands(early: 1, withinTarget: 1, late: 1, unansweredOverdue: 1, pending: 1))
        #expect(forum.bands?.total == 5)
        #expect(forum.firstReply.judged == 4)  // early + within + late + overdue (breached)
        // A channel with a target and no tickets has empty bands; no gate without a goal or threshold.
        let email = try Self.channel(model, "email")
        #expect(email.bands == FRTBands(early: 0, withinTarget: 0, late: 0, unansweredOverdue: 0, pending: 0))
        #expect(email.gate == nil)
        var noTarget = email.firstReply
        noTarget.target = nil
        #expect(Aggregator.bands(noTarget) == nil)
    }

    @Test func gateIsTheHigherOfGoalAndThreshold() {
        let reply = ReplySummary(
            target: "1 business day", goal: Percent(value: 90), replied: 0, achieved: 0, breached: 0, openOverdue: 0,
            pending: 0, early: 0, attainment: nil, calendar: .empty, business: nil)
        #expect(Aggregator.gate(reply, failUnder: nil) == Percent(value: 90))
        #expect(Aggregator.gate(reply, failUnder: Percent(value: 95)) == Percent(value: 95))
        #expect(Aggregator.gate(reply, failUnder: Percent(value: 80)) == Percent(value: 90))
        var noGoal = reply
        noGoal.goal = nil
        #expect(Aggregator.gate(noGoal, failUnder: Percent(value: 80)) == Percent(value: 80))
        #expect(Aggregator.gate(noGoal, failUnder: nil) == nil)
        var noTarget = reply
        noTarget.target = nil
        #expect(Aggregator.gate(noTarget, failUnder: Percent(value: 80)) == nil)
    }

    /// Twitter judges 10 tickets this week (9 in time) and 10 the week before (all in time): a trend of
    /// −10 points. Email judges 9 this week: left out, with the count in the reason.
    @Test func trendNeedsTenJudgedInBothWindows() throws {
        var b = LogBuilder()
        for i in 0..<10 {
            // Previous week (2016-11-07, a Monday), replied within an hour.
            b.add("P\(i)", .created, "2016-11-07 10:0\(i)", actor: "u", channel: "twitter")
            b.add("P\(i)", .reply, "2016-11-07 11:0\(i)", actor: "ann")
            // This week: the last one is replied three days later (after 1 business day).
            b.add("C\(i)", .created, "2016-11-14 10:0\(i)", actor: "u", channel: "twitter")
            b.add("C\(i)", .reply, i == 9 ? "2016-11-17 10:09" : "2016-11-14 11:0\(i)", actor: "ann")
        }
        for i in 0..<9 {
            b.add("E\(i)", .created, "2016-11-14 10:0\(i)", actor: "u", channel: "email")
            b.add("E\(i)", .reply, "2016-11-14 10:3\(i)", actor: "ann")
            b.add("Q\(i)", .created, "2016-11-07 10:0\(i)", actor: "u", channel: "email")
            b.add("Q\(i)", .reply, "2016-11-07 10:3\(i)", actor: "ann")
        }
        let model = try Self.run(b, asOf: "2016-11-21 00:00", since: "2016-11-14", until: "2016-11-21")
        let twitter = try Self.channel(model, "twitter")
        #expect(twitter.previous?.judged == 10)
        #expect(twitter.trend == .change(hundredths: -1000))
        // 9 of 10 is exactly the goal of 90 %: not below it.
        #expect(!twitter.failsGate)
        #expect(twitter.gate == Percent(value: 90))
        let email = try Self.channel(model, "email")
        #expect(email.trend == .leftOut(reason: "9 judged in this window (fewer than 10)"))
        // Forum judged nothing in either window.
        #expect(try Self.channel(model, "forum").trend == .leftOut(reason: "0 judged in this window (fewer than 10)"))
        // The story: Twitter's change is the only one; email's and forum's trends are left out.
        #expect(model.story.changes.map(\.name) == ["Twitter"])
        #expect(model.story.changes.first?.hundredths == -1000)
        #expect(model.story.trendsLeftOut == 2)
        #expect(model.story.trendsCompared == 1)
        #expect(model.story.misses.isEmpty)
        // A report without a start has no trend at all.
        let whole = try Self.run(b, asOf: "2016-11-21 00:00")
        #expect(whole.channels.allSatisfy { $0.trend == .unavailable })
    }

    // MARK: At risk

    /// As-of Friday 2016-11-18 15:00: the next business day after it ends Monday 15:00 (1 business day on
    /// the Monday–Friday schedule).
    @Test func atRiskIsPendingWithinTheNextBusinessDayNearestFirst() throws {
        var b = LogBuilder()
        // Twitter (1 business day): created Thursday 16:00 → deadline Friday 16:00 (1 hour left).
        b.add("T1", .created, "2016-11-17 16:00", actor: "u", channel: "twitter")
        // Created Friday 14:00 → Monday 14:00: within the horizon.
        b.add("T2", .created, "2016-11-18 14:00", actor: "u", channel: "twitter")
        b.add("T2", .assign, "2016-11-18 14:05", actor: "ann", value: "ann")
        // Created Friday 15:30 → Monday 15:30: after Monday 15:00, not at risk yet.
        b.add("T3", .created, "2016-11-18 15:30", actor: "u", channel: "twitter")
        // Email (4 business hours), created Friday 14:00 → Monday 10:00; replied: not pending.
        b.add("E1", .created, "2016-11-18 14:00", actor: "u", channel: "email")
        b.add("E2", .created, "2016-11-18 14:00", actor: "u", channel: "email")
        b.add("E2", .reply, "2016-11-18 14:30", actor: "ann")
        // Overdue already (created Wednesday 10:00 → Thursday 10:00): breached, not at risk.
        b.add("T4", .created, "2016-11-16 10:00", actor: "u", channel: "twitter")
        // Forum (14 days): far off.
        b.add("F1", .created, "2016-11-18 10:00", actor: "u", channel: "forum")
        let model = try Self.run(b, asOf: "2016-11-18 15:00")
        #expect(model.atRisk.map(\.ticket) == ["T1", "E1", "T2"])
        let expectedLeft: [Int64] = [3600, 241_200, 255_600]  // 1 h; 2 d 19 h; 2 d 23 h
        #expect(model.atRisk.map(\.secondsLeft) == expectedLeft)
        #expect(model.atRisk.map(\.assignee) == [nil, nil, "ann"])
        #expect(model.atRisk.first?.deadline == LogBuilder.instant("2016-11-18 16:00"))
        #expect(model.story.atRisk == 3)
        #expect(model.story.openOverdue == 1)
    }

    // MARK: History and volume

    @Test func isoWeekLabelsAcrossYearEnds() {
        func label(_ y: Int, _ m: Int, _ d: Int) -> String {
            Aggregator.isoWeekLabel(monday: CivilDateTime.days(year: y, month: m, day: d))
        }
        #expect(label(2016, 11, 21) == "2016-W47")
        #expect(label(2018, 12, 31) == "2019-W01")  // Monday 2018-12-31 starts 2019's first week
        #expect(label(2020, 12, 28) == "2020-W53")
        #expect(label(2021, 1, 4) == "2021-W01")
        #expect(label(2016, 1, 4) == "2016-W01")
        #expect(label(2015, 12, 28) == "2015-W53")
    }

    @Test func weeklyHistoryOverTheWindowWithEmptyWeeks() throws {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-01 10:00", actor: "u", channel: "twitter")  // Tuesday of W44
        b.add("A", .reply, "2016-11-01 11:00", actor: "ann")
        b.add("B", .created, "2016-11-20 23:59", actor: "u", channel: "twitter")  // Sunday of W46
        b.add("C", .created, "2016-11-21 00:00", actor: "u", channel: "twitter")  // Monday of W47
        b.add("C", .reply, "2016-11-24 00:00", actor: "ann")
        let model = try Self.run(b, asOf: "2016-11-28 00:00", since: "2016-10-31", until: "2016-11-28")
        #expect(model.showsHistory)
        #expect(model.weeks.map(\.week) == ["2016-W44", "2016-W45", "2016-W46", "2016-W47"])
        #expect(model.weeks.map(\.start) == ["2016-10-31", "2016-11-07", "2016-11-14", "2016-11-21"])
        #expect(model.weeks.map(\.tickets) == [1, 0, 1, 1])
        #expect(model.weeks.map(\.judged) == [1, 0, 1, 1])
        #expect(model.weeks.map(\.openOverdue) == [0, 0, 1, 0])
        #expect(
            model.weeks.map(\.attainment) == [
                Percent(hundredths: 10_000), nil, Percent(hundredths: 0), Percent(hundredths: 0),
            ])
        // One week: no history section (the window is not longer than two weeks).
        let week = try Self.run(b, asOf: "2016-11-28 00:00", since: "2016-11-21", until: "2016-11-28")
        #expect(!week.showsHistory)
        #expect(week.weeks.map(\.week) == ["2016-W47"])
        #expect(week.volume.unit == .day)
    }

    @Test func volumeIsBinnedByWeekPastSixtyTwoDays() throws {
        var b = LogBuilder()
        // One ticket every day from Monday 2016-01-04 for 100 days.
        for day in 0..<100 {
            let date = CivilDateTime.civil(fromDays: CivilDateTime.days(year: 2016, month: 1, day: 4) + day)
            let text = CivilDateTime(year: date.year, month: date.month, day: date.day).dateString
            b.add("T\(day)", .created, text + " 10:00", actor: "u", channel: "forum")
        }
        let model = try Self.run(b, asOf: "2016-06-01 00:00")
        #expect(model.daily.count == 100)
        #expect(model.volume.unit == .week)
        #expect(model.volume.points.count == 15)  // 14 whole weeks and 2 days
        #expect(model.volume.points.first?.date == "2016-01-04")
        #expect(model.volume.points.map(\.tickets) == Array(repeating: 7, count: 14) + [2])
        var short = LogBuilder()
        short.add("T", .created, "2016-01-04 10:00", actor: "u", channel: "forum")
        #expect(try Self.run(short, asOf: "2016-01-05 00:00").volume.unit == .day)
    }

    // MARK: Story

    @Test func storyNamesMissesByTicketsShortThenLowestWithoutGates() throws {
        var b = LogBuilder()
        // Twitter (goal 90 %): 20 judged, 15 in time → 75 %, ceil(18) − 15 = 3 short.
        for i in 0..<20 {
            b.add("T\(i)", .created, "2016-11-14 10:\(10 + i)", actor: "u", channel: "twitter")
            b.add("T\(i)", .reply, i < 15 ? "2016-11-14 11:00" : "2016-11-16 12:00", actor: "ann")
        }
        // Email (no goal) under --fail-under 80: 1 judged, late → 0 %, 1 short.
        b.add("E1", .created, "2016-11-14 10:00", actor: "u", channel: "email")
        b.add("E1", .reply, "2016-11-15 10:00", actor: "ann")
        let model = try Self.run(b, asOf: "2016-11-21 00:00", failUnder: 80)
        let misses = model.story.misses
        #expect(misses.map(\.name) == ["Twitter", "Email"])
        #expect(misses.map(\.ticketsShort) == [3, 1])
        #expect(misses.map(\.gateKind) == [.goal, .threshold])
        #expect(misses.map(\.gate) == [Percent(value: 90), Percent(value: 80)])
        #expect(model.story.judged == 21)
        #expect(model.story.achieved == 15)
        #expect(model.story.attainment == Percent(15, of: 21))
        #expect(model.story.lowest.isEmpty)
        #expect(model.story.gatesSet)

        // Without any gate: the lowest channels with at least 10 judged, lowest first.
        var policy = Self.policy
        policy.channels[1].goal = nil
        let noGates = try TestPolicies.run(
            b.log, ReportRequest(policy: policy, asOf: LogBuilder.instant("2016-11-21 00:00"), toolVersion: "t"))
        #expect(!noGates.model.story.gatesSet)
        #expect(noGates.model.story.misses.isEmpty)
        #expect(noGates.model.story.lowest.map(\.name) == ["Twitter"])
    }
}
