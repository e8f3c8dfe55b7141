import Testing

@testable import SLAReportCore

@Suite struct ChannelRulesPassedOverTests {
    typealias Ev = RulesFixture.Ev

    /// Passed-over findings by taken ticket: "agent count oldest,…".
    func summary(_ result: ChannelRuleResult) -> [String: String] {
        var out: [String: String] = [:]
        for finding in result.findings.passedOver {
            out[finding.ticket] = "\(finding.agent) \(finding.count) \(finding.oldest.joined(separator: ","))"
        }
        return out
    }

    @Test func takeBySelfAssignPassesOverOlderWaitingTickets() {
        var f = RulesFixture()
        f.add("a", at: 0)
        f.add("b", channel: "facebook", at: 60)  // same view
        f.add("e", channel: "email", at: 30)  // not in a Play-mode view
        f.add("t", at: 120, [.assign(300, "Ann", to: "Ann")])
        f.add("newer", at: 200)
        let result = f.run()
        #expect(summary(result) == ["t": "Ann 2 a,b"])
        #expect(result.findings.passedOver.first?.at == RulesFixture.at(300))
        #expect(result.findings.passedOver.first?.channel == "twitter")
        #expect(result.agentCounts["Ann"] == AgentRuleCounts(passedOverTakes: 1))
        #expect(f.flags(result, "a") == ["passed_over"])
        #expect(f.flags(result, "b") == ["passed_over"])
        #expect(f.flags(result, "newer") == nil)
        #expect(f.flags(result, "e") == nil)
    }

    @Test func takeAtTheSecondOfCreations() {
        var f = RulesFixture()
        f.add("old", at: 0)
        // "same" is created in the same second as "t" and its id sorts first: never passed over by "t".
        f.add("same", at: 50)
        // "t" is taken (replied, never assigned) in the second it was created.
        f.add("t", at: 50, [.reply(50, "Ann")])
        // "u" is created in the second of the take: it is newer anyway.
        f.add("u", at: 50 + 0, [])
        let result = f.run()
        #expect(summary(result) == ["t": "Ann 1 old"])
        #expect(f.flags(result, "same") == nil)
        #expect(f.flags(result, "u") == nil)
    }

    @Test func ticketTakenOrUnassignedInTheSameSecondIsNotPassedOver() {
        var f = RulesFixture()
        f.add("taken-same-second", at: 0, [.assign(500, "Bob", to: "Bob")])
        f.add("unassigned-same-second", at: 5, [.assign(10, "Cat", to: "Bob"), .assign(500, "Bob", to: "")])
        f.add("waiting", at: 20)
        f.add("t", at: 100, [.assign(500, "Ann", to: "Ann")])
        let result = f.run()
        #expect(summary(result) == ["t": "Ann 1 waiting"])
    }

    @Test func assignedThenUnassignedWaitsAgain() {
        var f = RulesFixture()
        f.add("a", at: 0, [.assign(10, "Bob", to: "Bob"), .assign(20, "Bob", to: "")])
        f.add("kept", at: 1, [.assign(10, "Cat", to: "Cat")])
        f.add("t1", at: 5, [.assign(15, "Ann", to: "Ann")])  // while "a" is assigned
        f.add("t2", at: 30, [.assign(40, "Ann", to: "Ann")])  // after "a" was unassigned
        let result = f.run()
        #expect(summary(result) == ["t2": "Ann 1 a"])
        #expect(result.agentCounts["Ann"]?.passedOverTakes == 1)
    }

    @Test func solvedWithoutReplyIsNotWaitingUntilReopened() {
        var f = RulesFixture()
        f.add("s", at: 0, [.status(10, "Solved"), .status(100, "open")])
        f.add("c", at: 1, [.status(10, "closed")])
        f.add("t1", at: 20, [.assign(50, "Ann", to: "Ann")])
        f.add("t2", at: 30, [.assign(150, "Bob", to: "Bob")])
        let result = f.run()
        #expect(summary(result) == ["t2": "Bob 1 s"])
    }

    @Test func repliedTicketsAreNotWaitingAndOnlyTheFirstTakeCounts() {
        var f = RulesFixture()
        f.add("r", at: 0, [.reply(5, "Bob")])
        f.add("sys", at: 1, [.reply(5, "zendesk")])  // a system actor's reply answers nothing
        f.add("x", at: 2, [.assign(5, "Cat", to: "Dan")])  // assigned by someone else
        // Assigned to Dan by Cat, then Dan replies: not a take (the ticket was assigned before the reply).
        f.add("y", at: 3, [.assign(8, "Cat", to: "Dan"), .reply(9, "Dan")])
        // Taken by Ann's reply (never assigned); her later self-assign is not a second take.
        f.add("t", at: 10, [.reply(20, "Ann"), .assign(30, "Ann", to: "Ann")])
        let result = f.run()
        #expect(summary(result) == ["t": "Ann 1 sys"])
        #expect(result.findings.passedOver.first?.at == RulesFixture.at(20))
    }

