import Foundation

extension Policy {
    /// The name a policy file gets when it names none.
    public static let defaultName = "Custom policy"

    /// Reads and validates a policy file (SPEC §3), collecting every problem, not just the first.
    ///
    /// Each problem is `json.path: message`, e.g.
    /// `channels[3].first_reply: "1 bussiness day" is not a duration (did you mean "business"?)`; a syntax
    /// error is `line L, column C: invalid JSON: …`. Unknown keys are errors (with a suggestion when one is
    /// close). All of them are thrown together as ``SLAReportError/policy(path:problems:)`` with `source` as
    /// the path.
    ///
    /// Defaults for what the file leaves out:
    /// - `name`: ``defaultName``; `timezone`, `input_timezone`: `UTC`;
    /// - `schedules`: a `default` schedule is added when missing: Monday–Friday 09:00–17:00 UTC, no holidays
    ///   (the built-in one); a schedule without `timezone` uses the policy's `timezone`, one without `hours`
    ///   works Monday–Friday 09:00–17:00, one without `holidays` has none;
    /// - a channel needs only `key`: `name` defaults to the key, `schedule` to `default`, targets to none;
    /// - `routing`, `play_mode`, `agents`, `versions`: empty (the built-in routing rules still apply after the
    ///   policy's own, see ``route(_:)``); `handles`: none (when given, `others` and `channels` default to
    ///   none and `clients` to `["zendesk"]`); `system_actors`: the built-in `["-1", "system", "zendesk"]`;
    /// - an `agents` entry is a name or `{ "name": …, "aliases": [ … ] }` (aliases default to none).
    ///
    /// A `by_priority` entry is either one duration, which replaces `first_reply` and every other target the
    /// channel defines (`next_reply`, `requester_wait`, `agent_work`, `periodic_update`), or an object
    /// naming the targets it replaces (`{ "first_reply": …, "requester_wait": … }`). Priority keys are
    /// `urgent`, `high`, `normal` and `low` (any letter case, stored lower-case).
    ///
    /// `goal` is a percentage (the first-reply goal) or an object of percentages by metric
    /// (`{ "first_reply": 90, "requester_wait": 80 }`); each metric named needs a target in the channel or
    /// its `by_priority`.
    ///
    /// Schedule `hours` and `dates` spans are `HH:MM-HH:MM`; an end at or before the start runs past
    /// midnight (`22:00-02:00`), `24:00` ends a span at midnight. Spans may not overlap, within a day or with
    /// the previous day's spans that run past midnight.
    public static func decode(_ bytes: [UInt8], source: String) throws(SLAReportError) -> Policy {
        let json: PolicyJSON
        do {
            json = try PolicyJSON.parse(bytes)
        } catch {
            throw .policy(
                path: source, problems: ["line \(error.line), column \(error.column): invalid JSON: \(error.message)"])
        }
        var decoder = PolicyDecoder()
        let policy = decoder.policy(json, source: source)
        guard decoder.problems.isEmpty, let policy else {
            throw .policy(path: source, problems: decoder.problems)
        }
        return policy
    }
}

/// The validating walk over a parsed policy file; collects problems with their JSON paths.
struct PolicyDecoder {
    var problems: [String] = []

    static let topKeys = [
        "name", "timezone", "input_timezone", "schedules", "channels", "routing", "play_mode", "handles", "agents",
        "system_actors", "versions",
    ]
    static let scheduleKeys = ["timezone", "hours", "dates", "holidays"]
    static let channelKeys = [
        "key", "name", "schedule", "first_reply", "next_reply", "requester_wait", "agent_work", "periodic_update",
        "resolution", "not_before", "goal", "by_priority", "note",
    ]
    static let priorityKeys = ["urgent", "high", "normal", "low"]
    static let priorityTargetKeys = SLAMetric.allCases.map(\.key)
    static let weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let routingKeys = ["if", "channel"]
    static let routingFields = ["via", "tag", "group", "priority", "source", "project"]
    static let playModeKeys = ["view", "channels"]
    static let handlesKeys = ["main", "others", "channels", "clients"]
    static let agentKeys = ["name", "aliases"]
    static let versionKeys = ["effective_from", "channels"]

