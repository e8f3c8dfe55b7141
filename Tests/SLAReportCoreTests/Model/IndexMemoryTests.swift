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
                let cacheHash = cache.prefetch(bytes, in: hinted)
                #expect(hinted.count == before, "prefetching added nothing")
                #expect((tableHash == nil) == bytes.isEmpty)
                #expect(cacheHash == nil || cacheHash == tableHash, "one hash for the same bytes and table")
                hintedSymbols.append(cache.intern(bytes, in: &hinted, interner: &interner, hash: cacheHash))
            }
        }
        #expect(hintedSymbols == plainSymbols, "\(random.note)")
        #expect(hinted.strings == plain.strings)
        #expect(SymbolTable().prefetch(bytes: UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }
}
