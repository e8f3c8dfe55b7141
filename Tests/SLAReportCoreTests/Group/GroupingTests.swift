import Testing

@testable import SLAReportCore

@Suite struct GroupingTests {
    @Test func duplicatesNoCreatedAndEarlyEventsAreAccounted() throws {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-21 09:00", actor: "u", channel: "email")  // line 2
        b.add("A", .reply, "2016-11-21 09:10", actor: "ann")  // 3
        b.add("A", .reply, "2016-11-21 09:10", actor: "ann")  // 4: duplicate
        b.add("A", .note, "2016-11-21 08:00", actor: "ann")  // 5: before creation
        b.add("B", .reply, "2016-11-21 09:10", actor: "ann")  // 6: no created event
        b.add("C", .created, "2016-11-21 09:00", actor: "u")  // 7: no channel anywhere
        let r = try TestPolicies.run(b)
        let t = r.model.dataQuality.totals
        #expect(t.read == 6)
        #expect(t.used == 2)
        #expect(t.duplicates == 1)
        #expect(t.rejected == 3)
        #expect(t.read == t.used + t.duplicates + t.outOfWindow + t.rejected)
        #expect(r.model.dataQuality.rejected.map(\.line) == [5, 6, 7])
        #expect(r.model.dataQuality.rejected[0].reason.contains("before the ticket's creation"))
        #expect(r.model.dataQuality.rejected[1].reason.contains("no created event"))
        #expect(r.model.dataQuality.rejected[2].reason.contains("no channel"))
    }

