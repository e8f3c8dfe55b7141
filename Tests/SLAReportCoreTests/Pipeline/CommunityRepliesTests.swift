import Testing

@testable import SLAReportCore

/// Posts on forums, Stack Exchange and GitLab by people who answer as agents elsewhere count as replies.
@Suite struct CommunityRepliesTests {
    @Test func nameKeyMatchesAcrossSystems() {
        #expect(NameKey.key("Chloe Martin") == "chloemartin")
        #expect(NameKey.key("@chloe_martin") == "chloemartin")
        #expect(NameKey.key("  Chloe -- Martin ") == "chloemartin")
        #expect(NameKey.key("CHLOE.MARTIN") == NameKey.key("chloe-martin"))
        #expect(NameKey.key("chloe.martin2") != NameKey.key("chloe.martin"))
        // Names without letters are ids and compare as written: Zendesk's system user -1 is not user 1.
        #expect(NameKey.key("-1") == "-1")
        #expect(NameKey.key("-1") != NameKey.key("1"))
        #expect(NameKey.key("  3003 ") == "3003")
        #expect(NameKey.key("Émile Zola") == NameKey.key("émile_zola"))
    }

    @Test func agentPostsOnCommunityFormatsBecomeReplies() throws {
        var b = LogBuilder(path: "email.csv")
        b.add("E1", .created, "2016-11-21 09:00", actor: "cust", channel: "email")
        b.add("E1", .reply, "2016-11-21 09:30", actor: "Chloe Martin")
        var log = b.log
        let file = log.addFile(path: "questions.json", format: "stackexchange")
        func add(_ kind: EventKind, _ at: String, _ actor: String, channel: String = "") {
            let record = log.beginRecord(file: file, line: log.recordCount + 1)
            log.append(
                TicketEvent(
                    ticket: log.symbols.intern("stackexchange:7"), kind: kind, at: LogBuilder.instant(at),
                    actor: log.symbols.intern(actor), channel: log.symbols.intern(channel), record: record))
        }
        add(.created, "2016-11-21 10:00", "dev_4", channel: "forum")
        add(.post, "2016-11-21 11:00", "someone")
        add(.post, "2016-11-24 10:00", "chloe_martin")
        let request = ReportRequest(policy: TestPolicies.calendar, toolVersion: "test")
        let result = try TestPolicies.run(log, request)
        let row = try #require(result.model.tickets.first { $0.ticket == "stackexchange:7" })
        #expect(row.firstReply == LogBuilder.instant("2016-11-24 10:00"))
        #expect(row.outcome == "achieved")
    }

    @Test func canonicalCommentsAreNeverPromoted() throws {
        var b = LogBuilder()
        b.add("E1", .created, "2016-11-21 09:00", actor: "cust", channel: "email")
        b.add("E1", .reply, "2016-11-21 09:30", actor: "ann")
        b.add("E2", .created, "2016-11-21 09:00", actor: "cust", channel: "email")
        b.add("E2", .comment, "2016-11-21 09:10", actor: "ann")
        #expect(try TestPolicies.run(b).model.tickets.first { $0.ticket == "E2" }?.firstReply == nil)
    }
}
