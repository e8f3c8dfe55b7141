/// A slareport policy made from a team's Zendesk SLA policies and business-hours schedules (FORMATS.md
/// §1f, §1h), for `slareport policy --from-zendesk SLA_POLICIES.json [SCHEDULES.json]`.
///
/// - **Each SLA policy becomes a channel**, in Zendesk's matching order (`position`, then file order): its
///   key is the title in lower case with dashes (`Incidents` → `incidents`; made unique with `-2`, `-3`),
///   its name the title, its `note` the Zendesk id, description and whatever could not be mapped.
/// - **`policy_metrics` become targets by priority**: `first_reply_time`, `next_reply_time`,
///   `requester_wait_time`, `agent_work_time` and `periodic_update_time` map to `first_reply`,
///   `next_reply`, `requester_wait`, `agent_work` and `periodic_update` under `by_priority`; `target` is in
///   minutes (`target_in_seconds` wins when it is a whole number of minutes), business or calendar after
///   `business_hours`, written in the largest whole unit (`480 business minutes` → `8 business hours`).
///   Zendesk applies no SLA to a ticket without a priority, so the channels get no targets of their own.
///   `pausable_update_time` has no slareport metric and is listed as unmapped.
/// - **The filter becomes routing rules** (see ``routingRules(_:)``).
/// - **The schedules**: the first becomes `default`, the others named schedules (Zendesk chooses a ticket's
///   schedule by triggers, which a policy cannot follow); `time_zone` (a Rails name) becomes its IANA zone,
///   the intervals (minutes from Sunday 00:00) weekday hours, the holidays (given inside a schedule, or at
///   the top level for the first one) the dates they cover. Without a schedule file the built-in default
///   schedule applies.
///
/// Nothing is silently lost: every condition, metric, interval or holiday that cannot be mapped is a
/// ``Note`` naming its file, JSON path and field. The result validates and round-trips through
/// ``Policy/decode(_:source:)``. Unknown keys of Zendesk objects are ignored (the API adds fields over time).
public struct ZendeskPolicyImport: Sendable {
    /// Something that could not be carried over, or was changed on the way.
    public struct Note: Sendable, Equatable, CustomStringConvertible {
        /// The input file.
        public var file: String
        /// Where in it: `sla_policies[0].filter.all[1]`.
        public var path: String
        /// The Zendesk field concerned (`ticket_type_id`, `pausable_update_time`, `time_zone`), when one is.
        public var field: String?
        public var message: String

        public init(file: String, path: String, field: String?, message: String) {
            self.file = file
            self.path = path
            self.field = field
            self.message = message
        }

        /// `file: path: message`.
        public var description: String { "\(file): \(path.isEmpty ? "" : path + ": ")\(message)" }
    }

    /// The policy and what could not be mapped.
    public struct Result: Sendable {
        public var policy: Policy
        public var notes: [Note]
    }

    /// Converts the SLA policies file (`{"sla_policies": […]}`, `{"sla_policy": {…}}`, one policy object or
    /// an array of them) and the optional schedules file (`{"schedules": […]}`, `{"schedule": {…}}`, one
    /// schedule or an array). Throws ``SLAReportError/policy(path:problems:)`` when a file is not JSON or
    /// not in one of these shapes.
    public static func convert(
        policies: [UInt8], policiesPath: String, schedules: [UInt8]? = nil, schedulesPath: String? = nil
    ) throws(SLAReportError) -> Result {
        var converter = ZendeskPolicyConverter(policiesPath: policiesPath, schedulesPath: schedulesPath ?? "")
        let policiesJSON = try parse(policies, path: policiesPath)
        let schedulesJSON = try schedules.map { (bytes) throws(SLAReportError) in
            try parse(bytes, path: schedulesPath ?? "schedules.json")
        }
        return try converter.convert(policies: policiesJSON, schedules: schedulesJSON)
    }

    private static func parse(_ bytes: [UInt8], path: String) throws(SLAReportError) -> PolicyJSON {
        do {
            return try PolicyJSON.parse(bytes)
        } catch {
            throw .policy(
                path: path, problems: ["line \(error.line), column \(error.column): invalid JSON: \(error.message)"])
        }
    }
}

