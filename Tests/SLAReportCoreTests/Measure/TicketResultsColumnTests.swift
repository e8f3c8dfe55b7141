import Testing

@testable import SLAReportCore

/// The measure stage's per-ticket result columns store instants and durations in 4 bytes where they fit and
/// widen a whole column where one does not: every value reads back exactly and prints the same.
@Suite struct TicketResultsColumnTests {
    /// 2020-01-01T00:00:00Z.
    static let base: Int64 = 1_577_836_800
    /// 95 years in seconds: more than `Int32.max` (68 years), so no offset from any base holds it.
    static let long: Int64 = 3_000_000_000

    @Test func optionalColumnWidensOnlyWhenAValueDoesNotFit() {
        var narrow = OptionalTimeColumn()
        var wide = OptionalTimeColumn()
        let values: [Int64?] = [nil, nil, 60, nil, 3_600, -5, nil]
        for v in values { narrow.append(v) }
        for v in values { wide.append(v.map { $0 == 3_600 ? Self.long * 2 : $0 }) }
        #expect(!narrow.isWide)
        #expect(wide.isWide)
        #expect(narrow.count == values.count && wide.count == values.count)
        #expect(values.indices.map { narrow.optional($0) } == values)
        #expect(values.indices.map { wide.optional($0) } == [nil, nil, 60, nil, Self.long * 2, -5, nil])
        #expect(narrow[0] == TicketResults.none && narrow[3] == TicketResults.none)
        var empty = OptionalTimeColumn()
        for _ in 0..<70 { empty.append(nil) }
        #expect((0..<70).allSatisfy { empty.optional($0) == nil })
    }

    /// Three tickets: one whose every instant and duration is ordinary, one whose values lie 95 years away
    /// (created in 1925, replied to and solved 95 years later, a deadline in 2115) and whose assignee's id
    /// does not fit 2 bytes (any id reads back, however the column codes it), one with nothing measured.
    func measurements(_ symbols: inout SymbolTable) -> [TicketMeasurement] {
        let channel = symbols.intern("email")
        var ordinary = TicketMeasurement(
            ticket: symbols.intern("ordinary"), channel: channel, created: Instant(seconds: Self.base))
        ordinary.firstReply = Instant(seconds: Self.base + 3_600)
        ordinary.frtSeconds = 3_600
        ordinary.frtBusinessSeconds = 1_800
        ordinary.frtTargetBusinessSeconds = 1_800
        ordinary.deadline = Instant(seconds: Self.base + 7_200)
        ordinary.outcome = .achieved
        ordinary.target = SLADuration(amount: 2, unit: .hours)
        ordinary.firstResolutionSeconds = 86_400
        ordinary.fullResolutionSeconds = 90_000
        ordinary.nextReplies = [
            NextReplyClock(
                started: Instant(seconds: Self.base + 4_000), replied: Instant(seconds: Self.base + 4_600),
                seconds: 600, businessSeconds: 300, deadline: Instant(seconds: Self.base + 7_600), outcome: .achieved)
        ]
        let old = Self.base - Self.long
        for k in 0..<70_000 { _ = symbols.intern("someone-\(k)") }
        var far = TicketMeasurement(ticket: symbols.intern("far"), channel: channel, created: Instant(seconds: old))
        far.assignee = symbols.intern("late-agent")
        far.firstReplyActor = far.assignee
        far.firstReply = Instant(seconds: old + Self.long)
        far.frtSeconds = Self.long
        far.frtBusinessSeconds = Self.long / 3
        far.frtTargetBusinessSeconds = Int64(Int32.max)
        far.deadline = Instant(seconds: Self.base + Self.long)
        far.outcome = .breached
        far.target = SLADuration(amount: 1, unit: .hours)
        far.firstResolutionSeconds = Self.long + 1
        far.fullResolutionSeconds = Self.long * 2
        far.reopens = 3
        far.nextReplies = [
            NextReplyClock(
                started: Instant(seconds: old + 10), replied: nil, solved: Instant(seconds: old + Self.long + 20),
                seconds: nil, businessSeconds: nil, deadline: Instant(seconds: Self.base + Self.long),
                outcome: .breached),
            NextReplyClock(
                started: Instant(seconds: old + Self.long + 30), replied: nil, seconds: nil, businessSeconds: nil,
                deadline: nil, outcome: nil),
        ]
        let nothing = TicketMeasurement(
            ticket: symbols.intern("nothing"), channel: channel, created: Instant(seconds: Self.base + 60))
        return [ordinary, far, nothing]
    }