    /// The store keeps no ticket or channel per event: a timeline's events carry the timeline's, also an
    /// event whose own channel was empty.
    @Test func aTimelinesEventsCarryItsTicketAndChannel() {
        var b = LogBuilder()
        b.add("B", .created, "2016-11-21 09:00", actor: "v", channel: "twitter")
        b.add("A", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("A", .reply, "2016-11-21 09:10", actor: "ann")
        b.add("B", .reply, "2016-11-21 09:20", actor: "bob")
        var log = b.log
        let symbols = log.symbols
        let timelines = Grouping.group(&log).timelines
        #expect(timelines.count == 2)
        for t in timelines {
            #expect(t.events.count == 2)
            #expect(t.events.allSatisfy { $0.ticket == t.ticket && $0.channel == t.channel })
        }
        #expect(timelines.map { symbols[$0.channel] }.sorted() == ["email", "twitter"])
    }

    @Test func windowAndAsOfPutRecordsOutOfWindow() throws {
        var b = LogBuilder()
        b.add("IN", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("IN", .reply, "2016-11-21 12:00", actor: "ann")  // after as-of
        b.add("OLD", .created, "2016-11-10 09:00", actor: "u", channel: "email")
        let log = b.log
        let request = ReportRequest(
            policy: TestPolicies.calendar, since: .instant(LogBuilder.instant("2016-11-14")),
            until: .instant(LogBuilder.instant("2016-11-28")), asOf: LogBuilder.instant("2016-11-21 10:00"))
        let r = try TestPolicies.run(log, request)
        #expect(r.model.tickets.map(\.ticket) == ["IN"])
        #expect(r.model.tickets.first?.firstReply == nil)
        #expect(r.model.dataQuality.totals.used == 1)
        #expect(r.model.dataQuality.totals.outOfWindow == 2)
    }

    @Test func asOfDefaultsToNewestTimestamp() throws {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("A", .status, "2016-11-24 17:30", actor: "ann", value: "solved")
        #expect(try TestPolicies.run(b).model.window.asOf == LogBuilder.instant("2016-11-24 17:30"))
    }

    @Test func unknownChannelsFollowPolicyChannelsAlphabetically() throws {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-21 09:00", actor: "u", channel: "zulip")
        b.add("B", .created, "2016-11-21 09:00", actor: "u", channel: "irc")
        let keys = try TestPolicies.run(b).model.channels.map(\.key)
        #expect(keys == ["email", "forum", "twitter", "reddit", "irc", "zulip"])
    }

    /// Tickets that need nothing done take a path of their own: it must give what the general sort, merge and
    /// check give, on tickets of every kind (clean; out of order; duplicates and ties; created twice, late or
    /// never; without a channel), with the input grouped by ticket and shuffled, and with the time and channel
    /// columns narrow and wide (an instant 80 years on; more than 256 channels).
    @Test func theCleanTicketPathGivesTheGeneralPathsResult() {
        var random = TestRandom(20_261_203)
        print("GroupingTests: \(random.note)")
        let kinds: [EventKind] = [.reply, .comment, .note, .assign, .status, .created]
        for round in 0..<48 {
            var rows: [(ticket: String, kind: EventKind, at: Instant, actor: String, channel: String)] = []
            let manyChannels = round % 6 == 4
            let farTime = round % 6 == 5
            for t in 0..<(manyChannels ? 400 : random.int(5...40)) {
                let late = farTime && t == 3 ? Int64(80 * 365 * 86_400) : 0
                let start = Instant(seconds: 1_479_000_000 + late + Int64(random.int(0...86_400)))
                let channel =
                    random.chance(90) ? (manyChannels ? "c\(t)" : random.pick(["email", "twitter"])) : ""
                if random.chance(60) {
                    // In order (the clean path's tickets), now and then with one flaw that sends it down the
                    // general path: a second creation, a tie with an earlier kind or the same kind, an event
                    // before the creation, no channel.
                    let flaw = random.chance(40) ? random.int(0...4) : -1
                    rows.append(("T\(t)", .created, start, "u\(t)", flaw == 4 ? "" : channel))
                    var at = start.seconds
                    var kind = EventKind.created
                    for k in 0..<random.int(0...6) {
                        let previousAt = at
                        if random.chance(25) {
                            kind = random.pick(kinds.filter { $0 > kind } + [.status])
                        } else {
                            at += 60 * Int64(random.int(1...8))
                            kind = random.pick(kinds.dropLast())
                        }
                        if k == 1 {
                            switch flaw {
                            case 0: kind = .created
                            case 1: (at, kind) = (previousAt, .reply)
                            case 3: at = start.seconds - 60
                            default: break
                            }
                        }
                        rows.append(("T\(t)", kind, Instant(seconds: at), random.pick(["ann", "bob", "u\(t)"]), ""))
                        if k == 1 && flaw == 2, let last = rows.last { rows.append(last) }
                    }
                    continue
                }
                if random.chance(90) { rows.append(("T\(t)", .created, start, "u\(t)", channel)) }
                for _ in 0..<random.int(0...6) {
                    // Minutes apart, now and then at the same minute or before the creation.
                    let at = Instant(seconds: start.seconds + 60 * Int64(random.int(-1...8)))
                    rows.append(("T\(t)", random.pick(kinds), at, random.pick(["ann", "bob", "u\(t)"]), ""))
                }
                if random.chance(10), let last = rows.last { rows.append(last) }
            }
            if round % 2 == 1 { rows.shuffle(using: &random) }
            var b = LogBuilder()
            for r in rows { b.add(r.ticket, r.kind, at: r.at, actor: r.actor, channel: r.channel) }
            var fast = b.log
            var general = b.log
            #expect(fast.events.channel.isWide == manyChannels && fast.events.at.isWide == farTime)
            let a = Grouping.group(&fast).timelines
            let g = Grouping.group(&general, fastPath: false).timelines
            let note = "round \(round), \(random.note)"
            #expect(a.ticket == g.ticket && a.channel == g.channel && a.created == g.created, "\(note)")
            #expect(a.requester == g.requester && a.source == g.source && a.start == g.start, "\(note)")
            #expect(a.map { Array($0.events) } == g.map { Array($0.events) }, "\(note)")
            #expect(fast.ledger.fate == general.ledger.fate, "\(note)")
            #expect(fast.rejections == general.rejections, "\(note)")
        }
    }

    /// ``Grouping/addCleanRuns(_:from:sources:ledger:into:)`` adds exactly the tickets from its start on that
    /// ``Grouping/cleanRunChannel(_:_:)`` finds clean, with that channel, and stops at the first that is not:
    /// tickets in order, each with one flaw now and then (a second creation, a tie in time with an earlier
    /// or the same kind, a creation not first, none, no channel, the channel only on a later row), in narrow and
    /// wide columns.
    @Test func theCleanRunsPassAddsWhatTheRunTestFindsClean() {
        var random = TestRandom(20_261_204)
        print("GroupingTests: \(random.note)")
        for round in 0..<300 {
            let wideChannels = round % 10 == 8
            let wideTimes = round % 10 == 9
            var b = LogBuilder()
            for t in 0..<(wideChannels ? 300 : random.int(wideTimes ? 2...12 : 1...12)) {
                let flaw = random.chance(wideChannels ? 1 : 8) ? random.int(0...6) : -1
                let start = Int64(1_479_000_000 + (wideTimes && t == 0 ? 3_000_000_000 : 0) + 600 * t)
                let channel = wideChannels ? "c\(t)" : random.pick(["email", "twitter"])
                let onCreation = flaw == 4 || flaw == 5 ? "" : channel
                if flaw == 3 { b.add("T\(t)", .note, at: Instant(seconds: start - 1), actor: "ann") }
                // Flaw 6: no creation at all.
                b.add(
                    "T\(t)", flaw == 6 ? .note : .created, at: Instant(seconds: start), actor: "u\(t)",
                    channel: onCreation)
                var (at, kind) = (start, EventKind.created)
                for k in 0..<random.int(flaw >= 0 ? 2...4 : 0...4) {
                    let previous = (at: at, kind: kind)
                    if random.chance(30), kind < .status {
                        kind = EventKind(rawValue: kind.rawValue + 1) ?? .status
                    } else {
                        at += Int64(random.int(1...60))
                        kind = random.pick([.reply, .comment, .note, .assign, .status])
                    }
                    if k == 1 && flaw == 0 { kind = .created }
                    if k == 1 && flaw == 1 {
                        // The time of the event before, an earlier kind (or a second creation).
                        (at, kind) = (previous.at, EventKind(rawValue: previous.kind.rawValue - 1) ?? .created)
                    }
                    b.add(
                        "T\(t)", kind, at: Instant(seconds: at), actor: "ann",
                        channel: flaw == 5 && k == 1 ? channel : "")
                    // The same time and kind again.
                    if k == 1 && flaw == 2 { b.add("T\(t)", kind, at: Instant(seconds: at), actor: "bob") }
                }
            }
            let c = b.log.events
            #expect(c.channel.isWide == wideChannels && c.at.isWide == wideTimes, "round \(round)")
            // What the runs' test gives, run by run from the start, up to the first ticket that is not clean.
            var expected: [(ticket: UInt32, channel: UInt32, end: Int)] = []
            var stop = 0
            while stop < c.count {
                var upper = stop + 1
                while upper < c.count && c.ticket[upper] == c.ticket[stop] { upper += 1 }
                guard let channel = Grouping.cleanRunChannel(c, stop..<upper) else { break }
                expected.append((c.ticket[stop], channel, upper))
                stop = upper
            }
            var timelines = Timelines(store: EventStore(EventColumns()))
            let sources = b.log.files.map(\.source)
            let end = Grouping.addCleanRuns(c, from: 0, sources: sources, ledger: b.log.ledger, into: &timelines)
            let note = "round \(round), \(random.note)"
            if wideChannels || wideTimes {
                // Wide columns are left to the caller, run by run.
                #expect(end == 0 && timelines.count == 0, "\(note)")
                continue
            }
            #expect(end == stop, "\(note)")
            #expect(
                timelines.ticket == expected.map(\.ticket) && timelines.channel == expected.map(\.channel), "\(note)")
            #expect(Array(timelines.start.dropFirst()) == expected.map { UInt32($0.end) }, "\(note)")
        }
    }

    @Test func inputOrderDoesNotChangeTheModel() throws {
        var rows: [(String, EventKind, String, String, String, String)] = []
        for i in 0..<60 {
            let t = "T\(i)"
            let channel = ["email", "forum", "twitter", "reddit"][i % 4]
            rows.append((t, .created, "2016-11-\(10 + i % 15) 0\(i % 9):00", "u\(i % 7)", "", channel))
            rows.append((t, .reply, "2016-11-\(10 + i % 15 + i % 3) 0\(i % 9):3\(i % 6)", "agent\(i % 5)", "", ""))
            if i % 4 == 0 { rows.append((t, .comment, "2016-11-26 10:00", "u", "", "")) }
            if i % 6 == 0 { rows.append((t, .status, "2016-11-27 10:00", "agent1", "solved", "")) }
            if i % 5 == 0 { rows.append((t, .reply, "2016-11-26 10:00", "agent2", "", "")) }
        }
        func model(_ rows: [(String, EventKind, String, String, String, String)]) throws -> ReportModel {
            var b = LogBuilder()
            for r in rows { b.add(r.0, r.1, r.2, actor: r.3, value: r.4, channel: r.5) }
            var model = try TestPolicies.run(b).model
            model.dataQuality.rejected = model.dataQuality.rejected.map {
                RejectedRecord(path: $0.path, line: 0, reason: $0.reason)
            }
            // The record that set the as-of is named by its line, which moves with the rows.
            #expect(model.window.asOfSource?.hasPrefix("test.csv:") == true)
            model.window.asOfSource = nil
            return model
        }
        var generator = TestRandom(42)
        let reference = try model(rows)
        for _ in 0..<3 {
            let shuffled = rows.shuffled(using: &generator)
            #expect(try model(shuffled) == reference, "\(generator.note)")
        }
        #expect(try model(rows.reversed()) == reference)
    }
}

/// A record is never both used and rejected: when one of its events is rejected, all of them are left out.
@Suite struct RecordIntegrityTests {
    @Test func aRejectedRecordUsesNoneOfItsEvents() throws {
        let csv = """
            ticket,channel,created_at,first_reply_at,solved_at
            K1,email,2016-11-14T10:00:00Z,2016-11-14T09:00:00Z,
            K2,email,2016-11-14T10:00:00Z,2016-11-14T11:00:00Z,
            """
        var joined = Ingest.readAndJoin([InputFile(path: "t.csv", text: csv)], options: IngestOptions())
        let result = try Pipeline.run(&joined, request: ReportRequest(policy: .builtIn, toolVersion: "test"))
        // K1's reply is before its creation: the whole row is rejected, so K1 is no ticket at all.
        #expect(result.model.tickets.map(\.ticket) == ["K2"])
        #expect(result.model.dataQuality.totals == QualityCounts(read: 2, used: 1, rejected: 1))
        #expect(
            result.model.dataQuality.rejected.first?.reason
                == "reply at 2016-11-14T09:00:00Z is before the ticket's creation at 2016-11-14T10:00:00Z")
    }