/// The walk over the Zendesk objects; collects ``ZendeskPolicyImport/Note``s.
struct ZendeskPolicyConverter {
    let policiesPath: String
    let schedulesPath: String
    var notes: [ZendeskPolicyImport.Note] = []

    init(policiesPath: String, schedulesPath: String) {
        self.policiesPath = policiesPath
        self.schedulesPath = schedulesPath
    }

    mutating func note(_ file: String, _ path: String, field: String?, _ message: String) {
        notes.append(ZendeskPolicyImport.Note(file: file, path: path, field: field, message: message))
    }

    static let metrics: [String: SLAMetric] = [
        "first_reply_time": .firstReply, "next_reply_time": .nextReply, "requester_wait_time": .requesterWait,
        "agent_work_time": .agentWork, "periodic_update_time": .periodicUpdate,
    ]

    mutating func convert(policies: PolicyJSON, schedules: PolicyJSON?) throws(SLAReportError)
        -> ZendeskPolicyImport.Result
    {
        guard
            let entries = Self.list(
                policies, wrapper: "sla_policies", single: "sla_policy", marker: ["policy_metrics", "filter"])
        else {
            throw .policy(
                path: policiesPath,
                problems: [
                    "expected Zendesk SLA policies: an object with \"sla_policies\", an SLA policy object or an "
                        + "array of them"
                ])
        }
        var ordered: [(position: Double, index: Int, json: [(key: String, value: PolicyJSON)], path: String)] = []
        for (index, entry) in entries.enumerated() {
            let path = entry.path
            guard case .object(let members) = entry.value else {
                note(policiesPath, path, field: nil, "not an SLA policy object; skipped")
                continue
            }
            let position = Self.member(members, "position").flatMap(Self.number) ?? Double(index + 1)
            ordered.append((position, index, members, path))
        }
        ordered.sort { ($0.position, $0.index) < ($1.position, $1.index) }

        var channels: [ChannelPolicy] = []
        var routing: [RoutingRule] = []
        var usesBusinessHours = false
        for entry in ordered {
            let (channel, rules, business) = convertPolicy(entry.json, at: entry.path, taken: channels.map(\.key))
            channels.append(channel)
            routing += rules
            usesBusinessHours = usesBusinessHours || business
        }
        if channels.isEmpty {
            throw .policy(path: policiesPath, problems: ["no SLA policy found; a policy needs at least one channel"])
        }
        var scheduleTable: [String: Schedule] = ["default": Policy.builtInDefaultSchedule]
        var timezone = "UTC"
        if let schedules {
            guard
                let list = Self.list(schedules, wrapper: "schedules", single: "schedule", marker: ["intervals"])
            else {
                throw .policy(
                    path: schedulesPath,
                    problems: [
                        "expected Zendesk schedules: an object with \"schedules\", a schedule object or an array "
                            + "of them"
                    ])
            }
            let converted = convertSchedules(list, topLevel: schedules)
            for (name, schedule) in converted { scheduleTable[name] = schedule }
            timezone = scheduleTable["default"]?.timezone ?? "UTC"
        }

        if schedules == nil, usesBusinessHours {
            note(
                policiesPath, "", field: "business_hours",
                "business-hours targets use the built-in schedule (Monday–Friday 09:00–17:00 UTC) as no schedules "
                    + "file was given")
        }
        let policy = Policy(
            name: "Zendesk SLA policies", timezone: timezone, inputTimezone: "UTC", schedules: scheduleTable,
            channels: channels, routing: routing, systemActors: Policy.builtInSystemActors, source: policiesPath)
        return ZendeskPolicyImport.Result(policy: policy, notes: notes)
    }

    // MARK: - One SLA policy

