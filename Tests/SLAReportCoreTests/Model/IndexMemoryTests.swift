import Testing

@testable import SLAReportCore

/// The symbol index's memory and the cache hints given before lookups: neither may change what the table
/// holds or answers.
struct IndexMemoryTests {
    /// Small and large indexes (the large one above ``IndexMemory/hugeAbove``, in huge pages on Linux) are
    /// zeroed, writable to their last slot, and on Linux the large one starts on a huge-page boundary.
    @Test(arguments: [1, 64, 4_096, IndexMemory.hugeAbove / 8, IndexMemory.hugeAbove / 8 * 3 + 5])
    func slotsAreZeroedAndWritable(count: Int) {
        let slots = IndexMemory.zeroed(count)
        defer { IndexMemory.release(slots) }
        let buffer = UnsafeMutableBufferPointer(start: slots, count: count)
        #expect(buffer.allSatisfy { $0 == 0 }, "\(count) slots zeroed")
        buffer[count - 1] = 2
        buffer[0] = 1
        #expect(buffer[0] == 1 && buffer[count - 1] == (count == 1 ? 1 : 2))
        #if os(Linux)
            if count * 8 >= IndexMemory.hugeAbove {
                #expect(Int(bitPattern: slots) % IndexMemory.hugePage == 0, "a large index on a huge-page boundary")
            }
        #endif
    }

    /// A copy holds every slot of its source, small or in huge pages, and is its own memory.
    @Test(arguments: [1, 4_096, IndexMemory.hugeAbove / 8 + 3])
    func copiesHoldEverySlot(count: Int) {
        let source = IndexMemory.zeroed(count)
        defer { IndexMemory.release(source) }
        for i in 0..<count { source[i] = UInt64(i) &* 0x9E37_79B9_7F4A_7C15 }
        let copy = IndexMemory.copy(source, count: count)
        defer { IndexMemory.release(copy) }
        #expect((0..<count).allSatisfy { copy[$0] == source[$0] }, "\(count) slots copied")
        copy[count - 1] = 7
        #expect(source[count - 1] == UInt64(count - 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// A copy of a table with an index in huge pages (copied, not rebuilt, on its first new symbol) finds
    /// every symbol the original has, adds its own, and leaves the original as it was.
    @Test func aCopiedTableFindsEverySymbolAndTheOriginalIsUnchanged() {
        var original = SymbolTable()
        let words = (0..<300_000).map { "id-\($0)" }
        let symbols = words.map { original.intern($0) }
        var copy = original
        let added = copy.intern("only in the copy")
        let foundInCopy = words.map { copy.lookup($0) } == symbols.map { Optional($0) }
        #expect(foundInCopy)
        #expect(copy.count == original.count + 1 && copy.lookup("only in the copy") == added)
        #expect(original.lookup("only in the copy") == nil)
        let foundInOriginal = words.map { original.lookup($0) } == symbols.map { Optional($0) }
        #expect(foundInOriginal)
    }

    /// Prefetching (the table's and a column cache's) adds no symbol and leaves every later answer as a
    /// table that was never asked to prefetch gives it; the empty field and long fields included.
    @Test func prefetchingChangesNothing() {
        var random = TestRandom(0x9EF3_7C40)
        let words =
            (0..<20_000).map { _ in random.below(4) == 0 ? "" : "word-\(random.below(9_000))" } + [
                String(repeating: "long field ", count: 4)
            ]
        var plain = SymbolTable()
        var hinted = SymbolTable()
        var cache = SymbolCache()
        var interner = ByteInterner()
        var plainSymbols: [Symbol] = []
        var hintedSymbols: [Symbol] = []
        for word in words {
            plainSymbols.append(plain.intern(word))
            var copy = word
            copy.withUTF8 { bytes in
                let before = hinted.count
                let tableHash = hinted.prefetch(bytes: bytes)
                let ahead = cache.prefetch(bytes, in: hinted)
                #expect(hinted.count == before, "prefetching added nothing")
                #expect((tableHash == nil) == bytes.isEmpty)
                #expect(ahead.hash == nil || ahead.hash == tableHash, "one hash for the same bytes and table")
                #expect(ahead.key == ShortBytes(bytes), "the key of the bytes")
                hintedSymbols.append(cache.intern(bytes, in: &hinted, interner: &interner, lookahead: ahead))
            }
        }
        #expect(hintedSymbols == plainSymbols, "\(random.note)")
        #expect(hinted.strings == plain.strings)
        #expect(SymbolTable().prefetch(bytes: UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }
}