    @Test func valuesThatDoNotFitFourBytesRoundTrip() {
        var symbols = SymbolTable()
        let given = measurements(&symbols)
        var results = TicketResults()
        for (i, m) in given.enumerated() { results.append(m, timeline: i) }
        #expect(results.created.isWide)
        #expect(results.frt.isWide)
        #expect(results.deadline.isWide)
        #expect(results.fullResolution.isWide)
        #expect(!results.assignee.isWide, "an id past 65,535 is one code among few")
        #expect(!results.channel.isWide)
        for (i, m) in given.enumerated() {
            let back = results[i]
            #expect(back.created == m.created)
            #expect(back.firstReply == m.firstReply)
            #expect(back.frtSeconds == m.frtSeconds)
            #expect(back.frtBusinessSeconds == m.frtBusinessSeconds)
            #expect(back.frtTargetBusinessSeconds == m.frtTargetBusinessSeconds)
            #expect(back.deadline == m.deadline)
            #expect(back.outcome == m.outcome)
            #expect(back.target == m.target)
            #expect(back.firstResolutionSeconds == m.firstResolutionSeconds)
            #expect(back.fullResolutionSeconds == m.fullResolutionSeconds)
            #expect(back.reopens == m.reopens)
            #expect(back.assignee == m.assignee)
            #expect(back.firstReplyActor == m.firstReplyActor)
            #expect(back.channel == m.channel)
            #expect(back.nextReplies == m.nextReplies)
        }
    }

    @Test func ordinaryValuesStayNarrow() {
        var symbols = SymbolTable()
        var results = TicketResults()
        let given = measurements(&symbols)
        results.append(given[0], timeline: 0)
        results.append(given[2], timeline: 2)
        #expect(!results.created.isWide && !results.frt.isWide && !results.deadline.isWide)
        #expect(results[1].frtSeconds == nil && results[1].deadline == nil)
        #expect(results[0].frtSeconds == 3_600)
    }

    /// The CSV written from the columns is the CSV of the rows made from the measurements themselves.
    @Test func wideValuesPrintTheSame() {
        var symbols = SymbolTable()
        let given = measurements(&symbols)
        var results = TicketResults()
        for (i, m) in given.enumerated() { results.append(m, timeline: i) }
        let directory = ActorDirectory()
        let rows = TicketRows(
            results: results, symbols: symbols, directory: directory, ruleFlags: [], excluded: [false, false, false])
        var fromColumns = ByteSink()
        let written: Void? = rows.withColumns { columns in
            let writer = CSVRenderer.ColumnWriter(columns)
            var texts = writer.texts()
            for i in columns.results.indices { writer.appendRow(i, to: &fromColumns, texts: &texts) }
        }
        #expect(written != nil)
        var fromValues = ByteSink()
        for m in given {
            let row = Aggregator.ticketRow(
                m, statusMetrics: nil, ruleFlags: [], excluded: false, directory: directory, symbols: symbols)
            CSVRenderer.appendRow(row, to: &fromValues)
        }
        #expect(fromColumns.string == fromValues.string)
        #expect(fromColumns.string.contains("far,email,,1924-12-"))
        #expect(fromColumns.string.contains(",3000000000,"))
        #expect(fromColumns.string.contains(",late-agent,"))
    }
}
