import Foundation
import Testing

@testable import SLAReportCore

/// Requester wait, agent work and periodic update through the whole pipeline against a reference written
/// here, simple and slow: every timeline is replayed minute by minute (the status in force, whether the
/// schedule is open in that minute), on random tickets (seeded; set `SLAREPORT_SEED` to replay one) with
/// status names in any case, unknown statuses, reopens, holds, priorities changed at any time, events after
/// as-of, and a schedule with a split day, a Friday night shift, a holiday and a short date.
@Suite struct StatusMetricsPropertyTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["SLAREPORT_SEED"].flatMap { UInt64($0) } ?? 20_161_114

    /// Minutes since 1970 of 2016-11-14 00:00 UTC (a Monday).
    static let base = Int(CivilDateTime(year: 2016, month: 11, day: 14).utcSeconds / 60)
    static let asOf = base + 14 * 1440
    static let holiday = Int(CivilDateTime(year: 2016, month: 11, day: 17).utcSeconds / 86_400)
    static let shortDay = Int(CivilDateTime(year: 2016, month: 11, day: 22).utcSeconds / 86_400)

    static let weekly: [Int: [MinuteInterval]] = {
        var hours: [Int: [MinuteInterval]] = [:]
        for day in 1...5 { hours[day] = [MinuteInterval(start: 480, end: 720), MinuteInterval(start: 780, end: 1080)] }
        hours[5]?.append(MinuteInterval(start: 1320, end: 1560))  // Friday 22:00 – Saturday 02:00
        return hours
    }()

    static let policy = Policy(
        name: "property",
        schedules: [
            "default": Schedule(
                timezone: "UTC", hours: weekly, holidays: ["2016-11-17"],
                dates: ["2016-11-22": [MinuteInterval(start: 600, end: 720)]])
        ],
        channels: [
            ChannelPolicy(
                key: "email", firstReply: SLADuration(amount: 4, unit: .hours),
                requesterWait: SLADuration(amount: 6, unit: .businessHours),
                agentWork: SLADuration(amount: 3, unit: .businessHours),
                periodicUpdate: SLADuration(amount: 4, unit: .hours),
                byPriority: [
                    "high": PriorityTargets(requesterWait: SLADuration(amount: 2, unit: .hours)),
                    "low": PriorityTargets(
                        firstReply: SLADuration(amount: 10, unit: .businessHours),
                        requesterWait: SLADuration(amount: 10, unit: .businessHours),
                        agentWork: SLADuration(amount: 10, unit: .businessHours),
                        periodicUpdate: SLADuration(amount: 10, unit: .businessHours)),
                ])
        ])

    // MARK: The reference

    /// Whether minute `m` (since 1970) is inside the schedule: a span of its own day, or the tail of the
    /// previous day's night span; dated hours replace a day's, a holiday has none.
    static func isOpen(_ m: Int) -> Bool {
        let day = m / 1440
        let minute = m % 1440
        func spans(_ d: Int) -> [MinuteInterval] {
            if d == shortDay { return [MinuteInterval(start: 600, end: 720)] }
            if d == holiday { return [] }
            return weekly[(d + 3) % 7 + 1] ?? []
        }
        if spans(day).contains(where: { $0.start <= minute && minute < min($0.end, 1440) }) { return true }
        return spans(day - 1).contains { $0.end > 1440 && minute < $0.end - 1440 }
    }

    enum Limit: Equatable {
        case calendar(minutes: Int)
        case business(minutes: Int)

        var seconds: Int64 {
            switch self {
            case .calendar(let m), .business(let m): Int64(m * 60)
            }
        }
    }

    static func limit(_ metric: SLAMetric, priority: String?) -> Limit {
        if priority == "low" { return .business(minutes: 600) }
        switch metric {
        case .requesterWait: return priority == "high" ? .calendar(minutes: 120) : .business(minutes: 360)
        case .agentWork: return .business(minutes: 180)
        default: return .calendar(minutes: 240)
        }
    }

    /// One generated ticket: creation minute and its events (distinct minutes, in order).
    struct Ticket {
        var id: String
        var created: Int
        var events: [(minute: Int, kind: EventKind, value: String)]
    }

    struct Expected {
        var requesterWait: (seconds: Int64, outcome: String)
        var agentWork: (seconds: Int64, outcome: String)
        var updates: [String]  // outcomes, with "open overdue" for breached and still open
        var solved: Bool
    }

    static func expected(_ t: Ticket) -> Expected {
        let events = t.events.filter { $0.minute <= asOf }
        let changes = events.compactMap { e -> (Int, TicketStatus)? in
            guard e.kind == .status, let status = TicketStatus(name: e.value) else { return nil }
            return (e.minute, status)
        }
        var previous = TicketStatus.new
        var lastSolve: Int?
        for (minute, status) in changes {
            if status.isSolved, !previous.isSolved { lastSolve = minute }
            previous = status
        }
        let solved = previous.isSolved
        let end = solved ? (lastSolve ?? t.created) : asOf
        let priority = events.last { $0.kind == .priority && $0.minute <= end }?.value.lowercased()
        func status(at minute: Int) -> TicketStatus { changes.last { $0.0 <= minute }?.1 ?? .new }

        func clock(_ kind: StatusClock.Kind) -> (Int64, String) {
            let limit = limit(kind.metric, priority: priority)
            var total = 0
            for minute in t.created..<max(end, t.created) where kind.runs(in: status(at: minute)) {
                if case .business = limit, !isOpen(minute) { continue }
                total += 60
            }
            let over = Int64(total) > limit.seconds
            return (Int64(total), solved ? (over ? "breached" : "achieved") : (over ? "breached" : "pending"))
        }

        // Periodic update: intervals between replies while unsolved, ended by the next reply or the solve.
        var intervals: [(start: Int, end: Int?)] = []
        var open: Int?
        var isSolved = false
        for e in events {
            if e.kind == .status, let s = TicketStatus(name: e.value) {
                if s.isSolved, !isSolved, let start = open {
                    intervals.append((start, e.minute))
                    open = nil
                }
                isSolved = s.isSolved
            } else if e.kind == .reply {
                if let start = open { intervals.append((start, e.minute)) }
                open = isSolved ? nil : e.minute
            }
        }
        if let start = open { intervals.append((start, nil)) }
        let updateLimit = limit(.periodicUpdate, priority: priority)
        let updates = intervals.map { interval -> String in
            var deadline = interval.start
            switch updateLimit {
            case .calendar(let minutes): deadline += minutes
            case .business(let minutes):
                var counted = 0
                while counted < minutes {
                    if isOpen(deadline) { counted += 1 }
                    deadline += 1
                }
            }
            if let ended = interval.end { return ended <= deadline ? "achieved" : "breached" }
            return asOf > deadline ? "open overdue" : "pending"
        }
        return Expected(
            requesterWait: clock(.requesterWait), agentWork: clock(.agentWork), updates: updates, solved: solved)
    }

    // MARK: The generator

    static func tickets(seed: UInt64, count: Int) -> [Ticket] {
        var random = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let statuses = [
            "new", "open", "pending", "hold", "solved", "closed", "Open", "PENDING", "On-hold", "on_hold", "Solved",
            "escalated",
        ]
        let priorities = ["high", "HIGH", "low", "Low", "normal", "urgent"]
        return (0..<count).map { index in
            let created = base + pick(10 * 1440)
            var minute = created
            var events: [(Int, EventKind, String)] = []
            for _ in 0..<pick(13) {
                minute += 1 + pick(900)
                switch pick(20) {
                case 0..<10: events.append((minute, .status, statuses[pick(statuses.count)]))
                case 10..<15: events.append((minute, .reply, ""))
                case 15..<17: events.append((minute, .comment, ""))
                default: events.append((minute, .priority, priorities[pick(priorities.count)]))
                }
            }
            return Ticket(id: "P\(index)", created: created, events: events)
        }
    }

    static func instant(_ minute: Int) -> Instant { Instant(seconds: Int64(minute) * 60) }

    @Test func theClocksAgreeWithAMinuteByMinuteReplay() throws {
        let tickets = Self.tickets(seed: Self.seed, count: 60)
        var b = LogBuilder()
        for t in tickets {
            b.add(t.id, .created, at: Self.instant(t.created), actor: "cust", channel: "email")
            for e in t.events {
                let actor = e.kind == .comment ? "cust" : "ann"
                b.add(t.id, e.kind, at: Self.instant(e.minute), actor: actor, value: e.value)
            }
        }
        let request = ReportRequest(policy: Self.policy, asOf: Self.instant(Self.asOf), toolVersion: "test")
        let result = try TestPolicies.run(b.log, request)
        let seed = "seed \(Self.seed) (SLAREPORT_SEED=\(Self.seed) to replay)"

        // Per metric: achieved, breached, open overdue, pending.
        var totals = (wait: [0, 0, 0, 0], work: [0, 0, 0, 0], updates: [0, 0, 0, 0])
        var solved = 0
        func count(_ outcome: String, open: Bool, into list: inout [Int]) {
            switch outcome {
            case "achieved": list[0] += 1
            case "breached":
                list[1] += 1
                if open { list[2] += 1 }
            case "open overdue":
                list[1] += 1
                list[2] += 1
            default: list[3] += 1
            }
        }
        for t in tickets {
            let want = Self.expected(t)
            let row = try #require(TestPolicies.row(result, t.id), "\(seed): no row for \(t.id)")
            #expect(row.requesterWaitSeconds == want.requesterWait.seconds, "\(seed): \(t.id) requester wait")
            #expect(row.requesterWaitOutcome == want.requesterWait.outcome, "\(seed): \(t.id) requester wait outcome")
            #expect(row.agentWorkSeconds == want.agentWork.seconds, "\(seed): \(t.id) agent work")
            #expect(row.agentWorkOutcome == want.agentWork.outcome, "\(seed): \(t.id) agent work outcome")
            count(want.requesterWait.outcome, open: !want.solved, into: &totals.wait)
            count(want.agentWork.outcome, open: !want.solved, into: &totals.work)
            for outcome in want.updates { count(outcome, open: false, into: &totals.updates) }
            if want.solved { solved += 1 }
        }
        let email = try #require(result.model.channels.first { $0.key == "email" })
        // nil when the channel has no such metric, which fails the expectations below.
        func figures(_ metric: SLAMetric) -> [Int]? {
            email.statusMetric(metric).map { s in [s.achieved, s.breached, s.openOverdue, s.pending] }
        }
        #expect(figures(.requesterWait) == totals.wait, "\(seed): requester wait counts")
        #expect(figures(.agentWork) == totals.work, "\(seed): agent work counts")
        #expect(figures(.periodicUpdate) == totals.updates, "\(seed): periodic update counts")
        #expect(email.statusMetric(.requesterWait)?.measured == solved, "\(seed): measured = solved tickets")
        // Every breach is listed once.
        let listed = result.model.metricBreaches
        #expect(listed.filter { $0.metric == .requesterWait }.count == totals.wait[1], "\(seed)")
        #expect(listed.filter { $0.metric == .periodicUpdate }.count == totals.updates[1], "\(seed)")
        // The sample is not degenerate: every outcome occurs.
        #expect(totals.wait.allSatisfy { $0 > 0 } && totals.updates[0] > 0 && totals.updates[1] > 0, "\(seed)")
    }
}
