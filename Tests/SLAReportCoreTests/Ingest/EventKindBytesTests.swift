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
}
