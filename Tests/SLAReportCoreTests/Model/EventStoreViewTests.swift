import Testing

@testable import SLAReportCore

/// The measure stage hands the rule side a view of the event store (``EventStore/view()``): the same
/// events through another object, whose buffers stay readable for as long as the view lives.
@Suite struct EventStoreViewTests {
    static func events(_ count: Int, wideTimes: Bool) -> [TicketEvent] {
        (0..<count).map { k in
            TicketEvent(
                ticket: Symbol(raw: 1), kind: k == 0 ? .created : (k % 3 == 0 ? .reply : .comment),
                at: Instant(seconds: 1_577_836_800 + Int64(k) * (wideTimes && k == count - 1 ? 4_000_000_000 : 60)),
                actor: Symbol(raw: UInt32(10 + k % 4)), value: Symbol(raw: UInt32(k)),
                via: Symbol(raw: UInt32(k % 300)), channel: Symbol(raw: 2), record: UInt32(k))
        }
    }

    @Test(arguments: [false, true])
    func aViewReadsTheSameEventsAfterTheStoreIsGone(wideTimes: Bool) {
        let given = Self.events(400, wideTimes: wideTimes)
        var view: EventStore?
        do {
            let store = EventStore(EventColumns(given))
            view = store.view().view()
            #expect(view !== store)
        }
        // The original reference is gone; the view keeps the buffers alive.
        guard let view else { return }
        #expect(view.count == given.count)
        let back = (0..<view.count).map { view.event($0, ticket: Symbol(raw: 1), channel: Symbol(raw: 2)) }
        #expect(back == given)
    }
}