    mutating func convertPolicy(
        _ members: [(key: String, value: PolicyJSON)], at path: String, taken: [String]
    ) -> (ChannelPolicy, [RoutingRule], usesBusinessHours: Bool) {
        let id = Self.member(members, "id").flatMap(Self.text)
        let title = Self.member(members, "title").flatMap(Self.text)?.trimmingCharacters(in: .whitespaces)
        let name = title.flatMap { $0.isEmpty ? nil : $0 } ?? "SLA policy \(id ?? path)"
        let key = Self.uniqueKey(Self.slug(name), taken: taken)
        var channel = ChannelPolicy(key: key, name: name)
        var unmapped: [String] = []

        var usesBusinessHours = false
        if let metricsValue = Self.member(members, "policy_metrics") {
            if case .array(let metrics) = metricsValue {
                for (index, metric) in metrics.enumerated() {
                    let metricPath = Self.child(Self.child(path, "policy_metrics"), index: index)
                    if let target = convertMetric(metric, at: metricPath, channel: channel, unmapped: &unmapped) {
                        channel.byPriority[target.priority, default: PriorityTargets()].setTarget(
                            target.metric, target.duration)
                        usesBusinessHours = usesBusinessHours || target.business
                    }
                }
            } else {
                note(
                    policiesPath, Self.child(path, "policy_metrics"), field: "policy_metrics",
                    "not an array; no targets")
            }
        }
        if channel.byPriority.isEmpty {
            note(
                policiesPath, path, field: "policy_metrics",
                "no metric could be mapped; channel \"\(key)\" has no targets")
        }

        var rules: [RoutingRule] = []
        let filter = Self.member(members, "filter")
        switch filter {
        case .object(let filterMembers):
            rules = routingRules(filterMembers, at: Self.child(path, "filter"), channel: key, unmapped: &unmapped)
        case nil, .null:
            rules = [RoutingRule(conditions: [], channel: key)]
        default:
            note(
                policiesPath, Self.child(path, "filter"), field: "filter",
                "not an object; no routing rule for \"\(key)\"")
            unmapped.append("the filter")
        }

        var noteText = "Zendesk SLA policy" + (id.map { " " + $0 } ?? "")
        if let description = Self.member(members, "description").flatMap(Self.text), !description.isEmpty {
            noteText += ": " + description
        }
        if !unmapped.isEmpty {
            noteText += (noteText.hasSuffix(".") ? "" : ".") + " Not mapped: " + unmapped.joined(separator: "; ")
        }
        channel.note = noteText
        return (channel, rules, usesBusinessHours)
    }

    /// One `policy_metrics` entry: its priority and target, or nil (with a note) when it cannot be mapped.
    mutating func convertMetric(
        _ json: PolicyJSON, at path: String, channel: ChannelPolicy, unmapped: inout [String]
    ) -> (priority: String, metric: SLAMetric, duration: SLADuration, business: Bool)? {
        guard case .object(let members) = json else {
            note(policiesPath, path, field: nil, "not a policy metric object; skipped")
            return nil
        }
        let metricName = Self.member(members, "metric").flatMap(Self.text) ?? ""
        guard let metric = Self.metrics[metricName] else {
            let what = metricName.isEmpty ? "a metric without a name" : "metric \(PolicyJSON.quoted(metricName))"
            let why =
                metricName == "pausable_update_time"
                ? "slareport has no pausable update (periodic update that pauses while pending)"
                : "not a Zendesk SLA metric slareport measures"
            note(policiesPath, path, field: metricName.isEmpty ? "metric" : metricName, "\(what) not imported: \(why)")
            unmapped.append(metricName.isEmpty ? "a metric without a name" : metricName)
            return nil
        }
        let priorityText = (Self.member(members, "priority").flatMap(Self.text) ?? "").lowercased()
        guard PolicyDecoder.priorityKeys.contains(priorityText) else {
            note(
                policiesPath, Self.child(path, "priority"), field: "priority",
                "\(PolicyJSON.quoted(priorityText)) is not a Zendesk priority (low, normal, high, urgent); \(metricName) "
                    + "target not imported")
            unmapped.append("\(metricName) for priority \(PolicyJSON.quoted(priorityText))")
            return nil
        }
        var minutes = Self.member(members, "target").flatMap(Self.number)
        if let seconds = Self.member(members, "target_in_seconds").flatMap(Self.number), seconds >= 0 {
            let fromSeconds = (seconds / 60).rounded(.up)
            if seconds.truncatingRemainder(dividingBy: 60) != 0 {
                note(
                    policiesPath, Self.child(path, "target_in_seconds"), field: "target_in_seconds",
                    "\(Int64(seconds)) seconds is not a whole number of minutes; rounded up to \(Int64(fromSeconds))")
            }
            minutes = fromSeconds
        }
        guard let minutes, minutes >= 0, minutes == minutes.rounded(), minutes <= Double(SLADuration.maximumAmount)
        else {
            note(
                policiesPath, Self.child(path, "target"), field: "target",
                "not a whole number of minutes; \(metricName) not imported")
            unmapped.append("\(metricName) for \(priorityText) (no valid target)")
            return nil
        }
        let business: Bool
        switch Self.member(members, "business_hours") {
        case .bool(let value)?: business = value
        case nil, .null?: business = false
        default:
            note(
                policiesPath, Self.child(path, "business_hours"), field: "business_hours",
                "not true or false; the target runs on the calendar clock")
            business = false
        }
        if channel.byPriority[priorityText]?.target(metric) != nil {
            note(
                policiesPath, path, field: metricName,
                "\(metricName) for \(priorityText) is listed twice; the first is kept")
            return nil
        }
        return (priorityText, metric, Self.duration(minutes: Int(minutes), business: business), business)
    }