    @Test func olderTicketBeforeTheWindowStillWaitsAndOldestIsCapped() {
        var f = RulesFixture()
        for i in 0..<7 { f.add("w\(i)", at: Int64(-1000 + i)) }
        f.add("t", at: 100, [.assign(200, "Ann", to: "Ann")])
        f.add("t-out", at: -10, [.assign(210, "Bob", to: "Bob")])  // before the window: not reported
        let result = f.run(since: 0, until: 86_400)
        // "t-out" (created before the window, taken after "t") waits too.
        #expect(summary(result) == ["t": "Ann 8 w0,w1,w2,w3,w4"])
        #expect(result.agentCounts["Bob"] == nil)
        #expect(f.flags(result, "w0") == nil)  // not in the report
    }

    @Test func sortedByCountThenTime() {
        var f = RulesFixture()
        f.add("a", at: 0)
        f.add("b", at: 1)
        f.add("t1", at: 10, [.assign(20, "Ann", to: "Ann")])
        f.add("t2", at: 11, [.assign(30, "Bob", to: "Bob")])
        f.add("t3", at: 12, [.assign(40, "Cat", to: "Cat")])
        f.add("t4", at: 13, [.assign(40, "Dan", to: "Dan")])
        let result = f.run()
        // t1 passes over a, b (2); t2 over a, b, and t1 is taken; t3 and t4 at one second: neither passes over
        // the other (t3 is taken in that second).
        #expect(result.findings.passedOver.map(\.ticket) == ["t1", "t2", "t3", "t4"])
        #expect(result.findings.passedOver.map(\.count) == [2, 2, 2, 2])
        var g = RulesFixture()
        g.add("a", at: 0)
        g.add("b", at: 1)
        g.add("t1", at: 10, [.assign(20, "Ann", to: "Ann")])
        g.add("c", at: 12, [.assign(50, "Bob", to: "Bob")])
        g.add("t2", at: 13, [.assign(40, "Bob", to: "Bob")])
        let counts = g.run().findings.passedOver.map { "\($0.ticket) \($0.count)" }
        // t2 passes over a, b and c; then c (taken later) passes over a and b, like t1 did earlier.
        #expect(counts == ["t2 3", "t1 2", "c 2"])
    }

    // MARK: - Property test against a quadratic reference

