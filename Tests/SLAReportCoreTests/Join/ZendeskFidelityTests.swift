import Testing

@testable import SLAReportCore

/// Zendesk's own figures where the export has no timestamps (SPEC §2.3), and the cross-checks against them.
@Suite struct ZendeskFidelityTests {
    typealias Support = NativeTestSupport

    static func row(_ result: Pipeline.Result, _ ticket: String) -> TicketRow? {
        result.model.tickets.first { $0.ticket == ticket }
    }

    /// A CSV export whose only first-reply column is "First reply time in minutes within business hours":
    /// each reply is placed by advancing the built-in schedule (Mon–Fri 09:00–17:00 UTC) by those minutes,
    /// and the business figure is Zendesk's. Worked by hand:
    /// - 9001 Mon 10:00 + 90 → Mon 11:30; 9002 Fri 16:00 + 120 → Fri 17:00 (60) then Mon 10:00 (60);
    /// - 9003 Sat 12:00 + 0 → at creation (high: 8 business hours, deadline Mon 17:00);
    /// - 9004 Tue 09:00 + 780 → Tue 17:00 (480) then Wed 14:00 (300), after its 12-business-hour deadline
    ///   Wed 13:00 (breached by 1 h); it was reopened once and has 3 replies;
    /// - 9005 has replies but no time: left out; 9006 has none: open overdue at as-of.
    @Test func businessMinutesOnlyExportIsMeasured() throws {
        let result = try Support.report(try Support.trust("zendesk-business-minutes.csv"), asOf: "2016-11-25 00:00")
        let expected: [(String, String?, Int64?, Int64?, String?)] = [
            ("zendesk:9001", "2016-11-14 11:30", 5400, 5400, "achieved"),
            ("zendesk:9002", "2016-11-21 10:00", 237_600, 7200, "achieved"),
            ("zendesk:9003", "2016-11-19 12:00", 0, 0, "achieved"),
            ("zendesk:9004", "2016-11-16 14:00", 104_400, 46_800, "breached"),
            ("zendesk:9005", nil, nil, nil, nil),
            ("zendesk:9006", nil, nil, nil, "breached"),
        ]
        for (ticket, reply, calendar, business, outcome) in expected {
            let row = try #require(Self.row(result, ticket))
            #expect(row.firstReply == reply.map(LogBuilder.instant), "\(ticket)")
            #expect(row.frtSeconds == calendar, "\(ticket)")
            #expect(row.frtBusinessSeconds == business, "\(ticket)")
            #expect(row.outcome == outcome, "\(ticket)")
        }
        #expect(Self.row(result, "zendesk:9003")?.target == "8 business hours")
        #expect(Self.row(result, "zendesk:9001")?.flags == ["vendor_metric"])
        #expect(Self.row(result, "zendesk:9005")?.flags == ["reply_time_unknown"])
        let email = try #require(result.model.channels.first { $0.key == "email" })
        #expect(email.tickets == 6)
        #expect(email.leftOut == 1)
        #expect(email.leftOutWithoutReplyTime == 1)
        #expect(email.vendorFigures == 4)
        #expect(email.firstReply.replied == 4)
        #expect(email.firstReply.judged == 5)
        #expect(email.firstReply.achieved == 3)
        #expect(email.firstReply.openOverdue == 1)
        #expect(email.firstReply.attainment == Percent(hundredths: 6000))
        // Reopens and replies come from the export's own columns.
        #expect(email.resolution.reopens == 1)
        #expect(result.model.agents.first { $0.agent == "Ana Souza" }?.replies == 1 + 1 + 1 + 3)
        #expect(result.model.warnings.map(\.kind) == [.replyTimeUnknown])
        // The report says where the figures come from.
        let markdown = MarkdownRenderer.render(result.model)
        #expect(markdown.contains("Regular tickets: 4 first replies are Zendesk's own first reply time"))
        #expect(
            markdown.contains(
                "- Regular tickets: 1 of 6 tickets was answered (by Zendesk's count of replies) without a"))
    }

    /// Ticket metric events give exact instants: they are preferred over the minute-rounded metric.
    @Test func metricEventsArePreferredOverMinutes() throws {
        let result = try Support.report(try Support.trust("zendesk-metric-events"), asOf: "2016-11-20 00:00")
        // 8001: the metric says 30 minutes; the fulfil event says 09:30:40.
        #expect(Self.row(result, "zendesk:8001")?.frtSeconds == 1840)
        #expect(Self.row(result, "zendesk:8001")?.flags == [])
        #expect(Self.row(result, "zendesk:8002")?.frtSeconds == 307)
        // 8003 has only the metric: 45 whole minutes, marked as Zendesk's own figure.
        #expect(Self.row(result, "zendesk:8003")?.frtSeconds == 2700)
        #expect(Self.row(result, "zendesk:8003")?.flags == ["vendor_metric"])
        let email = try #require(result.model.channels.first { $0.key == "email" })
        // Solved at the resolution_time fulfilment (8001) and at solved_at (8003); 8003 reopened twice.
        #expect(email.resolution.solved == 2)
        #expect(email.resolution.firstCalendar.p50 == 8120)
        #expect(email.resolution.reopens == 2)
        // Every metric event is a record: used with its ticket, or rejected when no ticket has it.
        let events = try #require(result.model.dataQuality.files.first { $0.format == "zendesk-ticket-metric-events" })
        #expect(events.counts == QualityCounts(read: 7, used: 6, duplicates: 0, outOfWindow: 0, rejected: 1))
        #expect(
            result.model.dataQuality.rejected.map(\.reason) == [
                "metric event for ticket zendesk:8009, which no tickets export includes"
            ])
    }
}
