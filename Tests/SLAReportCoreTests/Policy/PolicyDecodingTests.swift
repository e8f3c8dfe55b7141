import Foundation
import Testing

@testable import SLAReportCore

@Suite struct PolicyDecodingTests {
    static func decode(_ text: String) throws(SLAReportError) -> Policy {
        try Policy.decode(Array(text.utf8), source: "policy.json")
    }

    /// The problems of an invalid policy (empty when it decodes).
    static func problems(_ text: String) -> [String] {
        do {
            _ = try decode(text)
            return []
        } catch {
            guard case .policy(let path, let problems) = error else { return ["unexpected error \(error)"] }
            #expect(path == "policy.json")
            return problems
        }
    }

    /// A valid policy with `channels` replaced, for error cases inside channels.
    static func withChannels(_ channels: String, extra: String = "") -> String {
        #"{ "channels": \#(channels)\#(extra.isEmpty ? "" : ", " + extra) }"#
    }

    @Test func minimalPolicyGetsTheDefaults() throws {
        let policy = try Self.decode(#"{ "channels": [ { "key": "twitter" } ] }"#)
        #expect(policy.name == "Custom policy")
        #expect(policy.timezone == "UTC")
        #expect(policy.inputTimezone == "UTC")
        #expect(policy.schedules == ["default": Policy.builtInDefaultSchedule])
        #expect(policy.channels == [ChannelPolicy(key: "twitter", name: "twitter", schedule: "default")])
        #expect(policy.routing.isEmpty)
        #expect(policy.playMode.isEmpty)
        #expect(policy.handles == nil)
        #expect(policy.agents.isEmpty)
        #expect(policy.systemActors == ["-1", "system", "zendesk"])
        #expect(policy.versions.isEmpty)
        #expect(policy.source == "policy.json")
        // Monday–Friday 09:00–17:00 UTC.
        let hours = Policy.builtInDefaultSchedule.hours
        #expect(hours.keys.sorted() == [1, 2, 3, 4, 5])
        #expect(hours[3] == [MinuteInterval(start: 540, end: 1020)])
    }

    @Test func specExampleDecodes() throws {
        let policy = try Self.decode(
            #"""
            {
              "name": "GitLab Support (late 2016)",
              "timezone": "Europe/Amsterdam",
              "input_timezone": "UTC",
              "schedules": {
                "default": {
                  "timezone": "UTC",
                  "hours": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                             "thu": ["09:00-17:00"], "fri": ["09:00-12:00", "13:00-17:00"] },
                  "holidays": ["2017-01-02", "2016-12-26"]
                },
                "us": { "timezone": "America/New_York", "hours": { "sun": "10:00-14:00" } }
              },
              "channels": [
                { "key": "emergency", "name": "Emergency tickets", "first_reply": "30 minutes" },
                { "key": "email", "name": "Regular tickets", "first_reply": "1 business day",
                  "by_priority": { "urgent": "30 minutes", "high": "8 business hours", "normal": "12 business hours" } },
                { "key": "twitter", "name": "Twitter", "first_reply": "1 business day", "goal": 90, "schedule": "us" },
                { "key": "forum", "name": "GitLab Forum", "first_reply": "14 days", "not_before": "2 days" }
              ],
              "routing": [
                { "if": { "tag": "disqus" }, "channel": "emergency" },
                { "if": { "priority": "urgent", "via": "email" }, "channel": "emergency" }
              ],
              "play_mode": [ { "view": "Twitter and Facebook", "channels": ["twitter"] } ],
              "handles": { "main": "@GitLab", "channels": ["twitter"] },
              "agents": ["alice"],
              "system_actors": [],
              "versions": [ { "effective_from": "2017-01-01", "channels": [ { "key": "email", "first_reply": "2 days" } ] } ]
            }
            """#)
        #expect(policy.timezone == "Europe/Amsterdam")
        let schedule = try #require(policy.schedules["default"])
        #expect(schedule.holidays == ["2016-12-26", "2017-01-02"])
        #expect(schedule.hours[5] == [MinuteInterval(start: 540, end: 720), MinuteInterval(start: 780, end: 1020)])
        #expect(policy.schedules["us"]?.hours == [7: [MinuteInterval(start: 600, end: 840)]])
        #expect(policy.channels.map(\.key) == ["emergency", "email", "twitter", "forum"])
        let email = policy.channels[1]
        #expect(email.byPriority["high"] == PriorityTargets(firstReply: SLADuration(amount: 8, unit: .businessHours)))
        #expect(email.byPriority["urgent"]?.firstReply == SLADuration(amount: 30, unit: .minutes))
        #expect(policy.channels[2].goal == 90)
        #expect(policy.channels[2].schedule == "us")
        #expect(policy.channels[3].notBefore == SLADuration(amount: 2, unit: .days))
        #expect(policy.routing[1].conditions.map(\.field) == ["priority", "via"])
        #expect(policy.handles == Handles(main: "@GitLab", channels: ["twitter"], clients: ["zendesk"]))
        #expect(policy.agents == ["alice"])
        #expect(policy.systemActors.isEmpty)
        #expect(
            policy.versions == [
                PolicyVersion(
                    effectiveFrom: "2017-01-01",
                    channels: [ChannelPolicy(key: "email", firstReply: SLADuration(amount: 2, unit: .days))])
            ])
    }

    @Test func byPriorityStringAlsoReplacesNextReplyWhenTheChannelHasOne() throws {
        let policy = try Self.decode(
            Self.withChannels(
                #"""
                [ { "key": "a", "first_reply": "1 day", "next_reply": "2 days", "by_priority": { "Urgent": "1 hour" } },
                  { "key": "b", "first_reply": "1 day", "by_priority": { "urgent": "1 hour" } },
                  { "key": "c", "first_reply": "1 day", "next_reply": "2 days",
                    "by_priority": { "low": { "next_reply": "3 days" } } } ]
                """#))
        let hour = SLADuration(amount: 1, unit: .hours)
        #expect(policy.channels[0].byPriority == ["urgent": PriorityTargets(firstReply: hour, nextReply: hour)])
        #expect(policy.channels[1].byPriority == ["urgent": PriorityTargets(firstReply: hour, nextReply: nil)])
        #expect(
            policy.channels[2].byPriority == ["low": PriorityTargets(nextReply: SLADuration(amount: 3, unit: .days))])
    }

    @Test func specErrorMessageWithPathAndExitCode() {
        let text = Self.withChannels(
            #"[ { "key": "a" }, { "key": "b" }, { "key": "c" }, { "key": "d", "first_reply": "1 bussiness day" } ]"#)
        do {
            _ = try Self.decode(text)
            Issue.record("decoded an invalid policy")
        } catch {
            #expect(error.exitCode == 78)
            #expect(
                error.description
                    == #"policy.json: channels[3].first_reply: "1 bussiness day" is not a duration (did you mean "business"?)"#
            )
        }
    }

    @Test(arguments: [
        // Unknown keys, with suggestions.
        (#"{ "chanels": [], "channels": [ { "key": "a" } ] }"#, #"chanels: unknown key (did you mean "channels"?)"#),
        (
            withChannels(#"[ { "key": "a", "first_replay": "1 day" } ]"#),
            #"channels[0].first_replay: unknown key (did you mean "first_reply"?)"#
        ),
        (
            withChannels(#"[ { "key": "a", "firstReply": "1 day" } ]"#),
            #"channels[0].firstReply: unknown key (did you mean "first_reply"?)"#
        ),
        (withChannels(#"[ { "key": "a", "colour": "red" } ]"#), "channels[0].colour: unknown key"),
        // Channels.
        (#"{ "name": "x" }"#, "channels: missing; a policy lists at least one channel"),
        (withChannels("[]"), "channels: empty; a policy lists at least one channel"),
        (withChannels(#"{ "key": "a" }"#), "channels: expected an array, found an object"),
        (
            withChannels(#"[ { "name": "A" } ]"#),
            #"channels[0]: missing "key" (the channel key used in the data, e.g. "twitter")"#
        ),
        (withChannels(#"[ { "key": "" } ]"#), "channels[0].key: must not be empty"),
        (
            withChannels(#"[ { "key": "a" }, { "key": "b" }, { "key": "a" } ]"#),
            #"channels[2].key: duplicate channel "a" (also channels[0])"#
        ),
        (
            withChannels(#"[ { "key": "a", "schedule": "emea" } ]"#),
            #"channels[0].schedule: "emea" is not a schedule of this policy (known: default)"#
        ),
        (
            withChannels(#"[ { "key": "a", "first_reply": 30 } ]"#),
            #"channels[0].first_reply: expected a duration such as "8 business hours", found a number"#
        ),
        (
            withChannels(#"[ { "key": "a", "next_reply": "2 dyas" } ]"#),
            #"channels[0].next_reply: "2 dyas" is not a duration (did you mean "days"?)"#
        ),
        (
            withChannels(#"[ { "key": "a", "first_reply": "2 days", "not_before": "3 days" } ]"#),
            #"channels[0].not_before: "3 days" is not shorter than first_reply "2 days""#
        ),
        (
            withChannels(#"[ { "key": "a", "not_before": "3 days" } ]"#),
            "channels[0].not_before: needs a first_reply (not_before opens the first-reply window)"
        ),
        (withChannels(#"[ { "key": "a", "goal": 150 } ]"#), "channels[0].goal: 150 is not a percentage from 0 to 100"),
        (withChannels(#"[ { "key": "a", "goal": -1 } ]"#), "channels[0].goal: -1 is not a percentage from 0 to 100"),
        (
            withChannels(#"[ { "key": "a", "goal": true } ]"#),
            "channels[0].goal: expected a percentage from 0 to 100, found a boolean"
        ),
        (
            withChannels(#"[ { "key": "a", "goal": "90" } ]"#),
            "channels[0].goal: expected a percentage from 0 to 100, found a string"
        ),
        (
            withChannels(#"[ { "key": "a", "by_priority": { "critical": "1 hour" } } ]"#),
            "channels[0].by_priority.critical: unknown priority; use urgent, high, normal or low"
        ),
        (
            withChannels(#"[ { "key": "a", "by_priority": { "nromal": "1 hour" } } ]"#),
            #"channels[0].by_priority.nromal: unknown priority (did you mean "normal"?); use urgent, high, normal or low"#
        ),
        (
            withChannels(#"[ { "key": "a", "by_priority": { "high": "8 bussiness hours" } } ]"#),
            #"channels[0].by_priority.high: "8 bussiness hours" is not a duration (did you mean "business"?)"#
        ),
        (
            withChannels(#"[ { "key": "a", "by_priority": { "high": { "first": "1 hour" } } } ]"#),
            #"channels[0].by_priority.high.first: unknown key (did you mean "first_reply"?)"#
        ),
        (
            withChannels(#"[ { "key": "a", "by_priority": { "high": 8 } } ]"#),
            #"channels[0].by_priority.high: expected a duration such as "8 business hours" or an object of targets such as { "first_reply": "8 business hours" }, found a number"#
        ),
        (
            withChannels(#"[ { "key": "a", "by_priority": { "high": {} } } ]"#),
            "channels[0].by_priority.high: empty; give one or more of first_reply, next_reply, requester_wait, agent_work, periodic_update"
        ),
        // Time zones.
        (
            withChannels(#"[ { "key": "a" } ]"#, extra: #""timezone": "Europe/Amsterdm""#),
            #"timezone: "Europe/Amsterdm" is not a known IANA time zone (did you mean "Europe/Amsterdam"?)"#
        ),
        (
            withChannels(#"[ { "key": "a" } ]"#, extra: #""input_timezone": "Nowhere/Atlantis""#),
            #"input_timezone: "Nowhere/Atlantis" is not a known IANA time zone"#
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#,
                extra: #""schedules": { "eu": { "timezone": "Europe/Paris ", "hours": { "mon": ["09:00-17:00"] } } }"#),
            #"schedules.eu.timezone: "Europe/Paris " is not a known IANA time zone (did you mean "Europe/Paris"?)"#
        ),
        // Schedules.
        (
            withChannels(
                #"[ { "key": "a" } ]"#,
                extra: #""schedules": { "default": { "hours": { "monday": ["09:00-17:00"] } } }"#),
            #"schedules.default.hours.monday: unknown weekday (did you mean "mon"?); use mon, tue, … sun"#
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#, extra: #""schedules": { "default": { "hours": { "mon": ["09:00-09:00"] } } }"#),
            #"schedules.default.hours.mon[0]: "09:00-09:00" is not a range of hours (the end must differ from the start; a whole day is 00:00-24:00)"#
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#, extra: #""schedules": { "default": { "hours": { "mon": ["09:00-24:30"] } } }"#),
            #"schedules.default.hours.mon[0]: "09:00-24:30" is not a range of hours (expected "HH:MM-HH:MM" with hours 00–24 and minutes 00–59)"#
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#, extra: #""schedules": { "default": { "hours": { "mon": ["24:00-24:00"] } } }"#),
            #"schedules.default.hours.mon[0]: "24:00-24:00" is not a range of hours (a range cannot start at 24:00)"#
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#, extra: #""schedules": { "default": { "hours": { "mon": ["9-17"] } } }"#),
            #"schedules.default.hours.mon[0]: "9-17" is not a range of hours (expected "HH:MM-HH:MM" with hours 00–24 and minutes 00–59)"#
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#,
                extra: #""schedules": { "default": { "hours": { "mon": ["13:00-17:00", "09:00-13:30"] } } }"#),
            #"schedules.default.hours.mon[0]: "13:00-17:00" overlaps "09:00-13:30""#
        ),
        (
            withChannels(#"[ { "key": "a" } ]"#, extra: #""schedules": { "default": { "hours": {} } }"#),
            "schedules.default.hours: no working hours on any weekday; business clocks would never run"
        ),
        (
            withChannels(#"[ { "key": "a" } ]"#, extra: #""schedules": { "default": { "holidays": ["2016-02-30"] } }"#),
            #"schedules.default.holidays[0]: "2016-02-30" is not a date (expected YYYY-MM-DD)"#
        ),
        (
            withChannels(#"[ { "key": "a" } ]"#, extra: #""schedules": { "default": { "holidays": ["2016/12/26"] } }"#),
            #"schedules.default.holidays[0]: "2016/12/26" is not a date (expected YYYY-MM-DD)"#
        ),
        (
            withChannels(#"[ { "key": "a" } ]"#, extra: #""schedules": { "my team": { "hours": { "tue": "9:00" } } }"#),
            #"schedules["my team"].hours.tue: "9:00" is not a range of hours (expected "HH:MM-HH:MM")"#
        ),
        // Routing.
        (
            withChannels(
                #"[ { "key": "twitter" } ]"#, extra: #""routing": [ { "if": { "tags": "x" }, "channel": "twitter" } ]"#),
            #"routing[0].if.tags: unknown condition (did you mean "tag"?); use via, tag, group, priority, source or project"#
        ),
        (
            withChannels(
                #"[ { "key": "twitter" } ]"#, extra: #""routing": [ { "if": { "via": "x" }, "channel": "twiter" } ]"#),
            #"routing[0].channel: "twiter" is not a channel of this policy (did you mean "twitter"?)"#
        ),
        (
            withChannels(
                #"[ { "key": "twitter" } ]"#, extra: #""routing": [ { "if": { "via": 3 }, "channel": "twitter" } ]"#),
            "routing[0].if.via: expected a string, found a number"
        ),
        (
            withChannels(#"[ { "key": "twitter" } ]"#, extra: #""routing": [ { "channel": "twitter" } ]"#),
            #"routing[0]: missing "if" (the conditions; {} matches every record)"#
        ),
        (
            withChannels(
                #"[ { "key": "twitter" } ]"#, extra: #""routing": [ { "if": {}, "channel": "twitter", "note": "x" } ]"#),
            #"routing[0].note: unknown key"#
        ),
        // Play mode and handles.
        (
            withChannels(
                #"[ { "key": "twitter" } ]"#,
                extra: #""play_mode": [ { "view": "V", "channels": ["twitter", "facebook"] } ]"#),
            #"play_mode[0].channels[1]: "facebook" is not a channel of this policy"#
        ),
        (
            withChannels(#"[ { "key": "twitter" } ]"#, extra: #""play_mode": [ { "channels": [] } ]"#),
            #"play_mode[0]: missing "view" (the Zendesk view's name)"#
        ),
        (
            withChannels(
                #"[ { "key": "twitter" } ]"#, extra: #""handles": { "main": "@GitLab", "channels": ["twiter"] }"#),
            #"handles.channels[0]: "twiter" is not a channel of this policy (did you mean "twitter"?)"#
        ),
        (
            withChannels(#"[ { "key": "twitter" } ]"#, extra: #""handles": { "channels": [] }"#),
            #"handles: missing "main" (the handle replies must come from)"#
        ),
        (
            withChannels(#"[ { "key": "twitter" } ]"#, extra: #""system_actors": [-1]"#),
            "system_actors[0]: expected a string, found a number"
        ),
        // Versions.
        (
            withChannels(
                #"[ { "key": "a" } ]"#,
                extra:
                    #""versions": [ { "effective_from": "2017-06-01", "channels": [ { "key": "a" } ] }, { "effective_from": "2017-01-01", "channels": [ { "key": "a" } ] } ]"#
            ),
            "versions[1].effective_from: 2017-01-01 is not after the previous version's 2017-06-01; list versions oldest first, one per date"
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#,
                extra: #""versions": [ { "effective_from": "2017-13-01", "channels": [ { "key": "a" } ] } ]"#),
            #"versions[0].effective_from: "2017-13-01" is not a date (expected YYYY-MM-DD)"#
        ),
        (
            withChannels(#"[ { "key": "a" } ]"#, extra: #""versions": [ { "channels": [ { "key": "a" } ] } ]"#),
            #"versions[0]: missing "effective_from" (the date the version is in force from, YYYY-MM-DD)"#
        ),
        (
            withChannels(
                #"[ { "key": "a" } ]"#,
                extra:
                    #""versions": [ { "effective_from": "2017-01-01", "channels": [ { "key": "a", "first_reply": "1 bussiness day" } ] } ]"#
            ), #"versions[0].channels[0].first_reply: "1 bussiness day" is not a duration (did you mean "business"?)"#
        ),
        // Not JSON, or not an object.
        ("", "line 1, column 1: invalid JSON: the file is empty"),
        (
            "{\n  \"name\": \"x\",\n  \"channels\": [}",
            "line 3, column 16: invalid JSON: unexpected character; expected a value"
        ),
        (#"{ "name": "a", "name": "b" }"#, #"line 1, column 16: invalid JSON: duplicate key "name""#),
        (
            #"{ "channels": [ { "key": "a" } ] } x"#,
            "line 1, column 36: invalid JSON: unexpected text after the JSON value"
        ),
        ("[]", "the policy must be a JSON object, found an array"),
        (#"{ "name": 5, "channels": [ { "key": "a" } ] }"#, "name: expected a string, found a number"),
    ])
    func rejects(text: String, problem: String) {
        let problems = Self.problems(text)
        #expect(problems == [problem])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let problems = Self.problems(
            #"""
            { "timezone": "Mars/Base", "chanels": 1,
              "channels": [ { "key": "a", "first_reply": "1 bussiness day", "goal": 101 }, { "key": "a" } ],
              "routing": [ { "if": { "tag": "x" }, "channel": "b" } ] }
            """#)
        #expect(
            problems == [
                #"chanels: unknown key (did you mean "channels"?)"#,
                #"timezone: "Mars/Base" is not a known IANA time zone"#,
                #"channels[0].first_reply: "1 bussiness day" is not a duration (did you mean "business"?)"#,
                "channels[0].goal: 101 is not a percentage from 0 to 100",
                #"channels[1].key: duplicate channel "a" (also channels[0])"#,
                #"routing[0].channel: "b" is not a channel of this policy"#,
            ])
    }

    @Test func builtInRoundTripsThroughJSON() throws {
        let text = Policy.builtIn.jsonText()
        let decoded = try Policy.decode(Array(text.utf8), source: "built-in")
        #expect(decoded == Policy.builtIn)
        #expect(decoded.jsonText() == text)
    }

    @Test func customPolicyRoundTripsThroughJSON() throws {
        var policy = Policy(
            name: "Team \"Q\" \\ support", timezone: "Europe/Amsterdam", inputTimezone: "America/New_York",
            schedules: [
                "default": Policy.builtInDefaultSchedule,
                "il": Schedule(
                    timezone: "Asia/Jerusalem",
                    hours: [7: [MinuteInterval(start: 480, end: 720), MinuteInterval(start: 780, end: 1440)]],
                    holidays: ["2016-10-03", "2016-10-12"]),
            ],
            channels: [
                ChannelPolicy(
                    key: "email", name: "Mail ✉︎", schedule: "il",
                    firstReply: SLADuration(amount: 1, unit: .businessDays),
                    nextReply: SLADuration(amount: 2, unit: .businessDays),
                    resolution: SLADuration(amount: 5, unit: .days),
                    goal: 92.5,
                    byPriority: [
                        "low": PriorityTargets(nextReply: SLADuration(amount: 16, unit: .businessHours)),
                        "urgent": PriorityTargets(
                            firstReply: SLADuration(amount: 4, unit: .businessHours),
                            nextReply: SLADuration(amount: 45, unit: .businessMinutes)),
                    ]),
                ChannelPolicy(
                    key: "forum", firstReply: SLADuration(amount: 14, unit: .days),
                    notBefore: SLADuration(amount: 2, unit: .days), goal: 80),
            ],
            routing: [RoutingRule(conditions: [("via", "Web Form"), ("group", "Support")], channel: "email")],
            playMode: [PlayModeView(view: "Forum", channels: ["forum"])],
            handles: Handles(main: "@Team", others: ["@TeamStatus"], channels: ["forum"], clients: ["zendesk", "api"]),
            agents: ["bob", PolicyAgent(name: "Ana Souza", aliases: ["ana_gitlab", "@ana"])], systemActors: ["robot"],
            versions: [
                PolicyVersion(effectiveFrom: "2017-01-01", channels: [ChannelPolicy(key: "email", name: "Mail")])
            ],
            source: "custom.json")
        let text = policy.jsonText()
        #expect(text.contains(#"{ "name": "Ana Souza", "aliases": ["ana_gitlab", "@ana"] }"#))
        #expect(text.contains(#""others": ["@TeamStatus"]"#))
        let decoded = try Policy.decode(Array(text.utf8), source: "custom.json")
        #expect(decoded == policy)
        policy.handles = nil
        #expect(try Policy.decode(Array(policy.jsonText().utf8), source: "custom.json") == policy)
    }

    @Test func agentsWithAliases() throws {
        let policy = try Self.decode(
            #"{"channels": [{"key": "email"}], "agents": ["Ben", {"name": "Ana Souza", "aliases": ["ana_gitlab", "@ana"]}, {"name": "Cy"}]}"#
        )
        #expect(policy.agents == ["Ben", PolicyAgent(name: "Ana Souza", aliases: ["ana_gitlab", "@ana"]), "Cy"])
        #expect(
            Self.problems(
                #"{"channels": [{"key": "email"}], "agents": [{"aliases": ["x"]}, 3, {"name": "A", "alias": []}, ""]}"#)
                == [
                    "agents[0]: missing \"name\" (how the report names the person)",
                    "agents[1]: expected a name or {\"name\": …, \"aliases\": […]}, found a number",
                    "agents[2].alias: unknown key (did you mean \"aliases\"?)",
                    "agents[3]: must not be empty",
                ])
        let handles = try Self.decode(
            #"{"channels": [{"key": "twitter"}], "handles": {"main": "@GitLab", "others": ["@GitLabStatus"]}}"#)
        #expect(handles.handles?.others == ["@GitLabStatus"])
    }

    @Test func jsonTextLayout() {
        let text = Policy.builtIn.jsonText()
        #expect(text.hasPrefix("{\n  \"name\": \"GitLab Support (late 2016)\",\n  \"timezone\": \"UTC\",\n"))
        #expect(text.hasSuffix("  \"versions\": []\n}\n"))
        #expect(
            text.contains(#"    { "key": "emergency", "name": "Emergency tickets", "first_reply": "30 minutes" },"#))
        #expect(text.contains(#"        "urgent": { "first_reply": "30 minutes" },"#))
        #expect(text.contains(#"    { "if": { "via": "twitter" }, "channel": "twitter" },"#))
        #expect(text.contains(#"    { "if": {}, "channel": "email" }"#))
        #expect(text.contains(#"        "mon": ["09:00-17:00"],"#))
        let order = [
            "\"name\"", "\"timezone\"", "\"input_timezone\"", "\"schedules\"", "\"channels\"", "\"routing\"",
            "\"play_mode\"", "\"handles\"", "\"agents\"", "\"system_actors\"", "\"versions\"",
        ]
        let positions = order.compactMap { text.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
    }

    @Test func builtInMatchesTheHandbook() throws {
        let policy = Policy.builtIn
        #expect(policy.name == "GitLab Support (late 2016)")
        #expect(
            policy.channels.map(\.key) == [
                "emergency", "hackerone", "security", "email", "disqus", "twitter", "facebook", "issue-tracker",
                "support-tracker", "gitlab-issues", "mailing-list", "forum", "docker", "stack-overflow", "reddit",
                "quora",
            ])
        #expect(policy.channels.allSatisfy { $0.goal == nil && $0.nextReply == nil && $0.schedule == "default" })
        let byKey = Dictionary(uniqueKeysWithValues: policy.channels.map { ($0.key, $0) })
        #expect(byKey["emergency"]?.firstReply == SLADuration(amount: 30, unit: .minutes))
        for key in ["hackerone", "security", "email", "disqus", "twitter", "facebook"] {
            #expect(byKey[key]?.firstReply == SLADuration(amount: 1, unit: .businessDays), "\(key)")
        }
        let email = try #require(byKey["email"])
        #expect(email.byPriority["urgent"]?.firstReply == SLADuration(amount: 30, unit: .minutes))
        #expect(email.byPriority["high"]?.firstReply == SLADuration(amount: 8, unit: .businessHours))
        #expect(email.byPriority["normal"]?.firstReply == SLADuration(amount: 12, unit: .businessHours))
        #expect(email.byPriority["low"] == nil)
        for key in [
            "issue-tracker", "support-tracker", "gitlab-issues", "mailing-list", "forum", "docker",
            "stack-overflow", "reddit", "quora",
        ] {
            #expect(byKey[key]?.firstReply == SLADuration(amount: 14, unit: .days), "\(key)")
            #expect(byKey[key]?.notBefore == SLADuration(amount: 2, unit: .days), "\(key)")
        }
        #expect(policy.playMode == [PlayModeView(view: "Twitter and Facebook", channels: ["twitter", "facebook"])])
        #expect(
            policy.handles
                == Handles(
                    main: "@GitLab", others: ["@GitLabSupport", "@GitLabStatus"], channels: ["twitter"],
                    clients: ["zendesk"]))
        #expect(policy.systemActors == ["-1", "system", "zendesk"])
        #expect(policy.source == "built-in")
    }

    @Test func gitLab2017SampleDecodes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "SampleData/gitlab-2017.policy.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return }  // the sample is optional
        let policy = try Policy.decode(Array(data), source: "SampleData/gitlab-2017.policy.json")
        #expect(policy.name == "GitLab Support (2017)")
        let email = try #require(policy.channels.first { $0.key == "email" })
        let hours = { (n: Int) in SLADuration(amount: n, unit: .businessHours) }
        for (priority, target) in [("low", 16), ("normal", 12), ("high", 8), ("urgent", 4)] {
            #expect(email.byPriority[priority] == PriorityTargets(firstReply: hours(target), nextReply: hours(target)))
        }
        let premium = try #require(policy.channels.first { $0.key == "premium" })
        #expect(premium.firstReply == hours(4))
        #expect(premium.nextReply == hours(4))
        #expect(policy.route(RoutingFacts(source: "zendesk", via: "email", tags: ["premium"])) == "premium")
        #expect(policy.route(RoutingFacts(source: "zendesk", via: "web", priority: "urgent")) == "email")
        #expect(policy.channels.count == 17)
        #expect(try Policy.decode(Array(policy.jsonText().utf8), source: policy.source) == policy)
    }
}
