import Testing

@testable import SLAReportCore

@Suite struct PolicyLookupTests {
    static let policy: Policy = {
        let text = #"""
            { "timezone": "Europe/Amsterdam",
              "schedules": { "us": { "timezone": "America/New_York", "hours": { "mon": ["09:00-17:00"] } } },
              "channels": [
                { "key": "email", "first_reply": "1 business day", "next_reply": "2 business days",
                  "by_priority": { "high": "8 business hours", "low": { "first_reply": "16 business hours" } } },
                { "key": "forum", "schedule": "us", "first_reply": "14 days" } ],
              "versions": [
                { "effective_from": "2017-01-01", "channels": [ { "key": "email", "first_reply": "4 business hours" } ] },
                { "effective_from": "2017-07-01", "channels": [ { "key": "email", "first_reply": "2 business hours" } ] } ] }
            """#
        do {
            return try Policy.decode(Array(text.utf8), source: "policy.json")
        } catch {
            Issue.record("\(error)")
            return Policy.builtIn
        }
    }()

    private static func instant(_ text: String) -> Instant {
        // `YYYY-MM-DDTHH:MM:SSZ`
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return Instant(
            seconds: CivilDateTime(
                year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4],
                second: digits[5]
            ).utcSeconds)
    }

    @Test func versionsStartAtLocalMidnightOfThePolicyZone() {
        let policy = Self.policy
        // 2017-01-01 00:00 in Amsterdam (CET, UTC+1) is 2016-12-31T23:00:00Z; 2017-07-01 00:00 CEST is
        // 2017-06-30T22:00:00Z.
        #expect(policy.effectiveFrom(policy.versions[0]) == Self.instant("2016-12-31T23:00:00Z"))
        #expect(policy.effectiveFrom(policy.versions[1]) == Self.instant("2017-06-30T22:00:00Z"))
        #expect(policy.version(at: Self.instant("2016-12-31T22:59:59Z")) == nil)
        #expect(policy.version(at: Self.instant("2016-12-31T23:00:00Z"))?.effectiveFrom == "2017-01-01")
        #expect(policy.version(at: Self.instant("2017-06-30T21:59:59Z"))?.effectiveFrom == "2017-01-01")
        #expect(policy.version(at: Self.instant("2017-06-30T22:00:00Z"))?.effectiveFrom == "2017-07-01")
    }

    @Test func aVersionReplacesTheWholeChannelTable() {
        let policy = Self.policy
        let before = Self.instant("2016-12-31T22:59:59Z")
        let after = Self.instant("2017-03-01T12:00:00Z")
        #expect(
            policy.channelPolicy(for: "email", createdAt: before)?.firstReply
                == SLADuration(amount: 1, unit: .businessDays))
        #expect(
            policy.channelPolicy(for: "email", createdAt: after)?.firstReply
                == SLADuration(amount: 4, unit: .businessHours))
        #expect(
            policy.channelPolicy(for: "forum", createdAt: before)?.firstReply == SLADuration(amount: 14, unit: .days))
        #expect(policy.channelPolicy(for: "forum", createdAt: after) == nil)
        #expect(policy.channelPolicy(for: "nope", createdAt: before) == nil)
        #expect(policy.channels(at: after).map(\.key) == ["email"])
        #expect(Policy.builtIn.channelPolicy(for: "twitter", createdAt: after)?.name == "Twitter")
    }

    @Test func targetsByPriority() throws {
        let policy = Self.policy
        let email = try #require(policy.channels.first)
        let hours = { (n: Int) in SLADuration(amount: n, unit: .businessHours) }
        let days = { (n: Int) in SLADuration(amount: n, unit: .businessDays) }
        // No priority or one without an entry: the channel's own targets.
        #expect(policy.targets(for: email, priority: nil) == (days(1), days(2)))
        #expect(policy.targets(for: email, priority: "normal") == (days(1), days(2)))
        // A single duration replaces both, since the channel has a next_reply.
        #expect(policy.targets(for: email, priority: "HIGH") == (hours(8), hours(8)))
        // An object replaces only what it gives.
        #expect(policy.targets(for: email, priority: "low") == (hours(16), days(2)))
        // The built-in email channel: urgent 30 minutes, no next reply.
        let builtInEmail = try #require(Policy.builtIn.channels.first { $0.key == "email" })
        #expect(
            Policy.builtIn.targets(for: builtInEmail, priority: "urgent") == (
                SLADuration(amount: 30, unit: .minutes), nil
            ))
    }

    @Test func calendarsPerSchedule() {
        let policy = Self.policy
        let calendars = PolicyCalendars(policy: policy)
        #expect(calendars.calendar(named: "us").schedule.timezone == "America/New_York")
        #expect(calendars.calendar(named: "default").schedule == Policy.builtInDefaultSchedule)
        #expect(calendars.calendar(named: "unknown").schedule == Policy.builtInDefaultSchedule)
        #expect(calendars.calendar(for: policy.channels[1]).schedule.timezone == "America/New_York")
        #expect(policy.calendar(named: "us").schedule.hours == [1: [MinuteInterval(start: 540, end: 1020)]])
        #expect(policy.calendar(named: "unknown").schedule == Policy.builtInDefaultSchedule)
    }
}
