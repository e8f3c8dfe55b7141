import Foundation
import Testing

@testable import SLAReportCore

/// The progress line: bytes of the total, percentage, rate and time left, at most ten lines a second, then a
/// newline.
@Suite struct ProgressMeterTests {
    /// A clock and an output the test drives.
    final class Harness: @unchecked Sendable {
        // `@unchecked Sendable`: one test, one thread.
        var now: UInt64 = 0
        var written: [String] = []
    }

    @Test func theLineSaysHowMuchHowFastAndHowLong() {
        let line = ProgressMeter.line(label: "reading", read: 123_400_000, total: 370_400_000, elapsed: 500_000_000)
        #expect(line == "slareport: reading 123.4 MB of 370.4 MB (33%), 246.8 MB/s, 2s left")
        #expect(
            ProgressMeter.line(label: "reading", read: 370_400_000, total: 370_400_000, elapsed: 2_000_000_000)
                == "slareport: reading 370.4 MB of 370.4 MB (100%), 185.2 MB/s")
        #expect(
            ProgressMeter.line(label: "reading", read: 0, total: 0, elapsed: 0)
                == "slareport: reading 0.0 MB of 0.0 MB (100%)")
        // A stream: no total, so no percentage and no time left, only what was read and how fast.
        #expect(
            ProgressMeter.line(label: "reading", read: 123_400_000, total: nil, elapsed: 500_000_000)
                == "slareport: reading 123.4 MB, 246.8 MB/s")
    }

    @Test func aStreamOfUnknownSizeIsCountedNotCapped() {
        let h = Harness()
        let meter = ProgressMeter(total: nil, clock: { h.now }, write: { h.written.append($0) })
        h.now = 1_000_000_000
        meter.add(bytes: 5_000_000)
        meter.finish()
        #expect(h.written.first == "\rslareport: reading 5.0 MB, 5.0 MB/s")
        #expect(h.written.allSatisfy { !$0.contains("%") })
        #expect(h.written.last == "\n")
    }

    @Test func atMostTenLinesASecondThenANewline() {
        let h = Harness()
        let meter = ProgressMeter(total: 1000, clock: { h.now }, write: { h.written.append($0) })
        // A buffer every millisecond for two seconds: 20 lines, not 2000.
        for _ in 0..<2000 {
            h.now += 1_000_000
            meter.add(bytes: 0)
        }
        #expect(h.written.count == 20)
        #expect(h.written.allSatisfy { $0.hasPrefix("\rslareport: reading") })
        meter.finish()
        #expect(h.written.last == "\n")
        #expect(h.written.dropLast().last?.contains("(100%)") == true)
        meter.add(bytes: 10)
        #expect(h.written.last == "\n", "nothing after finish")
    }

    @Test func aShorterLineCoversTheLongerOne() {
        let h = Harness()
        let meter = ProgressMeter(total: 2_000_000_000, clock: { h.now }, write: { h.written.append($0) })
        h.now = 1_000_000_000
        meter.add(bytes: 1)
        h.now = 2_000_000_000
        meter.add(bytes: 1_999_999_999)
        let (first, second) = (h.written[0], h.written[1])
        #expect(second.count >= first.count)
    }
}
