import Foundation
import Testing

@testable import SLAReportCore

/// The one place the stages run work side by side: results in a fixed order, whichever thread finishes
/// first.
@Suite struct ParallelTests {
    @Test func mapHandsBackResultsInIndexOrder() {
        for count in [0, 1, 2, 3, 17] {
            #expect(Parallel.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 }, "count \(count)")
        }
    }

    @Test func bothRunsBoth() {
        let (a, b) = Parallel.both({ (1...100).reduce(0, +) }, { "done" })
        #expect(a == 5050 && b == "done")
    }
}