    mutating func report(_ path: String, _ message: String) {
        problems.append(path.isEmpty ? message : "\(path): \(message)")
    }

    // MARK: - The policy

    mutating func policy(_ json: PolicyJSON, source: String) -> Policy? {
        guard let top = members(json, at: "", allowed: Self.topKeys) else { return nil }
        let name = top["name"].flatMap { nonEmptyString($0, at: "name") } ?? Policy.defaultName
        let timezone = top["timezone"].flatMap { zone($0, at: "timezone") } ?? "UTC"
        let inputTimezone = top["input_timezone"].flatMap { zone($0, at: "input_timezone") } ?? "UTC"

        var schedules: [String: Schedule] = [:]
        if let value = top["schedules"], let entries = orderedMembers(value, at: "schedules") {
            for (scheduleName, body) in entries {
                let path = Self.join("schedules", scheduleName)
                if scheduleName.isEmpty { report(path, "a schedule needs a non-empty name") }
                if let schedule = schedule(body, at: path, policyZone: timezone) {
                    schedules[scheduleName] = schedule
                }
            }
        }
        if schedules["default"] == nil, !(top["schedules"].map(Self.hasKey("default")) ?? false) {
            schedules["default"] = Policy.builtInDefaultSchedule
        }
        let scheduleNames = Self.declaredScheduleNames(top["schedules"]).union(["default"])

        var channels: [ChannelPolicy] = []
        if let value = top["channels"] {
            channels = self.channels(value, at: "channels", schedules: scheduleNames) ?? []
        } else {
            report("channels", "missing; a policy lists at least one channel")
        }

        var versions: [PolicyVersion] = []
        if let value = top["versions"], let entries = array(value, at: "versions") {
            var previous: (date: Int, text: String)?
            for (index, entry) in entries.enumerated() {
                let path = "versions[\(index)]"
                guard let fields = members(entry, at: path, allowed: Self.versionKeys) else { continue }
                var effectiveFrom: String?
                if let dateValue = fields["effective_from"] {
                    let datePath = path + ".effective_from"
                    if let text = string(dateValue, at: datePath) {
                        if let day = BusinessCalendar.dayNumber(ofDate: text) {
                            if let previous, day <= previous.date {
                                report(
                                    datePath,
                                    "\(text) is not after the previous version's \(previous.text); list versions "
                                        + "oldest first, one per date")
                            }
                            previous = (day, text)
                            effectiveFrom = text
                        } else {
                            report(datePath, "\(PolicyJSON.quoted(text)) is not a date (expected YYYY-MM-DD)")
                        }
                    }
                } else {
                    report(path, "missing \"effective_from\" (the date the version is in force from, YYYY-MM-DD)")
                }
                var versionChannels: [ChannelPolicy]?
                if let channelsValue = fields["channels"] {
                    versionChannels = self.channels(channelsValue, at: path + ".channels", schedules: scheduleNames)
                } else {
                    report(path, "missing \"channels\" (a version replaces the whole channel table)")
                }
                if let effectiveFrom, let versionChannels {
                    versions.append(PolicyVersion(effectiveFrom: effectiveFrom, channels: versionChannels))
                }
            }
        }

        var knownChannels: [String] = []
        for channel in channels + versions.flatMap(\.channels) where !knownChannels.contains(channel.key) {
            knownChannels.append(channel.key)
        }

        var routing: [RoutingRule] = []
        if let value = top["routing"], let entries = array(value, at: "routing") {
            for (index, entry) in entries.enumerated() {
                if let rule = routingRule(entry, at: "routing[\(index)]", channels: knownChannels) {
                    routing.append(rule)
                }
            }
        }

        var playMode: [PlayModeView] = []
        if let value = top["play_mode"], let entries = array(value, at: "play_mode") {
            for (index, entry) in entries.enumerated() {
                let path = "play_mode[\(index)]"
                guard let fields = members(entry, at: path, allowed: Self.playModeKeys) else { continue }
                let view = fields["view"].flatMap { nonEmptyString($0, at: path + ".view") }
                if fields["view"] == nil { report(path, "missing \"view\" (the Zendesk view's name)") }
                let viewChannels = fields["channels"].flatMap {
                    channelKeys($0, at: path + ".channels", known: knownChannels)
                }
                if fields["channels"] == nil { report(path, "missing \"channels\"") }
                if let view, let viewChannels { playMode.append(PlayModeView(view: view, channels: viewChannels)) }
            }
        }

        var handles: Handles?
        if let value = top["handles"], let fields = members(value, at: "handles", allowed: Self.handlesKeys) {
            let main = fields["main"].flatMap { nonEmptyString($0, at: "handles.main") }
            if fields["main"] == nil { report("handles", "missing \"main\" (the handle replies must come from)") }
            let handleChannels =
                fields["channels"].flatMap { channelKeys($0, at: "handles.channels", known: knownChannels) } ?? []
            let clients = fields["clients"].flatMap { strings($0, at: "handles.clients") } ?? ["zendesk"]
            let others = fields["others"].flatMap { strings($0, at: "handles.others") } ?? []
            if let main { handles = Handles(main: main, others: others, channels: handleChannels, clients: clients) }
        }

        let agents = top["agents"].flatMap { agentList($0, at: "agents") } ?? []
        let systemActors =
            top["system_actors"].flatMap { strings($0, at: "system_actors") } ?? Policy.builtInSystemActors

        return Policy(
            name: name, timezone: timezone, inputTimezone: inputTimezone, schedules: schedules, channels: channels,
            routing: routing, playMode: playMode, handles: handles, agents: agents, systemActors: systemActors,
            versions: versions, source: source)
    }

