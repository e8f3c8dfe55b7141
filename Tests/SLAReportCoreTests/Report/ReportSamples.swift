@testable import SLAReportCore

/// Hand-made report models for the render tests: a tiny one with hand-written expected output, and a
/// sample with every section filled and hostile strings everywhere.
enum ReportSamples {
    /// Strings an attacker could put in ticket ids, agent names, reasons, paths.
    static let hostile = [
        "<script>alert(1)</script>", "\" onmouseover=\"x", "| pipes |", "`tick` ``two``", "*bold* _it_ [x](y) # h",
        "line1\nline2\r\nline3\rline4\u{2028}end", "=SUM(A1)", "+1", "-2", "@x", "\tTab", "&lt;b&gt; &#124;",
        "'single' \\ back", "<img src=x onerror=alert(1)>",
    ]

    /// `2016-11-14T00:00:00Z` plus `seconds`.
    static func at(_ seconds: Int64) -> Instant {
        Instant(seconds: CivilDateTime(year: 2016, month: 11, day: 14).utcSeconds + seconds)
    }

    static func stats(_ p50: Int64, _ p90: Int64, _ p95: Int64, _ max: Int64, _ mean: Int64, count: Int = 5)
        -> DurationStats
    {
        DurationStats(count: count, p50: p50, p90: p90, p95: p95, max: max, mean: mean)
    }

    // MARK: Tiny

    /// A two-channel model small enough to write its JSON and Markdown summary by hand.
    static var tiny: ReportModel {
        let t = ChannelSummary(
            key: "t", name: "T", tickets: 3,
            firstReply: ReplySummary(
                target: "1 business day", goal: Percent(value: 90), replied: 2, achieved: 1, breached: 1,
                openOverdue: 0, pending: 1, early: 0, attainment: Percent(1, of: 2),
                calendar: stats(4320, 90000, 90000, 90000, 47160, count: 2),
                business: stats(4320, 28800, 28800, 28800, 16560, count: 2)),
            nextReply: nil,
            resolution: ResolutionSummary(
                solved: 1, reopens: 0, firstCalendar: stats(7200, 7200, 7200, 7200, 7200, count: 1),
                fullCalendar: .empty),
            previous: nil, failsGate: true, frtHistogram: [0, 1, 0, 0, 1, 0, 0, 0])
        let x = ChannelSummary(
            key: "x", name: "X", tickets: 2,
            firstReply: ReplySummary(
                target: nil, goal: Percent(value: 90), replied: 1, achieved: nil, breached: nil, openOverdue: nil,
                pending: nil, early: nil, attainment: nil, calendar: stats(60, 60, 60, 60, 60, count: 1),
                business: nil),
            nextReply: nil,
            resolution: ResolutionSummary(solved: 0, reopens: 0, firstCalendar: .empty, fullCalendar: .empty),
            previous: PreviousWindow(tickets: 1, attainment: Percent(hundredths: 9250)), failsGate: false,
            frtHistogram: [1, 0, 0, 0, 0, 0, 0, 0])
        return withDerivedSections(
            ReportModel(
                toolVersion: "0.1.0",
                window: ReportWindow(since: nil, until: nil, asOf: at(7 * 86_400), asOfSource: "in/e.csv:9"),
                policy: PolicyInfo(name: "P \"q\"\u{1}", source: "built-in", versions: ["2017-01-01"]),
                channels: [t, x],
                rules: RuleFindings(skips: [
                    SkipFinding(ticket: "t-1", channel: "t", agent: "ann", at: at(3600), reason: "a\nb\tc")
                ]),
                breaches: [
                    BreachRow(
                        ticket: "t-2", channel: "t", created: at(0), deadline: at(86_400), firstReply: nil,
                        lateBySeconds: 518_400, assignee: nil, url: "https://example.com/t/2")
                ],
                agents: [
                    AgentRow(
                        agent: "ann", replies: 2, firstReplies: 1, frtP50Seconds: nil, breachedAssigned: 0, skips: 1,
                        passedOverTakes: 0, crossAssignments: 0)
                ],
                dataQuality: DataQuality(
                    files: [
                        FileQuality(
                            path: "in/e.csv", format: "canonical-events",
                            counts: QualityCounts(read: 10, used: 7, duplicates: 1, outOfWindow: 1, rejected: 1))
                    ],
                    totals: QualityCounts(read: 10, used: 7, duplicates: 1, outOfWindow: 1, rejected: 1),
                    rejected: [RejectedRecord(path: "in/e.csv", line: 4, reason: "no created event")],
                    unrecognised: [],
                    warnings: [RejectedRecord(path: "in/e.csv", line: 6, reason: "text after a closing quote")]),
                warnings: [ReportWarning(kind: .nobodyOnTeam, channel: "x", message: "X: 2 tickets, nobody")],
                daily: [], tickets: []))
    }

