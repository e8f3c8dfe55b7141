import Testing

@testable import SLAReportCore

/// The CI gate cannot go green on nothing (SPEC §1), and the window it judges is named and checked.
@Suite struct GateTests {
    /// Two email tickets in mid-November, both answered within the 4-hour target.
    static var november: LogBuilder {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-14 09:00", actor: "u", channel: "email")
        b.add("A", .reply, "2016-11-14 10:00", actor: "ann")
        b.add("B", .created, "2016-11-15 09:00", actor: "v", channel: "email")
        b.add("B", .reply, "2016-11-15 09:30", actor: "ann")
        return b
    }

    static func request(
        since: String? = nil, until: String? = nil, asOf: String? = nil, failUnder: Double? = nil,
        policy: Policy = TestPolicies.calendar
    ) -> ReportRequest {
        ReportRequest(
            policy: policy, since: since.map { .instant(LogBuilder.instant($0)) },
            until: until.map { .instant(LogBuilder.instant($0)) }, asOf: asOf.map(LogBuilder.instant),
            failUnder: failUnder, toolVersion: "test")
    }

    @Test func emptyWindowFailsTheGateNamingTheNewestTicket() throws {
        let result = try TestPolicies.run(Self.november.log, Self.request(since: "2016-12-01", failUnder: 90))
        #expect(result.gate.active)
        #expect(result.gate.nothingJudged)
        #expect(result.gateFailed)
        #expect(result.gate.failingChannels.isEmpty)
        #expect(
            result.gate.message
                == "no ticket was judged in the window; the newest ticket in the inputs is B, created 2016-11-15 09:00 UTC"
        )
        #expect(result.model.warnings.first?.kind == .nothingJudged)
        // The same window with the data in it passes: both tickets achieved.
        let full = try TestPolicies.run(Self.november.log, Self.request(since: "2016-11-14", failUnder: 90))
        #expect(!full.gateFailed)
        #expect(full.model.channels.first { $0.key == "email" }?.firstReply.judged == 2)
    }

    @Test func aChannelGoalGatesTooAndNoGateNeverFails() throws {
        // TestPolicies.calendar gives twitter a goal of 90: the gate is set without --fail-under.
        let goal = try TestPolicies.run(Self.november.log, Self.request(since: "2016-12-01"))
        #expect(goal.gate.active)
        #expect(goal.gateFailed)
        var noGoals = TestPolicies.calendar
        noGoals.channels = noGoals.channels.map {
            var c = $0
            c.goal = nil
            return c
        }
        let none = try TestPolicies.run(Self.november.log, Self.request(since: "2016-12-01", policy: noGoals))
        #expect(!none.gate.active)
        #expect(!none.gateFailed)
        #expect(none.model.warnings.isEmpty)
    }

    @Test func sinceAfterUntilIsAUsageError() throws {
        #expect(throws: SLAReportError.self) {
            try TestPolicies.run(Self.november.log, Self.request(since: "2016-12-01", until: "2016-11-01"))
        }
        do {
            _ = try TestPolicies.run(Self.november.log, Self.request(since: "2016-12-01", until: "2016-11-01"))
        } catch let error as SLAReportError {
            #expect(error.exitCode == 64)
            #expect(error.description.contains("--since 2016-12-01 00:00 UTC is after --until 2016-11-01 00:00 UTC"))
        }
        // Equal bounds are an empty window, not an error; a span back from as-of resolves before the check.
        #expect(throws: Never.self) {
            try TestPolicies.run(Self.november.log, Self.request(since: "2016-11-14", until: "2016-11-14"))
        }
        var backwards = Self.request(until: "2016-11-01")
        backwards.since = .beforeAsOf(seconds: 86_400)  // 2016-11-14 09:30: after --until
        #expect(throws: SLAReportError.self) { try TestPolicies.run(Self.november.log, backwards) }
    }

    @Test func theReportNamesTheRecordThatSetTheAsOf() throws {
        let result = try TestPolicies.run(Self.november.log, Self.request())
        #expect(result.model.window.asOf == LogBuilder.instant("2016-11-15 09:30"))
        #expect(result.model.window.asOfSource == "test.csv:5")
        let markdown = MarkdownRenderer.render(result.model)
        #expect(markdown.contains("- **As of:** 2016-11-15 09:30 UTC (newest record: test.csv:5)\n"))
        // Given with --as-of, nothing sets it.
        #expect(
            try TestPolicies.run(Self.november.log, Self.request(asOf: "2016-11-20")).model.window.asOfSource == nil)
    }

    @Test func anOutlierAsOfIsWarnedAbout() throws {
        var typo = Self.november
        typo.add("C", .created, "2016-11-16 09:00", actor: "w", channel: "email")
        typo.add("C", .reply, "2061-11-16 09:30", actor: "ann")  // a mistyped year
        let result = try TestPolicies.run(typo.log, Self.request())
        let warning = try #require(result.model.warnings.first { $0.kind == .asOfOutlier })
        #expect(warning.message.contains("comes from test.csv:7, about 45 years after the rest of the data"))
        #expect(warning.message.contains("newest otherwise 2016-11-16 09:00 UTC, test.csv:6"))
        // A late reply three weeks after a month of data is no outlier.
        var late = Self.november
        late.add("D", .created, "2016-11-16 09:00", actor: "w", channel: "email")
        late.add("D", .reply, "2016-12-07 09:00", actor: "ann")
        #expect(try TestPolicies.run(late.log, Self.request()).model.warnings.isEmpty)
    }

    @Test func aTrendNeedsTenJudgedTicketsOnEachSide() throws {
        func window(previous: Int, current: Int) throws -> ChannelSummary? {
            var b = LogBuilder()
            for i in 0..<previous {
                b.add("P\(i)", .created, "2016-11-08 09:\(10 + i)", actor: "u", channel: "email")
                b.add("P\(i)", .reply, "2016-11-08 10:\(10 + i)", actor: "ann")
            }
            for i in 0..<current {
                b.add("C\(i)", .created, "2016-11-15 09:\(10 + i)", actor: "u", channel: "email")
                b.add("C\(i)", .reply, "2016-11-15 09:\(20 + i)", actor: "ann")
            }
            let result = try TestPolicies.run(
                b.log, Self.request(since: "2016-11-14", until: "2016-11-21", asOf: "2016-11-22"))
            return result.model.channels.first { $0.key == "email" }
        }
        let tiny = try #require(try window(previous: 3, current: 12))
        #expect(tiny.previous == PreviousWindow(tickets: 3, attainment: Percent(hundredths: 10_000), judged: 3))
        #expect(tiny.trend == .leftOut(reason: "3 judged in the previous window (fewer than 10)"))
        let enough = try #require(try window(previous: 10, current: 10))
        #expect(enough.trend == .change(hundredths: 0))
        #expect(enough.previous?.judged == 10)
        let few = try #require(try window(previous: 12, current: 9))
        #expect(few.trend == .leftOut(reason: "9 judged in this window (fewer than 10)"))
    }
}
