import Foundation
import Testing

@testable import SLAReportCore

/// `slareport policy --from-zendesk`: Zendesk SLA policies and schedules (FORMATS.md §1f, §1h) as a policy.
@Suite struct ZendeskPolicyImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/zendesk-policy")
    static let corpora = NativeTestSupport.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/zendesk")
    static let corporaPresent = FileManager.default.fileExists(
        atPath: corpora.appendingPathComponent("sla_policy.json").path)

    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try #require(FileManager.default.contents(atPath: url.path)))
    }

    static func convert(_ policies: String, schedules: String? = nil) throws -> ZendeskPolicyImport.Result {
        try ZendeskPolicyImport.convert(
            policies: Array(policies.utf8), policiesPath: "p.json", schedules: schedules.map { Array($0.utf8) },
            schedulesPath: schedules == nil ? nil : "s.json")
    }

    /// The policy decodes from its own JSON to an equal policy, and prints the same JSON again.
    static func expectRoundTrip(_ policy: Policy) throws {
        let text = policy.jsonText()
        let decoded = try Policy.decode(Array(text.utf8), source: policy.source)
        #expect(decoded == policy)
        #expect(decoded.jsonText() == text)
    }

    static func minutes(_ n: Int) -> SLADuration { SLADuration(amount: n, unit: .minutes) }
    static func businessHours(_ n: Int) -> SLADuration { SLADuration(amount: n, unit: .businessHours) }

    @Test(.enabled(if: corporaPresent)) func theCorpusPolicyAndSchedule() throws {
        let result = try ZendeskPolicyImport.convert(
            policies: Self.bytes(Self.corpora.appendingPathComponent("sla_policy.json")),
            policiesPath: "sla_policy.json",
            schedules: Self.bytes(Self.corpora.appendingPathComponent("schedule.json")), schedulesPath: "schedule.json")
        let policy = result.policy
        #expect(policy.channels.count == 1)
        let incidents = try #require(policy.channels.first)
        #expect(incidents.key == "incidents")
        #expect(incidents.name == "Incidents")
        #expect(incidents.firstReply == nil && incidents.requesterWait == nil)
        #expect(
            incidents.byPriority == [
                "normal": PriorityTargets(firstReply: Self.minutes(30), requesterWait: Self.minutes(160)),
                "urgent": PriorityTargets(
                    firstReply: Self.minutes(10), requesterWait: SLADuration(amount: 2, unit: .hours)),
                "low": PriorityTargets(requesterWait: SLADuration(amount: 3, unit: .hours)),
                "high": PriorityTargets(requesterWait: Self.minutes(140)),
            ])
        #expect(incidents.note?.contains("230868") == true)
        #expect(incidents.note?.contains(#"Not mapped: ticket_type_id is "2""#) == true)
        // ticket_type_id cannot be routed on: no rule rather than a rule catching every ticket.
        #expect(policy.routing.isEmpty)
        #expect(result.notes.map(\.field) == ["ticket_type_id"])
        #expect(result.notes.first?.path == "filter.all[0]")
        #expect(result.notes.first?.file == "sla_policy.json")
        // Central Time, Monday–Friday 09:00–17:00.
        let schedule = try #require(policy.schedules["default"])
        #expect(schedule.timezone == "America/Chicago")
        #expect(policy.timezone == "America/Chicago")
        #expect(
            schedule.hours
                == Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [MinuteInterval(start: 540, end: 1020)]) }))
        try Self.expectRoundTrip(policy)
    }

    @Test func handMadePoliciesAndSchedules() throws {
        let result = try ZendeskPolicyImport.convert(
            policies: Self.bytes(Self.fixtures.appendingPathComponent("sla_policies.json")), policiesPath: "sla.json",
            schedules: Self.bytes(Self.fixtures.appendingPathComponent("schedules.json")), schedulesPath: "sch.json")
        let policy = result.policy
        // Channels in Zendesk's matching order (position).
        #expect(
            policy.channels.map(\.key) == [
                "urgent-anything", "vip-email", "chat-high-and-up", "incidents", "everything-else",
            ])
        let byKey = Dictionary(uniqueKeysWithValues: policy.channels.map { ($0.key, $0) })
        #expect(
            byKey["urgent-anything"]?.byPriority == [
                "urgent": PriorityTargets(
                    firstReply: Self.minutes(15), nextReply: SLADuration(amount: 61, unit: .businessMinutes))
            ])
        #expect(
            byKey["vip-email"]?.byPriority == [
                "urgent": PriorityTargets(firstReply: Self.minutes(30)),
                "high": PriorityTargets(firstReply: Self.businessHours(4)),
                "normal": PriorityTargets(
                    requesterWait: Self.businessHours(16), periodicUpdate: SLADuration(amount: 1, unit: .days)),
                "low": PriorityTargets(agentWork: Self.businessHours(48)),
            ])
        #expect(
            byKey["everything-else"]?.byPriority == [
                "low": PriorityTargets(firstReply: Self.businessHours(24)),
                "normal": PriorityTargets(
                    firstReply: Self.businessHours(12), requesterWait: SLADuration(amount: 2, unit: .days)),
                "high": PriorityTargets(firstReply: Self.businessHours(8)),
                "urgent": PriorityTargets(firstReply: Self.businessHours(4)),
            ])
        #expect(byKey["vip-email"]?.name == "VIP email")
        #expect(
            byKey["vip-email"]?.note
                == "Zendesk SLA policy 501: Customers on the VIP plan. Not mapped: pausable_update_time")
        #expect(byKey["chat-high-and-up"]?.note == "Zendesk SLA policy 503")
        // Routing: every alternative one rule, in position order; the empty filter last, matching all.
        let rules = policy.routing.map { rule in
            rule.conditions.map { "\($0.field)=\($0.value)" }.joined(separator: "&") + " → " + rule.channel
        }
        #expect(
            rules == [
                "priority=urgent&group=360001 → urgent-anything",
                "via=email&tag=vip → vip-email", "via=email&tag=premium → vip-email",
                "via=chat&priority=high → chat-high-and-up", "via=chat&priority=urgent → chat-high-and-up",
                " → everything-else",
            ])
        #expect(policy.route(RoutingFacts(source: "zendesk", via: "email", tags: ["premium"])) == "vip-email")
        #expect(policy.route(RoutingFacts(source: "zendesk", via: "chat", priority: "urgent")) == "chat-high-and-up")
        #expect(policy.route(RoutingFacts(source: "zendesk", via: "chat", priority: "normal")) == "everything-else")
        // What could not be mapped, each with its field and path.
        #expect(
            result.notes.map { "\($0.path) \($0.field ?? "-")" } == [
                "sla_policies[1].policy_metrics[1].target_in_seconds target_in_seconds",
                "sla_policies[1].filter.any[1] organization_id",
                "sla_policies[0].policy_metrics[5] pausable_update_time",
                "sla_policies[3].filter.all[0] ticket_type_id",
                " -",
            ])
        #expect(result.notes.last?.file == "sch.json")
        #expect(result.notes[0].message.contains("3630 seconds is not a whole number of minutes; rounded up to 61"))
        #expect(result.notes[1].message.contains("left out of the alternatives"))

        // The schedules: the first is the default, in Amsterdam; two touching Friday intervals merge, the
        // 22:00–24:00 and 00:00–02:00 pair stays two spans (a holiday on Saturday cancels the second, as in
        // Zendesk).
        let eu = try #require(policy.schedules["default"])
        #expect(eu.timezone == "Europe/Amsterdam")
        #expect(policy.timezone == "Europe/Amsterdam")
        #expect(eu.hours[5] == [MinuteInterval(start: 540, end: 1020), MinuteInterval(start: 1320, end: 1440)])
        #expect(eu.hours[6] == [MinuteInterval(start: 0, end: 120)])
        #expect(eu.hours[1] == [MinuteInterval(start: 540, end: 1020)])
        #expect(eu.hours[7] == nil)
        #expect(eu.holidays == ["2016-12-25", "2016-12-26", "2017-01-01"])
        let night = try #require(policy.schedules["night-desk-us"])
        #expect(night.timezone == "America/Los_Angeles")
        #expect(night.hours == [7: [MinuteInterval(start: 0, end: 360)], 6: [MinuteInterval(start: 1320, end: 1440)]])
        #expect(policy.channels.allSatisfy { $0.schedule == "default" })
        try Self.expectRoundTrip(policy)
    }

    /// An imported channel has its targets only in `by_priority`: the report shows them as `by priority`, judges
    /// the tickets whose priority (in any case) has one, and leaves the others unjudged.
    @Test func anImportedPolicyIsReportedByPriority() throws {
        var policy = try ZendeskPolicyImport.convert(
            policies: Self.bytes(Self.fixtures.appendingPathComponent("sla_policies.json")), policiesPath: "sla.json",
            schedules: Self.bytes(Self.fixtures.appendingPathComponent("schedules.json")), schedulesPath: "sch.json"
        ).policy
        policy.routing = []
        var b = LogBuilder()
        // vip-email: urgent 30 minutes for the first reply; normal 16 business hours of requester wait and an
        // update every calendar day.
        b.add("U", .created, "2016-11-21 09:00", actor: "cust", channel: "vip-email")
        b.add("U", .priority, "2016-11-21 09:00", actor: "system", value: "Urgent")
        b.add("U", .reply, "2016-11-21 09:10", actor: "ann")
        b.add("N", .created, "2016-11-21 09:00", actor: "cust", channel: "vip-email")
        b.add("N", .priority, "2016-11-21 09:00", actor: "system", value: "Normal")
        b.add("N", .reply, "2016-11-21 11:00", actor: "ann")
        b.add("N", .reply, "2016-11-23 11:00", actor: "ann")
        let result = try TestPolicies.run(b, policy: policy, asOf: "2016-11-24 00:00")
        let channel = try #require(result.model.channels.first { $0.key == "vip-email" })
        #expect(channel.firstReply.target == "by priority")
        #expect(channel.firstReply.judged == 1)
        #expect(channel.firstReply.attainment == Percent(hundredths: 10_000))
        #expect(channel.statusMetrics.map(\.target) == ["by priority", "by priority", "by priority"])
        // N's first update came two days after the first: one breached interval, and one still open whose
        // deadline (Thursday 11:00) is ahead.
        let updates = try #require(channel.statusMetric(.periodicUpdate))
        #expect((updates.judged, updates.breached, updates.pending) == (1, 1, 1))
        #expect(TestPolicies.row(result, "U")?.requesterWaitOutcome == nil)
        #expect(TestPolicies.row(result, "N")?.requesterWaitOutcome != nil)
    }

    @Test func conditionsThatDoAndDoNotMap() throws {
        func policy(_ filter: String) -> String {
            #"""
            { "sla_policy": { "id": 1, "title": "T", "filter": \#(filter),
              "policy_metrics": [ { "priority": "low", "metric": "first_reply_time", "target": 60 } ] } }
            """#
        }
        func rules(_ filter: String) throws -> ([String], [String?]) {
            let result = try Self.convert(policy(filter))
            try Self.expectRoundTrip(result.policy)
            return (
                result.policy.routing.map { $0.conditions.map { "\($0.field)=\($0.value)" }.joined(separator: "&") },
                result.notes.map(\.field)
            )
        }
        // priority is_not / less_than expand to the priorities they allow.
        #expect(
            try rules(#"{ "all": [ { "field": "priority", "operator": "is_not", "value": "urgent" } ] }"#).0
                == ["priority=low", "priority=normal", "priority=high"])
        #expect(
            try rules(#"{ "all": [ { "field": "priority", "operator": "less_than", "value": "high" } ] }"#).0
                == ["priority=low", "priority=normal"])
        // Tags in one condition are alternatives; one rule each, times the any conditions.
        #expect(
            try rules(
                #"""
                { "all": [ { "field": "current_tags", "operator": "includes", "value": "a b" } ],
                  "any": [ { "field": "via_id", "operator": "is", "value": 4 }, { "field": "via_id", "operator": "is", "value": 0 } ] }
                """#
            ).0 == ["tag=a&via=email", "tag=b&via=email", "tag=a&via=web", "tag=b&via=web"])
        // Not mappable: is_not on via, an unknown via id, a custom field; each leaves the policy without rules.
        for filter in [
            #"{ "all": [ { "field": "via_id", "operator": "is_not", "value": 4 } ] }"#,
            #"{ "all": [ { "field": "via_id", "operator": "is", "value": 999 } ] }"#,
            #"{ "all": [ { "field": "custom_fields_360", "operator": "is", "value": "x" } ] }"#,
            #"{ "all": [ { "field": "current_tags", "operator": "not_includes", "value": "x" } ] }"#,
        ] {
            let (found, fields) = try rules(filter)
            #expect(found.isEmpty, "\(filter)")
            #expect(fields.count == 1, "\(filter)")
        }
        // Two tags needed together cannot be one rule.
        let together = try rules(
            #"""
            { "all": [ { "field": "current_tags", "operator": "includes", "value": "a" },
                       { "field": "current_tags", "operator": "includes", "value": "b" } ] }
            """#)
        #expect(together.0.isEmpty)
        #expect(together.1 == ["current_tags"])
        // Contradicting priorities never match: no rule, a note.
        let never = try rules(
            #"""
            { "all": [ { "field": "priority", "operator": "is", "value": "low" },
                       { "field": "priority", "operator": "is", "value": "high" } ] }
            """#)
        #expect(never.0.isEmpty)
        #expect(never.1 == [nil])
        // Every any alternative unmappable: no rule.
        let noneOfAny = try rules(#"{ "all": [], "any": [ { "field": "brand_id", "operator": "is", "value": 1 } ] }"#)
        #expect(noneOfAny.0.isEmpty)
        #expect(noneOfAny.1 == ["brand_id", nil])
        // No filter at all matches every ticket.
        #expect(try rules("null").0 == [""])
    }

    @Test func metricsThatDoAndDoNotMap() throws {
        let result = try Self.convert(
            #"""
            [ { "id": 7, "title": "Ünïcode & co", "policy_metrics": [
                { "priority": "Urgent", "metric": "agent_work_time", "target": 90, "business_hours": true },
                { "priority": "urgent", "metric": "agent_work_time", "target": 30, "business_hours": true },
                { "priority": "whenever", "metric": "first_reply_time", "target": 30 },
                { "priority": "low", "metric": "resolution_time", "target": 30 },
                { "priority": "low", "metric": "first_reply_time", "target": 10.5 },
                { "priority": "high", "metric": "periodic_update_time", "target": 0, "business_hours": false } ] },
              { "id": 8, "title": "Ünïcode & co", "policy_metrics": [] } ]
            """#)
        let policy = result.policy
        #expect(policy.channels.map(\.key) == ["n-code-co", "n-code-co-2"])
        #expect(policy.channels[0].name == "Ünïcode & co")
        #expect(
            policy.channels[0].byPriority == [
                "urgent": PriorityTargets(agentWork: SLADuration(amount: 90, unit: .businessMinutes)),
                "high": PriorityTargets(periodicUpdate: Self.minutes(0)),
            ])
        #expect(policy.channels[1].byPriority.isEmpty)
        #expect(
            result.notes.map(\.field) == [
                "agent_work_time", "priority", "resolution_time", "target", "policy_metrics", "business_hours",
            ])
        // A business-hours target without a schedules file says which schedule it runs on.
        let business = try Self.convert(
            #"{ "sla_policy": { "title": "B", "policy_metrics": [ { "priority": "low", "metric": "first_reply_time", "target": 60, "business_hours": true } ] } }"#
        )
        #expect(business.notes.map(\.field) == ["business_hours"])
        #expect(business.policy.schedules == ["default": Policy.builtInDefaultSchedule])
        try Self.expectRoundTrip(policy)
    }

    @Test func schedulesThatDoAndDoNotMap() throws {
        let policies = #"{ "sla_policy": { "title": "A", "policy_metrics": [] } }"#
        let result = try Self.convert(
            policies,
            schedules: #"""
                { "schedule": { "name": "Odd", "time_zone": "Atlantis Standard Time",
                    "intervals": [ { "start_time": 8580, "end_time": 8700 }, { "start_time": 10079, "end_time": 10140 },
                                   { "start_time": 20000, "end_time": 20060 }, { "start_time": "x" } ],
                    "holidays": [ { "start_date": "2016-12-24", "end_date": "2016-12-27" },
                                  { "start_date": "2016-12-31", "end_date": "2016-12-30" },
                                  { "start_date": "2016-01-01", "end_date": "2018-01-01" } ] },
                  "holidays": [ { "name": "Top", "start_date": "2017-01-02" } ] }
                """#)
        let schedule = try #require(result.policy.schedules["default"])
        #expect(schedule.timezone == "UTC")
        // Fri 23:00 → Sat 01:00 is split at midnight; Sat 23:59 → Sun 01:00 wraps the week.
        #expect(schedule.hours[5] == [MinuteInterval(start: 1380, end: 1440)])
        #expect(schedule.hours[6] == [MinuteInterval(start: 0, end: 60), MinuteInterval(start: 1439, end: 1440)])
        #expect(schedule.hours[7] == [MinuteInterval(start: 0, end: 60)])
        #expect(schedule.holidays == ["2016-12-24", "2016-12-25", "2016-12-26", "2016-12-27", "2017-01-02"])
        #expect(
            result.notes.map(\.field) == [
                "policy_metrics", "intervals", "intervals", "end_date", "end_date", "time_zone",
            ])
        try Self.expectRoundTrip(result.policy)
        // A schedule without intervals is not imported; an IANA zone is taken as it is.
        let empty = try Self.convert(
            policies,
            schedules:
                #"[ { "name": "Empty", "intervals": [] }, { "name": "Kept", "time_zone": "Asia/Tokyo", "intervals": [ { "start_time": 1980, "end_time": 2460 } ] } ]"#
        )
        #expect(empty.policy.schedules["default"]?.timezone == "Asia/Tokyo")
        #expect(empty.policy.schedules.count == 1)
        #expect(empty.notes.map(\.field).contains("intervals"))
    }

    @Test func filesThatAreNotZendeskPoliciesAreErrors() {
        func problem(_ policies: String, schedules: String? = nil) -> String {
            do {
                _ = try Self.convert(policies, schedules: schedules)
                return "no error"
            } catch let error as SLAReportError {
                guard case .policy(let path, let problems) = error else { return "\(error)" }
                return path + ": " + problems.joined(separator: " / ")
            } catch {
                return "\(error)"
            }
        }
        #expect(problem("{ \"tickets\": [] }").hasPrefix("p.json: expected Zendesk SLA policies"))
        #expect(problem("{ \"sla_policies\": [ ").hasPrefix("p.json: line 1, column 21: invalid JSON: unexpected end"))
        #expect(
            problem("{ \"sla_policies\": [] }") == "p.json: no SLA policy found; a policy needs at least one channel")
        #expect(problem("[ { \"title\": \"A\" } ]", schedules: "3").hasPrefix("s.json: expected Zendesk schedules"))
    }

    @Test func railsTimeZoneNames() {
        #expect(ZendeskTimeZones.iana("Central Time (US & Canada)") == "America/Chicago")
        #expect(ZendeskTimeZones.iana("New Caledonia") == "Pacific/Noumea")
        #expect(ZendeskTimeZones.iana("Europe/Berlin") == "Europe/Berlin")
        #expect(ZendeskTimeZones.iana("Pacific Time") == nil)
        // Every zone of the table is known on this machine, so an import always validates.
        for (name, zone) in ZendeskTimeZones.railsNames.sorted(by: { $0.key < $1.key }) {
            #expect(ZoneClock(identifier: zone) != nil, "\(name) → \(zone)")
        }
    }
}
