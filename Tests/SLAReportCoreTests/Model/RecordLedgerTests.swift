import Testing

@testable import SLAReportCore

/// ``RecordLedger/hasRejections`` answers without a pass over the fates: it must say what such a pass says,
/// after any mix of beginnings, settlements, rejections, appends and truncations (seeded, the seed printed).
@Suite struct RecordLedgerTests {
    @Test func hasRejectionsIsWhetherAnyFateIsRejected() {
        var random = TestRandom(20_261_204)
        print("RecordLedgerTests: \(random.note)")
        let fates: [RecordFate] = [.pending, .used, .outOfWindow, .duplicate, .rejected]
        for round in 0..<200 {
            var ledger = RecordLedger()
            for _ in 0..<random.int(0...40) {
                switch random.int(0...5) {
                case 0, 1: _ = ledger.begin(file: 0, line: random.int(1...99))
                case 2 where ledger.count > 0:
                    ledger.settle(UInt32(random.below(ledger.count)), random.pick(fates))
                case 3 where ledger.count > 0 && random.chance(30):
                    ledger.reject(UInt32(random.below(ledger.count)), reason: "r")
                case 4:
                    var other = RecordLedger()
                    for _ in 0..<random.int(0...3) { _ = other.begin(file: 0, line: 1) }
                    if other.count > 0 && random.chance(30) { other.reject(0, reason: "o") }
                    _ = ledger.append(other, file: { $0 })
                case 5 where ledger.count > 0: ledger.truncate(to: random.below(ledger.count))
                default: break
                }
                #expect(ledger.hasRejections == ledger.fate.contains(.rejected), "round \(round), \(random.note)")
            }
        }
    }
}
