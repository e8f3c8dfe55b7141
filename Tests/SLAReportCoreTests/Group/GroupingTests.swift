import Testing

@testable import SLAReportCore

@Suite struct GroupingTests {
    @Test func duplicatesNoCreatedAndEarlyEventsAreAccounted() {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-21 09:00", actor: "u", channel: "email")  // line 2
        b.add("A", .reply, "2016-11-21 09:10", actor: "ann")  // 3
        b.add("A", .reply, "2016-11-21 09:10", actor: "ann")  // 4: duplicate
        b.add("A", .note, "2016-11-21 08:00", actor: "ann")  // 5: before creation
        b.add("B", .reply, "2016-11-21 09:10", actor: "ann")  // 6: no created event
        b.add("C", .created, "2016-11-21 09:00", actor: "u")  // 7: no channel anywhere
        let r = TestPolicies.run(b)
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

    @Test func windowAndAsOfPutRecordsOutOfWindow() {
        var b = LogBuilder()
        b.add("IN", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("IN", .reply, "2016-11-21 12:00", actor: "ann")  // after as-of
        b.add("OLD", .created, "2016-11-10 09:00", actor: "u", channel: "email")
        var log = b.log
        let request = ReportRequest(
            policy: TestPolicies.calendar, since: .instant(LogBuilder.instant("2016-11-14")),
            until: .instant(LogBuilder.instant("2016-11-28")), asOf: LogBuilder.instant("2016-11-21 10:00"))
        let r = Pipeline.run(&log, request: request)
        #expect(r.model.tickets.map(\.ticket) == ["IN"])
        #expect(r.model.tickets.first?.firstReply == nil)
        #expect(r.model.dataQuality.totals.used == 1)
        #expect(r.model.dataQuality.totals.outOfWindow == 2)
    }

    @Test func asOfDefaultsToNewestTimestamp() {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-21 09:00", actor: "u", channel: "email")
        b.add("A", .status, "2016-11-24 17:30", actor: "ann", value: "solved")
        #expect(TestPolicies.run(b).model.window.asOf == LogBuilder.instant("2016-11-24 17:30"))
    }

    @Test func unknownChannelsFollowPolicyChannelsAlphabetically() {
        var b = LogBuilder()
        b.add("A", .created, "2016-11-21 09:00", actor: "u", channel: "zulip")
        b.add("B", .created, "2016-11-21 09:00", actor: "u", channel: "irc")
        let keys = TestPolicies.run(b).model.channels.map(\.key)
        #expect(keys == ["email", "forum", "twitter", "reddit", "irc", "zulip"])
    }

    @Test func inputOrderDoesNotChangeTheModel() {
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
        func model(_ rows: [(String, EventKind, String, String, String, String)]) -> ReportModel {
            var b = LogBuilder()
            for r in rows { b.add(r.0, r.1, r.2, actor: r.3, value: r.4, channel: r.5) }
            var model = TestPolicies.run(b).model
            model.dataQuality.rejected = model.dataQuality.rejected.map {
                RejectedRecord(path: $0.path, line: 0, reason: $0.reason)
            }
            return model
        }
        var generator = TestRandom(42)
        let reference = model(rows)
        for _ in 0..<3 {
            let shuffled = rows.shuffled(using: &generator)
            #expect(model(shuffled) == reference, "\(generator.note)")
        }
        #expect(model(rows.reversed()) == reference)
    }
}
