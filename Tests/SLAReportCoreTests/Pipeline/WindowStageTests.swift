import Testing

@testable import SLAReportCore

/// The default as-of and its outlier warning (``WindowStage/resolve(_:request:)``) must be the ones the
/// sequential definition gives — the newest event of a record not rejected (ties: the lowest record), and
/// the runner-up kept as the newest event of another record, in event order; events of records the ledger
/// does not hold left out — whatever skips the stage
/// takes: seeded logs with ties, one record's several events, events out of record order, rejected records
/// and far-off outliers.
@Suite struct WindowStageTests {
    /// The definition, one event at a time: (newest, runner-up, oldest).
    private static func definition(_ log: EventLog) -> (
        newest: (at: Int64, record: UInt32)?, runnerUp: (at: Int64, record: UInt32)?, oldest: Int64
    ) {
        var newest: (at: Int64, record: UInt32)?
        var runnerUp: (at: Int64, record: UInt32)?
        var oldest = Int64.max
        for i in log.events.indices {
            let (at, record) = (log.events.at[i], log.events.record[i])
            if Int(record) >= log.ledger.count || log.ledger.isRejected(record) { continue }
            oldest = min(oldest, at)
            if let best = newest {
                if at > best.at || (at == best.at && record < best.record) {
                    if record != best.record { runnerUp = best }
                    newest = (at, record)
                } else if record != best.record, at > (runnerUp?.at ?? Int64.min) {
                    runnerUp = (at, record)
                }
            } else {
                newest = (at, record)
            }
        }
        return (newest, runnerUp, oldest)
    }

    @Test func theDefaultAsOfIsTheDefinitions() throws {
        var random = TestRandom(20_261_205)
        print("WindowStageTests: \(random.note)")
        var outliers = 0
        for round in 0..<600 {
            var b = LogBuilder()
            let base: Int64 = 1_479_000_000
            // Minutes or days apart, over a few or many steps (ties on purpose); now and then a far-off event,
            // as far as the rest spans or much further.
            let unit = Int64(random.pick([60, 3_600, 86_400]))
            let steps = random.pick([3, 30, 200])
            for _ in 0..<random.int(0...60) {
                let late = random.chance(3) ? Int64(random.int(20...400)) * 86_400 : 0
                let at = base + Int64(random.int(0...steps)) * unit + late
                b.add("T\(random.int(0...9))", random.pick([.created, .reply, .note]), at: Instant(seconds: at))
            }
            // Some records carry several events (a second event appended to the last record).
            if random.chance(30), b.log.events.count > 0 {
                var last = b.log.events[b.log.events.count - 1]
                last.at = Instant(seconds: last.at.seconds + Int64(random.int(-3_600...86_400 * 60)))
                b.log.append(last)
            }
            // Now and then an event of a record the ledger does not hold (left out), the newest of all.
            if random.chance(10), b.log.events.count > 0 {
                var stray = b.log.events[0]
                stray.record = UInt32(b.log.recordCount + 5)
                stray.at = Instant(seconds: base + 900 * 86_400)
                b.log.append(stray)
            }
            // Events not in record order (the joins append events of earlier records).
            if random.chance(50) { b.log.events.shuffle(using: &random) }
            for r in 0..<b.log.recordCount where random.chance(15) { b.log.ledger.reject(UInt32(r), reason: "x") }
            let window = try WindowStage.resolve(b.log, request: ReportRequest(policy: .builtIn))
            let expected = Self.definition(b.log)
            let note = "round \(round), \(random.note)"
            guard let newest = expected.newest else {
                #expect(window.asOfSource == nil && window.outlier == nil, "\(note)")
                continue
            }
            #expect(window.asOf.seconds == newest.at, "\(note)")
            #expect(window.asOfSource == b.log.location(of: newest.record), "\(note)")
            var outlier = false
            if let second = expected.runnerUp {
                let gap = newest.at - second.at
                outlier = gap > WindowStage.outlierGapSeconds && gap > second.at - expected.oldest
                if outlier {
                    let rest = b.log.location(of: second.record).description
                    #expect(window.outlier?.contains(rest) == true, "\(note)")
                }
            }
            #expect((window.outlier != nil) == outlier, "\(note)")
            if outlier { outliers += 1 }
        }
        #expect(outliers > 10, "the rounds include outliers")
    }
}
