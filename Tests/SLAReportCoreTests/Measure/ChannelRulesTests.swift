import Testing

@testable import SLAReportCore

/// Builds hand-made timelines for the channel rule tests. Times are seconds after 2016-11-21T09:00:00Z.
struct RulesFixture {
    static let base: Int64 = 1_479_718_800

    /// One event to add to a ticket.
    struct Ev {
        var kind: EventKind
        var at: Int64
        var actor: String
        var value: String = ""
        var via: String = ""

        static func reply(_ at: Int64, _ actor: String, via: String = "zendesk") -> Ev {
            Ev(kind: .reply, at: at, actor: actor, via: via)
        }
        static func assign(_ at: Int64, _ actor: String, to assignee: String) -> Ev {
            Ev(kind: .assign, at: at, actor: actor, value: assignee)
        }
        static func comment(_ at: Int64, _ actor: String = "customer") -> Ev {
            Ev(kind: .comment, at: at, actor: actor)
        }
        static func status(_ at: Int64, _ value: String, by actor: String = "system") -> Ev {
            Ev(kind: .status, at: at, actor: actor, value: value)
        }
        static func skip(_ at: Int64, _ actor: String, reason: String = "") -> Ev {
            Ev(kind: .skip, at: at, actor: actor, value: reason)
        }
    }

    static let policy = Policy(
        name: "test", schedules: [:],
        channels: [
            ChannelPolicy(key: "twitter"), ChannelPolicy(key: "facebook"), ChannelPolicy(key: "email"),
            ChannelPolicy(key: "disqus"),
        ],
        playMode: [PlayModeView(view: "Twitter and Facebook", channels: ["twitter", "facebook"])],
        handles: Handles(main: "@GitLab", channels: ["twitter"], clients: ["zendesk"]), agents: ["Dana"],
        systemActors: ["-1", "system", "zendesk"])

    var symbols = SymbolTable()
    var timelines: [TicketTimeline] = []
    var policy = RulesFixture.policy
    private var record: UInt32 = 0

    /// Adds a ticket created at `created` by `requester`, with `events` (sorted here by time, then kind).
    mutating func add(
        _ id: String, channel: String = "twitter", at created: Int64, requester: String = "customer",
        _ events: [Ev] = []
    ) {
        let ticket = symbols.intern(id)
        let channelSymbol = symbols.intern(channel)
        let requesterSymbol = symbols.intern(requester)
        let createdAt = Instant(seconds: RulesFixture.base + created)
        var list = [
            TicketEvent(
                ticket: ticket, kind: .created, at: createdAt, actor: requesterSymbol, channel: channelSymbol,
                record: next())
        ]
        let ordered = events.enumerated().sorted { a, b in
            (a.element.at, a.element.kind, a.offset) < (b.element.at, b.element.kind, b.offset)
        }
        for (_, event) in ordered {
            list.append(
                TicketEvent(
                    ticket: ticket, kind: event.kind, at: Instant(seconds: RulesFixture.base + event.at),
                    actor: symbols.intern(event.actor), value: symbols.intern(event.value),
                    via: symbols.intern(event.via), channel: channelSymbol, record: next()))
        }
        timelines.append(
            TicketTimeline(
                ticket: ticket, channel: channelSymbol, created: createdAt, requester: requesterSymbol,
                events: list[...]))
    }

    /// The directory of people of these timelines (as the join stage would build it).
    var directory: ActorDirectory {
        var log = EventLog()
        log.symbols = symbols
        log.events = EventColumns(timelines.flatMap { Array($0.events) })
        return ActorDirectory.build(log, policy: policy)
    }

    private mutating func next() -> UInt32 {
        record += 1
        return record
    }

    func input(
        since: Int64? = nil, until: Int64? = nil, asOf: Int64 = 30 * 86_400, channels: Set<String>? = nil
    ) -> ChannelRuleInput {
        ChannelRuleInput(
            timelines: timelines, symbols: symbols, policy: policy, directory: directory,
            since: since.map { Instant(seconds: RulesFixture.base + $0) },
            until: until.map { Instant(seconds: RulesFixture.base + $0) },
            asOf: Instant(seconds: RulesFixture.base + asOf), channels: channels)
    }

