import Foundation
import Testing

@testable import SLAReportCore

/// The benchmark input at full size: 1,000,000 tickets, streamed and counted, never held in memory.
/// Only with `SLAREPORT_SCALE=1` (it takes seconds in release mode, much longer in debug):
/// `SLAREPORT_SCALE=1 swift test -c release -Xswiftc -enable-testing --filter GeneratorScaleTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SLAREPORT_SCALE"] == "1"))
struct GeneratorScaleTests {
    @Test func millionTicketsStream() {
        let options = GeneratorOptions(tickets: 1_000_000, seed: 1)
        var bytes = 0
        var rows = 0
        var chunks = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            SyntheticExport.generate(options) { chunk in
                bytes += chunk.count
                chunks += 1
                for b in chunk where b == 10 { rows += 1 }
            }
        }
        let perTicket = Double(rows - 1) / 1_000_000
        print("generate 1M tickets: \(rows - 1) events, \(bytes) bytes, \(chunks) chunks, \(elapsed)")
        #expect(perTicket > 5.5 && perTicket < 6.2)
        #expect(chunks > 300)
    }
}
