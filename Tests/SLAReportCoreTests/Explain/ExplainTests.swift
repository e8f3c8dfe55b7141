import Foundation
import Testing

@testable import SLAReportCore

/// The explain stage on hand-made tickets whose clocks are worked out by hand below: a DST change, a holiday,
/// a weekend start on the business-days clock, a ticket outside the window, a missing one, and hostile text.
@Suite struct ExplainTests {
    static let hour: Int64 = 3600

    /// Amsterdam hours (Mon–Fri 09:00–17:00, CEST until 2016-10-30 03:00, then CET), All Saints' Day
    /// (Tue 2016-11-01) off; email 12 business hours, twitter 1 business day.
    static let policy = Policy(
        name: "Amsterdam team",
        schedules: [
            "default": Schedule(
                timezone: "Europe/Amsterdam",
                hours: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [MinuteInterval(start: 540, end: 1020)]) }),
                holidays: ["2016-11-01"])
        ],
        channels: [
            ChannelPolicy(key: "email", name: "E-mail", firstReply: SLADuration(amount: 12, unit: .businessHours)),
            ChannelPolicy(key: "twitter", name: "Twitter", firstReply: SLADuration(amount: 1, unit: .businessDays)),
        ],
        agents: [PolicyAgent(name: "Ana Souza", aliases: ["ana_gitlab"])], systemActors: ["zendesk"])

    static func log(subject: String = "Login fails", requester: String = "cust") -> EventLog {
        var b = LogBuilder(path: "events.csv")
        // Fri 2016-10-28 15:00Z = 17:00 CEST, just after hours.
        b.add("A", .created, "2016-10-28 15:00", actor: requester, value: subject, channel: "email")
        b.add("A", .assign, "2016-10-28 15:05", actor: "zendesk", value: "ana_gitlab")
        // Wed 2016-11-02 10:00Z = 11:00 CET.
        b.add("A", .reply, "2016-11-02 10:00", actor: "ana_gitlab", via: "zendesk")
        // Sat 2016-10-29 10:00Z; replied Tue 2016-11-01 08:00Z (the holiday).
        b.add("B", .created, "2016-10-29 10:00", actor: "@carol", channel: "twitter")
        b.add("B", .reply, "2016-11-01 08:00", actor: "ana_gitlab", via: "zendesk")
        b.add("R", .reply, "2016-11-01 08:00", actor: "ana_gitlab")
        return b.log
    }

    static func explain(
        _ ticket: String, log: EventLog = log(), since: Instant? = nil
    ) throws -> Explain.Result {
        var joined = JoinedInput(log: log, policy: policy)
        let request = ReportRequest(
            policy: policy, since: since.map { .instant($0) }, asOf: LogBuilder.instant("2016-11-05 00:00"),
            toolVersion: "test")
        return try Explain.run(&joined, request: request, ticket: ticket)
    }

    static func explained(_ result: Explain.Result) throws -> TicketExplanation {
        guard case .explained(let x) = result else {
            Issue.record("not explained: \(result)")
            throw CancellationError()
        }
        return x
    }

    @Test func aBusinessHoursClockAcrossADSTChangeAndAHoliday() throws {
        let x = try Self.explained(try Self.explain("A"))
        let clock = try #require(x.clocks.first)
        #expect(x.clocks.count == 1)
        #expect(clock.metric == .firstReply && clock.clock == .businessHours && clock.timezone == "Europe/Amsterdam")
        // Fri after hours, Sat, Sun (25 hours, CEST → CET), Mon 8h, Tue holiday, Wed 09:00–11:00 CET.
        #expect(
            clock.days.map(\.day.date) == [
                "2016-10-28", "2016-10-29", "2016-10-30", "2016-10-31", "2016-11-01", "2016-11-02",
            ])
        #expect(clock.days.map(\.day.kind) == [.working, .noHours, .noHours, .working, .holiday, .working])
        #expect(clock.days.map(\.counted) == [0, 0, 0, 8 * Self.hour, 0, 2 * Self.hour])
        #expect(clock.days[2].day.length == 25 * Self.hour)
        #expect(clock.days[2].day.offsetChanges.map(\.to) == [3600])
        #expect(clock.days.last?.total == 10 * Self.hour)
        #expect(clock.clockSeconds == 10 * Self.hour)
        #expect(
            clock.calendarSeconds == LogBuilder.instant("2016-11-02 10:00").seconds
                - LogBuilder.instant("2016-10-28 15:00").seconds)
        // 12 business hours: Monday's 8 and Wednesday's first 4 → Wed 13:00 CET = 12:00Z.
        #expect(clock.deadline == LogBuilder.instant("2016-11-02 12:00"))
        #expect(clock.outcome == .achieved)
        #expect(
            clock.margin
                == ClockStory.Margin(kind: .toSpare, calendarSeconds: 2 * Self.hour, clockSeconds: 2 * Self.hour))
        // Marks in local time: created 17:00 CEST on Friday; first reply 11:00 and deadline 13:00 CET Wednesday.
        #expect(clock.days[0].marks.map { "\($0.what) \($0.wallSeconds)" } == ["created \(17 * Self.hour)"])
        #expect(
            clock.days[5].marks.map { "\($0.what) \($0.wallSeconds)" } == [
                "first reply \(11 * Self.hour)", "deadline \(13 * Self.hour)",
            ])
        #expect(clock.deadlineRule?.contains("counted from Mon 2016-10-31 09:00") == true)
        // The report's row agrees.
        let row = try #require(x.row)
        #expect(row.frtBusinessSeconds == clock.clockSeconds && row.frtSeconds == clock.calendarSeconds)
        #expect(row.deadline == clock.deadline && row.outcome == "achieved" && row.target == "12 business hours")
        #expect(row.assignee == "Ana Souza")
        #expect(x.window.inReport && x.window.outside == nil)
        #expect(x.channel.chosenBy == .record(SourceLocation(path: "events.csv", line: 2)))
    }

    @Test func aBusinessDaysClockFromASaturdayEndsAtTheMidnightClosingMonday() throws {
        let x = try Self.explained(try Self.explain("B"))
        let clock = try #require(x.clocks.first)
        #expect(clock.clock == .businessDays)
        // The clock starts Mon 00:00 CET; one working day ends at Tue 00:00 CET = Mon 23:00Z. The reply came on
        // the holiday, when the clock does not run: late by 9 hours, none of them on the clock.
        #expect(clock.deadline == LogBuilder.instant("2016-10-31 23:00"))
        #expect(clock.outcome == .breached)
        #expect(clock.margin == ClockStory.Margin(kind: .lateBy, calendarSeconds: 9 * Self.hour, clockSeconds: 0))
        #expect(clock.days.map(\.counted) == [0, 0, 24 * Self.hour, 0])
        #expect(clock.days.map(\.day.workingDay) == [false, false, true, false])
        #expect(clock.deadlineRule?.hasPrefix("created on a day the clock does not run") == true)
        #expect(x.row?.frtBusinessSeconds == 24 * Self.hour)
        let people = Dictionary(uniqueKeysWithValues: x.people.map { ($0.actor, $0) })
        #expect(people["@carol"]?.role == "requester")
        #expect(people["ana_gitlab"]?.role == "agent")
        #expect(people["ana_gitlab"]?.name == "Ana Souza")
        #expect(people["ana_gitlab"]?.reasons.first == "listed in the policy's agents (an alias of Ana Souza)")
        #expect(x.events.map(\.counted) == [.creation, .firstReply])
    }

    @Test func aTicketOutsideTheWindowIsExplainedAndTheWindowNamed() throws {
        let x = try Self.explained(try Self.explain("A", since: LogBuilder.instant("2016-10-31 00:00")))
        #expect(!x.window.inReport)
        #expect(x.row == nil)
        #expect(x.window.outside?.contains("before the window since 2016-10-31 00:00 UTC") == true)
        #expect(x.clocks.first?.clockSeconds == 10 * Self.hour, "measured all the same")
    }

    @Test func aMissingTicketNamesItsRejectedRecordsOrTheIdsThereAre() throws {
        guard case .notFound(let rejected) = try Self.explain("R") else {
            Issue.record("R has no created event")
            return
        }
        #expect(rejected.records == 1)
        #expect(
            rejected.rejected == [RejectedRecord(path: "events.csv", line: 7, reason: "no created event for ticket R")])
        guard case .notFound(let missing) = try Self.explain("Z") else {
            Issue.record("there is no Z")
            return
        }
        #expect(missing.records == 0 && missing.rejected.isEmpty)
        #expect(missing.ids == ["A", "B"])
    }

    /// Requester wait and agent work pause while pending; periodic update runs from a reply to the next (or
    /// to the solve). Worked by hand on Mon 2016-11-21, UTC hours 09:00–17:00.
    @Test func clocksThatPauseAndPeriodicUpdatesAreToldFromTheReportsFigures() throws {
        let policy = Policy(
            name: "status clocks",
            schedules: [
                "default": Schedule(
                    timezone: "UTC",
                    hours: Dictionary(
                        uniqueKeysWithValues: (1...5).map { ($0, [MinuteInterval(start: 540, end: 1020)]) }))
            ],
            channels: [
                ChannelPolicy(
                    key: "email", firstReply: SLADuration(amount: 1, unit: .businessHours),
                    requesterWait: SLADuration(amount: 2, unit: .businessHours),
                    agentWork: SLADuration(amount: 4, unit: .businessHours),
                    periodicUpdate: SLADuration(amount: 4, unit: .businessHours))
            ])
        var b = LogBuilder(path: "events.csv")
        b.add("S", .created, "2016-11-21 09:00", actor: "cust", channel: "email")
        b.add("S", .reply, "2016-11-21 09:30", actor: "ann")
        b.add("S", .status, "2016-11-21 10:00", actor: "ann", value: "pending")
        b.add("S", .status, "2016-11-21 14:00", actor: "cust", value: "open")
        b.add("S", .status, "2016-11-21 16:00", actor: "ann", value: "solved")
        var joined = JoinedInput(log: b.log, policy: policy)
        let request = ReportRequest(policy: policy, asOf: LogBuilder.instant("2016-11-25 00:00"), toolVersion: "test")
        let x = try Self.explained(try Explain.run(&joined, request: request, ticket: "S"))
        #expect(x.clocks.map(\.metric) == [.firstReply, .requesterWait, .agentWork, .periodicUpdate])
        // Requester wait: 09:00–10:00 and 14:00–16:00 = 3h against 2h: over by 1h, the limit reached at 15:00.
        let wait = x.clocks[1]
        #expect(wait.clockSeconds == 3 * Self.hour && wait.calendarSeconds == 3 * Self.hour)
        #expect(wait.outcome == .breached && !wait.openOverdue)
        #expect(wait.deadline == LogBuilder.instant("2016-11-21 15:00"))
        #expect(wait.margin == ClockStory.Margin(kind: .lateBy, calendarSeconds: nil, clockSeconds: Self.hour))
        #expect(wait.stopped == LogBuilder.instant("2016-11-21 16:00"))
        #expect(wait.days.map(\.counted) == [3 * Self.hour])
        #expect(
            wait.days.first?.marks.map(\.what) == [
                "created", "pending (paused)", "open (runs)", "limit reached", "solved",
            ])
        // Agent work: the same 3h against 4h: 1h to spare.
        let work = x.clocks[2]
        #expect(work.outcome == .achieved)
        #expect(work.margin == ClockStory.Margin(kind: .toSpare, calendarSeconds: nil, clockSeconds: Self.hour))
        // Periodic update: from the reply at 09:30 to the solve at 16:00 = 6h 30m against 4h (deadline 13:30).
        let update = x.clocks[3]
        #expect(update.number == 1)
        #expect(update.started == LogBuilder.instant("2016-11-21 09:30"))
        #expect(update.stoppedBy?.hasPrefix("the solve") == true)
        #expect(update.deadline == LogBuilder.instant("2016-11-21 13:30"))
        #expect(update.outcome == .breached)
        #expect(update.clockSeconds == 6 * Self.hour + 1800)
        // The report's row holds the same.
        #expect(x.row?.requesterWaitSeconds == 3 * Self.hour && x.row?.requesterWaitOutcome == "breached")
        #expect(x.row?.agentWorkSeconds == 3 * Self.hour && x.row?.agentWorkOutcome == "achieved")
        let text = ExplainTextRenderer.render(x)
        #expect(text.contains("  outcome   requester wait 3h on the clock: breached, 1h on the clock late\n"))
        #expect(text.contains("\nPeriodic update 1\n"))
    }

    @Test func inputTextReachesTheTerminalWithoutControlCharacters() throws {
        let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{7}Sub\u{202E}ject\u{0}\r\nline"
        let x = try Self.explained(try Self.explain("A", log: Self.log(subject: hostile, requester: "cu\u{1B}[31mst")))
        let text = ExplainTextRenderer.render(x)
        let controls = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value)
        }
        #expect(controls.isEmpty, "\(controls.map(\.value))")
        #expect(text.contains("subject   [2J]0;pwnedSubject line"))
        let json = ExplainJSONRenderer.render(x)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "slareport-explain/1")
        #expect(object["subject"] as? String == hostile, "JSON keeps the value, escaped")
        #expect(!json.unicodeScalars.contains { $0.value == 0x1B })
    }
}
