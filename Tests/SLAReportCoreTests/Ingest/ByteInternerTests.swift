import Testing

@testable import SLAReportCore

@Suite struct ByteInternerTests {
    private func intern(_ bytes: [UInt8], _ interner: inout ByteInterner, _ symbols: inout SymbolTable) -> Symbol {
        bytes.withUnsafeBufferPointer { interner.intern($0, in: &symbols) }
    }

    @Test func sameBytesSameSymbolAcrossGrowth() {
        var symbols = SymbolTable()
        var interner = ByteInterner(capacity: 4)
        var first: [Symbol] = []
        for i in 0..<5000 { first.append(intern(Array("value-\(i)".utf8), &interner, &symbols)) }
        #expect(symbols.count == 5001)
        #expect(Set(first).count == 5000)
        for i in stride(from: 0, to: 5000, by: 7) {
            #expect(intern(Array("value-\(i)".utf8), &interner, &symbols) == first[i])
            #expect(symbols[first[i]] == "value-\(i)")
        }
        #expect(intern([], &interner, &symbols) == .none)
        // Agrees with the table's own interning.
        #expect(symbols.intern("value-42") == first[42])
        #expect(symbols.count == 5001)
    }

    /// The hash's tail word is the one a byte-by-byte loop builds, and so the hash is the definition's
    /// (its values are fixed: the fingerprints of unread values order equal-time events): every length
    /// from 1 to 40, random bytes, every offset into a buffer, several seeds.
    @Test func hashIsTheDefinitionsForEveryLength() {
        func definition(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
            var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
            var i = 0
            while i + 8 <= bytes.count {
                var v: UInt64 = 0
                for k in 0..<8 { v |= UInt64(bytes[i + k]) << UInt64(8 * k) }
                h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
            if i < bytes.count {
                var v: UInt64 = 0
                var shift: UInt64 = 0
                while i < bytes.count {
                    v |= UInt64(bytes[i]) << shift
                    shift += 8
                    i += 1
                }
                h = (h ^ v) &* 0x94D0_49BB_1331_11EB
                h ^= h >> 29
            }
            h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
            return h ^ (h >> 32)
        }
        var random = TestRandom(0xB17E_5A11)
        let buffer = (0..<64).map { _ in UInt8(truncatingIfNeeded: random.below(256)) }
        buffer.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            for count in 1...40 {
                for offset in 0...(64 - count) {
                    let bytes = Array(all[offset..<(offset + count)])
                    for seed: UInt64 in [0, 1, 0x5EED_F1A9_E2B1_7C3D, UInt64(random.below(1 << 62))] {
                        #expect(
                            ByteInterner.hash(base + offset, count, seed: seed) == definition(bytes, seed: seed),
                            "\(count) bytes at \(offset), seed \(seed), \(random.note)")
                    }
                }
            }
        }
    }

    @Test func invalidUTF8StillMapsToOneSymbol() {
        var symbols = SymbolTable()
        var interner = ByteInterner()
        let bad: [UInt8] = [0x61, 0xFF, 0x62]
        let a = intern(bad, &interner, &symbols)
        let b = intern(bad, &interner, &symbols)
        #expect(a == b)
        #expect(symbols[a] == "a\u{FFFD}b")
        #expect(symbols.count == 2)
    }
}

/// Merging the table of a later part numbers symbols as reading both parts into one table would.
struct SymbolTableMergeTests {
    @Test func mergingALaterPartsTableNumbersAsOneReadWould() {
        var random = TestRandom(0x3E26_E000)
        for round in 0..<20 {
            let words = (0..<random.int(0...3_000)).map { _ in "w\(random.below(2_000))" }
            let cut = random.int(0...words.count)
            var whole = SymbolTable()
            let wholeSymbols = words.map { whole.intern($0) }
            var first = SymbolTable()
            let firstSymbols = words[..<cut].map { first.intern($0) }
            var second = SymbolTable()
            let secondSymbols = words[cut...].map { second.intern($0) }
            let map = first.merge(taking: &second)
            #expect(second.count == 1, "the merged table is emptied: round \(round), \(random.note)")
            #expect(firstSymbols + secondSymbols.map { map[Int($0.raw)] } == wholeSymbols, "round \(round)")
            #expect(first.strings == whole.strings, "round \(round), \(random.note)")
            // The merged table still finds and adds symbols.
            #expect(first.lookup("w1") == whole.lookup("w1"))
            #expect(first.intern("new word") == whole.intern("new word"))
        }
    }

