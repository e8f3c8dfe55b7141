/// The whole run after ingest: group → measure → rule checks → aggregate, plus the record accounting.
///
/// ```
/// EventLog → Grouping → [TicketTimeline] → Measurer → [TicketMeasurement] ┐
///                                        → ChannelRules → findings        ├→ Aggregator → ReportModel
///                          record fates → DataQuality                     ┘
/// ```
public enum Pipeline {
    /// The report and what the CLI needs to choose its exit code.
    public struct Result: Sendable {
        public var model: ReportModel
        /// Some channel with a target is below its goal or `--fail-under`.
        public var gateFailed: Bool
        /// No record at all was usable (exit 65).
        public var nothingUsable: Bool
        /// Every channel key found in the data (selected or not), sorted.
        public var dataChannels: [String]
    }

    /// Runs the stages on an ingested log (its events are consumed).
    public static func run(_ log: inout EventLog, request: ReportRequest) -> Result {
        let policy = request.policy
        var newest = Instant(seconds: Int64.min)
        let noRejections = log.rejections.isEmpty
        for event in log.events where event.at > newest && (noRejections || log.rejections[event.record] == nil) {
            newest = event.at
        }
        let asOf = request.asOf ?? (newest.seconds == Int64.min ? Instant(seconds: 0) : newest)
        let since = request.since?.resolve(asOf: asOf)
        let until = request.until?.resolve(asOf: asOf)

        promoteCommentsByAgents(&log, policy: policy)
        let symbols = log.symbols
        var urls: [Symbol: String] = [:]
        for (ticket, attributes) in log.ticketAttributes {
            if let url = attributes.url { urls[ticket] = url }
        }
        let dataChannels: [String]
        let quality: DataQuality
        let measurements: [TicketMeasurement]
        let repliesByAgent: [Symbol: Int]
        let previous: [String: PreviousWindow]?
        let rules: ChannelRuleResult
        let excluded: Set<Symbol>
        // The timelines (all events) are needed up to here only: they are released before aggregation.
        do {
            let grouped = Grouping.group(&log)
            dataChannels = Set(grouped.timelines.map(\.channel)).map { symbols[$0] }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
            let selected = request.channels.map { Set($0.compactMap { symbols.lookup($0) }) }

            func inWindow(_ t: TicketTimeline, from: Instant?, to: Instant?) -> Bool {
                if let from, t.created < from { return false }
                if let to, t.created >= to { return false }
                if t.created > asOf { return false }
                if let selected, !selected.contains(t.channel) { return false }
                return true
            }

            let timelines = grouped.timelines
            let systemActors = Set(policy.systemActors.compactMap { symbols.lookup($0) })

            // The rule checks and the measurements read the same timelines and nothing of each other: they run
            // side by side, and each hands back its own results.
            let (checked, measured) = Parallel.both(
                { () -> (excluded: Set<Symbol>, rules: ChannelRuleResult) in
                    let excluded = ChannelRules.disqusReplyTickets(
                        timelines: timelines, symbols: symbols, policy: policy, asOf: asOf)
                    let rules = ChannelRules.evaluate(
                        ChannelRuleInput(
                            timelines: timelines, symbols: symbols, policy: policy, since: since, until: until,
                            asOf: asOf, channels: request.channels.map(Set.init), urls: urls))
                    return (excluded, rules)
                },
                {
                    () -> (
                        measurer: Measurer, measurements: [TicketMeasurement], replies: [Symbol: Int],
                        fates: [RecordFate]
                    ) in
                    // Agents: authors of replies anywhere in the data, plus the policy's list.
                    var agents = Set(policy.agents.compactMap { symbols.lookup($0) })
                    for t in timelines {
                        for e in t.events where e.kind == .reply && !e.actor.isNone && !systemActors.contains(e.actor) {
                            agents.insert(e.actor)
                        }
                    }
                    agents.remove(.none)
                    let measurer = Measurer(policy: policy, symbols: symbols, agents: agents, asOf: asOf)
                    var measurements: [TicketMeasurement] = []
                    var repliesByAgent: [Symbol: Int] = [:]
                    var fates = grouped.fates
                    for t in timelines {
                        let reported = inWindow(t, from: since, to: until)
                        for e in t.events {
                            let fate: RecordFate = (reported && e.at <= asOf) ? .used : .outOfWindow
                            let r = Int(e.record)
                            if fates[r] != .rejected && fates[r] < fate { fates[r] = fate }
                        }
                        guard reported else { continue }
                        measurements.append(measurer.measure(t))
                        for e in t.events where e.kind == .reply && e.at <= asOf && !systemActors.contains(e.actor) {
                            repliesByAgent[e.actor, default: 0] += 1
                        }
                    }
                    return (measurer, measurements, repliesByAgent, fates)
                })
            excluded = checked.excluded
            let measurer = measured.measurer
            measurements = measured.measurements
            repliesByAgent = measured.replies
            let fates = measured.fates

            // Trend: the window of equal length just before this one.
            var previousCounts: [String: PreviousWindow]?
            if let since {
                let length = (until ?? asOf).seconds - since.seconds
                let from = since.adding(seconds: -length)
                var counts: [Symbol: (tickets: Int, achieved: Int, judged: Int)] = [:]
                for t in timelines where length > 0 && inWindow(t, from: from, to: since) {
                    let m = measurer.measure(t)
                    var c = counts[t.channel] ?? (0, 0, 0)
                    c.tickets += 1
                    if !excluded.contains(t.ticket) {
                        switch m.outcome {
                        case .achieved:
                            c.achieved += 1
                            c.judged += 1
                        case .breached, .early: c.judged += 1
                        case .pending, nil: break
                        }
                    }
                    counts[t.channel] = c
                }
                if !counts.isEmpty {
                    var map: [String: PreviousWindow] = [:]
                    for (channel, c) in counts {
                        map[symbols[channel]] = PreviousWindow(
                            tickets: c.tickets, attainment: Percent(c.achieved, of: c.judged), judged: c.judged)
                    }
                    previousCounts = map
                }
            }
            previous = previousCounts
            rules = checked.rules
            quality = dataQuality(
                log: log, fates: fates, rejections: grouped.rejections, unrecognised: request.unrecognised)
        }
        let input = Aggregator.Input(
            symbols: symbols, policy: policy, window: ReportWindow(since: since, until: until, asOf: asOf),
            selectedChannels: request.channels, failUnder: request.failUnder, measurements: measurements,
            previous: previous, rules: rules, excluded: excluded, repliesByAgent: repliesByAgent,
            dataQuality: quality, urls: urls, toolVersion: request.toolVersion)
        let model = Aggregator.aggregate(input)
        return Result(
            model: model, gateFailed: model.channels.contains { $0.failsGate },
            nothingUsable: quality.totals.used + quality.totals.outOfWindow == 0, dataChannels: dataChannels)
    }

