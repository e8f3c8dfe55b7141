import Testing

@testable import SLAReportCore

/// Per-ticket clocks (SPEC §4): a ticket's row gives its business FRT on the clock of its own target; the
/// channel's aggregates keep the clock of the channel's default target, so one percentile never mixes clocks.
@Suite struct TicketClockTests {
    @Test func aRowUsesItsOwnTargetsClockAndTheChannelItsDefault() throws {
        // The built-in email channel: 1 business day by default, 8 business hours when high, 12 when normal;
        // Mon–Fri 09:00–17:00 UTC.
        var b = LogBuilder()
        b.add("H", .created, "2016-11-14 16:00", actor: "u", channel: "email")  // a Monday
        b.add("H", .priority, "2016-11-14 16:00", value: "high")
        b.add("H", .reply, "2016-11-15 10:00", actor: "ann")
        b.add("N", .created, "2016-11-14 16:00", actor: "u", channel: "email")
        b.add("N", .reply, "2016-11-15 10:00", actor: "ann")
        b.add("N", .priority, "2016-11-15 10:00", value: "normal")  // set at the instant of the reply
        b.add("D", .created, "2016-11-14 16:00", actor: "u", channel: "email")
        b.add("D", .reply, "2016-11-15 10:00", actor: "ann")
        let result = try TestPolicies.run(b, policy: .builtIn, asOf: "2016-11-20 00:00")
        // nil for a ticket missing from the report, which fails the expectations below.
        func row(_ id: String) -> TicketRow? { TestPolicies.row(result, id) }
        // 8 and 12 business hours: Mon 16:00–17:00 and Tue 09:00–10:00 are 2 hours of business time.
        #expect(row("H")?.target == "8 business hours")
        #expect(row("H")?.frtBusinessSeconds == 7200)
        #expect(row("N")?.target == "12 business hours")
        #expect(row("N")?.frtBusinessSeconds == 7200)
        // No priority: 1 business day, whose clock runs through whole working days (Mon 16:00 → Tue 10:00).
        #expect(row("D")?.target == "1 business day")
        #expect(row("D")?.frtBusinessSeconds == Int64(18 * 3600))
        // The channel's business figures are all on the default clock.
        let email = try #require(result.model.channels.first { $0.key == "email" })
        #expect(email.firstReply.business?.p50 == 64_800)
        #expect(email.firstReply.business?.max == 64_800)
    }
}
