import Foundation
import Testing

@testable import SLAReportCore

/// A scale check, not a unit test: skipped unless `SLAREPORT_SCALE=1`. Run it in release mode:
/// `SLAREPORT_SCALE=1 swift test -c release -Xswiftc -enable-testing --filter ChannelRulesScaleTests`.
@Suite struct ChannelRulesScaleTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SLAREPORT_SCALE"] == "1"))
    func oneMillionPlayModeTickets() {
        let tickets = Int(ProcessInfo.processInfo.environment["SLAREPORT_SCALE_TICKETS"] ?? "") ?? 1_000_000
        let clock = ContinuousClock()
        let generationStart = clock.now
        var rng = TestRandom(seed: 7)
        var symbols = SymbolTable()
        let channels = [symbols.intern("twitter"), symbols.intern("facebook")]
        let agents = (0..<12).map { symbols.intern("agent\($0)") }
        let customer = symbols.intern("customer")
        let solved = symbols.intern("solved")
        let zendesk = symbols.intern("zendesk")
        let reason = symbols.intern("too hard")
        let base: Int64 = 1_479_718_800
        var timelines: [TicketTimeline] = []
        timelines.reserveCapacity(tickets)
        var created = base
        for i in 0..<tickets {
            created += Int64.random(in: 0...6, using: &rng)
            let ticket = symbols.intern("zendesk:\(i)")
            let channel = channels[i % 7 == 0 ? 1 : 0]
            let agent = agents[Int.random(in: 0..<agents.count, using: &rng)]
            // Mostly taken in order within minutes; one in ten waits up to two hours.
            let delay = Int64.random(in: 0...(i % 10 == 0 ? 7200 : 300), using: &rng)
            let take = created + delay
            var events = [
                TicketEvent(ticket: ticket, kind: .created, at: Instant(seconds: created), actor: customer, record: 0)
            ]
            if i % 50 == 0 {
                events.append(
                    TicketEvent(
                        ticket: ticket, kind: .skip, at: Instant(seconds: take - 1), actor: agent, value: reason,
                        record: 0))
            }
            let assignee = i % 20 == 0 ? agents[(i / 20) % agents.count] : agent
            events.append(
                TicketEvent(
                    ticket: ticket, kind: .assign, at: Instant(seconds: take), actor: agent, value: assignee, record: 0)
            )
            events.append(
                TicketEvent(
                    ticket: ticket, kind: .reply, at: Instant(seconds: take + 60), actor: agent, via: zendesk, record: 0
                ))
            events.append(
                TicketEvent(
                    ticket: ticket, kind: .status, at: Instant(seconds: take + 120), actor: agent, value: solved,
                    record: 0))
            timelines.append(
                TicketTimeline(
                    ticket: ticket, channel: channel, created: Instant(seconds: created), requester: customer,
                    events: events[...]))
        }
        let generated = clock.now - generationStart
        let policy = RulesFixture.policy
        var log = EventLog()
        log.symbols = symbols
        log.events = EventColumns(timelines.flatMap { Array($0.events) })
        let input = ChannelRuleInput(
            timelines: timelines, symbols: symbols, policy: policy,
            directory: ActorDirectory.build(log, policy: policy), asOf: Instant(seconds: created + 86_400))
        let start = clock.now
        let result = ChannelRules.evaluate(input)
        let elapsed = clock.now - start
        print(
            "ChannelRules.evaluate on \(tickets) tickets (\(timelines.reduce(0) { $0 + $1.events.count }) events): \(elapsed) "
                + "(generation \(generated)); passed-over takes \(result.findings.passedOver.count), "
                + "skips \(result.findings.skips.count), cross-assignments \(result.findings.crossAssignments.count)")
        #expect(result.findings.skips.count == (tickets + 49) / 50)
        #expect(!result.findings.passedOver.isEmpty)
    }
}