    /// Formats whose exports do not say who is staff: a post there is read as a `comment` unless the policy
    /// names its author in `agents`.
    static let communityFormats: Set<String> = ["discourse", "stackexchange", "gitlab-issues", "gitlab-notes"]

    /// On forums, Stack Exchange and GitLab, a post by somebody who replies as an agent anywhere in the inputs
    /// (or is in the policy's `agents`) is a reply: the team answers there under the same names. Names match
    /// loosely (``nameKey(_:)``), so the Zendesk agent "Chloe Martin" is the GitLab user `chloe.martin`.
    static func promoteCommentsByAgents(_ log: inout EventLog, policy: Policy) {
        let community = Set(
            log.files.indices.filter { communityFormats.contains(log.files[$0].format) }.map { UInt32($0) })
        guard !community.isEmpty else { return }
        let system = Set(policy.systemActors.map(nameKey))
        var agents = Set(policy.agents.map(nameKey))
        var seen = Set<Symbol>()
        for e in log.events where e.kind == .reply && !e.actor.isNone && seen.insert(e.actor).inserted {
            let key = nameKey(log.symbols[e.actor])
            if !system.contains(key) { agents.insert(key) }
        }
        agents.remove("")
        guard !agents.isEmpty else { return }
        var isAgent: [Symbol: Bool] = [:]
        for i in log.events.indices where log.events[i].kind == .comment {
            let actor = log.events[i].actor
            guard !actor.isNone, community.contains(log.recordFile[Int(log.events[i].record)]) else { continue }
            let agent = isAgent[actor] ?? agents.contains(nameKey(log.symbols[actor]))
            isAgent[actor] = agent
            if agent { log.events[i].kind = .reply }
        }
    }

    /// A person's name for matching across systems: lower-cased, with runs of spaces, dots, dashes and
    /// underscores made one dot, and a leading `@` dropped (`Chloe Martin`, `chloe_martin`, `@chloe.martin`).
    static func nameKey(_ name: String) -> String {
        var key = ""
        var pendingDot = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar == " " || scalar == "." || scalar == "-" || scalar == "_" || scalar == "\t" {
                pendingDot = !key.isEmpty
                continue
            }
            if scalar == "@", key.isEmpty { continue }
            if pendingDot { key.append(".") }
            pendingDot = false
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// Puts every record into its bucket, per file and in total.
    static func dataQuality(
        log: EventLog, fates: [RecordFate], rejections: [UInt32: String], unrecognised: [RejectedRecord]
    ) -> DataQuality {
        var perFile = [QualityCounts](repeating: QualityCounts(), count: log.files.count)
        var rejected: [RejectedRecord] = []
        for record in 0..<log.recordCount {
            let file = Int(log.recordFile[record])
            perFile[file].read += 1
            var fate = fates[record]
            if log.rejections[UInt32(record)] != nil { fate = .rejected }
            if fate == .unknown { fate = log.supersededRecords.contains(UInt32(record)) ? .duplicate : .used }
            switch fate {
            case .used, .unknown: perFile[file].used += 1
            case .duplicate: perFile[file].duplicates += 1
            case .outOfWindow: perFile[file].outOfWindow += 1
            case .rejected:
                perFile[file].rejected += 1
                let reason = log.rejections[UInt32(record)] ?? rejections[UInt32(record)] ?? "rejected"
                rejected.append(
                    RejectedRecord(path: log.files[file].path, line: Int(log.recordLine[record]), reason: reason))
            }
        }
        var files = zip(log.files, perFile).map { FileQuality(path: $0.path, format: $0.format, counts: $1) }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var totals = QualityCounts()
        for f in files {
            totals.read += f.counts.read
            totals.used += f.counts.used
            totals.duplicates += f.counts.duplicates
            totals.outOfWindow += f.counts.outOfWindow
            totals.rejected += f.counts.rejected
        }
        rejected.sort {
            if $0.path != $1.path { return $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            if $0.line != $1.line { return $0.line < $1.line }
            return $0.reason.utf8.lexicographicallyPrecedes($1.reason.utf8)
        }
        if rejected.count > DataQuality.rejectedListLimit {
            rejected.removeLast(rejected.count - DataQuality.rejectedListLimit)
        }
        return DataQuality(files: files, totals: totals, rejected: rejected, unrecognised: unrecognised)
    }
}
