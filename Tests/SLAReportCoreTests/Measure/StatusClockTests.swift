import Testing

@testable import SLAReportCore

/// Hand-computed requester wait and agent work (SPEC §4). Times are UTC; 2016-11-21 is a Monday and the
/// built-in schedule works Monday–Friday 09:00–17:00 UTC.
@Suite struct StatusClockTests {
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
        Instant(seconds: CivilDateTime(year: 2016, month: 11, day: day, hour: hour, minute: minute).utcSeconds)
    }

    static func changes(_ list: [(Int, Int, Int, TicketStatus)]) -> [StatusChange] {
        list.map { StatusChange(at: at($0.0, $0.1, $0.2), status: $0.3) }
    }

    static let calendar = BusinessCalendar(schedule: Policy.builtInDefaultSchedule)
    static let hour: Int64 = 3600

    static func clock(
        _ kind: StatusClock.Kind, created: Instant = at(21, 9), _ changes: [(Int, Int, Int, TicketStatus)],
        asOf: Instant = at(30, 0)
    ) -> StatusClock {
        StatusClock(kind: kind, created: created, changes: Self.changes(changes), asOf: asOf)
    }

    @Test func whichStatusesRun() {
        let requester = TicketStatus.allCases.filter { StatusClock.Kind.requesterWait.runs(in: $0) }
        let agent = TicketStatus.allCases.filter { StatusClock.Kind.agentWork.runs(in: $0) }
        #expect(requester == [.new, .open, .hold])
        #expect(agent == [.new, .open])
        #expect(TicketStatus(name: "On-Hold") == .hold)
        #expect(TicketStatus(name: "SOLVED") == .solved)
        #expect(TicketStatus(name: "deleted") == nil)
    }

    @Test func pendingPausesBothClocks() {
        // New 09:00, open 09:00, pending 10:00, open 12:00 (the requester answered), solved 13:00.
        let steps: [(Int, Int, Int, TicketStatus)] = [
            (21, 9, 0, .open), (21, 10, 0, .pending), (21, 12, 0, .open), (21, 13, 0, .solved),
        ]
        for kind in [StatusClock.Kind.requesterWait, .agentWork] {
            let clock = Self.clock(kind, steps)
            #expect(
                clock.running == [
                    TimeSpan(start: Self.at(21, 9), end: Self.at(21, 10)),
                    TimeSpan(start: Self.at(21, 12), end: Self.at(21, 13)),
                ])
            #expect(clock.calendarSeconds == 2 * Self.hour)
            #expect(clock.end == Self.at(21, 13))
            #expect(clock.solved)
            #expect(!clock.isRunning)
            let within = clock.judge(against: SLADuration(amount: 2, unit: .hours), calendar: Self.calendar)
            #expect(within.outcome == .achieved)
            #expect(within.seconds == 2 * Self.hour)
            #expect(within.overBySeconds == nil)
            #expect(within.limitReachedAt == Self.at(21, 13))
            let over = clock.judge(against: SLADuration(amount: 119, unit: .minutes), calendar: Self.calendar)
            #expect(over.outcome == .breached)
            #expect(!over.openOverdue)
            #expect(over.overBySeconds == 60)
            #expect(over.limitReachedAt == Self.at(21, 12, 59))
        }
    }

    @Test func holdRunsForTheRequesterButNotForTheAgent() {
        // New 09:00, open 09:30, hold 10:00, open 14:00, pending 15:00, solved 16:00.
        let steps: [(Int, Int, Int, TicketStatus)] = [
            (21, 9, 30, .open), (21, 10, 0, .hold), (21, 14, 0, .open), (21, 15, 0, .pending), (21, 16, 0, .solved),
        ]
        let requester = Self.clock(.requesterWait, steps)
        #expect(requester.running == [TimeSpan(start: Self.at(21, 9), end: Self.at(21, 15))])
        #expect(requester.calendarSeconds == 6 * Self.hour)
        let agent = Self.clock(.agentWork, steps)
        #expect(
            agent.running == [
                TimeSpan(start: Self.at(21, 9), end: Self.at(21, 10)),
                TimeSpan(start: Self.at(21, 14), end: Self.at(21, 15)),
            ])
        #expect(agent.calendarSeconds == 2 * Self.hour)
        #expect(agent.end == Self.at(21, 16))
    }

    @Test func aReopenRunsTheClockAgainUntilTheLastSolve() {
        // Solved Monday 11:00, reopened Tuesday 09:00, solved again Tuesday 10:00.
        let steps: [(Int, Int, Int, TicketStatus)] = [(21, 11, 0, .solved), (22, 9, 0, .open), (22, 10, 0, .solved)]
        let clock = Self.clock(.requesterWait, steps)
        #expect(clock.calendarSeconds == 3 * Self.hour)
        #expect(clock.end == Self.at(22, 10))
        #expect(clock.seconds(on: .businessHours, calendar: Self.calendar) == 3 * Self.hour)
        // As of Tuesday 09:30 the ticket is open again: 2 h 30 m, still running.
        let reopened = Self.clock(.requesterWait, steps, asOf: Self.at(22, 9, 30))
        #expect(!reopened.solved)
        #expect(reopened.isRunning)
        #expect(reopened.end == Self.at(22, 9, 30))
        #expect(reopened.calendarSeconds == 2 * Self.hour + 1800)
        let pending = reopened.judge(against: SLADuration(amount: 4, unit: .hours), calendar: Self.calendar)
        #expect(pending.outcome == .pending)
        #expect(!pending.openOverdue)
        // 1 h 30 m more from as-of if it keeps running.
        #expect(pending.limitReachedAt == Self.at(22, 11))
        let overdue = reopened.judge(against: SLADuration(amount: 2, unit: .hours), calendar: Self.calendar)
        #expect(overdue.outcome == .breached)
        #expect(overdue.openOverdue)
        #expect(overdue.overBySeconds == 1800)
        // It reached 2 hours at the end of the first stretch.
        #expect(overdue.limitReachedAt == Self.at(21, 11))
    }

    @Test func unsolvedAndPausedAtAsOf() {
        // Pending from 10:00 on, judged on Wednesday: 1 h, paused.
        let clock = Self.clock(.agentWork, [(21, 10, 0, .pending)], asOf: Self.at(23, 12))
        #expect(clock.calendarSeconds == Self.hour)
        #expect(!clock.isRunning)
        #expect(clock.end == Self.at(23, 12))
        let over = clock.judge(against: SLADuration(amount: 30, unit: .minutes), calendar: Self.calendar)
        #expect(over.outcome == .breached)
        #expect(over.openOverdue)
        #expect(over.limitReachedAt == Self.at(21, 9, 30))
        let within = clock.judge(against: SLADuration(amount: 2, unit: .hours), calendar: Self.calendar)
        #expect(within.outcome == .pending)
        #expect(within.limitReachedAt == nil)
        // A pause that starts exactly at as-of: not running.
        let pausedNow = Self.clock(.agentWork, [(21, 10, 0, .pending)], asOf: Self.at(21, 10))
        #expect(!pausedNow.isRunning)
        #expect(pausedNow.calendarSeconds == Self.hour)
    }

    @Test func onTheBusinessClocks() {
        // Created Friday 16:00, solved Monday 10:00, open all along.
        let created = Self.at(18, 16)
        let clock = Self.clock(.requesterWait, created: created, [(18, 16, 0, .open), (21, 10, 0, .solved)])
        #expect(clock.calendarSeconds == 66 * Self.hour)
        // Friday 16–17 and Monday 09–10.
        #expect(clock.seconds(on: .businessHours, calendar: Self.calendar) == 2 * Self.hour)
        // Friday 16:00–24:00 and Monday 00:00–10:00.
        #expect(clock.seconds(on: .businessDays, calendar: Self.calendar) == 18 * Self.hour)
        let twoHours = clock.judge(against: SLADuration(amount: 2, unit: .businessHours), calendar: Self.calendar)
        #expect(twoHours.outcome == .achieved)
        #expect(twoHours.seconds == 2 * Self.hour)
        #expect(twoHours.limitReachedAt == Self.at(21, 10))
        let oneHour = clock.judge(against: SLADuration(amount: 1, unit: .businessHours), calendar: Self.calendar)
        #expect(oneHour.outcome == .breached)
        #expect(oneHour.overBySeconds == Self.hour)
        #expect(oneHour.limitReachedAt == Self.at(18, 17))
        let oneDay = clock.judge(against: SLADuration(amount: 1, unit: .businessDays), calendar: Self.calendar)
        #expect(oneDay.outcome == .achieved)
        #expect(oneDay.seconds == 18 * Self.hour)
        // Agent work with a hold across Monday night: Mon 09–10 and Tue 11–12 business; requester wait
        // Mon 09–17 and Tue 09–12.
        let steps: [(Int, Int, Int, TicketStatus)] = [(21, 10, 0, .hold), (22, 11, 0, .open), (22, 12, 0, .solved)]
        #expect(Self.clock(.agentWork, steps).seconds(on: .businessHours, calendar: Self.calendar) == 2 * Self.hour)
        #expect(
            Self.clock(.requesterWait, steps).seconds(on: .businessHours, calendar: Self.calendar) == 11 * Self.hour)
    }

    @Test func onANightShiftSchedule() {
        // Friday 22:00-02:00 only; created Friday 21:00, solved Saturday 01:00: 3 business hours.
        let calendar = BusinessCalendar(
            schedule: Schedule(timezone: "UTC", hours: [5: [MinuteInterval(start: 1320, end: 1560)]]))
        let clock = Self.clock(.requesterWait, created: Self.at(18, 21), [(19, 1, 0, .solved)])
        #expect(clock.seconds(on: .businessHours, calendar: calendar) == 3 * Self.hour)
        let result = clock.judge(against: SLADuration(amount: 150, unit: .businessMinutes), calendar: calendar)
        #expect(result.outcome == .breached)
        #expect(result.limitReachedAt == Self.at(19, 0, 30))
    }

    @Test func edgesOfTheInput() {
        // Changes after as-of are ignored: the ticket is still open at as-of.
        let early = Self.clock(.requesterWait, [(21, 12, 0, .solved)], asOf: Self.at(21, 10))
        #expect(!early.solved)
        #expect(early.calendarSeconds == Self.hour)
        // A change before creation counts as made at creation.
        let before = Self.clock(.agentWork, [(20, 8, 0, .pending), (21, 11, 0, .open), (21, 12, 0, .closed)])
        #expect(before.running == [TimeSpan(start: Self.at(21, 11), end: Self.at(21, 12))])
        // Created pending (an agent's ticket waiting on the customer): nothing runs, nothing to project.
        let waiting = Self.clock(.requesterWait, [(21, 9, 0, .pending)], asOf: Self.at(22, 9))
        #expect(waiting.running.isEmpty)
        let judged = waiting.judge(against: SLADuration(amount: 1, unit: .hours), calendar: Self.calendar)
        #expect(judged.outcome == .pending)
        #expect(judged.limitReachedAt == nil)
        // Solved then closed: the measure ends at the solve.
        let closed = Self.clock(.requesterWait, [(21, 10, 0, .solved), (21, 12, 0, .closed)])
        #expect(closed.end == Self.at(21, 10))
        #expect(closed.calendarSeconds == Self.hour)
        // A zero target: any running time is over it.
        let zero = closed.judge(against: SLADuration(amount: 0, unit: .minutes), calendar: Self.calendar)
        #expect(zero.outcome == .breached)
        #expect(zero.overBySeconds == Self.hour)
        // Never a status change: new all along, running at as-of.
        let untouched = Self.clock(.agentWork, [], asOf: Self.at(21, 9, 45))
        #expect(untouched.isRunning)
        #expect(untouched.calendarSeconds == 45 * 60)
    }
}