    // MARK: - Schedules

    mutating func schedule(_ json: PolicyJSON, at path: String, policyZone: String) -> Schedule? {
        guard let fields = members(json, at: path, allowed: Self.scheduleKeys) else { return nil }
        let timezone = fields["timezone"].flatMap { zone($0, at: path + ".timezone") } ?? policyZone
        var hours = Policy.builtInDefaultSchedule.hours
        var weekly: [Int: [ParsedSpan]] = [:]
        var valid = true
        if let value = fields["hours"] {
            hours = [:]
            if let days = orderedMembers(value, at: path + ".hours") {
                for (dayKey, ranges) in days {
                    let dayPath = Self.join(path + ".hours", dayKey)
                    guard let weekday = Self.weekdayKeys.firstIndex(of: dayKey.lowercased()).map({ $0 + 1 }) else {
                        let guess =
                            Self.weekdayKeys.first { dayKey.lowercased().hasPrefix($0) }
                            ?? EditDistance.closest(to: dayKey, among: Self.weekdayKeys)
                        report(dayPath, "unknown weekday" + Self.didYouMean(guess) + "; use mon, tue, … sun")
                        valid = false
                        continue
                    }
                    if weekly[weekday] != nil {
                        report(dayPath, "the weekday is listed twice")
                        valid = false
                    }
                    guard let spans = daySpans(ranges, at: dayPath) else {
                        valid = false
                        continue
                    }
                    weekly[weekday] = spans
                    if !spans.isEmpty { hours[weekday] = spans.map(\.interval) }
                }
                if valid, hours.isEmpty {
                    report(path + ".hours", "no working hours on any weekday; business clocks would never run")
                    valid = false
                }
                if valid { valid = weeklyOverlapsAbsent(weekly) }
            } else {
                valid = false
            }
        } else {
            weekly = hours.mapValues { $0.map { ParsedSpan(interval: $0, text: $0.text, path: "") } }
        }
        var holidays: [String] = []
        if let value = fields["holidays"], let entries = array(value, at: path + ".holidays") {
            for (index, entry) in entries.enumerated() {
                let entryPath = "\(path).holidays[\(index)]"
                guard let text = string(entry, at: entryPath) else {
                    valid = false
                    continue
                }
                if BusinessCalendar.dayNumber(ofDate: text) == nil {
                    report(entryPath, "\(PolicyJSON.quoted(text)) is not a date (expected YYYY-MM-DD)")
                    valid = false
                } else if !holidays.contains(text) {
                    holidays.append(text)
                }
            }
        }
        var dated: [Int: (date: String, spans: [ParsedSpan])] = [:]
        if let value = fields["dates"], let entries = orderedMembers(value, at: path + ".dates") {
            for (date, ranges) in entries {
                let datePath = Self.join(path + ".dates", date)
                guard let day = BusinessCalendar.dayNumber(ofDate: date) else {
                    report(datePath, "\(PolicyJSON.quoted(date)) is not a date (expected YYYY-MM-DD)")
                    valid = false
                    continue
                }
                guard let spans = daySpans(ranges, at: datePath) else {
                    valid = false
                    continue
                }
                dated[day] = (date, spans)
            }
        }
        if valid {
            valid = datedOverlapsAbsent(
                dated, weekly: weekly, holidays: Set(holidays.compactMap(BusinessCalendar.dayNumber(ofDate:))))
        }
        guard valid else { return nil }
        return Schedule(
            timezone: timezone, hours: hours, holidays: holidays.sorted(),
            dates: Dictionary(uniqueKeysWithValues: dated.values.map { ($0.date, $0.spans.map(\.interval)) }))
    }

