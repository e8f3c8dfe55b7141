import Testing

@testable import SLAReportCore

/// `requester_wait`, `agent_work`, `periodic_update`, per-metric goals and `note` in the policy (SPEC §3).
@Suite struct PolicyTargetsDecodingTests {
    static func minutes(_ n: Int) -> SLADuration { SLADuration(amount: n, unit: .minutes) }
    static func hours(_ n: Int) -> SLADuration { SLADuration(amount: n, unit: .businessHours) }

    @Test func newTargetsPerChannelAndByPriority() throws {
        let policy = try PolicyDecodingTests.decode(
            PolicyDecodingTests.withChannels(
                #"""
                [ { "key": "email", "first_reply": "8 business hours", "requester_wait": "16 business hours",
                    "agent_work": "12 business hours", "periodic_update": "1 business day",
                    "by_priority": { "urgent": "30 minutes",
                                     "high": { "requester_wait": "8 business hours", "periodic_update": "4 hours" } } },
                  { "key": "chat", "first_reply": "5 minutes", "agent_work": "1 hour",
                    "by_priority": { "low": "1 day" } } ]
                """#))
        let email = policy.channels[0]
        #expect(email.requesterWait == Self.hours(16))
        #expect(email.agentWork == Self.hours(12))
        #expect(email.periodicUpdate == SLADuration(amount: 1, unit: .businessDays))
        #expect(email.nextReply == nil)
        // A string replaces first_reply and every target the channel defines, and no other.
        #expect(
            email.byPriority["urgent"]
                == PriorityTargets(
                    firstReply: Self.minutes(30), requesterWait: Self.minutes(30), agentWork: Self.minutes(30),
                    periodicUpdate: Self.minutes(30)))
        // An object replaces only what it names.
        #expect(
            email.byPriority["high"]
                == PriorityTargets(requesterWait: Self.hours(8), periodicUpdate: SLADuration(amount: 4, unit: .hours)))
        let day = SLADuration(amount: 1, unit: .days)
        #expect(policy.channels[1].byPriority["low"] == PriorityTargets(firstReply: day, agentWork: day))

        // The lookup: by_priority where it names the metric, else the channel's own.
        #expect(policy.target(.requesterWait, for: email, priority: "HIGH") == Self.hours(8))
        #expect(policy.target(.agentWork, for: email, priority: "high") == Self.hours(12))
        #expect(policy.target(.firstReply, for: email, priority: "high") == Self.hours(8))
        #expect(policy.target(.agentWork, for: email, priority: "urgent") == Self.minutes(30))
        #expect(policy.target(.agentWork, for: email, priority: nil) == Self.hours(12))
        #expect(policy.target(.nextReply, for: email, priority: "urgent") == nil)
        #expect(email.hasTarget(.periodicUpdate))
        #expect(!email.hasTarget(.nextReply))
        // The first/next pair the measure stage uses agrees.
        let pair = policy.targets(for: email, priority: "urgent")
        #expect(pair.firstReply == Self.minutes(30))
        #expect(pair.nextReply == nil)
    }

    @Test func goalIsANumberForFirstReplyOrAnObjectByMetric() throws {
        let policy = try PolicyDecodingTests.decode(
            PolicyDecodingTests.withChannels(
                #"""
                [ { "key": "a", "first_reply": "1 hour", "goal": 90 },
                  { "key": "b", "first_reply": "1 hour", "requester_wait": "2 hours",
                    "by_priority": { "urgent": { "periodic_update": "1 hour" } },
                    "goal": { "first_reply": 90, "requester_wait": 80.5, "periodic_update": 75 } },
                  { "key": "c", "requester_wait": "2 hours", "goal": { "requester_wait": 95 } } ]
                """#))
        #expect(policy.channels[0].goals == [.firstReply: 90])
        #expect(policy.channels[0].goal == 90)
        #expect(policy.channels[1].goals == [.firstReply: 90, .requesterWait: 80.5, .periodicUpdate: 75])
        #expect(policy.channels[2].goals == [.requesterWait: 95])
        #expect(policy.channels[2].goal == nil)
        // Written back: a number when first reply alone has a goal, else an object in metric order.
        let json = policy.jsonText()
        #expect(json.contains(#""goal": 90 }"#))
        #expect(json.contains(#""goal": { "first_reply": 90, "requester_wait": 80.5, "periodic_update": 75 }"#))
        #expect(json.contains(#""goal": { "requester_wait": 95 }"#))
        #expect(try PolicyDecodingTests.decode(json) == policy)
    }

    @Test(arguments: [
        (
            #"[ { "key": "a", "first_reply": "1 hour", "goal": { "requester_wiat": 90 } } ]"#,
            #"channels[0].goal.requester_wiat: unknown metric (did you mean "requester_wait"?); use first_reply, next_reply, requester_wait, agent_work, periodic_update"#
        ),
        (
            #"[ { "key": "a", "first_reply": "1 hour", "goal": { "agent_work": 90 } } ]"#,
            "channels[0].goal.agent_work: the channel has no agent_work target (set one, or one in by_priority)"
        ),
        (
            #"[ { "key": "a", "agent_work": "1 hour", "goal": { "agent_work": 101 } } ]"#,
            "channels[0].goal.agent_work: 101 is not a percentage from 0 to 100"
        ),
        (
            #"[ { "key": "a", "agent_work": "1 hour", "goal": { "agent_work": "90" } } ]"#,
            "channels[0].goal.agent_work: expected a percentage from 0 to 100, found a string"
        ),
        (
            #"[ { "key": "a", "goal": {} } ]"#,
            #"channels[0].goal: empty; give a percentage per metric, e.g. { "first_reply": 90 }"#
        ),
        (
            #"[ { "key": "a", "requester_wait": "16 bussiness hours" } ]"#,
            #"channels[0].requester_wait: "16 bussiness hours" is not a duration (did you mean "business"?)"#
        ),
        (
            #"[ { "key": "a", "by_priority": { "low": { "agent_wrok": "1 hour" } } } ]"#,
            #"channels[0].by_priority.low.agent_wrok: unknown key (did you mean "agent_work"?)"#
        ),
        (
            #"[ { "key": "a", "periodic_updates": "1 hour" } ]"#,
            #"channels[0].periodic_updates: unknown key (did you mean "periodic_update"?)"#
        ),
        (#"[ { "key": "a", "note": 3 } ]"#, "channels[0].note: expected a string, found a number"),
    ])
    func rejects(channels: String, problem: String) {
        #expect(PolicyDecodingTests.problems(PolicyDecodingTests.withChannels(channels)) == [problem])
    }

    @Test func everyNewFieldRoundTrips() throws {
        let policy = Policy(
            name: "Zendesk level", timezone: "Europe/Amsterdam",
            schedules: [
                "default": Schedule(
                    timezone: "Europe/Amsterdam",
                    hours: [
                        1: [MinuteInterval(start: 540, end: 1020)], 5: [MinuteInterval(start: 1320, end: 1560)],
                        6: [MinuteInterval(start: 960, end: 1440)],
                    ],
                    holidays: ["2016-12-26"],
                    dates: ["2016-12-24": [MinuteInterval(start: 540, end: 780)], "2016-12-31": []])
            ],
            channels: [
                ChannelPolicy(
                    key: "email", firstReply: Self.hours(8), requesterWait: Self.hours(16), agentWork: Self.hours(12),
                    periodicUpdate: Self.hours(24), goals: [.firstReply: 90, .agentWork: 85.25],
                    byPriority: [
                        "urgent": PriorityTargets(firstReply: Self.minutes(30), requesterWait: Self.hours(4)),
                        "low": PriorityTargets(periodicUpdate: Self.hours(48)),
                    ],
                    note: "Imported from \"Zendesk\"")
            ],
            source: "z.policy.json")
        let decoded = try Policy.decode(Array(policy.jsonText().utf8), source: "z.policy.json")
        #expect(decoded == policy)
        #expect(decoded.jsonText() == policy.jsonText())
    }
}