    /// Tables large enough to be looked up in several slices and indexed in home-slot order: every symbol of
    /// the merged table is found again, as itself, and nothing is added twice.
    @Test func aLargeMergeFindsEverySymbolAgain() {
        var random = TestRandom(0x5EED_0020)
        let words = (0..<240_000).map { _ in "id-\(random.below(150_000))" }
        var whole = SymbolTable()
        let wholeSymbols = words.map { whole.intern($0) }
        var first = SymbolTable()
        let firstSymbols = words[..<100_000].map { first.intern($0) }
        var second = SymbolTable()
        let secondSymbols = words[100_000...].map { second.intern($0) }
        #expect(second.count > 70_000, "enough symbols for more than one slice: \(random.note)")
        let map = first.merge(taking: &second)
        // Compared as Booleans: a failure would otherwise print the 240,000 symbols.
        let numberedAsOneRead = firstSymbols + secondSymbols.map { map[Int($0.raw)] } == wholeSymbols
        #expect(numberedAsOneRead, "\(random.note)")
        let sameTexts = first.strings == whole.strings
        #expect(sameTexts)
        let count = first.count
        for (i, text) in first.strings.enumerated().dropFirst() {
            if first.lookup(text) != Symbol(raw: UInt32(i)) {
                Issue.record("symbol \(i) (\(text)) not found as itself after the merge: \(random.note)")
                break
            }
        }
        let internedAgain = words.map { first.intern($0) } == wholeSymbols
        #expect(internedAgain)
        #expect(first.count == count, "interning known words added none")
    }

    /// Freeing the later tables' indexes and growing the first table once for all of them (as a file read in
    /// parts does) numbers and finds symbols as merging them one by one does.
    @Test func oneGrowthForAllPartsMergesAsOneReadWould() {
        var random = TestRandom(0x6E0_0A11)
        for round in 0..<10 {
            let words = (0..<random.int(0...4_000)).map { _ in "w\(random.below(3_000))" }
            let cuts = ([0, words.count] + (0..<random.int(1...5)).map { _ in random.int(0...words.count) }).sorted()
            var whole = SymbolTable()
            let wholeSymbols = words.map { whole.intern($0) }
            var tables: [SymbolTable] = []
            var symbols: [[Symbol]] = []
            for k in 0..<(cuts.count - 1) {
                var table = SymbolTable()
                symbols.append(words[cuts[k]..<cuts[k + 1]].map { table.intern($0) })
                tables.append(table)
            }
            var first = tables.removeFirst()
            let texts = tables.map(\.strings)
            for k in tables.indices { tables[k].dropIndex() }
            first.reserve(symbols: tables.map(\.count).reduce(0, +), bytes: tables.map(\.byteCount).reduce(0, +))
            // The later tables keep their texts, which merging reads, but no longer find them: their indexes
            // were freed before the first table grew.
            #expect(tables.map(\.strings) == texts, "round \(round), \(random.note)")
            for table in tables where table.count > 1 {
                #expect(table.lookup(table[Symbol(raw: 1)]) == nil, "round \(round), \(random.note)")
            }
            var merged = symbols[0]
            for k in tables.indices {
                let map = first.merge(taking: &tables[k])
                merged += symbols[k + 1].map { map[Int($0.raw)] }
            }
            let note = "round \(round), \(cuts.count - 1) parts, \(random.note)"
            #expect(merged == wholeSymbols, "\(note)")
            #expect(first.strings == whole.strings, "\(note)")
            for (i, text) in first.strings.enumerated().dropFirst() where first.lookup(text) != Symbol(raw: UInt32(i)) {
                Issue.record("symbol \(i) (\(text)) not found as itself: \(note)")
                break
            }
            #expect(first.intern("new word") == whole.intern("new word"), "\(note)")
        }
    }
}
