import Testing

@testable import SLAReportCore

/// Hand-computed periodic-update intervals and outcomes (SPEC §4). Times are UTC on 2016-11-21 (a Monday)
/// unless a day is given; the built-in schedule works Monday–Friday 09:00–17:00 UTC.
@Suite struct PeriodicUpdateTests {
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant { StatusClockTests.at(day, hour, minute) }
    static let calendar = BusinessCalendar(schedule: Policy.builtInDefaultSchedule)
    static let created = at(21, 8, 0)

    static func intervals(
        replies: [(Int, Int, Int)], changes: [(Int, Int, Int, TicketStatus)] = [], asOf: Instant = at(30, 0)
    ) -> [PeriodicUpdate.Interval] {
        PeriodicUpdate.intervals(
            created: created, replies: replies.map { at($0.0, $0.1, $0.2) }, changes: StatusClockTests.changes(changes),
            asOf: asOf)
    }

    static func interval(_ start: Instant, _ end: Instant?, _ ending: PeriodicUpdate.Ending?) -> PeriodicUpdate.Interval
    {
        PeriodicUpdate.Interval(started: start, ended: end, endedBy: ending)
    }

    @Test func intervalsBetweenRepliesJudgedLikeNextReplies() {
        let replies = [(21, 9, 0), (21, 11, 0), (21, 15, 0)]
        let list = Self.intervals(replies: replies, changes: [(21, 9, 0, .pending)], asOf: Self.at(21, 16))
        #expect(
            list == [
                Self.interval(Self.at(21, 9), Self.at(21, 11), .reply),
                Self.interval(Self.at(21, 11), Self.at(21, 15), .reply),
                Self.interval(Self.at(21, 15), nil, nil),
            ])
        #expect(list.map(\.seconds) == [7200, 14_400, nil])
        let threeHours = SLADuration(amount: 3, unit: .hours)
        let judged = PeriodicUpdate.judge(list, target: threeHours, calendar: Self.calendar, asOf: Self.at(21, 16))
        #expect(judged.map(\.outcome) == [.achieved, .breached, .pending])
        #expect(judged.map(\.deadline) == [Self.at(21, 12), Self.at(21, 14), Self.at(21, 18)])
        #expect(judged.map(\.clockSeconds) == [nil, nil, nil])
        #expect(!judged[2].openOverdue)
        // Later, the open interval is past its deadline: breached and open overdue.
        let late = PeriodicUpdate.judge(list[2], target: threeHours, calendar: Self.calendar, asOf: Self.at(21, 19))
        #expect(late.outcome == .breached)
        #expect(late.openOverdue)
        // An interval that ends exactly at its deadline is achieved.
        let exact = PeriodicUpdate.judge(
            list[0], target: SLADuration(amount: 2, unit: .hours), calendar: Self.calendar, asOf: Self.at(21, 16))
        #expect(exact.outcome == .achieved)
    }

    @Test func theSolveEndsTheWaitForAnUpdate() {
        let solvedSoon = Self.intervals(replies: [(21, 9, 0)], changes: [(21, 10, 0, .solved)])
        #expect(solvedSoon == [Self.interval(Self.at(21, 9), Self.at(21, 10), .solve)])
        let threeHours = SLADuration(amount: 3, unit: .hours)
        #expect(
            PeriodicUpdate.judge(solvedSoon[0], target: threeHours, calendar: Self.calendar, asOf: Self.at(30, 0))
                .outcome == .achieved)
        // Solved after the deadline passed without an update: breached.
        let solvedLate = Self.intervals(replies: [(21, 9, 0)], changes: [(21, 13, 0, .solved)])
        #expect(
            PeriodicUpdate.judge(solvedLate[0], target: threeHours, calendar: Self.calendar, asOf: Self.at(30, 0))
                .outcome == .breached)
        // A reply at the solve's instant ends the interval as a reply and starts none.
        let solvedWithReply = Self.intervals(replies: [(21, 9, 0), (21, 12, 0)], changes: [(21, 12, 0, .solved)])
        #expect(solvedWithReply == [Self.interval(Self.at(21, 9), Self.at(21, 12), .reply)])
        // A reply on a solved ticket starts nothing.
        let afterSolve = Self.intervals(replies: [(21, 9, 0), (21, 10, 30)], changes: [(21, 10, 0, .solved)])
        #expect(afterSolve == [Self.interval(Self.at(21, 9), Self.at(21, 10), .solve)])
        // Closing a solved ticket changes nothing.
        let closed = Self.intervals(replies: [(21, 9, 0)], changes: [(21, 10, 0, .solved), (21, 11, 0, .closed)])
        #expect(closed == [Self.interval(Self.at(21, 9), Self.at(21, 10), .solve)])
    }

    @Test func afterAReopenTheNextReplyStartsTheNextInterval() {
        let list = Self.intervals(
            replies: [(21, 9, 0), (21, 12, 0), (21, 13, 0)], changes: [(21, 10, 0, .solved), (21, 11, 0, .open)],
            asOf: Self.at(21, 14))
        #expect(
            list == [
                Self.interval(Self.at(21, 9), Self.at(21, 10), .solve),
                Self.interval(Self.at(21, 12), Self.at(21, 13), .reply),
                Self.interval(Self.at(21, 13), nil, nil),
            ])
        // Pending and hold do not stop the clock.
        let paused = Self.intervals(
            replies: [(21, 9, 0), (21, 14, 0)], changes: [(21, 9, 0, .pending), (21, 11, 0, .hold)],
            asOf: Self.at(21, 14))
        #expect(paused.first == Self.interval(Self.at(21, 9), Self.at(21, 14), .reply))
    }

    @Test func inputEdges() {
        // No replies, no intervals; replies at one instant start one interval.
        #expect(Self.intervals(replies: []).isEmpty)
        #expect(
            Self.intervals(replies: [(21, 9, 0), (21, 9, 0), (21, 10, 0)], asOf: Self.at(21, 11)) == [
                Self.interval(Self.at(21, 9), Self.at(21, 10), .reply), Self.interval(Self.at(21, 10), nil, nil),
            ])
        // Replies and changes after as-of are ignored; so are replies before creation.
        #expect(
            Self.intervals(
                replies: [(20, 9, 0), (21, 9, 0), (21, 12, 0)], changes: [(21, 11, 0, .solved)],
                asOf: Self.at(21, 10)) == [Self.interval(Self.at(21, 9), nil, nil)])
        // Solved before the first reply: nothing.
        #expect(Self.intervals(replies: [(21, 9, 0)], changes: [(21, 8, 30, .solved)]).isEmpty)
    }

    @Test func onTheBusinessClock() {
        // Friday 16:00 → Monday 10:00: 66 calendar hours, 2 business hours.
        let list = PeriodicUpdate.intervals(
            created: Self.at(18, 8), replies: [Self.at(18, 16), Self.at(21, 10)], changes: [], asOf: Self.at(21, 10))
        #expect(list.count == 2)
        guard let first = list.first else { return }
        #expect(first == Self.interval(Self.at(18, 16), Self.at(21, 10), .reply))
        #expect(first.seconds == Int64(66 * 3600))
        let two = PeriodicUpdate.judge(
            first, target: SLADuration(amount: 2, unit: .businessHours), calendar: Self.calendar, asOf: Self.at(21, 10))
        #expect(two.deadline == Self.at(21, 10))
        #expect(two.outcome == .achieved)
        #expect(two.clockSeconds == 7200)
        let one = PeriodicUpdate.judge(
            first, target: SLADuration(amount: 1, unit: .businessHours), calendar: Self.calendar, asOf: Self.at(21, 10))
        #expect(one.deadline == Self.at(18, 17))
        #expect(one.outcome == .breached)
        #expect(one.clockSeconds == 7200)
    }
}