    @Test func readerWarningsReachTheDataQualitySection() throws {
        let csv = "ticket,channel,event,at,value\nT1,email,created,2016-11-14T10:00:00Z,say \"hi\" now\n"
        var joined = Ingest.readAndJoin([InputFile(path: "q.csv", text: csv)], options: IngestOptions())
        let result = try Pipeline.run(&joined, request: ReportRequest(policy: .builtIn, toolVersion: "test"))
        let quality = result.model.dataQuality
        #expect(quality.totals.rejected == 0)
        #expect(quality.warningCount == 2)
        #expect(quality.warnings.allSatisfy { $0.path == "q.csv" && $0.line == 2 })
        #expect(quality.warnings.map(\.reason).contains("quote inside an unquoted field; kept as text"))
        #expect(JSONRenderer.render(result.model).contains("\"warning_count\": 2"))
    }

    /// The distinct channels of the timelines are the set of their channel column, in symbol order (ids
    /// across several 64-bit words, repeated, and none at all).
    @Test func channelsAreTheDistinctChannelSymbols() {
        var random = TestRandom(0x0C4A_77E1)
        for round in 0..<30 {
            var timelines = Timelines(store: EventStore(EventColumns()))
            let pool = (0..<random.int(1...6)).map { _ in UInt32(random.int(1...5_000)) }
            let count = round == 0 ? 0 : random.int(1...2_000)
            for _ in 0..<count {
                timelines.add(
                    ticket: 1, channel: pool[random.below(pool.count)], created: 0, requester: 0, source: .canonical,
                    end: 0)
            }
            let expected = Set(timelines.channel).sorted().map { Symbol(raw: $0) }
            #expect(timelines.channels == expected, "round \(round), \(random.note)")
        }
    }
}