    /// One span as written, for messages about it.
    struct ParsedSpan {
        var interval: MinuteInterval
        var text: String
        var path: String
    }

    /// The working spans of one weekday or date: an array of `"HH:MM-HH:MM"` (or one such string), sorted;
    /// nil (with the problems reported) when one is malformed or two overlap.
    mutating func daySpans(_ json: PolicyJSON, at path: String) -> [ParsedSpan]? {
        let entries: [(String, PolicyJSON)]
        switch json {
        case .string: entries = [(path, json)]
        case .array(let elements): entries = elements.enumerated().map { ("\(path)[\($0.offset)]", $0.element) }
        default:
            report(path, "expected an array of ranges such as [\"09:00-17:00\"], found \(json.kindName)")
            return nil
        }
        var parsed: [ParsedSpan] = []
        var valid = true
        for (entryPath, entry) in entries {
            guard let text = string(entry, at: entryPath) else {
                valid = false
                continue
            }
            switch Self.interval(text) {
            case .success(let interval): parsed.append(ParsedSpan(interval: interval, text: text, path: entryPath))
            case .failure(let message):
                report(entryPath, "\(PolicyJSON.quoted(text)) is not a range of hours (\(message.text))")
                valid = false
            }
        }
        parsed.sort { ($0.interval.start, $0.interval.end) < ($1.interval.start, $1.interval.end) }
        for (earlier, later) in zip(parsed, parsed.dropFirst()) where later.interval.start < earlier.interval.end {
            report(later.path, "\(PolicyJSON.quoted(later.text)) overlaps \(PolicyJSON.quoted(earlier.text))")
            valid = false
        }
        return valid ? parsed : nil
    }

    /// Reports each span that starts before a span of the previous day, running past midnight, has ended:
    /// `hours.sat[0]: "01:00-05:00" overlaps "22:00-02:00" starting on fri`. False when there is one.
    mutating func weeklyOverlapsAbsent(_ weekly: [Int: [ParsedSpan]]) -> Bool {
        var valid = true
        for weekday in 1...7 {
            let previous = weekday == 1 ? 7 : weekday - 1
            for span in weekly[weekday] ?? [] {
                for night in weekly[previous] ?? [] where span.interval.start < night.interval.end - 1440 {
                    report(
                        span.path,
                        "\(PolicyJSON.quoted(span.text)) overlaps \(PolicyJSON.quoted(night.text)) starting on "
                            + Self.weekdayKeys[previous - 1])
                    valid = false
                }
            }
        }
        return valid
    }

