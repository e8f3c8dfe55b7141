import Foundation
import Testing

@testable import SLAReportCore

/// `SampleData/zendesk-level.policy.json`: the example of everything issue 12 adds to the policy.
@Suite struct ZendeskLevelSampleTests {
    static let path = NativeTestSupport.packageRoot.appendingPathComponent("SampleData/zendesk-level.policy.json")

    static func at(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
        Instant(seconds: CivilDateTime(year: 2016, month: month, day: day, hour: hour, minute: minute).utcSeconds)
    }

    @Test func decodesAndUsesEveryNewForm() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.path.path))
        let policy = try Policy.decode(Array(data), source: "SampleData/zendesk-level.policy.json")
        #expect(try Policy.decode(Array(policy.jsonText().utf8), source: policy.source) == policy)
        #expect(policy.channels.map(\.key) == Policy.builtIn.channels.map(\.key))

        // A night shift: the social desk's weekday 22:00-06:00 span.
        let social = try #require(policy.schedules["social"])
        #expect(social.hours[3]?.contains(MinuteInterval(start: 1320, end: 1800)) == true)
        let socialCalendar = BusinessCalendar(schedule: social)
        // Wed 2016-11-23 21:00 → Thu 07:00: 22:00–06:00, 8 hours.
        #expect(
            socialCalendar.elapsed(from: Self.at(11, 23, 21), to: Self.at(11, 24, 7), clock: .businessHours) == 8 * 3600
        )
        // A half day: Thanksgiving 2016-11-24 09:00-13:00 on the default schedule.
        let regular = BusinessCalendar(schedule: try #require(policy.schedules["default"]))
        #expect(regular.elapsed(from: Self.at(11, 24, 0), to: Self.at(11, 25, 0), clock: .businessHours) == 4 * 3600)
        #expect(
            regular.deadline(from: Self.at(11, 24, 12), adding: SLADuration(amount: 2, unit: .businessHours))
                == Self.at(11, 25, 10))

        // Requester wait and agent work targets, by priority too, and goals per metric.
        let email = try #require(policy.channels.first { $0.key == "email" })
        #expect(email.requesterWait == SLADuration(amount: 16, unit: .businessHours))
        #expect(email.agentWork == SLADuration(amount: 8, unit: .businessHours))
        #expect(email.periodicUpdate == SLADuration(amount: 2, unit: .businessDays))
        #expect(policy.target(.requesterWait, for: email, priority: "urgent") == SLADuration(amount: 4, unit: .hours))
        #expect(policy.target(.agentWork, for: email, priority: "low") == SLADuration(amount: 16, unit: .businessHours))
        #expect(email.goals == [.firstReply: 90, .requesterWait: 80, .agentWork: 85])
        let twitter = try #require(policy.channels.first { $0.key == "twitter" })
        #expect(twitter.schedule == "social")
        #expect(twitter.note?.isEmpty == false)
    }
}