    /// `N minutes` in the largest whole unit: business minutes or hours; calendar minutes, hours or days.
    static func duration(minutes: Int, business: Bool) -> SLADuration {
        if business {
            return minutes % 60 == 0 && minutes > 0
                ? SLADuration(amount: minutes / 60, unit: .businessHours)
                : SLADuration(amount: minutes, unit: .businessMinutes)
        }
        if minutes > 0, minutes % 1440 == 0 { return SLADuration(amount: minutes / 1440, unit: .days) }
        if minutes > 0, minutes % 60 == 0 { return SLADuration(amount: minutes / 60, unit: .hours) }
        return SLADuration(amount: minutes, unit: .minutes)
    }

    // MARK: - JSON helpers

    /// The entries of a list file: the wrapper's array, the single object, a bare object with one of the
    /// marker keys, or a bare array; each with its JSON path. Nil for any other shape.
    static func list(
        _ json: PolicyJSON, wrapper: String, single: String, marker: [String]
    ) -> [(path: String, value: PolicyJSON)]? {
        switch json {
        case .array(let elements):
            return elements.enumerated().map { ("[\($0.offset)]", $0.element) }
        case .object(let members):
            if case .array(let elements)? = member(members, wrapper) {
                return elements.enumerated().map { ("\(wrapper)[\($0.offset)]", $0.element) }
            }
            if let one = member(members, single), case .object = one { return [(single, one)] }
            if marker.contains(where: { member(members, $0) != nil }) { return [("", json)] }
            return nil
        default:
            return nil
        }
    }

    /// `path.key`, or `key` at the top.
    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// `path[index]`.
    static func child(_ path: String, index: Int) -> String { "\(path)[\(index)]" }

    static func member(_ members: [(key: String, value: PolicyJSON)], _ key: String) -> PolicyJSON? {
        members.first { $0.key == key }?.value
    }

    /// A string, or a number's text (ids come as both).
    static func text(_ json: PolicyJSON) -> String? {
        switch json {
        case .string(let text): text
        case .number(let text): text
        default: nil
        }
    }

    /// A number, or a string holding one.
    static func number(_ json: PolicyJSON) -> Double? {
        switch json {
        case .number(let text), .string(let text):
            Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// Lower case ASCII letters and digits, everything else one dash, none at the ends; `sla-policy` when
    /// nothing is left.
    static func slug(_ text: String) -> String {
        var result = ""
        var dash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                if dash, !result.isEmpty { result.append("-") }
                dash = false
                result.unicodeScalars.append(scalar)
            } else if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 32) {
                if dash, !result.isEmpty { result.append("-") }
                dash = false
                result.unicodeScalars.append(lower)
            } else {
                dash = true
            }
        }
        return result.isEmpty ? "sla-policy" : result
    }

    static func uniqueKey(_ base: String, taken: [String]) -> String {
        guard taken.contains(base) else { return base }
        var counter = 2
        while taken.contains("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }
}
