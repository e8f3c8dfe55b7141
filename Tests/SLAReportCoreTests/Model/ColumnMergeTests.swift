import Testing

@testable import SLAReportCore

/// Appending one part's columns to another's (``EventLog/absorb(_:sameFile:lineShift:)``) must give the
/// columns that appending the part's rows one by one gives, whatever their widths: seeded, the seed printed.
@Suite struct ColumnMergeTests {
    /// Symbols for a column: `distinct` of them, each row repeating the one before now and then.
    static func symbols(_ count: Int, distinct: Int, from first: UInt32, _ random: inout TestRandom) -> [UInt32] {
        var rows: [UInt32] = []
        for _ in 0..<count {
            if let last = rows.last, random.chance(40) {
                rows.append(last)
            } else {
                rows.append(first + UInt32(random.below(max(distinct, 1))))
            }
        }
        return rows
    }

    /// A column of `rows` appended one by one.
    static func column(_ rows: [UInt32]) -> SymbolCodeColumn {
        var column = SymbolCodeColumn()
        for s in rows { column.append(s) }
        return column
    }

    /// A column of `rows` appended one by one.
    static func column(_ rows: [Int64]) -> TimeColumn {
        var column = TimeColumn()
        for s in rows { column.append(s) }
        return column
    }

    @Test func symbolCodeColumnsMergeAsRowByRow() {
        var random = TestRandom(20_261_203)
        print("ColumnMergeTests: \(random.note)")
        for round in 0..<200 {
            // Distinct counts around the 256 codes a narrow column holds, on either side and both together.
            let mine = Self.symbols(
                random.int(0...600), distinct: random.pick([1, 5, 40, 200, 250, 256, 300]), from: 1, &random)
            let theirs = Self.symbols(
                random.int(0...600), distinct: random.pick([1, 3, 8, 60, 200, 257]), from: 1, &random)
            // The other part's ids map to this part's: some onto symbols already here, some onto new ones.
            let shift = UInt32(random.pick([0, 100, 240, 1_000]))
            let map = (0..<300).map { Symbol(raw: $0 == 0 ? 0 : UInt32($0) + shift) }
            var merged = Self.column(mine)
            var other = Self.column(theirs)
            merged.append(moving: &other, map: map)
            var expected = Self.column(mine + theirs.map { map[Int($0)].raw })
            #expect(other.count == 0, "round \(round), \(random.note)")
            #expect(merged == expected, "round \(round), \(random.note)")
            #expect(merged.isWide == expected.isWide, "round \(round), \(random.note)")
            // Rows appended after the merge code the same way too (the table must be the row-by-row one).
            for s in Self.symbols(50, distinct: 30, from: 500, &random) {
                merged.append(s)
                expected.append(s)
            }
            #expect(merged == expected && merged.isWide == expected.isWide, "round \(round), \(random.note)")
        }
    }

    @Test func timeColumnsMergeAsRowByRow() {
        var random = TestRandom(20_261_204)
        print("ColumnMergeTests: \(random.note)")
        for round in 0..<200 {
            func seconds(_ count: Int, near base: Int64) -> [Int64] {
                (0..<count).map { _ in
                    random.chance(1) ? base + 3_000_000_000 : base + Int64(random.int(-1_000_000...1_000_000))
                }
            }
            let mine = seconds(random.int(0...300), near: 1_577_836_800)
            let theirs = seconds(random.int(0...300), near: random.pick([1_577_836_800, 1_600_000_000, 4_600_000_000]))
            var merged = Self.column(mine)
            var other = Self.column(theirs)
            merged.append(moving: &other)
            let expected = Self.column(mine + theirs)
            #expect(other.count == 0, "round \(round), \(random.note)")
            #expect((0..<merged.count).map { merged[$0] } == mine + theirs, "round \(round), \(random.note)")
            #expect(merged.isWide == expected.isWide, "round \(round), \(random.note)")
        }
    }

    @Test func eventColumnsMergeAsRowByRow() {
        var random = TestRandom(20_261_205)
        print("ColumnMergeTests: \(random.note)")
        func events(_ count: Int, records: UInt32) -> [TicketEvent] {
            (0..<count).map { k in
                TicketEvent(
                    ticket: Symbol(raw: UInt32(random.int(1...40))), kind: random.pick(EventKind.allCases),
                    at: Instant(seconds: 1_577_836_800 + Int64(random.int(0...9_000_000))),
                    actor: Symbol(raw: UInt32(random.int(0...40))),
                    value: Symbol(
                        raw: random.chance(30)
                            ? EventColumns.fingerprintBit | UInt32(random.int(1...99))
                            : UInt32(random.int(0...40))),
                    via: Symbol(raw: UInt32(random.int(0...3))), channel: Symbol(raw: UInt32(random.int(1...4))),
                    record: records + UInt32(k))
            }
        }
        for round in 0..<50 {
            let mine = events(random.int(0...200), records: 0)
            let theirs = events(random.int(0...200), records: 0)
            let map = (0..<41).map { Symbol(raw: $0 == 0 ? 0 : UInt32($0) + UInt32(random.int(0...60))) }
            let recordBase = UInt32(mine.count)
            // On one core, and on two (the ticket and actor columns beside the others) however few the events.
            var merged = EventColumns(mine)
            var other = EventColumns(theirs)
            merged.append(moving: &other, map: map, recordBase: recordBase, parallelFrom: Int.max)
            var mergedOnTwo = EventColumns(mine)
            var otherOfTwo = EventColumns(theirs)
            mergedOnTwo.append(moving: &otherOfTwo, map: map, recordBase: recordBase, parallelFrom: 0)
            func mapped(_ s: Symbol) -> Symbol { s.raw & EventColumns.fingerprintBit == 0 ? map[Int(s.raw)] : s }
            let expected =
                mine
                + theirs.map { e in
                    TicketEvent(
                        ticket: mapped(e.ticket), kind: e.kind, at: e.at, actor: mapped(e.actor),
                        value: mapped(e.value),
                        via: mapped(e.via), channel: mapped(e.channel), record: e.record + recordBase)
                }
            #expect(other.count == 0 && otherOfTwo.count == 0, "round \(round), \(random.note)")
            #expect(Array(merged) == expected, "round \(round), \(random.note)")
            #expect(Array(mergedOnTwo) == expected, "round \(round), \(random.note)")
            #expect(mergedOnTwo.via.isWide == merged.via.isWide, "round \(round), \(random.note)")
        }
    }