    // MARK: Full sample

    /// Every section filled: four channels (one without a target, one with a goal and a gate failure, an
    /// unknown channel with a hostile key), findings of every rule (more skips than the list cap), breaches
    /// beyond the cap with `javascript:` and `https:` URLs, and hostile strings in every text field.
    static var sample: ReportModel {
        let h = hostile
        func pick(_ i: Int) -> String { h[i % h.count] }
        let emergency = ChannelSummary(
            key: "emergency", name: "Emergency tickets", tickets: 10,
            firstReply: ReplySummary(
                target: "30 minutes", goal: nil, replied: 9, achieved: 8, breached: 2, openOverdue: 1, pending: 0,
                early: 0, attainment: Percent(8, of: 10), calendar: stats(900, 2400, 3000, 5400, 1300),
                business: nil),
            nextReply: nil,
            resolution: ResolutionSummary(
                solved: 8, reopens: 1, firstCalendar: stats(7200, 20000, 30000, 40000, 9000),
                fullCalendar: stats(9000, 30000, 40000, 50000, 12000)),
            previous: PreviousWindow(tickets: 8, attainment: Percent(hundredths: 7750), judged: 8), failsGate: false,
            frtHistogram: [8, 1, 0, 0, 0, 0, 0, 0])
        let twitter = ChannelSummary(
            key: "twitter", name: "Twitter", tickets: 120,
            firstReply: ReplySummary(
                target: "1 business day", goal: Percent(value: 90), replied: 115, achieved: 100, breached: 12,
                openOverdue: 2, pending: 3, early: 0, attainment: Percent(100, of: 112),
                calendar: stats(3600, 40000, 60000, 200_000, 9000), business: stats(3600, 30000, 41000, 90000, 7000)),
            nextReply: ReplySummary(
                target: "8 business hours", goal: nil, replied: 40, achieved: 35, breached: 5, openOverdue: 1,
                pending: 2, early: 0, attainment: Percent(35, of: 40), calendar: stats(5000, 30000, 35000, 80000, 9000),
                business: stats(4000, 20000, 25000, 28000, 6000)),
            resolution: ResolutionSummary(
                solved: 110, reopens: 4, firstCalendar: stats(20000, 90000, 100_000, 300_000, 30000),
                fullCalendar: stats(25000, 95000, 110_000, 400_000, 35000)),
            previous: PreviousWindow(tickets: 98, attainment: Percent(hundredths: 9250), judged: 95), failsGate: true,
            frtHistogram: [40, 30, 20, 15, 6, 3, 1, 0])
        let forum = ChannelSummary(
            key: "forum", name: "GitLab Forum", tickets: 30,
            firstReply: ReplySummary(
                target: "14 days", goal: nil, replied: 25, achieved: 20, breached: 1, openOverdue: 0, pending: 5,
                early: 4, attainment: Percent(20, of: 25),
                calendar: stats(300_000, 900_000, 1_000_000, 1_300_000, 400_000),
                business: nil),
            nextReply: nil,
            resolution: ResolutionSummary(solved: 20, reopens: 0, firstCalendar: .empty, fullCalendar: .empty),
            previous: nil, failsGate: false, frtHistogram: [2, 0, 0, 1, 0, 10, 8, 4])
        let unknown = ChannelSummary(
            key: h[0], name: h[0], tickets: 3,
            firstReply: ReplySummary(
                target: nil, goal: nil, replied: 0, achieved: nil, breached: nil, openOverdue: nil, pending: nil,
                early: nil, attainment: nil, calendar: .empty, business: nil),
            nextReply: nil,
            resolution: ResolutionSummary(solved: 0, reopens: 0, firstCalendar: .empty, fullCalendar: .empty),
            previous: nil, failsGate: false, frtHistogram: [0, 0, 0, 0, 0, 0, 0, 0])

        let skips = (0..<27).map {
            SkipFinding(
                ticket: "twitter:\(100 + $0)", channel: "twitter", agent: pick($0), at: at(Int64($0) * 600),
                reason: pick($0 + 3))
        }
        let rules = RuleFindings(
            skips: skips,
            passedOver: [
                PassedOverFinding(
                    ticket: "twitter:200", channel: "twitter", agent: h[1], at: at(5000), count: 7,
                    oldest: ["twitter:150", h[2], "twitter:152", "twitter:153", "twitter:154"])
            ],
            crossAssignments: [
                CrossAssignmentFinding(ticket: h[3], channel: "twitter", by: h[4], to: h[5], at: at(7000))
            ],
            wrongHandle: [
                ReplyFinding(ticket: "twitter:300", channel: "twitter", agent: h[6], at: at(8000), via: "@GitLabStatus")
            ],
            outsideZendesk: [
                ReplyFinding(ticket: "twitter:301", channel: "twitter", agent: h[7], at: at(8100), via: h[13])
            ],
            duplicateResponses: [
                DuplicateResponseFinding(
                    ticket: "twitter:302", channel: "twitter", firstAgent: h[8], secondAgent: h[9], firstAt: at(9000),
                    secondAt: at(9240))
            ],
            disqusReplyTicketsUnsolved: [
                TicketFinding(
                    ticket: "disqus:1", channel: "disqus", created: at(100), requester: h[10],
                    url: "javascript:alert(1)"),
                TicketFinding(
                    ticket: "disqus:2", channel: "disqus", created: at(200), requester: h[11],
                    url: "https://disqus.example/t/2?a=1&b=(2)|x"),
            ],
            earlyReplies: [
                EarlyReplyFinding(
                    ticket: "forum:9", channel: "forum", agent: h[12], created: at(0), firstReply: at(3600),
                    frtSeconds: 3600)
            ])

        var breaches: [BreachRow] = []
        for i in 0..<22 {
            let url: String? =
                switch i {
                case 0: "javascript:alert(document.cookie)"
                case 1: "https://gitlab.zendesk.example/agent/tickets/1"
                case 2: "JaVaScRiPt:alert(1)"
                case 3: "data:text/html,<script>alert(1)</script>"
                case 4: "HTTPS://EXAMPLE.COM/X\"onmouseover=\"x"
                default: nil
                }
            breaches.append(
                BreachRow(
                    ticket: i == 5 ? h[0] : "twitter:\(1000 + i)", channel: "twitter", created: at(Int64(i) * 3600),
                    deadline: at(Int64(i) * 3600 + 86_400),
                    firstReply: i % 3 == 0 ? nil : at(Int64(i) * 3600 + 100_000),
                    lateBySeconds: Int64(200_000 - i * 1000), assignee: i % 2 == 0 ? pick(i) : nil, url: url))
        }
        breaches.append(
            BreachRow(
                ticket: "emergency:1", channel: "emergency", created: at(100), deadline: at(1900), firstReply: nil,
                lateBySeconds: 600_000, assignee: "Bob", url: nil))

        let agents = h.enumerated().map { index, name in
            AgentRow(
                agent: name, replies: 10 + index, firstReplies: index,
                frtP50Seconds: index == 0 ? nil : Int64(index * 1000),
                breachedAssigned: index % 3, skips: index % 2, passedOverTakes: index % 4 == 0 ? 1 : 0,
                crossAssignments: index % 5 == 0 ? 1 : 0)
        }

        let files = [
            FileQuality(
                path: "exports/events.csv", format: "canonical-events",
                counts: QualityCounts(read: 900, used: 850, duplicates: 20, outOfWindow: 20, rejected: 10)),
            FileQuality(
                path: "exports/\(h[2]).json", format: "zendesk-incremental",
                counts: QualityCounts(read: 100, used: 90, duplicates: 0, outOfWindow: 0, rejected: 10)),
        ]
        let rejected = (0..<20).map { RejectedRecord(path: "exports/events.csv", line: 10 + $0, reason: pick($0)) }
        let dataQuality = DataQuality(
            files: files, totals: QualityCounts(read: 1000, used: 940, duplicates: 20, outOfWindow: 20, rejected: 20),
            rejected: rejected,
            unrecognised: [RejectedRecord(path: "exports/\(h[4]).txt", line: 0, reason: "not a known export: \(h[0])")])

        let daily = (0..<7).map { day -> DailyPoint in
            let tickets = [20, 34, 28, 25, 30, 8, 5][day]
            let breached = [1, 5, 2, 0, 3, 1, 0][day]
            let achieved = tickets - breached - (day == 6 ? tickets : 0)
            return DailyPoint(
                date: "2016-11-\(14 + day)", tickets: tickets, achieved: max(achieved, 0), breached: breached, early: 0,
                attainment: day == 6 ? nil : Percent(achieved, of: achieved + breached))
        }

        let tickets = h.enumerated().map { index, text in
            TicketRow(
                ticket: text, channel: "twitter", priority: index % 2 == 0 ? "normal" : nil,
                created: at(Int64(index) * 60),
                firstReply: index % 3 == 0 ? nil : at(Int64(index) * 60 + 500), frtSeconds: index % 3 == 0 ? nil : 500,
                frtBusinessSeconds: index % 3 == 0 ? nil : 400, target: "1 business day",
                deadline: at(Int64(index) * 60 + 86_400), outcome: index % 3 == 0 ? "pending" : "achieved",
                assignee: pick(index + 1), flags: index % 2 == 0 ? ["skipped", "passed_over"] : [])
        }

        return ReportModel(
            toolVersion: "0.1.0",
            window: ReportWindow(since: at(0), until: at(7 * 86_400), asOf: at(7 * 86_400 + 3600)),
            policy: PolicyInfo(
                name: "GitLab Support (late 2016) \(h[0])", source: "policies/\(h[1]).policy.json",
                versions: ["2017-01-01"]),
            channels: [emergency, twitter, forum, unknown], rules: rules, breaches: breaches, agents: agents,
            dataQuality: dataQuality, daily: daily, tickets: TicketRows(tickets))
    }

