import Testing

@testable import SLAReportCore

/// The byte-level event name reader agrees with `EventKind(name:)` on every canonical name in any case and on
/// near misses.
@Suite struct EventKindBytesTests {
    func kind(_ text: String) -> EventKind? {
        var copy = text
        return copy.withUTF8 { CanonicalEventsAdapter.eventKind($0) }
    }

    @Test func namesInAnyCaseAndNearMisses() {
        for k in EventKind.canonical {
            #expect(kind(k.name) == k)
            #expect(kind(k.name.uppercased()) == k)
            #expect(kind(k.name.prefix(1).uppercased() + k.name.dropFirst()) == k)
            #expect(kind(String(k.name.dropLast())) == nil)
            #expect(kind(k.name + "s") == nil)
            #expect(kind(" " + k.name) == nil)
        }
        for text in ["", "x", "nots", "skiP ", "replz", "assigm", "statuz", "createe", "commenT", "priorit_", "solved"]
        {
            #expect(kind(text) == EventKind(name: text), "\(text)")
        }
        #expect(kind("SKIP") == .skip)
        #expect(kind("Note") == .note)
    }

    /// Every byte value at every position of every name: the name is read exactly when the byte is the
    /// name's letter in either case (the word comparison must not take `@` for `` ` `` or `[` for `{`).
    @Test func everyByteAtEveryPositionOfEveryName() {
        var mismatches: [String] = []
        for k in EventKind.canonical {
            let name = Array(k.name.utf8)
            for i in name.indices {
                for b in 0...255 {
                    var bytes = name
                    bytes[i] = UInt8(b)
                    let expected: EventKind? = FieldBytes.lower(UInt8(b)) == name[i] ? k : nil
                    let found = bytes.withUnsafeBufferPointer { CanonicalEventsAdapter.eventKind($0) }
                    if found != expected { mismatches.append("\(k.name)[\(i)] = \(b)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// The canonical adapter's own reader of status and priority values gives the list search's answer on
    /// every word of both lists, in any case, on near misses and on the other list's words.
    @Test func theAdaptersListedIndexIsTheListSearch() {
        for (kind, words, strings) in [
            (EventKind.status, CanonicalEventsAdapter.statusWords, CanonicalEventsAdapter.statuses),
            (EventKind.priority, CanonicalEventsAdapter.priorityWords, CanonicalEventsAdapter.priorities),
        ] {
            var texts = ["", "n", "hol", "Hold", "hig", "solvedd"]
            for word in CanonicalEventsAdapter.statuses + CanonicalEventsAdapter.priorities {
                let rest = String(word.dropFirst())
                texts += [word, word.uppercased(), word.prefix(1).uppercased() + rest, String(word.dropLast())]
                texts += [word + "x", " " + word, rest, "x" + rest]
            }
            for text in texts {
                var copy = text
                let (fast, list) = copy.withUTF8 {
                    (
                        CanonicalEventsAdapter.listedIndex($0, kind: kind),
                        FieldBytes.index(ofIgnoringCase: $0, in: words)
                    )
                }
                #expect(fast == list, "\(kind.name) \(text.debugDescription)")
            }
            for (i, word) in strings.enumerated() {
                var copy = word
                #expect(copy.withUTF8 { CanonicalEventsAdapter.listedIndex($0, kind: kind) } == i, "\(word)")
            }
        }
    }

    /// Status and priority values are found in their lists in any case; near misses and other lists' words are not.
    @Test func listedValuesInAnyCaseAndNearMisses() {
        func index(_ text: String, _ words: [StaticString]) -> Int? {
            var copy = text
            return copy.withUTF8 { FieldBytes.index(ofIgnoringCase: $0, in: words) }
        }
        for (words, strings) in [
            (CanonicalEventsAdapter.statusWords, CanonicalEventsAdapter.statuses),
            (CanonicalEventsAdapter.priorityWords, CanonicalEventsAdapter.priorities),
        ] {
            #expect(strings.count == words.count)
            for (k, word) in strings.enumerated() {
                #expect(index(word, words) == k)
                #expect(index(word.uppercased(), words) == k)
                #expect(index(word.prefix(1).uppercased() + word.dropFirst(), words) == k)
                #expect(index(String(word.dropLast()), words) == nil)
                #expect(index(word + "x", words) == nil)
                #expect(index(" " + word, words) == nil)
            }
        }
        #expect(index("", CanonicalEventsAdapter.statusWords) == nil)
        #expect(index("high", CanonicalEventsAdapter.statusWords) == nil)
        #expect(index("solved", CanonicalEventsAdapter.priorityWords) == nil)
        #expect(index("SOLVED", CanonicalEventsAdapter.statusWords) == 4)
        #expect(index("sol\u{e9}d", CanonicalEventsAdapter.statusWords) == nil)
    }
}