    @Test func eventsAppendedInBatchesAreTheEventsAppendedOneByOne() {
        var random = TestRandom(20_261_207)
        print("ColumnMergeTests: \(random.note)")
        for round in 0..<50 {
            // Times far apart now and then (the time column widens inside a batch), vias and channels past
            // 256 distinct values in some rounds (the code columns widen inside a batch).
            let distinct = random.pick([3, 300])
            let events = (0..<random.int(0...700)).map { k in
                TicketEvent(
                    ticket: Symbol(raw: UInt32(random.int(1...40))), kind: random.pick(EventKind.allCases),
                    at: Instant(seconds: random.chance(1) ? 4_600_000_000 : 1_577_836_800 + Int64(k)),
                    actor: Symbol(raw: UInt32(random.int(0...40))), value: Symbol(raw: UInt32(random.int(0...40))),
                    via: Symbol(raw: UInt32(random.int(0...distinct))),
                    channel: Symbol(raw: UInt32(random.int(1...distinct))), record: UInt32(k))
            }
            let one = EventColumns(events)
            var batched = EventColumns()
            var lower = 0
            while lower < events.count {
                let upper = min(events.count, lower + random.int(0...300))
                events[lower..<upper].withUnsafeBufferPointer { batched.append(contentsOf: $0) }
                lower = upper
            }
            #expect(Array(batched) == events, "round \(round), \(random.note)")
            #expect(batched.at.isWide == one.at.isWide && batched.via.isWide == one.via.isWide, "\(random.note)")
        }
    }

    @Test func byteEqualityAgreesWithTheThreeWayComparison() {
        var random = TestRandom(20_261_206)
        print("ColumnMergeTests: \(random.note)")
        for _ in 0..<2_000 {
            let a = (0..<random.int(0...40)).map { _ in UInt8(random.int(0...255)) }
            var b = a
            if !b.isEmpty, random.chance(70) { b[random.below(b.count)] ^= UInt8(1 << random.int(0...7)) }
            if random.chance(10) { b.append(0) }
            let equal = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in SymbolTable.equal(x, y) } }
            let compared = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in SymbolTable.compare(x, y) }
            }
            #expect(equal == (compared == 0) && equal == (a == b), "\(a) vs \(b), \(random.note)")
        }
    }
}

/// The join appends each file's log to the ones before it on two cores from
/// ``IngestOptions/parallelMergeFrom`` events on: the joined input and the report must be the ones appending
/// on one core gives, for every native format at once (the trust fixtures: Zendesk exports and audits,
/// Twitter, HackerOne, Discourse, Stack Exchange, GitLab, with aliases and vendor metrics).
@Suite struct ParallelJoinTests {
    private func joined(_ files: [InputFile], policy: Policy, onTwoCores: Bool) -> JoinedInput {
        var options = IngestOptions(policy: policy)
        options.parallelMergeFrom = onTwoCores ? 0 : Int.max
        return Ingest.readAndJoin(files, options: options)
    }

    @Test func appendingOnTwoCoresJoinsWhatOneCoreJoins() throws {
        let names = [
            "zendesk-agent-requester", "zendesk-metric-events", "zendesk-business-minutes.csv", "twitter-handles.csv",
            "twitter-play-mode.csv", "hackerone-reporter-agent.json", "discourse-topics.json",
            "stackexchange-questions.json", "gitlab-issues.json",
        ]
        let files = try names.flatMap { try NativeTestSupport.trust($0) }
        #expect(files.count > names.count, "the fixture directories hold several files each")
        let policy = try NativeTestSupport.teamPolicy()
        let one = joined(files, policy: policy, onTwoCores: false)
        let two = joined(files, policy: policy, onTwoCores: true)
        #expect(two.log.events.count == one.log.events.count && one.log.events.count > 50)
        #expect(two.log.events == one.log.events)
        #expect(two.log.symbols.strings == one.log.symbols.strings)
        #expect(two.log.ledger.fate == one.log.ledger.fate)
        #expect(two.log.ledger.locations.lines == one.log.ledger.locations.lines)
        #expect(two.log.ledger.locations.files == one.log.ledger.locations.files)
        #expect(two.log.rejections == one.log.rejections)
        #expect(two.log.files == one.log.files)
        #expect(two.directory.entities == one.directory.entities)
        let request = ReportRequest(policy: policy, toolVersion: "test")
        var a = one
        var b = two
        let oneReport = try Pipeline.run(&a, request: request).model
        let twoReport = try Pipeline.run(&b, request: request).model
        #expect(twoReport == oneReport)
    }
}