    /// The same check for dated days, against the spans that actually start on the day before and after
    /// (their own dated hours, none on a holiday, else their weekday's).
    mutating func datedOverlapsAbsent(
        _ dated: [Int: (date: String, spans: [ParsedSpan])], weekly: [Int: [ParsedSpan]], holidays: Set<Int>
    ) -> Bool {
        func spans(_ day: Int) -> (label: String, spans: [ParsedSpan]) {
            if let own = dated[day] { return (own.date, own.spans) }
            let weekday = CivilDateTime.isoWeekday(fromDays: day)
            return (Self.weekdayKeys[weekday - 1], holidays.contains(day) ? [] : weekly[weekday] ?? [])
        }
        var valid = true
        for day in dated.keys.sorted() {
            guard let own = dated[day] else { continue }
            let before = spans(day - 1)
            for span in own.spans {
                for night in before.spans where span.interval.start < night.interval.end - 1440 {
                    report(
                        span.path,
                        "\(PolicyJSON.quoted(span.text)) overlaps \(PolicyJSON.quoted(night.text)) starting on "
                            + before.label)
                    valid = false
                }
            }
            let after = spans(day + 1)
            // A dated day after this one reports its own overlaps.
            guard dated[day + 1] == nil else { continue }
            for night in own.spans {
                for span in after.spans where span.interval.start < night.interval.end - 1440 {
                    report(
                        night.path,
                        "\(PolicyJSON.quoted(night.text)) runs into \(PolicyJSON.quoted(span.text)) starting on "
                            + after.label)
                    valid = false
                }
            }
        }
        return valid
    }

    struct Message: Error { var text: String }

