import Testing

@testable import SLAReportCore

/// The measure stage appends its results a batch at a time (``TicketResults/Appender``): every column must
/// read back exactly as if each value had been appended on its own, whatever the batch boundaries, when a
/// column widens in the middle of a batch, and when a batch starts or ends inside a 64-row presence word.
@Suite struct BatchAppendTests {
    /// Cuts `count` rows into batches of random sizes (0 to 130 rows: some empty, some longer than a word).
    static func batches(_ count: Int, _ random: inout TestRandom) -> [Range<Int>] {
        var cuts: [Range<Int>] = []
        var lower = 0
        while lower < count {
            let upper = min(count, lower + random.int(0...130))
            cuts.append(lower..<upper)
            lower = upper
        }
        return cuts
    }

    /// Seconds near 2020, sometimes absent, sometimes 95 years away (the column must widen).
    static func seconds(_ count: Int, widening: Bool, _ random: inout TestRandom) -> [Int64?] {
        (0..<count).map { k in
            if random.chance(30) { return nil }
            if widening && k > count / 2 && random.chance(2) { return 4_600_000_000 }
            return 1_577_836_800 + Int64(random.int(-100_000...100_000))
        }
    }

    @Test func timeColumnsReadBackTheSameInBatches() {
        var random = TestRandom(20_261_202)
        print("BatchAppendTests: \(random.note)")
        for round in 0..<40 {
            let values = Self.seconds(random.int(0...700), widening: round % 2 == 1, &random)
            var one = OptionalTimeColumn()
            for v in values { one.append(v) }
            var batched = OptionalTimeColumn()
            var plainOne = TimeColumn()
            var plainBatched = TimeColumn()
            let present = values.compactMap { $0 }
            for v in present { plainOne.append(v) }
            for cut in Self.batches(values.count, &random) {
                batched.append(count: cut.count) { values[cut.lowerBound + $0] }
            }
            for cut in Self.batches(present.count, &random) {
                plainBatched.append(count: cut.count) { present[cut.lowerBound + $0] }
            }
            #expect(batched.count == values.count, "\(random.note)")
            #expect(batched.isWide == one.isWide, "\(random.note)")
            #expect(values.indices.map { batched.optional($0) } == values, "\(random.note)")
            #expect(values.indices.map { batched[$0] } == values.indices.map { one[$0] }, "\(random.note)")
            #expect(plainBatched.isWide == plainOne.isWide && plainBatched.count == present.count, "\(random.note)")
            #expect(present.indices.allSatisfy { plainBatched[$0] == present[$0] }, "\(random.note)")
        }
    }

    @Test func symbolCodeColumnsReadBackTheSameInBatches() {
        var random = TestRandom(20_261_203)
        print("BatchAppendTests: \(random.note)")
        // Few distinct symbols (stays narrow), then more than 256 (widens, possibly in the middle of a batch).
        for distinct in [3, 9, 200, 300, 1_000] {
            let symbols = (0..<random.int(300...1_500)).map { _ in UInt32(random.int(1...distinct)) * 7 }
            var one = SymbolCodeColumn()
            for s in symbols { one.append(s) }
            var batched = SymbolCodeColumn()
            for cut in Self.batches(symbols.count, &random) {
                batched.append(count: cut.count) { symbols[cut.lowerBound + $0] }
            }
            #expect(batched.isWide == one.isWide, "\(distinct) distinct, \(random.note)")
            #expect(Array(batched) == symbols, "\(distinct) distinct, \(random.note)")
        }
    }

    /// The appender gives the columns that appending each measurement in turn gives.
    @Test func appenderMatchesOneByOne() {
        var random = TestRandom(20_261_204)
        print("BatchAppendTests: \(random.note)")
        var symbols = SymbolTable()
        let channels = (0..<3).map { symbols.intern("channel-\($0)") }
        let agents = (0..<300).map { symbols.intern("agent-\($0)") }
        let targets = [SLADuration(amount: 1, unit: .hours), SLADuration(amount: 2, unit: .days)]
        let count = TicketResults.Appender.batchSize * 2 + 37
        let given: [TicketMeasurement] = (0..<count).map { k in
            // One ticket 127 years before the others: the created column widens in the last batch.
            let created = 1_577_836_800 + Int64(k * 60) - (k == count - 3 ? 4_000_000_000 : 0)
            var m = TicketMeasurement(
                ticket: symbols.intern("T\(k)"), channel: channels[random.int(0...2)],
                created: Instant(seconds: created))
            if random.chance(70) {
                m.frtSeconds = Int64(random.int(1...90_000))
                m.firstReply = Instant(seconds: created + (m.frtSeconds ?? 0))
                m.frtBusinessSeconds = random.chance(80) ? Int64(random.int(0...40_000)) : nil
                m.outcome = random.chance(50) ? .achieved : .breached
                m.firstReplyActor = agents[random.int(0...(k < count / 2 ? 5 : 299))]
            }
            m.assignee = random.chance(50) ? agents[random.int(0...299)] : .none
            m.target = random.chance(80) ? targets[random.int(0...1)] : nil
            m.deadline = m.target.map { _ in Instant(seconds: created + 3_600) }
            m.replyTimeUnknown = random.chance(5)
            m.fromVendorMetric = random.chance(5)
            m.reopens = Int32(random.int(0...2))
            m.nextReplies = (0..<random.int(0...2)).map { j in
                NextReplyClock(
                    started: Instant(seconds: created + Int64(j * 100)),
                    replied: random.chance(50) ? Instant(seconds: created + Int64(j * 100 + 50)) : nil,
                    seconds: random.chance(50) ? 50 : nil, businessSeconds: nil,
                    deadline: random.chance(50) ? Instant(seconds: created + 7_200) : nil,
                    outcome: random.chance(50) ? .achieved : nil)
            }
            return m
        }
        var one = TicketResults()
        var appender = TicketResults.Appender(reservingCapacity: count)
        for (k, m) in given.enumerated() {
            one.append(m, timeline: k * 2)
            appender.append(m, timeline: k * 2)
            #expect(appender.count == k + 1)
        }
        let batched = appender.finish()
        #expect(batched.count == count)
        #expect(batched.created.isWide && one.created.isWide)
        #expect(batched.assignee.isWide == one.assignee.isWide)
        #expect(batched.targets == one.targets)
        #expect(batched.timeline == one.timeline && batched.nextStart == one.nextStart)
        let back = batched.all.map(Self.fields)
        let differFromOne = zip(back, one.all.map(Self.fields)).filter { $0 != $1 }.count
        let differFromGiven = zip(back, given.map(Self.fields)).filter { $0 != $1 }.count
        #expect(differFromOne == 0, "\(differFromOne) tickets differ, \(random.note)")
        #expect(differFromGiven == 0, "\(differFromGiven) tickets differ, \(random.note)")
    }

    /// Every stored field of `m`, as text.
    static func fields(_ m: TicketMeasurement) -> String {
        let values: [Any?] = [
            m.ticket.raw, m.channel.raw, m.created, m.firstReply, m.frtSeconds, m.frtBusinessSeconds,
            m.frtTargetBusinessSeconds, m.deadline, m.priority.raw, m.assignee.raw, m.firstReplyActor.raw,
            m.status.raw, m.outcome, m.fromVendorMetric, m.replyTimeUnknown, m.target, m.firstResolutionSeconds,
            m.fullResolutionSeconds, m.reopens, m.nextReplies,
        ]
        return values.map { String(describing: $0) }.joined(separator: "|")
    }
}
