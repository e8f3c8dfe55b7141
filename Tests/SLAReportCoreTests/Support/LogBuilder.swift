@testable import SLAReportCore

/// Builds an ``EventLog`` from terse rows, without going through a reader, so that the group, measure and
/// aggregate stages can be tested alone.
struct LogBuilder {
    var log = EventLog()
    private var file: UInt32
    private var line = 1

    init(path: String = "test.csv") {
        file = log.addFile(path: path, format: "canonical-events")
    }

    /// `at` is `YYYY-MM-DD HH:MM[:SS]` in UTC.
    mutating func add(
        _ ticket: String, _ kind: EventKind, _ at: String, actor: String = "", value: String = "", via: String = "",
        channel: String = ""
    ) {
        line += 1
        let record = log.beginRecord(file: file, line: line)
        let event = TicketEvent(
            ticket: log.symbols.intern(ticket), kind: kind, at: LogBuilder.instant(at),
            actor: log.symbols.intern(actor),
            value: log.symbols.intern(value), via: log.symbols.intern(via), channel: log.symbols.intern(channel),
            record: record)
        log.append(event)
    }

    /// One event at an instant (for generated timelines).
    mutating func add(
        _ ticket: String, _ kind: EventKind, at instant: Instant, actor: String = "", value: String = "",
        channel: String = ""
    ) {
        line += 1
        let record = log.beginRecord(file: file, line: line)
        log.append(
            TicketEvent(
                ticket: log.symbols.intern(ticket), kind: kind, at: instant, actor: log.symbols.intern(actor),
                value: log.symbols.intern(value), via: .none, channel: log.symbols.intern(channel), record: record))
    }

    /// Parses `YYYY-MM-DD HH:MM[:SS]` as UTC (test-only shorthand).
    static func instant(_ text: String) -> Instant {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" || $0 == "T" }).compactMap {
            Int($0)
        }
        let civil = CivilDateTime(
            year: parts[0], month: parts[1], day: parts[2], hour: parts.count > 3 ? parts[3] : 0,
            minute: parts.count > 4 ? parts[4] : 0, second: parts.count > 5 ? parts[5] : 0)
        return Instant(seconds: civil.utcSeconds)
    }
}

/// A small calendar-clock policy for measurement tests.
enum TestPolicies {
    static let calendar = Policy(
        name: "test", schedules: ["default": Schedule(timezone: "UTC", hours: [:])],
        channels: [
            ChannelPolicy(
                key: "email", name: "Email", firstReply: SLADuration(amount: 4, unit: .hours),
                nextReply: SLADuration(amount: 2, unit: .hours),
                byPriority: ["urgent": PriorityTargets(firstReply: SLADuration(amount: 30, unit: .minutes))]),
            ChannelPolicy(
                key: "forum", name: "Forum", firstReply: SLADuration(amount: 14, unit: .days),
                notBefore: SLADuration(amount: 2, unit: .days)),
            ChannelPolicy(key: "twitter", name: "Twitter", firstReply: SLADuration(amount: 1, unit: .days), goal: 90),
            ChannelPolicy(key: "reddit", name: "Reddit"),
        ],
        systemActors: ["system"],
        versions: [
            PolicyVersion(
                effectiveFrom: "2017-01-01",
                channels: [
                    ChannelPolicy(key: "email", name: "Email", firstReply: SLADuration(amount: 1, unit: .hours)),
                    ChannelPolicy(
                        key: "forum", name: "Forum", firstReply: SLADuration(amount: 14, unit: .days),
                        notBefore: SLADuration(amount: 2, unit: .days)),
                    ChannelPolicy(key: "twitter", name: "Twitter", firstReply: SLADuration(amount: 1, unit: .days)),
                ])
        ])

    /// Runs the pipeline on `builder`'s log.
    static func run(_ builder: LogBuilder, policy: Policy = calendar, asOf: String? = nil) throws -> Pipeline.Result {
        let request = ReportRequest(policy: policy, asOf: asOf.map(LogBuilder.instant), toolVersion: "test")
        return try run(builder.log, request)
    }

    /// Joins a hand-built log (its directory of people built with the request's policy) and runs the pipeline.
    static func run(_ log: EventLog, _ request: ReportRequest) throws -> Pipeline.Result {
        var joined = JoinedInput(log: log, policy: request.policy)
        return try Pipeline.run(&joined, request: request)
    }

    static func row(_ result: Pipeline.Result, _ ticket: String) -> TicketRow? {
        result.model.tickets.first { $0.ticket == ticket }
    }
}