    /// ``sample`` with the sections of issue 11 filled: `--fail-under 85`, Twitter's priorities (one of them
    /// hostile), 23 at-risk tickets (more than the cap; an `https` and a `javascript:` URL), three weeks of
    /// history, the daily volume, and the derived bands, gates, trends and story.
    static var sectioned: ReportModel {
        let h = hostile
        func pick(_ i: Int) -> String { h[i % h.count] }
        var model = sample
        model.failUnder = Percent(value: 85)
        model.channels[1].byPriority = [
            PriorityAttainment(
                priority: "high", target: "8 business hours", tickets: 50, achieved: 40, breached: 8, openOverdue: 1,
                pending: 2, early: 0, attainment: Percent(40, of: 48), failsGate: true),
            PriorityAttainment(
                priority: h[0], target: nil, tickets: 70, achieved: 60, breached: 4, openOverdue: 0, pending: 1,
                early: 0, attainment: Percent(60, of: 64), failsGate: false),
        ]
        model.atRisk = (0..<23).map { i in
            AtRiskRow(
                ticket: i == 1 ? h[0] : "twitter:\(500 + i)", channel: "twitter", priority: i % 2 == 0 ? "high" : nil,
                created: at(6 * 86_400 + Int64(i) * 60), deadline: at(7 * 86_400 + 3600 + Int64(i) * 600),
                secondsLeft: Int64(i) * 600, target: "1 business day", assignee: i % 3 == 0 ? nil : pick(i),
                url: i == 0 ? "https://gitlab.zendesk.example/agent/tickets/500" : (i == 2 ? "javascript:x" : nil))
        }
        model.weeks = [
            HistoryWeek(
                week: "2016-W45", start: "2016-11-07", tickets: 150, achieved: 120, breached: 20, early: 2,
                openOverdue: 5, pending: 0, attainment: Percent(120, of: 142)),
            HistoryWeek(
                week: "2016-W46", start: "2016-11-14", tickets: 163, achieved: 128, breached: 15, early: 4,
                openOverdue: 3, pending: 10, attainment: Percent(128, of: 147)),
            HistoryWeek(
                week: "2016-W47", start: "2016-11-21", tickets: 0, achieved: 0, breached: 0, early: 0, openOverdue: 0,
                pending: 0, attainment: nil),
        ]
        model.showsHistory = true
        model.volume = VolumeSeries(unit: .day, points: model.daily)
        return withDerivedSections(model)
    }

    /// Fills what the aggregate stage derives from the channels (bands, gates, trends, the story) with the
    /// aggregate stage's own functions, which `AggregatorSectionsTests` checks against hand-worked figures.
    static func withDerivedSections(_ model: ReportModel) -> ReportModel {
        var model = model
        for i in model.channels.indices {
            model.channels[i].bands = Aggregator.bands(model.channels[i].firstReply)
            model.channels[i].gate = Aggregator.gate(model.channels[i].firstReply, failUnder: model.failUnder)
            model.channels[i].trend = Aggregator.trend(model.channels[i])
            let reply = model.channels[i].firstReply
            model.channels[i].failsGate =
                model.channels[i].gate.flatMap { gate in reply.attainment.map { $0 < gate } } ?? false
        }
        model.story = Aggregator.story(model)
        return model
    }
}
