import Testing

@testable import SLAReportCore

/// ``SymbolCodeColumn`` codes a few distinct symbols in a byte and widens past 256 of them: every operation
/// must read back as a plain array of symbol ids would.
struct SymbolCodeColumnTests {
    @Test(arguments: [3, 7, 8, 9, 40, 250, 256, 257, 600])
    func readsBackAsAPlainArray(distinct: Int) {
        var random = TestRandom(0x5C0D_E000 &+ UInt64(distinct))
        var column = SymbolCodeColumn()
        var model: [UInt32] = []
        let symbols = (0..<distinct).map { UInt32($0 * 7 + 1) }
        for _ in 0..<2_000 {
            let s = random.chance(60) ? (model.last ?? 0) : random.pick(symbols)
            column.append(s)
            model.append(s)
        }
        #expect(column.isWide == (Set(model).count > 256), "\(random.note)")
        for _ in 0..<300 {
            let i = random.below(model.count)
            let j = random.below(model.count)
            if random.chance(50) {
                let s = random.pick(symbols)
                column[i] = s
                model[i] = s
            } else {
                column.swapAt(i, j)
                model.swapAt(i, j)
            }
        }
        let order = (0..<UInt32(model.count)).shuffled(using: &random).prefix(1_500).map { $0 }
        order.withUnsafeBufferPointer { column.gather($0) }
        model = order.map { model[Int($0)] }
        column.truncate(to: 1_200)
        model.removeSubrange(1_200...)
        #expect((0..<column.count).map { column[$0] } == model, "\(random.note)")

        // Appending another column renames its symbols through the map.
        var other = SymbolCodeColumn()
        var otherModel: [UInt32] = []
        for _ in 0..<500 {
            let s = UInt32(random.below(5))
            other.append(s)
            otherModel.append(s)
        }
        let map = (0..<5).map { Symbol(raw: UInt32(1_000 + $0)) }
        column.append(moving: &other, map: map)
        model += otherModel.map { map[Int($0)].raw }
        #expect(other.count == 0)
        #expect((0..<column.count).map { column[$0] } == model, "\(random.note)")
    }
}

/// ``TimeColumn`` keeps 4-byte offsets while they fit and widens otherwise, also for instants at opposite
/// ends of `Int64` (whose difference overflows).
struct TimeColumnTests {
    @Test func farApartInstantsWidenInsteadOfWrapping() {
        for values in [[Int64.max, Int64.min, 0], [0, 1, Int64(Int32.max) + 1], [Int64.min, Int64.max]] {
            var column = TimeColumn()
            for v in values { column.append(v) }
            #expect((0..<column.count).map { column[$0] } == values)
            var set = TimeColumn()
            set.append(values[0])
            set.append(values[0])
            set[1] = values[1]
            #expect(set[1] == values[1] && set[0] == values[0])
        }
    }
}