    /// Parses `HH:MM-HH:MM` (hours 0–24, `24:00` only as the end). An end before the start is on the next
    /// day (`22:00-02:00` is 1320–1560 minutes); an end equal to the start is an error.
    static func interval(_ text: String) -> Result<MinuteInterval, Message> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return .failure(Message(text: "expected \"HH:MM-HH:MM\"")) }
        guard let start = minutes(parts[0]), let end = minutes(parts[1]) else {
            return .failure(Message(text: "expected \"HH:MM-HH:MM\" with hours 00–24 and minutes 00–59"))
        }
        guard start < 1440 else { return .failure(Message(text: "a range cannot start at 24:00")) }
        guard end != start else {
            return .failure(Message(text: "the end must differ from the start; a whole day is 00:00-24:00"))
        }
        return .success(MinuteInterval(start: start, end: end > start ? end : end + 1440))
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), minute < 60,
            hour < 24 || (hour == 24 && minute == 0)
        else { return nil }
        return hour * 60 + minute
    }

    static func hasKey(_ key: String) -> (PolicyJSON) -> Bool {
        { json in
            if case .object(let members) = json { return members.contains { $0.key == key } }
            return false
        }
    }

    static func declaredScheduleNames(_ json: PolicyJSON?) -> Set<String> {
        guard case .object(let members)? = json else { return [] }
        return Set(members.map(\.key))
    }

    // MARK: - Channels

    mutating func channels(_ json: PolicyJSON, at path: String, schedules: Set<String>) -> [ChannelPolicy]? {
        guard let entries = array(json, at: path) else { return nil }
        if entries.isEmpty { report(path, "empty; a policy lists at least one channel") }
        var result: [ChannelPolicy] = []
        var seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let entryPath = "\(path)[\(index)]"
            guard let channel = channel(entry, at: entryPath, schedules: schedules) else { continue }
            if let first = seen[channel.key] {
                report(
                    entryPath + ".key", "duplicate channel \(PolicyJSON.quoted(channel.key)) (also \(path)[\(first)])")
                continue
            }
            seen[channel.key] = index
            result.append(channel)
        }
        return result
    }

    mutating func channel(_ json: PolicyJSON, at path: String, schedules: Set<String>) -> ChannelPolicy? {
        guard let fields = members(json, at: path, allowed: Self.channelKeys) else { return nil }
        guard let keyValue = fields["key"] else {
            report(path, "missing \"key\" (the channel key used in the data, e.g. \"twitter\")")
            return nil
        }
        guard let key = nonEmptyString(keyValue, at: path + ".key") else { return nil }
        if key.trimmingCharacters(in: .whitespaces) != key {
            report(path + ".key", "\(PolicyJSON.quoted(key)) has leading or trailing spaces")
        }
        var channel = ChannelPolicy(key: key)
        if let value = fields["name"], let name = nonEmptyString(value, at: path + ".name") { channel.name = name }
        if let value = fields["schedule"], let schedule = string(value, at: path + ".schedule") {
            if schedules.contains(schedule) {
                channel.schedule = schedule
            } else {
                let known = schedules.sorted()
                report(
                    path + ".schedule",
                    "\(PolicyJSON.quoted(schedule)) is not a schedule of this policy"
                        + Self.didYouMean(EditDistance.closest(to: schedule, among: known))
                        + " (known: \(known.joined(separator: ", ")))")
            }
        }
        for metric in SLAMetric.allCases {
            channel.setTarget(metric, fields[metric.key].flatMap { duration($0, at: path + "." + metric.key) })
        }
        if let value = fields["note"] { channel.note = string(value, at: path + ".note") }
        channel.resolution = fields["resolution"].flatMap { duration($0, at: path + ".resolution") }
        channel.notBefore = fields["not_before"].flatMap { duration($0, at: path + ".not_before") }
        if let notBefore = channel.notBefore {
            if let firstReply = channel.firstReply {
                if notBefore.clock == firstReply.clock, notBefore.seconds >= firstReply.seconds {
                    report(
                        path + ".not_before",
                        "\(PolicyJSON.quoted(notBefore.description)) is not shorter than first_reply "
                            + "\(PolicyJSON.quoted(firstReply.description))")
                }
            } else if fields["first_reply"] == nil {
                report(path + ".not_before", "needs a first_reply (not_before opens the first-reply window)")
            }
        }
        if let value = fields["by_priority"], let entries = orderedMembers(value, at: path + ".by_priority") {
            for (priorityKey, targetsValue) in entries {
                let priorityPath = Self.join(path + ".by_priority", priorityKey)
                let priority = priorityKey.lowercased()
                guard Self.priorityKeys.contains(priority) else {
                    report(
                        priorityPath,
                        "unknown priority"
                            + Self.didYouMean(EditDistance.closest(to: priorityKey, among: Self.priorityKeys))
                            + "; use urgent, high, normal or low")
                    continue
                }
                if channel.byPriority[priority] != nil {
                    report(priorityPath, "the priority \(priority) is listed twice")
                    continue
                }
                if let targets = priorityTargets(targetsValue, at: priorityPath, channel: channel) {
                    channel.byPriority[priority] = targets
                }
            }
        }
        if let value = fields["goal"] { channel.goals = goals(value, at: path + ".goal", channel: channel) }
        // Returned even when some field was bad, so that references to its key raise no further problems.
        return channel
    }

    mutating func priorityTargets(_ json: PolicyJSON, at path: String, channel: ChannelPolicy) -> PriorityTargets? {
        if case .string = json {
            guard let target = duration(json, at: path) else { return nil }
            var targets = PriorityTargets(firstReply: target)
            for metric in SLAMetric.allCases where metric != .firstReply && channel.target(metric) != nil {
                targets.setTarget(metric, target)
            }
            return targets
        }
        guard case .object = json else {
            report(
                path,
                "expected a duration such as \"8 business hours\" or an object of targets such as "
                    + "{ \"first_reply\": \"8 business hours\" }, found \(json.kindName)")
            return nil
        }
        guard let fields = members(json, at: path, allowed: Self.priorityTargetKeys) else { return nil }
        if case .object(let entries) = json, entries.isEmpty {
            report(path, "empty; give one or more of " + Self.priorityTargetKeys.joined(separator: ", "))
        }
        var targets = PriorityTargets()
        for metric in SLAMetric.allCases {
            targets.setTarget(metric, fields[metric.key].flatMap { duration($0, at: path + "." + metric.key) })
        }
        return targets
    }

    /// `goal`: a percentage (the first-reply goal) or an object of percentages by metric, each metric with a
    /// target in the channel or its `by_priority`.
    mutating func goals(_ json: PolicyJSON, at path: String, channel: ChannelPolicy) -> [SLAMetric: Double] {
        if case .object = json {
            var goals: [SLAMetric: Double] = [:]
            guard let entries = orderedMembers(json, at: path) else { return goals }
            if entries.isEmpty { report(path, "empty; give a percentage per metric, e.g. { \"first_reply\": 90 }") }
            for (key, value) in entries {
                let metricPath = Self.join(path, key)
                guard let metric = SLAMetric(rawValue: key) else {
                    report(
                        metricPath,
                        "unknown metric"
                            + Self.didYouMean(EditDistance.closest(to: key, among: Self.priorityTargetKeys))
                            + "; use " + Self.priorityTargetKeys.joined(separator: ", "))
                    continue
                }
                guard let goal = percentage(value, at: metricPath) else { continue }
                if !channel.hasTarget(metric) {
                    report(metricPath, "the channel has no \(key) target (set one, or one in by_priority)")
                    continue
                }
                goals[metric] = goal
            }
            return goals
        }
        guard let goal = percentage(json, at: path) else { return [:] }
        return [.firstReply: goal]
    }

    mutating func percentage(_ json: PolicyJSON, at path: String) -> Double? {
        guard case .number(let text) = json, let value = Double(text), value.isFinite else {
            report(path, "expected a percentage from 0 to 100, found \(json.kindName)")
            return nil
        }
        guard (0...100).contains(value) else {
            report(path, "\(text) is not a percentage from 0 to 100")
            return nil
        }
        return value
    }

    // MARK: - Routing

    mutating func routingRule(_ json: PolicyJSON, at path: String, channels: [String]) -> RoutingRule? {
        guard let fields = members(json, at: path, allowed: Self.routingKeys) else { return nil }
        let problemsBefore = problems.count
        var conditions: [(field: String, value: String)] = []
        if let value = fields["if"], let entries = orderedMembers(value, at: path + ".if") {
            for (field, expected) in entries {
                let fieldPath = Self.join(path + ".if", field)
                guard Self.routingFields.contains(field) else {
                    report(
                        fieldPath,
                        "unknown condition"
                            + Self.didYouMean(EditDistance.closest(to: field, among: Self.routingFields))
                            + "; use via, tag, group, priority, source or project")
                    continue
                }
                if let text = nonEmptyString(expected, at: fieldPath) { conditions.append((field, text)) }
            }
        } else if fields["if"] == nil {
            report(path, "missing \"if\" (the conditions; {} matches every record)")
        }
        var target: String?
        if let value = fields["channel"] {
            if let key = string(value, at: path + ".channel") {
                if channels.contains(key) {
                    target = key
                } else {
                    report(
                        path + ".channel",
                        "\(PolicyJSON.quoted(key)) is not a channel of this policy"
                            + Self.didYouMean(EditDistance.closest(to: key, among: channels)))
                }
            }
        } else {
            report(path, "missing \"channel\"")
        }
        guard problems.count == problemsBefore, let target else { return nil }
        return RoutingRule(conditions: conditions, channel: target)
    }

    mutating func channelKeys(_ json: PolicyJSON, at path: String, known: [String]) -> [String]? {
        guard let entries = array(json, at: path) else { return nil }
        var result: [String] = []
        for (index, entry) in entries.enumerated() {
            guard let key = string(entry, at: "\(path)[\(index)]") else { continue }
            if known.contains(key) {
                result.append(key)
            } else {
                report(
                    "\(path)[\(index)]",
                    "\(PolicyJSON.quoted(key)) is not a channel of this policy"
                        + Self.didYouMean(EditDistance.closest(to: key, among: known)))
            }
        }
        return result.count == entries.count ? result : nil
    }

    // MARK: - Scalars

    mutating func members(_ json: PolicyJSON, at path: String, allowed: [String]) -> [String: PolicyJSON]? {
        guard let entries = orderedMembers(json, at: path) else { return nil }
        var result: [String: PolicyJSON] = [:]
        for (key, value) in entries {
            if allowed.contains(key) {
                result[key] = value
            } else {
                report(
                    Self.join(path, key),
                    "unknown key" + Self.didYouMean(EditDistance.closest(to: key, among: allowed)))
            }
        }
        return result
    }

    mutating func orderedMembers(_ json: PolicyJSON, at path: String) -> [(key: String, value: PolicyJSON)]? {
        guard case .object(let entries) = json else {
            report(
                path,
                (path.isEmpty ? "the policy must be a JSON object" : "expected an object") + ", found \(json.kindName)")
            return nil
        }
        return entries
    }

    mutating func array(_ json: PolicyJSON, at path: String) -> [PolicyJSON]? {
        guard case .array(let elements) = json else {
            report(path, "expected an array, found \(json.kindName)")
            return nil
        }
        return elements
    }

    mutating func string(_ json: PolicyJSON, at path: String) -> String? {
        guard case .string(let text) = json else {
            report(path, "expected a string, found \(json.kindName)")
            return nil
        }
        return text
    }

    mutating func nonEmptyString(_ json: PolicyJSON, at path: String) -> String? {
        guard let text = string(json, at: path) else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            report(path, "must not be empty")
            return nil
        }
        return text
    }

    mutating func strings(_ json: PolicyJSON, at path: String) -> [String]? {
        guard let entries = array(json, at: path) else { return nil }
        let result = entries.enumerated().compactMap { string($0.element, at: "\(path)[\($0.offset)]") }
        return result.count == entries.count ? result : nil
    }

    /// `agents`: each a name, or `{ "name": …, "aliases": [ … ] }`.
    mutating func agentList(_ json: PolicyJSON, at path: String) -> [PolicyAgent]? {
        guard let entries = array(json, at: path) else { return nil }
        var agents: [PolicyAgent] = []
        for (index, entry) in entries.enumerated() {
            let at = "\(path)[\(index)]"
            switch entry {
            case .string:
                if let name = nonEmptyString(entry, at: at) { agents.append(PolicyAgent(name: name)) }
            case .object:
                guard let fields = members(entry, at: at, allowed: Self.agentKeys) else { continue }
                guard let nameValue = fields["name"] else {
                    report(at, "missing \"name\" (how the report names the person)")
                    continue
                }
                let name = nonEmptyString(nameValue, at: at + ".name")
                let aliases = fields["aliases"].flatMap { strings($0, at: at + ".aliases") } ?? []
                if let name { agents.append(PolicyAgent(name: name, aliases: aliases)) }
            default:
                report(at, "expected a name or {\"name\": …, \"aliases\": […]}, found \(entry.kindName)")
            }
        }
        return agents.count == entries.count ? agents : nil
    }

    mutating func duration(_ json: PolicyJSON, at path: String) -> SLADuration? {
        guard case .string(let text) = json else {
            report(path, "expected a duration such as \"8 business hours\", found \(json.kindName)")
            return nil
        }
        do {
            return try SLADuration.parse(text)
        } catch {
            report(path, error.description)
            return nil
        }
    }

    mutating func zone(_ json: PolicyJSON, at path: String) -> String? {
        guard let identifier = string(json, at: path) else { return nil }
        guard ZoneClock(identifier: identifier) != nil else {
            let known = TimeZone.knownTimeZoneIdentifiers.sorted()
            report(
                path,
                "\(PolicyJSON.quoted(identifier)) is not a known IANA time zone"
                    + Self.didYouMean(EditDistance.closest(to: identifier, among: known)))
            return nil
        }
        return identifier
    }

    // MARK: - Paths and suggestions

    /// `path.key`, or `path["key"]` when the key is not a plain identifier.
    static func join(_ path: String, _ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
                    || $0 == "-"
            }
        if plain { return path.isEmpty ? key : "\(path).\(key)" }
        return "\(path)[\(PolicyJSON.quoted(key))]"
    }

    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \(PolicyJSON.quoted($0))?)" } ?? ""
    }
}
