extension Policy {
    /// The normalised policy as pretty, deterministic JSON that ``decode(_:source:)`` reads back to an equal
    /// policy (all but ``source``); `slareport policy` prints it.
    ///
    /// Layout: 2-space indentation, a trailing newline, containers of scalars on one line when that line
    /// stays within 100 characters. Keys in this order:
    /// - top level: `name`, `timezone`, `input_timezone`, `schedules`, `channels`, `routing`, `play_mode`,
    ///   `handles` (left out when there are none), `agents`, `system_actors`, `versions`;
    /// - schedules by name, `default` first; each `timezone`, `hours` (`mon` … `sun`, days without hours left
    ///   out), `dates` (by date; left out when there are none), `holidays` (sorted);
    /// - channels in policy order; each `key`, `name`, `schedule` (left out when `default`), `first_reply`,
    ///   `next_reply`, `requester_wait`, `agent_work`, `periodic_update`, `resolution`, `not_before`, `goal`
    ///   (a number when only first reply has one, else an object by metric), `by_priority` (`urgent`,
    ///   `high`, `normal`, `low`, each an object of the targets it replaces), `note`; absent ones left out;
    /// - routing rules in order, `if` (conditions in rule order) then `channel`; play-mode views `view`,
    ///   `channels`; handles `main`, `others` (left out when empty), `channels`, `clients`; agents as a name, or
    ///   `{ "name", "aliases" }` when they have aliases; versions `effective_from`, `channels`.
    public func jsonText() -> String {
        jsonValue.pretty() + "\n"
    }

    var jsonValue: PolicyJSON {
        var top: [(key: String, value: PolicyJSON)] = [
            ("name", .string(name)),
            ("timezone", .string(timezone)),
            ("input_timezone", .string(inputTimezone)),
        ]
        let scheduleNames = schedules.keys.sorted { ($0 == "default" ? 0 : 1, $0) < ($1 == "default" ? 0 : 1, $1) }
        top.append(
            ("schedules", .object(scheduleNames.compactMap { name in schedules[name].map { (name, $0.jsonValue) } })))
        top.append(("channels", .array(channels.map(\.jsonValue))))
        top.append(("routing", .array(routing.map(\.jsonValue))))
        top.append(
            (
                "play_mode",
                .array(playMode.map { .object([("view", .string($0.view)), ("channels", .strings($0.channels))]) })
            ))
        if let handles {
            top.append(
                (
                    "handles",
                    .object(
                        [("main", .string(handles.main))]
                            + (handles.others.isEmpty ? [] : [("others", .strings(handles.others))])
                            + [("channels", .strings(handles.channels)), ("clients", .strings(handles.clients))])
                ))
        }
        top.append(
            (
                "agents",
                .array(
                    agents.map {
                        $0.aliases.isEmpty
                            ? .string($0.name)
                            : .object([("name", .string($0.name)), ("aliases", .strings($0.aliases))])
                    })
            ))
        top.append(("system_actors", .strings(systemActors)))
        top.append(
            (
                "versions",
                .array(
                    versions.map {
                        .object([
                            ("effective_from", .string($0.effectiveFrom)),
                            ("channels", .array($0.channels.map(\.jsonValue))),
                        ])
                    })
            ))
        return .object(top)
    }
}

extension PolicyJSON {
    static func strings(_ values: [String]) -> PolicyJSON { .array(values.map { .string($0) }) }
}

extension Schedule {
    var jsonValue: PolicyJSON {
        var days: [(key: String, value: PolicyJSON)] = []
        for (index, name) in PolicyDecoder.weekdayKeys.enumerated() {
            guard let intervals = hours[index + 1], !intervals.isEmpty else { continue }
            days.append((name, .strings(intervals.map(\.text))))
        }
        var fields: [(key: String, value: PolicyJSON)] = [("timezone", .string(timezone)), ("hours", .object(days))]
        if !dates.isEmpty {
            fields.append(("dates", .object(dates.keys.sorted().map { ($0, .strings((dates[$0] ?? []).map(\.text))) })))
        }
        fields.append(("holidays", .strings(holidays.sorted())))
        return .object(fields)
    }
}

extension MinuteInterval {
    /// `HH:MM-HH:MM`: an end past midnight is written as the next day's wall time (`22:00-02:00`), an end
    /// at midnight as `24:00`.
    public var text: String {
        func clock(_ minutes: Int) -> String {
            CivilDateTime.pad(minutes / 60, 2) + ":" + CivilDateTime.pad(minutes % 60, 2)
        }
        return clock(start) + "-" + clock(end > 1440 ? end - 1440 : end)
    }
}

extension ChannelPolicy {
    var jsonValue: PolicyJSON {
        var fields: [(key: String, value: PolicyJSON)] = [("key", .string(key)), ("name", .string(name))]
        if schedule != "default" { fields.append(("schedule", .string(schedule))) }
        var targets: [(String, SLADuration?)] = SLAMetric.allCases.map { ($0.key, target($0)) }
        targets += [("resolution", resolution), ("not_before", notBefore)]
        for (field, duration) in targets {
            if let duration { fields.append((field, .string(duration.description))) }
        }
        if let goal, goals.count == 1 {
            fields.append(("goal", .number(ChannelPolicy.numberText(goal))))
        } else if !goals.isEmpty {
            let members = SLAMetric.allCases.compactMap { metric in
                goals[metric].map { (metric.key, PolicyJSON.number(ChannelPolicy.numberText($0))) }
            }
            fields.append(("goal", .object(members)))
        }
        if !byPriority.isEmpty {
            var priorities: [(key: String, value: PolicyJSON)] = []
            for priority in PolicyDecoder.priorityKeys {
                guard let entry = byPriority[priority] else { continue }
                let members = SLAMetric.allCases.compactMap { metric in
                    entry.target(metric).map { (metric.key, PolicyJSON.string($0.description)) }
                }
                priorities.append((priority, .object(members)))
            }
            fields.append(("by_priority", .object(priorities)))
        }
        if let note { fields.append(("note", .string(note))) }
        return .object(fields)
    }

    /// A goal as JSON: whole numbers without a fraction, others in Swift's shortest round-trip form.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension RoutingRule {
    var jsonValue: PolicyJSON {
        .object([
            ("if", .object(conditions.map { ($0.field, .string($0.value)) })), ("channel", .string(channel)),
        ])
    }
}
