import Testing

@testable import SLAReportCore

/// ``SymbolCache`` answers from its last symbol when it can: whatever the order of the values — runs, two
/// taking turns, many mixed — every answer must be the table's own symbol for those bytes.
struct SymbolCacheTests {
    @Test func everyAnswerIsTheTablesSymbol() {
        var random = TestRandom(0x5CAC_4E00)
        // Every length the short keys treat apart (1–3, 4–7, 8–16, longer), words differing in one byte only.
        let words = [
            "user1", "agent22", "agent3", "User1", "AGENT22", "e", "é", "agent2", "", "ab", "abc", "axc", "abcd",
            "abxd", "abcdefg", "abcxefg", "abcdefgh", "abcdefgi", "abcdefghijklmnop", "abcdefghixklmnop",
            "abcdefghijklmnopq", "abcdefghijklmnopr",
        ]
        for lowercase in [false, true] {
            var cache = SymbolCache(lowercase: lowercase)
            var interner = ByteInterner()
            var symbols = SymbolTable()
            var checked = SymbolTable()
            for step in 0..<2_000 {
                // Runs and pairs taking turns, with a stray word now and then.
                let word = random.chance(20) ? random.pick(words) : words[(step / 3) % 2 == 0 ? step % 2 : 2]
                let symbol = Array(word.utf8).withUnsafeBufferPointer {
                    cache.intern($0, in: &symbols, interner: &interner)
                }
                let expected = lowercase ? word.lowercased() : word
                #expect(symbols[symbol] == expected, "step \(step), \(random.note)")
                #expect(symbol == symbols.lookup(expected), "step \(step), \(random.note)")
                _ = checked.intern(expected)
            }
            // Nothing interned but the words seen (case folded for a lower-casing column).
            #expect(Set(symbols.strings) == Set(checked.strings))
        }
    }
}