    func run(
        since: Int64? = nil, until: Int64? = nil, asOf: Int64 = 30 * 86_400, channels: Set<String>? = nil
    ) -> ChannelRuleResult {
        ChannelRules.evaluate(input(since: since, until: until, asOf: asOf, channels: channels))
    }

    func symbol(_ id: String) -> Symbol { symbols.lookup(id) ?? .none }

    /// Ticket `id`'s rule flags, named from the result's bits of its timeline; nil when it has none.
    func flags(_ result: ChannelRuleResult, _ id: String) -> [String]? {
        guard let index = timelines.firstIndex(where: { $0.ticket == symbol(id) }) else { return nil }
        let names = result.flagNames(ofTimeline: index)
        return names.isEmpty ? nil : names
    }

    static func at(_ offset: Int64) -> Instant { Instant(seconds: base + offset) }
}

@Suite struct ChannelRulesTests {
    typealias Ev = RulesFixture.Ev

    @Test func skipsWithAndWithoutReason() {
        var f = RulesFixture()
        f.add("t1", at: 0, [.skip(60, "Ann", reason: "not sure how to answer")])
        f.add("t2", at: 10, [.skip(30, "Bob")])
        f.add("e1", channel: "email", at: 20, [.skip(90, "Ann", reason: "later")])
        let result = f.run()
        #expect(
            result.findings.skips == [
                SkipFinding(ticket: "t2", channel: "twitter", agent: "Bob", at: RulesFixture.at(30), reason: ""),
                SkipFinding(
                    ticket: "t1", channel: "twitter", agent: "Ann", at: RulesFixture.at(60),
                    reason: "not sure how to answer"),
                SkipFinding(ticket: "e1", channel: "email", agent: "Ann", at: RulesFixture.at(90), reason: "later"),
            ])
        #expect(result.agentCounts["Ann"] == AgentRuleCounts(skips: 2))
        #expect(result.agentCounts["Bob"] == AgentRuleCounts(skips: 1))
        #expect(f.flags(result, "t1") == ["skipped"])
        #expect(f.flags(result, "e1") == ["skipped"])
    }

    @Test func crossAssignments() {
        var f = RulesFixture()
        f.add("person", at: 0, [.assign(100, "Ann", to: "Bob")])
        f.add("system", at: 0, [.assign(100, "zendesk", to: "Bob"), .assign(200, "-1", to: "Cat")])
        f.add("self", at: 0, [.assign(100, "Ann", to: "Ann"), .assign(200, "Bob", to: "bob")])
        f.add("unassign", at: 0, [.assign(100, "Ann", to: "")])
        f.add("anonymous", at: 0, [.assign(100, "", to: "Bob")])
        f.add("email", channel: "email", at: 0, [.assign(100, "Ann", to: "Bob")])
        f.add("facebook", channel: "facebook", at: 0, [.assign(300, "Cat", to: "Ann")])
        let result = f.run()
        #expect(
            result.findings.crossAssignments == [
                CrossAssignmentFinding(
                    ticket: "person", channel: "twitter", by: "Ann", to: "Bob", at: RulesFixture.at(100)),
                CrossAssignmentFinding(
                    ticket: "facebook", channel: "facebook", by: "Cat", to: "Ann", at: RulesFixture.at(300)),
            ])
        #expect(result.agentCounts["Ann"]?.crossAssignments == 1)
        #expect(result.agentCounts["Cat"]?.crossAssignments == 1)
        #expect(result.agentCounts["zendesk"] == nil)
        #expect(f.flags(result, "person") == ["cross_assigned"])
        #expect(f.flags(result, "self") == nil)
        #expect(f.flags(result, "email") == nil)
    }

    @Test func wrongHandleAndOutsideZendesk() {
        var f = RulesFixture()
        f.add("status", at: 0, [.reply(100, "Ann", via: "@GitLabStatus")])
        f.add("main", at: 0, [.reply(100, "Ann", via: "@gitlab")])
        f.add("deck", at: 0, [.reply(200, "Bob", via: "tweetdeck")])
        f.add("zendesk", at: 0, [.reply(100, "Bob", via: "Zendesk")])
        f.add("novia", at: 0, [.reply(100, "Bob", via: "")])
        f.add("system", at: 0, [.reply(100, "zendesk", via: "@GitLabStatus")])
        f.add("facebook", channel: "facebook", at: 0, [.reply(100, "Bob", via: "tweetdeck")])
        let result = f.run()
        #expect(
            result.findings.wrongHandle == [
                ReplyFinding(
                    ticket: "status", channel: "twitter", agent: "Ann", at: RulesFixture.at(100), via: "@GitLabStatus")
            ])
        #expect(
            result.findings.outsideZendesk == [
                ReplyFinding(
                    ticket: "deck", channel: "twitter", agent: "Bob", at: RulesFixture.at(200), via: "tweetdeck")
            ])
        #expect(f.flags(result, "status") == ["wrong_handle"])
        #expect(f.flags(result, "deck") == ["outside_zendesk"])
        #expect(f.flags(result, "main") == nil)
    }

    @Test func duplicateResponses() {
        var f = RulesFixture()
        f.add("959", at: 0, [.reply(1000, "Ann"), .reply(1000 + 599, "Bob")])
        f.add("1000", at: 0, [.reply(1000, "Ann"), .reply(1000 + 600, "Bob")])
        f.add("comment", at: 0, [.reply(1000, "Ann"), .comment(1100), .reply(1200, "Bob")])
        f.add("same", at: 0, [.reply(1000, "Ann"), .reply(1010, "ann")])
        f.add("three", at: 0, [.reply(2000, "Ann"), .reply(2060, "Bob"), .reply(2120, "Cat")])
        // A comment in the same second as the second reply sorts after it: it does not separate them.
        f.add("late-comment", at: 0, [.reply(3000, "Ann"), .reply(3100, "Bob"), .comment(3100)])
        f.add("email", channel: "email", at: 0, [.reply(1000, "Ann"), .reply(1001, "Bob")])
        let result = f.run()
        let pairs = result.findings.duplicateResponses.map {
            "\($0.ticket):\($0.firstAgent)>\($0.secondAgent)@\($0.secondAt.seconds - $0.firstAt.seconds)"
        }
        #expect(pairs == ["959:Ann>Bob@599", "three:Ann>Bob@60", "three:Bob>Cat@60", "late-comment:Ann>Bob@100"])
        #expect(f.flags(result, "959") == ["duplicate_response"])
        #expect(f.flags(result, "1000") == nil)
        #expect(f.flags(result, "comment") == nil)
    }

    @Test func disqusReplyTickets() {
        var f = RulesFixture()
        // Ann is an agent: she replies on Twitter, and she is also a requester on Disqus.
        f.add("tw", at: -5000, [.reply(-4000, "Ann")])
        f.add("d-ann", channel: "disqus", at: 100, requester: "ann")
        f.add("d-dana", channel: "disqus", at: 200, requester: "Dana", [.status(300, "solved")])
        f.add(
            "d-reopened", channel: "disqus", at: 250, requester: "Ann", [.status(300, "solved"), .status(400, "open")])
        f.add("d-customer", channel: "disqus", at: 300, requester: "Eve")
        f.add("d-old", channel: "disqus", at: -3000, requester: "Ann")
        f.add("d-system", channel: "disqus", at: 500, requester: "zendesk", [.reply(600, "zendesk")])
        f.add("e-ann", channel: "email", at: 100, requester: "Ann")
        let result = f.run(since: 0, until: 86_400)
        let expected: Set<Symbol> = [f.symbol("d-ann"), f.symbol("d-dana"), f.symbol("d-reopened"), f.symbol("d-old")]
        #expect(result.disqusReplyTickets == expected)
        let input = f.input(since: 0, until: 86_400)
        #expect(
            ChannelRules.disqusReplyTickets(
                timelines: input.timelines, symbols: input.symbols, policy: input.policy, directory: input.directory,
                asOf: input.asOf) == expected)
        #expect(result.findings.disqusReplyTicketsUnsolved.map(\.ticket) == ["d-ann", "d-reopened"])
        // The requester is named as the directory names the person ("Ann" and "ann" are one person).
        #expect(result.findings.disqusReplyTicketsUnsolved.first?.requester == "Ann")
        #expect(f.flags(result, "d-dana") == ["disqus_reply_ticket"])
        #expect(f.flags(result, "d-old") == nil)  // not in the report
        // Judged at as-of: before the solve, Dana's ticket is still to be solved.
        let early = f.run(since: 0, until: 86_400, asOf: 299)
        #expect(early.findings.disqusReplyTicketsUnsolved.map(\.ticket) == ["d-ann", "d-dana", "d-reopened"])
    }

    /// Every flag on one fixture, each ticket taken before the next one is created (so that only `old`
    /// waits while newer tickets are taken): the names made from the bits, per ticket, alphabetically.
    @Test func everyFlagNamedFromItsBits() {
        var f = RulesFixture()
        f.add("old", at: 0)
        f.add("newer", at: 10, [.reply(20, "Ann")])
        f.add("cross", at: 1000, [.skip(1050, "Cat"), .assign(1100, "Ann", to: "Bob")])
        f.add("status", at: 2000, [.reply(2100, "Ann", via: "@GitLabStatus")])
        f.add("deck", at: 3000, [.reply(3100, "Bob", via: "tweetdeck")])
        f.add("dup", at: 4000, [.reply(4100, "Ann"), .reply(4200, "Bob")])
        f.add("d-dana", channel: "disqus", at: 5000, requester: "Dana", [.status(5100, "solved")])
        f.add("skip", at: 6000, [.skip(6100, "Ann")])
        let result = f.run()
        let expected: [String: [String]?] = [
            "old": ["passed_over"], "newer": nil, "cross": ["cross_assigned", "skipped"], "status": ["wrong_handle"],
            "deck": ["outside_zendesk"], "dup": ["duplicate_response"], "d-dana": ["disqus_reply_ticket"],
            "skip": ["skipped"],
        ]
        for (id, flags) in expected { #expect(f.flags(result, id) == flags, "\(id)") }
        let seen = Set(f.timelines.indices.flatMap { result.flagNames(ofTimeline: $0) })
        #expect(seen == Set(ChannelRules.Flag.all))
        // A bit per flag, in the alphabetical order of the names.
        #expect(ChannelRules.Flag.all == ChannelRules.Flag.all.sorted())
        #expect(result.flagBits.count == f.timelines.count)
        #expect(result.flagNames(ofTimeline: f.timelines.count) == [])
    }

    @Test func windowAsOfAndChannelSelection() {
        var f = RulesFixture()
        f.add("before", at: -100, [.skip(10, "Ann")])
        f.add("inside", at: 100, [.skip(200, "Ann"), .skip(5000, "Bob"), .assign(300, "Ann", to: "Bob")])
        f.add("after", at: 86_400, [.skip(86_500, "Ann")])
        f.add("fb", channel: "facebook", at: 100, [.skip(200, "Cat")])
        let result = f.run(since: 0, until: 86_400, asOf: 4000)
        #expect(result.findings.skips.map(\.ticket) == ["fb", "inside"])
        #expect(result.findings.skips.map(\.agent) == ["Cat", "Ann"])
        #expect(f.flags(result, "inside") == ["cross_assigned", "skipped"])
        #expect(f.flags(result, "before") == nil)
        let twitterOnly = f.run(since: 0, until: 86_400, asOf: 4000, channels: ["Twitter"])
        #expect(twitterOnly.findings.skips.map(\.ticket) == ["inside"])
        #expect(twitterOnly.agentCounts["Cat"] == nil)
    }

    @Test func resultDoesNotDependOnInputOrder() {
        var f = RulesFixture()
        for i in 0..<40 {
            let t = Int64(i * 7 % 13) * 60
            f.add(
                "t\(i)", channel: i % 5 == 0 ? "facebook" : "twitter", at: t,
                [
                    .skip(t + 30, i % 2 == 0 ? "Ann" : "Bob"),
                    .assign(t + 300 - Int64(i), "Cat", to: i % 3 == 0 ? "Cat" : ""),
                    .reply(t + 400, i % 2 == 0 ? "Ann" : "Bob", via: i % 4 == 0 ? "tweetdeck" : "zendesk"),
                    .reply(t + 500, "Cat"),
                ])
        }
        let forward = f.run()
        var g = f
        g.timelines.reverse()
        let backward = g.run()
        #expect(forward == backward)
        for t in f.timelines {
            let id = f.symbols[t.ticket]
            #expect(f.flags(forward, id) == g.flags(backward, id), "\(id)")
        }
        #expect(f.timelines.contains { f.flags(forward, f.symbols[$0.ticket]) != nil })
        #expect(!forward.findings.passedOver.isEmpty)
        #expect(!forward.findings.duplicateResponses.isEmpty)
    }
}