    static func randomFixture(seed: UInt64, tickets: Int) -> RulesFixture {
        var rng = TestRandom(seed: seed)
        var f = RulesFixture()
        f.policy.playMode = [
            PlayModeView(view: "Twitter", channels: ["twitter"]),
            PlayModeView(view: "Facebook", channels: ["facebook"]),
        ]
        let agents = ["Ann", "ann", "Bob", "Cat", "zendesk", ""]
        let channels = ["twitter", "twitter", "facebook", "email"]
        for i in 0..<tickets {
            // Coarse times so that seconds collide often.
            let created = Int64.random(in: 0..<400, using: &rng) * 10
            var events: [Ev] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let at = created + Int64.random(in: 0..<120, using: &rng) * 10
                let actor = agents.randomElement(using: &rng) ?? ""
                switch Int.random(in: 0..<10, using: &rng) {
                case 0, 1: events.append(.assign(at, actor, to: actor))
                case 2: events.append(.assign(at, actor, to: agents.randomElement(using: &rng) ?? ""))
                case 3: events.append(.assign(at, actor, to: ""))
                case 4, 5: events.append(.reply(at, actor))
                case 6: events.append(.comment(at))
                case 7: events.append(.status(at, ["solved", "closed", "Solved"].randomElement(using: &rng) ?? ""))
                case 8: events.append(.status(at, ["open", "pending", "new"].randomElement(using: &rng) ?? ""))
                default: events.append(.skip(at, actor))
                }
            }
            f.add("T\(i)", channel: channels.randomElement(using: &rng) ?? "twitter", at: created, events)
        }
        return f
    }

    /// The obviously-correct definition, replayed from scratch for every pair of tickets.
    struct Reference {
        let f: RulesFixture
        let asOf: Int64

        func sec(_ instant: Instant) -> Int64 { instant.seconds - RulesFixture.base }
        func name(_ s: Symbol) -> String { f.symbols[s].lowercased() }
        func isSystem(_ s: Symbol) -> Bool { ["-1", "system", "zendesk"].contains(name(s)) }
        func isPerson(_ s: Symbol) -> Bool { !s.isNone && !isSystem(s) }

        func view(_ t: TicketTimeline) -> Int? {
            switch f.symbols[t.channel] {
            case "twitter": 0
            case "facebook": 1
            default: nil
            }
        }

        /// Waiting after every event of the ticket at or before second `x` (and `asOf`)?
        func waiting(_ t: TicketTimeline, after x: Int64) -> Bool {
            guard sec(t.created) <= x else { return false }
            var assigned = false
            var replied = false
            var solved = false
            for e in t.events where sec(e.at) <= x && sec(e.at) <= asOf {
                switch e.kind {
                case .assign: assigned = !e.value.isNone
                case .reply where !isSystem(e.actor): replied = true
                case .status where !e.value.isNone: solved = ["solved", "closed"].contains(name(e.value))
                default: break
                }
            }
            return !assigned && !replied && !solved
        }

        func take(_ t: TicketTimeline) -> (agent: String, at: Int64)? {
            var assignedBefore = false
            for e in t.events where sec(e.at) <= asOf {
                // Findings name a person as the directory does ("Ann" and "ann" are one person).
                if e.kind == .assign, isPerson(e.actor), name(e.value) == name(e.actor) {
                    return (f.directory.name(of: e.actor, in: f.symbols), sec(e.at))
                }
                if e.kind == .reply, isPerson(e.actor), !assignedBefore {
                    return (f.directory.name(of: e.actor, in: f.symbols), sec(e.at))
                }
                if e.kind == .assign, !e.value.isNone { assignedBefore = true }
            }
            return nil
        }

        /// Taken ticket → (agent, at, passed-over ids oldest first); and every ticket passed over by any take.
        func passedOver() -> (takes: [String: (String, Int64, [String])], flagged: Set<String>) {
            var takes: [String: (String, Int64, [String])] = [:]
            var flagged = Set<String>()
            let all = f.timelines.filter { sec($0.created) <= asOf }
            for t in all {
                guard let v = view(t), let (agent, at) = take(t) else { continue }
                let older = all.filter { u in
                    view(u) == v && u.created < t.created && waiting(u, after: at - 1) && waiting(u, after: at)
                }
                .sorted { a, b in
                    a.created != b.created ? a.created < b.created : f.symbols[a.ticket] < f.symbols[b.ticket]
                }
                .map { f.symbols[$0.ticket] }
                flagged.formUnion(older)
                if !older.isEmpty { takes[f.symbols[t.ticket]] = (agent, at, older) }
            }
            return (takes, flagged)
        }
    }

    @Test(arguments: [1, 2, 3, 42, 2016] as [UInt64])
    func sweepMatchesQuadraticReference(seed: UInt64) {
        let f = Self.randomFixture(seed: seed, tickets: 300)
        let since: Int64 = 1000
        let until: Int64 = 3500
        let asOf: Int64 = 4200
        let result = f.run(since: since, until: until, asOf: asOf)
        let reference = Reference(f: f, asOf: asOf).passedOver()
        let inReport = Set(
            f.timelines.filter {
                $0.created.seconds - RulesFixture.base >= since && $0.created.seconds - RulesFixture.base < until
            }.map { f.symbols[$0.ticket] })

        var expected: [String: String] = [:]
        for (ticket, (agent, at, older)) in reference.takes where inReport.contains(ticket) && at <= asOf {
            let oldest = older.prefix(PassedOverFinding.oldestLimit).joined(separator: ",")
            expected[ticket] = "\(agent) @\(at) \(older.count) \(oldest)"
        }
        var actual: [String: String] = [:]
        for finding in result.findings.passedOver {
            actual[finding.ticket] =
                "\(finding.agent) @\(finding.at.seconds - RulesFixture.base) \(finding.count) \(finding.oldest.joined(separator: ","))"
        }
        #expect(actual == expected)
        #expect(expected.count >= 10)  // the generator really exercises the rule
        #expect(reference.takes.values.contains { $0.2.count > PassedOverFinding.oldestLimit })

        let flagged = Set(
            f.timelines.indices.filter { result.flagNames(ofTimeline: $0).contains(ChannelRules.Flag.passedOver) }
                .map { f.symbols[f.timelines[$0].ticket] })
        #expect(flagged == reference.flagged.intersection(inReport))
        #expect(result.findings.passedOver.count == result.agentCounts.values.reduce(0) { $0 + $1.passedOverTakes })
    }
}
